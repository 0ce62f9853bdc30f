"""The learned attribution tagger: packaged model, relations, features, and the trainer itself."""

from __future__ import annotations

import importlib.util
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from saidwhat.attribution.learned import LearnedRelation, open_tagger, predict_relations
from saidwhat.attribution.learned.corpus import char_roles, read_ann, token_tags
from saidwhat.attribution.learned.decode import TagSpan, group, packaged_tagger, tag_unit
from saidwhat.attribution.learned.features import (
    CLUSTERS_FILE,
    Parsed,
    cue_flags,
    load_centroids,
    packaged_centroids,
    unit_features,
)
from saidwhat.attribution.learned.train import corpus_files, parse_corpus, train

PARAGRAPH = (
    "Senator Jane Doe said on Tuesday that the budget would pass before the summer recess. "
    "\u201cIt is a good deal for working families,\u201d she told reporters in Washington.\n\n"
    "According to two officials, the talks will resume next week. "
    "The governor warned that the state could run out of money."
)


def _sentence_of(doc: Any, char: int) -> int:
    for k, sent in enumerate(doc.sents):
        if sent.start_char <= char < sent.end_char:
            return k
    raise AssertionError(f"offset {char} is in no sentence")


def _check_well_formed(doc: Any, rels: list[LearnedRelation]) -> None:
    text = doc.text
    for r in rels:
        assert r.content, r
        assert 0.0 <= r.score <= 1.0
        prev_end = -1
        for a, b in r.content:
            assert 0 <= a < b <= len(text)
            assert text[a:b].strip()
            assert a >= prev_end
            prev_end = b
        sent = _sentence_of(doc, r.content[0][0])
        for span in (r.source, r.cue):
            if span is None:
                continue
            a, b = span
            assert 0 <= a < b <= len(text)
            assert abs(_sentence_of(doc, a) - sent) <= 1 or any(
                abs(_sentence_of(doc, ca) - _sentence_of(doc, a)) <= 1 for ca, _ in r.content
            )


def test_model_loads_from_package() -> None:
    tagger = packaged_tagger()
    assert packaged_tagger() is tagger  # cached: opened once per process
    assert {"O", "B-SOURCE", "B-CUE", "B-CONTENT", "I-CONTENT"} <= set(tagger.labels())


def test_predict_relations_on_a_paragraph(nlp: Any) -> None:
    doc = nlp(PARAGRAPH)
    rels = predict_relations(doc)
    _check_well_formed(doc, rels)
    text = doc.text
    budget = text.index("the budget would pass")
    said = [r for r in rels if any(a <= budget < b for a, b in r.content)]
    assert said, rels
    assert said[0].source is not None
    assert "Jane Doe" in text[said[0].source[0] : said[0].source[1]]
    assert said[0].cue is not None and text[said[0].cue[0] : said[0].cue[1]] == "said"
    deal = text.index("good deal")
    quoted = [r for r in rels if any(a <= deal < b for a, b in r.content)]
    assert quoted and quoted[0].source is not None
    assert text[quoted[0].source[0] : quoted[0].source[1]] == "she"


def test_no_relations_without_evidence(nlp: Any) -> None:
    doc = nlp("The bridge is 40 metres long.\n\nIt was built in 1932 and painted red in 1990.")
    assert predict_relations(doc) == []


@pytest.mark.parametrize(
    "text",
    [
        "",
        "\n\n\n",
        '"' * 500,
        "\u201cA \u201cB \u201cC deep\u201d quote\u201d, he said\u201d. " * 40,
        "Word " * 900,
        "\u0627\u0644\u0633\u0644\u0627\u0645 said Netanyahu, \u05e9\u05dc\u05d5\u05dd.",
    ],
)
def test_bad_input_gives_well_formed_output(nlp: Any, text: str) -> None:
    doc = nlp(text)
    _check_well_formed(doc, predict_relations(doc))


def test_feature_extraction_is_deterministic(nlp: Any) -> None:
    a, b = Parsed.from_doc(nlp(PARAGRAPH)), Parsed.from_doc(nlp(PARAGRAPH))
    assert a.units == b.units
    fa = [unit_features(a, u) for u in a.units]
    fb = [unit_features(b, u, cue_flags(b)) for u in b.units]
    assert fa == fb
    said = a.text.index("said")
    feats = fa[0][said]
    assert "cue" in feats and "w=said" in feats


def test_word_class_features_from_the_token_vectors(nlp: Any) -> None:
    cents = packaged_centroids()
    assert sorted(cents) == [32, 256]
    p = Parsed.from_doc(nlp(PARAGRAPH))
    said = p.text.index("said")
    feats = unit_features(p, p.units[0])[said]
    assert any(f.startswith("c256=") for f in feats) and any(f.startswith("hc32=") for f in feats)
    # a document without vectors (tokenised only) simply has no word classes
    bare = Parsed.from_doc(nlp.make_doc(PARAGRAPH))
    assert bare.clusters == {}
    assert not any(f.startswith("c32=") for u in bare.units for t in unit_features(bare, u) for f in t)


