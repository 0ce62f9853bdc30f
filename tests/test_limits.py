"""Bounded analysis cost (issue 14): the tokenizer is linear and exact, long texts are parsed in
chunks with exact offsets, the per-article time budget stops the work (E_TIMEOUT), and every
``--max-bytes`` accepted is safe."""

from __future__ import annotations

import itertools
import random
import re
import time
from pathlib import Path
from typing import Any

import pytest
from spacy.attrs import SENT_START
from spacy.language import Language
from typer.testing import CliRunner

import saidwhat.bounded as bounded
import saidwhat.nlp_limits as limits
from saidwhat.deadline import AnalysisTimeout, Deadline
from saidwhat.errors import CATALOGUE
from saidwhat.ingest.base import SourceDoc
from saidwhat.model import check_contract
from saidwhat.nlp_limits import (
    MAX_RUN,
    WindowedSuffixSearch,
    chunk_spans,
    long_runs,
    pipe_bounded,
    run_pieces,
)
from saidwhat.pipeline import analyze, analyze_text

PROSE = (
    "Officials said on Friday that talks would resume in Cairo next week. "
    '"We are close to a deal," a senior Hamas official told Reuters, speaking on condition of anonymity. '
    "According to KAN, Israeli sources confirmed on Saturday that 48 hostages remain in Gaza. "
    "President Donald Trump wrote on Truth Social that the agreement was \u201cvery close.\u201d\n\n"
)


def _plain_tokenizer(nlp: Language) -> Any:
    tok = nlp.tokenizer
    return getattr(tok, "inner", tok)


def _suffix_pattern(nlp: Language) -> re.Pattern[str]:
    search = _plain_tokenizer(nlp).suffix_search
    pattern = search.pattern if isinstance(search, WindowedSuffixSearch) else search.__self__
    assert isinstance(pattern, re.Pattern)
    return pattern


# -- the tokenizer -------------------------------------------------------------------------------


def test_windowed_suffix_search_matches_the_whole_pattern(nlp: Language) -> None:
    pattern = _suffix_pattern(nlp)
    windowed = WindowedSuffixSearch(pattern)
    # every bounded rule is short: the window is a few characters, whatever the chunk length
    assert windowed.width <= 16
    rnd = random.Random(14)
    alphabet = [*list(").([]\"'!?…-_*“”.a1Z:;,/😀%$°CFkm"), "..", "...", "n't", "'s", "km", "°F"]
    for _ in range(4000):
        s = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(1, 120)))
        want = pattern.search(s)
        got = windowed(s)
        assert (want is None) == (got is None), s
        if want is not None and got is not None:
            assert (got.start() - got.end()) == (want.start() - want.end()), s


def test_tokens_unchanged_on_ordinary_text(nlp: Language, sample_000: str, sample_002: str) -> None:
    plain = _plain_tokenizer(nlp)
    for text in (sample_000, sample_002, PROSE * 3, "a" * MAX_RUN + " " + ")" * MAX_RUN):
        assert [(t.text, t.whitespace_) for t in nlp.tokenizer(text)] == [
            (t.text, t.whitespace_) for t in plain(text)
        ]


@pytest.mark.parametrize(
    "text",
    [
        ")" * 20_000,
        "[" * 20_000,
        '"' * 20_000,
        "😀" * 20_000,
        ") " * 10_000,
        '" ' * 10_000,
        "x" + ")" * 5_000 + " He said so. " + "“" * 3_000 + "\n" + "_ " * 2_000,
    ],
)
def test_hostile_runs_are_few_tokens_with_the_exact_text(nlp: Language, text: str) -> None:
    """The inputs that took 11-41 s (quadratic affix peeling): now a token per 500 characters."""
    doc = nlp.tokenizer(text)
    assert doc.text == text
    assert len(doc) <= len(text) // MAX_RUN + 12
    assert all(len(t.text) <= MAX_RUN for t in doc)


def test_run_pieces_cover_the_text() -> None:
    text = "Intro. " + ")" * 1_234 + " tail " + "- " * 700 + "\nend"
    runs = long_runs(text)
    assert len(runs) == 2
    rebuilt = "".join(part for part, _words, _space in run_pieces(text))
    assert rebuilt == text
    for part, words, space in run_pieces(text):
        if words:
            assert "".join(words) + (" " if space else "") == part
            assert max(len(w) for w in words) <= MAX_RUN


