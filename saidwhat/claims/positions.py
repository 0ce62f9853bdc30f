"""Positions: actor x issue x time, from speech acts and from positions written in the text.

1. A statement whose cue or act takes a stance (``[stances.cues]``, ``[stances.acts]``: demand,
   reject, accept, support, oppose, deny, confirm, propose ...) gives its speaker (not anonymous)
   that stance on the issues its content names.
2. A sentence that writes an actor's position ("Hamas's demand for guarantees", "Hamas was demanding
   the release of ...", "conditions that Israel has so far refused to accept") gives that actor the
   stance of the phrase (``[stances.nominal]``) on the issues of its object; the statement holding
   the sentence, if any, is the evidence (its speaker relays the position).
Issues are lexicon issues or normalised head noun phrases, merged when near-duplicates.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from itertools import pairwise

from saidwhat.claims.issues import SENTENCE_DOT, head_phrase, issue_names, merge_issues, shorten
from saidwhat.claims.lexicon import ClaimsLexicon
from saidwhat.claims.model import Evidence, PositionCell
from saidwhat.claims.text import OWN_SEGMENTS, ArticleView, first_word
from saidwhat.claims.verbal import (
    REPORTING_AFTER,
    actor_name,
    blocked,
    conditional_subject,
    cue_object_issue,
    denied_object,
    speaker_actor,
    verbal_positions,
)
from saidwhat.model import Statement

ACTOR_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP"})
FILLERS = frozenset(
    {
        "'s",
        "’s",
        "has",
        "have",
        "had",
        "was",
        "were",
        "is",
        "are",
        "so",
        "far",
        "also",
        "still",
        "been",
        "repeatedly",
        "reportedly",
        "its",
        "their",
        "his",
        "her",
        "indicated",
        "expressed",
        "signalled",
        "signaled",
        "now",
        "already",
        "again",
        "publicly",
    }
)
_TOK = re.compile(r"[\w'’]+|[^\w\s]")
_OBJ_END = re.compile(rf"[;!?—–]|{SENTENCE_DOT}|\bbut\b|\bwhile\b|{REPORTING_AFTER.pattern}", re.IGNORECASE)


@dataclass(slots=True)
class PositionFact:
    """One actor's stance on one issue, as one article gives it."""

    actor: str
    entity: str | None
    issue: str
    stance: str
    date: str | None
    article: str
    statement: str | None
    text: str
    start: int
    end: int
    via: tuple[str, ...]
    story: str | None


def _stance(st: Statement, lex: ClaimsLexicon) -> str | None:
    if st.cue is not None:
        lemma = st.cue.lemma.lower()
        if lemma in lex.wishes and st.content.text.lstrip().lower().startswith("to "):
            return None  # "wants to trace relatives": the speaker's own wish, no demand (`[stances.wishes]`)
        if lemma in lex.gratitude:
            return None  # "thanked the crew": gratitude, no stance on an issue (`[stances.gratitude]`)
        if lemma in lex.cue_stances:
            return lex.cue_stances[lemma]
    return lex.act_stances.get(st.act)


def _date(view: ArticleView, st: Statement | None) -> str | None:
    if st is not None and st.said_on is not None:
        return st.said_on.value[:10]
    return view.analysis.doc.published


CLAUSE = re.compile(
    r"\b(?:is|are|was|were|be|been|has|have|had|will|would|should|can|could|may|might|must|do|does|did|"
    r"i|you|he|she|it|we|they|my|your|our)\b",
    re.IGNORECASE,
)


def _issues_of(text: str, lex: ClaimsLexicon, fallback: bool) -> list[str]:
    """Lexicon issues named in ``text``; else, with ``fallback``, the head phrase of a short object
    that is a noun phrase (no finite verb, no pronoun: "calm", "more investment in areas")."""
    if denied_object(text):
        return []  # "offered no proof"
    names = issue_names(text, lex)
    if names or not fallback:
        return names
    if len(text.split()) > 8 or CLAUSE.search(text):
        return []
    hp = shorten(head_phrase(text, max_words=40))
    return [hp] if hp else []


