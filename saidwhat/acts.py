"""The registry of speech acts (``statement.act``), read from ``saidwhat/data/acts.toml``.

Every act has a name, a label, a colour and a description. The cue lexicon is checked against it
(:func:`check_cue_lexicon`: an act that is not registered is an ``E_LEXICON`` error naming the file
and the key), the charts take their colours from it, and the act rules of the web stylesheet are
generated from it (``python -m saidwhat.acts css``; a test keeps ``style.css`` in step).
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from functools import cache

from saidwhat.errors import SaidwhatError
from saidwhat.schema import Schema, check, data_path, read_toml

ACTS_FILE = "acts.toml"
CUES_FILE = "cues.toml"
_COLOUR = re.compile(r"^#[0-9a-f]{6}$")
_ACT = Schema(
    tables={"label": str, "colour": str, "description": str, "background": str},
    required=("label", "colour", "description"),
)
# the tables of cues.toml that map a cue to its act
CUE_ACT_TABLES = ("verbs", "nouns", "phrasal", "express_objects", "rejected_objects")


@dataclass(frozen=True, slots=True)
class SpeechAct:
    name: str
    label: str
    colour: str
    description: str
    background: str  # for badges with white text


@cache
def acts() -> dict[str, SpeechAct]:
    """The registered speech acts, in the file's order."""
    where = data_path(ACTS_FILE)
    data = read_toml(ACTS_FILE)
    check(data, Schema(any_key=_ACT), where)
    out: dict[str, SpeechAct] = {}
    for name, entry in data.items():
        background = entry.get("background", entry["colour"])
        for key, colour in (("colour", entry["colour"]), ("background", background)):
            if not _COLOUR.match(colour):
                raise SaidwhatError("E_LEXICON", f"{name}.{key} must be #rrggbb, not {colour!r}", where)
        out[name] = SpeechAct(name, entry["label"], entry["colour"], entry["description"], background)
    if "claim" not in out:
        raise SaidwhatError("E_LEXICON", "claim (the default act) is missing", where)
    return out


def check_cue_lexicon() -> None:
    """Every act ``cues.toml`` gives a cue is registered (``E_LEXICON`` naming the key otherwise)."""
    known = acts()
    cues = read_toml(CUES_FILE)
    for table in CUE_ACT_TABLES:
        for cue, act in cues.get(table, {}).items():
            if act not in known:
                raise SaidwhatError(
                    "E_LEXICON",
                    f"{table}.{cue!r} has the act {act!r}, which is not in {data_path(ACTS_FILE)} "
                    f"(known: {', '.join(known)})",
                    data_path(CUES_FILE),
                )


def css() -> str:
    """The act rules of the stylesheet: a background and a left border per act."""
    return "".join(
        f".act-{a.name} {{ background: {a.background}; }} "
        f".act-border-{a.name} {{ border-left-color: {a.colour}; }}\n"
        for a in acts().values()
    )


if __name__ == "__main__":  # python -m saidwhat.acts css
    if sys.argv[1:] == ["css"]:
        sys.stdout.write(css())
    else:
        sys.exit("usage: python -m saidwhat.acts css")
