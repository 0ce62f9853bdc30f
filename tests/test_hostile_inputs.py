"""Hostile inputs of issue 14 that concern reading and storing: each gives one coded error for that
input only (never a traceback), and the rest of the batch goes on."""

from __future__ import annotations

import csv
import io
import json
import time
from pathlib import Path

import pytest

from saidwhat.errors import SaidwhatError
from saidwhat.ingest import InputFile, SourceDoc, discover, iter_sources, read_input
from saidwhat.ingest.base import stdin_source
from saidwhat.ingest.jsonl import line_limit, looks_like_jsonl
from saidwhat.ingest.safejson import MAX_DEPTH, JSONInputError, loads_bounded, nesting_depth
from saidwhat.settings import Settings
from saidwhat.store import Store, export
from tests.store_checks import assert_store_consistent
from tests.test_store import Quote, article

DEEP = 100_000
DEEP_ARRAY = "[" * DEEP + "]" * DEEP
DEEP_OBJECT = '{"a":' * DEEP + "1" + "}" * DEEP


def items_of(paths: list[Path], settings: Settings | None = None) -> list[SourceDoc | SaidwhatError]:
    return list(iter_sources([str(p) for p in paths], settings or Settings()))


def from_stdin(data: bytes, settings: Settings | None = None) -> list[SourceDoc | SaidwhatError]:
    return list(read_input(InputFile(None, "stdin"), settings or Settings(), stdin=io.BytesIO(data)))


def codes(items: list[SourceDoc | SaidwhatError]) -> list[tuple[str, int | None]]:
    return [(i.code, i.line) for i in items if isinstance(i, SaidwhatError)]


def texts(items: list[SourceDoc | SaidwhatError]) -> list[str]:
    return [i.text for i in items if isinstance(i, SourceDoc)]


# -- nesting depth ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "depth"),
    [
        ("{}", 1),
        ('{"a": [1, {"b": []}]}', 4),
        ('{"text": "[[[[{{{{ not nesting ]]"}', 1),
        ('{"text": "an \\"escaped\\" quote [[["}', 1),
        ('"just a string"', 0),
        (DEEP_ARRAY, DEEP),
        (DEEP_OBJECT, DEEP),
    ],
)
def test_nesting_depth_counts_brackets_outside_strings(raw: str, depth: int) -> None:
    assert nesting_depth(raw) == depth


def test_nesting_depth_never_undercounts_what_json_would_parse() -> None:
    # an unterminated string: json fails there, and the scan may only count more, not less
    raw = '[[[["abc' + "[" * 50
    assert nesting_depth(raw) >= 4


