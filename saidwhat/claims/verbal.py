"""Positions written as a stance verb whose subject is an actor, outside any statement.

"Chan also urged companies who make the drugs to ramp up production", "Foreign Minister Patricia
Espinosa criticised China ... for cutting flights to Mexico", "which the FMF refused to
re-scheduled", "The health ministers agreed to work ...": the verb (``[stances.verbs]``, with its
inflections) takes a stance; its subject, read to the left of the verb across auxiliaries and
adverbs, is the actor:

- an entity mention (person, organisation, place, group) not governed by a preposition, named by its
  canonical entity;
- a common noun that names an actor (``[stances.actor_nouns]``: "the health ministers", "the
  authorities", "the Mexican government") with its modifiers, and the place of a fronted "In X,";
- a pronoun: the named speaker of a statement earlier in the same sentence ("The government said it
  planned ... and it urged them ..."), else for "he"/"she" the last person named in that sentence or
  the one before ("She also urged ...");
- a second verb of a coordination ("the authorities have raised the alert level ... but urged ...")
  or a participle after a comma (", accusing its government of discrimination") shares the subject
  of the clause before it.

A passive ("Americans were urged to ...") or a negated verb ("did not reject") gives no position, nor
does refusing to speak ("refused to comment"). The issue is the verb's object as its ``object`` kind
says (the infinitive after the addressee, the reason after "for"/"of", or the phrase after the verb),
cut at the clause's end and at a time expression, then a lexicon issue or its head noun phrase.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from saidwhat.claims.issues import SENTENCE_DOT, head_phrase, issue_names, shorten
from saidwhat.claims.lexicon import ClaimsLexicon
from saidwhat.claims.text import OWN_SEGMENTS, ArticleView, Word, first_word, words, wordset
from saidwhat.gender import gender_lexicon
from saidwhat.model import Entity, Speaker, Statement

ACTOR_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP"})
# words between a subject and its verb that leave the subject in place
SKIP = wordset(
    "has have had will would could should may might must shall did does do also so far still "
    "repeatedly reportedly publicly already again now swiftly quickly strongly immediately "
    "formally jointly openly previously recently today yesterday later earlier then once "
    "further even specifically explicitly firmly flatly"
)
# finite verbs that do not end in -ed ("Chen Zhu said the virus was ... and urged the country to ...")
IRREGULAR_PAST = wordset(
    "said says told tells made took gave went came saw got put sent held kept left met spoke wrote "
    "began brought found thought felt became"
)
NEGATION = frozenset({"not", "never", "no", "neither", "nor"})
BE = frozenset({"was", "were", "is", "are", "be", "been", "being", "am", "get", "got", "gets"})
# modals of possibility: "can ask", "could back" say what an actor might do, no stance ("would" is also
# a future in the past: "the PAC would endorse Clinton on Thursday")
MODALS = frozenset({"can", "could", "may", "might"})
# a subject in a prepositional phrase is not the subject ("In Hong Kong, ...", "cases in Mexico urged")
PREPOSITIONS = wordset(
    "in at from to for with by on of into onto about against among between through during "
    "over under across without within like than via per"
)
DETERMINERS = wordset(
    "the a an both all some its their his her our this that these those every each any many "
    "most other such several"
)
# refusing to speak is no position on an issue ("refused to comment")
SPEAKING = wordset(
    "comment say speak confirm elaborate discuss disclose give name answer reveal identify "
    "specify talk respond"
)
# "refused to go into details": a phrase of speaking opened by a verb that is no verb of speaking alone
SPEAKING_PHRASES = (("go", "into"),)
# words that open a clause whose verb is not asserted: a condition ("if parliament then rejected the
# move", "unless Britain refuses to ..."), an indirect question ("whether he would accept ...")
CONDITIONAL = wordset("if unless whether")
AUXILIARIES = wordset("is are was were has have had will would can could should may might must does did")
# words that open a clause: none of them modifies the actor noun after it
SUBORDINATORS = CONDITIONAL | wordset(
    "when whenever because that which who whom whose while where whereas though although until after "
    "before since"
)
# an object that refers back to a verb phrase written before it ("It stubbornly refuses to do so")
PRO_FORMS = frozenset({"do", "do so", "do it", "do that", "do this", "so", "it", "this", "that"})
CLAUSE_END = re.compile(rf"[;!?—–:]|{SENTENCE_DOT}|\s[-–]\s|\bbut\b|\bwhile\b|\bwhereas\b|\balthough\b")
REASON = frozenset({"for", "of", "over"})
# words after which *of* is partitive ("none of the Mexicans"), and participles of reporting that open
# a statement of their own after the object (", saying ...")
PARTITIVE_HEADS = wordset("none some all one many most each any few several both either neither")
REPORTING = wordset("saying adding noting arguing insisting claiming stressing")
# a comma and a participle of reporting: another statement after an object ("rejected the proposal,
# saying it did not guarantee an end to the war": the proposal is what was rejected, not the end)
REPORTING_AFTER = re.compile(r",\s*(?:" + "|".join(sorted(REPORTING)) + r")\b", re.IGNORECASE)
PERSON_PRONOUNS = frozenset({"he", "she"})
PRONOUNS = frozenset({"he", "she", "it", "they", "we"})
NAME_PARTICLES = frozenset({"of", "de", "del", "da", "van", "von", "al", "bin", "la", "le", "the", "and"})
# a quantifier alone names no one ("Some have criticised the WHO for panicking")
QUANTIFIERS = frozenset({"some", "many", "others", "several", "few", "most", "all", "both", "one", "someone"})


@dataclass(slots=True)
class Actor:
    name: str
    entity: str | None


@dataclass(slots=True)
class VerbalPosition:
    actor: Actor
    stance: str
    issue: str
    verb_start: int
    start: int  # the object's span
    end: int


_FORMS: dict[int, dict[str, list[tuple[tuple[str, ...], str, str]]]] = {}


def _forms(lex: ClaimsLexicon) -> dict[str, list[tuple[tuple[str, ...], str, str]]]:
    """The verb forms by their first word, longest first (built once per lexicon)."""
    key = id(lex.verb_forms)
    if key in _FORMS:
        return _FORMS[key]
    by_first: dict[str, list[tuple[tuple[str, ...], str, str]]] = {}
    for form, (stance, obj) in lex.verb_forms.items():
        toks = tuple(form.split())
        by_first.setdefault(toks[0], []).append((toks, stance, obj))
    for v in by_first.values():
        v.sort(key=lambda x: -len(x[0]))
    _FORMS[key] = by_first
    return by_first


def actor_name(ent: Entity) -> str:
    """An entity's name as an actor: a nationality's country ("a French proposal" -> France)."""
    return ent.attributes.get("country", ent.name) if ent.type == "NORP" else ent.name


class _Sentence:
    """The words of one sentence with the entity mentions and timexes that fall in it."""

    def __init__(self, view: ArticleView, s0: int, s1: int, prev0: int) -> None:
        self.view = view
        self.s0, self.s1, self.prev0 = s0, s1, prev0
        self.ws: list[Word] = words(view.text, s0, s1)
        self.ends: dict[int, tuple[int, str, str, str]] = {}  # mention end -> (start, name, id, type)
        self.persons: list[tuple[int, str, str]] = []  # (start, name, id) from the sentence before on
        for ent in view.analysis.entities:
            for m in ent.mentions:
                if s0 <= m.start and m.end <= s1 and ent.type in ACTOR_TYPES:
                    self.ends[m.end] = (m.start, actor_name(ent), ent.id, ent.type)
                if ent.type == "PERSON" and prev0 <= m.start < s1:
                    self.persons.append((m.start, ent.name, ent.id))
        self.persons.sort()
        self.timexes = [(t.start, t.end) for t in view.analysis.timexes if s0 <= t.start < s1]

    def in_timex(self, w: Word) -> bool:
        return any(a <= w.start and w.end <= b for a, b in self.timexes)

    def mention_ending(self, k: int) -> tuple[int, str, str, str] | None:
        w = self.ws[k]
        return self.ends.get(w.end) or self.ends.get(w.end - 1 if w.text.endswith(".") else -1)

    def index_before(self, pos: int) -> int:
        k = len(self.ws) - 1
        while k >= 0 and self.ws[k].start >= pos:
            k -= 1
        return k


def _governed(s: _Sentence, k: int) -> bool:
    return k >= 0 and s.ws[k].text in PREPOSITIONS


def _fronted_place(s: _Sentence) -> str | None:
    """The place of a fronted "In Hong Kong, ..." of the sentence."""
    ws = s.ws
    if len(ws) > 2 and ws[0].text == "in":
        for end, (start, name, _, typ) in s.ends.items():
            if start == ws[1].start and typ == "GPE":
                k = s.index_before(end) + 1
                if k < len(ws) and ws[k].text == ",":
                    return name
    return None


def _noun_actor(s: _Sentence, k: int, lex: ClaimsLexicon) -> tuple[Actor, int] | None:
    """An actor noun phrase ending at word ``k`` ("the health ministers", "the Mexican government"):
    the actor and the index of its first word."""
    ws = s.ws
    head = ws[k].text
    first = k
    if k >= 1 and f"{ws[k - 1].text} {head}" in lex.actor_nouns:
        first = k - 1
    elif head not in lex.actor_nouns:
        return None
    j = first - 1
    while j >= 0 and first - j <= 3:
        w = ws[j]
        men = s.mention_ending(j)
        if men is not None:
            j = s.index_before(men[0])
            continue
        if not w.text.isalpha() or w.text in DETERMINERS or w.text in PREPOSITIONS or w.text in SKIP:
            break
        if w.text in BE or w.text.endswith("ed") or w.text in ("and", "or", "but") or w.text in SUBORDINATORS:
            break  # "... pull the troops back if parliament then rejected": "if" opens the subject's clause
        j -= 1
    mods = [x for x in ws[j + 1 : k + 1]]
    if _governed(s, j) and j >= 0 and ws[j].text != "of":
        return None
    d = j
    while d >= 0 and ws[d].text in DETERMINERS:
        d -= 1
    if d >= 1 and ws[d].text == "of" and ws[d - 1].text in PARTITIVE_HEADS:
        return None  # "many of their governments have refused": some members, no actor
    text = s.view.text
    name = text[mods[0].start : mods[-1].end] if mods else head
    if len(mods) == k - first + 1:  # no modifier: a fronted place names whose actor it is
        place = _fronted_place(s)
        if place:
            name = f"{place} {name}"
    return Actor(name, None), j + 1


def _actor_at(s: _Sentence, k: int, lex: ClaimsLexicon) -> Actor | None:
    """The actor whose phrase ends at word ``k`` (a mention, an actor noun or a resolved pronoun)."""
    if k < 0:
        return None
    men = s.mention_ending(k)
    if men is not None:
        start, name, eid, _ = men
        b = s.index_before(start)
        if _governed(s, b) or (b >= 0 and s.ws[b].text in ("'s", "’s")):
            return None
        return Actor(name, eid)
    noun = _noun_actor(s, k, lex)
    if noun is not None:
        return noun[0]
    w = s.ws[k].text
    if w in PRONOUNS:
        return _pronoun(s, s.ws[k].start, w, lex)
    return None


def _phrase_first(s: _Sentence, k: int, lex: ClaimsLexicon) -> int:
    """The first word of the subject phrase ending at word ``k`` (a mention, an actor noun with its
    modifiers, else the word itself)."""
    men = s.mention_ending(k)
    if men is not None:
        return s.index_before(men[0]) + 1
    noun = _noun_actor(s, k, lex)
    return noun[1] if noun is not None else k


def _conjunction_before(s: _Sentence, k: int, lex: ClaimsLexicon) -> int | None:
    """The index of the *and* right before the subject phrase ending at word ``k`` (its determiners
    skipped): another subject is coordinated before it ("the Mexican government and the World Health
    Organisation have ruled out ..."), ending at the word before the *and*."""
    j = _phrase_first(s, k, lex) - 1
    while j >= 0 and s.ws[j].text in DETERMINERS:
        j -= 1
    return j if j >= 1 and s.ws[j].text == "and" else None


def _disagrees(view: ArticleView, w: str, entity_id: str | None) -> bool:
    """A pronoun that cannot refer to the entity: "he" / "she" and anything but a person, or a person
    whose gender is known to be the other ("Shelby said he refused to follow her commands": *he* is
    not Betty Shelby); "it" and "they" and one person ("Newton said many celebrities have been wary
    ... because they think ... they are endorsing the war": *they* are not Newton)."""
    ent = next((e for e in view.analysis.entities if e.id == entity_id), None) if entity_id else None
    if ent is None:
        return False
    if w in PERSON_PRONOUNS and ent.type != "PERSON":
        return True  # "The police chief wouldn't say who he was appealing to": *he* is not the BBC
    if w in ("it", "they") and ent.type == "PERSON":
        return True
    want = gender_lexicon().of_pronoun(w) if w in PERSON_PRONOUNS else None
    if want is None:
        return False
    got = gender_lexicon().of_entity(ent, view.text)
    return got is not None and got != want


def _pronoun(s: _Sentence, pos: int, w: str, lex: ClaimsLexicon) -> Actor | None:
    # the named speaker of a statement earlier in the sentence ("The government said it ... and it urged"),
    # the nearest first; a person's gender must agree with "he" / "she"
    named = []
    for st in s.view.analysis.statements:
        sp = st.speaker
        if sp is not None and s.s0 <= sp.start and sp.end <= pos and sp.text.strip().lower() not in PRONOUNS:
            actor = _named_actor(sp, lex)
            if actor is not None:
                named.append((sp.start, actor, sp.entity))
    for _, actor, eid in sorted(named, key=lambda x: -x[0]):
        if not _disagrees(s.view, w, eid):
            return actor
    if w in PERSON_PRONOUNS:
        for _, name, eid in reversed([p for p in s.persons if p[0] < pos]):
            if not _disagrees(s.view, w, eid):
                return Actor(name, eid)
    return None


def _clause_subject(s: _Sentence, k: int, lex: ClaimsLexicon) -> Actor | None:
    """The subject of the clause before word ``k``: the nearest actor followed by a finite verb (an
    auxiliary, a verb in -ed or a stance verb)."""
    for m in range(k - 1, -1, -1):
        nxt = m + 1
        while nxt < k and s.ws[nxt].text in SKIP - {"has", "have", "had", "will", "would", "did"}:
            nxt += 1
        if nxt >= k:
            continue
        v = s.ws[nxt].text
        if not (v in SKIP or v in BE or v.endswith("ed") or v in lex.verb_forms or v in IRREGULAR_PAST):
            continue
        if v in BE and nxt + 1 < k and s.ws[nxt + 1].text.endswith("ed"):
            continue  # a passive clause's subject is no actor
        actor = _actor_at(s, m, lex)
        if actor is not None:
            return actor
    return None


def _appositive_subject(s: _Sentence, k: int, lex: ClaimsLexicon) -> Actor | None:
    """The subject before an appositive that ends at the comma ``k``: "Robert Booy, professor of
    Child Health at the University of Sydney in New South Wales, urged ..." (a named person or
    body first in its sentence, then a description without a verb)."""
    for c in range(k - 1, max(-1, k - 16), -1):
        w = s.ws[c].text
        if w in BE or w in SKIP or w.endswith("ed") or w in IRREGULAR_PAST or w in (";", ":"):
            return None  # a clause, not a description
        if w == ",":
            men = s.mention_ending(c - 1) if c >= 1 else None
            if men is None or s.index_before(men[0]) != -1:
                return None  # the subject opens its sentence
            return _actor_at(s, c - 1, lex)
    return None


# words after "and <verb>-ed" that show a verb with its own complement ("and called for", "and urged
# them to", "and said that")
AFTER_COORDINATED_VERB = wordset("for to on that the a an his her their its them him")


def _coordinated_verb(ws: list[Word], j: int, end: int) -> int:
    """Where a stance verb's object ends at a coordinated verb ("criticized free-trade deals such as
    NAFTA and called for steep new tariffs": the object is the deals, the tariffs are the next verb's;
    "is urging against jumping to conclusions and is suggesting ...": an auxiliary after the
    conjunction opens no noun phrase); not at a coordinated adjective ("the delayed and botched
    response")."""
    for i in range(j + 1, min(len(ws) - 2, j + 16)):
        if ws[i].start >= end:
            break
        nxt, after = ws[i + 1].text, ws[i + 2].text
        if ws[i].text in ("and", "or") and (
            (len(nxt) > 4 and nxt.endswith("ed") and after in AFTER_COORDINATED_VERB) or nxt in AUXILIARIES
        ):
            return ws[i].start
    return end


def _object_span(s: _Sentence, j: int, kind: str) -> tuple[int, int] | None:
    ws, text = s.ws, s.view.text
    if j >= len(ws):
        return None
    end = s.s1
    for stop in (CLAUSE_END, REPORTING_AFTER):
        m = stop.search(text, ws[j].start, end)
        if m:
            end = m.start()
    end = _coordinated_verb(ws, j, end)
    start = ws[j].start
    want = {"to"} if kind == "to" else REASON if kind == "reason" else set()
    if ws[j].text == "by" or ws[j].text in want:
        # a transitive verb without its object is a passive ("Hong Kong, criticised for delaying
        # ...", "supported by BARDA"): its subject is not the actor
        return None
    if kind in ("to", "reason"):
        for i in range(j, min(len(ws), j + 14)):
            if ws[i].start >= end or ws[i].text in REPORTING:
                break  # "criticized the quarantine as discriminatory, saying none of ...": another statement
            if ws[i].text in want and i > j and ws[i - 1].text in PARTITIVE_HEADS:
                continue  # "none of the Mexicans": a partitive *of*, no reason
            if ws[i].text in want and i > j and ws[i - 1].text not in ("because", "instead", "out"):
                if kind == "to" and ws[i - 1].text in NEGATION:
                    return None  # "urged people not to ...": the issue is not the verb's
                start = ws[i + 1].start if i + 1 < len(ws) else end
                break
    for a, _ in s.timexes:
        if start < a < end and not _modifies(text, a):
            end = a
    if start >= end:
        return None
    return start, end


def _modifies(text: str, a: int) -> bool:
    """A time expression after a determiner modifies the noun after it ("refused to publish the March
    7 document"): it ends no object."""
    before = text[max(0, a - 12) : a].split()
    return bool(before) and before[-1].lower() in DETERMINERS


def denied_object(text: str) -> bool:
    """An object introduced by the determiner *no* ("offered no proof", "accepted no responsibility")
    denies the thing: no stance on it. A demonstrative and a bare noun ("rejected those numbers",
    "denied these claims") point back to what the text said before: the noun alone names no issue."""
    if first_word(text) == "no":
        return True
    return bool(_DEMONSTRATIVE_NOUN.match(text))


# a demonstrative and one noun, then the object's end ("those numbers", "these claims, and ...")
_DEMONSTRATIVE_NOUN = re.compile(
    r"\s*(?:this|that|these|those|such)\s+[\w'’-]+\s*(?:$|[,.;:!?)”\"]|and\b|or\b|but\b)", re.IGNORECASE
)

# nouns of a person: welcoming one is greeting him, no stance ("welcomes guests", "welcomed the newly
# married man back"); welcoming a thing is approving it ("welcomes the news")
GREETED = wordset(
    "guest guests friend friends visitor visitors man men woman women leader leaders president delegate "
    "delegates family families people person child children couple crowd crowds student students player "
    "players fan fans"
)


def _greeting(s: _Sentence, toks: tuple[str, ...], span: tuple[int, int]) -> bool:
    """ "Welcome" with a person as its object (one of its first four words, or a person's name there)."""
    if not toks[0].startswith("welcom"):
        return False
    first = [w for w in s.ws if span[0] <= w.start < span[1]][:4]
    if not first:
        return False
    if any(w.text in GREETED for w in first):
        return True
    return any(t == "PERSON" and first[0].start <= a <= first[-1].start for a, _, _, t in s.ends.values())


def _issue(text: str, lex: ClaimsLexicon) -> str | None:
    if denied_object(text):
        return None
    names = issue_names(text, lex)
    if names:
        return names[0]
    # a phrase longer than six words loses its last prepositional phrases (cut by a word limit, the
    # last one would be incomplete: "take action regarding a shift from the current alert phase")
    hp = shorten(head_phrase(text, max_words=40), 6) or ""
    toks = hp.split()
    if not toks or toks[0] in PRONOUNS or speaking_object(toks) or toks[0] in lex.pronouns or hp in PRO_FORMS:
        return None
    return hp


def _match_form(
    s: _Sentence, i: int, forms: dict[str, list[tuple[tuple[str, ...], str, str]]]
) -> tuple[tuple[str, ...], str, str] | None:
    for toks, stance, kind in forms.get(s.ws[i].text, []):
        if tuple(w.text for w in s.ws[i : i + len(toks)]) == toks:
            return toks, stance, kind
    return None


def cue_object_issue(view: ArticleView, st: Statement, lex: ClaimsLexicon) -> tuple[str | None, str | None]:
    """The issue of a statement whose cue is a stance verb with an object ("urged people to stay at
    home over the next five days" -> "stay at home"): the verb's object as its kind says, read from
    the words after the cue (a content before its cue, a quotation, has none). The first item is
    the stance of the verb, ``None`` when the cue is no such verb; with a stance, a ``None`` issue
    means the statement takes no stance on an issue ("refused to comment", a passive "criticised
    for ...")."""
    cue = st.cue
    forms = _forms(lex)
    if cue is None or not any(w in forms for w in cue.text.lower().split()):
        return None, None
    s0, s1 = view.sentence(cue.start)
    if s1 <= s0:
        return None, None
    s = _Sentence(view, s0, s1, s0)
    i = next((n for n, w in enumerate(s.ws) if w.start >= cue.start), None)
    if i is None:
        return None, None
    # the cue may be "has urged": its last word is the verb
    while i < len(s.ws) - 1 and s.ws[i].end < cue.end and _match_form(s, i, forms) is None:
        i += 1
    hit = _match_form(s, i, forms)
    if hit is None:
        return None, None
    toks, stance, kind = hit
    span = _object_span(s, i + len(toks), kind)
    if span is not None and _greeting(s, toks, span):
        return stance, None  # "welcomes guests Eels": a greeting
    issue = _issue(view.text[span[0] : span[1]], lex) if span else None
    if st.content.start < cue.end and issue is None:
        # a content before its cue ('"…," he urged'): the verb's object is not written after it
        return None, None
    return stance, issue


def _named_actor(sp: Speaker, lex: ClaimsLexicon) -> Actor | None:
    """A speaker that names an actor: an entity, a proper name, or a phrase headed by an actor noun
    ("the health ministers", "Both Republican and Democratic lawmakers"), without its leading
    determiners."""
    if sp.anonymous:
        return None
    if sp.entity:
        return Actor(sp.name or sp.text, sp.entity)
    toks = (sp.name or sp.text).strip().split()
    while toks and toks[0].lower() in DETERMINERS:
        toks.pop(0)
    if not toks or toks[0].lower() == "of":
        return None  # "many of their governments": some members, no actor
    if sp.name and all(t[:1].isupper() or t in NAME_PARTICLES for t in toks):
        return Actor(" ".join(toks), None)  # a proper name the attribution gave without an entity
    head = toks[-1].lower()
    two = " ".join(toks[-2:]).lower()
    if head in lex.actor_nouns or two in lex.actor_nouns:
        return Actor(" ".join(toks), None)
    return None


# heads of an anonymous group that speaks for its country's government ("Mexican officials")
NATIONAL_HEADS = frozenset({"officials", "authorities", "government", "ministry", "diplomats"})


def _national_group(view: ArticleView, sp: Speaker) -> Actor | None:
    """An anonymous group named by one country ("Mexican officials have denied ...", "US health
    officials") speaks for that country: the country is the actor."""
    toks = sp.text.strip().lower().split()
    if not toks or toks[-1] not in NATIONAL_HEADS:
        return None
    names = {p.name for p in view.places_in(sp.start, sp.end)}
    if len(names) != 1:
        return None
    name = names.pop()
    eid = next(
        (
            e.id
            for e in view.analysis.entities
            if e.type in ("GPE", "NORP") and any(sp.start <= m.start and m.end <= sp.end for m in e.mentions)
        ),
        None,
    )
    return Actor(name, eid)


def speaker_actor(view: ArticleView, st: Statement, lex: ClaimsLexicon) -> Actor | None:
    """The actor a statement's speaker names (actors are entities or actor nouns): a pronoun is
    resolved in its sentence (``_pronoun``) unless the attribution resolved it; an anonymous group
    named by one country is that country; other anonymous speakers, a quantifier ("Some have
    criticised ..."), a common noun that names no actor ("at least one study", "part of me") name no
    actor."""
    sp = st.speaker
    if sp is None:
        return None
    if sp.anonymous:
        return _national_group(view, sp)
    low = sp.text.strip().lower()
    if low in QUANTIFIERS:
        return None
    if low in PRONOUNS and not sp.entity and not sp.name:
        s0, s1 = view.sentence(sp.start)
        return _pronoun(_Sentence(view, s0, s1, s0), sp.start, low, lex)
    return _named_actor(sp, lex)


def blocked(view: ArticleView, st: Statement) -> bool:
    """A statement that takes no stance on an issue: in a question ("who can blame anyone?"), with
    a negated cue ("will not welcome his view"), with a passive cue ("People are being strongly urged
    to ...", whose urger is not the speaker), under a modal of possibility ("can ask them to support
    another candidate", "could have supported"), in a clause of condition or an indirect question
    (its speaker after *if*, *unless*, *whether*: "if Britain refuses to continue ..."), or
    urging a negation ("urged people not to alter their behaviour": the issue is not the verb's), or
    refusing to speak ("declined to comment": content "to comment"; "refused to go into details")."""
    cue = st.cue
    s0, s1 = view.sentence((cue or st.content).start)
    if view.text[s0:s1].rstrip(" ”\"’'").endswith("?"):
        return True
    said = [w.text for w in words(view.text, st.content.start, st.content.end)][:3]
    if said[:1] == ["to"] and speaking_object(said[1:]):
        return True
    if st.speaker is not None and conditional_subject(view, st.speaker.start):
        return True  # "if Britain refuses to continue to pay ...": a condition, no stance taken
    if cue is None:
        return False
    if any(_negative(w.text) or w.text in MODALS for w in words(view.text, cue.start, cue.end)):
        return True  # "did not back": a negated cue; "could have supported": a possibility
    before = [w.text for w in words(view.text, s0, cue.start)]
    while before and (before[-1] in SKIP | MODALS or _negative(before[-1])):
        w = before.pop()
        if w in MODALS:
            return True  # "Rubio can ask them to support another candidate": a possibility
        if _negative(w):
            return True  # "The British government will not welcome his view": no stance taken
    if before and before[-1] in BE:
        return True
    after = [w.text for w in words(view.text, cue.end, s1)][:8]
    if "to" in after:
        i = after.index("to")
        if i > 0 and after[i - 1] in NEGATION:
            return True
    return False


def _negative(w: str) -> bool:
    """A word that negates the verb after it ("not", "never", "didn't")."""
    return w in NEGATION or w.endswith(("n't", "n’t"))


def _subjects(
    s: _Sentence, i: int, toks: tuple[str, ...], last: Actor | None, lex: ClaimsLexicon
) -> list[Actor]:
    """The actors whose verb starts at word ``i``: none for a passive or a negated verb; the subject
    of the clause before for a participle after a comma or a coordinated verb; the subject before
    an appositive; else the actor ending right before the verb or its progressive's auxiliary (and
    one coordinated before it)."""
    k = i - 1
    while k >= 0:
        w = s.ws[k].text
        if _negative(w) or w in MODALS:
            return []  # "has not ruled out"; "could back": a possibility
        if not (w in SKIP or s.in_timex(s.ws[k])):
            break
        k -= 1
    before = s.ws[k].text if k >= 0 else ""
    actor: Actor | None = None
    progressive = before in BE and toks[0].endswith("ing") and k >= 1
    if progressive:
        k -= 1  # "The MoD is appealing against the judgment": its subject is before the auxiliary
        before = s.ws[k].text
    elif before in BE:
        return []  # "were urged to": a passive
    if toks[0].endswith("ing") and not progressive:
        if before == ",":
            actor = last or _clause_subject(s, k, lex)
    elif before in ("and", "but"):
        actor = _clause_subject(s, k, lex)
    elif before == ",":
        actor = _appositive_subject(s, k, lex)
    else:
        actor = _actor_at(s, k, lex)
        if actor is None:
            return []
        j = _conjunction_before(s, k, lex)
        other = _actor_at(s, j - 1, lex) if j is not None else None
        # the subjects' first word: the first conjunct's when two are coordinated
        first = _phrase_first(s, k if j is None or other is None else j - 1, lex)
        if _conditional([w.text for w in s.ws[:first]]):
            return []  # "if parliament then rejected the move": a condition, nothing done
        return [actor] if other is None else [other, actor]
    return [actor] if actor is not None else []


def _conditional(before: list[str]) -> bool:
    """Whether the words ``before`` a clause's subject (its determiners skipped) end with a word that
    makes the clause's verb unasserted: *if*, *unless*, *whether* ("if he refuses to sign a death
    warrant": he has not refused)."""
    j = len(before) - 1
    while j >= 0 and before[j] in DETERMINERS:
        j -= 1
    return j >= 0 and before[j] in CONDITIONAL


def conditional_subject(view: ArticleView, start: int) -> bool:
    """Whether the subject starting at ``start`` opens a clause of condition or an indirect question
    (:func:`_conditional`), read in its sentence."""
    s0, _ = view.sentence(start)
    return _conditional([w.text for w in words(view.text, s0, start)])


def speaking_object(toks: list[str]) -> bool:
    """An object that is speaking itself ("comment", "go into details"): refusing it is no stance."""
    return bool(toks) and (toks[0] in SPEAKING or tuple(toks[:2]) in SPEAKING_PHRASES)


def verbal_positions(view: ArticleView, lex: ClaimsLexicon) -> list[VerbalPosition]:
    forms = _forms(lex)
    cues = {st.cue.start for st in view.analysis.statements if st.cue is not None}
    # what a denial denies is no one's stance ("Hamas denied that it had agreed to disarm")
    denied = [(st.content.start, st.content.end) for st in view.analysis.statements if st.act == "deny"]
    out: list[VerbalPosition] = []
    prev0 = 0
    for s0, s1 in view.sentences:
        low = view.text[s0:s1].lower()
        if (
            view.segment_kind(s0) not in OWN_SEGMENTS
            or not any(f in low for f in forms)
            or low.rstrip(" ”\"’'").endswith("?")
        ):
            prev0 = s0
            continue
        s = _Sentence(view, s0, s1, prev0)
        prev0 = s0
        last: Actor | None = None
        i = 0
        while i < len(s.ws):
            hit = _match_form(s, i, forms)
            if hit is None or s.ws[i].start in cues or any(a <= s.ws[i].start < b for a, b in denied):
                i += 1
                continue
            toks, stance, kind = hit
            j = i + len(toks)
            actors = _subjects(s, i, toks, last, lex)
            if actors:
                last = actors[-1]
                span = _object_span(s, j, kind)
                greeting = span is not None and _greeting(s, toks, span)
                issue = _issue(view.text[span[0] : span[1]], lex) if span and not greeting else None
                if span is not None and issue is not None:
                    for who in actors:
                        out.append(VerbalPosition(who, stance, issue, s.ws[i].start, span[0], span[1]))
            i = j
    return out
