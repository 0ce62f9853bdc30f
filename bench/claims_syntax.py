"""Where is each gold value's place written? A diagnostic for a dependency-based place attachment.

    PYTHONPATH=. .venv/bin/python bench/claims_syntax.py --cache /work/cache-claims/h1n1 \\
        --sets dev,dev2,dev3,dev4,dev5,dev6,dev7,dev9

For every gold value of the named sets of ``bench/data/claims_gold.json`` whose place is not empty:

1. finds the value in its article as ``bench/claims.py`` does (the claims library's quantity values of
   the article with the same number; the one whose measure matches best, each used once) and its
   sentence (the claims' own sentence splitter, :class:`saidwhat.claims.text.ArticleView`);
2. parses that sentence and the one before it with saidwhat's spaCy pipeline and classifies where the
   gold place is written, first class that holds:

   A  in the count's own noun phrase ("nine UK cases", "2,200 Americans", "Mexico's 20 deaths");
   B  in the count's clause: a phrase attached to the count's head noun (prepositions, participles,
      relative clauses) or a subject / object / preposition of the verb that governs it, not going
      into another clause ("... in Mexico", "Mexico has ...", "... have died in the US");
   C  elsewhere in the same sentence (another clause, the speaker's description);
   D  in an earlier sentence of the article (D1: the sentence before, D+: further back);
   E  not written as a name: the world by a word ("worldwide", "globally", "in 30 countries") outside
      the count's clause, or a body (WHO, CDC, HPA) in the sentence; the report says which;
   F  other: no mention found, or main has no value of that number (then the class of the number's
      first spelling in the text is given in the detail).

   Place mentions are the analysis' GPE / LOC / NORP entity mentions whose name (through the claims'
   place aliases) is a gold place, plus the words of a short alias list (US, U.S., America,
   American(s); UK, Britain, British, Briton(s); Mexico, Mexican(s)). The world is B when a world word
   is in the count's clause, else E (or F when nothing of the kind is written).
3. records whether main's value has the right place, a wrong place, none, or was not found.

Prints a table (per class and per set) and, for the 'dev*' sets, examples of C and D values that
main misplaces; writes ``bench/out/claims_syntax.json``. Changes nothing in saidwhat.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from claims import CACHE, load_articles, load_cache, value_number  # noqa: E402
from spacy.tokens import Doc, Span, Token  # noqa: E402

from saidwhat.claims import article_facts  # noqa: E402
from saidwhat.claims.lexicon import ClaimsLexicon, load_lexicon  # noqa: E402
from saidwhat.claims.model import QuantityValue  # noqa: E402
from saidwhat.claims.text import ArticleView  # noqa: E402
from saidwhat.nlp import load_nlp  # noqa: E402
from saidwhat.quantities.lexicon import load_lexicon as load_quantity_lexicon  # noqa: E402

FORBIDDEN = {"heldout", "dev8"}
ALIASES = {
    "United States": r"United States|U\.S\.(?:A\.)?|US|USA|America|Americans?",
    "United Kingdom": r"United Kingdom|U\.K\.|UK|(?:Great )?Britain|British|Britons?",
    "Mexico": r"Mexico|Mexicans?",
}
WORLD = re.compile(
    r"\b(?:world(?:wide|'s)?(?! Health)|globe|globally|global|countries|nations|international(?:ly)?)\b", re.I
)
BODIES = {
    "world": r"World Health Organi[sz]ation|WHO",
    "United States": r"CDC|Centers for Disease Control(?: and Prevention)?",
    "United Kingdom": r"Health Protection Agency|HPA|NHS|Department of Health",
    "Mexico": r"(?:Mexican )?[Hh]ealth [Mm]inist(?:ry|er)",
}
# dependency labels that open another clause: the walk from the count's verb stops at them
CLAUSAL = {"ccomp", "advcl", "parataxis", "conj", "csubj", "csubjpass", "xcomp"}
# labels inside the count's own noun phrase
OWN_NP = {"compound", "amod", "nmod", "poss", "nummod", "quantmod", "det", "case", "punct"}
CLASSES = ("A", "B", "C", "D", "E", "F")
CLASS_NAMES = {
    "A": "own noun phrase",
    "B": "count's clause",
    "C": "same sentence, elsewhere",
    "D": "earlier sentence",
    "E": "not a name (world word / body)",
    "F": "other / could not tell",
}


def _place(v: QuantityValue) -> str:
    about = v.key.about
    return about[0] if len(about) == 1 else "+".join(about)


def _pick(gkey: tuple[str, str, str, str], same: list[QuantityValue]) -> QuantityValue | None:
    """The predicted value of the same number whose measure matches the gold's best (as bench/claims.py)."""

    def score(v: QuantityValue) -> int:
        k = v.key
        mine = (k.thing, k.state, k.aspect, _place(v))
        if mine == gkey:
            return 3
        if mine[:3] == gkey[:3]:
            return 2
        return 1 if k.thing == gkey[0] else 0

    return max(same, key=score) if same else None


