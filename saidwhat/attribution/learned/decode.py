"""Tag parsed documents with the learned taggers and group the tagged spans into relations.

Tagging (:func:`predict_batch`): every token's attributes (:mod:`.features`) are looked up once in
the attribute space shared by the CRF (:mod:`.crf`) and the neural tagger (:mod:`.neural`); one
sparse product gives the CRF's state scores and the neural tagger's input for all the units of a
batch of documents; the CRF's marginals, optionally mixed with the neural tagger's probabilities,
give the tags (best path, then the posterior fill) and each span's score.

Grouping uses the parse, not only adjacency: a content span belongs to the cue it is
syntactically tied to (the cue governs it, as in *said that ...*, or hangs off it, as in
*"...," he said*), else to the nearest cue of its sentence, else of a neighbouring sentence of
the same paragraph; all content spans of one cue form one relation (a quote split around its
cue). A cue's source is the source span tied to it in the tree (its subject, the object of
*according to*), else the nearest source span of its sentence.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import ExitStack
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import as_file, files
from itertools import chain, repeat
from pathlib import Path
from typing import Any

import numpy as np
from scipy import sparse
from spacy.tokens import Doc

from saidwhat.attribution.learned.corpus import LABELS
from saidwhat.attribution.learned.crf import LinearCRF, viterbi
from saidwhat.attribution.learned.features import (
    CLOSE_QUOTES,
    OPEN_QUOTES,
    TOGGLE_QUOTES,
    Centroids,
    Parsed,
    blas_one_thread,
    cue_flags,
    unit_features,
)
from saidwhat.attribution.learned.neural import NeuralTagger

MODEL_FILE = "model.crfsuite"
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# a cue that is an xcomp/conj/advcl of another verb shares that verb's subject
CLIMB_DEPS = frozenset({"xcomp", "conj", "advcl"})
SUBJECT_WINDOW = 80
# a relation without a source (or cue) is much less often right: its score is discounted so that
# a threshold drops it first (on dev, 0.3 of speakerless relations match a gold attribution)
NO_SOURCE_FACTOR = 0.5
NO_CUE_FACTOR = 0.8
QUOTE_MARKS = OPEN_QUOTES | CLOSE_QUOTES | TOGGLE_QUOTES
_KEEP_OPEN = ExitStack()


@dataclass(frozen=True)
class LearnedRelation:
    """One attribution found by the tagger. Offsets are character offsets into ``doc.text``.

    ``content`` holds one or more fragments in text order (a quote split around its cue gives
    two); ``score`` is the mean CRF marginal probability that the content tokens are content,
    discounted when the relation has no source (×0.5) or no cue (×0.8).
    """

    source: tuple[int, int] | None
    cue: tuple[int, int] | None
    content: list[tuple[int, int]]
    score: float


@dataclass(frozen=True, slots=True)
class TagSpan:
    """A run of tokens with one role: doc token indices ``[start, end)``."""

    role: str
    start: int
    end: int
    sent: int
    unit: int
    score: float


@lru_cache(maxsize=1)
def packaged_tagger() -> LinearCRF:
    """The packaged CRF, read once per process."""
    path = _KEEP_OPEN.enter_context(as_file(files(__package__).joinpath(MODEL_FILE)))
    return open_tagger(path)


def open_tagger(path: Path) -> LinearCRF:
    """The CRF of the CRFsuite model file at ``path`` (weights read into NumPy arrays)."""
    return LinearCRF.from_crfsuite(path)


ROLES = ("SOURCE", "CUE", "CONTENT")
LABEL_INDEX = {y: k for k, y in enumerate(LABELS)}


class _Marginals:
    """Per-token label probabilities (rows in :data:`LABELS` order) behind a ``marginal`` call."""

    __slots__ = ("rows",)

    def __init__(self, p: np.ndarray) -> None:
        self.rows: list[list[float]] = p.tolist()

    def marginal(self, y: str, t: int) -> float:
        return self.rows[t][LABEL_INDEX[y]]


@dataclass(frozen=True)
class AttributeSpace:
    """The attributes either tagger knows: each has an id, a row of CRF state weights (zeros when
    the CRF does not know it) and, with a neural tagger, the row of its embedding (0: none). Id 0
    is every unknown attribute."""

    vocab: dict[str, int]
    crf_weights: np.ndarray  # (ids, labels)
    neural_rows: np.ndarray | None  # (ids,): row of the neural tagger's embedding table, 0 = none
    embeddings: np.ndarray | None  # the neural tagger's embedding table (row 0: zeros)

    def scores(self, feats: Sequence[list[str]]) -> tuple[np.ndarray, np.ndarray | None]:
        """Per token, the CRF state scores ``(tokens, labels)`` and, with a neural tagger, the sum
        of the embeddings of its attributes ``(tokens, width)``: each attribute is looked up once,
        then a sparse (tokens × attributes) matrix multiplies each table."""
        get = self.vocab.get
        n = len(feats)
        counts = np.fromiter((len(f) for f in feats), dtype=np.int64, count=n)
        # map(get, attrs, repeat(0)) = get(a, 0) per attribute, without a Python-level loop
        ids = np.fromiter(
            map(get, chain.from_iterable(feats), repeat(0)), dtype=np.int64, count=int(counts.sum())
        )
        indptr = np.zeros(n + 1, dtype=np.int64)
        np.cumsum(counts, out=indptr[1:])
        ones = np.ones(len(ids), dtype=np.float64)
        shape = (n, len(self.crf_weights))
        crf = np.asarray(sparse.csr_matrix((ones, ids, indptr), shape=shape) @ self.crf_weights)
        if self.neural_rows is None or self.embeddings is None:
            return crf, None
        rows = self.neural_rows[ids]
        keep = rows > 0  # only the attributes the neural tagger knows enter its product
        per_token = np.bincount(np.repeat(np.arange(n), counts)[keep], minlength=n)
        nn_ptr = np.zeros(n + 1, dtype=np.int64)
        np.cumsum(per_token, out=nn_ptr[1:])
        table = self.embeddings
        bag = (
            sparse.csr_matrix(
                (np.ones(int(keep.sum()), dtype=table.dtype), rows[keep], nn_ptr), shape=(n, len(table))
            )
            @ table
        )
        return crf, np.asarray(bag, dtype=np.float32)


@lru_cache(maxsize=4)
def attribute_space(crf: LinearCRF, neural: NeuralTagger | None) -> AttributeSpace:
    """The shared attribute space of a CRF and, optionally, a neural tagger."""
    names = sorted(set(crf.vocab) | set(neural.vocab if neural is not None else ()))
    vocab = {a: i for i, a in enumerate(names, 1)}
    weights = np.zeros((len(names) + 1, len(LABELS)), dtype=np.float64)
    rows = np.fromiter((vocab[a] for a in crf.vocab), dtype=np.int64, count=len(crf.vocab))
    weights[rows] = crf.state[np.fromiter(crf.vocab.values(), dtype=np.int64)]
    if neural is None:
        return AttributeSpace(vocab, weights, None, None)
    neural_rows = np.zeros(len(names) + 1, dtype=np.int64)
    rows = np.fromiter((vocab[a] for a in neural.vocab), dtype=np.int64, count=len(neural.vocab))
    neural_rows[rows] = np.fromiter(neural.vocab.values(), dtype=np.int64)
    table = np.asarray(neural.emb, dtype=np.float32).copy()
    table[0] = 0.0
    return AttributeSpace(vocab, weights, neural_rows, table)


def tag_unit(
    tagger: LinearCRF,
    p: Parsed,
    idxs: list[int],
    is_cue: dict[int, bool],
    labels: frozenset[str] | None = None,
    posterior: bool = True,
) -> tuple[list[str], list[float]]:
    """The CRF's best-path tags of one unit and, per token, the marginal probability of its
    tagged role (B- or I-); see :func:`predict_batch` for ``posterior``."""
    scores, _ = attribute_space(tagger, None).scores(unit_features(p, idxs, is_cue))
    marg = tagger.marginals(scores, [len(idxs)])
    tags = [LABELS[y] for y in tagger.viterbi(scores, [len(idxs)]).tolist()]
    return _finish(_Marginals(marg), tags, labels or frozenset(tagger.labels()), posterior)


def _finish(
    marg: Any, tags: list[str], labels: frozenset[str], posterior: bool
) -> tuple[list[str], list[float]]:
    """Posterior fill (in place) and each token's probability of its role; ``marg`` answers
    ``marginal(label, t)``."""
    if posterior:
        _fill_from_marginals(marg, tags, labels)
    probs: list[float] = []
    for t, tag in enumerate(tags):
        if tag == "O":
            probs.append(0.0)
            continue
        role = tag[2:]
        probs.append(sum(marg.marginal(y, t) for y in ("B-" + role, "I-" + role) if y in labels))
    return tags, probs


_FLOOR = 1e-9
# BIO consistency for the best path of a mixture: an I- tag only continues a B- or I- of its
# role, and never opens a unit
_BIO_TRANS = np.array(
    [[0.0 if not y.startswith("I-") or x[2:] == y[2:] else -np.inf for y in LABELS] for x in LABELS]
)
_BIO_START = np.array([-np.inf if y.startswith("I-") else 0.0 for y in LABELS])


def bio_viterbi(prob: np.ndarray, lengths: Sequence[int]) -> np.ndarray:
    """Per token, the label index of the BIO-consistent sequence with the highest product of
    per-token probabilities ``(tokens, labels)``, unit by unit (``lengths`` cut the tokens)."""
    return viterbi(np.log(np.maximum(prob, _FLOOR)), lengths, _BIO_TRANS, _BIO_START)


def _fill_from_marginals(tagger: Any, tags: list[str], labels: frozenset[str]) -> None:
    """Give each ``O`` token the role whose marginal beats ``O``'s (in place); a token continuing
    a run of the same role is ``I-``, else ``B-``. Viterbi's content spans keep their boundaries:
    a run of ``O`` tokens next to one never becomes content (on dev and a train sample this kept
    strict F1 up by .006 for the same lenient F1)."""
    pairs = [(role, [y for y in ("B-" + role, "I-" + role) if y in labels]) for role in ROLES]
    n = len(tags)
    near_content = [False] * n  # in a run of O tokens that touches a Viterbi content span
    t = 0
    while t < n:
        if tags[t] != "O":
            t += 1
            continue
        u = t
        while u < n and tags[u] == "O":
            u += 1
        touches = any(0 <= x < n and tags[x].endswith("CONTENT") for x in (t - 1, u))
        for x in range(t, u):
            near_content[x] = touches
        t = u
    for t, tag in enumerate(tags):
        if tag != "O":
            continue
        best, best_p = "", tagger.marginal("O", t)
        for role, ys in pairs:
            if role == "CONTENT" and near_content[t]:
                continue
            pr = sum(tagger.marginal(y, t) for y in ys)
            if pr > best_p:
                best, best_p = role, pr
        if best:
            prev = tags[t - 1] if t else "O"
            tags[t] = ("I-" if prev[2:] == best else "B-") + best


def _unit_spans(
    p: Parsed, unit_no: int, idxs: list[int], tags: list[str], probs: list[float]
) -> list[TagSpan]:
    """The runs of one role in a tagged unit (a ``B-`` starts a new run)."""
    out: list[TagSpan] = []
    cur: list[int] = []
    role = ""
    for t, tag in enumerate([*tags, "O"]):
        if cur and (tag == "O" or tag.startswith("B-") or tag[2:] != role):
            first = idxs[cur[0]]
            score = sum(probs[c] for c in cur) / len(cur)
            out.append(TagSpan(role, first, idxs[cur[-1]] + 1, p.sent[first], unit_no, score))
            cur = []
        if tag != "O":
            role = tag[2:]
            cur.append(t)
    return out


def _tied(p: Parsed, a: TagSpan, b: TagSpan) -> bool:
    """A token of one span has its syntactic head in the other."""
    for x, y in ((a, b), (b, a)):
        for i in range(x.start, x.end):
            if y.start <= p.head[i] < y.end:
                return True
    return False


def _governs(p: Parsed, cue: TagSpan, span: TagSpan) -> bool:
    """The cue is an ancestor of the span's first token (within a few steps)."""
    i = span.start
    for _ in range(6):
        h = p.head[i]
        if cue.start <= h < cue.end:
            return True
        if h == i:
            return False
        i = h
    return False


