"""JSON from untrusted input, with a nesting-depth bound checked before parsing.

:func:`json.loads` recurses once per nesting level and raises ``RecursionError`` near Python's
recursion limit (about 1,000 levels), and ``ValueError`` (not a ``JSONDecodeError``) for an integer
of over 4,300 digits. :func:`loads_bounded` measures the depth first, without recursion: JSON
strings are cut out with one regular expression, then the running bracket count is taken in C
(``itertools.accumulate``), so a 100,000-level line costs about 45 ms; a line with no more opening
brackets than the bound (most articles) skips the scan. Whatever it refuses comes
back as :class:`JSONInputError`, which the readers turn into their coded error (``E_JSONL``,
``E_SIDECAR``).
"""

from __future__ import annotations

import json
import re
from itertools import accumulate
from typing import Any

# no record we read needs more: a JSONL article or a sidecar is a flat object of strings
MAX_DEPTH = 64
_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.S)
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")
_STEP = {"[": 1, "{": 1, "]": -1, "}": -1}


class JSONInputError(ValueError):
    """The input is not JSON we accept (malformed, too deeply nested, or a number too long)."""


def nesting_depth(raw: str) -> int:
    """An upper bound on the bracket nesting depth :func:`json.loads` would reach on ``raw``.

    Exact for valid JSON. On invalid JSON it may over-count (text after an unterminated string is
    scanned as if outside strings), never under-count up to the point where parsing would fail.
    """
    brackets = _NOT_BRACKET.sub("", _STRING.sub("", raw))
    return max(accumulate(map(_STEP.__getitem__, brackets)), default=0)


def loads_bounded(raw: str, max_depth: int = MAX_DEPTH) -> Any:
    """``json.loads(raw)``, or :class:`JSONInputError` with a one-line reason; never recurses deeply."""
    # fewer opening brackets than the bound (anywhere, even in strings): it cannot nest deeper
    opening = raw.count("[") + raw.count("{")
    if opening > max_depth and nesting_depth(raw) > max_depth:
        raise JSONInputError(f"nested more than {max_depth} levels deep")
    try:
        return json.loads(raw)
    except json.JSONDecodeError as exc:
        raise JSONInputError(f"malformed JSON: {exc.msg} at column {exc.colno}") from exc
    except RecursionError as exc:  # not reached after the depth check; kept as a last guard
        raise JSONInputError("nested too deeply") from exc
    except ValueError as exc:  # an integer of over 4,300 digits (sys.get_int_max_str_digits())
        raise JSONInputError(f"unreadable JSON value: {str(exc).split(':')[0]}") from exc
