"""The learned tagger's NumPy inference: CRF recursions, the BiLSTM, the mixture, batching."""

from __future__ import annotations

import itertools
from importlib.resources import files
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from saidwhat.attribution.learned import predict_batch, predict_relations
from saidwhat.attribution.learned.corpus import LABELS
from saidwhat.attribution.learned.crf import LinearCRF, forward_backward, viterbi
from saidwhat.attribution.learned.decode import (
    MODEL_FILE,
    attribute_space,
    bio_viterbi,
    packaged_tagger,
)
from saidwhat.attribution.learned.features import Parsed, cue_flags, unit_features
from saidwhat.attribution.learned.neural import NeuralTagger, load_neural, packaged_neural, save_neural

PARAGRAPHS = (
    "Senator Jane Doe said on Tuesday that the budget would pass before the summer recess. "
    "\u201cIt is a good deal for working families,\u201d she told reporters in Washington.\n\n"
    "According to two officials, the talks will resume next week.\n\n"
    "The governor warned that the state could run out of money, and aides said he would veto it."
)


def _paths(k: int, n: int) -> list[tuple[int, ...]]:
    return list(itertools.product(range(k), repeat=n))


def _brute_force(scores: np.ndarray, trans: np.ndarray) -> tuple[np.ndarray, tuple[int, ...]]:
    """Marginals and best path of one unit by enumerating every label sequence."""
    n, k = scores.shape
    weights: dict[tuple[int, ...], float] = {}
    for path in _paths(k, n):
        s = sum(scores[t, y] for t, y in enumerate(path)) + sum(
            trans[a, b] for a, b in itertools.pairwise(path)
        )
        weights[path] = s
    top = max(weights.values())
    z = sum(np.exp(w - top) for w in weights.values())
    marg = np.zeros((n, k))
    for path, w in weights.items():
        for t, y in enumerate(path):
            marg[t, y] += np.exp(w - top) / z
    best = max(weights, key=weights.__getitem__)
    return marg, best


@settings(max_examples=40, deadline=None)
@given(
    lengths=st.lists(st.integers(1, 4), min_size=1, max_size=4),
    seed=st.integers(0, 2**16),
)
def test_crf_recursions_match_enumeration(lengths: list[int], seed: int) -> None:
    # 3 labels keep the enumeration small; units of different lengths run in one batch
    rng = np.random.default_rng(seed)
    k = 3
    scores = rng.normal(0, 2, (sum(lengths), k))
    trans = rng.normal(0, 2, (k, k))
    marg = forward_backward(scores, lengths, trans)
    best = viterbi(scores, lengths, trans)
    at = 0
    for n in lengths:
        ref_marg, ref_best = _brute_force(scores[at : at + n], trans)
        np.testing.assert_allclose(marg[at : at + n], ref_marg, atol=1e-9)
        assert tuple(best[at : at + n].tolist()) == ref_best
        at += n


def test_crf_recursions_on_empty_input() -> None:
    trans = np.zeros((7, 7))
    assert forward_backward(np.zeros((0, 7)), [], trans).shape == (0, 7)
    assert viterbi(np.zeros((0, 7)), [], trans).shape == (0,)


def test_numpy_crf_reproduces_crfsuite(nlp: Any) -> None:
    """The packaged CRF read into NumPy gives CRFsuite's own tags and marginals."""
    import pycrfsuite

    path = Path(str(files("saidwhat.attribution.learned").joinpath(MODEL_FILE)))
    crf = packaged_tagger()
    assert isinstance(crf, LinearCRF)
    assert set(crf.labels()) == set(LABELS)
    suite = pycrfsuite.Tagger()
    suite.open(str(path))
    p = Parsed.from_doc(nlp(PARAGRAPHS))
    is_cue = cue_flags(p)
    space = attribute_space(crf, None)
    for unit in p.units:
        feats = unit_features(p, unit, is_cue)
        scores, bag = space.scores(feats)
        assert bag is None
        marg = crf.marginals(scores, [len(unit)])
        tags = [LABELS[y] for y in crf.viterbi(scores, [len(unit)]).tolist()]
        suite.set(feats)
        assert tags == suite.tag()
        ref = np.array([[suite.marginal(y, t) for y in LABELS] for t in range(len(unit))])
        np.testing.assert_allclose(marg, ref, atol=1e-4)


