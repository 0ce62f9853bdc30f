"""Assertion claims: statements of one story on the same proposition, linked as contradiction
(opposite stance: a denial, or a negated content that rebuts, against an assertion) or confirmation
(a confirmation of an earlier statement by another source). A statement is never linked with one
relayed inside it (overlapping contents of one article) nor with another of its own speaker's.

Two statements are on the same proposition when their contents' TF-IDF cosine (negation words and
function words left out) reaches ``assertion_similarity``.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from saidwhat.claims.lexicon import ClaimsLexicon
from saidwhat.claims.model import AssertionValue, Claim, Contradiction, SourceRef
from saidwhat.claims.similar import TfIdf, negated, rebuts, terms
from saidwhat.claims.text import OWN_SEGMENTS, ArticleView, names_someone

# without a deny or confirm speech act, the contents must be nearly the same proposition
STRICT_SIMILARITY = 0.7
NEUTRAL_ACTS = frozenset({"claim", "confirm", "deny", "accuse", "warn", "predict", "announce"})


@dataclass(slots=True)
class AssertionFact:
    value: AssertionValue
    act: str
    negated: bool
    story: str | None
    terms: list[str]


def assertion_facts(view: ArticleView, lex: ClaimsLexicon) -> list[AssertionFact]:
    out: list[AssertionFact] = []
    for st in view.analysis.statements:
        if (
            st.segment not in OWN_SEGMENTS
            or st.act not in NEUTRAL_ACTS
            or not names_someone(st.speaker, lex.pronouns)
        ):
            continue
        # a negation denies another's claim only when the content answers one ("contrary to the
        # report, no list has been handed over"), not in "facemasks can't stop the disease"
        neg = negated(st.content.text, lex.negation) and rebuts(st.content.text, lex.rebuttal)
        stance = "denies" if st.act == "deny" or neg else ("confirms" if st.act == "confirm" else "asserts")
        sp = st.speaker
        src = SourceRef(sp.name or sp.text, sp.entity, sp.anonymous) if sp else None
        val = AssertionValue(
            st.content.text,
            st.content.start,
            st.content.end,
            stance,
            src,
            tuple(v.name or v.text for v in st.via),
            st.said_on.value[:10] if st.said_on else None,
            view.analysis.doc.published,
            view.id,
            st.id,
        )
        out.append(AssertionFact(val, st.act, neg, view.story, terms(st.content.text, lex.negation)))
    return out


def _who(v: AssertionValue) -> str:
    return v.source.key if v.source else f"article:{v.article}"


def _same_voice(a: AssertionValue, b: AssertionValue) -> bool:
    """One speaker (the same entity, or a surname and the full name it ends: "Bush", "George Bush"), or
    one statement relayed inside the other (overlapping contents of one article): neither confirms
    nor contradicts the other."""
    if a.article == b.article and a.start < b.end and b.start < a.end:
        return True
    if a.source is None or b.source is None:
        return _who(a) == _who(b)
    if a.source.entity and a.source.entity == b.source.entity:
        return True
    x, y = sorted((a.source.name.split(), b.source.name.split()), key=len)
    return x == y or (len(x) == 1 and x[0][:1].isupper() and y[-1:] == x)


def build_assertions(facts: list[AssertionFact], lex: ClaimsLexicon, start_id: int = 1) -> list[Claim]:
    """One claim per linked pair: a denial against what it denies, a confirmation of an earlier report.

    Only a denial or a confirmation can link, so each is compared with the statements of its story
    that share a term with it (an inverted index), never all pairs."""
    tf = TfIdf(f.terms for f in facts)
    vecs = [tf.vector(f.terms) for f in facts]
    index: dict[tuple[str | None, str], list[int]] = defaultdict(list)
    for i, f in enumerate(facts):
        for t in set(f.terms):
            if tf.rare(t):
                index[(f.story, t)].append(i)
    seen: set[tuple[int, int]] = set()
    claims: list[Claim] = []
    n = start_id
    for i, piv in enumerate(facts):
        if piv.value.stance == "asserts":
            continue
        shared: dict[int, int] = defaultdict(int)
        for t in set(piv.terms):
            for j in index.get((piv.story, t), ()):
                shared[j] += 1
        for j in sorted(k for k, c in shared.items() if c >= 3 and k != i):
            other = facts[j]
            if _same_voice(piv.value, other.value):
                continue
            first, second = (other, piv) if _key(other) <= _key(piv) else (piv, other)
            pair = (min(i, j), max(i, j))
            if pair in seen:
                continue
            sim = tf.cosine(vecs[i], vecs[j])
            if sim < lex.settings.assertion_similarity:
                continue
            deny_a, deny_b = first.value.stance == "denies", second.value.stance == "denies"
            by_act = "deny" in (first.act, second.act) or "confirm" in (first.act, second.act)
            if not by_act and sim < STRICT_SIMILARITY:
                continue  # a negation word alone is weak evidence of a denial: the two must say the same
            claim = Claim(
                id=f"a{n}",
                kind="assertion",
                key=None,
                story=piv.story,
                proposition=" ".join(sorted(set(first.terms) & set(second.terms))),
                values=[first.value, second.value],
            )
            if deny_a != deny_b:
                claim.contradictions.append(
                    Contradiction(0, 1, f"similarity {sim:.2f}; one denies, one asserts")
                )
            elif second.value.stance == "confirms" and not deny_a:
                claim.confirmations.append(Contradiction(0, 1, f"similarity {sim:.2f}; a later confirmation"))
            else:
                continue
            seen.add(pair)
            claims.append(claim)
            n += 1
    return claims


def _key(f: AssertionFact) -> tuple[str, str, int]:
    return (f.value.date or "", f.value.article, f.value.start)
