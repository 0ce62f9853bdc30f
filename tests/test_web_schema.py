"""Property-based API testing with schemathesis against the app's own OpenAPI spec (in-process ASGI).

Bounded: at most 20 generated requests per operation. Every answer must be a non-5xx that honours
the spec (documented status codes, content types and the error shape).
"""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

schemathesis = pytest.importorskip("schemathesis", reason="schemathesis is not installed (pip install it)")
from hypothesis import HealthCheck, assume, settings  # noqa: E402

from saidwhat.errors import SaidwhatError  # noqa: E402
from saidwhat.filters import parse_period, period_bounds  # noqa: E402
from saidwhat.store import Store, open_store  # noqa: E402
from saidwhat.web import create_app  # noqa: E402
from tests.web_fixtures import hostile_analysis, relay_analysis  # noqa: E402

warnings.simplefilter("ignore", DeprecationWarning)


def _app() -> object:
    import tempfile

    db = Path(tempfile.mkdtemp(prefix="saidwhat-schema-")) / "schema.db"
    with Store(db) as store:
        store.add(relay_analysis())
        store.add(hostile_analysis())
    # read-only: generated POSTs must be refused cleanly, never run the pipeline on random bytes
    return create_app(open_store(db, read_only=True))


schema = schemathesis.openapi.from_asgi("/openapi.json", _app())


@schema.parametrize()
# derandomized: the same 20 requests per operation on every run, so that a failure is reproducible (a
# random draw failed once in session 41 with an "undefined content" report that 25 seeds and a
# 150-example run could not find again; see docs/web.md)
@settings(max_examples=20, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
def test_api_honours_its_spec(case: schemathesis.Case) -> None:
    # a period that ends before it starts is refused with a sentence (422, by design: see
    # saidwhat.filters.build_filter); the spec cannot say "since <= until", so such requests are not
    # "schema-valid data the API must accept"
    assume(not _reversed_period(case.query or {}))
    case.call_and_validate()


def _reversed_period(query: dict[str, object]) -> bool:
    since, until = query.get("since"), query.get("until")
    if not isinstance(since, str) or not isinstance(until, str):
        return False
    try:
        s, u = parse_period(since, "since"), parse_period(until, "until")
    except SaidwhatError:
        return False
    return s is not None and u is not None and period_bounds(s)[0] > period_bounds(u)[1]