@settings(max_examples=30, deadline=None)
@given(lengths=st.lists(st.integers(1, 5), min_size=1, max_size=3), seed=st.integers(0, 2**16))
def test_bio_viterbi_is_the_best_consistent_path(lengths: list[int], seed: int) -> None:
    rng = np.random.default_rng(seed)
    prob = rng.dirichlet(np.ones(len(LABELS)), sum(lengths))
    best = bio_viterbi(prob, lengths)
    at = 0
    for n in lengths:
        path = [LABELS[y] for y in best[at : at + n].tolist()]
        # consistent: an I- tag continues its own role
        for prev, cur in zip(["O", *path], path, strict=False):
            assert not cur.startswith("I-") or prev[2:] == cur[2:]
        if n <= 3:
            ok = [
                q
                for q in _paths(len(LABELS), n)
                if all(
                    not LABELS[c].startswith("I-") or LABELS[a][2:] == LABELS[c][2:]
                    for a, c in zip((0, *q), q, strict=False)
                )
            ]
            logp = np.log(prob[at : at + n])
            top = max(ok, key=lambda q: sum(logp[t, y] for t, y in enumerate(q)))
            assert sum(logp[t, y] for t, y in enumerate(top)) == pytest.approx(
                sum(logp[t, y] for t, y in enumerate(best[at : at + n].tolist()))
            )
        at += n


def _tiny_tagger(seed: int, hidden: int = 3, emb: int = 4, width: int = 5) -> NeuralTagger:
    rng = np.random.default_rng(seed)

    def w(*shape: int) -> np.ndarray:
        return rng.normal(0, 0.7, shape).astype(np.float32)

    h = hidden
    return NeuralTagger(
        vocab={"w=a": 1, "w=b": 2, "tab\there": 3, "\u05e9\u05dc\u05d5\u05dd": 4},
        emb=np.vstack([np.zeros((1, emb), np.float32), w(4, emb)]),
        tp_w=w(width, emb),
        tp_b=w(emb),
        inp_w=w(2 * emb, 2 * h),
        inp_b=w(2 * h),
        wih_f=w(2 * h, 4 * h),
        whh_f=w(h, 4 * h),
        b_f=w(4 * h),
        wih_b=w(2 * h, 4 * h),
        whh_b=w(h, 4 * h),
        b_b=w(4 * h),
        out_w=w(2 * h, len(LABELS)),
        out_b=w(len(LABELS)),
    )


def _reference_probs(t: NeuralTagger, bag: np.ndarray, vectors: np.ndarray, lengths: list[int]) -> np.ndarray:
    """The BiLSTM written out one unit and one token at a time (PyTorch's gate order i, f, g, o)."""

    def sig(x: np.ndarray) -> np.ndarray:
        return np.asarray(1 / (1 + np.exp(-x)))

    x = np.concatenate([bag, vectors @ t.tp_w + t.tp_b], axis=1)
    x = np.maximum(x @ t.inp_w + t.inp_b, 0)
    hd = t.hidden
    out = np.zeros((len(x), 2 * hd))
    at = 0
    for n in lengths:
        for wih, whh, b, steps, off in (
            (t.wih_f, t.whh_f, t.b_f, range(at, at + n), 0),
            (t.wih_b, t.whh_b, t.b_b, range(at + n - 1, at - 1, -1), hd),
        ):
            h = np.zeros(hd)
            c = np.zeros(hd)
            for i in steps:
                g = x[i] @ wih + h @ whh + b
                c = sig(g[hd : 2 * hd]) * c + sig(g[:hd]) * np.tanh(g[2 * hd : 3 * hd])
                h = sig(g[3 * hd :]) * np.tanh(c)
                out[i, off : off + hd] = h
        at += n
    z = out @ t.out_w + t.out_b
    z = np.exp(z - z.max(axis=1, keepdims=True))
    return np.asarray(z / z.sum(axis=1, keepdims=True))


@settings(max_examples=30, deadline=None)
@given(lengths=st.lists(st.integers(0, 6), min_size=1, max_size=5), seed=st.integers(0, 2**16))
def test_batched_bilstm_matches_a_token_by_token_reference(lengths: list[int], seed: int) -> None:
    t = _tiny_tagger(seed)
    rng = np.random.default_rng(seed + 1)
    n = sum(lengths)
    bag = rng.normal(0, 1, (n, t.emb.shape[1])).astype(np.float32)
    vectors = rng.normal(0, 1, (n, t.vector_width)).astype(np.float32)
    got = t.probs(bag, vectors, lengths)
    assert got.shape == (n, len(LABELS))
    if n:
        np.testing.assert_allclose(got.sum(axis=1), 1.0, atol=1e-5)
        np.testing.assert_allclose(got, _reference_probs(t, bag, vectors, lengths), atol=1e-5)


def test_neural_weights_round_trip(tmp_path: Path) -> None:
    t = _tiny_tagger(3)
    save_neural(t, tmp_path / "w.npz", tmp_path / "v.txt")
    back = load_neural(tmp_path / "w.npz", tmp_path / "v.txt")
    assert back.vocab == t.vocab
    np.testing.assert_array_equal(back.emb, t.emb)
    np.testing.assert_array_equal(back.out_w, t.out_w)
    # a vocabulary that does not fit the weights is refused
    (tmp_path / "short.txt").write_text("w=a\n", encoding="utf-8")
    with pytest.raises(ValueError, match="embeddings"):
        load_neural(tmp_path / "w.npz", tmp_path / "short.txt")