def test_loads_bounded_refuses_deep_and_overlong_values_without_recursing() -> None:
    assert loads_bounded('{"a": [1, 2]}') == {"a": [1, 2]}
    assert loads_bounded("[" * MAX_DEPTH + "]" * MAX_DEPTH) is not None
    for raw in (DEEP_ARRAY, DEEP_OBJECT, "[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1)):
        with pytest.raises(JSONInputError, match="nested more than"):
            loads_bounded(raw)
    with pytest.raises(JSONInputError, match="malformed JSON"):
        loads_bounded('{"text": ')
    with pytest.raises(JSONInputError, match="unreadable JSON value"):
        loads_bounded('{"n": ' + "9" * 5000 + "}")  # int() refuses over 4,300 digits: ValueError


def test_deeply_nested_jsonl_line_is_one_error_and_the_batch_goes_on(tmp_path: Path) -> None:
    lines = [
        json.dumps({"text": "Alice said the talks went well."}),
        '{"text": "deep", "meta": ' + DEEP_ARRAY + "}",
        DEEP_OBJECT,
        '{"text": "big", "n": ' + "7" * 5000 + "}",
        json.dumps({"text": "Bob said it rained."}),
    ]
    path = tmp_path / "deep.jsonl"
    path.write_text("\n".join(lines) + "\n")
    after = tmp_path / "after.txt"
    after.write_text("Carol said the batch goes on.\n")
    items = items_of([path, after])
    assert codes(items) == [("E_JSONL", 2), ("E_JSONL", 3), ("E_JSONL", 4)]
    assert texts(items) == [
        "Alice said the talks went well.",
        "Bob said it rained.",
        "Carol said the batch goes on.\n",
    ]
    errors = [i for i in items if isinstance(i, SaidwhatError)]
    assert "nested more than" in errors[0].message and errors[0].source == str(path)


def test_deeply_nested_sidecar_is_e_sidecar(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("The minister said it rained.\n")
    (tmp_path / "a.meta.json").write_text('{"title": "t", "x": ' + DEEP_ARRAY + "}")
    (tmp_path / "b.txt").write_text("The mayor said it snowed.\n")
    items = items_of([tmp_path])
    assert codes(items) == [("E_SIDECAR", None)]
    err = items[0]
    assert isinstance(err, SaidwhatError) and err.source == str(tmp_path / "a.meta.json")
    assert "nested more than" in err.message
    assert texts(items) == ["The mayor said it snowed.\n"]


def test_deeply_nested_json_on_stdin_is_e_jsonl() -> None:
    data = (
        json.dumps({"text": "Alice said the talks went well."}) + "\n" + '{"meta": ' + DEEP_ARRAY + "}\n"
    ).encode()
    items = from_stdin(data)
    assert codes(items) == [("E_JSONL", 2)]
    assert texts(items) == ["Alice said the talks went well."]
    # one deep line alone is not recognisable as JSON Lines: it is held as text, and never recursed into
    alone = from_stdin(('{"meta": ' + DEEP_ARRAY + "}").encode())
    assert codes(alone) == [] and len(texts(alone)) == 1


def test_an_overlong_jsonl_line_is_refused_unparsed(tmp_path: Path) -> None:
    settings = Settings(max_bytes=100)
    limit = line_limit(100)
    path = tmp_path / "long.jsonl"
    path.write_text(
        json.dumps({"text": "short one"}) + "\n" + '{"text": "' + "x" * limit + '"}\n' + '{"text": "two"}\n'
    )
    items = items_of([path], settings)
    assert codes(items) == [("E_TOO_LARGE", 2)]
    assert texts(items) == ["short one", "two"]
    # the bound never refuses a record whose text is within max_bytes, however it is escaped
    worst = json.dumps({"text": "\x01" * 100, "title": "t"})
    assert len(worst) <= limit and texts(items_of([_write(tmp_path / "w.jsonl", worst)], settings)) == [
        "\x01" * 100
    ]


def _write(path: Path, text: str) -> Path:
    path.write_text(text + "\n")
    return path


# -- stdin -----------------------------------------------------------------------------------------


def test_two_different_stdin_articles_are_two_documents(tmp_path: Path) -> None:
    first = from_stdin(b"The minister said the talks went well.\n")
    second = from_stdin(b"An unrelated mayor said it snowed.\n")
    again = from_stdin(b"The minister said the talks went well.\n")
    sources = [d.source for items in (first, second, again) for d in items if isinstance(d, SourceDoc)]
    assert sources[0] != sources[1] and sources[0] == sources[2]
    assert sources[0] == stdin_source("The minister said the talks went well.\n")
    with Store(tmp_path / "s.db") as store:
        a = article(sources[0], None, [Quote("Ada Lovelace", "the talks went well")])
        b = article(sources[1], None, [Quote("Bob Smith", "it snowed")])
        assert [store.add(a).status, store.add(b).status] == ["new", "new"]
        assert {d.source for d in store.documents()} == {sources[0], sources[1]}


def test_jsonl_on_stdin_with_a_bad_line_errors_like_a_file(tmp_path: Path) -> None:
    good = [json.dumps({"text": f"Speaker {i} said something."}) for i in range(3)]
    for bad in ('{"text": "truncated', "not json at all", "[1, 2]"):
        for pos in (0, 1, 3):
            lines = [*good[:pos], bad, *good[pos:]]
            data = ("\n".join(lines) + "\n").encode()
            items = from_stdin(data)
            assert codes(items) == [("E_JSONL", pos + 1)], (bad, pos)
            assert texts(items) == [f"Speaker {i} said something." for i in range(3)]
            assert all(d.format == "jsonl" for d in items if isinstance(d, SourceDoc))
            path = tmp_path / "same.jsonl"
            path.write_bytes(data)
            assert codes(items_of([path])) == codes(items)


def test_plain_text_on_stdin_stays_text() -> None:
    for data in (
        b"The minister said so.\n{not json}\n",
        b'He wrote {"a": 1} in the margin.\nThen he said so.\n',
        b"[1, 2]\n",
    ):
        items = from_stdin(data)
        assert codes(items) == [] and [d.format for d in items if isinstance(d, SourceDoc)] == ["text"]
    assert not looks_like_jsonl("one\n{}\ntwo\n")
    assert looks_like_jsonl('bad\n{"text": "a"}\n')


def test_jsonl_sniffing_stops_early_on_plain_text() -> None:
    # a long plain text is decided at its second line, not parsed to the end
    text = "plain line\n" * 200_000
    start = time.process_time()
    assert not looks_like_jsonl(text)
    assert time.process_time() - start < 5  # wide bound: linear scans of 2 MB


# -- CSV export ------------------------------------------------------------------------------------


def test_csv_export_neutralises_formula_cells(tmp_path: Path) -> None:
    hostile = ['=HYPERLINK("http://evil.example")', "+1+2", "-3+4", "@SUM(A1)", "\tx", "\rx"]
    with Store(tmp_path / "c.db") as store:
        store.add(article("=cmd|' /C calc'!A0", "2025-06-29", [Quote("Ada Lovelace", c) for c in hostile]))
        out = io.StringIO()
        export(store, "csv", out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue(), newline="")))
    assert [r["content"] for r in rows] == ["'" + c for c in hostile]
    assert {r["source"] for r in rows} == {"'=cmd|' /C calc'!A0"}
    assert all(not v.startswith(("=", "+", "-", "@", "\t", "\r")) for r in rows for v in r.values())
    assert rows[0]["speaker_name"] == "Ada Lovelace" and rows[0]["content_start"].isdigit()


