"""Ingest: every input format, every bad-input case of issue 3 §8 that concerns reading files."""

from __future__ import annotations

import gzip
import io
import json
import re
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hyp_settings
from hypothesis import strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from saidwhat.errors import SaidwhatError
from saidwhat.ingest import InputFile, SourceDoc, discover, iter_sources, read_input
from saidwhat.ingest.base import stdin_source
from saidwhat.ingest.dates import parse_feed_date, parse_iso_date
from saidwhat.ingest.html import assemble
from saidwhat.settings import Settings
from tests.conftest import SAMPLES, needs_shared

FIX = Path(__file__).resolve().parent / "fixtures" / "ingest"
ARTICLE = (
    "<html><head><title>Story {i}</title></head><body><article><p>Paragraph {i}: the minister said on "
    "Monday that the talks would continue through the week and that progress was made.</p></article>"
    "</body></html>"
)


def cfg(**kw: int) -> Settings:
    return Settings(**kw)  # type: ignore[arg-type]


def read(path: Path | str, settings: Settings | None = None, **kw: str) -> list[SourceDoc | SaidwhatError]:
    return list(iter_sources([str(path)], settings or Settings(), **kw))


def docs_of(items: list[SourceDoc | SaidwhatError]) -> list[SourceDoc]:
    return [d for d in items if isinstance(d, SourceDoc)]


def errors_of(items: list[SourceDoc | SaidwhatError]) -> list[SaidwhatError]:
    return [e for e in items if isinstance(e, SaidwhatError)]


def only_error(items: list[SourceDoc | SaidwhatError]) -> SaidwhatError:
    assert len(items) == 1 and isinstance(items[0], SaidwhatError), items
    return items[0]


def assert_hints_cover(doc: SourceDoc) -> None:
    pos = 0
    for h in doc.hints:
        assert h.start == pos and h.end > h.start
        pos = h.end
    assert pos == len(doc.text)


# --- plain text ---------------------------------------------------------------------------------


@needs_shared
@pytest.mark.shared
def test_samples_are_held_exactly_as_the_files() -> None:
    items = read(SAMPLES)
    docs = docs_of(items)
    assert not errors_of(items)
    assert [d.stem for d in docs] == ["000_14d1caff0cac3eef", "002_490d83485b533276"]
    for doc in docs:
        raw = Path(doc.source).read_bytes().decode("utf-8")
        assert doc.text == raw.replace("\r\n", "\n")
        assert doc.format == "text" and doc.published is None and doc.hints == []
    assert docs[0].text.startswith("\n")
    assert docs[1].text.startswith(" date 2025-10-06")


def test_text_with_sidecar_takes_its_values() -> None:
    (doc,) = read(FIX / "article.txt")
    assert isinstance(doc, SourceDoc)
    assert doc.text == (FIX / "article.txt").read_text(encoding="utf-8")
    assert (doc.published, doc.published_basis) == ("2025-10-06", "metadata")
    assert doc.title == "Minister says talks will continue"
    assert doc.url == "https://news.example.com/a" and doc.author == "Jane Roe"
    assert doc.stem == "article" and doc.source == str(FIX / "article.txt")


def test_sidecar_wins_over_given_date_and_given_dates_the_rest(tmp_path: Path) -> None:
    (tmp_path / "plain.txt").write_text("He said it would rain.\n")
    shutil.copy(FIX / "article.txt", tmp_path)
    shutil.copy(FIX / "article.meta.json", tmp_path)
    docs = docs_of(read(tmp_path, published="2025-01-02"))
    got = {d.stem: (d.published, d.published_basis) for d in docs}
    assert got == {"article": ("2025-10-06", "metadata"), "plain": ("2025-01-02", "given")}


@pytest.mark.parametrize("bad", ["2025-02-31", "06/10/2025", "2025-10-6", "yesterday"])
def test_invalid_given_date_is_refused(bad: str) -> None:
    err = only_error(read(FIX / "article.txt", published=bad))
    assert err.code == "E_DATE" and bad in err.message