def test_packaged_neural_tagger_fits_the_parse(nlp: Any) -> None:
    t = packaged_neural()
    assert t is not None and packaged_neural() is t  # loaded once per process
    assert t.vector_width == nlp("A test.").tensor.shape[1]
    assert t.emb.shape[0] == len(t.vocab) + 1 and not t.emb[0].any()
    # the neural tagger reads a token's own attributes, never the neighbours' or word classes
    assert not any(a.startswith(("-1", "1", "-2", "2", "c32=", "c256=")) for a in t.vocab)


def test_batches_give_the_relations_of_single_documents(nlp: Any) -> None:
    texts = [PARAGRAPHS, "The mayor said the bridge would reopen in May.", "", "No one spoke."]
    docs = list(nlp.pipe(texts))
    neural = packaged_neural()
    batch = predict_batch(docs, neural=neural, weight=0.5)
    assert batch == [predict_relations(d, neural=neural, weight=0.5) for d in docs]
    assert batch[2] == [] and batch[0]
    # the mixture changes the scores, not the grammar of the output
    crf_only = predict_batch(docs)
    assert [len(r) > 0 for r in crf_only] == [len(r) > 0 for r in batch]


def test_a_document_without_token_vectors_is_tagged_by_the_crf_alone(nlp: Any) -> None:
    bare = nlp.make_doc(PARAGRAPHS)
    # tokenised only: no tensor, no parse; the neural tagger cannot read it
    rels = predict_relations(bare, neural=packaged_neural(), weight=0.5)
    assert rels == predict_relations(bare)
    # in a batch with parsed documents, each is tagged as it would be alone
    parsed = nlp(PARAGRAPHS)
    batch = predict_batch([parsed, bare, parsed], neural=packaged_neural(), weight=0.5)
    alone = predict_relations(parsed, neural=packaged_neural(), weight=0.5)
    assert batch == [alone, rels, alone]


def test_mixture_weight_is_validated() -> None:
    from saidwhat.attribution.lexicon import _weight

    assert _weight("0.5") == 0.5
    with pytest.raises(ValueError, match="neural_weight"):
        _weight(1.5)


def test_attribute_space_looks_each_attribute_up_once_for_both_taggers() -> None:
    """One look-up serves both models: the CRF's state scores are the sums of its known attributes'
    weight rows, the neural bag the sums of the embeddings of the attributes the neural tagger
    knows; an attribute only one model knows counts for that model alone, an unknown one for none."""
    rng = np.random.default_rng(7)
    k = len(LABELS)
    crf = LinearCRF(
        vocab={"w=a": 1, "crf-only": 2},
        state=np.vstack([np.zeros((1, k)), rng.normal(0, 1, (2, k))]),
        trans=np.zeros((k, k)),
        bias=np.zeros(k),
    )
    nn = _tiny_tagger(5)  # knows w=a, w=b, a tab and a Hebrew word
    space = attribute_space(crf, nn)
    feats = [["w=a", "crf-only", "unknown"], [], ["w=b", "w=b", "\u05e9\u05dc\u05d5\u05dd"], ["unknown"]]
    scores, bag = space.scores(feats)
    want = np.zeros((4, k))
    want[0] = crf.state[1] + crf.state[2]
    np.testing.assert_allclose(scores, want)
    assert bag is not None and bag.shape == (4, nn.emb.shape[1]) and bag.dtype == np.float32
    e = nn.emb
    np.testing.assert_allclose(bag[0], e[1], rtol=1e-6)
    np.testing.assert_allclose(bag[1], 0.0)
    np.testing.assert_allclose(bag[2], 2 * e[2] + e[4], rtol=1e-5)
    np.testing.assert_allclose(bag[3], 0.0)
    # without a neural tagger: the same CRF scores and no bag
    alone, none = attribute_space(crf, None).scores(feats)
    np.testing.assert_allclose(alone, want)
    assert none is None


def test_parsed_columns_match_the_tokens(nlp: Any) -> None:
    """``Parsed.from_doc`` reads the parse column by column (each string hash looked up once):
    every column equals what the token objects say."""
    doc = nlp(PARAGRAPHS + "\n\nMr. O'Neill, 54, told NBC News in Washington.")
    p = Parsed.from_doc(doc)
    toks = list(doc)
    assert p.text == [t.text for t in toks]
    assert p.lower == [t.lower_ for t in toks]
    assert p.lemma == [t.lemma_.lower() for t in toks]
    assert (p.pos, p.tag, p.dep, p.shape) == (
        [t.pos_ for t in toks],
        [t.tag_ for t in toks],
        [t.dep_ for t in toks],
        [t.shape_ for t in toks],
    )
    assert p.ent == [(t.ent_iob_ + t.ent_type_) if t.ent_type_ else "" for t in toks]
    assert p.head == [t.head.i for t in toks]
    assert p.idx == [t.idx for t in toks]
    sents = {t.i: k for k, s in enumerate(doc.sents) for t in s}
    assert p.sent == [sents[t.i] for t in toks]
    assert any(p.ent) and len(set(p.sent)) > 3