def _gap(a: TagSpan, b: TagSpan) -> int:
    return max(0, max(a.start, b.start) - min(a.end, b.end))


def _rank(
    p: Parsed, cue: TagSpan, other: TagSpan, lead_in: frozenset[int] = frozenset()
) -> tuple[int, int] | None:
    """How well ``other`` fits ``cue`` (lower is better), None when it cannot belong to it.

    ``lead_in`` holds the token indices that open a paragraph right after one ending with a colon
    (*He added:* ⏎ *“…”*): content starting there may belong to a cue of the paragraph before.
    """
    if cue.unit != other.unit:
        if other.unit == cue.unit + 1 and other.start in lead_in and other.role == "CONTENT":
            return 4, _gap(cue, other)
        return None
    if _tied(p, cue, other):
        return 0, _gap(cue, other)
    if _governs(p, cue, other):
        return 1, _gap(cue, other)
    if cue.sent == other.sent:
        return 2, _gap(cue, other)
    if abs(cue.sent - other.sent) == 1:
        return 3, _gap(cue, other)
    return None


def _chars(p: Parsed, s: TagSpan) -> tuple[int, int]:
    return p.idx[s.start], p.idx[s.end - 1] + len(p.text[s.end - 1])


def group(p: Parsed, spans: list[TagSpan]) -> list[LearnedRelation]:
    """Relations from role spans: content → cue by the parse, cue → source likewise."""
    cues = [s for s in spans if s.role == "CUE"]
    sources = [s for s in spans if s.role == "SOURCE"]
    contents = [s for s in spans if s.role == "CONTENT"]
    by_cue: dict[int, list[TagSpan]] = {}
    orphans: list[TagSpan] = []
    lead_in = _lead_in(p)
    for c in contents:
        best: tuple[tuple[int, int], int] | None = None
        for k, cue in enumerate(cues):
            r = _rank(p, cue, c, lead_in)
            if r is not None and (best is None or r < best[0]):
                best = (r, k)
        if best is None:
            orphans.append(c)
        else:
            by_cue.setdefault(best[1], []).append(c)
    rels: list[LearnedRelation] = []
    for k, frags in sorted(by_cue.items()):
        cue = cues[k]
        src = _best(p, cue, sources) or _subject(p, cue, frags)
        rels.append(_relation(p, src, cue, frags))
    for c in orphans:
        same_sent = [s for s in sources if s.sent == c.sent]
        src = min(same_sent, key=lambda s: _gap(s, c)) if same_sent else None
        rels.append(_relation(p, src, None, [c]))
    rels.sort(key=lambda r: r.content[0])
    return rels


