"""Symbols at the edges of a name: emoji, pictographs and the joiners and selectors that build them.

A speaker or entity mention is a name or a description; an emoji sequence next to it ("John Smith
🔥", "Donald J. Trump 🇺🇸", "the spokesman ✅") is decoration, never part of it. :func:`trim_symbols`
shrinks a span past such characters (and the spaces between them) at both ends; inside a span
nothing changes.
"""

from __future__ import annotations

import unicodedata

# symbols (So: emoji, pictographs, ™; Sk: skin-tone modifiers; Sm: math signs), format characters
# (Cf: zero-width joiner, bidi controls, flag tags), private-use and unassigned code points
_CATEGORIES = frozenset({"So", "Sk", "Sm", "Cf", "Co", "Cn"})
# marks that only ever dress an emoji: variation selectors and the combining keycap
_EMOJI_MARKS = frozenset({*range(0xFE00, 0xFE10), *range(0xE0100, 0xE01F0), 0x20E3})
_PRESENTATION = "\ufe0f"


def is_symbol(ch: str) -> bool:
    """An emoji / pictograph / symbol character, or a joiner or selector that belongs to one."""
    return ord(ch) in _EMOJI_MARKS or unicodedata.category(ch) in _CATEGORIES


def _emoji_base(text: str, i: int, end: int) -> bool:
    """``text[i]`` is shown as an emoji: U+FE0F (emoji presentation) follows it ("‼️", "1️⃣", "©️")."""
    return i + 1 < end and text[i + 1] == _PRESENTATION


def trim_symbols(text: str, a: int, b: int) -> tuple[int, int]:
    """``[a, b)`` shrunk past symbols and spaces at both ends (``a == b`` when nothing else is left)."""
    while a < b and (is_symbol(text[a]) or text[a].isspace() or _emoji_base(text, a, b)):
        a += 1
    while b > a and (is_symbol(text[b - 1]) or text[b - 1].isspace()):
        b -= 1
        if b > a and text[b] == _PRESENTATION:  # the selector's base goes with it: "An official ‼️"
            b -= 1
    return a, b
