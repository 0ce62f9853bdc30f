"""Small, O(1)-ish helpers over the spaCy parse: noun-phrase extents, subjects, clause parts.

Every helper here touches a bounded number of tokens (children of one token, or at most a few
steps up the tree), so the rules that call them once per cue stay linear in the document.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Token

# dependents kept to the right of a noun head in a speaker mention
_RIGHT_KEEP = frozenset({"compound", "flat", "nummod", "amod", "nmod", "npadvmod"})
# prepositions whose phrase belongs to a mention ("head of the Bar Association", "sources close to")
_OF_PREPS = frozenset({"of", "from", "at", "for"})
# and these after a common noun ("experts on North Korea", "one GOP source in the room")
_NOUN_PREPS = frozenset({"in", "on", "around", "inside", "within", "across", "among", "with"})
SUBJECTS = frozenset({"nsubj"})
# how a participle / infinitive cue hangs off the clause whose subject it shares
_SHARE_SUBJECT = frozenset(
    {"advcl", "xcomp", "conj", "pcomp", "prep", "acl", "ccomp", "dep", "npadvmod", "pobj"}
)
# dependents after a comma that still describe the mention ("James Acton, a physicist who …")
_APPOSITIVE = frozenset({"appos", "acl", "relcl"})
REL_PRONOUNS = frozenset({"who", "which", "that", "whom"})
_MAX_PAREN = 8  # tokens in a parenthesis that belongs to a name ("(D-N.C.)", "(R-Ohio)")
_MAX_CONJUNCTS = 4  # conjuncts joined into one speaker mention ("X, Y and Z")
_JOINERS = frozenset({",", "and", "or", "&"})
_TRIM_LEFT = " \t\n\r\u00a0,;:.!?—–-"
_TRIM_RIGHT = " \t\n\r\u00a0,;:—–-"


def np_extent(tok: Token) -> tuple[int, int]:
    """Token index range ``[a, b)`` of the noun phrase headed by ``tok`` (no relative clauses)."""
    a = tok.left_edge.i
    # a left edge that starts inside a preceding clause (rare mis-parses) is cut to the nearest noun run
    for t in tok.lefts:
        hyphen = t.text in ("-", "‐", "‑")  # "ex-wife", "Geun-hye" stay whole
        if not hyphen and (t.dep_ in ("punct", "cc", "prep", "advmod", "mark") or t.is_punct):
            a = max(a, t.right_edge.i + 1)
    b = tok.i + 1
    for child in tok.rights:
        if child.right_edge.i < b:
            continue  # inside a parenthesis already taken
        if child.left_edge.i != b:
            break  # only contiguous material stays in the mention
        if (
            child.dep_ in _RIGHT_KEEP
            or child.dep_ == "appos"
            or (child.dep_ == "prep" and child.lower_ in _OF_PREPS)
            or (
                child.dep_ == "prep"
                and tok.pos_ == "NOUN"
                and child.lower_ in _NOUN_PREPS
                and not any(g.ent_type_ in ("DATE", "TIME") or g.like_num for g in child.subtree)
            )  # not "a panel in 2001": a time is the clause's
            or (child.dep_ == "prep" and tok.pos_ == "PROPN" and child.right_edge.pos_ == "PROPN")
        ):  # "the Commission on Presidential Debates"
            b = child.right_edge.i + 1
        elif child.text == "(" and child.right_edge.text == ")":  # "Rep. Jim Jordan (R-Ohio)"
            b = child.right_edge.i + 1
        elif (close := _closing_paren(tok.doc, child.i)) is not None:  # "(R-S.C.)" parsed flat
            b = close + 1
        elif child.text == ")" and any(t.text == "(" for t in tok.doc[tok.i : b]):  # "(D-N.C." + ")"
            b = child.i + 1
        else:
            break
    return a, b


def _closing_paren(doc: Doc, i: int) -> int | None:
    """Index of the ")" closing a short parenthesis opened at token ``i`` ("(D-N.C.)"), if any."""
    if doc[i].text != "(":
        return None
    for j in range(i + 1, min(len(doc), i + _MAX_PAREN)):
        if doc[j].text == ")":
            return j
        if doc[j].text in ("(", "\n") or doc[j].is_sent_start:
            return None
    return None


def conj_extent(tok: Token, b: int) -> int:
    """End of a coordination the mention ``[…, b)`` headed by ``tok`` opens ("Mr. Grassley and
    Mr. Leahy", "Companies and individuals"): each conjunct's noun phrase, joined only by commas
    and a coordinator."""
    doc = tok.doc
    end, t = b, tok
    for _ in range(_MAX_CONJUNCTS):
        conj = next((c for c in t.rights if c.dep_ == "conj" and c.i >= end), None)
        if conj is None or conj.pos_ not in ("PROPN", "NOUN"):
            break
        gap = doc[end : conj.left_edge.i]
        if not len(gap) or not all(x.lower_ in _JOINERS for x in gap):
            break
        end, t = max(np_extent(conj)[1], conj.i + 1), conj
    return end


def full_extent(tok: Token, a: int, b: int) -> int:
    """End of the mention ``[a, b)`` extended over comma-set appositives, participles and relative
    clauses ("Kerr Putney, the Charlotte police chief,"), as PolNeAR marks sources."""
    end = b
    for child in tok.rights:
        if child.i < b:
            continue
        if child.dep_ == "punct" and child.text == "," and child.i == end:
            continue
        if (
            child.dep_ in _APPOSITIVE or (child.dep_ == "prep" and child.lower_ in ("of", "from"))
        ) and child.left_edge.i <= end + 1:  # ", of Springfield, Va.,"
            end = child.right_edge.i + 1
        else:
            break
    return end


_TIME_WORDS = frozenset(
    {
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "today",
        "yesterday",
        "tonight",
        "earlier",
        "later",
    }
)


def _time_word(tok: Token) -> bool:
    """A day or time word the parser may take for a subject (*…, Tuesday said*)."""
    return tok.lower_ in _TIME_WORDS and not any(c.dep_ in ("det", "poss") for c in tok.children)


def _names_the_object(subj: Token, later: Token) -> bool:
    """Whether a second subject the parse gave a verb is only the name of the noun that closes the
    first one's prepositional phrase, written right after it (*Tony Redmond from the British medical
    charity Merlin says*: *Merlin* names the charity; a clause has one subject). Only when the first
    is itself a person's name: after a role (*Witness for the defense Dr Paul White concedes*) the
    name is the subject's own."""
    end = subj.right_edge
    return (
        subj.ent_type_ == "PERSON"
        and later.left_edge.i == end.i + 1
        and end.pos_ == "NOUN"
        and end.dep_ == "pobj"
        and later.pos_ == "PROPN"
    )


