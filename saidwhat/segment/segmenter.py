"""Line-based segmentation of an article's text into headline, body, related, embed, signature,
comment and boilerplate segments (:func:`segment_text`).

The text is read as lines of content (a line stripped of surrounding whitespace). Each line gets a
kind from the patterns in ``saidwhat/data/segment.toml``; the whitespace after a line (its newline
and any blank lines) belongs to that line's segment, and whitespace at the very start of a region
belongs to the region's first segment. Adjacent segments of one kind are merged.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import islice, pairwise

from saidwhat.model import SEGMENT_KINDS, Segment
from saidwhat.segment.patterns import SegmentPatterns, any_match, segment_patterns

# one line's content: from its first to its last non-space character, never across a line break
_CONTENT = re.compile(r"\S(?:[^\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]*\S)?")
_SENTENCE_BREAK = re.compile(r"[.!?][\"”’')\]]*\s+[\"“‘'(]?[A-Z0-9]")
_WORD_CORE = re.compile(r"^[^\w]*(.*?)[^\w]*$")
_URL_OR_HANDLE = re.compile(r"https?://|www\.|@\w")
_BODY = "body"


@dataclass(slots=True)
class _Line:
    start: int
    end: int
    text: str
    kind: str = _BODY
    fixed: bool = False  # kind decided before classification (a date prefix)
    after_prefix: bool = False  # the rest of a line whose start was a date prefix
    opens_comments: bool = False  # starts with an inline comment marker (at any position of the text)


def _lines(text: str, start: int, end: int, p: SegmentPatterns) -> list[_Line]:
    """Content lines of ``text[start:end]``, with a scraper's date prefix split off as boilerplate."""
    out: list[_Line] = []
    for m in _CONTENT.finditer(text, start, end):
        line = _Line(m.start(), m.end(), m.group())
        pm = p.date_prefix.match(line.text)
        if pm:
            cut = line.start + len(pm.group().rstrip())
            out.append(_Line(line.start, cut, text[line.start : cut], "boilerplate", fixed=True))
            rest = _CONTENT.search(text, line.start + pm.end(), line.end)
            if rest:
                out.append(_Line(rest.start(), rest.end(), rest.group(), after_prefix=True))
            continue
        out.append(line)
    return _split_at_comments(out, text, p)


def _split_at_comments(lines: list[_Line], text: str, p: SegmentPatterns) -> list[_Line]:
    """``lines`` with the first line that holds an inline comment marker (``[comment] inline_cs``)
    cut where the marker starts: the part from it on opens the comment section. A marker that is the
    region's first text ("This debate is now closed." above a debate's own introduction) separates
    nothing and is passed over."""
    for i, line in enumerate(lines):
        if line.fixed:
            continue
        firsts = (
            next((m.start() for m in rx.finditer(line.text) if i or m.start()), None)
            for rx in p.comment_inline
        )
        at = min((x for x in firsts if x is not None), default=None)
        if at is None:
            continue
        cut = line.start + at
        head = _CONTENT.search(text, line.start, cut) if at else None
        tail = _CONTENT.search(text, cut, line.end)
        parts = (
            []
            if head is None
            else [_Line(head.start(), head.end(), head.group(), after_prefix=line.after_prefix)]
        )
        if tail is not None:
            parts.append(_Line(tail.start(), tail.end(), tail.group(), "comment", opens_comments=True))
        return lines[:i] + parts + lines[i + 1 :]
    return lines


def _content_words(line: str, p: SegmentPatterns) -> list[str]:
    """The words of ``line`` not in ``small_words``, stripped of the punctuation around them."""
    content = []
    for w in line.split():
        m = _WORD_CORE.match(w)
        core = m.group(1) if m else w
        if core and core.lower() not in p.small_words and any(ch.isalnum() for ch in core):
            content.append(core)
    return content


def _title_ratio(line: str, p: SegmentPatterns) -> float:
    """Share of the content words (not in ``small_words``) of ``line`` that are capitalised."""
    content = _content_words(line, p)
    if not content:
        return 0.0
    return sum(1 for w in content if w[0].isupper() or w[0].isdigit()) / len(content)