def test_newline_boundaries_as_before(nlp: Language, sample_000: str) -> None:
    """The array version of the component sets the boundaries the token-by-token one did."""
    from saidwhat.nlp import newline_boundaries, wrapped

    text = sample_000 + "\nA line without a stop\n\n  Another one\nlast\n\n\nwords"
    ours = newline_boundaries(nlp.make_doc(text))
    ref = nlp.make_doc(text)
    breaks, last = 0, None
    for tok in ref:
        if breaks and not tok.is_space:
            if not wrapped(last, tok, breaks):
                tok.is_sent_start = True
            breaks = 0
        if not tok.is_space:
            last = tok
        breaks += tok.text.count("\n") + tok.whitespace_.count("\n")
    assert ours.to_array([SENT_START]).tolist() == ref.to_array([SENT_START]).tolist()


def test_a_line_break_inside_a_sentence_ends_none(nlp: Language) -> None:
    """A hard-wrapped sentence is one sentence; a headline line, or one ending with a stop, ends its own."""
    text = (
        "With this, the total number of\n\npositive cases has mounted to 1707, officials said.\n"
        "Swine flu toll rises\nThe ministry said 12 people had died.\nIt said so.\nthe end"
    )
    sents = [s.text.strip() for s in nlp(text).sents]
    assert sents[0] == "With this, the total number of\n\npositive cases has mounted to 1707, officials said."
    assert "Swine flu toll rises" in sents  # a headline ends its line
    assert "the end" in sents  # after a stop, a line in lower case is still a sentence of its own


def test_blow_up_inputs_analysed_fast() -> None:
    """20 KB of ``)`` took 41 s, 10 KB of ``"`` 11 s; a wide bound, not a benchmark."""
    for text in (")" * 20_000, '"' * 20_000, "[ " * 5_000):
        t0 = time.perf_counter()
        analysis = analyze_text(text)
        assert time.perf_counter() - t0 < 60
        assert analysis.doc.text == text


# -- chunks ----------------------------------------------------------------------------------------


def test_chunk_spans_cover_the_text_and_cut_after_paragraphs() -> None:
    text = PROSE * 400  # 130,000 characters, paragraphs of 320
    assert len(text) > limits.CHUNK_ABOVE
    spans = chunk_spans(text)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a == prev_b for (_pa, prev_b), (a, _b) in itertools.pairwise(spans))
    assert all(b - a <= limits.CHUNK_CHARS for a, b in spans)
    assert all(text[:b].endswith("\n\n") for _a, b in spans[:-1])
    assert chunk_spans(PROSE * 10) == [(0, len(PROSE * 10))]
    # no paragraph, no line, no space: hard cuts at the limit
    step = limits.CHUNK_CHARS
    assert chunk_spans("x" * 10 * step) == [(k, k + step) for k in range(0, 10 * step, step)]


@pytest.fixture
def small_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Chunk from 6,000 characters on, in chunks of at most 2,500 (the defaults are 100,000 / 20,000)."""
    monkeypatch.setattr(limits, "CHUNK_ABOVE", 6_000)
    monkeypatch.setattr(limits, "CHUNK_CHARS", 2_500)


def _long_text(sample_000: str, sample_002: str) -> str:
    """Real sentences repeated: the two samples, their paragraphs shuffled, several times."""
    paras = [p for p in (sample_000 + "\n\n" + sample_002).split("\n") if p.strip()]
    rnd = random.Random(3)
    out: list[str] = []
    for _ in range(3):
        rnd.shuffle(paras)
        out.extend(paras)
    return "\n\n".join(out)


def test_chunked_analysis_keeps_offsets_exact(
    small_chunks: None, nlp: Language, sample_000: str, sample_002: str
) -> None:
    text = _long_text(sample_000, sample_002)
    assert len(chunk_spans(text)) > 5
    (parsed,) = pipe_bounded(nlp, [(text, None)])
    assert parsed.chunked and parsed.doc.text == text
    assert [t.idx for t in parsed.doc] == sorted(t.idx for t in parsed.doc)
    analysis = analyze_text(text, published="2025-08-10")
    data = analysis.to_dict()
    assert check_contract(data) == []
    assert analysis.statements and analysis.entities and analysis.timexes
    for st in analysis.statements:
        assert text[st.content.start : st.content.end] == st.content.text
        if st.speaker is not None:
            assert text[st.speaker.start : st.speaker.end] == st.speaker.text
    for ent in analysis.entities:
        for m in ent.mentions:
            assert text[m.start : m.end] == m.text
    for tx in analysis.timexes:
        assert text[tx.start : tx.end] == tx.text


def test_spacy_max_length_never_reached(
    small_chunks: None, nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A text over spaCy's max_length (E088) is parsed in chunks under it."""
    monkeypatch.setattr(nlp, "max_length", 5_000)
    text = PROSE * 40  # 13,000 characters
    (parsed,) = pipe_bounded(nlp, [(text, None)])
    assert parsed.doc.text == text and parsed.chunked