def test_sidecar_with_invalid_date_skips_the_article(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("The minister said the talks would continue.\n")
    (tmp_path / "a.meta.json").write_text('{"published": "2025-02-31"}')
    (tmp_path / "b.txt").write_text("Another article, read as usual.\n")
    items = read(tmp_path)
    err = errors_of(items)
    assert len(err) == 1 and err[0].code == "E_DATE"
    assert err[0].source == str(tmp_path / "a.meta.json") and "2025-02-31" in err[0].message
    assert [d.stem for d in docs_of(items)] == ["b"]


@pytest.mark.parametrize(
    "content", ["{not json", "[1, 2]", '{"title": 3}', '{"published": 20251006}', b"\xff\xfe{}"]
)
def test_malformed_sidecar(tmp_path: Path, content: str | bytes) -> None:
    (tmp_path / "a.txt").write_text("Some text.\n")
    side = tmp_path / "a.meta.json"
    if isinstance(content, bytes):
        side.write_bytes(content)
    else:
        side.write_text(content)
    err = only_error(read(tmp_path / "a.txt"))
    assert err.code == "E_SIDECAR" and err.source == str(side)


def test_newlines_normalised_bom_dropped_spaces_kept(tmp_path: Path) -> None:
    f = tmp_path / "crlf.txt"
    f.write_bytes(b"\xef\xbb\xbf  first line\r\nsecond\rthird\r\n\r\n  ")
    (doc,) = read(f)
    assert isinstance(doc, SourceDoc)
    assert doc.text == "  first line\nsecond\nthird\n\n  "


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        (
            "The caf\u00e9 owner said \u201cwe\u2019re open\u201d \u2014 a na\u00efve r\u00e9sum\u00e9.\n",
            "cp1252",
        ),
        ("Plain ASCII text with a pound \u00a3 sign, the minister said.\n", "cp1252"),
        ("Stra\u00dfe und M\u00fcller: \u00ab das ist gut \u00bb, sagte er.\n", "latin-1"),
        ("The minister said \u201cno\u201d.\n", "utf-16"),
    ],
)
def test_legacy_encodings_are_decoded(tmp_path: Path, text: str, encoding: str) -> None:
    f = tmp_path / "legacy.txt"
    f.write_bytes(text.encode(encoding))
    (doc,) = read(f)
    assert isinstance(doc, SourceDoc) and doc.text == text


def test_utf8_with_stray_cp1252_bytes(tmp_path: Path) -> None:
    f = tmp_path / "mixed.txt"
    f.write_bytes("Le ministre a d\u00e9clar\u00e9 \u00ab oui \u00bb.".encode() + b" He said \x93no\x94.\n")
    (doc,) = read(f)
    assert isinstance(doc, SourceDoc)
    assert doc.text == "Le ministre a d\u00e9clar\u00e9 \u00ab oui \u00bb. He said \u201cno\u201d.\n"


def test_undetectable_encoding_is_refused(tmp_path: Path) -> None:
    f = tmp_path / "garbled.txt"
    f.write_bytes(b"The minister said " + bytes(range(0x80, 0x100)) * 3 + b" and left.\n")
    err = only_error(read(f))
    assert err.code == "E_ENCODING" and err.source == str(f)


def test_binary_files_are_refused(tmp_path: Path) -> None:
    png = tmp_path / "image.txt"
    png.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    noise = tmp_path / "noise.txt"
    noise.write_bytes(bytes((i * 7 + 3) % 32 for i in range(2000)) + b"some words")
    assert only_error(read(png)).code == "E_BINARY"
    assert only_error(read(noise)).code == "E_BINARY"


@pytest.mark.parametrize("content", [b"", b"   \n\t\r\n  ", b"\xef\xbb\xbf\n"])
def test_empty_text_files(tmp_path: Path, content: bytes) -> None:
    f = tmp_path / "empty.txt"
    f.write_bytes(content)
    err = only_error(read(f))
    assert err.code == "E_EMPTY" and err.source == str(f)


