"""Query parameters shared by the pages, with the schema (OpenAPI) that says what each accepts.

Every value a parameter's schema allows is answered (never a 422 for a schema-valid value): the
patterns below accept exactly the values the filters (:func:`saidwhat.filters.build_filter`) accept.
A value outside them is ``422 E_BAD_REQUEST`` with a sentence (``saidwhat.web.app.problem_sentence``).
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Query, Request

from saidwhat.acts import acts
from saidwhat.errors import CATALOGUE
from saidwhat.store.protocol import StoreProtocol

# YYYY, YYYY-MM or YYYY-MM-DD that is a real calendar date (empty: no filter): year 0001-9999, a real
# month, a day that month has, February 29 only in leap years (no lookarounds: pydantic's engine)
_YEAR = r"([1-9]\d{3}|0[1-9]\d\d|00[1-9]\d|000[1-9])"
_LEAP = r"(\d\d(0[48]|[2468][048]|[13579][26])|([2468][048]|[13579][26]|0[48])00)"
DATE_PATTERN = (
    rf"^({_YEAR}(-(0[1-9]|1[0-2]))?"
    rf"|{_YEAR}-((0[13578]|1[02])-(0[1-9]|[12]\d|3[01])|(0[469]|11)-(0[1-9]|[12]\d|30)|02-(0[1-9]|1\d|2[0-8]))"
    rf"|{_LEAP}-02-29)?$"
)
DateQ = Annotated[
    str | None,
    Query(pattern=DATE_PATTERN, max_length=10, description="YYYY, YYYY-MM or YYYY-MM-DD (inclusive)"),
]
ACT_NAMES = tuple(acts())
ActQ = Annotated[
    str | None,
    Query(
        pattern=f"^(?i:{'|'.join(ACT_NAMES)})?$",
        description=f"speech act (any case): {', '.join(ACT_NAMES)}",
    ),
]
ModeQ = Annotated[
    str | None, Query(pattern=r"^(direct|indirect|mixed)?$", description="direct, indirect or mixed")
]
# an HTML form sends a blank field for "any": so flags and numbers are strings here, blank allowed
ConfidenceQ = Annotated[
    str | None,
    Query(
        pattern=r"^(0?\.\d{1,6}|0|1|0\.|1\.0{0,6}|0\.\d{1,6})?$",
        description="only statements at least this confident: a number from 0 to 1",
    ),
]
FlagQ = Annotated[
    str | None,
    Query(pattern=r"^(?i:true|false|yes|no|on|off|1|0)?$", description="true or false"),
]


def flag(value: str | None) -> bool | None:
    """A :data:`FlagQ` value: True, False, or None for blank."""
    if value is None or not value.strip():
        return None
    return value.strip().lower() in ("true", "yes", "on", "1")


def confidence(value: str | None) -> float | None:
    """A :data:`ConfidenceQ` value as a number (None for blank)."""
    if value is None or not value.strip():
        return None
    return float(value)


def current_store(request: Request) -> StoreProtocol:
    """The store the app serves (a FastAPI dependency of every page)."""
    store: StoreProtocol = request.app.state.store
    return store


def page_errors(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI entries for the error answers of a page (the JSON error shape, or the HTML error page)."""
    out: dict[int | str, dict[str, Any]] = {}
    for status in statuses:
        codes = ", ".join(c for c, (st, _) in CATALOGUE.items() if st == status) or "E_BAD_REQUEST"
        out[status] = {"description": codes, "content": {"text/html": {"schema": {"type": "string"}}}}
    return out


PAGE_ERRORS = page_errors(404, 405, 422, 500)


def csv_answer(description: str = "one row per item") -> dict[int | str, dict[str, Any]]:
    """The OpenAPI entry of a CSV twin's answer."""
    return {200: {"content": {"text/csv": {"schema": {"type": "string"}}}, "description": description}}
