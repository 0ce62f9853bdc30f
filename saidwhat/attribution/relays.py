"""Relays the context gives (docs/attribution.md, "Relays"): after the statements of a document are
built, a statement that names no relay of its own takes one from what encloses it.

* **Inside another statement**: a statement whose cue and speaker lie in the content of a report
  (*say, report, tell, write, recall, note*) by someone else is passed on by that speaker (*…,
  experts warned …, the magazine said*) — not a pronoun speaker (*Warren told Stumpf, after he
  admitted …*: the one spoken to, not a relayed source).
* **A readout never closed**: *A spokesperson for the Prime Minister said:* and a quotation whose
  opening mark is never closed in the rest of the text — every later statement is part of the
  spokesperson's readout (*The PM said …* → the PM via the spokesperson).
* **An outlet's report**: after a named outlet *reports / notes / reveals / details* (*The Los
  Angeles Times notes that …*), the statements later in the same paragraph come from that report
  (*“…,” said the battalion chief* → via the Times); an outlet that *says* speaks for itself.
* **The outlet writing the copy is never a relay** of its own copy: in a text whose dateline credits
  Reuters (*WASHINGTON, May 17 (Reuters) –*), *X told Reuters* is X's statement, no relay.

Only ``via`` changes: no statement is added or dropped, no speaker changes.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from saidwhat.attribution.quotes import QuoteIndex
from saidwhat.model import Speaker, Statement, Via

# "WASHINGTON, May 17 (Reuters) –" / "GAZA CITY (AP) -": the agency credited on the first line
_CREDIT = re.compile(r"^[^\n]{0,80}?\(([A-Z][A-Za-z. ]{1,20})\)\s*[—–-]{1,2}\s")
_REPORT_WORDS = 4  # fewest words of an outlet's report that sources its paragraph
_LOOK_BACK = 8  # statements starting before a cue that may enclose it
_QUOTE_MARKS = "\"“”"
# an outlet's report whose paragraph it sources ("The Los Angeles Times notes that …"); not "say":
# an outlet that says something speaks for itself ("The Times said it would send a reporter")
_REPORT_LEMMAS = frozenset({"report", "note", "reveal", "detail"})
# a report passed on inside another's content: "…, experts warned …, the magazine said"
_RELAYING_LEMMAS = frozenset({"say", "report", "tell", "write", "recall", "note"})
_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "who", "which"})


def _as_via(sp: Speaker) -> Via:
    return Via(text=sp.text, start=sp.start, end=sp.end, name=sp.name, entity=sp.entity, kind=sp.kind)


def _same_source(a: Speaker, b: Speaker) -> bool:
    if a.entity is not None and a.entity == b.entity:
        return True
    if a.name is not None and b.name is not None and a.name.casefold() == b.name.casefold():
        return True
    return a.start == b.start or (a.ref_start is not None and a.ref_start == b.ref_start)


def _credit(text: str) -> str | None:
    m = _CREDIT.match(text)
    return m.group(1).strip().casefold() if m is not None else None


def _relay_chain(outer: Statement) -> list[Via]:
    assert outer.speaker is not None
    return [_as_via(outer.speaker), *outer.via]


def _enclosing(st: Statement, by_start: Sequence[Statement], starts: Sequence[int]) -> Statement | None:
    """The statement by someone else whose content holds ``st``'s cue (``by_start``: the
    statements by content start; the few starting before the cue are looked at)."""
    if st.cue is None or st.speaker is None or st.cue.lemma in ("accord", "according to"):
        return None  # "X said, according to the BBC, that …": the BBC relays X, not the other way
    if st.speaker.text.strip().lower() in _PRONOUNS:
        return None  # "he admitted …" inside another's words is most often the one spoken to or about
    a, b = min(st.cue.start, st.speaker.start), max(st.cue.end, st.speaker.end)
    k = bisect_right(starts, a)
    for o in by_start[max(0, k - _LOOK_BACK) : k]:
        if o is st or o.speaker is None or _same_source(o.speaker, st.speaker):
            continue
        if o.cue is None or o.cue.lemma not in _RELAYING_LEMMAS:
            continue
        spans = [(p.start, p.end) for p in o.content.parts] or [(o.content.start, o.content.end)]
        if any(pa <= a and b <= pb for pa, pb in spans):
            return o
    return None


def _readout(text: str, st: Statement, quotes: QuoteIndex) -> bool:
    """A statement introduced by *X said:* whose quotation is never closed in the rest of the text."""
    if st.cue is None or st.speaker is None:
        return False
    colon = text.find(":", st.cue.end, st.cue.end + 3)
    if colon < 0:
        return False
    q = quotes.starting_in(colon, st.content.start + 1)
    if q is None or q.closed or text[colon + 1 : q.start].strip():
        return False
    return not any(ch in _QUOTE_MARKS for ch in text[q.end :])


def _outlet_report(st: Statement) -> bool:
    """A named outlet reporting something with content (*The Los Angeles Times notes that …*)."""
    return (
        st.speaker is not None
        and st.speaker.kind == "outlet"
        and st.speaker.entity is not None
        and st.speaker.text.strip().lower() not in _PRONOUNS  # "the AP, which first reported the story"
        and len(st.content.text.split()) >= _REPORT_WORDS  # a report with content, not "the story"
        and st.cue is not None
        and st.cue.lemma in _REPORT_LEMMAS
    )


def _paragraph_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return len(text) if end < 0 else end


def context_relays(text: str, statements: Sequence[Statement], quotes: QuoteIndex) -> None:
    """Fill ``via`` of the statements that have none from their context (module docstring)."""
    credit = _credit(text)
    if credit is not None:
        for st in statements:
            st.via = [v for v in st.via if (v.name or v.text).strip().casefold() != credit]
    by_start = sorted(statements, key=lambda s: s.content.start)
    starts = [s.content.start for s in by_start]
    readout: Statement | None = None
    outlet: tuple[Statement, int] | None = None  # an outlet's report and its paragraph's end
    for st in sorted(statements, key=lambda s: (s.cue or s.content).start):
        anchor = (st.cue or st.content).start
        if outlet is not None and anchor >= outlet[1]:
            outlet = None
        if st.speaker is not None and not st.via:
            outer = _enclosing(st, by_start, starts)
            if outer is None and readout is not None and anchor >= readout.content.end:
                outer = readout
            if outer is None and outlet is not None and st.speaker.kind != "outlet":
                outer = outlet[0]
            if outer is not None and outer.speaker and not _same_source(outer.speaker, st.speaker):
                st.via = _relay_chain(outer)
        if readout is None and _readout(text, st, quotes):
            readout = st
        if _outlet_report(st):
            assert st.cue is not None
            outlet = (st, _paragraph_end(text, st.cue.end))


__all__ = ["context_relays"]