def test_over_the_size_limit(tmp_path: Path) -> None:
    f = tmp_path / "big.txt"
    f.write_text("word " * 100)
    err = only_error(read(f, cfg(max_bytes=200)))
    assert err.code == "E_TOO_LARGE" and "200" in err.message
    (doc,) = read(f, cfg(max_bytes=500))
    assert isinstance(doc, SourceDoc)


def test_size_limit_counts_extracted_text_for_containers(tmp_path: Path) -> None:
    f = tmp_path / "big.jsonl"
    f.write_text(json.dumps({"text": "x" * 300}) + "\n" + json.dumps({"text": "short text"}) + "\n")
    items = read(f, cfg(max_bytes=200))
    assert [(e.code, e.line) for e in errors_of(items)] == [("E_TOO_LARGE", 1)]
    assert [d.text for d in docs_of(items)] == ["short text"]
    assert only_error(read(f, cfg(max_container_bytes=100))).code == "E_TOO_LARGE"


_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufeff")
    | st.sampled_from(["\n", "\r", "\t", " "]),
    min_size=1,
    max_size=300,
).filter(lambda s: s.strip() != "")


@hyp_settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXT)
def test_plain_text_is_held_as_decoded(text: str) -> None:
    with tempfile.TemporaryDirectory() as d:
        f = Path(d) / "t.txt"
        f.write_bytes(text.encode("utf-8"))
        (doc,) = read(f)
        assert isinstance(doc, SourceDoc)
        assert doc.text == re.sub(r"\r\n?", "\n", text)


# --- HTML ---------------------------------------------------------------------------------------


def test_html_page_title_body_comments_metadata() -> None:
    (doc,) = read(FIX / "article.html")
    assert isinstance(doc, SourceDoc)
    assert doc.format == "html" and doc.stem == "article"
    assert doc.title == "Talks resume in Cairo as mediators push for deal"
    assert doc.author == "Jane Roe"
    assert doc.url == "https://news.example.com/2025/10/06/talks-resume"
    assert (doc.published, doc.published_basis) == ("2025-10-06", "metadata")
    assert [h.kind for h in doc.hints] == ["headline", "body", "comment"]
    assert_hints_cover(doc)
    headline, body, comment = (doc.text[h.start : h.end] for h in doc.hints)
    assert headline == doc.title + "\n\n"
    assert body.startswith("The foreign minister said on Monday")  # headline not repeated, <b> inline
    assert "not authorised to brief the press." in body
    assert "Reader one" not in body and "Home" not in doc.text and "Copyright" not in doc.text
    assert comment.startswith("Reader one:") and "Reader two:" in comment


def test_malformed_html_best_effort_and_nothing_extractable(tmp_path: Path) -> None:
    (doc,) = read(FIX / "broken.html")
    assert isinstance(doc, SourceDoc) and doc.title == "Storm hits coast"
    assert "The mayor said on Tuesday" in doc.text and "Residents told" in doc.text
    assert doc.published is None and [h.kind for h in doc.hints] == ["headline", "body"]
    err = only_error(read(FIX / "notext.html"))
    assert err.code == "E_HTML" and err.source == str(FIX / "notext.html")
    empty = tmp_path / "empty.html"
    empty.write_text("  \n")
    assert only_error(read(empty)).code == "E_EMPTY"
    binary = tmp_path / "bin.html"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    assert only_error(read(binary)).code == "E_BINARY"


def test_html_in_legacy_encoding(tmp_path: Path) -> None:
    page = (
        ARTICLE.format(i=1)
        .replace("minister", "minist\u00e8re")
        .replace("<head>", '<head><meta charset="windows-1252">')
    )
    f = tmp_path / "legacy.htm"
    f.write_bytes(page.encode("cp1252"))
    (doc,) = read(f)
    assert isinstance(doc, SourceDoc) and "the minist\u00e8re said" in doc.text