def _lead_in(p: Parsed) -> frozenset[int]:
    """First tokens (and the token after an opening quote mark) of paragraphs that follow a
    paragraph ending with a colon."""
    out: set[int] = set()
    for prev, unit in zip(p.units, p.units[1:], strict=False):
        if prev and unit and p.text[prev[-1]] == ":":
            out.add(unit[0])
            if len(unit) > 1 and p.text[unit[0]] in QUOTE_MARKS:
                out.add(unit[1])
    return frozenset(out)


def _best(p: Parsed, cue: TagSpan, sources: list[TagSpan]) -> TagSpan | None:
    """The source span that fits the cue best (same sentence at most), if any."""
    best: tuple[tuple[int, int], TagSpan] | None = None
    for s in sources:
        r = _rank(p, cue, s)
        if r is not None and r[0] <= 2 and (best is None or r < best[0]):
            best = (r, s)
    return best[1] if best else None


def _subject(p: Parsed, cue: TagSpan, frags: list[TagSpan]) -> TagSpan | None:
    """The grammatical subject of the cue (climbing through xcomp/conj/advcl) when untagged."""
    v = next((i for i in range(cue.start, cue.end) if not cue.start <= p.head[i] < cue.end), cue.start)
    taken = [(cue.start, cue.end)] + [(f.start, f.end) for f in frags]
    for _ in range(3):
        lo, hi = max(0, v - SUBJECT_WINDOW), min(len(p.head), v + SUBJECT_WINDOW)
        subj = next(
            (i for i in range(lo, hi) if p.head[i] == v and i != v and p.dep[i] in SUBJECT_DEPS), None
        )
        if subj is not None:
            tok = p.doc[subj]
            a, b = tok.left_edge.i, tok.right_edge.i + 1
            if any(a < e and s < b for s, e in taken):
                a, b = subj, subj + 1
            if any(a < e and s < b for s, e in taken):
                return None
            return TagSpan("SOURCE", a, b, p.sent[subj], cue.unit, 0.0)
        if p.dep[v] not in CLIMB_DEPS or p.head[v] == v:
            return None
        v = p.head[v]
    return None


