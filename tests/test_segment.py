"""Tests for saidwhat.segment.segment_text: the two sample articles, one case per kind, hints,
whitespace, properties over arbitrary text, and a sweep over the PolNeAR dev texts."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from saidwhat.model import SEGMENT_KINDS, Segment
from saidwhat.segment import segment_text


def check_cover(text: str, segs: list[Segment]) -> None:
    """Segments cover ``text`` exactly, in order, none empty, valid kinds, same kinds merged."""
    if not text:
        assert segs == []
        return
    assert segs[0].start == 0
    assert segs[-1].end == len(text)
    for a, b in pairwise(segs):
        assert a.end == b.start
        assert a.kind != b.kind, "adjacent segments of one kind must be merged"
    for s in segs:
        assert s.start < s.end
        assert s.kind in SEGMENT_KINDS


def parts(text: str, segs: list[Segment]) -> list[tuple[str, str]]:
    return [(s.kind, text[s.start : s.end]) for s in segs]


def non_body(text: str) -> list[tuple[str, str]]:
    """(kind, stripped text) of every non-body segment of ``text``."""
    segs = segment_text(text)
    check_cover(text, segs)
    return [(k, t.strip()) for k, t in parts(text, segs) if k != "body"]


def body_text(text: str) -> str:
    return "".join(t for k, t in parts(text, segment_text(text)) if k == "body")


# --- the samples -----------------------------------------------------------------------------

SAMPLE_000_HEADLINE = (
    "As Israeli and US officials report progress in Gaza ceasefire talks, Trump calls for a deal while "
    "Israeli generals warn military goals have been exhausted."
)
SAMPLE_000_RELATED = "84,000 Palestinians Killed in Gaza: Independent Survey Exposes True Scale of War"


def test_sample_000_segments(sample_000: str) -> None:
    text = sample_000
    segs = segment_text(text)
    check_cover(text, segs)
    got = parts(text, segs)
    assert [k for k, _ in got] == [
        "headline",
        "body",
        "related",
        "body",
        "embed",
        "body",
        "signature",
        "comment",
    ]
    # the text starts with a blank line: leading whitespace belongs to the first segment, and the
    # newline after each line to that line's segment
    assert got[0][1] == "\n" + SAMPLE_000_HEADLINE + "\n"
    assert got[2][1] == SAMPLE_000_RELATED + "\n"
    # the embedded tweet: its two lines of text (an @mention, a t.co link) and its byline
    embed = got[4][1]
    assert embed.startswith(
        "Thank you again, @realDonaldTrump.\nTogether, we will make the Middle East Great Again!"
    )
    assert "https://t.co/hfkct0Sqw7\n" in embed
    assert embed.rstrip("\n").endswith("(@netanyahu) June 29, 2025")
    assert embed.count("\n") == 3
    assert got[6][1] == "(PC, AJA)\n"
    # reader comments: everything after the signature, to the end of the text
    comments = got[7][1]
    assert comments.startswith(
        "” Hamas can be dismantled later,” the US official reportedly said…\nThat shows you"
    )
    assert comments.endswith("His entire administration as well.")
    assert "There’s no way Nazinyahu will just stop." in comments
    assert segs[-1].end == len(text)


def test_sample_000_body(sample_000: str) -> None:
    body = body_text(sample_000)
    for expected in (
        "Israeli and American sources reported signs of progress",
        "According to the Israeli Broadcasting Corporation (KAN)",
        "Dermer’s upcoming visit to Washington on Monday",
        "The visit is also expected to coordinate logistics",
        "On Sunday, he reiterated his stance on Truth Social",
        "will hold a security meeting on Sunday",
        "launched in May with the goal of achieving a decisive military victory in Gaza.",
        "Military sources cited by Channel 13 reportedly told",
        "from what he called its “mortgage to the Palestinian cause.”",
    ):
        assert expected in body
    absent_texts = ("Thank you again", "Survey Exposes", "(PC, AJA)", "Wasrael", SAMPLE_000_HEADLINE)
    for absent in absent_texts:
        assert absent not in body


def test_sample_002_segments(sample_002: str) -> None:
    text = sample_002
    segs = segment_text(text)
    check_cover(text, segs)
    got = parts(text, segs)
    # no headline: the scraper's date prefix is boilerplate (with its surrounding spaces), the rest body
    assert got[0] == ("boilerplate", " date 2025-10-06 ")
    assert [k for k, _ in got] == ["boilerplate", "body"]
    assert got[1][1].startswith("US President Donald Trump urged negotiators")
    assert got[1][1].endswith("a breakthrough in long-term regional stability.")


# --- one synthetic case per kind ----------------------------------------------------------------

P1 = (
    "The minister said on Tuesday that the talks had made progress, though several issues remained "
    "unresolved and a further round was planned."
)
P2 = (
    "Officials from both sides met in Cairo for a second day of negotiations, according to people "
    "familiar with the discussions."
)
P3 = (
    "The opposition criticised the plan, saying it offered no guarantees and would leave the most "
    "difficult questions for later."
)


def test_tweet_embed_walks_back_over_the_post() -> None:
    text = "\n".join(
        [
            P1,
            "Great meeting with @PMOIndia today. Thank you!",
            "More to come #diplomacy pic.twitter.com/AbC123xyz",
            "— Jane Doe (@janedoe) March 3, 2025",
            P2,
        ]
    )
    assert non_body(text) == [
        (
            "embed",
            "Great meeting with @PMOIndia today. Thank you!\n"
            "More to come #diplomacy pic.twitter.com/AbC123xyz\n"
            "— Jane Doe (@janedoe) March 3, 2025",
        )
    ]
    assert P1 in body_text(text) and P2 in body_text(text)


def test_tweet_embed_stops_at_the_introducing_line() -> None:
    text = "\n".join(
        [
            P1,
            "The minister wrote on X:",
            "We will not give up. https://t.co/xyz",
            "— Minister (@minister) May 1, 2025",
            P2,
        ]
    )
    expected = "We will not give up. https://t.co/xyz\n— Minister (@minister) May 1, 2025"
    assert non_body(text) == [("embed", expected)]


def test_tweet_flattened_on_one_line() -> None:
    tweet = "We did it! https://t.co/abc pic.twitter.com/def— Some One (@someone) September 27, 2016."
    assert non_body("\n".join([P1, tweet, P2])) == [("embed", tweet)]


def test_instagram_and_facebook_embeds() -> None:
    insta = (
        "View this post on Instagram\nSunset at the summit\n"
        "A post shared by Jane Doe (@janedoe) on Jun 29, 2025"
    )
    assert non_body("\n".join([P1, insta, P2])) == [("embed", insta)]
    fb = "Posted by City Council on Monday, June 30, 2025"
    assert non_body("\n".join([P1, fb, P2])) == [("embed", fb)]
    assert non_body("\n".join([P1, "pic.twitter.com/Xy12Ab", P2])) == [("embed", "pic.twitter.com/Xy12Ab")]


@pytest.mark.parametrize(
    "line",
    [
        "(AP)",
        "(PC, AJA)",
        "— Reuters",
        "-- AFP",
        "(Reuters)",
        "(Reporting by John Smith in Gaza; Editing by Jane Roe)",
        "Reporting by John Smith; Editing by Jane Roe",
        "Jane Roe contributed reporting.",
    ],
)
def test_signatures(line: str) -> None:
    assert non_body("\n".join([P1, P2, P3, line])) == [("signature", line)]


def test_comments_after_end_signature() -> None:
    text = "\n".join([P1, P2, P3, "(AP)", "What a joke, they never learn.", "Agreed. Total disaster."])
    assert non_body(text) == [
        ("signature", "(AP)"),
        ("comment", "What a joke, they never learn.\nAgreed. Total disaster."),
    ]


COMMENT_1 = "At 5:49 pm on 05 May 2009, harbourfan wrote: They should have closed the port weeks ago."
COMMENT_2 = "At 16:12 29th Apr 2009, jdoe_77 wrote: I counted 300 ferries at the dock."


def test_comment_headers_inside_a_run_in_page_open_the_comments() -> None:
    # a blog page read as one line: the first comment header starts the comments, wherever it is
    for first in (COMMENT_1, COMMENT_2):
        text = " ".join([P1, P2, first, "Agreed, total disaster.", COMMENT_2])
        segs = segment_text(text)
        check_cover(text, segs)
        assert [s.kind for s in segs] == ["body", "comment"]
        assert text[segs[1].start :].startswith(first)
    # on lines of their own, early in the page, likewise (no end-of-article position needed)
    assert non_body("\n".join([P1, COMMENT_1, "Agreed.", COMMENT_2, P2])) == [
        ("comment", "\n".join([COMMENT_1, "Agreed.", COMMENT_2, P2]))
    ]


def test_a_closed_debate_notice_opens_its_readers_comments_unless_it_starts_the_page() -> None:
    intro = "What do you think of the new port fees? Send us your views."
    notice = "This debate is now closed. A selection of your comments appear below."
    text = " ".join([intro, P1, notice, "The fees are far too high.", "I run a ferry and we will close."])
    segs = segment_text(text)
    assert [s.kind for s in segs] == ["body", "comment"] and text[segs[1].start :].startswith(notice)
    first = " ".join([notice, intro, P1])
    assert [s.kind for s in segment_text(first)] == ["body"]


def test_a_sites_notice_on_its_comments_inside_a_paragraph_is_boilerplate() -> None:
    """A run-in page carries the site's comment policy inside its last paragraph: the notice alone
    is boilerplate (before: body, whose "We welcome comments" was a statement of *we*)."""
    notice = (
        "We welcome comments that advance the story through relevant opinion, anecdotes, links and data. "
        "Views expressed in the comments do not represent those of Reuters."
    )
    bio = "Before moving to my current position, I covered economic policy for about 10 years."
    text = " ".join([P1, P2, notice, bio])
    segs = segment_text(text)
    check_cover(text, segs)
    assert [s.kind for s in segs] == ["body", "boilerplate", "body"]
    assert text[segs[1].start : segs[1].end].strip() == notice
    # at the end of a paragraph, the space after the notice is no segment of its own
    text = P1 + " " + notice + "\n\n" + P2
    segs = segment_text(text)
    check_cover(text, segs)
    assert [s.kind for s in segs] == ["body", "boilerplate", "body"]
    assert all(text[s.start : s.end].strip() for s in segs)
    # an article that quotes such words otherwise is no notice
    other = "The editor said: we welcome comments from readers on the new fees."
    assert [s.kind for s in segment_text(" ".join([P1, other]))] == ["body"]


def test_a_writer_or_a_time_in_an_article_opens_no_comments() -> None:
    # a sentence with a time and "wrote:" whose writer is not one user name; no date after the time
    for line in (
        "At 9:15 on 3 May 2009, the harbour minister wrote: the port stays open.",
        "At 9:15 on Monday, Smith wrote: the port stays open.",
        "The debate is now closed, the speaker said.",
    ):
        assert non_body(" ".join([P1, line, P2, P3])) == []


def test_credit_line_does_not_open_comments() -> None:
    # a "contributed reporting" credit is followed by article notes more often than by comments
    note = "This article was updated with a response."
    text = "\n".join([P1, P2, P3, "Jane Roe contributed reporting.", note])
    assert non_body(text) == [
        ("signature", "Jane Roe contributed reporting."),
        ("boilerplate", "This article was updated with a response."),
    ]


def test_comments_section_header_and_thread_lines() -> None:
    text = "\n".join(
        [
            P1,
            P2,
            "12 Comments",
            "jdoe 3 hours ago",
            "This is nonsense.",
            "Reply",
            "Report",
            "asmith says: June 30, 2025 at 10:15 am",
            "Well said.",
        ]
    )
    got = non_body(text)
    assert len(got) == 1 and got[0][0] == "comment"
    assert got[0][1].startswith("12 Comments") and got[0][1].endswith("Well said.")


def test_signature_early_in_text_does_not_swallow_the_article() -> None:
    text = "\n".join(["(AP)", P1, P2, P3, P1, P2, P3])
    assert non_body(text) == [("signature", "(AP)")]


@pytest.mark.parametrize(
    "line",
    [
        "Share this article",
        "Share on Facebook",
        "Subscribe to our newsletter for daily updates",
        "Sign up for our free morning briefing",
        "Advertisement",
        "Click here to read the full report",
        "Follow us on Twitter",
        "We use cookies to improve your experience. Read our cookie policy.",
        "Read the rest here.",
    ],
)
def test_boilerplate_lines(line: str) -> None:
    assert non_body("\n".join([P1, line, P2])) == [("boilerplate", line)]


def test_boilerplate_pattern_needs_a_short_line() -> None:
    # a body paragraph that merely mentions subscribing stays body
    para = (
        "Subscribers to the service said they had been charged twice, and the company promised refunds "
        "to everyone affected by the billing error by the end of the month."
    )
    assert non_body("\n".join([P1, para, P2])) == []


@pytest.mark.parametrize(
    "line",
    [
        "Read more: Ceasefire Talks Resume in Cairo as Pressure Mounts",
        "RELATED: Ceasefire talks resume in Cairo",
        "See also: Ceasefire talks resume in Cairo",
    ],
)
def test_related_markers(line: str) -> None:
    assert non_body("\n".join([P1, line, P2])) == [("related", line)]


def test_pasted_related_headline() -> None:
    line = "Hospitals Overwhelmed as Aid Convoys Remain Stuck at the Border Crossing"
    assert non_body("\n".join([P1, line, P2, P3])) == [("related", line)]


@pytest.mark.parametrize(
    "line",
    [
        "“We will not back down,” she said.",  # a one-line paragraph quote
        "“This Is A Great Day For Our Country And For The Whole World”",  # title-like, but a quote
        "Knack for Deals",  # a short subheading belongs to the article
        "- Donald Trump Leads Ted Cruz In The Latest Indiana Poll Of Voters",  # a list item
    ],
)
def test_lines_that_look_like_headlines_stay_body(line: str) -> None:
    assert non_body("\n".join([P1, line, P2])) == []


def test_related_headline_needs_prose_around_it() -> None:
    # a title-cased line among short list lines is not a pasted headline
    title_like = "Sen. Ted Cruz Of Texas Announced His Presidential Campaign Launch Today"
    text = "\n".join([P1, "23.", title_like, "Cruz left.", P2])
    assert non_body(text) == []


def test_headline_first_line() -> None:
    assert non_body("Trump Calls for Deal as Talks Resume\n\n" + P1 + "\n\n" + P2) == [
        ("headline", "Trump Calls for Deal as Talks Resume")
    ]


def test_lead_paragraph_first_is_not_a_headline() -> None:
    lead = (
        "US President Donald Trump urged negotiators to accelerate progress toward a deal, as "
        "delegations convened in Egypt on Sunday night to resume talks."
    )
    assert non_body(lead + "\n\n" + P2) == []
    assert non_body("WASHINGTON (AP) — The Senate passed the bill.\n\n" + P2) == []
    assert non_body(P1 + " " + P2 + "\n\n" + P3) == []  # several sentences: a paragraph
    # a finite past-tense verb in a long first line: a lead; a participle ("have been exhausted") is not one
    wsj = "Acme Corp.'s third-quarter net income rose 11%, even though storm claims cut results by $40 mln"
    assert non_body(wsj + ".\n\n" + P2) == []
    standfirst = (
        "As officials report progress in ceasefire talks, the president calls for a deal while generals "
        "warn military goals have been exhausted."
    )
    assert non_body(standfirst + "\n" + P2) == [("headline", standfirst)]


@pytest.mark.parametrize("dateline", ["NAIROBI, Kenya (AP) _", "WASHINGTON _", "BRUSSELS, Dec 2 (Xinhua) --"])
def test_dateline_alone_on_the_first_line_is_boilerplate(dateline: str) -> None:
    assert non_body(f"\n\n{dateline}\n\n{P1}\n\n{P2}") == [("boilerplate", dateline)]


def test_single_line_text_is_body() -> None:
    assert segment_text("Trump Calls for Deal") == [Segment("body", 0, 20)]


def test_date_prefix_alone_on_a_line() -> None:
    text = "date 2025-10-06\n" + P1
    assert parts(text, segment_text(text)) == [("boilerplate", "date 2025-10-06\n"), ("body", P1)]


def test_whitespace_and_empty() -> None:
    assert segment_text("") == []
    assert segment_text(" \n\n\t ") == [Segment("body", 0, 5)]


def test_trailing_whitespace_belongs_to_the_last_line() -> None:
    text = "\n\n" + P1 + "\n(AP)\n\n  "
    assert parts(text, segment_text(text)) == [("body", "\n\n" + P1 + "\n"), ("signature", "(AP)\n\n  ")]


# --- hints ---------------------------------------------------------------------------------------


def test_hints_kept_and_body_refined() -> None:
    title = "Talks Resume"
    body = "\n".join([P1, "Advertisement", P2, P3, "(AP)"])
    comments = "Great article, thanks."
    text = f"{title}\n\n{body}\n\n{comments}"
    b0 = len(title) + 2
    c0 = len(text) - len(comments)
    hints = [
        Segment("headline", 0, len(title)),
        Segment("body", b0, b0 + len(body)),
        Segment("comment", c0, len(text)),
    ]
    segs = segment_text(text, hints)
    check_cover(text, segs)
    got = parts(text, segs)
    assert got[0] == ("headline", title)
    assert [k for k, _ in got] == ["headline", "body", "boilerplate", "body", "signature", "comment"]
    assert got[-1][1].endswith(comments)
    assert segs[-1].start <= c0


def test_hinted_body_gets_no_second_headline_and_comment_hint_is_kept() -> None:
    text = "Title\n" + "Short Title Case Line Here\n" + P1 + "\n" + "This looks like body text."
    t_end = 5
    c0 = text.index("This looks")
    hints = [Segment("headline", 0, t_end), Segment("body", t_end + 1, c0), Segment("comment", c0, len(text))]
    got = parts(text, segment_text(text, hints))
    assert got[0] == ("headline", "Title")
    assert got[-1] == ("comment", "This looks like body text.")
    assert [k for k, _ in got] == ["headline", "body", "comment"]


def test_overlapping_and_out_of_range_hints_are_clipped() -> None:
    text = P1 + "\n" + P2
    segs = segment_text(text, [Segment("comment", 5, 10_000), Segment("headline", 0, 8)])
    check_cover(text, segs)
    assert parts(text, segs) == [("headline", text[:8]), ("comment", text[8:])]


# --- properties ----------------------------------------------------------------------------------

LINES = st.sampled_from(
    [
        P1,
        P2,
        "(AP)",
        "— Reuters",
        "Share this",
        "12 Comments",
        "Reply",
        "@someone https://t.co/x",
        "— A B (@ab) June 29, 2025",
        "Read more: Something Else Happened Today In The World",
        " date 2025-10-06 x",
        "Hospitals Overwhelmed as Aid Convoys Remain Stuck at the Border Crossing",
        "",
        "   ",
        "\t",
        "“Quote,” he said.",
        "View this post on Instagram",
        "A post shared by X (@x)",
    ]
)
TEXTS = st.one_of(
    st.text(alphabet=st.characters(codec="utf-8"), max_size=300),
    st.lists(LINES, max_size=14).map("\n".join),
    st.lists(st.one_of(LINES, st.text(alphabet=" \n\r\t\u2028\x85ab.", max_size=8)), max_size=14).map(
        "".join
    ),
)


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_segments_cover_any_text(text: str) -> None:
    check_cover(text, segment_text(text))


@st.composite
def text_and_hints(draw: st.DrawFn) -> tuple[str, list[Segment]]:
    text = draw(TEXTS)
    cuts = sorted(set(draw(st.lists(st.integers(0, len(text)), max_size=6))))
    hints = []
    for a, b in pairwise(cuts):
        kind = draw(st.sampled_from([*SEGMENT_KINDS, None]))
        if kind is not None:
            hints.append(Segment(kind, a, b))
    return text, hints


@settings(max_examples=300, deadline=None)
@given(text_and_hints())
def test_hints_respected(case: tuple[str, list[Segment]]) -> None:
    text, hints = case
    segs = segment_text(text, hints)
    check_cover(text, segs)
    for h in hints:
        if h.kind == "body":
            continue
        for s in segs:
            if s.start < h.end and h.start < s.end:
                assert s.kind == h.kind, f"hinted {h} overlaps {s}"


# --- PolNeAR: flat texts with a headline line first ------------------------------------------------


def test_polnear_dev_mostly_body(shared_dir: Path) -> None:
    files = sorted((shared_dir / "polnear" / "dev").glob("*.txt"))
    if not files:
        pytest.skip("no PolNeAR dev texts under ../shared/polnear/dev")
    total = marked = 0
    with_headline = 0
    for f in files:
        text = f.read_text(encoding="utf-8")
        segs = segment_text(text)
        check_cover(text, segs)
        first_line = text.strip().split("\n", 1)[0].strip()
        if segs[0].kind == "headline":
            with_headline += 1
            assert text[segs[0].start : segs[0].end].strip() == first_line
        assert all(s.kind != "headline" for s in segs[1:])
        nb = sum(s.end - s.start for s in segs if s.kind not in ("body", "headline"))
        assert nb <= 0.25 * len(text), f"{f.name}: {nb} of {len(text)} characters marked non-body"
        total += len(text)
        marked += nb
    # every PolNeAR text starts with its headline; at most 1% of all characters are non-body
    # (measured: 0.19%: a tweet, a video placeholder, a credit line, three boilerplate lines)
    assert with_headline == len(files)
    assert marked <= 0.01 * total


BYLINE = "— Jane Doe (@janedoe) March 3, 2025"


def test_tweet_text_without_markers_directly_above_the_byline() -> None:
    post = "Great game tonight, well played everyone!"
    assert non_body("\n".join([P1, post, BYLINE, P2])) == [("embed", post + "\n" + BYLINE)]


def test_short_body_line_above_a_tweet_stays_body() -> None:
    short = "The post drew thousands of replies within an hour"
    post = "We are close. https://t.co/abc"
    assert non_body("\n".join([P1, short, post, BYLINE, P2])) == [("embed", post + "\n" + BYLINE)]


def test_comments_link_under_the_title_is_not_the_comment_section() -> None:
    text = "\n".join(["Talks Resume In Cairo", "12 Comments", P1, P2, P3, P1])
    assert non_body(text) == [("headline", "Talks Resume In Cairo"), ("boilerplate", "12 Comments")]


def test_carving_furniture_leaves_a_segment_it_carves_nothing_from_as_it_is() -> None:
    from saidwhat.segment.patterns import segment_patterns
    from saidwhat.segment.segmenter import _carve_furniture

    notice = "We welcome comments that advance the story through relevant opinion."
    text = f"Body text here.   {notice}"
    segs = [Segment("body", 0, 15), Segment("body", 15, 18), Segment("body", 18, len(text))]
    got = [(s.kind, s.start, s.end) for s in _carve_furniture(text, segs, segment_patterns())]
    # before: the space-only segment carved nothing, yet turned the segment before it into boilerplate
    assert got == [("body", 0, 15), ("body", 15, 18), ("boilerplate", 18, len(text))]


def test_a_related_heading_heads_a_list_of_headlines() -> None:
    # before: only the heading was related ("Related readings:" not even that), the headlines body
    items = ["WHO declares A(H1N1) flu pandemic", "Chinese mainland reports 111 A/H1N1 flu cases"]
    text = "\n\n".join([P1, "Related readings:\n " + "\n ".join(items), P2])
    assert non_body(text) == [("related", "Related readings:\n " + "\n ".join(items))]
    # a blank line may set the list off from its heading
    text = "\n\n".join([P1, "RELATED LINKS:", "CDC Swine Flu site\nWorld Health Organization", P2])
    assert non_body(text) == [("related", "RELATED LINKS:\n\nCDC Swine Flu site\nWorld Health Organization")]


def test_a_related_list_ends_at_a_blank_line_or_at_prose() -> None:
    item = "Chinese mainland reports 111 A/H1N1 flu cases"
    text = "\n\n".join([P1, "Related readings:\n" + item, "Chinese mainland has 101 cases", P2])
    assert non_body(text) == [("related", "Related readings:\n" + item)]
    # a line that ends as a sentence is the article's again
    text = "\n\n".join([P1, "Related:\n" + P2])
    assert non_body(text) == [("related", "Related:")]


def test_other_news_heads_a_list_of_headlines_with_their_time_stamps() -> None:
    # before: "Other news" was body, and so were the headlines under it with their figures
    items = [
        "Vietnam’s swine flu cases rise to 84 (Saturday ,Jun 27,2009,16:01 GMT +7)",
        "H1N1 flu cases rise to 71 (Thursday ,Jun 25,2009,17:45 GMT +7)",
    ]
    text = "\n\n".join([P1, "Other news\n" + "\n".join(items)])
    assert non_body(text) == [("related", "Other news\n" + "\n".join(items))]


def test_a_line_that_ends_in_a_link_is_another_storys() -> None:
    # before: "Flu death toll in Ukraine reaches 81 – official (Link)" was the article's own line
    items = [
        "•  Ukraine flu outbreak widens (Link)",
        "•  Flu death toll in Ukraine reaches 81 – official (Link)",
    ]
    text = "\n\n".join([P1, "\n".join(items), P2])
    assert non_body(text) == [("related", "\n".join(items))]
    # a bracket that closes a sentence of prose is no link
    text = "\n\n".join([P1, "The ministry said 81 people had died (a figure it revised).", P2])
    assert non_body(text) == []


def test_a_blogs_count_of_comments_with_a_colon_opens_the_comments() -> None:
    # Blogger's "1 comment:" / "No comments:" (before: the reader's figure was the article's own)
    text = "\n\n".join(
        [P1, P2, P3, "1 comment:", "sharonsb said...", "But didn't it reach 4225 cases already?"]
    )
    assert non_body(text)[0] == (
        "comment",
        "1 comment:\n\nsharonsb said...\n\nBut didn't it reach 4225 cases already?",
    )
    assert non_body("\n\n".join([P1, P2, P3, "No comments:"])) == [("comment", "No comments:")]