# -- versions --------------------------------------------------------------------------------------


def test_reverting_a_source_to_an_old_text_makes_it_current_again(tmp_path: Path) -> None:
    v1 = article("a.txt", "2025-06-01", [Quote("Donald Trump", "the deal is near", via=["Haaretz"])])
    v2 = article("a.txt", "2025-06-01", [Quote("Yair Lapid", "the deal is far")])
    v3 = article("a.txt", "2025-06-01", [Quote("Yair Lapid", "no deal"), Quote("DJT", "maybe")])
    with Store(tmp_path / "v.db") as store:
        store.add(article("b.txt", "2025-06-02", [Quote("Donald Trump", "other")]))
        assert [store.add(a).status for a in (v1, v2, v3)] == ["new", "updated", "updated"]
        back = store.add(v1)
        assert (back.status, back.doc_id, back.version) == ("updated", v1.doc.id, 4)
        assert back.superseded == v3.doc.id
        assert [d.id for d in store.documents() if d.source == "a.txt"] == [v1.doc.id]
        assert [(d.id, d.version, d.superseded_by) for d in store.versions("a.txt")] == [
            (v2.doc.id, 2, v3.doc.id),
            (v3.doc.id, 3, v1.doc.id),
            (v1.doc.id, 4, None),
        ]
        assert store.get(v1.doc.id).to_dict() == v1.to_dict()
        assert sorted(s.statement.content.text for s in store.statements()) == ["other", "the deal is near"]
        assert [(c.name, c.count) for c in store.speakers()] == [("Donald Trump", 2)]
        assert [(c.name, c.count) for c in store.relays()] == [("Haaretz", 1)]
        assert {h.doc_id for h in store.search("deal")} == {v1.doc.id}
        st = store.stats()
        assert (st.documents, st.versions, st.statements) == (2, 4, 2)
        assert store.add(v1).status == "unchanged"  # now it is current: nothing to do
        assert store.add(v3).status == "updated" and store.versions("a.txt")[-1].id == v3.doc.id
        assert_store_consistent(store)


def test_same_text_under_another_source_stays_unchanged(tmp_path: Path) -> None:
    a1 = article("a.txt", None, [Quote("Ada Lovelace", "one")])
    a2 = article("a.txt", None, [Quote("Ada Lovelace", "two")])
    with Store(tmp_path / "u.db") as store:
        store.add(a1)
        store.add(a2)
        moved = article("b.txt", None, [Quote("Ada Lovelace", "one")])
        assert moved.doc.id == a1.doc.id
        assert store.add(moved).status == "unchanged"
        assert [d.id for d in store.documents()] == [a2.doc.id]


