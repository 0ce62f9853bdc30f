"""Grammatical gender of pronouns and people, so that "he" never resolves to a woman named earlier.

The evidence is data (``saidwhat/data/gender.toml``): pronouns, gendered titles and role nouns
("Mrs.", "Congresswoman", "spokesman"), and common first names. A person whose gender none of it
shows is ``None`` (unknown), and unknown never blocks a link: the check only forbids.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from saidwhat.model import Entity

MALE, FEMALE = "male", "female"


@dataclass(frozen=True, slots=True)
class GenderLexicon:
    pronouns: dict[str, str]
    titles: dict[str, str]
    first_names: dict[str, str]

    def of_pronoun(self, word: str) -> str | None:
        return self.pronouns.get(word.lower())

    def of_words(self, text: str) -> str | None:
        """The gender the title and role words of ``text`` show, if they agree."""
        words = text.lower().replace(",", " ").split()
        padded = " " + " ".join(words) + " "
        found = {self.titles[w] for w in words if w in self.titles}
        # two-word titles as whole words ("crown prince" is not in "crown princess")
        found |= {g for t, g in self.titles.items() if " " in t and f" {t} " in padded}
        return found.pop() if len(found) == 1 else None

    def of_name(self, name: str) -> str | None:
        """The gender of a full name's first name ("Elizabeth Warren"; not a lone "Warren")."""
        words = name.replace(".", ". ").split()
        if len(words) < 2:
            return None
        return self.first_names.get(words[0].lower())

    def of_entity(self, entity: Entity, text: str) -> str | None:
        """A person's gender from the title stripped off their name, the word just before each of
        their mentions in ``text`` ("Mrs. Clinton", "Congresswoman Lee") and their first name;
        ``None`` if unknown or contradictory."""
        if entity.type != "PERSON":
            return None
        found: set[str] = set()
        for g in (self.of_words(entity.attributes.get("title", "")), self.of_name(entity.name)):
            if g is not None:
                found.add(g)
        for m in entity.mentions:
            before = text[max(0, m.start - 20) : m.start].split()
            g = self.of_words(" ".join(before[-1:]) + " " + text[m.start : m.end])
            if g is not None:
                found.add(g)
        return found.pop() if len(found) == 1 else None


def _table(section: dict[str, list[str]]) -> dict[str, str]:
    return {w.lower(): g for g in (MALE, FEMALE) for w in section.get(g, [])}


@lru_cache(maxsize=1)
def gender_lexicon() -> GenderLexicon:
    with resources.files("saidwhat").joinpath("data", "gender.toml").open("rb") as fh:
        data = tomllib.load(fh)
    return GenderLexicon(
        pronouns=_table(data["pronouns"]),
        titles=_table(data["titles"]),
        first_names=_table(data["first_names"]),
    )