def statement_positions(view: ArticleView, lex: ClaimsLexicon) -> list[PositionFact]:
    out: list[PositionFact] = []
    for st in view.analysis.statements:
        if st.speaker is None or st.segment not in OWN_SEGMENTS:
            continue
        # the verb phrase's own stance wins ("urging against" opposes, "has called for" demands)
        verb, obj = cue_object_issue(view, st, lex)
        stance = verb or _stance(st, lex)
        if stance is None:
            continue
        who = speaker_actor(view, st, lex)
        if who is None or blocked(view, st) or _denied_content(view, st):
            continue
        # the lexicon issues of the content; else the object of a stance verb cue ("urged people to
        # stay at home" -> "stay at home"); else the head phrase of a short noun-phrase content. A
        # quotation's head phrase is rarely its object ("I am told ..."): lexicon issues only.
        issues = issue_names(st.content.text, lex)
        if not issues:
            if verb is not None:
                issues = [obj] if obj else []
            else:
                issues = _issues_of(st.content.text, lex, fallback=st.mode != "direct")
        for issue in issues:
            if st.act == "threaten":
                issue = _retaliated(issue)
            out.append(
                PositionFact(
                    who.name,
                    who.entity,
                    issue,
                    stance,
                    _date(view, st),
                    view.id,
                    st.id,
                    st.content.text,
                    st.content.start,
                    st.content.end,
                    tuple(v.name or v.text for v in st.via),
                    view.story,
                )
            )
    return out


def _denied_content(view: ArticleView, st: Statement) -> bool:
    """A content whose object the determiner *no* denies, also where the attribution left the *no*
    out of the content ("The Americans apologised later but offered no compensation": content
    "compensation"), gives no stance on the thing."""
    cue = st.cue
    start = cue.end if cue is not None and cue.end <= st.content.start else st.content.start
    return first_word(view.text[start : st.content.end]) == "no"


# "countermeasures to US sanctions", "retaliation against the tariffs": an action one retaliates with
# against something (an issue already normalised: singular, lower case)
_RETALIATION = re.compile(
    r"^(?:countermeasure|counter-measure|retaliation|reprisal|revenge"
    r"|retaliatory (?:measure|step|action|tariff))"
    r"(?: in response)? (?:to|against|for|over) (.+)$"
)


def _retaliated(issue: str) -> str:
    """The issue a threat opposes: what the threatened retaliation answers ("Beijing vows
    countermeasures to US sanctions" opposes the sanctions, not the countermeasures). Only for a
    threat: a verb that opposes its object opposes the retaliation itself ("condemned retaliation
    against protesters")."""
    m = _RETALIATION.match(issue)
    return m.group(1) if m else issue


def _actors(view: ArticleView, a: int, b: int) -> list[tuple[int, int, str, str]]:
    out = []
    for ent in view.analysis.entities:
        if ent.type not in ACTOR_TYPES:
            continue
        for m in ent.mentions:
            if a <= m.start and m.end <= b:
                out.append((m.start, m.end, actor_name(ent), ent.id))
    return sorted(out)


def _phrase_after(text: str, pos: int, phrases: dict[str, str]) -> tuple[str, int] | None:
    """(stance, end of the phrase) when a nominal phrase follows ``pos`` across filler words only."""
    rest = text[pos : pos + 80]
    toks = [(m.group(0).lower(), m.start(), m.end()) for m in _TOK.finditer(rest)]
    i = 0
    skipped = 0
    while i < len(toks) and skipped <= 4:
        for p in sorted(phrases, key=len, reverse=True):
            pw = p.split()
            if [t[0] for t in toks[i : i + len(pw)]] == pw:
                return phrases[p], pos + toks[i + len(pw) - 1][2]
        if toks[i][0] not in FILLERS and toks[i][0] not in ("’", "'", "s"):
            return None
        i += 1
        skipped += 1
    return None