def test_cue_and_clause_features(nlp: Any) -> None:
    text = "Senator Jane Doe rejected the claims that the plan failed.\nShe added:\n\u201cNo.\u201d"
    p = Parsed.from_doc(nlp(text))
    feats = {p.text[i]: f for u in p.units for i, f in zip(u, unit_features(p, u), strict=True)}
    # a nominal cue from the packaged list, with its part of speech
    assert "cue" in feats["claims"] and "cue|p=NOUN" in feats["claims"]
    # the verb's subject is a named entity; "added" has a pronoun subject
    assert "subj=ent" in feats["rejected"]
    assert "cue|subj=pron" in feats["added"]
    # "claims" governs a that-clause, "rejected" does not
    assert "that|l=claim" in feats["claims"] and "that" not in feats["rejected"]
    # the paragraph after "She added:" is marked as such, the others are not
    assert "pc=y" in feats["No"] and "pc=n" in feats["rejected"] and "pc=n" in feats["added"]


def test_content_after_a_colon_paragraph_joins_its_cue(nlp: Any) -> None:
    doc = nlp("The mayor spoke on Monday. She added:\n\u201cWe will rebuild the bridge.\u201d")
    p = Parsed.from_doc(doc)
    added = p.text.index("added")
    we = p.text.index("We")
    dot = len(p.text) - 2
    spans = [
        TagSpan("SOURCE", added - 1, added, p.sent[added], 0, 0.9),
        TagSpan("CUE", added, added + 1, p.sent[added], 0, 0.9),
        TagSpan("CONTENT", we, dot + 1, p.sent[we], 1, 0.9),
    ]
    (rel,) = group(p, spans)
    assert rel.cue is not None and doc.text[rel.cue[0] : rel.cue[1]] == "added"
    assert rel.source is not None and doc.text[rel.source[0] : rel.source[1]] == "She"
    assert doc.text[rel.content[0][0] : rel.content[-1][1]] == "We will rebuild the bridge."
    # without the colon the two paragraphs stay apart: the content has no cue
    doc2 = nlp("The mayor spoke on Monday. She added.\n\u201cWe will rebuild the bridge.\u201d")
    p2 = Parsed.from_doc(doc2)
    (rel2,) = group(p2, [TagSpan(s.role, s.start, s.end, p2.sent[s.start], s.unit, s.score) for s in spans])
    assert rel2.cue is None


def test_units_are_paragraphs(nlp: Any) -> None:
    p = Parsed.from_doc(nlp(PARAGRAPH))
    assert len(p.units) == 2
    assert [p.text[i] for i in p.units[1][:2]] == ["According", "to"]
    assert all(not p.doc[i].is_space for u in p.units for i in u)


def _ann(text: str, rels: list[tuple[str | None, str, list[str]]]) -> str:
    """Brat lines for (source, cue, content fragments) given as substrings of ``text``."""
    lines: list[str] = []
    t = 0
    for e, (source, cue, contents) in enumerate(rels, 1):
        roles: list[str] = []
        for role, sub in (("Source", source), ("Cue", cue)):
            if sub is None:
                continue
            t += 1
            a = text.index(sub)
            lines.append(f"T{t}\t{role} {a} {a + len(sub)}\t{sub}")
            roles.append(f"{role}:T{t}")
        t += 1
        frags = [(text.index(c), text.index(c) + len(c)) for c in contents]
        spans = ";".join(f"{a} {b}" for a, b in frags)
        lines.append(f"T{t}\tContent {spans}\t{' '.join(contents)}")
        roles.append(f"Content:T{t}")
        lines.append(f"E{e}\tAttribution:T{t} " + " ".join(roles))
    return "\n".join(lines) + "\n"


def test_read_ann_and_tags(nlp: Any, tmp_path: Path) -> None:
    text = "\u201cWe will win,\u201d the coach said, \u201cand then we rest.\u201d\n"
    ann = tmp_path / "a.ann"
    ann.write_text(_ann(text, [("the coach", "said", ["We will win,", "and then we rest."])]))
    (rel,) = read_ann(ann)
    assert len(rel.content) == 2 and len(rel.cue) == 1
    p = Parsed.from_doc(nlp(text))
    tags = token_tags(p, p.units[0], char_roles(len(text), [rel]))
    words = [p.text[i] for i in p.units[0]]
    assert list(zip(words, tags, strict=True))[:9] == [
        ("\u201c", "O"),
        ("We", "B-CONTENT"),
        ("will", "I-CONTENT"),
        ("win", "I-CONTENT"),
        (",", "I-CONTENT"),
        ("\u201d", "O"),
        ("the", "B-SOURCE"),
        ("coach", "I-SOURCE"),
        ("said", "B-CUE"),
    ]
    assert tags[words.index("and")] == "B-CONTENT"


