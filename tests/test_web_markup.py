"""The article renderer: overlapping spans become well-formed, escaped, correctly nested HTML."""

from __future__ import annotations

import html
from html.parser import HTMLParser

from hypothesis import given, settings
from hypothesis import strategies as st

from saidwhat.web.chart import build_chart
from saidwhat.web.markup import Span, article_blocks, css_token, render_spans
from tests.web_fixtures import hostile_analysis, relay_analysis


class Nesting(HTMLParser):
    """Checks well-formedness and records, per output character, which span ids enclose it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str | None]] = []
        self.chars: list[tuple[str, frozenset[str]]] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack.append((tag, dict(attrs).get("data-i")))

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1][0] != tag:
            self.errors.append(f"unbalanced </{tag}>")
            return
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        ids = frozenset(i for _, i in self.stack if i is not None)
        self.chars.extend((ch, ids) for ch in data)


def parse(markup: str) -> Nesting:
    p = Nesting()
    p.feed(markup)
    p.close()
    return p


ALPHABET = st.sampled_from(list("ab <>&\"'\n/=xé"))


@st.composite
def text_and_spans(draw: st.DrawFn) -> tuple[str, list[Span]]:
    text = draw(st.text(ALPHABET, min_size=0, max_size=40))
    n = len(text)
    spans = []
    for i in range(draw(st.integers(0, 8))):
        a = draw(st.integers(-2, n + 2))
        b = draw(st.integers(-2, n + 2))
        tag = draw(st.sampled_from(["span", "mark", "b"]))
        spans.append(
            Span(
                a,
                b,
                tag,
                (("data-i", str(i)), ("title", draw(st.text(ALPHABET, max_size=5)))),
                rank=draw(st.integers(0, 3)),
            )
        )
    return text, spans


@settings(max_examples=300, deadline=None)
@given(text_and_spans())
def test_render_spans_is_well_formed_and_exact(case: tuple[str, list[Span]]) -> None:
    text, spans = case
    out = render_spans(text, spans)
    p = parse(str(out))
    assert not p.errors and not p.stack
    # the text comes back exactly, and each character sits inside exactly the spans that cover it
    assert "".join(ch for ch, _ in p.chars) == text
    for pos, (_, ids) in enumerate(p.chars):
        expected = {str(i) for i, s in enumerate(spans) if max(s.start, 0) <= pos < min(s.end, len(text))}
        assert ids == expected


@settings(max_examples=100, deadline=None)
@given(text_and_spans(), st.integers(0, 40), st.integers(0, 40))
def test_render_spans_window(case: tuple[str, list[Span]], a: int, b: int) -> None:
    text, spans = case
    out = str(render_spans(text, spans, a, b))
    p = parse(out)
    assert not p.errors and not p.stack
    assert "".join(ch for ch, _ in p.chars) == text[a:b]


def test_crossing_spans_are_split_not_misnested() -> None:
    text = "abcdef"
    out = str(render_spans(text, [Span(0, 4, "b"), Span(2, 6, "i")]))
    assert out == "<b>ab<i>cd</i></b><i>ef</i>"


def test_outer_rank_wins_on_equal_extent() -> None:
    out = str(render_spans("xy", [Span(0, 2, "i", rank=3), Span(0, 2, "b", rank=1)]))
    assert out == "<b><i>xy</i></b>"


def test_attribute_values_and_text_are_escaped() -> None:
    out = str(render_spans('<a href="javascript:x">', [Span(0, 3, "span", (("title", '"><script>'),))]))
    assert "<script>" not in out and "<a " not in out
    assert html.unescape(
        out.replace('<span title="&#34;&gt;&lt;script&gt;">', "").replace("</span>", "")
    ) == ('<a href="javascript:x">')


def test_css_token_drops_markup() -> None:
    assert css_token("<b>act</b>") == "bactb"
    assert css_token("claim") == "claim"
    assert css_token("") == "other"


def test_article_blocks_cover_the_text_by_segment() -> None:
    a = relay_analysis()
    blocks = article_blocks(a)
    kinds = [b.kind for b in blocks]
    assert kinds == ["headline", "body", "related", "embed", "signature", "comment"]
    assert [b.collapsed for b in blocks] == [False, False, False, False, False, True]
    body = str(blocks[1].html)
    assert 'class="sp" data-st="s1"' in body and 'class="cue" data-st="s1"' in body
    assert 'class="q q-indirect qa-demand" data-st="s1"' in body
    # the date inside the statement's content is nested inside it, with its value on hover
    assert '<span class="tx" title="2025-06-27 · DATE">on Friday</span></span>' in body
    for b in blocks:
        p = parse(str(b.html))
        assert not p.errors and not p.stack


def test_hostile_article_renders_as_text() -> None:
    a = hostile_analysis()
    out = "".join(str(b.html) for b in article_blocks(a))
    for bad in ("<script", "<img", "<a ", "</textarea>", "<b>"):
        assert bad not in out
    assert "&lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt;" in out
    assert "qa-bactb" in out


def test_chart_days_and_stacks() -> None:
    ch = build_chart(
        [
            ("2025-06-01", "claim", 2),
            ("2025-06-01", "deny", 1),
            ("2025-06-03", "claim", 3),
            ("not a date", "claim", 5),
        ]
    )
    assert not ch.empty and ch.bucket == "day"
    assert ch.ticks[0].label == "2025-06-01"
    by = {(r.label.split(":")[0], r.act): r for r in ch.rects}
    # heights are proportional to counts: 3 statements on the 3rd is the peak, 2 claims = 2/3 of it
    peak = by[("2025-06-03", "claim")].h
    assert abs(by[("2025-06-01", "claim")].h - peak * 2 / 3) < 0.2
    assert abs(by[("2025-06-01", "deny")].h - peak / 3) < 0.2
    assert [a for a, _, _ in ch.legend] == ["claim", "deny"]


def test_chart_buckets_long_ranges() -> None:
    ch = build_chart([("2020-01-05", "claim", 1), ("2025-06-01", "warn", 1)])
    assert ch.bucket == "month"
    assert build_chart([]).empty


def test_derived_title_prefers_the_headline_segment() -> None:
    import dataclasses

    from saidwhat.titles import derived_title, display_title

    a = relay_analysis()
    untitled = dataclasses.replace(a, doc=dataclasses.replace(a.doc, title=None))
    assert derived_title(untitled) == "Ceasefire talks make progress"
    assert display_title(a) == a.doc.title
    no_segments = dataclasses.replace(untitled, segments=[])
    assert derived_title(no_segments) == "Ceasefire talks make progress"


def test_relay_chain_order_with_platform() -> None:
    from saidwhat.web.views import statement_view

    a = relay_analysis()
    s1, _, s3 = a.statements
    chain = statement_view(s1, entity_gids={"e1": 7}).chain
    assert [(h.label, h.gid, h.note) for h in chain] == [
        ("White House official", None, "anonymous"),
        ("Haaretz", 7, "relay"),
        ("this article", None, "article"),
    ]
    assert [h.label for h in statement_view(s3).chain] == ["Donald Trump", "Truth Social", "this article"]