def _relation(p: Parsed, src: TagSpan | None, cue: TagSpan | None, frags: list[TagSpan]) -> LearnedRelation:
    n = sum(f.end - f.start for f in frags)
    score = sum(f.score * (f.end - f.start) for f in frags) / n
    if src is None:
        score *= NO_SOURCE_FACTOR
    if cue is None:
        score *= NO_CUE_FACTOR
    return LearnedRelation(
        source=_chars(p, src) if src else None,
        cue=_chars(p, cue) if cue else None,
        content=[_chars(p, f) for f in sorted(frags, key=lambda f: f.start)],
        score=round(score, 4),
    )


def predict_relations(
    doc: Doc,
    tagger: Any = None,
    centroids: Centroids | None = None,
    posterior: bool = True,
    neural: NeuralTagger | None = None,
    weight: float = 0.0,
) -> list[LearnedRelation]:
    """Attribution relations of a parsed document, in text order.

    ``tagger`` and the word-class ``centroids`` default to the packaged ones (loaded lazily, once
    per process); a model trained elsewhere comes with its own centroids file. ``posterior``:
    see :func:`predict_batch` (``False``: the best path alone). ``neural`` with a ``weight``
    above 0 mixes the neural tagger's probabilities into the CRF's (see :func:`predict_batch`).
    """
    return predict_batch([doc], tagger, centroids, posterior, neural, weight)[0]