def _mentions(view: ArticleView, lex: ClaimsLexicon, place: str) -> list[tuple[int, int]]:
    """Character spans of the place's mentions: the analysis' place entities and the alias words."""
    spans = {(p.start, p.end) for p in view.places if lex.place_aliases.get(p.name, p.name) == place}
    pat = ALIASES.get(place)
    if pat:
        spans |= {(m.start(), m.end()) for m in re.finditer(rf"(?<![\w.])(?:{pat})(?![\w])", view.text)}
    return sorted(spans)


def _tokens(doc: Doc, off: int, a: int, b: int) -> Span | None:
    return doc.char_span(a - off, b - off, alignment_mode="expand")


def _count_token(span: Span) -> Token:
    nums = [t for t in span if t.like_num or t.pos_ == "NUM"]
    return nums[-1] if nums else span[-1]


def _head_noun(tok: Token) -> Token:
    """The noun the number counts ("cases" of "20 cases"); the number itself when it stands alone."""
    t = tok
    while t.dep_ in ("nummod", "quantmod", "compound") and t.head.i != t.i:
        t = t.head
        if t.pos_ in ("NOUN", "PROPN", "PRON"):
            break
    return t


def _own_np(head: Token) -> set[int]:
    out = {head.i}
    todo = [c for c in head.children if c.dep_ in OWN_NP or c.dep_ == "appos"]
    while todo:
        c = todo.pop()
        out.add(c.i)
        todo.extend(x for x in c.children if x.dep_ in OWN_NP)
    return out


def _verb_of(head: Token) -> Token:
    """The verb governing the count's noun: up through prepositions and participles ("including",
    "reported in") to the first other verb, or the root."""
    verb = head
    while verb.head.i != verb.i and (
        verb.pos_ not in ("VERB", "AUX") or verb.dep_ in ("prep", "pcomp", "acl", "agent", "amod")
    ):
        verb = verb.head
    return verb


def _clause(head: Token) -> set[int]:
    """Tokens of the count's clause: the head noun's subtree and the governing verb's subtree, without
    the subtrees of the clauses attached to that verb (ccomp, advcl, conj, ...)."""
    verb = _verb_of(head)
    out = {t.i for t in head.subtree}
    todo = [verb]
    while todo:
        t = todo.pop()
        out.add(t.i)
        for c in t.children:
            if c.dep_ in CLAUSAL and c.i not in {x.i for x in head.subtree}:
                continue
            todo.append(c)
    return out


def _rivals(
    view: ArticleView,
    lex: ClaimsLexicon,
    doc: Doc,
    off: int,
    sent: tuple[int, int],
    ids: set[int],
    place: str,
) -> str:
    """ " [also: X, Y]" for the other places (any GPE / LOC / NORP of the analysis) written in the count's
    phrase or clause: the choices a structural rule would still have to make."""
    names = []
    for p in view.places_in(*sent):
        name = lex.place_aliases.get(p.name, p.name)
        sp = _tokens(doc, off, p.start, p.end)
        if name != place and sp is not None and {t.i for t in sp} & ids and name not in names:
            names.append(name)
    return f" [also: {', '.join(names)}]" if names else ""


