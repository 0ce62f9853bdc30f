"""Streaming export of a store as ``saidwhat/1`` JSON, JSON Lines, or CSV (one row per statement)."""

from __future__ import annotations

import csv
import json
from typing import IO, Literal

from saidwhat.errors import SaidwhatError
from saidwhat.store.protocol import StoreProtocol as Store

ExportFormat = Literal["json", "jsonl", "csv"]

CSV_COLUMNS = (
    "doc_id",
    "source",
    "published",
    "statement_id",
    "speaker_text",
    "speaker_name",
    "speaker_kind",
    "speaker_anonymous",
    "cue",
    "act",
    "mode",
    "via",
    "hedged",
    "platform",
    "said_on",
    "segment",
    "content",
    "content_start",
    "content_end",
)
# OWASP "CSV injection": a spreadsheet reads a cell starting with one of these as a formula
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: str | int) -> str | int:
    """A CSV cell a spreadsheet will not run: text starting with a formula character gets a leading ``'``.

    Spreadsheets show the ``'`` as a text marker (not part of the value); in the file it stays, so
    a program reading the CSV sees ``'=...``. Offsets (``content_start``/``content_end``) still point
    into the document's text, which never holds the added ``'``.
    """
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _flag(value: bool | None) -> str:
    return "" if value is None else ("true" if value else "false")


def export(store: Store, fmt: str, out: IO[str], *, all_versions: bool = False) -> int:
    """Write every document (latest versions unless ``all_versions``) to ``out``; returns the count.

    ``json``: one JSON array of ``saidwhat/1`` documents; ``jsonl``: one document per line; ``csv``: a
    header then one row per statement (:data:`CSV_COLUMNS`; the via chain as ``"A > B"``, nearest relay
    first; cells neutralised against formula injection by :func:`csv_cell`). Documents are rebuilt and
    written one at a time, so memory stays flat on large stores.
    """
    if fmt not in ("json", "jsonl", "csv"):
        raise SaidwhatError("E_BAD_REQUEST", f"unknown export format {fmt!r} (json, jsonl or csv)")
    n = 0
    # RFC 4180 line ends (CRLF): with them the csv module also quotes cells holding a lone "\r"
    writer = csv.writer(out, lineterminator="\r\n") if fmt == "csv" else None
    if writer is not None:
        writer.writerow(CSV_COLUMNS)
    elif fmt == "json":
        out.write("[")
    for analysis in store.iter_analyses(all_versions=all_versions):
        if writer is not None:
            d = analysis.doc
            for st in analysis.statements:
                sp = st.speaker
                row = (
                    d.id,
                    d.source,
                    d.published or "",
                    st.id,
                    sp.text if sp else "",
                    (sp.name or "") if sp else "",
                    sp.kind if sp else "",
                    _flag(sp.anonymous if sp else None),
                    st.cue.text if st.cue else "",
                    st.act,
                    st.mode,
                    " > ".join(v.name or v.text for v in st.via),
                    _flag(st.hedged),
                    st.platform or "",
                    st.said_on.value if st.said_on else "",
                    st.segment,
                    st.content.text,
                    st.content.start,
                    st.content.end,
                )
                writer.writerow(csv_cell(v) for v in row)
        else:
            text = json.dumps(analysis.to_dict(), ensure_ascii=False)
            if fmt == "json":
                out.write(("\n" if n == 0 else ",\n") + text)
            else:
                out.write(text + "\n")
        n += 1
    if fmt == "json":
        out.write("\n]\n" if n else "]\n")
    return n
