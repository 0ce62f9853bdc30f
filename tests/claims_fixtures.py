"""Small hand-made articles for the claims stage, CLI and pages: one measure with three sources over
four days (a contradiction, a range, an update), a demand, and a promise with a deadline."""

from __future__ import annotations

from saidwhat.model import Analysis
from tests.test_claims import make

ASSAM = "Assam"


def flood_articles() -> list[Analysis]:
    """Four articles about the floods in Assam (ids f1..f4)."""
    t1 = "The ministry said 140 people died in the floods in Assam."
    t2 = "A local official said more than 300 people died in the floods in Assam."
    t3 = "The ministry said 160-180 people died in the floods in Assam."
    t4 = (
        "Gaurav Gogoi demanded an inquiry into the floods in Assam. "
        "The minister said on Monday the embankments will be repaired by the end of July."
    )
    a1 = make(
        t1,
        "f1",
        "2021-07-01",
        quantities=[("140 people", 140, "people")],
        places=[ASSAM],
        statements=[{"speaker": "The ministry", "content": "140 people died in the floods in Assam"}],
    )
    a2 = make(
        t2,
        "f2",
        "2021-07-01",
        quantities=[("more than 300 people", 300, "people")],
        places=[ASSAM],
        statements=[
            {"speaker": "A local official", "content": "more than 300 people died in the floods in Assam"}
        ],
    )
    a2.quantities[0].qualifier = "more than"
    a3 = make(
        t3,
        "f3",
        "2021-07-04",
        quantities=[("160-180 people", 160, "people")],
        places=[ASSAM],
        statements=[{"speaker": "The ministry", "content": "160-180 people died in the floods in Assam"}],
    )
    a3.quantities[0].value_max = 180
    a4 = make(
        t4,
        "f4",
        "2021-07-07",
        places=[ASSAM],
        statements=[
            {
                "speaker": "Gaurav Gogoi",
                "cue": "demanded",
                "lemma": "demand",
                "act": "demand",
                "content": "an inquiry into the floods in Assam",
            },
            {
                "speaker": "The minister",
                "cue": "said",
                "lemma": "say",
                "said_on": ("on Monday", "2021-07-05"),
                "content": "the embankments will be repaired by the end of July",
            },
        ],
        timexes=[("on Monday", "DATE", "2021-07-05"), ("the end of July", "DATE", "2021-07")],
    )
    return [a1, a2, a3, a4]