TITLE_LINE_MAX = 300  # characters: a headline is short


def title_cased_line(text: str, pos: int) -> bool:
    """Whether the line of ``text`` holding ``pos`` is written in title case ("WHO Confirms 2,371 Swine
    Flu Cases Worldwide", "Flu Kills 20 In Mexico"): at least three content words (not `small_words`)
    with letters, every content word capitalised or a number. There a capital, and the tagger's
    proper noun, say nothing of a name. A line longer than ``TITLE_LINE_MAX`` characters is prose (and
    is never scanned whole: one call costs at most that much, whatever the text)."""
    lo = max(0, pos - TITLE_LINE_MAX)
    start = text.rfind("\n", lo, pos) + 1
    if start == 0 and lo > 0:
        return False
    end = text.find("\n", pos, pos + TITLE_LINE_MAX)
    if end < 0:
        if pos + TITLE_LINE_MAX < len(text):
            return False
        end = len(text)
    if end - start > TITLE_LINE_MAX:
        return False
    content = _content_words(text[start:end], segment_patterns())
    lettered = [w for w in content if any(ch.isalpha() for ch in w)]
    return len(lettered) >= 3 and all(w[0].isupper() or w[0].isdigit() for w in content)


def _is_title_cased(line: str, p: SegmentPatterns) -> bool:
    if len(line.split()) < p.related_min_words or len(line) > p.related_max_chars:
        return False
    if line[-1] in p.final_punctuation or _URL_OR_HANDLE.search(line):
        return False
    return _title_ratio(line, p) >= p.related_min_title_ratio


def _is_prose(line: str, p: SegmentPatterns) -> bool:
    return len(line) >= p.neighbour_min_chars and line[-1] in p.prose_end


def _sentences(line: str) -> int:
    return 1 + len(_SENTENCE_BREAK.findall(line))


def _has_past_verb(line: str, p: SegmentPatterns) -> bool:
    """Whether ``line`` has a finite past-tense verb ("rose", "reported"), not a participle."""
    for m in p.past_verbs.finditer(line):
        if m.start() > 0 and line[m.start() - 1] == "-":
            continue
        before = line[: m.start()].split()
        if before and before[-1].lower().strip("\"'“”‘’,") in p.participle_after:
            continue
        return True
    return False


def _is_headline(line: _Line, p: SegmentPatterns) -> bool:
    t = line.text
    if len(t) > p.headline_max_chars or t.endswith(":") or _sentences(t) > p.headline_max_sentences:
        return False
    if p.lead_dateline.match(t):
        return False
    if _title_ratio(t, p) >= p.related_min_title_ratio:
        return True
    return not (len(t) >= p.lead_min_chars and (any_match(p.lead_words, t) or _has_past_verb(t, p)))


def _mark_embeds(lines: list[_Line], p: SegmentPatterns) -> None:
    n = len(lines)
    for i, line in enumerate(lines):
        if line.fixed:
            continue
        if any_match(p.embed_lines, line.text):
            line.kind = "embed"
        if any_match(p.embed_open, line.text):
            for k in range(i + 1, min(n, i + 1 + p.embed_max_lines)):
                if any_match(p.embed_close, lines[k].text):
                    for x in lines[i : k + 1]:
                        if not x.fixed:
                            x.kind = "embed"
                    break
        if p.tweet_byline.match(line.text):
            line.kind = "embed"
            _walk_back_post(lines, i, p)
        elif len(line.text) <= p.post_line_max_chars and p.tweet_inline.search(line.text):
            line.kind = "embed"


def _walk_back_post(lines: list[_Line], byline: int, p: SegmentPatterns) -> None:
    """Mark the lines of the post that ends at ``lines[byline]`` (its byline) as embed: the line just
    above it (the post's text), and further up the lines with post markers (@mentions, links)."""
    j = byline - 1
    while j >= 0 and lines[j].kind == _BODY and not lines[j].fixed:
        t = lines[j].text
        if t.endswith(":") or p.lead_dateline.match(t):
            break
        marked = any_match(p.post_markers, t) and len(t) <= p.post_line_max_chars
        post_text = j == byline - 1 and len(t) <= p.plain_line_max_chars and not any_match(p.prose_words, t)
        if not (marked or post_text):
            break
        lines[j].kind = "embed"
        j -= 1


