"""Property tests over the whole pipeline: whatever the text, every span honours the contract."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from saidwhat.model import check_contract
from saidwhat.pipeline import analyze_text

# pieces that exercise every stage: cues, quotes of every shape, relays, dates, numbers, embeds,
# signatures, mixed scripts and stray control-ish whitespace
PIECES = [
    "Trump",
    "President Donald Trump",
    "he",
    "the official",
    "Haaretz",
    "according to KAN,",
    "said",
    "told Reuters",
    "reportedly",
    "warned that",
    "denied",
    "“",
    "”",
    '"',
    "'",
    "‘",
    "’",
    "«",
    "»",
    ":",
    ",",
    ".",
    "!",
    "?",
    "—",
    "on Friday",
    "last week",
    "June 29, 2025",
    "2019",
    "within the next week",
    "48 hostages",
    "1,700 detainees",
    "$5 million",
    "45%",
    "three",
    "(PC, AJA)",
    "— Name (@handle) June 29, 2025",
    "pic.twitter.com/x",
    "\n",
    "\n\n",
    " ",
    "  ",
    "\t",
    "בנימין נתניהו",
    "محمود عباس",
    "😀",
    "e\u0301",
    "\u00a0",
    "Comments",
    "Reply",
    "DJT",
    "https://t.co/abc",
    "@realDonaldTrump",
    "may",
    "march",
    "second",
    "1,2,3",
    "10^400",
    "31 February",
]


texts = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=6)), max_size=60).map(" ".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts, st.sampled_from([None, "2025-06-29", "1998-02-13"]))
def test_every_span_matches_the_text(text: str, published: str | None) -> None:
    analysis = analyze_text(text, published=published)
    d = analysis.to_dict()
    assert check_contract(d) == [], check_contract(d)
    assert d["doc"]["text"] == text


def test_empty_and_blank_texts() -> None:
    for text in ["", " ", "\n\n", "“”", "..."]:
        d = analyze_text(text).to_dict()
        assert check_contract(d) == []
        assert d["statements"] == []