def classify(
    view: ArticleView, lex: ClaimsLexicon, v: tuple[int, int], place: str, nlp: Any
) -> tuple[str, str, str]:
    """(class, detail, sentence) of where the gold ``place`` of the value at ``v`` (its span) is written."""
    text = view.text
    start, end = v
    s0, s1 = view.sentence(start)
    if s1 <= s0:
        s0, s1 = start, end
    sent = text[s0:s1]
    idx = [i for i, s in enumerate(view.sentences) if s[0] == s0]
    prev0 = view.sentences[idx[0] - 1][0] if idx and idx[0] > 0 else s0
    doc = nlp(text[prev0:s1])
    span = _tokens(doc, prev0, start, end)
    if span is None or not len(span):
        return "F", "count not aligned with the parse", sent
    count = _count_token(span)
    head = _head_noun(count)
    own, clause = _own_np(head), _clause(head)
    rivals = _rivals(view, lex, doc, prev0, (s0, s1), own | clause, place)
    if place == "world":
        for m in WORLD.finditer(text, s0, s1):
            sp = _tokens(doc, prev0, m.start(), m.end())
            if sp is not None and any(t.i in clause for t in sp):
                return "B", f"world word {m.group(0)!r} in its clause{rivals}", sent
        if WORLD.search(text, s0, s1):
            return "E", "world word elsewhere in the sentence", sent
        if re.search(rf"\b(?:{BODIES['world']})\b", sent):
            return "E", "body (WHO) in the sentence", sent
        if WORLD.search(text, 0, s0):
            return "E", "world word in an earlier sentence", sent
        return "F", "world: no world word nor body", sent
    mentions = _mentions(view, lex, place)
    inside = [(a, b) for a, b in mentions if s0 <= a and b <= s1]
    best = ""
    for a, b in inside:
        sp = _tokens(doc, prev0, a, b)
        if sp is None:
            continue
        ids = {t.i for t in sp}
        if ids & own:
            return "A", f"{text[a:b]!r} in its noun phrase{rivals}", sent
        if ids & clause:
            best = "B"
            detail = f"{text[a:b]!r} ({sp.root.dep_} of {sp.root.head.text!r})"
        verb = _verb_of(head)
        if not best and verb.dep_ == "relcl" and verb.head.i in ids:
            best = "B"
            detail = f"{text[a:b]!r} (antecedent of the count's relative clause)"
    if best:
        return "B", detail + rivals, sent
    if inside:
        a, b = inside[0]
        sp = _tokens(doc, prev0, a, b)
        dep = f" ({sp.root.dep_} of {sp.root.head.text!r})" if sp is not None else ""
        return "C", f"{text[a:b]!r}{dep}", sent
    before = [(a, b) for a, b in mentions if b <= s0]
    if before:
        a, b = before[-1]
        return ("D1" if a >= prev0 else "D+"), f"{text[a:b]!r}", sent
    body = BODIES.get(place)
    if body and re.search(rf"\b(?:{body})\b", sent):
        return "E", f"body in the sentence: {re.search(rf'(?:{body})', sent).group(0)!r}", sent  # type: ignore[union-attr]
    return "F", "no mention of the place before or in the sentence", sent


def _number_words() -> dict[int, str]:
    """The quantity stage's number words below a hundred that are one word ("nine", "twenty")."""
    lex = load_quantity_lexicon()
    return {int(v): k for k, v in {**lex.units, **lex.tens}.items()}


NUMBER_WORDS = _number_words()


def _written(text: str, num: float) -> tuple[int, int] | None:
    """The first place ``num`` is written in ``text`` ("1,578", "1578", "nine")."""
    n = int(num) if num == int(num) else None
    forms = [f"{num:g}"] if n is None else [f"{n:,}", str(n)]
    if n is not None and n in NUMBER_WORDS:
        forms.append(NUMBER_WORDS[n])
    pat = "|".join(re.escape(f) for f in forms)
    m = re.search(rf"(?<![\w,.])(?:{pat})(?![\w]|,\d)", text, re.I)
    return (m.start(), m.end()) if m else None


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cache", type=Path, default=CACHE)
    ap.add_argument("--sets", default="dev,dev2,dev3,dev4,dev5,dev6,dev7,dev9")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "claims_syntax.json")
    ap.add_argument("--examples", type=int, default=10)
    a = ap.parse_args()
    wanted = [s for s in a.sets.split(",") if s]
    if FORBIDDEN & set(wanted):
        print(f"sets {sorted(FORBIDDEN & set(wanted))} are not for this diagnostic", file=sys.stderr)
        return 2
    gold = json.loads((ROOT / "bench" / "data" / "claims_gold.json").read_text(encoding="utf-8"))
    things = set(gold["things"])
    ids = {g["id"] for s in wanted for g in gold["sets"][s]["articles"]}
    articles = [x for x in load_articles() if x["id"] in ids]
    analyses, _ = load_cache(articles, a.cache)
    lex = load_lexicon()
    nlp = load_nlp()
    views = {an.doc.id: ArticleView.build(an, None, lex.place_aliases) for an in analyses}
    values = {an.doc.id: article_facts(an, None, lex).quantities for an in analyses}
    rows: list[dict[str, Any]] = []
    for name in wanted:
        used: set[int] = set()
        for g in gold["sets"][name]["values"]:
            m = g["measure"]
            place = m["about"]
            if not place:
                continue
            key = (m["thing"], m["state"], m["aspect"], place)
            art, num = g["article"], float(g["value"])
            same = [
                v
                for v in values.get(art, [])
                if id(v) not in used
                and v.key.thing in things
                and v.key.unit is None
                and value_number(v) == num
            ]
            v = _pick(key, same)
            row: dict[str, Any] = {"set": name, "article": art, "value": num, "gold": list(key)}
            if art not in views:
                row.update(cls="F", detail="article not in the cache", main="not found", sentence="")
            elif v is None:
                # main has no value of that number: classify its first spelling in the text, in F
                row["main"] = "not found"
                at = _written(views[art].text, num)
                if at is None:
                    row.update(
                        cls="F", detail="value not found in main's values nor in the text", sentence=""
                    )
                else:
                    cls, detail, sent = classify(views[art], lex, at, place, nlp)
                    row.update(
                        cls="F",
                        detail=f"value not found in main's values (text: {cls[0]})",
                        sentence=" ".join(sent.split()),
                    )
            else:
                used.add(id(v))
                got = _place(v)
                row["main_place"] = got
                row["main"] = "right" if got == place else ("none" if not got else "wrong")
                cls, detail, sent = classify(views[art], lex, (v.start, v.end), place, nlp)
                row.update(cls=cls, detail=detail, sentence=" ".join(sent.split()), text=v.text)
            rows.append(row)
    report(rows, wanted, a.examples)
    a.out.parent.mkdir(parents=True, exist_ok=True)
    a.out.write_text(json.dumps({"sets": wanted, "values": rows}, indent=1), encoding="utf-8")
    print(f"\nwrote {a.out}")
    return 0