# -- encodings -------------------------------------------------------------------------------------

LEGACY = [
    (
        "cp1252",
        "The minister said \u201cwe are close to a deal\u201d on Friday \u2014 the caf\xe9 owner agreed.\n",
    ),
    (
        "latin-1",
        "Le pr\xe9sident a d\xe9clar\xe9 vendredi : \xab nous sommes pr\xeats \xbb, \xe0 Gen\xe8ve.\n",
    ),
    (
        "cp1252",
        "Der Au\xdfenminister sagte am Freitag, beide Seiten seien \u201enah an einer Einigung\u201c.\n",
    ),
    (
        "cp1251",
        "\u041f\u0440\u0435\u0437\u0438\u0434\u0435\u043d\u0442 \u0437\u0430\u044f\u0432\u0438"
        "\u043b \u0436\u0443\u0440\u043d\u0430\u043b\u0438\u0441\u0442\u0430\u043c \u0432 \u043f"
        "\u044f\u0442\u043d\u0438\u0446\u0443, \u0447\u0442\u043e \u043f\u0435\u0440\u0435\u0433"
        "\u043e\u0432\u043e\u0440\u044b \u043f\u0440\u043e\u0434\u043e\u043b\u0436\u0430\u0442"
        "\u0441\u044f \u043d\u0430 \u0441\u043b\u0435\u0434\u0443\u044e\u0449\u0435\u0439 \u043d"
        "\u0435\u0434\u0435\u043b\u0435.\n",
    ),
    (
        "iso8859-7",
        "\u039f \u03c0\u03c1\u03c9\u03b8\u03c5\u03c0\u03bf\u03c5\u03c1\u03b3\u03cc\u03c2 \u03b4"
        "\u03ae\u03bb\u03c9\u03c3\u03b5 \u03c4\u03b7\u03bd \u03a0\u03b1\u03c1\u03b1\u03c3\u03ba"
        "\u03b5\u03c5\u03ae \u03cc\u03c4\u03b9 \u03bf\u03b9 \u03b4\u03b9\u03b1\u03c0\u03c1\u03b1"
        "\u03b3\u03bc\u03b1\u03c4\u03b5\u03cd\u03c3\u03b5\u03b9\u03c2 \u03b8\u03b1 \u03c3\u03c5"
        "\u03bd\u03b5\u03c7\u03b9\u03c3\u03c4\u03bf\u03cd\u03bd.\n",
    ),
]


@pytest.mark.parametrize(("encoding", "text"), LEGACY)
def test_real_legacy_encodings_still_decode(tmp_path: Path, encoding: str, text: str) -> None:
    f = tmp_path / "legacy.txt"
    f.write_bytes(text.encode(encoding))
    assert texts(items_of([f])) == [text]
    assert texts(from_stdin(text.encode(encoding))) == [text]


