"""Display titles for articles without a title."""

from __future__ import annotations

from pathlib import Path

import pytest

from saidwhat.model import Analysis, DocMeta, Segment
from saidwhat.titles import derived_title, display_title


def test_dateline_before_the_body_is_not_part_of_the_title() -> None:
    text = " date 2025-10-06 Trump urged negotiators to hurry.\n\nMore text."
    a = Analysis(
        doc=DocMeta(id="x", source="a.txt", text=text),
        segments=[Segment("boilerplate", 0, 17), Segment("body", 17, len(text))],
    )
    assert derived_title(a) == "Trump urged negotiators to hurry."
    assert display_title(a) == "Trump urged negotiators to hurry."


def test_fallbacks() -> None:
    empty = Analysis(doc=DocMeta(id="x", source="a.txt", text="  \n"), segments=[Segment("body", 0, 3)])
    assert derived_title(empty) is None
    assert display_title(empty) == "a.txt"
    long = Analysis(doc=DocMeta(id="y", source="b.txt", text="word " * 100, title=None))
    title = derived_title(long)
    assert title is not None and len(title) == 160 and title.endswith("…")


def test_display_titles_are_stored_at_ingest_and_read_without_the_analysis(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from saidwhat.store import open_store
    from saidwhat.web.titles import Titles
    from tests.test_store import Quote, article

    a = article("a.txt", "2025-06-01", [Quote("Donald Trump", "one")], title="")
    a.doc.title = None
    with open_store(tmp_path / "t.db") as store:
        store.add(a)
        summary = store.document(a.doc.id)
        assert summary.display_title == display_title(a)

        def no_rebuild(doc_id: str) -> None:
            raise AssertionError("the title should come from the stored column")

        monkeypatch.setattr(store, "get", no_rebuild)
        assert Titles(store).of(a.doc.id, None, "a.txt") == display_title(a)