def report(rows: list[dict[str, Any]], sets: list[str], n_examples: int) -> None:
    cols = ("right", "wrong", "none", "not found")

    def line(label: str, rs: list[dict[str, Any]]) -> str:
        c = Counter(r["main"] for r in rs)
        return f"| {label} | {len(rs)} | " + " | ".join(str(c[k]) for k in cols) + " |"

    print("| where the gold place is written | gold values | main right | wrong | none | not found |")
    print("|---|---:|---:|---:|---:|---:|")
    for cl in CLASSES:
        rs = [r for r in rows if r["cls"][0] == cl]
        print(line(f"{cl} {CLASS_NAMES[cl]}", rs))
        if cl == "D":
            for sub in ("D1", "D+"):
                print(
                    line(
                        f"  {sub} {'the sentence before' if sub == 'D1' else 'further back'}",
                        [r for r in rs if r["cls"] == sub],
                    )
                )
        if cl in ("E", "F"):
            for det, _n in Counter(r["detail"] for r in rs).most_common():
                print(line(f"  {cl}: {det}", [r for r in rs if r["detail"] == det]))
    print(line("all", rows))
    ab = [r for r in rows if r["cls"] in ("A", "B")]
    print(line("A+B (own phrase or clause)", ab))
    print(
        line(
            "  of which with another place in the phrase or clause",
            [r for r in ab if "[also:" in r["detail"]],
        )
    )
    print(line("C+D+E+F (elsewhere)", [r for r in rows if r["cls"] not in ("A", "B")]))
    print("\n| set | gold values | " + " | ".join(CLASSES) + " | main right | right of A+B | right of C-F |")
    print("|---|---:|" + "---:|" * (len(CLASSES) + 3))
    for s in sets:
        rs = [r for r in rows if r["set"] == s]
        c = Counter(r["cls"][0] for r in rs)
        right = sum(r["main"] == "right" for r in rs)
        near = [r for r in rs if r["cls"] in ("A", "B")]
        far = [r for r in rs if r["cls"] not in ("A", "B")]
        split = " | ".join(f"{sum(r['main'] == 'right' for r in x)} / {len(x)}" for x in (near, far))
        print(f"| {s} | {len(rs)} | " + " | ".join(str(c[k]) for k in CLASSES) + f" | {right} | {split} |")
    bad = [
        r
        for r in rows
        if r["set"].startswith("dev") and r["cls"][0] in "CD" and r["main"] in ("wrong", "none")
    ]
    print(f"\nC and D values main misplaces ({len(bad)}; first {n_examples}):")
    for r in bad[:n_examples]:
        print(
            f"- [{r['cls']}] {r['article']} {r['value']:g} gold {r['gold'][3]!r}, "
            f"main {r.get('main_place')!r} ({r['detail']}): {r['sentence'][:300]}"
        )


if __name__ == "__main__":
    raise SystemExit(main())