def _garbage() -> list[bytes]:
    """Random bytes that are not UTF-8 (no NUL, so not caught as binary): the issue's 'Cyrillic garbage'."""
    import random

    rng = random.Random(14)
    high = range(0x80, 0x100)
    printable = [b for b in range(0x20, 0x100) if b != 0x7F]
    out = []
    for n in (32, 64, 128, 512, 2048):
        out.append(bytes(rng.choice(high) for _ in range(n)))
        out.append(bytes(rng.randrange(0xC0, 0x100) for _ in range(n)))
        out.append(bytes(rng.choice(printable) for _ in range(n)))
        out.append(bytes(rng.choice(b"\xc3\xe2\xf0\x80\x9f\xa0\xbf") for _ in range(n)))
        words = (bytes(rng.randrange(0xC0, 0x100) for _ in range(rng.randint(2, 9))) for _ in range(n // 6))
        out.append(b" ".join(words))
    return out


def test_random_invalid_utf8_is_e_encoding(tmp_path: Path) -> None:
    garbage = _garbage()
    for i, data in enumerate(garbage):
        with pytest.raises(UnicodeDecodeError):
            data.decode("utf-8")
        f = tmp_path / f"g{i}.txt"
        f.write_bytes(data)
    items = items_of(sorted(tmp_path.glob("g*.txt")))
    assert [i.code for i in items if isinstance(i, SaidwhatError)] == ["E_ENCODING"] * len(garbage), [
        i.text[:20] for i in items if isinstance(i, SourceDoc)
    ]
    assert [i.code for i in from_stdin(garbage[-1]) if isinstance(i, SaidwhatError)] == ["E_ENCODING"]


# -- directory walks -------------------------------------------------------------------------------


def _tree(tmp_path: Path) -> tuple[Path, Path]:
    import os
    import socket

    root = tmp_path / "articles"
    (root / "sub").mkdir(parents=True)
    outside = tmp_path / "secret.txt"
    outside.write_text("The private key said nothing.\n")
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "far.txt").write_text("A far speaker said so.\n")
    (root / "a.txt").write_text("Ay said so.\n")
    (root / "sub" / "b.txt").write_text("Bee said so.\n")
    os.mkfifo(root / "fifo.txt")
    sock = socket.socket(socket.AF_UNIX)
    try:
        sock.bind(str(root / "sock.txt"))
    finally:
        sock.close()
    (root / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    (root / "loop.txt").symlink_to(root / "loop.txt")
    (root / "in.txt").symlink_to(root / "sub" / "b.txt")  # a link inside the tree is read
    (root / "out.txt").symlink_to(outside)
    (root / "outdir").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    (root / "sub" / "up").symlink_to(root, target_is_directory=True)  # a loop if followed
    return root, outside


def test_directory_walk_reports_what_it_skips_and_stays_inside(tmp_path: Path) -> None:
    root, outside = _tree(tmp_path)
    notes: list[str] = []
    start = time.monotonic()
    found = discover([str(root)], notes.append)
    assert time.monotonic() - start < 30  # a FIFO is never opened (it would block forever)
    files = [f.path for f in found if isinstance(f, InputFile)]
    assert files == [root / "a.txt", root / "in.txt", root / "sub" / "b.txt"]
    errors = {(Path(e.source or "").name, e.code) for e in found if isinstance(e, SaidwhatError)}
    assert errors == {
        ("dangling.txt", "E_PATH_MISSING"),
        ("loop.txt", "E_PATH_MISSING"),
        ("fifo.txt", "E_UNSUPPORTED"),
        ("sock.txt", "E_UNSUPPORTED"),
        ("out.txt", "E_LINK_OUTSIDE"),
    }
    assert not any(str(outside) in str(f.path) for f in found if isinstance(f, InputFile))
    assert sorted(n.split(":")[0] for n in notes) == [
        f"skipped {root / 'outdir'}",
        f"skipped {root / 'sub' / 'up'}",
    ]
    # the batch goes on: the readable files are read, each skipped entry is one error
    items = list(iter_sources([str(root)], Settings()))
    assert texts(items) == ["Ay said so.\n", "Bee said so.\n", "Bee said so.\n"]
    assert len([i for i in items if isinstance(i, SaidwhatError)]) == 5


def test_follow_links_reads_outside_and_ends_loops(tmp_path: Path) -> None:
    root, _outside = _tree(tmp_path)
    notes: list[str] = []
    found = discover([str(root)], notes.append, follow_links=True)
    files = [f.path for f in found if isinstance(f, InputFile)]
    assert files == [
        root / "a.txt",
        root / "in.txt",
        root / "out.txt",
        root / "outdir" / "far.txt",
        root / "sub" / "b.txt",
    ]
    codes_ = sorted(e.code for e in found if isinstance(e, SaidwhatError))
    assert codes_ == ["E_PATH_MISSING", "E_PATH_MISSING", "E_UNSUPPORTED", "E_UNSUPPORTED"]
    assert notes == [f"skipped {root / 'sub' / 'up'}: the directory {root.resolve()} is already being read"]
    settings = Settings()
    settings.follow_links = True
    assert "The private key said nothing.\n" in texts(list(iter_sources([str(root)], settings)))


# -- emoji in speaker names ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("John Smith \U0001f525", "John Smith"),
        ("\U0001f1fa\U0001f1f8 Jane Doe", "Jane Doe"),
        ("the spokesman \u2705", "the spokesman"),
        ("An official \u203c\ufe0f", "An official"),  # U+203C is punctuation, made an emoji by U+FE0F
        ("Maria \U0001f44d\U0001f3fd", "Maria"),  # skin-tone modifier
        ("X \U0001f468\u200d\U0001f469\u200d\U0001f467", "X"),  # zero-width-joiner sequence
        ("1\ufe0f\u20e3 Tag", "Tag"),  # keycap
        ("Acme\u2122", "Acme"),
        ("Jose\u0301", "Jose\u0301"),  # a combining accent is part of the name
        ("Jane \U0001f600 and Bob", "Jane \U0001f600 and Bob"),  # only the edges
        ("\u2764\ufe0f\u2764\ufe0f", ""),
    ],
)
def test_trim_symbols_cuts_emoji_sequences_at_the_edges(text: str, expected: str) -> None:
    from saidwhat.symbols import trim_symbols

    a, b = trim_symbols(text, 0, len(text))
    assert text[a:b] == expected