def predict_batch(
    docs: Sequence[Doc],
    tagger: LinearCRF | None = None,
    centroids: Centroids | None = None,
    posterior: bool = True,
    neural: NeuralTagger | None = None,
    weight: float = 0.0,
) -> list[list[LearnedRelation]]:
    """:func:`predict_relations` for several documents at once.

    The CRF alone: its best path (Viterbi) and marginals. With ``neural`` and a ``weight`` above
    0, the tags are the best BIO-consistent sequence under ``(1 - weight) × CRF marginals +
    weight × neural tagger probabilities``, and that mixture stands in for the marginals. With
    ``posterior``, a token left outside every role then takes the role whose probability (B- and
    I- summed) beats that of ``O``: the taggers' own best guess per token, which finds relations
    the single best sequence leaves out — except content next to a content span of the best
    path, whose boundaries are kept (see docs/learned-attribution.md).

    All the units of all the documents are tagged together: the recursions take one step per
    position of the longest unit of the batch. A document without token vectors of the neural
    tagger's width (tokenised only) is tagged by the CRF alone."""
    crf = tagger if tagger is not None else packaged_tagger()
    parsed = [Parsed.from_doc(doc, centroids) for doc in docs]
    spans = _tag(parsed, crf, posterior, neural, weight)
    return [group(p, s) if p.units else [] for p, s in zip(parsed, spans, strict=True)]


def _tag(
    parsed: list[Parsed], crf: LinearCRF, posterior: bool, neural: NeuralTagger | None, weight: float
) -> list[list[TagSpan]]:
    """The role spans of each document (see :func:`predict_batch`)."""
    if neural is not None and weight <= 0.0:
        neural = None
    space = attribute_space(crf, neural)
    feats: list[list[str]] = []
    lengths: list[int] = []
    mixed: list[bool] = []  # per unit: read by the neural tagger too
    vectors: list[np.ndarray] = []  # the token vectors of those units
    for p in parsed:
        is_cue = cue_flags(p)
        t = p.doc.tensor
        readable = neural is not None and t.ndim == 2 and t.shape == (len(p.doc), neural.vector_width)
        tensor = np.asarray(t, dtype=np.float32) if readable else None
        for unit in p.units:
            feats.extend(unit_features(p, unit, is_cue))
            lengths.append(len(unit))
            mixed.append(readable)
            if tensor is not None:
                vectors.append(tensor[unit])
    if not feats:
        return [[] for _ in parsed]
    with blas_one_thread():
        crf_scores, bag = space.scores(feats)
        marg = crf.marginals(crf_scores, lengths)
        best = np.zeros(len(feats), dtype=np.int64)
        token_mixed = np.repeat(np.asarray(mixed, dtype=bool), lengths)
        if neural is not None and bag is not None and token_mixed.any():
            rows = np.flatnonzero(token_mixed)
            sub = [n for n, m in zip(lengths, mixed, strict=True) if m]
            nn = neural.probs(bag[rows], np.concatenate(vectors), sub)
            marg[rows] = (1.0 - weight) * marg[rows] + weight * nn
            best[rows] = bio_viterbi(marg[rows], sub)
        if not token_mixed.all():
            rows = np.flatnonzero(~token_mixed)
            sub = [n for n, m in zip(lengths, mixed, strict=True) if not m]
            best[rows] = crf.viterbi(crf_scores[rows], sub)
    labels = frozenset(crf.labels())
    out: list[list[TagSpan]] = []
    at = 0
    best_list = best.tolist()
    for p in parsed:
        doc_spans: list[TagSpan] = []
        for unit_no, unit in enumerate(p.units):
            tags = [LABELS[y] for y in best_list[at : at + len(unit)]]
            tags, probs = _finish(_Marginals(marg[at : at + len(unit)]), tags, labels, posterior)
            doc_spans.extend(_unit_spans(p, unit_no, unit, tags, probs))
            at += len(unit)
        out.append(doc_spans)
    return out
