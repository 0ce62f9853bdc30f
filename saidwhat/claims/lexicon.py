"""The claims lexicon (``saidwhat/data/claims.toml``), schema-checked at load.

Every table and key of the file is checked for presence and type; an unknown key is an error too,
so a typo in the data fails loudly instead of silently switching a rule off.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources
from typing import Any


class LexiconError(ValueError):
    """``claims.toml`` does not follow its schema."""


@dataclass(frozen=True)
class Thing:
    name: str
    label: str
    heads: frozenset[str]
    predicates: tuple[str, ...]
    states: str
    default_state: str
    modifiers: frozenset[str]
    # "modifier head" phrases that count this thing although the head is another thing's ("fatal case")
    compounds: frozenset[str] = frozenset()
    # whether a source's country is where the counted things are when nothing else places them: the
    # figures of a national authority are its own country's, but captives are held by the other side
    speaker_place: bool = True


@dataclass(frozen=True)
class Settings:
    window_words: int
    contradiction_days: int
    assertion_similarity: float
    followup_similarity: float
    issue_merge_jaccard: float
    story_disease_share: float


@dataclass(frozen=True)
class Gifts:
    """`[gifts]`: the words by which an amount of money that names no money thing is one given, raised
    or asked for, and so measures ``thing``."""

    thing: str
    verbs: frozenset[str]  # verbs of giving or raising whose object the amount is
    passives: tuple[str, ...]  # their participles after the amount ("$360m has been pledged")
    nouns: frozenset[str]  # the amount's own noun, singular ("a £6m contribution")
    asked: tuple[str, ...]  # "an appeal for $562m"
    reached: frozenset[str]  # verbs whose subject, a total of gifts, the amount is the value of
    buys: frozenset[str]  # verbs after a gift's noun that make its amount a price ("a £25 donation buys")
    asked_state: str  # the state of the amount asked for (`[states.money]`)
    intents: frozenset[str]  # verbs of wishing: "hoped to raise £500" is a target
    between: frozenset[str]  # words between such a verb and the amount
    launches: frozenset[str]  # verbs whose object is an appeal or a gift ("launched an appeal for $562m")
    collectors: frozenset[str]  # nouns of what collects gifts ("appeal", "telethon")
    bodies: frozenset[str]  # nouns of a body whose name is written before them ("the Yele Haiti foundation")
    governments: frozenset[str]  # heads of a subject that act for their modifier's country ("government")
    offices: tuple[str, ...]  # titles of those who give as their country ("Prime Minister")
    home_governments: frozenset[str]  # "the government" that no modifier names: of the amount's currency
    home_currencies: dict[str, str]  # a currency of one country -> that country ("GBP" -> "United Kingdom")
    spokespeople: frozenset[str]  # titles of those who speak for the body their title names
    heads: frozenset[str]  # words of a title whose holder acts for the organisation named before it
    acts_for: dict[str, str]  # a department or agency -> the country or union it gives as ("DFID")


@dataclass(frozen=True)
class ClaimsLexicon:
    settings: Settings
    things: dict[str, Thing]
    states: dict[str, dict[str, tuple[str, ...]]]  # family -> state -> words
    money_families: frozenset[str]  # state families of things measured in money
    aspects: dict[str, tuple[str, ...]]
    estimate_words: tuple[str, ...]  # a form of *estimate*: the count is an estimate, no value
    groups: frozenset[str]  # victims' groups that are a measure of their own ("soldier deaths")
    group_names: dict[str, str]  # a group's other words -> its name ("troop" -> "soldier")
    forces: frozenset[str]  # the groups whose counts with no verb of harm are a force's strength
    deployed: tuple[str, ...]  # the words that deploy a force ("sent", "stationed")
    lives_thing: str  # what lives counted with a verb of loss count ("claimed 45 lives": deaths)
    lives_loss: frozenset[str]  # the verbs of loss
    victims_claimed: frozenset[str]  # the verbs by which victims are lives lost ("claimed 103 victims")
    gifts: Gifts  # amounts given, raised or asked for: the money thing they measure (`[gifts]`)
    incident_things: frozenset[str]  # things whose count may be one incident's toll ("attack deaths")
    incident_types: dict[str, tuple[str, ...]]  # incident type -> the words that name it
    incident_spans: tuple[str, ...]  # words of a span of time: the count is no single incident's
    possible_past: frozenset[str]  # "200,000 people may have died": an estimate
    # "with another 169 under investigation": people tested are no count of cases
    under_test: tuple[str, ...]
    hedges: frozenset[str]  # verbs of belief that hedge a count's own predicate ("are thought to be")
    world_words: tuple[str, ...]
    diseases: dict[str, tuple[str, ...]]  # disease -> the words that name it
    other_causes: tuple[str, ...]
    agents: frozenset[str]  # nouns naming a disease as a whole ("the virus has killed 80")
    wholes: frozenset[str]  # nouns naming the outbreak as a whole ("a possible pandemic")
    yearly_disease: str  # the disease of a yearly count of a generic name ("influenza ... a year")
    yearly_names: tuple[str, ...]
    yearly_words: tuple[str, ...]
    world_counts: frozenset[str]
    events: tuple[str, ...]  # located events: a count of one is about where the article writes it
    countries: frozenset[str]  # the world's countries
    global_sources: frozenset[str]
    right_only: frozenset[str]
    persons: frozenset[str]
    place_aliases: dict[str, str]
    national_bodies: dict[str, str]  # lowercased name of a national body -> its country
    offices: frozenset[str]  # words of a national office in a speaker's description ("health ministry")
    regions: dict[str, str]  # a first-level region's name ("Texas", "Ontario") -> its country
    capitals: dict[str, str]  # a capital's name ("New Delhi") -> its country
    # a constituent country's name ("England") -> the state it is part of ("United Kingdom"): counted
    # apart from that state, but an increment there adds to its total (quantity._increment_of_total)
    constituents: dict[str, str]
    # each name of a region's people, lowercased as written, singular and plural ("victorian",
    # "victorians") -> the region ("Victoria"): `[places.demonyms]`
    region_demonyms: dict[str, str]
    boundaries: tuple[str, ...]
    at_least: tuple[str, ...]
    at_most: tuple[str, ...]
    about: tuple[str, ...]
    about_width: float
    negation: frozenset[str]
    rebuttal: tuple[str, ...]  # words that make a negated content a denial of another's claim
    pronouns: frozenset[str]
    act_stances: dict[str, str]
    cue_stances: dict[str, str]
    wishes: frozenset[str]  # cue lemmas of wishing: "wants to V" is no demand
    gratitude: frozenset[str]  # cue lemmas of thanking: no stance on an issue
    nominal_after: dict[str, str]
    nominal_before: dict[str, str]
    verb_forms: dict[str, tuple[str, str]]  # inflected verb phrase -> (stance, object kind)
    actor_nouns: frozenset[str]
    issues: dict[str, tuple[re.Pattern[str], ...]]
    promise_acts: frozenset[str]
    future_words: tuple[str, ...]
    reported_acts: frozenset[str]  # acts that commit only with a future word ("announced it will ...")
    ongoing_words: tuple[str, ...]  # a commitment under way ("is sending 4,000 troops"): as a future word
    possible_words: tuple[str, ...]  # a possible future ("may", "imminent"): a future word of reported acts
    question_words: frozenset[str]  # a content beginning with one is an indirect question: no promise
    within_words: tuple[str, ...]
    by_words: tuple[str, ...]
    grace_days: int

    @cached_property
    def modifier_words(self) -> frozenset[str]:
        """Every word that may modify a counted noun: the things' modifiers, the states' and the
        aspects' words ("suspected swine flu cases", "new confirmed deaths")."""
        out = {w for t in self.things.values() for w in t.modifiers}
        out |= {w for fam in self.states.values() for ws in fam.values() for w in ws}
        out |= {w for ws in self.aspects.values() for w in ws}
        return frozenset(out | set(self.estimate_words))

    @cached_property
    def disease_phrases(self) -> tuple[tuple[str, ...], ...]:
        """The words of every name of a disease (`[diseases.names]`), longest first."""
        return _longest_first(n for ns in self.diseases.values() for n in ns)

    @cached_property
    def pathogen_names(self) -> tuple[str, ...]:
        """The names of :attr:`pathogen_phrases`, as written (what ``_has`` reads)."""
        return tuple(" ".join(n) for n in self.pathogen_phrases)

    @cached_property
    def pathogen_phrases(self) -> tuple[tuple[str, ...], ...]:
        """The words of every name of a disease proper, not of a natural disaster (a disease of
        `[diseases.names]` none of whose names is a located event of `[places] events`): a pathogen
        is never what a number counts ("two more H1N1 ... deaths"), a disaster may be ("four
        hurricanes in 2008")."""
        events = set(self.events)
        return _longest_first(
            n
            for ns in self.diseases.values()
            if not any(n in events or n.rstrip("s") in events for n in ns)
            for n in ns
        )

    @cached_property
    def head_words(self) -> frozenset[str]:
        """Every counted noun of the things ("case", "death", "hostage")."""
        return frozenset(h for t in self.things.values() for h in t.heads)

    @cached_property
    def _things_by_head(self) -> dict[str, Thing]:
        out: dict[str, Thing] = {}
        for t in self.things.values():
            for h in t.heads:
                out.setdefault(h, t)
        return out

    def thing_of(self, head: str) -> Thing | None:
        """The thing whose counted noun ``head`` is (the first thing that has it), None for none."""
        return self._things_by_head.get(head)

    def whole_of(self, name: str) -> str | None:
        """The country a constituent country or a first-level region is part of (`[places.constituents]`,
        `[places.regions]`: England -> United Kingdom, Kansas -> United States), None for none."""
        return self.constituents.get(name) or self.regions.get(name)

    def local_country(self, name: str) -> str | None:
        """The country of a capital's or a first-level region's name (`[places.capitals]`,
        `[places.regions]`), None for none; a hyphenated name is also read with spaces ("Port-of-Spain")."""
        found = self.capitals.get(name) or self.regions.get(name)
        if found is None and "-" in name:
            spaced = name.replace("-", " ")
            found = self.capitals.get(spaced) or self.regions.get(spaced)
        return found

    @cached_property
    def known_countries(self) -> frozenset[str]:
        """Every country the knowledge base knows (its countries' and its demonyms' countries) and the
        place aliases' countries: read once, not for every count that asks."""
        # imported here: the entities package loads spaCy, which readers of stored facts must not need
        from saidwhat.entities.resources import load_knowledge

        kb = load_knowledge()
        return frozenset({*kb.countries.values(), *kb.demonyms.values(), *self.place_aliases.values()})

    @cached_property
    def country_forms(self) -> dict[str, str]:
        """The knowledge base's other written forms of the lexicon's countries ("USA", "Rep. of Korea",
        "Viet Nam") -> the country: read where NER took none of them as a place ("• USA – 4714 cases").
        Not a form of two letters ("US" is also *us* in a headline in capitals)."""
        from saidwhat.entities.resources import load_knowledge

        return {
            written: country
            for written, country in load_knowledge().country_forms.items()
            if written != country and len(written) > 2 and country in self.countries
        }

    @cached_property
    def country_names(self) -> frozenset[str]:
        """Every name of a country: the knowledge base's, the place aliases' and the lexicon's."""
        return self.known_countries | self.countries

    @cached_property
    def folded_region_names(self) -> frozenset[str]:
        """The names of several words of the first-level regions, folded ("british columbia"): a
        demonym that opens one is no nation (read once, not for every count's speaker)."""
        from saidwhat.entities.resources import fold  # here: see known_countries

        return frozenset(fold(r) for r in self.regions if " " in r)

    @cached_property
    def state_words(self) -> dict[str, frozenset[str]]:
        """Every word (or phrase) of every state of each family (`[states]`), read once: what marks a
        count as in some state of its thing's family."""
        return {
            family: frozenset(w for ws in states.values() for w in ws)
            for family, states in self.states.items()
        }

    @cached_property
    def local_places(self) -> frozenset[str]:
        """The names of the first-level regions and the capitals (`[places.regions]`,
        `[places.capitals]`)."""
        return frozenset({*self.regions, *self.capitals})