def _classify(
    lines: list[_Line], allow_headline: bool, region_len: int, region_start: int, p: SegmentPatterns
) -> None:
    _mark_embeds(lines, p)
    for line in lines:
        if line.fixed or line.kind != _BODY:
            continue
        t = line.text
        if any_match(p.signature_lines, t):
            line.kind = "signature"
        elif any_match(p.comment_headers, t) or any_match(p.comment_lines, t):
            line.kind = "comment"
        elif len(t) <= p.boilerplate_max_chars and any_match(p.boilerplate_lines, t):
            line.kind = "boilerplate"
        elif len(t) <= p.related_marker_max_chars and any_match(p.related_markers, t):
            line.kind = "related"
    content = [x for x in lines if not x.fixed]
    if allow_headline and len(content) >= 2:
        first = content[0]
        if (
            first.kind == _BODY
            and not first.after_prefix
            and any(x.kind == _BODY for x in content[1:])
            and _is_headline(first, p)
        ):
            first.kind = "headline"
    _mark_comments(lines, region_len, region_start, p)
    for i in range(1, len(lines) - 1):
        prev, cur, nxt = lines[i - 1], lines[i], lines[i + 1]
        if (
            cur.kind == prev.kind == nxt.kind == _BODY
            and _is_prose(prev.text, p)
            and _is_prose(nxt.text, p)
            and not p.list_item.match(cur.text)
            and _is_title_cased(cur.text, p)
        ):
            cur.kind = "related"


def _mark_comments(lines: list[_Line], region_len: int, region_start: int, p: SegmentPatterns) -> None:
    """From the first comment line, or the line after an end-of-article signature, body lines are
    comments; both count only past ``signature_min_position`` of the region, but an inline comment
    marker (:func:`_split_at_comments`) counts wherever it is."""
    trigger = None
    for i, line in enumerate(lines):
        if line.opens_comments:
            trigger = i
            break
        late = (line.start - region_start) >= p.signature_min_position * region_len
        if line.kind == "comment":
            if late:
                trigger = i
                break
            line.kind = "boilerplate"
        elif (
            line.kind == "signature"
            and late
            and any_match(p.end_lines, line.text)
            and any(x.kind == _BODY for x in lines[i + 1 :])
        ):
            trigger = i
            break
    if trigger is None:
        return
    for line in lines[trigger:]:
        if line.kind == _BODY:
            line.kind = "comment"


_RELATED_HEADING = re.compile(
    r"^(?:related(?:\s+\w+)?|(?:other|more|latest|recent)\s+(?:news|stories|headlines|articles))\s*$",
    re.IGNORECASE,
)
# a headline's time stamp in brackets at the end of its line: "(Saturday ,Jun 27,2009,16:01 GMT +7)"
_TIME_STAMP = re.compile(r"\s*\([^()\n]*\b(?:\d{1,2}:\d{2}|(?:19|20)\d{2})\b[^()\n]*\)\s*$")


def _mark_related_lists(lines: list[_Line], text: str, p: SegmentPatterns) -> None:
    """A related-story marker that is a heading ("Related readings:", "RELATED LINKS:", "Related")
    heads a list of other stories' headlines: the body lines under it (a blank line may set the list
    off from its heading), up to the next blank line, each no longer than a pasted headline and not
    ending as prose (a time stamp in brackets after a headline aside), are related too."""
    for i, line in enumerate(lines):
        if line.kind != "related" or not (line.text.endswith(":") or _RELATED_HEADING.match(line.text)):
            continue
        for prev, nxt in pairwise(islice(lines, i, None)):
            blank = text.count("\n", prev.end, nxt.start) > 1
            if nxt.fixed or nxt.kind != _BODY or (blank and prev is not line):
                break
            headline = _TIME_STAMP.sub("", nxt.text) or nxt.text
            if len(nxt.text) > p.related_max_chars or headline[-1] in p.prose_end:
                break
            nxt.kind = "related"