@settings(max_examples=50, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 90), st.integers(1, 10)), min_size=1, max_size=6))
def test_char_roles_cover_exactly_the_spans(raw: list[tuple[int, int]]) -> None:
    from saidwhat.attribution.learned.corpus import GoldRelation

    rels = [GoldRelation((), (), ((a, a + n),)) for a, n in raw]
    roles = char_roles(100, rels)
    covered = {k for a, n in raw for k in range(a, min(100, a + n))}
    assert {k for k, r in enumerate(roles) if r is not None} == covered
    assert all(r is None or r[0] == "CONTENT" for r in roles)


SYNTHETIC: list[tuple[str, list[tuple[str | None, str, list[str]]]]] = [
    (
        "The mayor said that the bridge would reopen in May.\n",
        [("The mayor", "said", ["that the bridge would reopen in May"])],
    ),
    ("\u201cWe need buses,\u201d the driver told us.\n", [("the driver", "told", ["We need buses,"])]),
    ("The council argued that taxes were high.\n", [("The council", "argued", ["that taxes were high"])]),
    ("The river flooded the old town last spring.\n", []),
    (
        "Critics claimed that the plan was too expensive.\n",
        [("Critics", "claimed", ["that the plan was too expensive"])],
    ),
]


def _synthetic_corpus(tmp_path: Path) -> list[Path]:
    """:data:`SYNTHETIC` written as a brat corpus; its ``.txt`` files."""
    data = tmp_path / "train"
    data.mkdir()
    for k, (text, rels) in enumerate(SYNTHETIC):
        (data / f"d{k}.txt").write_text(text, encoding="utf-8")
        (data / f"d{k}.ann").write_text(_ann(text, rels) if rels else "", encoding="utf-8")
    return corpus_files(data)


def test_training_end_to_end(nlp: Any, tmp_path: Path) -> None:
    files = _synthetic_corpus(tmp_path)
    assert len(files) == len(SYNTHETIC)
    docs = parse_corpus(files, nlp, cache=tmp_path / "parses.spacy")
    model = tmp_path / "tiny.crfsuite"
    train(docs, files, model, c1=0.0, c2=0.01, max_iterations=100, minfreq=1)
    assert model.stat().st_size > 0
    # reproducible: the same data and options give the same model, byte for byte
    twin = tmp_path / "twin.crfsuite"
    train(docs, files, twin, c1=0.0, c2=0.01, max_iterations=100, minfreq=1)
    assert twin.read_bytes() == model.read_bytes()
    # the word classes are written beside the model, the same on every run
    cents = load_centroids(tmp_path / CLUSTERS_FILE)
    assert sorted(cents) == [32, 256] and all(c.shape[1] == docs[0].tensor.shape[1] for c in cents.values())
    tagger = open_tagger(model)
    # the tagger reproduces the tags of its training sentence
    text = SYNTHETIC[0][0]
    p = Parsed.from_doc(docs[0], cents)
    assert p.clusters and all(len(a) == len(docs[0]) for a in p.clusters.values())
    gold = token_tags(p, p.units[0], char_roles(len(text), read_ann(files[0].with_suffix(".ann"))))
    tags, probs = tag_unit(tagger, p, p.units[0], cue_flags(p))
    assert tags == gold
    assert all(0.0 <= x <= 1.0 for x in probs)
    (rel,) = predict_relations(docs[0], tagger, cents)
    assert rel.source is not None and text[rel.source[0] : rel.source[1]] == "The mayor"
    assert rel.cue is not None and text[rel.cue[0] : rel.cue[1]] == "said"
    assert text[rel.content[0][0] : rel.content[-1][1]] == "that the bridge would reopen in May"
    # the parse cache is read back on the next run
    again = parse_corpus(files, nlp, cache=tmp_path / "parses.spacy")
    assert [d.text for d in again] == [d.text for d in docs]
    # with the token vectors the word classes are computed from
    assert all((a.tensor == d.tensor).all() for a, d in zip(again, docs, strict=True))


class _FakeMarginals:
    """A tagger stand-in: fixed marginal probabilities per token."""

    def __init__(self, rows: list[dict[str, float]]) -> None:
        self.rows = rows

    def marginal(self, y: str, t: int) -> float:
        return self.rows[t].get(y, 0.0)


