"""The ingest service: uploads through the reader table, and skipping stored texts before analysis."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

import pytest

import saidwhat.ingest.service as service
from saidwhat.corpus import CorpusRegistry
from saidwhat.errors import SaidwhatError
from saidwhat.ingest.base import SourceDoc
from saidwhat.ingest.service import Upload, read_upload, store_sources
from saidwhat.model import Analysis
from saidwhat.settings import Settings
from saidwhat.store import StoreProtocol, open_store
from saidwhat.store.migrations import Migration
from tests.test_store import Quote, article

FIX = Path(__file__).parent / "fixtures"


def test_pasted_text_and_uploaded_containers_share_the_readers() -> None:
    s = Settings()
    [pasted] = read_upload(Upload(b"Trump said hi.\r\n", published="2025-06-01", title="T"), s)
    assert pasted.source.startswith("paste:") and pasted.title == "T"
    assert (pasted.published, pasted.published_basis) == ("2025-06-01", "given")
    lines = b'{"text": "One said so."}\n{"text": "Two said so."}\n'
    docs = read_upload(Upload(lines, "my feed!.jsonl", uploaded=True), s)
    assert [d.source for d in docs] == ["upload:my_feed_.jsonl:1", "upload:my_feed_.jsonl:2"]
    html = b"<!doctype html><html><head><title>A page</title></head><body><p>He said it.</p></body></html>"
    [page] = read_upload(Upload(html, "noext", uploaded=True), s)  # sniffed
    assert page.format == "html"


@pytest.mark.parametrize(
    ("upload", "code"),
    [
        (Upload(b"\x00\x01\x02 binary", "x.bin", uploaded=True), "E_UNSUPPORTED"),
        (Upload(b"{}", "a.meta.json", uploaded=True), "E_EMPTY"),
        (Upload(b'{"text": 3}\n', "bad.jsonl", uploaded=True), "E_JSONL"),
        (Upload(b"x" * 2000, "big.txt", uploaded=True), "E_TOO_LARGE"),
    ],
)
def test_upload_errors_name_the_file(upload: Upload, code: str) -> None:
    with pytest.raises(SaidwhatError) as e:
        read_upload(upload, Settings(max_bytes=1000))
    assert e.value.code == code and e.value.source == upload.filename


class Seen:
    name = "seen"
    needs: tuple[str, ...] = ()
    migrations: tuple[Migration, ...] = ()

    def __init__(self) -> None:
        self.added: list[str] = []
        self.finished: list[list[str]] = []

    def on_added(self, store: StoreProtocol, doc_ids: Sequence[str]) -> None:
        self.added += doc_ids

    def rebuild(self, store: StoreProtocol) -> None:
        self.added = store.document_ids()

    def on_finished(self, store: StoreProtocol) -> None:
        self.finished.append(list(self.added))


def test_stored_texts_are_not_analysed_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    old = article("a.txt", "2025-06-01", [Quote("Donald Trump", "one"), Quote("Joe Biden", "two")])
    new = article("b.txt", "2025-06-02", [Quote("Donald Trump", "three")])
    analysed: list[str] = []

    def fake_analyse(
        sources: Iterable[SourceDoc], settings: Settings, on_error: object = None
    ) -> Iterator[tuple[SourceDoc, Analysis]]:
        for src in sources:
            analysed.append(src.source)
            yield src, {old.doc.text: old, new.doc.text: new}[src.text]

    monkeypatch.setattr(service, "analyse", fake_analyse)
    stage = Seen()
    with open_store(tmp_path / "s.db") as store:
        store.add(old)
        sources = [SourceDoc("a.txt", old.doc.text, "a"), SourceDoc("b.txt", new.doc.text, "b")]
        report = store_sources(store, sources, Settings(), stages=CorpusRegistry([stage]))
    assert analysed == ["b.txt"]
    assert [(r.status, r.doc_id) for r in report.results] == [
        ("unchanged", old.doc.id),
        ("new", new.doc.id),
    ]
    assert report.statements == 3 and (report.count("new"), report.count("unchanged")) == (1, 1)
    assert stage.added == [new.doc.id]
    # the optional end-of-ingest hook runs once, after the last batch
    assert stage.finished == [[new.doc.id]]


def stage_tables(store: StoreProtocol) -> dict[str, list[tuple[object, ...]]]:
    """The stories and claims stages' tables (without the tokens, new at every write)."""
    with store.snapshot() as conn:
        return {
            "story_articles": [
                tuple(r) for r in conn.execute("SELECT * FROM story_articles ORDER BY doc_id")
            ],
            "story_state": [tuple(r) for r in conn.execute("SELECT state FROM story_state")],
            "claim_facts": [tuple(r) for r in conn.execute("SELECT * FROM claim_facts ORDER BY doc_id")],
            "claim_reports": [
                tuple(r)[:-1] for r in conn.execute("SELECT * FROM claim_reports ORDER BY story")
            ],
        }