@given(
    st.lists(st.tuples(st.sampled_from(["headline", "body", "comment"]), st.none() | st.text(max_size=20)))
)
def test_assembled_hints_cover_the_text(parts: list[tuple[str, str | None]]) -> None:
    text, hints = assemble(parts)
    present = [(k, t) for k, t in parts if t]
    assert [h.kind for h in hints] == [k for k, _ in present]
    assert text == "\n\n".join(t for _, t in present)
    pos = 0
    for h, (_, part) in zip(hints, present, strict=True):
        assert h.start == pos and text[h.start : h.end] in (part, part + "\n\n")
        pos = h.end
    assert pos == len(text)


# --- JSON Lines ---------------------------------------------------------------------------------


def test_jsonl_good_lines_read_bad_lines_reported() -> None:
    path = FIX / "articles.jsonl"
    items = read(path)
    docs, errs = docs_of(items), errors_of(items)
    assert [(e.code, e.source, e.line) for e in errs] == [
        ("E_JSONL", str(path), 4),
        ("E_JSONL", str(path), 5),
    ]
    assert "line" not in errs[0].message and errs[0].one_line().startswith(f"error[E_JSONL] {path}:4:")
    assert [(d.source, d.stem, d.line) for d in docs] == [
        (f"{path}:1", "articles-1", 1),
        (f"{path}:3", "articles-3", 3),
        (f"{path}:6", "articles-6", 6),
    ]
    first, page, last = docs
    assert first.text == "The minister said on Monday that the talks would continue."
    assert (first.title, first.url, first.published, first.published_basis) == (
        "Talks continue",
        "https://ex.com/1",
        "2025-10-06",
        "metadata",
    )
    assert page.title == "Storm hits coast" and page.published == "2025-10-07"
    assert [h.kind for h in page.hints] == ["headline", "body"]
    assert_hints_cover(page)
    assert last.text == "A final article.\nIt says little, the spokesman said." and last.published is None
    assert all(d.format == "jsonl" for d in docs)


def test_jsonl_bad_date_and_non_object(tmp_path: Path) -> None:
    f = tmp_path / "x.ndjson"
    f.write_text('{"text": "ok", "published": "2025-13-01"}\n[1, 2]\n{"text": "fine"}\n')
    items = read(f)
    assert [(e.code, e.line) for e in errors_of(items)] == [("E_DATE", 1), ("E_JSONL", 2)]
    assert [d.stem for d in docs_of(items)] == ["x-3"]


# --- feeds --------------------------------------------------------------------------------------


def test_rss_feed_entries() -> None:
    path = FIX / "feed.xml"
    items = read(path)
    docs = docs_of(items)
    assert [(e.code, e.source) for e in errors_of(items)] == [("E_EMPTY", f"{path}#3")]
    assert [(d.source, d.stem) for d in docs] == [(f"{path}#1", "feed-1"), (f"{path}#2", "feed-2")]
    talks, storm = docs
    assert talks.text == (
        "Talks resume in Cairo\n\nThe foreign minister said on Monday that the talks would continue.\n"
        '"Real progress was made," he told reporters.'
    )
    assert [h.kind for h in talks.hints] == ["headline", "body"]
    assert_hints_cover(talks)
    # the date as written (23:30 at -04:00), not shifted to UTC
    assert (talks.published, talks.published_basis) == ("2025-10-06", "metadata")
    assert talks.url == "https://news.example.com/talks" and talks.author == "Jane Roe"
    assert storm.text.endswith("The mayor said the storm flooded dozens of streets.")
    assert storm.published == "2025-10-07" and storm.format == "feed"


def test_atom_feed() -> None:
    (doc,) = read(FIX / "news.atom")
    assert isinstance(doc, SourceDoc)
    assert doc.text == "Ceasefire holds\n\nThe army said the ceasefire held overnight."
    assert doc.published == "2025-10-08" and doc.url == "https://news.example.com/ceasefire"