def test_emoji_never_become_part_of_a_speaker_name(nlp: object) -> None:
    from saidwhat.pipeline import analyze
    from saidwhat.symbols import is_symbol

    texts_ = [
        "John Smith \U0001f525 said the deal was near.",
        '"The deal is near," said John Smith \U0001f389\U0001f389.',
        '"We are close," said Donald J. Trump \U0001f1fa\U0001f1f8\U0001f1fa\U0001f1f8\U0001f1fa\U0001f1f8.',
        '"We are close," the spokesman \u2705 told reporters.',
        "An official \u203c\ufe0f said the deal was near.",
        "Ukraine's president \U0001f1fa\U0001f1e6 said the talks would resume.",
        "Officials said, according to Reuters \U0001f4f0, that the deal was near.",
        "\u2764\ufe0f\u2764\ufe0f Jane Doe \u2764\ufe0f\u2764\ufe0f said the deal was near.",
    ]
    docs = [SourceDoc(source=f"e{i}", text=t, stem=f"e{i}") for i, t in enumerate(texts_)]
    names: list[str] = []
    for analysis in analyze(docs, nlp=nlp):  # type: ignore[arg-type]
        for st in analysis.statements:
            for mention in [st.speaker, *st.via]:
                if mention is None:
                    continue
                assert analysis.doc.text[mention.start : mention.end] == mention.text
                for value in (mention.text, mention.name or ""):
                    assert not value or not (is_symbol(value[0]) or is_symbol(value[-1])), value
                    assert "\ufe0f" not in value and "\u203c" not in value, value
                names.append(mention.name or mention.text)
        for e in analysis.entities:
            assert not any(is_symbol(ch) for ch in e.name), e.name
    assert {"John Smith", "Donald J. Trump", "Reuters"} <= set(names)


# -- end to end: the command line ------------------------------------------------------------------


def test_cli_stdin_jsonl_with_a_deep_and_a_broken_line(tmp_path: Path) -> None:
    from tests.test_cli import assert_no_traceback, error_codes, run

    lines = [
        json.dumps({"text": "The mayor said on Tuesday that the bridge would cost $410 million."}),
        '{"text": "deep", "x": ' + DEEP_ARRAY + "}",
        '{"text": "truncated',
        json.dumps({"text": "Council member Maria Okafor said the vote was delayed."}),
    ]
    db = tmp_path / "s.db"
    r = run("ingest", "-", "--db", str(db), stdin="\n".join(lines) + "\n")
    assert_no_traceback(r.stderr)
    assert r.returncode == 1, r.stderr
    assert error_codes(r.stderr) == ["E_JSONL", "E_JSONL"]
    assert "<stdin>:2:" in r.stderr and "<stdin>:3:" in r.stderr
    r2 = run("ingest", "-", "--db", str(db), stdin="An unrelated official said it snowed.\n")
    assert r2.returncode == 0, r2.stderr
    with Store(db, read_only=True) as store:
        sources = sorted(d.source for d in store.documents())
        assert len(sources) == 3 and all(s.startswith("<stdin:") for s in sources)
        assert all(len(store.versions(s)) == 1 for s in sources)