def _longest_first(names: Iterable[str]) -> tuple[tuple[str, ...], ...]:
    """The words of each name, once, longest first (a longer name is matched before its part)."""
    return tuple(sorted({tuple(n.split()) for n in names}, key=lambda ws: (-len(ws), ws)))


OBJECT_KINDS = frozenset({"to", "reason", "phrase"})


def inflections(verb: str) -> tuple[str, ...]:
    """The forms of a verb phrase whose first word is a regular English verb (urge -> urge, urges,
    urged, urging; "call for" -> "calls for", ...; criticise -> criticised; rely -> relies)."""
    head, *rest = verb.split()
    tail = "".join(f" {w}" for w in rest)
    if head.endswith("ee"):
        forms = [head, head + "s", head + "d", head + "ing"]
    elif head.endswith("e"):
        forms = [head, head + "s", head + "d", head[:-1] + "ing"]
    elif len(head) > 2 and head.endswith("y") and head[-2] not in "aeiou":
        forms = [head, head[:-1] + "ies", head[:-1] + "ied", head + "ing"]
    elif head.endswith(("s", "sh", "ch", "x", "z")):
        forms = [head, head + "es", head + "ed", head + "ing"]
    else:
        forms = [head, head + "s", head + "ed", head + "ing"]
    return tuple(f + tail for f in forms)


