"""Step 5 of the attribution engine (:mod:`.engine`): a finished candidate becomes a
:class:`~saidwhat.model.Statement` — speaker and relays resolved, mode, act, hedging, platform,
``said_on`` and confidence filled — and embedded posts become statements of their author.

:class:`StatementBuilder` holds these steps; :class:`~saidwhat.attribution.engine.Engine` inherits
them (the state they read: :class:`~saidwhat.attribution.state.EngineState`).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from datetime import date

from spacy.tokens import Token

from saidwhat.attribution.act_rules import ContentActs, act_lexicon, object_act
from saidwhat.attribution.confidence import Evidence, confidence
from saidwhat.attribution.relays import RELAYED_RULE
from saidwhat.attribution.rules import (
    Candidate,
    Mention,
    asked_participle,
    dateline_end,
)
from saidwhat.attribution.speakers import Resolved
from saidwhat.attribution.state import EngineState
from saidwhat.attribution.syntax import relative_head, trim_span
from saidwhat.calendar_names import FULL_MONTHS
from saidwhat.model import Content, Cue, SaidOn, Segment, Speaker, Statement, TextSpan, Timex, Via
from saidwhat.symbols import trim_symbols

_EMBED_SIG = re.compile(
    r"[—–-]\s*(?P<name>[^\n(@]+?)\s*\((?P<handle>@\w+)\)\s*(?P<date>[A-Z][a-z]+\.? \d{1,2}, \d{4})"
)
_MONTHS = {m[:3]: i + 1 for i, m in enumerate(FULL_MONTHS)}
_CONTEXT = 300  # characters around a cue searched for platform words
# "…, as quoted by Xinhua." / "as reported by the Kathmandu Post": a relay closing the sentence
_QUOTED_BY = re.compile(
    r",?[ \t]+as[ \t]+(?:quoted|cited|reported)[ \t]+by[ \t]+(?:the[ \t]+)?(?:[a-z][\w-]*[ \t]+){0,3}"
    r"([A-Z][\w.&'’-]*(?:[ \t]+(?:of[ \t]+)?[A-Z][\w.&'’-]*){0,4})[ \t]*(?=[.;\n]|$)"
)
# a headline cue that is a bare to-infinitive ("Crown to appeal ruling"): what X will do
_HEADLINE_PLAN = re.compile(r"(?i)to\s")
_ACCORDING_TAIL = re.compile(r",?\s*according\s+to\s+(?:the\s+)?$", re.I)
_COUNT_WORDS = frozenset(
    {
        "hundred",
        "thousand",
        "million",
        "billion",
        "dozen",
        "hundreds",
        "thousands",
        "millions",
        "billions",
        "dozens",
        "tens",
    }
)
_SINGLE_CLOSERS = frozenset({",'", ",’", ".'", ".’", "?'", "?’", "!'", "!’"})
_IMPERATIVE_CAPS = frozenset(
    {
        "make",
        "get",
        "stop",
        "bring",
        "end",
        "give",
        "let",
        "move",
        "keep",
        "go",
        "release",
        "free",
        "vote",
        "save",
        "send",
        "take",
        "do",
        "come",
        "return",
        "drop",
        "finish",
        "build",
        "fight",
        "act",
        "put",
    }
)


# parts of speech that say nothing on their own ("finding a": a fragment of the parse)
_FUNCTION_POS = frozenset({"DET", "ADP", "CCONJ", "SCONJ", "PART", "PUNCT", "SPACE"})
# what may stand in a cue beside its verb for the cue to be the verb alone (auxiliaries, adverbs,
# particles, prepositions, articles: *have not yet issued the*)
_CUE_FUNCTION_POS = _FUNCTION_POS | {"AUX", "ADV"}
# prepositions that make a speech verb take a stance toward its object (*spoke out against*)
_STANCE_PREPS = frozenset({"against", "for"})
# words that make the infinitive after their noun a relative clause (*the only senator to back it*)
_ORDINAL_WORDS = frozenset({"first", "last", "only", "next", "sole"})
# heads of a noun phrase
_NOMINAL_POS = frozenset({"NOUN", "PROPN", "PRON", "NUM"})
_QUOTE_MARKS = frozenset({'"', "“", "”", "''", "``"})
# source heads that name a thing as often as a person ("cited the figure at last week's forum")
_NOT_ONLY_PERSONS = frozenset({"figure", "figures", "head", "chief", "general"})


def _purpose(tok: Token) -> bool:
    """A to-infinitive of purpose, an adverbial with no subject of its own (*authorized funds | to
    support the operations*). Not the infinitival relative of a noun with an ordinal or a superlative
    (*the first member of Congress to endorse him*, *the only senator to recently back the bill*:
    one who did endorse him), whatever the parse made of it."""
    return (
        tok.dep_ == "advcl"
        and "Inf" in tok.morph.get("VerbForm", [])
        and any(ch.lower_ == "to" and ch.dep_ == "aux" for ch in tok.children)
        and not any(ch.dep_ in ("nsubj", "nsubjpass") for ch in tok.children)
        and not _after_ordinal(tok)
    )


def _after_ordinal(tok: Token) -> bool:
    """Between the clause's verb and the infinitive ``tok`` stands an ordinal, a superlative or
    *only* (*the first sitting members of Congress | to endorse*)."""
    for t in reversed(tok.doc[max(0, tok.left_edge.i - 8) : tok.left_edge.i]):
        if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("amod", "compound"):
            return False
        if t.ent_type_ == "ORDINAL" or t.tag_ in ("JJS", "RBS") or t.lower_ in _ORDINAL_WORDS:
            return True
    return False


def _bare_plural(head: Token) -> bool:
    """A plural common noun with no determiner, possessive or number (*Archaeologists*, *Investigators
    in the case*): a group of people left unnamed, not a named group (*Democrats*) or a counted one."""
    return (
        head.tag_ == "NNS"
        and not head.ent_type_
        and not any(ch.dep_ in ("det", "poss", "nummod") for ch in head.children)
    )


class StatementBuilder(EngineState):
    """Builds the statements of one document from its candidates."""

    def _via(self, m: Mention) -> Via:
        res = self.resolver.resolve(m.head, m.core)
        # a named relay is given as its name ("Walla" of "the Israeli news website Walla")
        a, b = res.link_span if res.entity is not None and res.antecedent is None else m.core
        ta, tb = trim_symbols(self.text, a, b)  # "Reuters 📰" is "Reuters"
        a, b = (ta, tb) if tb > ta else (a, b)
        head = m.head
        v = Via(text=self.text[a:b], start=a, end=b, kind=res.kind)
        if res.entity is not None:
            v.name, v.entity = res.entity.name, res.entity.id
        elif res.name:
            v.name = res.name
        self.resolver.remember(a, head, v.text, res, [])
        return v

    def _statement(self, c: Candidate) -> Statement | None:
        text = self.text
        parts = self._said_parts(c)
        # "which he said were …": the speaker and cue are never part of what was said
        for hole in (c.speaker.span if c.speaker else None, c.cue):
            if hole is not None:
                parts = _subtract(text, parts, hole)
        if not parts or self._says_nothing(c, parts):
            return None
        seg_kind = self.segments.kind(parts[0][0])
        if seg_kind == "headline" and c.cue is not None and _HEADLINE_PLAN.match(text, c.cue[0], c.cue[1]):
            return None  # "Tonga Crown to appeal perjury ruling": headline "X to V" is a plan, not speech
        mode, parts = self._mode(parts)
        if c.in_quote:
            mode = "indirect"  # the quoted speaker's account of a third party's words
        start, end = parts[0][0], parts[-1][1]
        content = Content(
            text=text[start:end],
            start=start,
            end=end,
            parts=[TextSpan(text[a:b], a, b) for a, b in parts] if len(parts) > 1 else [],
        )
        via = [self._via(m) for m in c.via]
        speaker: Speaker | None = None
        spoken = "none"
        platform = self._platform(c, parts)
        if c.speaker is not None:
            a, b = self._speaker_extent(c.speaker.span, c.cue[0] if c.cue else start)
            if self._speaker_fits(a, b, parts):
                core = c.speaker.core if c.speaker.core != c.speaker.span else (a, b)
                res = self.resolver.resolve(c.speaker.head, core)
                speaker = self._speaker(a, b, res)
                spoken = self._speaker_state(c.speaker.head, res)
                if res.antecedent is not None and not via:
                    via = [Via(v.text, v.start, v.end, v.name, v.entity, v.kind) for v in res.antecedent.via]
                if platform is None and c.lemma in self.lex.post_cues and res.antecedent is not None:
                    platform = res.antecedent.platform
                # a source inside another's report (or quotation): the reporter stays the topic
                if c.rule != RELAYED_RULE and not c.in_quote:
                    self.resolver.remember(a, c.speaker.head, text[core[0] : core[1]], res, via, platform)
        cue = None
        if c.cue is not None:
            cue = Cue(text=text[c.cue[0] : c.cue[1]], start=c.cue[0], end=c.cue[1], lemma=c.lemma)
        hedged = c.hedged or self._hedged(c, parts)
        st = Statement(
            id="",
            content=content,
            speaker=speaker,
            cue=cue,
            mode=mode,
            act=self._act(c, parts, mode, speaker),
            via=via,
            hedged=hedged,
            platform=platform,
            said_on=self._said_on(c, parts, speaker),
            segment=seg_kind,
        )
        st.confidence = self._confidence(c, parts, mode, hedged, spoken)
        return st

    def _says_nothing(self, c: Candidate, parts: list[tuple[int, int]]) -> bool:
        """A content that can hold nothing said: only function words (*finding a*, the parse's
        fragment), or the one a *quoting / citing* names (*the paper reported, quoting **people
        familiar with the assessment***): who is quoted is the source of a report, not its words."""
        found = (self.doc.char_span(a, b, alignment_mode="expand") for a, b in parts)
        spans = [sp for sp in found if sp is not None]
        if not spans:
            return False
        if all(t.pos_ in _FUNCTION_POS for sp in spans for t in sp):
            return True
        if c.lemma not in self.lex.quote_verbs or len(spans) != 1 or self._has_clause(parts):
            return False
        root = spans[0].root
        if any(t.pos_ == "PUNCT" and t.text in _QUOTE_MARKS for t in spans[0]):
            return False
        lex = self.lex
        return root.ent_type_ == "PERSON" or (
            root.pos_ in ("NOUN", "PROPN")
            and root.lemma_.lower() in (lex.anon_heads | lex.person_heads) - _NOT_ONLY_PERSONS
        )

    def _said_parts(self, c: Candidate) -> list[tuple[int, int]]:
        """The candidate's non-empty content parts; none for a request for anonymity (*who asked
        not to be named*); an *as quoted by X* closing them becomes the relay."""
        parts = [p for p in (self._past_dateline(a, b) for a, b in c.content) if p[1] > p[0]]
        if parts and self._matches(parts[0][0], self.lex.anonymity_content):
            return []
        if parts and self._product_recall(c):
            return []
        if parts and not c.via:
            parts = self._quoted_by(c, parts)
        for m in c.via:
            parts = self._without_according(parts, m.span)
        return parts

    def _past_dateline(self, a: int, b: int) -> tuple[int, int]:
        """A content part starting in the news dateline that opens its line (*WASHINGTON, May 17
        (Reuters) – Flight data … show …, the newspaper reported*) starts after it: the dateline
        is the wire's, never what was said; a part inside the dateline is empty."""
        d = dateline_end(self.text, a)
        if a < d:
            return trim_span(self.text, min(d, b), b)
        return a, b

    @staticmethod
    def _product_recall(c: Candidate) -> bool:
        """*recalling million of vehicles*, *Toyota recalled 1.4 million cars*: *recall* with a
        counted object is the withdrawal of products, an event; the verb of memory or speech takes
        a clause, a gerund or a story (*recalled that …*, *recalled meeting him*)."""
        tok = c.cue_tok
        if tok is None or tok.lemma_.lower() != "recall":
            return False
        if any(ch.dep_ in ("ccomp", "xcomp") for ch in tok.children):
            return False  # "recalled Mr. Obama talking about …": a memory
        obj = next((ch for ch in tok.children if ch.dep_ == "dobj"), None)
        if obj is None:
            return False
        return any(  # a count ("1.4 million cars", "millions of vehicles"), not a year ("his 2005 book")
            (t.like_num or t.lemma_.lower() in _COUNT_WORDS) and t.ent_type_ != "DATE"
            for t in (obj, *obj.children)
        )

    def _without_according(
        self, parts: list[tuple[int, int]], relay: tuple[int, int]
    ) -> list[tuple[int, int]]:
        """*Rescuers said they had pulled 12 people out, according to Reuters*: the relay phrase
        closing a part is not what was said."""
        out = []
        for a, b in parts:
            if a < relay[0] and relay[1] <= b and not self.text[relay[1] : b].strip(" .,;\n"):
                m = _ACCORDING_TAIL.search(self.text, a, relay[0])
                if m is not None:
                    b = trim_span(self.text, a, m.start())[1]
            if b > a:
                out.append((a, b))
        return out

    def _speaker_extent(self, span: tuple[int, int], anchor: int) -> tuple[int, int]:
        """The speaker span trimmed, never starting in the dateline the parse hung on the name, and
        kept inside the segment of ``anchor`` (the cue)."""
        text = self.text
        a, b = trim_span(text, *span)
        d = dateline_end(text, a)
        if a < d < b:
            a, b = trim_span(text, d, b)
        seg = self.segments.at(anchor)
        if seg is not None and seg.start <= b <= seg.end:
            a, b = trim_span(text, max(a, seg.start), b)
        return trim_symbols(text, a, b)  # "John Smith 🔥": an emoji is never part of a speaker

    def _speaker_fits(self, a: int, b: int, parts: list[tuple[int, int]]) -> bool:
        return b > a and not any(a < pb and pa < b for pa, pb in parts) and self._attributable(a)

    def _confidence(
        self, c: Candidate, parts: list[tuple[int, int]], mode: str, hedged: bool, spoken: str
    ) -> float:
        """The statement's confidence from what the engine knows of it (:mod:`.confidence`)."""
        evidence = False
        if c.speaker is not None:  # "footage that shows …": the relative pronoun's noun
            head = relative_head(c.speaker.head) or c.speaker.head
            evidence = head.lemma_.lower() in self.conf.evidence_heads
        clause = mode != "indirect" or self._has_clause(parts)
        # a noun phrase, its own non-finite modifiers included (*plans to build a wall*)
        nominal = not clause or (mode == "indirect" and self._nominal(parts))
        bare = self._bare_cue(c)
        return confidence(
            Evidence(
                learned=c.rule == "learned",
                score=c.score,
                speech_cue=self._speech_cue(c),
                clause=clause,
                speaker=spoken,
                evidence_source=evidence,
                hedged=hedged,
                direct=mode == "direct",
                no_comment=self._matches(parts[0][0], self.lex.refusal_content),
                negated=self._negated(c),
                asked=c.cue_tok is not None and asked_participle(c.cue_tok),
                belief=c.lemma in self.lex.belief_cues,
                group_belief=c.lemma in self.lex.belief_cues
                and c.speaker is not None
                and _bare_plural(c.speaker.head),
                off_agent=c.off_agent,
                event=bare
                and self._cue_in(c, self.lex.event_cues)
                and (nominal or (mode == "indirect" and self._controlled(c, parts))),
                topic_only=self._topic_only(c, parts, nominal),
                purpose=nominal and self._purpose_cue(c),
            ),
            self.conf,
        )

    def _content_roots(self, parts: list[tuple[int, int]]) -> list[Token]:
        """The tokens of the content parts whose syntactic head lies outside them: the heads of its
        phrases (a noun phrase and a prepositional adjunct of the cue, *state lawyers | in the wake
        of the ruling*)."""
        key = tuple(parts)  # computed once per content: four checks read it
        roots = self.roots_memo.get(key)
        if roots is None:
            roots = []
            for a, b in parts:
                sp = self.doc.char_span(a, b, alignment_mode="expand")
                if sp is not None:
                    roots += [t for t in sp if not sp.start <= t.head.i < sp.end or t.head.i == t.i]
            self.roots_memo[key] = roots
        return list(roots)

    def _nominal(self, parts: list[tuple[int, int]]) -> bool:
        """The content is a noun phrase whose only verbs are non-finite modifiers of its nouns
        (*their commitment to protecting the environment and determination to tackle the trade*,
        *plans to build a wall*), with at most prepositional adjuncts or a to-infinitive of purpose
        beside it (*$5 million in relief money | to support farmers*): no finite verb, every phrase
        headed by a noun, a pronoun, a preposition or such an infinitive."""
        roots = self._content_roots(parts)
        return (
            any(r.pos_ in _NOMINAL_POS for r in roots)
            and all(r.pos_ in _NOMINAL_POS or r.pos_ in ("ADP", "PUNCT") or _purpose(r) for r in roots)
            and not self._has_finite(parts)
        )

    def _controlled(self, c: Candidate, parts: list[tuple[int, int]]) -> bool:
        """The content is a to-infinitive the cue verb controls, with no subject of its own (*have
        voted to take industrial action*, *agreed in principle to raise the levy*): what the cue's
        subject decided or did, a complement of the event, not something said."""
        tok = c.cue_tok
        verbs = [r for r in self._content_roots(parts) if r.pos_ not in ("ADP", "PUNCT")]
        return (
            tok is not None
            and len(verbs) == 1
            and verbs[0].dep_ == "xcomp"
            and verbs[0].head.i == tok.i
            and any(ch.lower_ == "to" and ch.dep_ == "aux" for ch in verbs[0].children)
            and not any(ch.dep_ in ("nsubj", "nsubjpass") for ch in verbs[0].children)
            and not self._has_finite(parts)
        )

    def _topic_only(self, c: Candidate, parts: list[tuple[int, int]], nominal: bool) -> bool:
        """The verb that takes the content is a speech verb with a topic or an addressee for object
        (``topic_cues``: *discussed numerous matters*, *reassured investors*) and the content that
        noun phrase: alone in the cue, at the end of a chain of to-infinitives in the cue (*has
        moved to re-assure state lawyers*) or heading the content under a cue that is no verb of
        saying (*sought | to reassure allies*). No stance (*spoke out against*), no verb of saying
        before it (*promised to raise the issue* is a promise)."""
        if self._stance_cue(c):
            return False
        bare = self._bare_cue(c)
        if nominal and bare and self._cue_in(c, self.lex.topic_cues):
            return True
        if c.cue_tok is None or self._saying(c.lemma):
            return False
        if bare and self._controlled(c, parts):
            verb = next(r for r in self._content_roots(parts) if r.pos_ not in ("ADP", "PUNCT"))
            return self._topic_verb(verb) and self._nominal_objects(verb)
        return nominal and self._topic_chain(c, parts)

    def _topic_verb(self, verb: Token) -> bool:
        """A topic verb found by the engine under another verb: one whose every sense is speech
        (not *raise*, *address*, *touch*: *seeks to raise the cap*)."""
        low = verb.lemma_.lower()
        return low in self.lex.topic_cues and low not in self.lex.topic_cues_other_senses

    def _topic_chain(self, c: Candidate, parts: list[tuple[int, int]]) -> bool:
        """The cue is a verb and the to-infinitives under it (*has moved to re-assure*), the last
        of them a topic verb whose object is the content's noun phrase."""
        tok = c.cue_tok
        nouns = [r for r in self._content_roots(parts) if r.pos_ in _NOMINAL_POS]
        span = self.doc.char_span(c.cue[0], c.cue[1], alignment_mode="expand") if c.cue else None
        if tok is None or span is None or len(nouns) != 1:
            return False
        verb = nouns[0].head
        if not span.start <= verb.i < span.end or not self._topic_verb(verb):
            return False
        chain = {tok.i}  # the cue verb and the to-infinitives it governs, one under the other
        for t in span:
            if t.dep_ == "xcomp" and t.head.i in chain:
                chain.add(t.i)
        return verb.i in chain and all(t.i in chain or t.pos_ in _CUE_FUNCTION_POS for t in span)

    @staticmethod
    def _nominal_objects(verb: Token) -> bool:
        """The verb has a noun phrase for object and no clause (*reassure allies*, not *reassure
        allies that …* or *brief them on what happened*)."""
        return any(ch.dep_ in ("dobj", "dative") for ch in verb.children) and not any(
            t.pos_ in ("VERB", "AUX") and t.i != verb.i for t in verb.subtree
        )

    def _saying(self, lemma: str) -> bool:
        """A verb or noun of saying of the lexicon (``[verbs]``, ``[nouns]``, ``[phrasal]``)."""
        lex = self.lex
        return lemma in lex.verb_acts or lemma in lex.noun_acts or lemma in lex.phrasal

    def _purpose_cue(self, c: Candidate) -> bool:
        """The cue is a to-infinitive of purpose (*authorized funds to support the operations*,
        *travelled to the capital to lobby ministers*): it names an aim, not an act that took place,
        and the infinitive has no subject of its own."""
        return c.cue_tok is not None and _purpose(c.cue_tok)

    def _bare_cue(self, c: Candidate) -> bool:
        """The cue is its verb alone, with only function words around it (*are looking for*, *had
        issued*, *also discussed*): no noun or second verb that names the act (*issued a statement
        condemning*, *raised questions about*, *began tweeting*)."""
        tok = c.cue_tok
        if tok is None or c.cue is None or c.lemma in self.lex.belief_cues:
            return False
        span = self.doc.char_span(c.cue[0], c.cue[1], alignment_mode="expand")
        if span is None:
            return False
        return all(t.i == tok.i or t.pos_ in _CUE_FUNCTION_POS for t in span)

    @staticmethod
    def _cue_in(c: Candidate, words: frozenset[str]) -> bool:
        """The cue's lemma is in ``words``, or its lemma with a preposition or particle of the verb
        (*look for*)."""
        tok = c.cue_tok
        if tok is None:
            return False
        if c.lemma in words:
            return True
        return any(f"{c.lemma} {ch.lower_}" in words for ch in tok.children if ch.dep_ in ("prep", "prt"))

    def _stance_cue(self, c: Candidate) -> bool:
        """*spoke out against X*, *spoke for X*: a speech verb taking a stance toward its object."""
        if c.cue is None:
            return False
        span = self.doc.char_span(c.cue[0], c.cue[1], alignment_mode="expand")
        return span is not None and any(t.lower_ in _STANCE_PREPS for t in span)

    def _matches(self, a: int, patterns: tuple[re.Pattern[str], ...]) -> bool:
        """The content starting at ``a`` opens with one of ``patterns`` (``cues.toml``
        ``[no_content]``: a request for anonymity, a refusal to comment)."""
        window = self.text[a : a + 100]
        return any(rx.match(window) for rx in patterns)

    def _negated(self, c: Candidate) -> bool:
        """The cue is negated (*did not call for*, *never said*)."""
        tok = c.cue_tok
        return tok is not None and any(ch.dep_ == "neg" for ch in tok.children)

    def _directive(self, parts: list[tuple[int, int]]) -> bool:
        """The content is a directive: a to-infinitive or an object with a participle (*his players to
        forget the defeat*, *the sanctions lifted*), no finite clause of its own."""
        if self._has_finite(parts):
            return False
        for a, b in parts:
            span = self.doc.char_span(a, b, alignment_mode="expand")
            if span is None:
                continue
            for t in span:
                if t.pos_ == "VERB" and (
                    (t.tag_ == "VBN" and t.dep_ not in ("amod", "compound"))  # not "a protected computer"
                    or any(ch.lower_ == "to" and ch.dep_ == "aux" for ch in t.children)
                ):
                    return True
        return False

    def _has_finite(self, parts: list[tuple[int, int]]) -> bool:
        for a, b in parts:
            span = self.doc.char_span(a, b, alignment_mode="expand")
            if span is not None and any(
                (t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm", [])) or t.tag_ == "MD"
                for t in span
            ):
                return True
        return False

    def _speech_cue(self, c: Candidate) -> bool:
        """A cue of saying: every rule's, a learned relation's when its lemma is a verb or noun of
        saying of the lexicon (not a belief, an evidence verb or an event)."""
        lex = self.lex
        if c.lemma in lex.belief_cues:
            return False  # "Police believe …": a belief, not speech
        if c.rule != "learned":
            return True
        return self._saying(c.lemma)

    def _has_clause(self, parts: list[tuple[int, int]]) -> bool:
        """The content holds a finite verb or a to-infinitive (not only a noun phrase)."""
        for a, b in parts:
            span = self.doc.char_span(a, b, alignment_mode="expand")
            if span is None:
                continue
            for t in span:
                if t.pos_ in ("VERB", "AUX") and (
                    "Fin" in t.morph.get("VerbForm", [])
                    or any(ch.lower_ == "to" and ch.dep_ == "aux" for ch in t.children)
                ):
                    return True
        return False

    def _speaker_state(self, head: Token, res: Resolved) -> str:
        """How the speaker was found: named, described, resolved (through an antecedent) or
        unresolved (a pronoun or description left without a name; generic *you*)."""
        if head.lower_ == "you":
            return "unresolved"  # "You could say …": no one in particular
        if res.antecedent is not None or (head.lower_ in self.lex.pronouns and res.name is not None):
            return "resolved"
        if res.entity is not None or head.pos_ == "PROPN":
            return "named"
        if res.name is None:
            return "unresolved"
        return "described"

    def _speaker(self, a: int, b: int, res: Resolved) -> Speaker:
        sp = Speaker(text=self.text[a:b], start=a, end=b, anonymous=res.anonymous, kind=res.kind)
        if res.entity is not None:
            sp.name, sp.entity = res.entity.name, res.entity.id
        else:
            sp.name = res.name
        if res.link_span != (a, b):
            sp.ref_start, sp.ref_end = res.link_span
        return sp

    def _mode(self, parts: list[tuple[int, int]]) -> tuple[str, list[tuple[int, int]]]:
        """direct when every part is a quotation (content then excludes the marks), mixed when
        quotations are part of a paraphrase, indirect otherwise."""
        quoted = 0
        inners: list[tuple[int, int]] = []
        any_quote = False
        for a, b in parts:
            qs = self.quotes.within(a, b)
            any_quote = any_quote or bool(qs)
            if len(qs) == 1 and qs[0].start <= a + 1 and qs[0].end >= b - 1:
                quoted += 1
                inners.append(trim_span(self.text, max(qs[0].inner_start, a), min(qs[0].inner_end, b)))
            elif not qs and (single := self._single_quoted(a, b)) is not None:
                quoted += 1  # "'We are ready for talks,' the spokesman said": a quotation too
                inners.append(single)
        if quoted == len(parts):
            return "direct", [s for s in inners if s[1] > s[0]] or parts
        return ("mixed" if any_quote else "indirect"), parts

    def _quoted_by(self, c: Candidate, parts: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """*…, as quoted by Xinhua* / *as reported by the Kathmandu Post* closing the content (or
        right after it, in its sentence): the outlet relays the statement; the phrase leaves the
        content."""
        a, b = parts[-1]
        end = max(b, min(c.sent_end, b + 80))
        m = _QUOTED_BY.search(self.text, a, end)
        if m is None or m.start() < a:
            return parts
        span = self.doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
        if span is None or not len(span):
            return parts
        c.via = [Mention(span.root, (m.start(1), m.end(1)), (m.start(1), m.end(1)))]
        if m.start() < b:
            cut = trim_span(self.text, a, m.start())
            parts = [*parts[:-1], cut] if cut[1] > cut[0] else parts[:-1]
        return parts

    def _single_quoted(self, a: int, b: int) -> tuple[int, int] | None:
        """A part set in single quotation marks (British style, *'We are ready,' he said*): the
        mark opens the part at a word start and a closing mark ends it or follows it after a comma
        or full stop. The quotation scanner leaves single marks alone (apostrophes)."""
        t = self.text
        a, b = trim_span(t, a, b)
        if b - a < 3 or t[a] not in "'‘" or (a > 0 and t[a - 1].isalnum()):
            return None
        if t[b - 1] in "'’" and b - 2 > a:
            inner = (a + 1, b - 1)
        elif t[b : b + 2] in _SINGLE_CLOSERS or (b < len(t) and t[b] in "'’"):
            inner = (a + 1, b)
        else:
            return None
        body = t[inner[0] : inner[1]]
        if any(ch in body for ch in "'‘’") and not re.search(r"\w['’]\w", body):
            return None  # more marks than apostrophes: not one quotation
        return trim_span(t, *inner)

    def _act(self, c: Candidate, parts: list[tuple[int, int]], mode: str, speaker: Speaker | None) -> str:
        """docs/acts.md: the cue's act, turned by its object, a negation, a directive content and
        the content's own act (:mod:`.act_rules`)."""
        act = c.act
        if self._negated(c):
            # "did not directly call for new sanctions", "never promised": the act was not done;
            # a negated confirm / deny is the other (rules.py _clause_act)
            # "did not expect": a negative expectation (neg-raising), still a prediction
            kept = act in ("claim", "deny", "confirm") or c.lemma in act_lexicon().neg_raising
            return act if kept else "claim"
        if c.cue_tok is not None:
            act = object_act(c.cue_tok, c.lemma, act, self.lex)
        if act in ("claim", "question") and c.lemma in self.lex.directive_cues and self._directive(parts):
            return "demand"  # "told X to …", "wants the sanctions lifted"
        if (
            act in ("claim", "announce")
            and mode in ("direct", "mixed")
            and (
                self._imperative(parts)
                or any(rx.search(self.text, a, b) for a, b in parts for rx in self.lex.demand_patterns)
            )
        ):
            return "demand"
        if (
            act == "claim"
            and mode == "direct"
            and self.text[parts[-1][0] : parts[-1][1]].rstrip("”\"' ").endswith("?")
        ):
            return "question"
        if c.cue is not None and not self._speech_cue(c):
            return act  # a belief or an evidence verb: its content says nothing of an act
        return ContentActs(self.doc, self.lex).act(act, c.cue_tok, parts, mode, speaker)

    def _imperative(self, parts: list[tuple[int, int]]) -> bool:
        """A quoted sentence that opens with a bare verb and has no subject ("MAKE THE DEAL")."""
        doc = self.doc
        for a, b in parts:
            span = doc.char_span(a, b, alignment_mode="expand")
            if span is None:
                continue
            first = True
            for tok in span:
                if tok.is_punct or tok.is_space:
                    continue
                if first or tok.is_sent_start:
                    low = tok.lower_
                    if (
                        (tok.tag_ == "VB" or (tok.is_upper and low in _IMPERATIVE_CAPS))
                        and not any(ch.dep_ in ("nsubj", "nsubjpass") for ch in tok.children)
                        and low not in ("be", "have", "do")
                    ):
                        return True
                first = False
        return False

    def _outside(self, c: Candidate, parts: list[tuple[int, int]]) -> tuple[int, int]:
        anchor = c.cue or (c.speaker.span if c.speaker else None) or parts[0]
        return max(c.sent_start, anchor[0] - _CONTEXT), min(c.sent_end, anchor[1] + _CONTEXT)

    def _hedged(self, c: Candidate, parts: list[tuple[int, int]]) -> bool:
        a, b = self._outside(c, parts)
        span = self.doc.char_span(a, b, alignment_mode="contract")
        if span is None:
            return False
        for tok in span:
            if tok.lower_ in self.lex.hedge_words and not any(p[0] <= tok.idx < p[1] for p in parts):
                return True
        return False

    def _platform(self, c: Candidate, parts: list[tuple[int, int]]) -> str | None:
        a, b = self._outside(c, parts)
        region = list(self.text[a:b])
        for pa, pb in parts:
            for i in range(max(pa, a), min(pb, b)):
                region[i - a] = " "
        s = "".join(region)
        best: tuple[int, str] | None = None
        for name, rx in self.lex.platforms:
            m = rx.search(s)
            if m is not None and (best is None or m.start() < best[0]):
                best = (m.start(), name)
        if best is None and c.lemma == "tweet":
            return "X"
        return best[1] if best else None

    def _in_content(self, a: int, b: int) -> bool:
        """Whether ``[a, b)`` lies in the content of any statement (bounded look-back)."""
        k = bisect_right(self.claimed_starts, a) - 1
        for j in range(k, max(-1, k - 6), -1):
            pa, pb = self.claimed[j]
            if pa <= a and b <= pb:
                return True
        return False

    def _governs(self, c: Candidate, t: Timex) -> bool:
        """The time expression modifies the cue's clause ("confirmed on Saturday that"), or frames
        the whole sentence from its start ("On Sunday, he reiterated …")."""
        if t.start - c.sent_start <= 12:
            return True
        if c.cue_tok is None:
            return False
        span = self.doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is None or not len(span):
            return False
        cue = c.cue_tok
        governors = {cue.i}
        g = cue
        for _ in range(4):  # the cue and the verbs it hangs off ("…, adding that")
            if g.head.i == g.i:
                break
            g = g.head
            governors.add(g.i)
        node = span.root
        for _ in range(8):
            if node.i in governors:
                return True
            if node.head.i == node.i or (node.pos_ in ("VERB", "AUX") and node.i != span.root.i):
                break  # another clause's time ("as delegations convened on Sunday")
            node = node.head
        return False

    def _said_on(self, c: Candidate, parts: list[tuple[int, int]], speaker: Speaker | None) -> SaidOn | None:
        a, b = c.sent_start, c.sent_end
        k = bisect_right(self.timex_starts, a - 1)
        anchor = (c.cue or parts[0])[0]
        best: Timex | None = None
        while k < len(self.timexes) and self.timexes[k].start < b:
            t = self.timexes[k]
            k += 1
            if c.said_at is not None and (t.start, t.end) == c.said_at:
                best = t
                break
            if any(t.start < pb and pa < t.end for pa, pb in parts) or self._in_content(t.start, t.end):
                continue
            if speaker is not None and t.start < speaker.end and speaker.start < t.end:
                continue
            if not self._governs(c, t) or not self._attributable(t.start):
                continue
            if best is None or abs(t.start - anchor) < abs(best.start - anchor):
                best = t
        if best is None or best.value is None:
            return None
        if self.published is not None and best.value[:10] > self.published.isoformat():
            return None  # said after the article was published: a misread date, not when it was said
        return SaidOn(value=best.value[:10], text=best.text, start=best.start, end=best.end)

    # ---- embedded posts -------------------------------------------------------------------------
    def _embeds(self) -> list[Statement]:
        out: list[Statement] = []
        for seg in self.segments.segs:
            if seg.kind != "embed":
                continue
            st = self._embed(seg)
            if st is not None:
                out.append(st)
        return out

    def _embed(self, seg: Segment) -> Statement | None:
        text = self.text
        body = text[seg.start : seg.end]
        sigs = list(_EMBED_SIG.finditer(body))
        m = sigs[-1] if sigs else None  # the post's author line closes the embed
        end = seg.start + m.start() if m is not None else seg.end
        a, b = trim_span(text, seg.start, end)
        # drop a trailing link ("… https://t.co/x", "pic.twitter.com/x")
        link = re.search(r"\s*(?:https?://\S+|pic\.twitter\.com/\S+)\s*$", text[a:b])
        if link is not None:
            a, b = trim_span(text, a, a + link.start())
        if b <= a:
            return None
        content = Content(text=text[a:b], start=a, end=b)
        speaker = None
        said_on = None
        platform = None
        if m is not None:
            name = m.group("name")
            na = seg.start + m.start("name")
            # "Benjamin Netanyahu – בנימין נתניהו": the Latin-script name before a dash
            cut = re.split(r"\s+[–—-]\s+", name, maxsplit=1)[0]
            nb = na + len(cut.rstrip())
            speaker = Speaker(text=text[na:nb], start=na, end=nb, kind="person")
            ent = self.entities.link(na, nb)
            if ent is not None:
                speaker.name, speaker.entity = ent.name, ent.id
                speaker.kind = {"ORG": "organization", "OUTLET": "outlet"}.get(ent.type, "person")
            platform = "X"
            da = seg.start + m.start("date")
            dtext = m.group("date")
            value = _parse_date(dtext)
            if value is not None:
                said_on = SaidOn(value=value, text=dtext, start=da, end=da + len(dtext))
        if re.search(r"instagram\.com", body, re.I):
            platform = "Instagram"
        elif re.search(r"facebook\.com", body, re.I):
            platform = "Facebook"
        parts = [(a, b)]
        act = "praise" if re.match(r"\W*(thank|thanks|congratulations)\b", content.text, re.I) else "claim"
        if act == "claim" and self._imperative(parts):
            act = "demand"
        return Statement(
            id="",
            content=content,
            speaker=speaker,
            cue=None,
            mode="direct",
            act=act,
            platform=platform,
            said_on=said_on,
            segment="embed",
        )


def _subtract(text: str, parts: list[tuple[int, int]], hole: tuple[int, int]) -> list[tuple[int, int]]:
    """``parts`` without ``hole`` (trimmed pieces, empty ones dropped)."""
    out: list[tuple[int, int]] = []
    for a, b in parts:
        if hole[1] <= a or b <= hole[0]:
            out.append((a, b))
            continue
        for x, y in ((a, hole[0]), (hole[1], b)):
            x, y = trim_span(text, x, y)
            if y > x:
                out.append((x, y))
    return out


def _parse_date(s: str) -> str | None:
    m = re.match(r"([A-Za-z]+)\.? (\d{1,2}), (\d{4})", s)
    if m is None:
        return None
    month = _MONTHS.get(m.group(1)[:3].lower())
    if month is None:
        return None
    try:
        return date(int(m.group(3)), month, int(m.group(2))).isoformat()
    except ValueError:
        return None