def _corpus_articles() -> list[Analysis]:
    from tests.claims_fixtures import flood_articles
    from tests.stories_fixtures import stream

    return [*stream(), *flood_articles()]


def _ingest_with(
    store: StoreProtocol, batches: list[list[Analysis]], prepared: bool, settings: Settings
) -> list[str]:
    """Each batch through store_sources, analysed by an analyser that answers with (a copy of) the
    given analysis of each text, with the corpus stages' parts of it or without; the documents the
    stages read back from the store."""
    read: list[str] = []
    get = store.get

    def counted(doc_id: str) -> Analysis:
        read.append(doc_id)
        return get(doc_id)

    store.get = counted  # type: ignore[method-assign]
    for batch in batches:
        by_text = {a.doc.text: a for a in batch}

        def analyser(
            sources: Iterable[SourceDoc],
            settings: Settings,
            on_error: object = None,
            by_text: dict[str, Analysis] = by_text,
        ) -> Iterator[tuple[SourceDoc, Analysis]]:
            for src in sources:
                a = Analysis.from_dict(by_text[src.text].to_dict())
                yield src, service.prepare(a) if prepared else a

        sources = [SourceDoc(a.doc.source, a.doc.text, a.doc.source) for a in batch]
        store_sources(store, sources, settings, analyser=analyser)
    store.get = get  # type: ignore[method-assign]
    return read


def test_parts_made_with_the_analysis_give_the_tables_of_the_read_back(tmp_path: Path) -> None:
    """The corpus stages' parts made where an article is analysed (the ingest's workers) give the
    tables the stages make from the stored articles, without reading the articles back."""
    articles = _corpus_articles()
    settings = Settings(batch_size=3)
    with open_store(tmp_path / "parts.db") as a, open_store(tmp_path / "read.db") as b:
        assert _ingest_with(a, [articles], True, settings) == []
        read = _ingest_with(b, [articles], False, settings)
        # without parts, each stage reads every new document back
        assert sorted(read) == sorted(x.doc.id for x in articles for _ in range(2))
        tables = stage_tables(a)
        assert tables == stage_tables(b)
        assert len(tables["claim_facts"]) == len(articles) and tables["claim_reports"]
        assert {r[3] for r in tables["story_articles"]} >= {"st1", "st2"}


def test_parts_of_a_restored_version_or_of_statements_cut_are_not_used(tmp_path: Path) -> None:
    """A superseded version made current again keeps its stored analysis, and the writer's confidence
    cut can remove statements the parts were made with: the stages read those articles back."""
    from tests.stories_fixtures import talks

    first = talks(0, "2025-06-27", source="same.txt")
    second = talks(1, "2025-06-28", source="same.txt")  # another text of the same source
    # the first text again, analysed otherwise (one statement): the store keeps its stored analysis
    again = Analysis.from_dict(first.to_dict())
    again.statements = again.statements[:1]
    low = talks(2, "2025-06-29")
    low.statements[0].confidence = 0.1  # below the cut: the stored analysis has two statements
    batches = [[first, second], [again], [low]]
    settings = Settings(batch_size=2, min_confidence=0.3)
    with open_store(tmp_path / "parts.db") as a, open_store(tmp_path / "read.db") as b:
        read = _ingest_with(a, batches, True, settings)
        assert sorted(set(read)) == sorted({first.doc.id, low.doc.id})
        _ingest_with(b, batches, False, settings)
        assert a.document(first.doc.id).superseded_by is None
        assert stage_tables(a) == stage_tables(b)


def test_an_analysis_without_the_parts_attribute_is_stored(tmp_path: Path) -> None:
    """An analysis pickled by an older saidwhat (a Ray node of another version) lacks ``prepared``:
    the stages read it back."""
    a = _corpus_articles()[0]

    def analyser(
        sources: Iterable[SourceDoc], settings: Settings, on_error: object = None
    ) -> Iterator[tuple[SourceDoc, Analysis]]:
        for src in sources:
            old = Analysis.from_dict(a.to_dict())
            del old.prepared  # as unpickled from a class without the field
            yield src, old

    with open_store(tmp_path / "old.db") as store:
        report = store_sources(
            store, [SourceDoc(a.doc.source, a.doc.text, "a")], Settings(), analyser=analyser
        )
        assert [r.status for r in report.results] == ["new"]
        assert [r[0] for r in stage_tables(store)["claim_facts"]] == [a.doc.id]