def _verbs(d: dict[str, Any], where: str) -> dict[str, tuple[str, str]]:
    out: dict[str, tuple[str, str]] = {}
    for k, v in d.items():
        w = f"{where}.{k}"
        if not isinstance(v, dict):
            raise LexiconError(f"{w}: expected a table")
        _only(v, {"stance", "object", "base"} if "base" in v else {"stance", "object"}, w)
        stance, obj = _str(v["stance"], f"{w}.stance"), _str(v["object"], f"{w}.object")
        base = v.get("base", True)
        if not isinstance(base, bool):
            raise LexiconError(f"{w}.base: expected true or false")
        if stance not in STANCES:
            raise LexiconError(f"{w}: unknown stance {stance!r}")
        if obj not in OBJECT_KINDS:
            raise LexiconError(f"{w}: unknown object kind {obj!r} (one of {sorted(OBJECT_KINDS)})")
        for n, form in enumerate(inflections(k.lower())):
            if n or base:
                out[form] = (stance, obj)
    return out


STANCES = frozenset(
    {"demands", "supports", "accepts", "rejects", "opposes", "denies", "proposes", "undecided"}
)


def _table(d: dict[str, Any], key: str, where: str, optional: bool = False) -> dict[str, Any]:
    v = d.get(key, {} if optional else None)
    if not isinstance(v, dict):
        raise LexiconError(f"{where}.{key}: expected a table")
    return v