def test_not_a_feed(tmp_path: Path) -> None:
    err = only_error(read(FIX / "notafeed.xml"))
    assert err.code == "E_FEED" and err.source == str(FIX / "notafeed.xml")
    junk = tmp_path / "junk.rss"
    junk.write_text("this is not xml at all, just words")
    assert only_error(read(junk)).code == "E_FEED"


# --- WARC ---------------------------------------------------------------------------------------


def make_warc(path: Path, *, gz: bool, pages: int = 3) -> None:
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    for i in range(pages):
        headers = StatusAndHeaders(
            "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
        )
        writer.write_record(
            writer.create_warc_record(
                f"https://ex.com/{i}",
                "response",
                payload=io.BytesIO(ARTICLE.format(i=i).encode()),
                http_headers=headers,
                warc_headers_dict={"WARC-Date": f"2025-10-0{i + 1}T10:00:00Z"},
            )
        )
        img = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(
                f"https://ex.com/{i}.png",
                "response",
                payload=io.BytesIO(b"\x89PNG\x00\x00"),
                http_headers=img,
            )
        )
    path.write_bytes(buf.getvalue())


@pytest.mark.parametrize("gz", [False, True])
def test_warc_html_responses(tmp_path: Path, gz: bool) -> None:
    f = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    make_warc(f, gz=gz)
    items = read(f)
    assert not errors_of(items)
    docs = docs_of(items)
    assert [(d.stem, d.source, d.url) for d in docs] == [
        (f"crawl-{i + 1}", f"{f}#{i + 1}", f"https://ex.com/{i}") for i in range(3)
    ]
    assert [(d.published, d.published_basis) for d in docs] == [
        (f"2025-10-0{i}", "metadata") for i in (1, 2, 3)
    ]
    assert docs[0].text.startswith("Story 0\n\nParagraph 0: the minister said")
    assert all(d.format == "warc" for d in docs)


@pytest.mark.parametrize("gz", [False, True])
def test_truncated_warc_keeps_what_came_before(tmp_path: Path, gz: bool) -> None:
    whole = tmp_path / "whole.warc"
    make_warc(whole, gz=gz)
    data = whole.read_bytes()
    f = tmp_path / ("cut.warc.gz" if gz else "cut.warc")
    f.write_bytes(data[: int(len(data) * 0.7)])
    items = read(f)
    assert isinstance(items[-1], SaidwhatError) and items[-1].code == "E_WARC" and items[-1].source == str(f)
    assert len(errors_of(items)) == 1
    docs = docs_of(items)
    assert 1 <= len(docs) < 3
    assert [d.url for d in docs] == [f"https://ex.com/{i}" for i in range(len(docs))]


def test_warc_that_is_not_a_warc(tmp_path: Path) -> None:
    f = tmp_path / "fake.warc"
    f.write_text("hello, this is not a web archive\n")
    assert only_error(read(f)).code == "E_WARC"
    g = tmp_path / "fake.warc.gz"
    g.write_bytes(gzip.compress(b"nothing to see\n"))
    assert only_error(read(g)).code == "E_WARC"


# --- discovery and stdin -----------------------------------------------------------------------