def test_batches_bounded_in_characters(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "BATCH_CHARS", 1_000)
    items = [("x" * 400, i) for i in range(5)]
    groups = list(limits._groups(items, batch_size=16))
    assert [len(g) for g in groups] == [2, 2, 1]


# -- the time budget -------------------------------------------------------------------------------


def test_timeout_is_in_the_catalogue() -> None:
    assert "E_TIMEOUT" in CATALOGUE
    doc = (Path(__file__).resolve().parent.parent / "docs" / "errors.md").read_text(encoding="utf-8")
    assert "| `E_TIMEOUT` |" in doc


def test_deadline_check_counts_and_expires() -> None:
    now = [0.0]
    d = Deadline(2.0, clock=lambda: now[0])
    d.check("segmentation")
    now[0] = 1.9
    d.check("the parse")
    now[0] = 2.1
    with pytest.raises(AnalysisTimeout) as info:
        d.check("attribution")
    # the message names the stage that ran over
    assert info.value.code == "E_TIMEOUT" and "during the parse" in info.value.message
    assert d.checks == 3
    d.restart()
    d.check("again")
    assert not Deadline(None).enabled and not Deadline(0).enabled


def test_hard_stop_interrupts_running_code() -> None:
    d = Deadline(0.3)
    t0 = time.perf_counter()
    d.check("a busy loop")
    with pytest.raises(AnalysisTimeout, match="during a busy loop"), d.hard_stop():
        while True:
            sum(range(1000))
    assert time.perf_counter() - t0 < 30


class _SlowFor(Deadline):
    """A deadline whose clock runs 1,000 s per check for sources named ``slow...``."""

    def check(self, stage: str) -> None:
        if self.source is not None and Path(self.source).name.startswith("slow"):
            self.started -= 1_000.0
        super().check(stage)


def _src(name: str, text: str) -> SourceDoc:
    return SourceDoc(source=name, text=text, stem=Path(name).stem, title=None, published=None)


def test_timeout_skips_the_article_and_goes_on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bounded, "Deadline", _SlowFor)
    errors: list[tuple[str, str]] = []
    results = list(
        analyze(
            [_src("a.txt", PROSE), _src("slow.txt", PROSE * 2), _src("b.txt", PROSE)],
            timeout=30,
            on_error=lambda src, e: errors.append((src.source, e.code)),
        )
    )
    assert [a.doc.source for a in results] == ["a.txt", "b.txt"]
    assert errors == [("slow.txt", "E_TIMEOUT")]
    with pytest.raises(AnalysisTimeout):
        list(analyze([_src("slow.txt", PROSE)], timeout=30))


def test_timeout_output_equals_batched_output() -> None:
    srcs = [_src("a.txt", PROSE), _src("b.txt", PROSE * 2 + "Smith said he agreed.")]
    batched = [a.to_dict() for a in analyze(srcs)]
    alone = [a.to_dict() for a in analyze(srcs, timeout=600)]
    assert batched == alone


def _cli(monkeypatch: pytest.MonkeyPatch, *args: str) -> Any:
    from saidwhat.cli import app

    monkeypatch.setattr(bounded, "Deadline", _SlowFor)
    return CliRunner().invoke(app, list(args))


def test_cli_reports_e_timeout_and_goes_on(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "slow.txt").write_text(PROSE, encoding="utf-8")
    (tmp_path / "fast.txt").write_text(PROSE, encoding="utf-8")
    slow, fast = str(tmp_path / "slow.txt"), str(tmp_path / "fast.txt")
    res = _cli(monkeypatch, "analyze", slow, fast, "--timeout", "60")
    assert res.exit_code == 1
    out = [ln for ln in res.stdout.splitlines() if ln.startswith("{")]
    assert len(out) == 1 and "fast.txt" in out[0]
    assert re.search(r"^error\[E_TIMEOUT\] \S*slow\.txt: ", res.stderr, re.M)