def _words(v: object, where: str) -> tuple[str, ...]:
    return tuple(w.lower() for w in _names(v, where))


def _names(v: object, where: str) -> tuple[str, ...]:
    """A list of names, kept as written (entities carry them so)."""
    if not isinstance(v, list) or not all(isinstance(w, str) and w for w in v):
        raise LexiconError(f"{where}: expected a list of non-empty strings")
    return tuple(v)


def _region_demonyms(places: dict[str, Any]) -> dict[str, str]:
    """`[places.demonyms]`: each name of a region's people, lowercased as written (singular and plural),
    -> the region, which must be a region or a constituent country of the lexicon."""
    known = {
        name
        for key in ("regions", "constituents")
        for names in _table(places, key, "places", optional=True).values()
        for name in _names(names, f"places.{key}")
    }
    out: dict[str, str] = {}
    for region, names in _table(places, "demonyms", "places", optional=True).items():
        if region not in known:
            raise LexiconError(f"places.demonyms.{region}: no region or constituent country of the lexicon")
        for name in _names(names, f"places.demonyms.{region}"):
            out[name.lower()] = region
    return out


def _str(v: object, where: str) -> str:
    if not isinstance(v, str):
        raise LexiconError(f"{where}: expected a string")
    return v


def _bool(v: object, where: str) -> bool:
    if not isinstance(v, bool):
        raise LexiconError(f"{where}: expected true or false")
    return v


def _num(v: object, where: str) -> float:
    if isinstance(v, bool) or not isinstance(v, int | float):
        raise LexiconError(f"{where}: expected a number")
    return float(v)


