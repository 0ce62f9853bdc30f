"""Re-collect the outside swine-flu texts of ``bench/data/webflu_gold.json`` on a new machine.

    python bench/webflu_collect.py targets DIR    # DIR/{dev1,dev2,blindA,blindB}_targets.json, PROMPT.md
    # ... four helpers, one per targets file, each writes DIR/out/<name>.jsonl (see DIR/PROMPT.md)
    python bench/webflu_collect.py finish DIR TEXTS   # check, trim, write TEXTS/<topic>/articles.jsonl

The texts are third-party pages, kept off the repository (docs/claims.md); the gold keeps each page's
URL, and ``bench/data/webflu_queries.json`` the query that found it in the stored-pages index and the
length and SHA-256 of the text a session scored. ``targets`` writes what a collector needs: per page
its set, id, URL, publication date, query, length and hash; development pages (webflu_dev,
webflu_test, webflu3, webflu4, webflu8, webflu10, webflu12, webflu14, webflu16, webflu18) in two files, blind
pages (webflu2, 5, 6 and webflu7, 9, 11, 13, 15, 17) in two more, so that the blind collectors never see a
development page or the gold.

``finish`` reads every ``DIR/out/*.jsonl`` record (``id``, ``url``, ``title``, ``text``), matches it to
its gold page by URL (else by id), and keeps the text whose length and hash the entries record: as
written, or cut where an excerpt opens with site furniture or a headline (the start whose slice of
``title + "\\n" + text`` hashes right; the title is then the last non-blank line before it). A text
that matches no recorded hash is kept as collected, marked ``verified: false``. Prints per set how many
pages were found and verified.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT / "bench") not in sys.path:
    sys.path.insert(0, str(ROOT / "bench"))

from claims_pool import WEBFLU_DEV  # noqa: E402

GOLD = ROOT / "bench" / "data" / "webflu_gold.json"
QUERIES = ROOT / "bench" / "data" / "webflu_queries.json"
GROUPS = {
    # the development sets, as `bench/claims_pool.py` lists them (one list for every bench)
    "dev": tuple(name for _, sets in WEBFLU_DEV for name in sets.split(",")),
    "blindA": ("webflu2", "webflu5", "webflu6"),
    "blindB": ("webflu7", "webflu9", "webflu11", "webflu13", "webflu15", "webflu17"),
}

PROMPT = """\
# Collect stored web pages by URL (no system to run, no gold to read)

Your targets file: {dir}/NAME_targets.json (NAME given in your task). Each entry has `set`, `id`, `url`,
`published`, `query`, `chars` (length of the wanted text) and `sha256` (of that text, UTF-8), either
may be null.

For each entry:
1. Call the `search` tool with corpus `pages` and the entry's `query`. If no result's address is the
   entry's `url` (compare without scheme, `www.` and a trailing slash), try again with other words:
   the headline-like words of the URL's slug, the outlet and the date; at most 4 searches per entry.
2. From the result whose address matches, take its excerpt text EXACTLY as returned (no retyping,
   no cleaning, keep line breaks). Split it: `title` = its first non-blank line if that line looks like
   a headline, else ""; `text` = the rest (or all of it).
3. If `chars`/`sha256` are given, check with Python whether the text matches: try the text as is,
   the text with the headline line removed, and the text cut to `chars` characters; `verified` = true
   when one of them hashes to `sha256` (then keep that one), false otherwise (keep the whole excerpt
   as `text`), null when no hash is given.