def nominal_positions(view: ArticleView, lex: ClaimsLexicon) -> list[PositionFact]:
    out: list[PositionFact] = []
    text = view.text
    for s0, s1 in view.sentences:
        if view.segment_kind(s0) not in OWN_SEGMENTS:
            continue
        for a, b, name, eid in _actors(view, s0, s1):
            if conditional_subject(view, a):
                continue  # "if Israel rejects the plan": a condition, no stance taken
            after = _phrase_after(text, b, lex.nominal_after)
            before = None
            rel = text[max(s0, a - 12) : a].lower()
            if re.search(r"\b(?:that|which)\s+$", rel):
                before = _phrase_after(text, b, lex.nominal_before)
            if before is not None:
                stance, _ = before
                obj = text[s0:a]
                issues = _issues_of(obj, lex, fallback=False)
                span = (s0, a)
            elif after is not None:
                stance, end = after
                m = _OBJ_END.search(text, end, s1)
                span = (end, m.start() if m else s1)
                issues = _issues_of(text[span[0] : span[1]], lex, fallback=True)
            else:
                continue
            st = view.statement_covering(a, b)
            via: tuple[str, ...] = ()
            if st is not None:
                via = tuple(v.name or v.text for v in st.via)
                if st.speaker is not None:
                    via = ((st.speaker.name or st.speaker.text), *via)
            for issue in issues:
                out.append(
                    PositionFact(
                        name,
                        eid,
                        issue,
                        stance,
                        _date(view, st),
                        view.id,
                        st.id if st else None,
                        text[span[0] : span[1]].strip(),
                        span[0],
                        span[1],
                        via,
                        view.story,
                    )
                )
    return out


def _evidence(view: ArticleView, a: int, b: int) -> tuple[Statement | None, tuple[str, ...]]:
    """The statement holding ``[a, b)`` and the relay chain of a position written inside it."""
    st = view.statement_covering(a, b)
    via: tuple[str, ...] = ()
    if st is not None:
        via = tuple(v.name or v.text for v in st.via)
        if st.speaker is not None:
            via = ((st.speaker.name or st.speaker.text), *via)
    return st, via


def verb_positions(view: ArticleView, lex: ClaimsLexicon, taken: set[tuple[int, str]]) -> list[PositionFact]:
    """Positions of an actor subject of a stance verb (``saidwhat.claims.verbal``), except in a
    sentence where a statement or a nominal phrase already gives a position of that stance."""
    out: list[PositionFact] = []
    for vp in verbal_positions(view, lex):
        if (view.sentence(vp.verb_start)[0], vp.stance) in taken:
            continue
        st, via = _evidence(view, vp.verb_start, vp.end)
        out.append(
            PositionFact(
                vp.actor.name,
                vp.actor.entity,
                vp.issue,
                vp.stance,
                _date(view, st),
                view.id,
                st.id if st else None,
                view.text[vp.start : vp.end].strip(),
                vp.start,
                vp.end,
                via,
                view.story,
            )
        )
    return out


def position_facts(view: ArticleView, lex: ClaimsLexicon) -> list[PositionFact]:
    first = statement_positions(view, lex) + nominal_positions(view, lex)
    taken = {(view.sentence(f.start)[0], f.stance) for f in first}
    # one sentence's position of an actor on an issue is one piece of evidence, however many of the
    # readings above find it ("But Mahama rejected those numbers": a statement and a nominal phrase);
    # the first kept is the statement's, which carries its id
    out: list[PositionFact] = []
    seen: set[tuple[int, str, str, str]] = set()
    for f in first + verb_positions(view, lex, taken):
        key = (view.sentence(f.start)[0], f.actor, f.stance, f.issue)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


def build_positions(facts: list[PositionFact], lex: ClaimsLexicon) -> list[PositionCell]:
    """Cells (story, actor, issue) with evidence in date order, the latest stance and its changes."""
    rep = merge_issues([f.issue for f in facts], lex)
    cells: dict[tuple[str | None, str, str], list[PositionFact]] = defaultdict(list)
    for f in facts:
        cells[(f.story, f.actor, rep[f.issue])].append(f)
    out: list[PositionCell] = []
    for (story, actor, issue), fs in sorted(
        cells.items(), key=lambda kv: (kv[0][0] or "", kv[0][1], kv[0][2])
    ):
        fs.sort(key=lambda f: (f.date or "", f.article, f.start))
        changes: list[tuple[str | None, str, str]] = []
        for prev, cur in pairwise(fs):
            if cur.stance != prev.stance:
                changes.append((cur.date, prev.stance, cur.stance))
        dates = [f.date for f in fs if f.date]
        out.append(
            PositionCell(
                actor=actor,
                entity=fs[-1].entity,
                issue=issue,
                stance=fs[-1].stance,
                first=min(dates) if dates else None,
                last=max(dates) if dates else None,
                changes=changes,
                evidence=[
                    Evidence(f.article, f.statement, f.date, f.stance, f.text, f.start, f.end, f.via)
                    for f in fs
                ],
                story=story,
            )
        )
    return out