def _only(d: dict[str, Any], keys: set[str], where: str, optional: frozenset[str] = frozenset()) -> None:
    extra = set(d) - keys - optional
    if extra:
        raise LexiconError(f"{where}: unknown key(s) {sorted(extra)}")
    missing = keys - set(d)
    if missing:
        raise LexiconError(f"{where}: missing key(s) {sorted(missing)}")


def _stance_map(d: dict[str, Any], where: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for k, v in d.items():
        s = _str(v, f"{where}.{k}")
        if s not in STANCES:
            raise LexiconError(f"{where}.{k}: unknown stance {s!r}")
        out[k.lower()] = s
    return out


def _named_virus(predicates: tuple[str, ...], names: tuple[str, ...]) -> tuple[str, ...]:
    """The predicates, and each one that names "the virus" again with a name of the virus between
    ("have the virus" -> "have the h1n1 virus", "have the swine flu virus")."""
    more = tuple(
        p.replace(" the virus", f" the {n} virus")
        for p in predicates
        if " the virus" in f" {p}"
        for n in names
    )
    return predicates + tuple(m for m in more if m not in predicates)


def _things(raw: dict[str, Any], families: dict[str, dict[str, tuple[str, ...]]]) -> dict[str, Thing]:
    things: dict[str, Thing] = {}
    for name, t in raw.items():
        where = f"things.{name}"
        if not isinstance(t, dict):
            raise LexiconError(f"{where}: expected a table")
        _only(
            t,
            {"label", "heads", "predicates", "states", "default_state", "modifiers"},
            where,
            optional=frozenset({"compounds", "speaker_place", "virus_names"}),
        )
        fam = _str(t["states"], f"{where}.states")
        if fam not in families:
            raise LexiconError(f"{where}.states: unknown state family {fam!r}")
        default = _str(t["default_state"], f"{where}.default_state")
        if default and default not in families[fam]:
            raise LexiconError(f"{where}.default_state: {default!r} is not a state of {fam!r}")
        things[name] = Thing(
            name=name,
            label=_str(t["label"], f"{where}.label"),
            heads=frozenset(_words(t["heads"], f"{where}.heads")),
            predicates=_named_virus(
                _words(t["predicates"], f"{where}.predicates"),
                _words(t.get("virus_names", []), f"{where}.virus_names"),
            ),
            states=fam,
            default_state=default,
            modifiers=frozenset(_words(t["modifiers"], f"{where}.modifiers")),
            compounds=frozenset(_words(t.get("compounds", []), f"{where}.compounds")),
            speaker_place=_bool(t.get("speaker_place", True), f"{where}.speaker_place"),
        )
    return things


def _gifts(gf: dict[str, Any], things: dict[str, Thing], families: dict[str, Any]) -> Gifts:
    _only(
        gf,
        {"thing", "verbs", "passives", "nouns", "asked", "reached", "buys", "asked_state", "intents"}
        | {"between", "launches", "collectors", "bodies", "governments", "offices"}
        | {"home_governments", "home_currencies", "spokespeople", "heads", "acts_for"},
        "gifts",
    )
    thing = _str(gf["thing"], "gifts.thing")
    if thing not in things:
        raise LexiconError(f"gifts.thing: unknown thing {thing!r}")
    asked_state = _str(gf["asked_state"], "gifts.asked_state")
    if asked_state not in families.get(things[thing].states, {}):
        raise LexiconError(f"gifts.asked_state: no state {asked_state!r} of {thing!r}")
    return Gifts(
        thing=thing,
        verbs=frozenset(_words(gf["verbs"], "gifts.verbs")),
        passives=_words(gf["passives"], "gifts.passives"),
        nouns=frozenset(_words(gf["nouns"], "gifts.nouns")),
        asked=_words(gf["asked"], "gifts.asked"),
        reached=frozenset(_words(gf["reached"], "gifts.reached")),
        buys=frozenset(_words(gf["buys"], "gifts.buys")),
        asked_state=asked_state,
        intents=frozenset(_words(gf["intents"], "gifts.intents")),
        between=frozenset(_words(gf["between"], "gifts.between")),
        launches=frozenset(_words(gf["launches"], "gifts.launches")),
        collectors=frozenset(_words(gf["collectors"], "gifts.collectors")),
        bodies=frozenset(_words(gf["bodies"], "gifts.bodies")),
        governments=frozenset(_words(gf["governments"], "gifts.governments")),
        offices=_words(gf["offices"], "gifts.offices"),
        home_governments=frozenset(_words(gf["home_governments"], "gifts.home_governments")),
        home_currencies=_currencies(_table(gf, "home_currencies", "gifts")),
        spokespeople=frozenset(_words(gf["spokespeople"], "gifts.spokespeople")),
        heads=frozenset(_words(gf["heads"], "gifts.heads")),
        acts_for=_names_map(_table(gf, "acts_for", "gifts"), "gifts.acts_for"),
    )


def _names_map(d: dict[str, Any], where: str) -> dict[str, str]:
    """A table of names -> names, kept as written."""
    for k, v in d.items():
        if not isinstance(v, str) or not v:
            raise LexiconError(f"{where}.{k}: expected a non-empty string")
    return dict(d)


def _currencies(d: dict[str, Any]) -> dict[str, str]:
    """`[gifts] home_currencies`: an ISO code of three capitals -> a country's name."""
    for code in d:
        if not re.fullmatch(r"[A-Z]{3}", code):
            raise LexiconError(f"gifts.home_currencies: {code!r} is no currency code")
    return _names_map(d, "gifts.home_currencies")


def parse_lexicon(data: dict[str, Any]) -> ClaimsLexicon:
    """Check ``data`` (the parsed TOML) against the schema and build the lexicon."""
    _only(
        data,
        {
            "settings",
            "things",
            "states",
            "aspects",
            "estimates",
            "groups",
            "lives",
            "gifts",
            "incidents",
            "places",
            "boundaries",
            "diseases",
            "intervals",
            "negation",
            "pronouns",
            "stances",
            "issues",
            "promises",
        },
        "claims.toml",
    )
    st = _table(data, "settings", "claims")
    _only(
        st,
        {
            "money_families",
            "window_words",
            "contradiction_days",
            "assertion_similarity",
            "followup_similarity",
            "issue_merge_jaccard",
            "story_disease_share",
        },
        "settings",
    )
    settings = Settings(
        window_words=int(_num(st["window_words"], "settings.window_words")),
        contradiction_days=int(_num(st["contradiction_days"], "settings.contradiction_days")),
        assertion_similarity=_num(st["assertion_similarity"], "settings.assertion_similarity"),
        followup_similarity=_num(st["followup_similarity"], "settings.followup_similarity"),
        issue_merge_jaccard=_num(st["issue_merge_jaccard"], "settings.issue_merge_jaccard"),
        story_disease_share=_num(st["story_disease_share"], "settings.story_disease_share"),
    )
    families: dict[str, dict[str, tuple[str, ...]]] = {}
    for fam, states in _table(data, "states", "claims").items():
        if not isinstance(states, dict):
            raise LexiconError(f"states.{fam}: expected a table")
        families[fam] = {s: _words(w, f"states.{fam}.{s}") for s, w in states.items()}
    things = _things(_table(data, "things", "claims"), families)
    unknown = set(_words(st["money_families"], "settings.money_families")) - set(families)
    if unknown:
        raise LexiconError(f"settings.money_families: unknown state families {sorted(unknown)}")
    aspects = {k: _words(v, f"aspects.{k}") for k, v in _table(data, "aspects", "claims").items()}
    est = _table(data, "estimates", "claims")
    gr = _table(data, "groups", "claims")
    _only(gr, {"words", "same", "forces", "deployed"}, "groups")
    group_names = {
        w: name
        for name, ws in _table(gr, "same", "groups", optional=True).items()
        for w in _words(ws, f"groups.same.{name}")
    }
    groups = frozenset({*_words(gr["words"], "groups.words"), *group_names, *group_names.values()})
    forces = frozenset(_words(gr.get("forces", []), "groups.forces"))
    if forces - groups:
        raise LexiconError(f"groups.forces: not groups {sorted(forces - groups)}")
    lv = _table(data, "lives", "claims")
    _only(lv, {"thing", "loss", "victims"}, "lives")
    lives_thing = _str(lv["thing"], "lives.thing")
    if lives_thing not in things:
        raise LexiconError(f"lives.thing: unknown thing {lives_thing!r}")
    gifts = _gifts(_table(data, "gifts", "claims"), things, families)
    inc = _table(data, "incidents", "claims")
    _only(inc, {"things", "spans", "types"}, "incidents")
    incident_things = frozenset(_words(inc["things"], "incidents.things"))
    if incident_things - set(things):
        raise LexiconError(f"incidents.things: unknown things {sorted(incident_things - set(things))}")
    incident_types = {
        k.lower(): _words(v, f"incidents.types.{k}") for k, v in _table(inc, "types", "incidents").items()
    }
    _only(est, {"words", "possible_past"}, "estimates", optional=frozenset({"under_test", "hedges"}))
    places = _table(data, "places", "claims")
    _only(
        places,
        {
            "world",
            "world_counts",
            "countries",
            "events",
            "global_sources",
            "aliases",
            "persons",
            "national_bodies",
            "offices",
        },
        "places",
        optional=frozenset({"regions", "capitals", "constituents", "demonyms"}),
    )
    aliases = _table(places, "aliases", "places")
    bodies = _table(places, "national_bodies", "places")
    iv = _table(data, "intervals", "claims")
    _only(iv, {"at_least", "at_most", "about", "about_width"}, "intervals")
    stances = _table(data, "stances", "claims")
    _only(stances, {"acts", "cues", "nominal", "verbs", "actor_nouns", "wishes", "gratitude"}, "stances")
    wishes = _table(stances, "wishes", "stances")
    _only(wishes, {"words"}, "stances.wishes")
    gratitude = _table(stances, "gratitude", "stances")
    _only(gratitude, {"words"}, "stances.gratitude")
    an = _table(stances, "actor_nouns", "stances")
    _only(an, {"words"}, "stances.actor_nouns")
    nominal = _table(stances, "nominal", "stances")
    _only(nominal, {"after", "before"}, "stances.nominal")
    issues: dict[str, tuple[re.Pattern[str], ...]] = {}
    for name, pats in _table(data, "issues", "claims").items():
        try:
            issues[name] = tuple(re.compile(p) for p in _words(pats, f"issues.{name}"))
        except re.error as e:
            raise LexiconError(f"issues.{name}: bad pattern: {e}") from e
    pr = _table(data, "promises", "claims")
    keys = {
        "acts",
        "future",
        "within",
        "by",
        "grace_days",
        "reported_acts",
        "ongoing",
        "possible",
        "questions",
    }
    _only(pr, keys, "promises")
    ds = _table(data, "diseases", "claims")
    _only(ds, {"names", "other", "agents", "wholes", "yearly"}, "diseases")
    diseases = {
        k.lower(): _words(v, f"diseases.names.{k}") for k, v in _table(ds, "names", "diseases").items()
    }
    yearly = _table(ds, "yearly", "diseases")
    _only(yearly, {"disease", "names", "words"}, "diseases.yearly")
    yearly_disease = _str(yearly["disease"], "diseases.yearly.disease").lower()
    if yearly_disease not in diseases:
        raise LexiconError(f"diseases.yearly.disease: unknown disease {yearly_disease!r}")
    bd = _table(data, "boundaries", "claims")
    _only(bd, {"words", "right_only"}, "boundaries")
    pn = _table(data, "pronouns", "claims")
    _only(pn, {"words"}, "pronouns")
    ng = _table(data, "negation", "claims")
    _only(ng, {"words", "rebuttal"}, "negation")
    return ClaimsLexicon(
        settings=settings,
        things=things,
        states=families,
        money_families=frozenset(_words(st["money_families"], "settings.money_families")),
        aspects=aspects,
        estimate_words=_words(est["words"], "estimates.words"),
        groups=groups,
        group_names=group_names,
        forces=forces,
        deployed=_words(gr.get("deployed", []), "groups.deployed"),
        lives_thing=lives_thing,
        lives_loss=frozenset(_words(lv["loss"], "lives.loss")),
        victims_claimed=frozenset(_words(lv["victims"], "lives.victims")),
        gifts=gifts,
        incident_things=incident_things,
        incident_types=incident_types,
        incident_spans=_words(inc["spans"], "incidents.spans"),
        possible_past=frozenset(_words(est["possible_past"], "estimates.possible_past")),
        under_test=_words(est.get("under_test", []), "estimates.under_test"),
        hedges=frozenset(_words(est.get("hedges", []), "estimates.hedges")),
        world_words=_words(places["world"], "places.world"),
        diseases=diseases,
        other_causes=_words(ds["other"], "diseases.other"),
        agents=frozenset(_words(ds["agents"], "diseases.agents")),
        wholes=frozenset(_words(ds["wholes"], "diseases.wholes")),
        yearly_disease=yearly_disease,
        yearly_names=_words(yearly["names"], "diseases.yearly.names"),
        yearly_words=_words(yearly["words"], "diseases.yearly.words"),
        world_counts=frozenset(_words(places["world_counts"], "places.world_counts")),
        events=_words(places["events"], "places.events"),
        countries=frozenset(_names(places["countries"], "places.countries")),
        global_sources=frozenset(_words(places["global_sources"], "places.global_sources")),
        right_only=frozenset(_words(bd["right_only"], "boundaries.right_only")),
        # a group of victims is a group of persons ("1,700 US troops have died")
        persons=frozenset(_words(places["persons"], "places.persons")) | groups,
        place_aliases={k: _str(v, f"places.aliases.{k}") for k, v in aliases.items()},
        national_bodies={k.lower(): _str(v, f"places.national_bodies.{k}") for k, v in bodies.items()},
        offices=frozenset(_words(places["offices"], "places.offices")),
        regions={
            region: country
            for country, names in _table(places, "regions", "places", optional=True).items()
            for region in _names(names, f"places.regions.{country}")
        },
        capitals={
            city: country
            for country, names in _table(places, "capitals", "places", optional=True).items()
            for city in _names(names, f"places.capitals.{country}")
        },
        constituents={
            part: state
            for state, names in _table(places, "constituents", "places", optional=True).items()
            for part in _names(names, f"places.constituents.{state}")
        },
        region_demonyms=_region_demonyms(places),
        boundaries=_words(bd["words"], "boundaries.words"),
        at_least=_words(iv["at_least"], "intervals.at_least"),
        at_most=_words(iv["at_most"], "intervals.at_most"),
        about=_words(iv["about"], "intervals.about"),
        about_width=_num(iv["about_width"], "intervals.about_width"),
        negation=frozenset(_words(ng["words"], "negation.words")),
        rebuttal=_words(ng["rebuttal"], "negation.rebuttal"),
        pronouns=frozenset(_words(pn["words"], "pronouns.words")),
        act_stances=_stance_map(_table(stances, "acts", "stances"), "stances.acts"),
        cue_stances=_stance_map(_table(stances, "cues", "stances"), "stances.cues"),
        wishes=frozenset(_words(wishes["words"], "stances.wishes.words")),
        gratitude=frozenset(_words(gratitude["words"], "stances.gratitude.words")),
        nominal_after=_stance_map(_table(nominal, "after", "stances.nominal"), "stances.nominal.after"),
        nominal_before=_stance_map(_table(nominal, "before", "stances.nominal"), "stances.nominal.before"),
        verb_forms=_verbs(_table(stances, "verbs", "stances"), "stances.verbs"),
        actor_nouns=frozenset(_words(an["words"], "stances.actor_nouns.words")),
        issues=issues,
        promise_acts=frozenset(_words(pr["acts"], "promises.acts")),
        future_words=_words(pr["future"], "promises.future"),
        reported_acts=frozenset(_words(pr["reported_acts"], "promises.reported_acts")),
        ongoing_words=_words(pr["ongoing"], "promises.ongoing"),
        possible_words=_words(pr["possible"], "promises.possible"),
        question_words=frozenset(_words(pr["questions"], "promises.questions")),
        within_words=_words(pr["within"], "promises.within"),
        by_words=_words(pr["by"], "promises.by"),
        grace_days=int(_num(pr["grace_days"], "promises.grace_days")),
    )


@lru_cache(maxsize=1)
def load_lexicon() -> ClaimsLexicon:
    """The packaged lexicon, loaded once."""
    raw = resources.files("saidwhat").joinpath("data", "claims.toml").read_text(encoding="utf-8")
    return parse_lexicon(tomllib.loads(raw))