4. Append one JSON line to {dir}/out/NAME.jsonl:
   {{"id": ..., "set": ..., "topic": ..., "published": ..., "url": ..., "title": ..., "text": ...,
   "verified": ...}}
   (`topic` = the entry's `set`). Write the file as you go (use Python `json.dumps`, one line per page).

Do not open any file under /work/main/bench/data; do not fetch anything outside the `search` tool;
never invent or edit a text. Skip a page that you cannot find after 4 searches. When done, report
how many entries you found, and how many verified.
"""


def _norm(url: str) -> str:
    u = url.strip().lower().split("://", 1)[-1]
    u = u[4:] if u.startswith("www.") else u
    return u.rstrip("/")


def _pages() -> dict[tuple[str, str], dict[str, object]]:
    """Every gold page, by (set, id), with the query and the recorded lengths and hashes."""
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    queries = json.loads(QUERIES.read_text(encoding="utf-8"))["pages"]
    by_key = {(q["set"], q["id"]): q for q in queries}
    by_id = {q["id"]: q for q in queries}
    pages: dict[tuple[str, str], dict[str, object]] = {}
    for name, s in gold["sets"].items():
        for a in s["articles"]:
            q = by_key.get((name, a["id"])) or by_id.get(a["id"]) or {}
            hashes = {
                (c, h) for c, h in ((a.get("chars"), a.get("sha256")), (q.get("chars"), q.get("sha256"))) if h
            }
            pages[(name, a["id"])] = {
                "set": name,
                "topic": s["topic"],
                "id": a["id"],
                "url": a["url"],
                "published": a["published"],
                "query": q.get("query") or "",
                "chars": q.get("chars") or a.get("chars"),
                "sha256": q.get("sha256") or a.get("sha256"),
                "hashes": sorted(hashes, key=str),
            }
    return pages


def targets(out: Path) -> None:
    pages = _pages()
    out.mkdir(parents=True, exist_ok=True)
    (out / "out").mkdir(exist_ok=True)
    for group, sets in GROUPS.items():
        entries = [
            {k: v for k, v in p.items() if k not in ("hashes", "topic")}
            for p in pages.values()
            if p["set"] in sets
        ]
        halves = (
            [("dev1", entries[: len(entries) // 2]), ("dev2", entries[len(entries) // 2 :])]
            if group == "dev"
            else [(group, entries)]
        )
        for name, part in halves:
            (out / f"{name}_targets.json").write_text(json.dumps(part, indent=1), encoding="utf-8")
            print(f"{name}: {len(part)} pages")
    (out / "PROMPT.md").write_text(PROMPT.format(dir=out), encoding="utf-8")


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _fit(title: str, text: str, hashes: list[tuple[int, str]]) -> tuple[str, str] | None:
    """The title and text whose text has a recorded length and hash, or None."""
    full = f"{title}\n{text}" if title else text
    for chars, sha in hashes:
        if chars is None:
            if _sha(text) == sha:
                return title, text
            continue
        for start in range(0, max(0, len(full) - chars) + 1):
            if _sha(full[start : start + chars]) == sha:
                before = [line.strip() for line in full[:start].splitlines() if line.strip()]
                return (before[-1] if before else ""), full[start : start + chars]
    return None


def finish(out: Path, texts: Path) -> None:
    pages = _pages()
    by_url = {_norm(str(p["url"])): key for key, p in pages.items()}
    kept: dict[tuple[str, str], dict[str, object]] = {}
    for path in sorted((out / "out").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            rec = json.loads(line)
            key = by_url.get(_norm(rec.get("url") or ""))
            if key is None and (rec.get("set"), rec.get("id")) in pages:
                key = (rec["set"], rec["id"])
            if key is None:
                print(f"no gold page for {rec.get('id')} {rec.get('url')}", file=sys.stderr)
                continue
            page = pages[key]
            title, text = rec.get("title") or "", rec.get("text") or ""
            fit = _fit(title, text, page["hashes"]) if page["hashes"] else None  # type: ignore[arg-type]
            verified: bool | None = None if not page["hashes"] else fit is not None
            if fit is not None:
                title, text = fit
            kept[key] = {
                "id": page["id"],
                "topic": page["topic"],
                "published": page["published"],
                "url": page["url"],
                "title": title,
                "text": text,
                "verified": verified,
            }
    by_topic: dict[str, list[dict[str, object]]] = {}
    for key in sorted(kept, key=lambda k: (k[0], k[1])):
        by_topic.setdefault(str(kept[key]["topic"]), []).append(kept[key])
    for topic, recs in by_topic.items():
        d = texts / topic
        d.mkdir(parents=True, exist_ok=True)
        with (d / "articles.jsonl").open("w", encoding="utf-8") as fh:
            for r in recs:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    for name in sorted({k[0] for k in pages}):
        total = sum(1 for k in pages if k[0] == name)
        found = [kept[k] for k in kept if k[0] == name]
        ok = sum(1 for r in found if r["verified"])
        print(f"{name:12} {len(found):3} of {total:3} found, {ok} verified")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    t = sub.add_parser("targets")
    t.add_argument("dir", type=Path)
    f = sub.add_parser("finish")
    f.add_argument("dir", type=Path)
    f.add_argument("texts", type=Path)
    a = ap.parse_args()
    if a.cmd == "targets":
        targets(a.dir)
    else:
        finish(a.dir, a.texts)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