def test_posterior_fill_gives_an_o_token_its_most_probable_role() -> None:
    from saidwhat.attribution.learned.decode import _fill_from_marginals

    labels = frozenset({"O", "B-SOURCE", "I-SOURCE", "B-CUE", "I-CUE", "B-CONTENT", "I-CONTENT"})
    rows = [
        {"O": 0.4, "B-SOURCE": 0.5, "I-SOURCE": 0.1},  # source beats O
        {"O": 0.3, "B-CUE": 0.4, "I-CUE": 0.3},  # cue beats O
        {"O": 0.5, "B-CONTENT": 0.5},  # a tie stays O
        {"O": 0.2, "I-CONTENT": 0.8},  # content far from any Viterbi content
        {"O": 0.2, "I-CONTENT": 0.8},
    ]
    tags = ["O"] * 5
    _fill_from_marginals(_FakeMarginals(rows), tags, labels)
    assert tags == ["B-SOURCE", "B-CUE", "O", "B-CONTENT", "I-CONTENT"]


def test_posterior_fill_keeps_viterbi_content_boundaries() -> None:
    from saidwhat.attribution.learned.decode import _fill_from_marginals

    labels = frozenset({"O", "B-SOURCE", "I-SOURCE", "B-CUE", "I-CUE", "B-CONTENT", "I-CONTENT"})
    rows = [{"O": 0.1, "I-CONTENT": 0.9}] * 3 + [{}, {"O": 0.1, "I-CONTENT": 0.9}]
    tags = ["O", "O", "B-CONTENT", "I-CONTENT", "O"]
    _fill_from_marginals(_FakeMarginals(rows), tags, labels)
    # the O runs touching the Viterbi content span never become content
    assert tags == ["O", "O", "B-CONTENT", "I-CONTENT", "O"]


def test_viterbi_decoding_is_a_setting() -> None:
    from saidwhat.attribution.lexicon import _decoding

    assert _decoding("posterior") is True and _decoding("viterbi") is False
    with pytest.raises(ValueError, match="decoding"):
        _decoding("beam")


# PyTorch is never in the run-time venv: the training test runs in the training environment
# (`make train-env`; SAIDWHAT_TRAIN_VENV names another one)
TRAIN_VENV = Path(
    os.environ.get("SAIDWHAT_TRAIN_VENV", Path(__file__).resolve().parent.parent / ".venv-train")
)


def _in_training_venv(test: str) -> None:
    """Run ``test`` of this file in TRAIN_VENV (skip, saying why, when there is none)."""
    python = TRAIN_VENV / "bin" / "python"
    if not python.exists():
        pytest.skip(f"PyTorch lives in the training environment {TRAIN_VENV} (make train-env), absent here")
    root = Path(__file__).resolve().parent.parent
    args = ["-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:xdist", f"{__file__}::{test}"]
    env = {**os.environ, "PYTHONPATH": str(root)}
    r = subprocess.run([str(python), *args], capture_output=True, text=True, cwd=root, env=env, timeout=900)
    assert r.returncode == 0 and "1 passed" in r.stdout, r.stdout[-3000:] + r.stderr[-2000:]


def test_neural_training_end_to_end(nlp: Any, tmp_path: Path) -> None:
    """The neural tagger's trainer (PyTorch, a training-only dependency) on a tiny corpus: the
    weights it writes are read back by the NumPy tagger, and two runs give the same bytes."""
    if importlib.util.find_spec("torch") is None:  # the run-time venv
        _in_training_venv("test_neural_training_end_to_end")
        return
    from saidwhat.attribution.learned.neural import VOCAB_FILE, load_neural
    from saidwhat.attribution.learned.train_neural import train as train_neural

    files = _synthetic_corpus(tmp_path)
    docs = parse_corpus(files, nlp)
    options: dict[str, Any] = {
        "epochs": 40,
        "minfreq": 1,
        "batch": 2,
        "dropout": 0.0,
        "lr": 0.01,
        "threads": 1,
    }
    first, second = tmp_path / "a" / "neural.npz", tmp_path / "b" / "neural.npz"
    tagger = train_neural(docs, files, first, **options)
    train_neural(docs, files, second, **options)
    assert first.read_bytes() == second.read_bytes()
    assert (first.parent / VOCAB_FILE).read_bytes() == (second.parent / VOCAB_FILE).read_bytes()
    loaded = load_neural(first, first.parent / VOCAB_FILE)
    assert loaded.vocab == tagger.vocab and "w=said" in loaded.vocab
    # the neural tagger alone learns its training sentences
    text, _ = SYNTHETIC[0]
    (rel,) = predict_relations(docs[0], neural=loaded, weight=1.0)
    assert rel.cue is not None and text[rel.cue[0] : rel.cue[1]] == "said"
    assert rel.source is not None and text[rel.source[0] : rel.source[1]] == "The mayor"
    assert text[rel.content[0][0] : rel.content[-1][1]] == "that the bridge would reopen in May"
