"""Active filters as removable chips, and URLs of a view (the URL is the state of every list page)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlencode

# how a chip names each filter parameter
FILTER_LABELS = {
    "q": "words",
    "speaker": "speaker",
    "via": "relayed by",
    "act": "act",
    "mode": "mode",
    "anonymous": "anonymous",
    "hedged": "hedged",
    "platform": "platform",
    "segment": "in",
    "outlet": "outlet",
    "story": "story",
    "since": "from",
    "until": "to",
    "min_confidence": "confidence ≥",
    "type": "type",
}
# parameters that place a view (or order it) rather than select what it shows
POSITION = ("sort", "cursor", "page", "per_page")


def url(base: str, params: Mapping[str, str]) -> str:
    """``base`` with ``params`` as its query string (none: ``base`` alone)."""
    return f"{base}?{urlencode(params)}" if params else base


@dataclass(frozen=True, slots=True)
class Chip:
    """An active filter shown above the results; ``href`` is the same view without it."""

    name: str
    label: str
    value: str
    href: str


def chips(base: str, params: Mapping[str, str], names: Mapping[str, str] | None = None) -> list[Chip]:
    """One removable chip per active filter (the words too), in the order of ``params``.

    ``names`` maps ``"speaker:12"`` to the label shown for an entity id. Removing a chip also drops
    the page / cursor (the position belongs to the view it was in) but keeps the sort.
    """
    shown = names or {}
    out = []
    for name, value in params.items():
        if name in POSITION:
            continue
        rest = {k: v for k, v in params.items() if k != name and k not in ("cursor", "page")}
        out.append(
            Chip(name, FILTER_LABELS.get(name, name), shown.get(f"{name}:{value}", value), url(base, rest))
        )
    return out