def names_an_object(tok: Token) -> bool:
    """Whether the subject ``tok`` is only a name closing another subject of its verb
    (:func:`_names_the_object`): *Merlin* in *Tony Redmond from the charity Merlin says*."""
    return any(c.dep_ in SUBJECTS and c.i < tok.i and _names_the_object(c, tok) for c in tok.head.children)


def subject_of(
    verb: Token,
    max_up: int = 4,
    quoted: Callable[[int], bool] | None = None,
    speaks: Callable[[Token], bool] | None = None,
) -> tuple[Token | None, bool]:
    """The subject of ``verb``, inherited up participle chains ("…, adding that"); and whether passive.

    A present participle modifying a noun that ``speaks`` (people, groups, organizations) has that
    noun as its subject: *despite several senators saying …*. Returns ``(None, True)`` for passive
    cues ("is said to"), ``(None, False)`` when there is none.
    """
    v = verb
    for _ in range(max_up + 1):
        subj = None
        for c in v.children:
            if c.dep_ in SUBJECTS and (subj is None or c.i < v.i) and not (quoted and quoted(c.idx)):
                if subj is not None and _time_word(c) and not _time_word(subj):
                    continue  # "Mark Carney, governor of …, Tuesday said": the day is no subject
                if subj is not None and _names_the_object(subj, c):
                    continue  # "Tony Redmond from the medical charity Merlin says": the charity's name
                subj = c  # the subject nearest before the verb wins; never one inside a quotation
        if subj is not None:
            return subj, False
        for c in v.children:
            if c.dep_ == "nsubjpass":
                if v is verb:
                    return None, True
                return c, False  # "the Chief of Staff is expected to state"
        if (
            speaks is not None
            and v.dep_ == "acl"
            and v.tag_ == "VBG"
            and speaks(v.head)
            and not (quoted and quoted(v.head.idx))
        ):
            # "despite several senators saying …": the senators say it, not the clause's subject
            # (PolNeAR gives *a news conference announcing …* to the one who held it)
            return v.head, False
        if (
            v.dep_ in _SHARE_SUBJECT
            and v.head.i != v.i
            and (
                v.tag_ in ("VBG", "VBN", "VB")
                or v.dep_ in ("conj", "pcomp", "prep", "pobj")
                or v.lower_.endswith("ing")
            )
        ):
            v = v.head
            continue
        break
    return None, False


def relative_head(tok: Token) -> Token | None:
    """For a relative pronoun subject ("Netanyahu, who denies"), the noun the clause modifies. A proper
    noun is no relative pronoun: "the flu that the WHO has said could be dangerous" (the acronym of the
    World Health Organization, the subject of the relative clause, not its pronoun)."""
    if tok.lower_ in REL_PRONOUNS and tok.tag_ != "NNP" and tok.head.dep_ == "relcl":
        return tok.head.head
    return None


def trim_span(text: str, a: int, b: int) -> tuple[int, int]:
    """Shrink ``[a, b)`` past spaces and separating punctuation at both ends."""
    while a < b and text[a] in _TRIM_LEFT:
        a += 1
    while b > a and text[b - 1] in _TRIM_RIGHT:
        b -= 1
    return a, b


def is_negated(tok: Token) -> bool:
    return any(c.dep_ == "neg" for c in tok.children)
