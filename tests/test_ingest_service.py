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