def _refine(text: str, start: int, end: int, allow_headline: bool) -> list[Segment]:
    """Segments covering ``text[start:end]`` exactly (one body segment when it is only whitespace)."""
    p = segment_patterns()
    lines = _lines(text, start, end, p)
    if not lines:
        return [Segment(_BODY, start, end)]
    _classify(lines, allow_headline, end - start, start, p)
    _mark_related_lists(lines, text, p)
    out: list[Segment] = []
    for i, line in enumerate(lines):
        seg_start = start if i == 0 else line.start
        seg_end = end if i == len(lines) - 1 else lines[i + 1].start
        out.append(Segment(line.kind, seg_start, seg_end))
    return out


def _normalise_hints(text: str, hints: Sequence[Segment]) -> list[Segment]:
    """Hints clipped to the text, in order, without overlaps or empty ranges."""
    out: list[Segment] = []
    pos = 0
    for h in sorted(hints, key=lambda s: (s.start, s.end)):
        a, b = max(h.start, pos, 0), min(h.end, len(text))
        if a < b:
            out.append(Segment(h.kind if h.kind in SEGMENT_KINDS else _BODY, a, b))
            pos = b
    return out


def _merge(segments: list[Segment]) -> list[Segment]:
    out: list[Segment] = []
    for s in segments:
        if out and out[-1].kind == s.kind and out[-1].end == s.start:
            out[-1] = Segment(s.kind, out[-1].start, s.end)
        else:
            out.append(Segment(s.kind, s.start, s.end))
    return out


def segment_text(text: str, hints: Sequence[Segment] = ()) -> list[Segment]:
    """Split ``text`` into segments that cover it exactly, in order, none empty, same kinds merged.

    ``hints`` are segments known from the input's structure: hinted ranges of any kind but ``body``
    are kept as they are; hinted ``body`` ranges and text no hint covers are segmented here (a
    headline is looked for only when no ``headline`` is hinted and the region is the first text).
    """
    if not text:
        return []
    norm = _normalise_hints(text, hints)
    has_headline = any(h.kind == "headline" for h in norm)
    # regions: (start, end, kind) with kind None for "segment this part here"
    regions: list[tuple[int, int, str | None]] = []
    pos = 0
    for h in norm:
        if pos < h.start:
            regions.append((pos, h.start, None))
        regions.append((h.start, h.end, None if h.kind == _BODY else h.kind))
        pos = h.end
    if pos < len(text):
        regions.append((pos, len(text), None))
    merged: list[tuple[int, int, str | None]] = []
    for r in regions:
        if merged and merged[-1][2] is None and r[2] is None:
            merged[-1] = (merged[-1][0], r[1], None)
        else:
            merged.append(r)
    out: list[Segment] = []
    for a, b, kind in merged:
        if kind is not None:
            out.append(Segment(kind, a, b))
            continue
        first_text = not text[:a].strip()
        out.extend(_refine(text, a, b, allow_headline=not has_headline and first_text))
    return _merge(_carve_furniture(text, _merge(out), segment_patterns()))


def _carve_furniture(text: str, segs: list[Segment], p: SegmentPatterns) -> list[Segment]:
    """``segs`` with each sentence of page furniture written inside a segment (``[boilerplate]
    inline_cs``: a site's notice on its readers' comments, carried inside a paragraph of a page read
    as run-in text) cut out as boilerplate; the text around it keeps its segment's kind."""
    spans = sorted((m.start(), m.end()) for rx in p.boilerplate_inline for m in rx.finditer(text))
    if not spans:
        return segs
    out: list[Segment] = []
    for seg in segs:
        at = seg.start
        for a, b in spans:
            if seg.kind == "boilerplate" or a < at or b > seg.end:
                continue
            if text[at:a].strip():
                out.append(Segment(seg.kind, at, a))
            else:
                a = at  # only space between: the furniture takes it
            out.append(Segment("boilerplate", a, b))
            at = b
        if at == seg.start:
            out.append(seg)  # nothing carved
        elif at < seg.end and text[at : seg.end].strip():
            out.append(Segment(seg.kind, at, seg.end))
        elif at < seg.end:
            out[-1] = Segment("boilerplate", out[-1].start, seg.end)  # only space after the furniture
    return out