def test_directory_recursion_with_skip_notes(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("Zed said so.\n")
    (tmp_path / "b" / "page.html").write_text(ARTICLE.format(i=9))
    (tmp_path / "a.txt").write_text("Ay said so.\n")
    (tmp_path / "a.meta.json").write_text('{"published": "2025-10-06"}')
    (tmp_path / "report.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "notes.md").write_text("# notes")
    (tmp_path / ".hidden.txt").write_text("hidden")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "HEAD").write_text("ref")
    notes: list[str] = []
    found = discover([str(tmp_path)], notes.append)
    assert found == [
        InputFile(tmp_path / "a.txt", "text"),
        InputFile(tmp_path / "b" / "page.html", "html"),
        InputFile(tmp_path / "b" / "z.txt", "text"),
    ]
    assert notes == [
        f"skipped {tmp_path / 'notes.md'}: unsupported file type",
        f"skipped {tmp_path / 'report.pdf'}: unsupported file type",
    ]


def test_discover_explicit_paths(tmp_path: Path) -> None:
    page = tmp_path / "page"
    page.write_text("<!DOCTYPE html>" + ARTICLE.format(i=1))
    other = tmp_path / "data.csv"
    other.write_text("a,b\n1,2\n")
    found = discover(
        ["-", str(tmp_path / "missing.txt"), str(page), str(other), str(FIX / "article.meta.json")]
    )
    assert found[0] == InputFile(None, "stdin")
    assert isinstance(found[1], SaidwhatError) and found[1].code == "E_PATH_MISSING"
    assert found[1].source == str(tmp_path / "missing.txt")
    assert found[2] == InputFile(page, "html")
    assert isinstance(found[3], SaidwhatError) and found[3].code == "E_UNSUPPORTED"
    assert len(found) == 4  # an explicit sidecar is not an input


def test_missing_path_does_not_stop_the_batch() -> None:
    items = list(iter_sources(["/no/such/file.txt", str(FIX / "article.txt")], Settings()))
    assert isinstance(items[0], SaidwhatError) and items[0].code == "E_PATH_MISSING"
    assert isinstance(items[1], SourceDoc)


@pytest.mark.parametrize(
    ("data", "fmt", "count"),
    [
        (b"  The minister said it.\r\nMore.\n", "text", 1),
        (b"\n<!-- saved -->\n<html>" + ARTICLE.format(i=4).encode()[6:], "html", 1),
        (b'{"text": "one"}\n\n{"text": "two"}\n', "jsonl", 2),
        ((FIX / "news.atom").read_bytes(), "feed", 1),
    ],
)
def test_stdin_is_sniffed(data: bytes, fmt: str, count: int) -> None:
    items = list(read_input(InputFile(None, "stdin"), Settings(), stdin=io.BytesIO(data)))
    docs = docs_of(items)
    assert len(docs) == count == len(items)
    assert all(d.format == fmt for d in docs)
    if fmt == "text":
        assert docs[0].text == "  The minister said it.\nMore.\n"
        assert (docs[0].source, docs[0].stem) == (stdin_source(docs[0].text), "stdin")
    if fmt == "jsonl":
        assert [(d.source, d.stem) for d in docs] == [
            (stdin_source("one"), "stdin-1"),
            (stdin_source("two"), "stdin-3"),
        ]
        assert [d.line for d in docs] == [1, 3]
    assert all(re.fullmatch(r"<stdin:[0-9a-f]{16}>", d.source) for d in docs)


def test_stdin_errors() -> None:
    empty = list(read_input(InputFile(None, "stdin"), Settings(), stdin=io.BytesIO(b"   ")))
    assert only_error(empty).code == "E_EMPTY" and only_error(empty).source == "<stdin>"
    big = list(read_input(InputFile(None, "stdin"), cfg(max_bytes=10), stdin=io.BytesIO(b"x" * 50)))
    assert only_error(big).code == "E_TOO_LARGE"


# --- dates --------------------------------------------------------------------------------------


def test_date_parsers() -> None:
    assert parse_iso_date("2025-10-06") == "2025-10-06"
    assert parse_iso_date("2025-02-31") is None
    assert parse_iso_date("2025-10-06T10:00:00Z") is None
    assert parse_iso_date("2025-10-06T10:00:00Z", allow_time=True) == "2025-10-06"
    assert parse_iso_date("2025-10-06Tnonsense", allow_time=True) is None
    assert parse_feed_date("Mon, 06 Oct 2025 23:30:00 -0400") == "2025-10-06"
    assert parse_feed_date("Mon, 31 Feb 2025 10:00:00 GMT") is None
    assert parse_feed_date("soon") is None