@pytest.mark.parametrize(
    ("value", "ok"), [("0", False), ("-5", False), ("20000000", False), ("7000000", True)]
)
def test_cli_max_bytes_is_safe_or_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, value: str, ok: bool
) -> None:
    f = tmp_path / "a.txt"
    f.write_text(PROSE, encoding="utf-8")
    res = _cli(monkeypatch, "analyze", str(f), "--max-bytes", value)
    if ok:
        assert res.exit_code == 0, res.stderr
    else:
        assert res.exit_code == 1
        assert res.stderr.startswith("error[E_BAD_REQUEST] --max-bytes: ")
        assert "Traceback" not in res.stderr


def test_cli_negative_timeout_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    f = tmp_path / "a.txt"
    f.write_text(PROSE, encoding="utf-8")
    res = _cli(monkeypatch, "analyze", str(f), "--timeout", "-1")
    assert res.exit_code == 1 and res.stderr.startswith("error[E_BAD_REQUEST] --timeout: ")


def test_bounded_tokenizer_pickles_and_serialises(nlp: Language) -> None:
    import pickle

    tok = pickle.loads(pickle.dumps(nlp.tokenizer))
    text = ")" * 3_000 + ' He said "no."'
    assert [t.text for t in tok(text)] == [t.text for t in nlp.tokenizer(text)]
    assert _plain_tokenizer(nlp).to_bytes()  # spaCy reads the rules through suffix_search.__self__


@pytest.mark.parametrize(
    ("name", "value"), [("SAIDWHAT_MAX_BYTES", "99999999"), ("SAIDWHAT_ANALYSIS_TIMEOUT", "-3")]
)
def test_cli_refuses_unsafe_settings_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, value: str
) -> None:
    f = tmp_path / "a.txt"
    f.write_text(PROSE, encoding="utf-8")
    monkeypatch.setenv(name, value)
    res = _cli(monkeypatch, "analyze", str(f))
    assert res.exit_code == 1 and res.stderr.startswith(f"error[E_BAD_REQUEST] {name}: ")


def test_token_dense_text_is_chunked_by_tokens() -> None:
    """Short lines ("Yes.") make three times the tokens of prose per character, and the parser's
    memory follows the tokens: such a text is chunked under CHUNK_ABOVE characters, and no chunk
    holds more than CHUNK_TOKENS estimated tokens."""
    text = "Yes.\n" * 19_800  # 99,000 characters, ~40,000 tokens: parsed whole before (1 GB of peak)
    assert len(text) < limits.CHUNK_ABOVE
    assert limits.estimate_tokens(text) > limits.CHUNK_ABOVE_TOKENS
    spans = chunk_spans(text)
    assert len(spans) > 1
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a == prev_b for (_pa, prev_b), (a, _b) in itertools.pairwise(spans))
    assert all(limits.estimate_tokens(text, a, b) <= limits.CHUNK_TOKENS for a, b in spans)
    assert all(text[:b].endswith("\n") for _a, b in spans[:-1])  # cut after a line
    # prose of the same length as the longest article of the corpora stays whole
    assert chunk_spans(PROSE * 100) == [(0, len(PROSE * 100))]


def test_batches_bounded_in_tokens(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "BATCH_TOKENS", 1_000)
    items = [("Yes.\n" * 150, i) for i in range(5)]  # 300 estimated tokens each, 750 characters
    groups = list(limits._groups(items, batch_size=16))
    assert [len(g) for g in groups] == [3, 2]


def test_the_warm_up_runs_once_per_process_not_once_per_call(monkeypatch: pytest.MonkeyPatch) -> None:
    """A worker analyses one article per call: a warm-up per call cost 18 ms of CPU per article."""
    from saidwhat.ingest.service import analyse
    from saidwhat.settings import Settings

    seen: list[str] = []
    real = bounded._analyze_one

    def counting(src: SourceDoc, *args: Any) -> Any:
        seen.append(src.source)
        return real(src, *args)

    monkeypatch.setattr(bounded, "_analyze_one", counting)
    monkeypatch.setattr(bounded, "_WARMED", type(bounded._WARMED)())  # as in a fresh process
    settings = Settings(analysis_timeout=60)
    for i in range(3):
        text = f"The mayor said on Monday that bridge {i} would open.\n"
        assert [s.source for s, _ in analyse([SourceDoc(f"call-{i}", text, "t")], settings)] == [f"call-{i}"]
    assert seen == [bounded._WARM_UP.source, "call-0", "call-1", "call-2"]
