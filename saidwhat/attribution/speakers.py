"""Speaker mentions: kind, anonymity, canonical link, and resolution of pronouns and descriptions.

A :class:`Referent` is what a later "he" / "they" / "the official" / "the outlet" can point back
to: an earlier statement's (resolved) speaker or relay. Resolution looks back over a bounded
window of referents (and of entity mentions, for "he" → the last person named), newest first.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field, replace

from spacy.tokens import Token

from saidwhat.attribution.lexicon import Lexicon
from saidwhat.attribution.quotes import QuoteIndex
from saidwhat.attribution.syntax import names_an_object
from saidwhat.entities.index import EntityIndex
from saidwhat.gender import gender_lexicon
from saidwhat.model import Entity, Via
from saidwhat.symbols import trim_symbols

WINDOW = 2500  # characters a pronoun or description may reach back
MAX_REFERENTS = 40  # referents kept for resolution
# "a spokesman for the President": a role after for / of / to is whom the speaker serves, not theirs
_ROLE_OF = re.compile(r"\s(?:for|of|to|at|with)\s")
_INTRODUCED = 600  # characters back a pronoun looks for a person just introduced as a subject
# the first person: outside a quotation it is the writer (of the article, a letter, a reader's comment),
# whom no earlier speaker names; inside one, the quoted speaker
FIRST_PERSON = frozenset({"i", "me", "we", "us"})
# prepositions and relative pronouns that make a name inside a speaker's mention someone else than the
# speaker ("a study by …", "The Israeli team which rescued the young man, Emmannuel Buso")
_GOVERNING = frozenset(
    {"by", "for", "to", "from", "with", "about", "against", "on", "behalf", "which", "who", "whom", "that"}
)
# a mention opened by the first or second person names no one after a comma ("We, your fans, David")
_SPEECH_PERSONS = frozenset({"i", "we", "you", "my", "our", "your", "me", "us"})
# characters a quotation in single marks may reach back from a first person inside it
_SINGLE_QUOTE = 1500
# a transcript's turn: a line opened by its speaker's name and a colon ("PRESIDENT BUSH: I believe ...")
_TURN_LABEL = re.compile(r"[^\S\n]*([A-Z][\w.'’ -]{1,40}?):\s")
# person nouns that may describe anyone, a named person too ("the man", "the person"): no role of another
_GENERIC_PERSONS = frozenset({"man", "woman", "person", "insider", "source", "official", "expert", "analyst"})
# sentences before the one of an *it* that the organization it refers to spoke in, at most
_IT_SENTENCES = 2
# sentences before a "they" in which newly written people compete with the speakers found for it
_PEOPLE_SENTENCES = 1
# determiners of a plural that refers back to people already given ("the two leaders", "these men")
_DEFINITE_PLURAL = frozenset({"the", "these", "those", "both"})
# words that head a mention without naming anything *it* may refer to ("Nobody said", "Some said")
_NO_THING = frozenset(
    {
        "nobody",
        "none",
        "some",
        "many",
        "most",
        "all",
        "both",
        "each",
        "others",
        "one",
        "few",
        "several",
        "anyone",
        "everyone",
        "someone",
        "somebody",
        "everybody",
        "this",
        "that",
        "these",
        "those",
        "who",
        "which",
        "what",
        "there",
        "another",
        "either",
        "neither",
        "much",
        "more",
        "less",
        "any",
    }
)
# a title before a name: its words, and the small words inside it ("Minister of State for Law and Justice")
_WORD = re.compile(r"[\w.'’-]+")
_TITLE_JOINERS = frozenset({"of", "for", "and", "the", "de", "on"})
# honorifics before a name ("Mr Cotter told him …"): the name is a person's
_HONORIFICS = frozenset({"dr", "prof", "professor", "mr", "mrs", "ms", "miss", "sir", "dame", "lady", "lord"})
# what may stand between a role word and the name it titles: capitalised words and the small words of
# a title ("ambassador to Cuba, Mitra Vasisht"), spaces, commas
_TITLE_TAIL = re.compile(r"[\s,]*(?:(?:[A-Z][\w.'’-]*|of|to|for|the|and|in|at|de)[\s,]*)*")


def _honorific(word: str) -> bool:
    return word.lower().rstrip(".") in _HONORIFICS


def _after_honorific(head: Token) -> bool:
    """Whether the name headed by ``head`` is written after an honorific (*Mr Cotter*, *Dr Gale*)."""
    return any(c.i < head.i and c.dep_ == "compound" and _honorific(c.text) for c in head.children)


_LEADING = frozenset({"a", "an", "the", "one", "several", "some", "two", "three", "many", "other", "another"})
_ENTITY_KIND = {
    "PERSON": "person",
    "OUTLET": "outlet",
    "ORG": "organization",
    "NORP": "group",
    "GPE": "group",
}


@dataclass(slots=True)
class Referent:
    """A speaker or relay that later mentions may refer back to."""

    pos: int
    link_span: tuple[int, int]  # what the pipeline links (entity mention, or the bare head noun)
    head: str  # lower-cased head word
    kind: str
    plural: bool
    anonymous: bool
    name: str | None
    entity: Entity | None
    text: str
    via: list[Via] = field(default_factory=list)
    platform: str | None = None
    entity_id: str | None = None
    gender: str | None = None  # "male" / "female" when known (saidwhat.gender)


@dataclass(slots=True)
class Resolved:
    """The speaker facts for one mention."""

    kind: str
    anonymous: bool
    name: str | None
    entity: Entity | None
    link_span: tuple[int, int]
    antecedent: Referent | None = None


def _outlet_fits(ref: Referent, state: bool) -> bool:
    """An earlier outlet a description refers to; a state one for *the state-run news agency*."""
    return ref.kind == "outlet" and (not state or "state" in ref.text.lower())


def is_plural(head: Token) -> bool:
    return head.tag_ in ("NNS", "NNPS") or head.lower_ in ("they", "we", "them")


def describe(text: str) -> str:
    """A normalised name for an unnamed source.

    "an unnamed White House official" → "unnamed White House official"."""
    words = text.split()
    while len(words) > 1 and words[0].lower() in _LEADING:
        words = words[1:]
    return " ".join(words)


def _inside_name(words: list[str], i: int) -> bool:
    """Whether the preposition ``words[i]`` stands between two capitalised words of a name ("Acting
    Centres for Disease Control Director Richard Besser")."""
    return 0 < i < len(words) - 1 and words[i - 1][:1].isupper() and words[i + 1][:1].isupper()


class SpeakerResolver:
    """Resolves speaker and relay mentions of one document, in text order."""

    def __init__(self, text: str, lex: Lexicon, entities: EntityIndex) -> None:
        self.text = text
        self.lex = lex
        self.entities = entities
        self.referents: list[Referent] = []
        self.quotes: QuoteIndex | None = None
        # the content spans of every statement of the document, sorted (set by the engine)
        self.contents: list[tuple[int, int]] = []
        self.genders = gender_lexicon()
        self._entity_gender: dict[str, str | None] = {}

    def gender_of(self, ent: Entity) -> str | None:
        """A person's gender (cached per entity); ``None`` if unknown."""
        if ent.id not in self._entity_gender:
            self._entity_gender[ent.id] = self.genders.of_entity(ent, self.text)
        return self._entity_gender[ent.id]

    # ---- named or new mentions --------------------------------------------------------------
    def _entity_at(self, head: Token, span: tuple[int, int]) -> tuple[Entity | None, tuple[int, int] | None]:
        """The entity the mention names: one covering its head, or a name closing a description."""
        a, b = span
        h0, h1 = head.idx, head.idx + len(head.text)
        best: tuple[int, int, Entity] | None = None
        for ma, mb, ent in self.entities.mentions_in(a, b):
            if ma < h1 and mb > h0:
                return ent, (max(ma, a), min(mb, b))
            if ma >= h1 and not self.text[h1:ma].strip() and head.pos_ != "PROPN" and self._describes(head):
                best = (ma, mb, ent)  # "the Israeli daily Haaretz", "Israeli Channel 12"
            elif (
                ent.type == "OUTLET"
                and mb <= h0
                and head.lower_ in self.lex.outlet_heads
                and not any(ch in self.text[mb:h0] for ch in ",;:()")
            ):
                best = (ma, mb, ent)  # "Iran's Press TV news web site": the outlet, not Iran
        if best is not None:
            return best[2], (best[0], best[1])
        named = self._named_before(head)
        if named is not None:
            return named, (h0, h1)
        return None, None

    def _named_before(self, head: Token) -> Entity | None:
        """*Derek Jolly … Mr Jolly, 39, said*, *Prabowo Subianto … Subianto also called*: a name the
        entity stage left unlinked that is the surname (after an honorific or alone) or a written
        form of exactly one person named before it is that person."""
        if head.pos_ != "PROPN" or head.tag_ != "NNP":
            return None
        if not _after_honorific(head) and any(c.dep_ == "compound" for c in head.children):
            return None  # "Bill Jolly": a name of its own, not the surname of one named before
        known = [
            e
            for e in self.entities.entities
            if e.type == "PERSON"
            and any(m.start < head.idx for m in e.mentions)
            and (head.text in e.aliases or e.name.split()[-1] == head.text)
        ]
        # the entity stage may have split one person ("Derek Jolly", "Mr Jolly", "Jolly"): the one
        # written with a first name is who they are, when there is exactly one
        full = [e for e in known if len(e.name.split()) > 1 and not _honorific(e.name.split()[0])]
        if len(full) == 1:
            return full[0]
        return known[0] if len(known) == 1 else None

    def _describes(self, head: Token) -> bool:
        low = head.lower_
        return low in self.lex.outlet_heads or low in self.lex.person_heads or low in self.lex.group_heads

    def _kind(self, head: Token, ent: Entity | None) -> str:
        low = head.lower_
        lex = self.lex
        if ent is not None:
            if ent.type == "ORG" and low in lex.outlet_heads:
                return "outlet"
            return _ENTITY_KIND.get(ent.type, "unknown")
        if low in lex.outlet_heads:
            return "outlet"
        if low in lex.pronouns:
            return lex.pronouns[low]
        if low in lex.group_heads or (
            is_plural(head) and (low in lex.anon_heads or head.lemma_.lower() in lex.person_heads)
        ):
            return "group"
        if low in lex.person_heads or low in lex.anon_heads:
            return "person"
        if head.ent_type_ == "PERSON" or self._a_person(head):
            return "person"
        if head.ent_type_ in ("ORG",):
            return "organization"
        return "unknown"

    def _a_person(self, head: Token) -> bool:
        """Whether a singular mention no entity covers is a person by its own words: a noun only a
        person can be (*our correspondent*, *a witness*: `[speakers.person_heads] nouns`), one of a
        gender (*her mother*, *the boy*), or a name set beside a person's role
        (*Lt Cmdr Ron Flanders, a spokesman for the US 4th Fleet*, the name the tagger did not read).
        A later *he* / *she* then cannot pass over it to someone named before."""
        if is_plural(head):
            return False
        if self._person_noun(head.lower_):
            return True
        # "Mr Cotter", "Dr Gale": an honorific makes any name a person's
        return head.pos_ == "PROPN" and (
            _after_honorific(head)
            or any(
                c.dep_ == "appos" and c.tag_ == "NN" and c.lower_ in self.lex.person_heads
                for c in head.children
            )
        )

    def _anonymous(self, head: Token, span: tuple[int, int], ent: Entity | None) -> bool:
        if ent is not None and ent.type == "PERSON":
            return False
        low = head.lower_
        if head.pos_ == "PROPN":
            return False
        lex = self.lex
        said = self.text[span[0] : span[1]].lower()
        words = said.split()
        if any(w in lex.anon_modifiers for w in words) or any(p in said for p in lex.anon_phrases):
            return True
        if low in lex.anon_indefinite_roles and any(
            c.dep_ in ("det", "nummod") and c.lower_ in lex.anon_indefinite for c in head.children
        ):
            return True  # "one broker", "a foreign ministry spokesman"
        return low in lex.anon_heads

    def _definite(self, head: Token) -> bool:
        return any(c.dep_ == "det" and c.lower_ in self.lex.definite for c in head.children) or any(
            c.lower_ in self.lex.same for c in head.children
        )

    # ---- resolution ---------------------------------------------------------------------------
    def _find(self, pos: int, want: str, head: Token) -> tuple[Referent | None, bool]:
        """The newest referent before ``pos`` that fits a pronoun / description, and whether a
        person of the other gender was passed over on the way."""
        skipped = False
        plural = is_plural(head)
        low = head.lower_
        state = "state" in self.text[head.left_edge.idx : head.idx].lower()
        for ref in reversed(self.referents):
            if ref.pos >= pos:
                continue
            if pos - ref.pos > WINDOW:
                break
            if want == "pronoun":
                if self.lex.pronouns.get(low) == "organization" and self._doubtful_person(ref):
                    return None, skipped  # "SE said …. It said …": whoever it is, *it* stops there
                fits = self._pronoun_fits(ref, low, skipped)
                if fits is None:
                    skipped = True
                    continue
                if fits:
                    return self._named_organization(ref), skipped
            elif want == "org":
                # only the newest referent, and only a named organization: "A group of doctors said …
                # The group said" must not reach back past the doctors to an earlier organization
                named = ref.entity_id is not None
                return (ref if ref.kind == "organization" and named and not ref.plural else None), skipped
            elif self._description_fits(want, ref, low, plural, state):
                return ref, skipped
        return None, skipped

    def _pronoun_fits(self, ref: Referent, low: str, skipped: bool) -> bool | None:
        """Whether the pronoun ``low`` may refer to ``ref``; None to pass a person of the other
        gender over (*he* is not the woman quoted before him; and past her, only a man known as
        one will do)."""
        kind = self.lex.pronouns[low]
        if kind == "person" and ref.kind == "person" and not ref.plural:
            g = self.genders.of_pronoun(low)
            if g is not None and ref.gender != g and (ref.gender is not None or skipped):
                return None
            return True
        if kind == "group":
            return ref.plural or ref.kind == "group"
        if kind == "organization":
            return not ref.plural and (ref.kind in ("organization", "outlet") or self._a_thing(ref))
        return False

    @staticmethod
    def _doubtful_person(ref: Referent) -> bool:
        """A speaker typed a person by a name of one word that no title or first name gives a gender
        (*SE said …*, *Lloyd's said …*: an airline and an insurer the tagger took for people)."""
        return (
            ref.kind == "person"
            and ref.entity is not None
            and ref.entity.type == "PERSON"
            and ref.gender is None
            and len(ref.entity.name.split()) == 1
        )

    def _named_organization(self, ref: Referent) -> Referent:
        """The organization that spoke before ``ref`` under a name holding its noun, when ``ref`` is
        a body only described (*the Department of Health said … The health department said … But it
        said*: *it* is the Department of Health); else ``ref``."""
        if ref.kind != "unknown" or ref.entity is not None or ref.head not in self.lex.speaking_things:
            return ref
        for older in reversed(self.referents):
            if older.pos >= ref.pos or older.kind not in ("organization", "outlet") or not older.name:
                continue
            if ref.pos - older.pos > WINDOW:
                break
            if ref.head not in older.name.lower().split():
                continue
            between = self.entities.mentions_in(older.pos, ref.pos)
            if any(e.id != older.entity_id and ref.head in e.name.lower().split() for _, _, e in between):
                return ref  # another one named between (*Alleyn's School* … *The school*): either
            # where the description was written: the organization spoke there again
            return replace(older, pos=ref.pos)
        return ref

    def _a_thing(self, ref: Referent) -> bool:
        """Whether a speaker no organization kind was given to is still one *it* may refer to: a
        country (*Iran said … It also said*), a body or a document by its noun (*the university said
        …*, *A statement … said*: `[speakers.org_heads] things`), or a name no entity covers (*SE
        said …*). *It* then goes no further back than that speaker: past it, to an organization that
        spoke before, it would name the wrong one."""
        if ref.entity is not None:
            return ref.entity.type == "GPE"
        if ref.kind != "unknown" or ref.head in _NO_THING or ref.head in self.lex.pronouns:
            return False
        return (
            ref.head in self.lex.speaking_things
            or any(w[:1].isupper() and w.strip(",.;:").lower() == ref.head for w in ref.text.split()[1:])
            or (
                ref.text[:1].isupper()
                and ref.text.lower() == ref.head
                and ref.head.isalpha()
                and len(ref.head) > 1
            )
        )

    def _description_fits(self, want: str, ref: Referent, low: str, plural: bool, state: bool) -> bool:
        """Whether a description (``want``: outlet, anonymous or role; head word ``low``) may refer
        to ``ref``."""
        if want == "outlet":
            # "the state-run news agency" is never an earlier Reuters: a state outlet only
            return _outlet_fits(ref, state)
        if want == "anonymous":
            return ref.anonymous and ref.plural == plural
        if want == "role":
            if ref.plural or ref.kind not in ("person", "unknown"):
                return False  # "the captain" is one person, never "the pirates" who held him
            title = ref.entity.attributes.get("title", "").lower() if ref.entity is not None else ""
            return (
                low in _ROLE_OF.split(ref.text.lower(), maxsplit=1)[0].split()
                or self._role_before(low, ref.link_span[0])
                or low in title
                or (
                    ref.entity is not None
                    and ref.entity.type == "PERSON"
                    and any(low in self._title_before(m.start) for m in ref.entity.mentions)
                )
            )
        return False

    def _before(self, pos: int) -> str:
        return self.text[max(0, pos - 30) : pos]

    def _role_before(self, low: str, pos: int) -> bool:
        """Whether the role word ``low`` is written in the 30 characters before a name at ``pos``
        as that name's title or apposition: nothing but capitalised words (and *of, to, for, the*),
        spaces and commas between them (*Mexican President Felipe Calderon*, *the Indian ambassador
        to Cuba, Mitra Vasisht*), not a role of another clause (*ordered by the health minister heard
        that Sameerah Ahmad …*)."""
        window = self._before(pos)
        found = list(re.finditer(r"\b" + re.escape(low) + r"\b", window, re.IGNORECASE))
        return bool(found) and _TITLE_TAIL.fullmatch(window[found[-1].end() :]) is not None

    def _title_before(self, pos: int) -> set[str]:
        """The words of a title written right before a name at ``pos``: the run of capitalised words
        (and the *of*, *for*, *and*, *the* inside it) that ends at the name, on its line (*Minister of
        State for Law and Justice Barrister Aqeel Malik*: the minister). A lower-case word or a
        punctuation mark ends it (*Foreign Minister Ahmed met Barrister Malik*: no title of Malik)."""
        words: list[str] = []
        end = pos
        for m in reversed(list(_WORD.finditer(self.text, max(0, pos - 120), pos))):
            gap = self.text[m.end() : end]
            w = m.group()
            if gap.strip() or "\n" in gap or not (w[:1].isupper() or w in _TITLE_JOINERS):
                break
            if any(e.type == "PERSON" for _, _, e in self.entities.mentions_in(m.start(), m.end())):
                break  # another person's name: "Minister Ahmed and Barrister Malik"
            words.append(w.lower())
            end = m.start()
        while words and words[-1] in _TITLE_JOINERS:
            words.pop()
        return set(words)

    def _resolve_wanted(self, head: Token, a: int, want: str) -> Resolved | None:
        """A pronoun or definite description resolved: the person just introduced (*he*), else the
        newest fitting referent, else a named entity nearby, else (an unnamed-source head) the named
        person who spoke just before; ``None`` when nothing fits."""
        ref, skipped = self._find(a, want, head)
        introduced = self._introduced(head, a, ref, skipped) if want == "pronoun" else None
        if introduced is not None:
            return introduced
        if want == "pronoun" and self.lex.pronouns.get(head.lower_) == "organization":
            if head.dep_ == "nsubjpass" and head.head.lemma_.lower() in self.lex.verb_acts:
                return None  # "it is argued", "it was revealed that …": no one in particular
            between = self._thing_between(head, ref)
            if between is not None:
                return between if between.entity is not None else None
            if ref is not None and ref.kind == "unknown":
                return None  # a body or document only described: *it* is that one, with no name
            if ref is not None and self._out_of_focus(head, ref):
                return None
        if ref is not None and want == "pronoun" and self._far_relative(ref, a):
            return None
        if ref is not None:
            found = Resolved(ref.kind, ref.anonymous, ref.name, ref.entity, ref.link_span, ref)
            if want == "pronoun" and (
                self._described_between(head, found) or self._people_between(head, ref)
            ):
                return None
            return found
        if want in ("pronoun", "outlet", "role"):
            fb = self._entity_fallback(a, head, want, skipped)
            if fb is not None:
                return None if want == "pronoun" and self._described_between(head, fb) else fb
        last = self._last_named_person(a) if want == "anonymous" and not is_plural(head) else None
        if last is not None:
            # "… spokesman Wang Wenbin said. “…,” the diplomat said": a definite role no earlier
            # speaker bears is the named person who spoke just before
            return Resolved(last.kind, False, last.name, last.entity, last.link_span, last)
        return None

    def _far_relative(self, ref: Referent, pos: int) -> bool:
        """Whether ``ref`` is a person known only by a noun of kin or of a gender, or another noun
        only a person can be (*my father*, *her mother*, *the boy*, *a witness*: no role, no name),
        further back than a sentence or two from ``pos``. Such a person is a topic for a sentence or
        two of a story or a reader's letter, not for the page: a *he* that far on is someone the
        speakers do not include, and it stays unnamed (no person named nearby stands in for it)."""
        return (
            ref.kind == "person"
            and ref.entity_id is None
            and pos - ref.pos > _INTRODUCED
            and ref.head not in self.lex.person_heads
            and self._person_noun(ref.head)
        )

    def _described_between(self, head: Token, found: Resolved) -> bool:
        """Whether a person the text names only by a role (*the Pope*, *the minister*) is the subject
        of a main clause between the person ``found`` for *he* / *she* and the pronoun: the pronoun
        then goes on with that subject, whom no name is known for ("… after which Fidel Castro agreed
        to allow Catholics to celebrate Christmas. … the Pope continued to remain largely
        conservative … He condemned birth control": *he* is not Castro). A role the found person bears
        (a title, or the word before one of their mentions: *President Bush* … *the president*) is
        that person, and a role of the other gender no competitor."""
        if found.kind != "person" or found.entity is None or self.lex.pronouns.get(head.lower_) != "person":
            return False
        doc = head.doc
        span = doc.char_span(found.link_span[1], head.idx, alignment_mode="contract")
        if span is None:
            return False
        own: set[str] | None = None  # the found person's own role words, read when a role is met
        g = self.genders.of_pronoun(head.lower_)
        for tok in span:
            low = tok.lower_
            if (
                tok.dep_ not in ("nsubj", "nsubjpass")
                or tok.head.dep_ != "ROOT"
                or low not in self.lex.person_heads
                or low in _GENERIC_PERSONS
                or tok.tag_ in ("NNS", "NNPS")
                or not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)
                or self._quoted(tok.idx)
                or self.entities.mentions_in(tok.idx, tok.idx + len(tok.text))
                or self._named_beside(tok, found)
            ):
                continue
            if own is None:
                own = self._own_roles(found.entity, head.idx)
            if low in own:
                continue
            tg = self.genders.of_words(low)
            if g is not None and tg is not None and tg != g:
                continue
            return True
        return False

    def _own_roles(self, ent: Entity, before: int) -> set[str]:
        """The words of a person's title and of the 30 characters before and in each of their mentions
        before ``before`` (*President Bush* … *the president*): roles that are that person's own."""
        parts = [ent.attributes.get("title", "")]
        parts += [self.text[max(0, m.start - 30) : m.end] for m in ent.mentions if m.start < before]
        return set(" ".join(parts).lower().split())

    def _person_noun(self, word: str) -> bool:
        """Whether the lower-case noun ``word`` is one only a person can be and no role: a noun of kin
        or of a gender (*mother*, *boy*: `gender.toml`) or one of `[speakers.person_heads] nouns`
        (*correspondent*, *witness*)."""
        return self.genders.of_words(word) is not None or word in self.lex.person_nouns

    def _people_between(self, head: Token, ref: Referent) -> bool:
        """Whether people other than the speakers ``ref`` found for *they* are newly written in the
        pronoun's sentence or the one before (a plural noun only people can be, with no definite
        determiner, outside quotations: *That may give some comfort to ministers as they seek …*
        after *voters*; *All men of military age were detained. They had material sprayed …*):
        *they* may be either, and it stays unnamed. Not people given before (*the two leaders*,
        *their colleagues*: a definite plural refers back, most often to the speakers themselves), nor
        people inside a reported clause (*Officials said the first doses would go to nurses. “…,”
        they said*)."""
        if self.lex.pronouns.get(head.lower_) != "group":
            return False
        doc = head.doc
        start = doc.char_span(ref.pos, ref.pos + 1, alignment_mode="expand")
        if start is None:
            return False
        noun = start[0]
        while noun.dep_ in ("compound", "amod", "det", "poss", "nummod", "nmod") and noun.head.i > noun.i:
            noun = noun.head  # the head noun of the referent's own mention
        first = self._sentence_back(head, _PEOPLE_SENTENCES, count_quoted=True)
        lex = self.lex
        for tok in doc[max(noun.right_edge.i + 1, first) : head.i]:
            if tok.tag_ != "NNS" or self._quoted(tok.idx) or any(t.dep_ == "ccomp" for t in tok.ancestors):
                continue  # people in what was reported are what was said, not a new topic
            if any(
                c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in _DEFINITE_PLURAL) for c in tok.children
            ):
                continue  # "the two leaders", "their colleagues": people already given
            lemma = tok.lemma_.lower()
            people = lemma in lex.person_heads or lemma in lex.anon_heads or self._person_noun(lemma)
            if people or tok.lower_ in lex.group_heads:
                return True
        return False

    def _named_beside(self, tok: Token, found: Resolved) -> bool:
        """Whether the role noun ``tok`` is the person ``found`` or no one person: written with the
        found person's name beside it (an apposition: "Now the highest-ranking prosecutor in the United
        States, Lynch rose"; another person's name beside it, "The assistant director general …, Keiji
        Fukuda, said", keeps it a competitor), coordinated with another role ("the president and prime
        minister": more than one person), or itself the speaker already resolved to ``found`` ("…,”
        the diplomat said. He pointed out …")."""
        if any(c.dep_ == "conj" for c in tok.children) or tok.dep_ in ("appos", "conj"):
            return True
        beside = [c for c in tok.children if c.dep_ == "appos"] + [
            c for c in tok.head.children if c is not tok and c.dep_ in ("nsubj", "nsubjpass")
        ]
        for c in beside:
            for _, _, ent in self.entities.mentions_in(c.idx, c.idx + len(c.text)):
                # the found person's own role is no competitor; another named person's is one
                return found.entity is not None and ent.id == found.entity.id
        lo, hi = tok.left_edge.idx, tok.idx + len(tok.text)
        return any(
            lo <= r.pos <= hi and found.entity is not None and r.entity_id == found.entity.id
            for r in self.referents
        )

    def _introduced(self, head: Token, pos: int, ref: Referent | None, skipped: bool) -> Resolved | None:
        """*Ken Pimlott is the director of Cal Fire. He says …*: a person introduced as a
        main-clause subject after the last speaker (``ref``) is who *he / she* continues with."""
        if self.lex.pronouns.get(head.lower_) != "person" or is_plural(head):
            return None
        lo = max(ref.pos + 1 if ref is not None else 0, pos - _INTRODUCED)
        found = self._subject_person(head, lo, pos, skipped)
        if found is None or (ref is not None and ref.entity_id == found[2].id):
            return None
        ma, mb, ent = found
        return Resolved("person", False, ent.name, ent, (ma, mb))

    def _out_of_focus(self, head: Token, ref: Referent) -> bool:
        """Whether the organization ``ref`` found for *it* neither spoke nor was named in the
        pronoun's sentence or the two before: further on, the topic has moved to a document, a
        disease, a country (*The Sun's front page … The newspaper claimed … It said*). Named in a
        speaker's own words counts (*A representative of Baker Hughes said: … It added*)."""
        start = head.doc[self._sentence_back(head, _IT_SENTENCES)].idx
        if ref.pos >= start:
            return False
        return not (
            ref.entity_id is not None
            and any(e.id == ref.entity_id for _, _, e in self.entities.mentions_in(start, head.idx))
        )

    def _sentence_back(self, head: Token, n: int, count_quoted: bool = False) -> int:
        """The first token of the sentence ``n`` sentences before ``head``'s; sentences inside a
        quotation are not counted unless ``count_quoted`` (a speaker's own turn moves no topic)."""
        doc = head.doc
        first = head.sent.start
        counted = 0
        while counted < n and first > 0:
            first = doc[first - 1].sent.start
            tok = doc[first]
            if count_quoted or not self._quoted(tok.idx + len(tok.text) - 1):
                counted += 1
        return first

    def _thing_between(self, head: Token, ref: Referent | None) -> Resolved | None:
        """The newest thing *it* may refer to written as the subject of a main clause between the
        speaker ``ref`` found for it (or 600 characters back) and the pronoun, outside quotations and
        statements' contents: an organization or a country named there (*Digicel is Haiti's leading
        wireless operator … Last week it said*, *the Centers for Disease Control … has also put out new
        data which it says*: that one, by name), or a body or document by its noun (*The paper traced
        the thaw … It reported that*: no name, so the pronoun stays unnamed). The speaker's own
        entity or noun written again is no other thing."""
        doc = head.doc
        # only after the newest speaker of any kind (*Lloyd's said …* typed a person): what was
        # written before it is no newer than that speaker
        newest = max((r.pos for r in self.referents if r.pos < head.idx), default=-1)
        lo = max(ref.pos + 1 if ref is not None else 0, newest + 1, head.idx - _INTRODUCED)
        span = doc.char_span(lo, head.idx, alignment_mode="contract")
        if span is None:
            return None
        for tok in reversed(span):
            if (
                tok.dep_ not in ("nsubj", "nsubjpass")
                or tok.head.dep_ != "ROOT"
                or tok.tag_ not in ("NN", "NNP", "NNPS")
                or any(c.dep_ == "conj" for c in tok.children)
                or self._quoted(tok.idx)
                or self._in_content(tok.idx)
            ):
                continue
            here = (tok.idx, tok.idx + len(tok.text))
            for ma, mb, ent in self.entities.mentions_in(tok.left_edge.idx, here[1]):
                if ma <= tok.idx < mb:
                    if ref is not None and ref.entity_id == ent.id:
                        return None  # the speaker itself, written again: it is the newest
                    if ent.type == "ORG":
                        return Resolved("organization", False, ent.name, ent, (ma, mb))
                    if ent.type == "GPE":
                        # a country the sentence is about is no speaker named: a later *it* may be
                        # either, and stays unnamed
                        return Resolved("unknown", False, None, None, here)
                    break
            else:
                low = tok.lower_
                if ref is not None and (
                    low == ref.head
                    or (ref.kind == "outlet" and low in self.lex.outlet_heads)
                    or (ref.kind == "organization" and low in self.lex.org_heads)
                ):
                    # "The agency said … The agency has …", "The Sun … The paper has …": the speaker again
                    return None
                if tok.tag_ == "NNP" or low in self.lex.speaking_things:
                    # a body, document or name no entity covers (*Digicel is Haiti's leading …*)
                    return Resolved("unknown", False, None, None, here)
        return None

    def _in_content(self, pos: int) -> bool:
        """Whether ``pos`` lies inside the content of a statement of the document."""
        i = bisect_right(self.contents, (pos, float("inf")))
        return any(pos < b for _, b in self.contents[:i])  # the contents starting at or before it

    def _quoted(self, pos: int) -> bool:
        """Whether ``pos`` lies inside a quotation (set by the engine)."""
        return self.quotes is not None and self.quotes.covering(pos) is not None

    def _single_quoted(self, pos: int) -> bool:
        """Whether ``pos`` lies inside a quotation in single marks (British copy: *‘I'm on this side,’
        Rice told him*), which the quotation index leaves out for the apostrophes: an opening ‘ at a
        word start before a capital letter ("It ‘s" is an apostrophe), in the line and the
        ``_SINGLE_QUOTE`` characters before ``pos``, not yet closed by a ’ that ends a word."""
        line = max(self.text.rfind("\n", 0, pos) + 1, pos - _SINGLE_QUOTE)
        inside = False
        for i in range(line, pos):
            c = self.text[i]
            if c == "‘" and (i == 0 or not self.text[i - 1].isalnum()) and self.text[i + 1 : i + 2].isupper():
                inside = True
            elif c == "’" and inside and not self.text[i + 1 : i + 2].isalpha():
                inside = False
        return inside

    def _last_named_person(self, pos: int) -> Referent | None:
        """The newest person referent, when it is one named person not far before ``pos``."""
        for ref in reversed(self.referents):
            if ref.pos >= pos or ref.kind != "person":
                continue
            if pos - ref.pos <= 2 * _INTRODUCED and not ref.plural and ref.entity_id:
                return ref
            return None
        return None

    def _subject_person(self, head: Token, lo: int, hi: int, skipped: bool) -> tuple[int, int, Entity] | None:
        """The newest person named as the subject of a clause in ``[lo, hi)`` that the pronoun
        ``head`` may refer to (gender as in :meth:`_find`), outside quotations of the clause."""
        doc = head.doc
        g = self.genders.of_pronoun(head.lower_)
        for ma, mb, ent in reversed(self.entities.mentions_in(lo, hi)):
            if mb > hi or ent.type != "PERSON":
                continue
            span = doc.char_span(ma, mb, alignment_mode="expand")
            if span is None or not len(span):
                continue
            root = span.root
            # the subject of a sentence's main clause, never of a reported one
            if root.dep_ not in ("nsubj", "nsubjpass") or root.head.dep_ != "ROOT" or self._quoted(ma):
                continue
            if names_an_object(root):
                continue  # "Tony Redmond from the charity Merlin says": the subject is Redmond
            # "According to him, Buhari gave …": the clause is another's report, its subject is
            # what was reported about, not a person the text turns to
            if any(c.lower_ == "according" for c in root.head.children):
                continue
            eg = self.gender_of(ent)
            if g is not None and eg != g and (eg is not None or skipped):
                skipped = True  # past a person of the other gender, only a known fit
                continue
            return ma, mb, ent
        return None

    def _entity_fallback(self, pos: int, head: Token, want: str, skipped: bool) -> Resolved | None:
        """ "he" → the last person named nearby; "the president" → the last "President X"."""
        low = head.lower_
        reach = 600 if want == "pronoun" else WINDOW
        for ma, mb, ent in reversed(self.entities.mentions_in(max(0, pos - reach), pos)):
            if mb > pos:
                continue
            if want == "pronoun" and self.lex.pronouns.get(low) == "person" and ent.type == "PERSON":
                g, eg = self.genders.of_pronoun(low), self.gender_of(ent)
                if g is not None and eg != g and (eg is not None or skipped):
                    skipped = True  # past a person of the other gender, only a known fit
                    continue
                return Resolved("person", False, ent.name, ent, (ma, mb))
            if (
                want == "role"
                and ent.type == "PERSON"
                and (
                    self._role_before(low, ma)
                    or low in self.text[ma:mb].lower()
                    or low in self._title_before(ma)
                    or low in ent.attributes.get("title", "").lower()
                )
            ):
                return Resolved("person", False, ent.name, ent, (ma, mb))
            if want == "outlet" and ent.type == "OUTLET":
                state = "state" in self.text[head.left_edge.idx : head.idx].lower()
                if state and "state" not in ent.name.lower():
                    continue
                return Resolved("outlet", False, ent.name, ent, (ma, mb))
        return None

    def resolve(self, head: Token, span: tuple[int, int]) -> Resolved:
        """Facts for a speaker mention ``span`` with syntactic head ``head``."""
        lex = self.lex
        low = head.lower_
        a, b = trim_symbols(self.text, *span)  # "the spokesman ✅" is "the spokesman"
        a, b = span = (a, b) if b > a else span
        h = (head.idx, head.idx + len(head.text))
        want = ""
        if low == "you" and b - a == len(head.text):
            return Resolved("unknown", False, None, None, h)  # generic "you" names no one
        named = self._apposed_name(head)
        if named is not None:
            return named
        ent, espan = self._entity_at(head, span)
        outright = self._named_outright(head, a, b, ent)
        if outright is not None:
            return outright
        if low in lex.pronouns and b - a == len(head.text):
            want = "pronoun"
        elif (head.pos_ != "PROPN" or low in lex.person_heads) and espan is None and self._definite(head):
            want = self._description(head)
        if want:
            found = self._resolve_wanted(head, a, want)
            if found is not None:
                return found
            if want != "org":  # an unresolved "the group" is described as written, below
                return Resolved(self._kind(head, None), want == "anonymous", None, None, h)
        anonymous = self._anonymous(head, span, ent if espan is not None else None)
        if ent is not None and espan is not None and not anonymous:
            return Resolved(self._kind(head, ent), False, ent.name, ent, espan)
        name = describe(self.text[a:b]) if anonymous or head.pos_ != "PROPN" else None
        owner = self._owner(head) if not anonymous and head.pos_ != "PROPN" else None
        if owner is not None and not self._agent_head(head):
            # "President Trump's plan says …": a thing someone owns is no one to name (no entity
            # "Donald Trump's plan"); the mention stays as written
            return Resolved(self._kind(head, None), False, None, None, h)
        if owner is not None:
            # "Israeli Prime Minister Benjamin Netanyahu's office" → "Benjamin Netanyahu's office":
            # the owner's canonical name, so the same office is one name across articles
            name = f"{owner.name}'s {head.lower_}"
        return Resolved(self._kind(head, None), anonymous, name, None, h)

    def _named_outright(self, head: Token, a: int, b: int, ent: Entity | None) -> Resolved | None:
        """A mention whose speaker its own words settle: a person's name closing it after a role word
        (:meth:`_closing_name`), or an unquoted first person, the writer (:meth:`_writer`)."""
        closing = self._closing_name(a, b)
        if closing is not None and (ent is None or ent.type != "PERSON"):
            ma, mb, person = closing
            return Resolved("person", False, person.name, person, (ma, mb))
        if (
            head.lower_ in FIRST_PERSON
            and b - a == len(head.text)
            and not self._quoted(head.idx)
            and not self._single_quoted(head.idx)
        ):
            return self._writer(head, (head.idx, head.idx + len(head.text)))
        return None

    def _closing_name(self, a: int, b: int) -> tuple[int, int, Entity] | None:
        """A person's name that closes the mention right after a role word or a comma is who it names,
        whatever the parse made its head ("Arizona Department of Public Safety spokesman Bart Graves",
        "Fraternal Order of Police President John Teletchea"); not inside a phrase a preposition
        opens ("the lawyer for John Smith", "a study by professor Justin Levitt")."""
        for ma, mb, ent in self.entities.mentions_in(a, b):
            if ent.type != "PERSON" or mb != b or ma <= a:
                continue
            words = self.text[a:ma].split()
            before = [w.lower().rstrip(",") for w in words]
            if before and before[0] in _SPEECH_PERSONS:
                return None  # "We, your fans, David": the writer's words to someone
            if any(w in _GOVERNING and not _inside_name(words, i) for i, w in enumerate(before)):
                return None  # "A 2014 study by Loyola Law School professor Justin Levitt": the study
            # after a role word, or set off by a comma: an apposition names what the mention names
            # ("the Commissioner of Police, Mohammed Barde")
            if before and (before[-1] in self.lex.person_heads or self.text[a:ma].rstrip().endswith(",")):
                return ma, mb, ent
        return None

    def _description(self, head: Token) -> str:
        """What a definite description headed by ``head`` wants: an outlet, an anonymous source, a
        role, an organization, or nothing to resolve ("")."""
        low, lex = head.lower_, self.lex
        if low in lex.outlet_heads:
            return "outlet"
        if low in lex.anon_heads:
            return "anonymous"
        if low in lex.person_heads:
            return "role"
        if low in lex.org_heads and not is_plural(head):
            return "org"
        return ""

    def _writer(self, head: Token, h: tuple[int, int]) -> Resolved:
        """An unquoted first person (*I supported the Iraq war with misgivings* in a letter, *I ask him
        where he sleeps* in a reporter's account): the writer, named only where a transcript's turn
        names its speaker at the start of the line; no earlier speaker or person named nearby."""
        line = self.text.rfind("\n", 0, head.idx) + 1
        m = _TURN_LABEL.match(self.text, line, head.idx)
        if m is not None:
            for ma, mb, ent in self.entities.mentions_in(m.start(1), m.end(1)):
                if ent.type in ("PERSON", "ORG") and mb <= m.end(1):
                    return Resolved(_ENTITY_KIND[ent.type], False, ent.name, ent, (ma, mb))
        return Resolved(self._kind(head, None), False, None, None, h)

    def _apposed_name(self, head: Token) -> Resolved | None:
        """*Another senior official of the movement, Karim Haddad, said*: a description whose
        comma-set apposition is a named person is that person (named, not anonymous)."""
        if head.pos_ == "PROPN" or head.lower_ in self.lex.pronouns:
            return None
        for c in head.children:
            if c.dep_ != "appos" or c.pos_ != "PROPN" or c.i < head.i:
                continue
            for ma, mb, ent in self.entities.mentions_in(c.left_edge.idx, c.idx + len(c.text)):
                if ma <= c.idx < mb and ent.type == "PERSON":
                    return Resolved("person", False, ent.name, ent, (ma, mb))
        return None

    def _agent_head(self, head: Token) -> bool:
        """Whether a description's head can name an agent: a person, group, organization or outlet
        word (*office*, *campaign*, *spokesman*, *government*), not a thing (*plan*, *budget*)."""
        lex = self.lex
        low, lemma = head.lower_, head.lemma_.lower()
        return any(
            w in words
            for w in (low, lemma)
            for words in (lex.person_heads, lex.group_heads, lex.org_heads, lex.outlet_heads, lex.anon_heads)
        )

    def _owner(self, head: Token) -> Entity | None:
        """The named person or organization that owns a description ("Netanyahu's office")."""
        for c in head.children:
            if c.dep_ == "poss" and c.pos_ == "PROPN":
                for ma, mb, ent in self.entities.mentions_in(c.left_edge.idx, c.idx + len(c.text)):
                    if ma <= c.idx < mb and ent.type in ("PERSON", "ORG"):
                        return ent
        return None

    def remember(
        self, pos: int, head: Token, text: str, res: Resolved, via: list[Via], platform: str | None = None
    ) -> None:
        """Make a resolved speaker or relay available to later mentions.

        The platform carries over from the antecedent, or from the previous referent when it is the
        same entity, so that "He added: …" after a Truth Social post can keep it."""
        if head.lower_ in FIRST_PERSON and res.name is None and res.entity is None:
            return  # the writer: no later "he" or "they" refers back to them
        if res.antecedent is not None:
            plural = res.antecedent.plural
        else:
            # a name is one organization however its last word is inflected (*Medecins Sans
            # Frontieres*, *Centers for Disease Control*): a later *it* may refer to it
            plural = is_plural(head) and not (
                res.entity is not None and res.entity.type == "ORG" and head.tag_ == "NNPS"
            )
        if platform is None and res.antecedent is not None:
            platform = res.antecedent.platform
        entity_id = res.entity.id if res.entity is not None else None
        if res.antecedent is not None:
            gender = res.antecedent.gender
        elif res.entity is not None:
            gender = self.gender_of(res.entity)
        else:
            gender = self.genders.of_words(text)
        # "he" / "she" itself says it, when nothing above did
        gender = gender or self.genders.of_pronoun(head.lower_)
        if (
            platform is None
            and entity_id is not None
            and self.referents
            and self.referents[-1].entity_id == entity_id
        ):
            platform = self.referents[-1].platform
        self.referents.append(
            Referent(
                pos=pos,
                link_span=res.link_span,
                head=head.lower_,
                kind=res.kind,
                plural=plural,
                anonymous=res.anonymous,
                name=res.name,
                entity=res.entity,
                text=res.antecedent.text if res.antecedent is not None else text,
                via=list(via),
                platform=platform,
                entity_id=entity_id,
                gender=gender,
            )
        )
        if len(self.referents) > MAX_REFERENTS:
            del self.referents[0]
