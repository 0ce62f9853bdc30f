"""Token features for the learned attribution tagger.

A *unit* is one paragraph of a parsed document: the non-space tokens between two line breaks
(content often spans several sentences, and the newline sentence-boundary component guarantees
that no sentence crosses a line break). Features are plain strings (binary CRF attributes) built
from the spaCy parse in one pass per unit; per-token work is a handful of dict look-ups and string
joins, so extraction costs a small fraction of the parse itself.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import as_file, files
from pathlib import Path
from typing import Any

import numpy as np
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, IDX, LEMMA, LENGTH, LOWER, POS, SENT_START, SHAPE, TAG
from spacy.tokens import Doc
from threadpoolctl import ThreadpoolController

from saidwhat.nlp import doc_text

OPEN_QUOTES = frozenset({"“", "«", "„"})
CLOSE_QUOTES = frozenset({"”", "»"})
TOGGLE_QUOTES = frozenset({'"', "''", "``"})
# how far up the tree we look for a cue ancestor
MAX_ANCESTOR_DEPTH = 8
# beyond this many tokens a paragraph is cut into several units (keeps pathological input linear)
MAX_UNIT_TOKENS = 400
CUE_POS = frozenset({"VERB", "NOUN", "AUX", "ADJ"})
# edges that introduce reported content
CLAUSE_DEPS = frozenset({"ccomp", "parataxis", "xcomp", "acl"})
# children labels that mark a verb as taking reported content or a speaker
KID_DEPS = frozenset(
    {"ccomp", "nsubj", "nsubjpass", "dobj", "xcomp", "parataxis", "dative", "agent", "prep"}
    | {"acl", "prt", "mark"}
)
# entity types (and pronouns) that make a subject a plausible speaker
SPEAKER_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
SPEAKER_PRONOUNS = frozenset({"he", "she", "they", "i", "we", "you", "who"})
# k-means centroids of the parser's contextual token vectors (``doc.tensor``), one array per k:
# a token's cluster, its head's and its neighbours' are tagger attributes (a learned word class
# that also covers cue words unseen in training). Written by ``train.py`` beside the model.
CLUSTERS_FILE = "clusters.npz"

Centroids = dict[int, np.ndarray]


@lru_cache(maxsize=1)
def packaged_centroids() -> Centroids:
    """The centroids packaged with the model (empty when the file is absent)."""
    res = files(__package__).joinpath(CLUSTERS_FILE)
    if not res.is_file():
        return {}
    with as_file(res) as path:
        return load_centroids(path)


def load_centroids(path: Path) -> Centroids:
    with np.load(path, allow_pickle=False) as z:
        return {int(k[1:]): np.asarray(z[k], dtype=np.float32) for k in z.files}


def save_centroids(path: Path, cents: Centroids) -> None:
    with path.open("wb") as fh:
        arrays: dict[str, Any] = {f"k{k}": c for k, c in sorted(cents.items())}
        np.savez(fh, **arrays)


def kmeans(x: np.ndarray, k: int, iters: int = 20, seed: int = 0) -> np.ndarray:
    """Lloyd's k-means from ``k`` distinct rows drawn with a fixed seed (deterministic)."""
    rng = np.random.default_rng(seed)
    c = x[rng.choice(len(x), k, replace=False)].copy()
    for _ in range(iters):
        d = (x**2).sum(1)[:, None] - 2 * x @ c.T + (c**2).sum(1)[None]
        a = d.argmin(1)
        for j in range(k):
            m = a == j
            if m.any():
                c[j] = x[m].mean(0)
    return c


@lru_cache(maxsize=1)
def _blas() -> ThreadpoolController:
    return ThreadpoolController()


def blas_one_thread() -> Any:
    """A context in which BLAS runs on one thread (the tagger's products are small; see
    :func:`assign`)."""
    return _blas().limit(limits=1, user_api="blas")


def assign(tensor: np.ndarray, cents: Centroids) -> dict[int, list[int]]:
    """Per k, the nearest centroid of every token vector (nothing without a matching tensor).

    The products are small: BLAS runs them on one thread. With more, OpenBLAS's idle threads spin
    for a while after each call and doubled the tagger's CPU time (2.05 s wall, 4.1 s CPU on
    PolNeAR dev), a core taken from any other process or worker."""
    out: dict[int, list[int]] = {}
    with blas_one_thread():
        for k, c in cents.items():
            if tensor.ndim != 2 or tensor.shape[0] == 0 or tensor.shape[1] != c.shape[1]:
                return {}
            d = -2 * tensor @ c.T + (c**2).sum(1)[None]
            out[k] = d.argmin(1).tolist()
    return out


@lru_cache(maxsize=1)
def cue_lemmas() -> frozenset[str]:
    """The packaged lemma list of communication and cognition cues."""
    raw = files(__package__).joinpath("cues.txt").read_text(encoding="utf-8")
    return frozenset(
        line.strip().lower() for line in raw.splitlines() if line.strip() and not line.startswith("#")
    )


@dataclass(slots=True)
class Parsed:
    """The parts of a spaCy parse the tagger reads, as plain lists (one pass over the Doc)."""

    doc: Doc
    text: list[str]
    lower: list[str]
    lemma: list[str]
    pos: list[str]
    tag: list[str]
    dep: list[str]
    shape: list[str]
    ent: list[str]
    head: list[int]
    sent: list[int]
    idx: list[int]
    units: list[list[int]]
    # dependency labels of each token's children, restricted to KID_DEPS
    kids: list[list[str]]
    # per token: its particle lemma (*push back*), whether a clause it governs opens with *that*
    # (or *whether*/*if*), and the kind of its subject ("ent", "pron", "other", "")
    prt: list[str]
    that: list[bool]
    subj: list[str]
    # per k: each token's cluster of ``doc.tensor`` (empty when the doc has no tensor)
    clusters: dict[int, list[int]] = field(default_factory=dict)

    @classmethod
    def from_doc(cls, doc: Doc, centroids: Centroids | None = None) -> Parsed:
        """Read the parse; ``centroids`` default to the packaged ones."""
        arr = doc.to_array([LOWER, LEMMA, POS, TAG, DEP, SHAPE, ENT_TYPE, ENT_IOB, IDX, LENGTH])
        # HEAD (relative) and SENT_START are signed but come in an unsigned array
        signed = doc.to_array([HEAD, SENT_START]).astype("int64")
        strings = doc.vocab.strings
        n = len(arr)

        def column(k: int) -> list[str]:
            # each distinct hash is looked up once; the column is then a gather
            uniq, inv = np.unique(arr[:, k], return_inverse=True)
            names = [strings[int(h)] if h else "" for h in uniq.tolist()]
            return list(map(names.__getitem__, inv.reshape(-1).tolist()))

        # token texts are slices of the text (no Python token object per token); a token's
        # trailing whitespace is one space at most, so line breaks are tokens of their own
        full = doc_text(doc)
        starts = arr[:, 8].tolist()
        ends = (arr[:, 8] + arr[:, 9]).tolist()
        iob = ("", "I", "O", "B")
        ent_types = column(6)
        p = cls(
            doc,
            [full[a:b] for a, b in zip(starts, ends, strict=True)],
            column(0),
            [x.lower() for x in column(1)],
            column(2),
            column(3),
            column(4),
            column(5),
            [iob[ei] + et if et else "" for ei, et in zip(arr[:, 7].tolist(), ent_types, strict=True)],
            np.clip(np.arange(n) + signed[:, 0], 0, max(0, n - 1)).tolist(),
            sentence_ids(signed[:, 1]),
            starts,
            [],
            [],
            [],
            [],
            [],
        )
        cur: list[int] = []
        for i, text in enumerate(p.text):
            if text.isspace():
                if "\n" in text and cur:
                    p.units.append(cur)
                    cur = []
                continue
            cur.append(i)
            if len(cur) >= MAX_UNIT_TOKENS:
                p.units.append(cur)
                cur = []
        if cur:
            p.units.append(cur)
        p.kids = [[] for _ in range(n)]
        p.prt = [""] * n
        p.that = [False] * n
        p.subj = [""] * n
        for i, (h, d) in enumerate(zip(p.head, p.dep, strict=True)):
            if h == i:
                continue
            if d in KID_DEPS and d not in p.kids[h]:
                p.kids[h].append(d)
            if d == "prt":
                p.prt[h] = p.lemma[i]
            elif d == "mark" and p.lower[i] in ("that", "whether", "if"):
                g = p.head[h]
                if g != h and p.dep[h] in ("ccomp", "acl", "advcl"):
                    p.that[g] = True
            elif d in ("nsubj", "nsubjpass"):
                e = p.ent[i][1:]
                p.subj[h] = (
                    "ent" if e in SPEAKER_ENTS else "pron" if p.lower[i] in SPEAKER_PRONOUNS else "other"
                )
        cents = packaged_centroids() if centroids is None else centroids
        if cents and n:
            p.clusters = assign(np.asarray(doc.tensor, dtype=np.float32), cents)
        return p


def sentence_ids(sent_start: np.ndarray) -> list[int]:
    """Per token, the number of its sentence (0 first): a new one at every SENT_START of 1 and at
    the first token."""
    opens = sent_start == 1
    if len(opens):
        opens[0] = True
    ids: list[int] = (np.cumsum(opens) - 1).tolist()
    return ids


def _bucket(n: int) -> str:
    if n <= 2:
        return str(n)
    if n <= 5:
        return "3-5"
    if n <= 10:
        return "6-10"
    return "11+"


def _quote_states(words: list[str]) -> list[str]:
    """Per token: 'o' open quote mark, 'c' close mark, 'i' inside a quote, 'n' outside."""
    states: list[str] = []
    inside = False
    for t in words:
        if t in OPEN_QUOTES:
            inside = True
            states.append("o")
        elif t in CLOSE_QUOTES:
            inside = False
            states.append("c")
        elif t in TOGGLE_QUOTES:
            states.append("c" if inside else "o")
            inside = not inside
        else:
            states.append("i" if inside else "n")
    return states


def _cue_ancestor(p: Parsed, i: int, is_cue: dict[int, bool]) -> tuple[str, int] | None:
    """The dependency label under the nearest cue ancestor, and the ancestor's index."""
    child = i
    node = p.head[i]
    for _ in range(MAX_ANCESTOR_DEPTH):
        if node == child:
            return None
        if is_cue.get(node, False):
            return p.dep[child], node
        child, node = node, p.head[node]
    return None


def _governor(p: Parsed, i: int) -> str | None:
    """Lemma of the verb whose clausal complement holds the token (any verb, not only cues)."""
    child = i
    for _ in range(MAX_ANCESTOR_DEPTH):
        node = p.head[child]
        if node == child:
            return None
        if p.dep[child] in CLAUSE_DEPS:
            return p.lemma[node]
        child = node
    return None


def cue_flags(p: Parsed) -> dict[int, bool]:
    """Token index → whether its lemma is a cue lemma (with a cue-like part of speech)."""
    cues = cue_lemmas()
    return {
        i: (lm in cues and po in CUE_POS) or lm == "accord"
        for i, (lm, po) in enumerate(zip(p.lemma, p.pos, strict=True))
    }


def unit_features(
    p: Parsed, idxs: list[int], is_cue: dict[int, bool] | None = None, own: list[int] | None = None
) -> list[list[str]]:
    """CRF attributes for every token of one unit (same order as ``idxs``).

    Each token's list starts with the attributes of the token itself, followed by those of its
    neighbours and the word classes; with ``own``, the number of the former is appended to it per
    token (the neural tagger reads those alone)."""
    if is_cue is None:
        is_cue = cue_flags(p)
    u = _Unit(p, idxs, is_cue)
    out = [_token_features(u, k, i) for k, i in enumerate(idxs)]
    if own is not None:
        own.extend(len(f) for f in out)
    _neighbour_features(u, out)
    _cluster_features(p, idxs, out)
    return out


class _Unit:
    """What :func:`unit_features` reads about one unit as a whole: per-token columns, quotation
    states, paragraph context, and per sentence its first token, length and cue positions (unit
    positions)."""

    __slots__ = (
        "after_colon",
        "cue_here",
        "cue_pos",
        "dep",
        "first_sent",
        "idxs",
        "is_cue",
        "lower",
        "p",
        "pos",
        "quote",
        "sent_first",
        "sent_len",
        "starts_quoted",
    )

    def __init__(self, p: Parsed, idxs: list[int], is_cue: dict[int, bool]) -> None:
        self.p = p
        self.idxs = idxs
        self.is_cue = is_cue
        self.lower = [p.lower[i] for i in idxs]
        self.pos = [p.pos[i] for i in idxs]
        self.dep = [p.dep[i] for i in idxs]
        self.cue_here = [is_cue[i] for i in idxs]
        self.quote = quote = _quote_states([p.text[i] for i in idxs])
        self.starts_quoted = "sq=y" if quote and quote[0] == "o" else "sq=n"
        # the previous paragraph ends with a colon (*He added:* then the quote)
        j = idxs[0] - 1 if idxs else -1
        while j >= 0 and p.text[j].isspace():
            j -= 1
        self.after_colon = "pc=y" if j >= 0 and p.text[j] == ":" else "pc=n"
        self.first_sent = p.sent[idxs[0]] if idxs else 0
        self.sent_first: dict[int, int] = {}
        self.sent_len: dict[int, int] = {}
        self.cue_pos: dict[int, list[int]] = {}
        for k, i in enumerate(idxs):
            s = p.sent[i]
            if s not in self.sent_first:
                self.sent_first[s] = k
                self.sent_len[s] = 0
            self.sent_len[s] += 1
            if self.cue_here[k]:
                self.cue_pos.setdefault(s, []).append(k)


def _token_features(u: _Unit, k: int, i: int) -> list[str]:
    """The attributes of the token itself (unit position ``k``, document index ``i``)."""
    p = u.p
    h = p.head[i]
    d = u.dep[k]
    s = p.sent[i]
    a = _TOKEN_ATTRS
    f = [
        "b",
        a["w"][u.lower[k]],
        _SUFFIX3[u.lower[k]],
        a["sh"][p.shape[i]],
        a["l"][p.lemma[i]],
        a["p"][u.pos[k]],
        a["t"][p.tag[i]],
        a["d"][d],
        a["hl"][p.lemma[h]],
        a["hp"][p.pos[h]],
        _DEP_HEAD_POS[d][p.pos[h]],
        a["q"][u.quote[k]],
        u.starts_quoted,
        u.after_colon,
        _SENTENCE_INDEX[min(s - u.first_sent, 11)],
    ]
    if p.ent[i]:
        f.append(a["e"][p.ent[i]])
    for kd in p.kids[i]:
        f.append(a["k"][kd])
    _syntax_features(u, k, i, d, f)
    f.append(_cue_distance(k, u.cue_pos.get(s, ())))
    r = k - u.sent_first[s]
    if r == 0:
        f.append("first")
    if r == u.sent_len[s] - 1:
        f.append("last")
    f.append(_RELATIVE_POSITION[min(4, 5 * r // u.sent_len[s])])
    return f


def _syntax_features(u: _Unit, k: int, i: int, d: str, f: list[str]) -> None:
    """Append the token's cue, subject, *that*, particle, cue-head, cue-ancestor and governor
    attributes to ``f``."""
    p = u.p
    if u.cue_here[k]:
        f.append("cue")
        f.append("cue|d=" + d)
        f.append("cue|p=" + u.pos[k])
        if p.subj[i]:
            f.append("cue|subj=" + p.subj[i])
    if p.subj[i]:
        f.append("subj=" + p.subj[i])
    if p.that[i]:
        f.append("that")
        f.append("that|l=" + p.lemma[i])
    if p.prt[i]:
        f.append("prt=" + p.lemma[i] + "_" + p.prt[i])
    h = p.head[i]
    if h != i and u.is_cue[h]:
        f.append("hcue|d=" + d)
        f.append("hcue|" + ("L" if i < h else "R"))
    anc = _cue_ancestor(p, i, u.is_cue)
    if anc is not None:
        f.append("anc=" + anc[0])
        f.append("anc|" + ("L" if i < anc[1] else "R") + anc[0])
    gov = _governor(p, i)
    if gov is not None:
        f.append("gov=" + gov)


def _cue_distance(k: int, cues: Iterable[int]) -> str:
    """The signed, bucketed distance from unit position ``k`` to the nearest cue of its sentence
    (the first of two at the same distance)."""
    best = None
    for c in cues:
        dist = k - c
        if best is None or abs(dist) < abs(best):
            best = dist
    if best is None:
        return "cd=none"
    if best == 0:
        return "cd=0"
    return "cd=" + ("R" if best > 0 else "L") + _bucket(abs(best))


class _Attrs(dict[str, str]):
    """The attribute strings of one prefix by value ("-1w=" + "the"), built once and shared: the same
    string object for every token that has it, so the attribute table hashes it once (a word repeated
    in a unit is most of its tokens). Cleared when it grows past ``_ATTR_CACHE`` values."""

    __slots__ = ("prefix",)

    def __init__(self, prefix: str) -> None:
        super().__init__()
        self.prefix = prefix

    def __missing__(self, value: str) -> str:
        if len(self) > _ATTR_CACHE:
            self.clear()
        s = self[value] = self.build(value)
        return s

    def build(self, value: str) -> str:
        """The attribute of ``value``: the prefix and the value."""
        return self.prefix + value


_ATTR_CACHE = 20_000  # per prefix: a few MB each at most in a long-running worker
# a token's own attributes by prefix (:func:`_token_features`)
_TOKEN_ATTRS = {
    kind: _Attrs(f"{kind}=") for kind in ("w", "sh", "l", "p", "t", "d", "hl", "hp", "q", "e", "k")
}
_NEIGHBOUR_ATTRS = {
    (o, kind): _Attrs(f"{o}{kind}=") for o in (-2, -1, 1, 2) for kind in ("w", "p", "l", "d", "q")
}


class _Suffix3(_Attrs):
    """ "s3=" and a word's last three characters, by word."""

    __slots__ = ()

    def build(self, value: str) -> str:
        return self.prefix + value[-3:]


class _ByDep(dict[str, _Attrs]):
    """ "dhp=" + a dependency label + "|" + its head's part of speech, by label then part of speech."""

    def __missing__(self, dep: str) -> _Attrs:
        t = self[dep] = _Attrs(f"dhp={dep}|")
        return t


_SUFFIX3 = _Suffix3("s3=")
_DEP_HEAD_POS = _ByDep()
# the sentence index in the unit, bucketed ("si=0" ... "si=11+"), and the relative position ("rp=0".."rp=4")
_SENTENCE_INDEX = tuple("si=" + _bucket(n) for n in range(12))
_RELATIVE_POSITION = tuple(f"rp={n}" for n in range(5))


def _neighbour_features(u: _Unit, out: list[list[str]]) -> None:
    """Append the attributes of the two tokens on either side (or a unit boundary) to each list."""
    n = len(out)
    lower, pos, dep, quote, cue_here = u.lower, u.pos, u.dep, u.quote, u.cue_here
    lemma, idxs = u.p.lemma, u.idxs
    attrs = _NEIGHBOUR_ATTRS
    for o in (-2, -1, 1, 2):
        ow, op = attrs[o, "w"], attrs[o, "p"]
        ol, od, oq = attrs[o, "l"], attrs[o, "d"], attrs[o, "q"]
        near = -1 <= o <= 1
        cue, bou = f"{o}cue", f"{o}BOU"
        for k in range(n):
            f = out[k]
            j = k + o
            if 0 <= j < n:
                f.append(ow[lower[j]])
                f.append(op[pos[j]])
                if near:
                    f.append(ol[lemma[idxs[j]]])
                    f.append(od[dep[j]])
                    f.append(oq[quote[j]])
                    if cue_here[j]:
                        f.append(cue)
            elif near:
                f.append(bou)


@lru_cache(maxsize=64)
def _cluster_attrs(prefix: str, size: int) -> tuple[str, ...]:
    """The attribute strings ``f"{prefix}{size}={c}"`` of every cluster ``c`` of a clustering into
    ``size``."""
    return tuple(f"{prefix}{size}={c}" for c in range(size))


def _cluster_features(p: Parsed, idxs: list[int], out: list[list[str]]) -> None:
    """Append the word classes of each token, its head and its neighbours."""
    n = len(idxs)
    head = p.head
    for size, a in p.clusters.items():
        # (``size`` clusters: the centroids' count, every cluster below it)
        c, hc = _cluster_attrs("c", size), _cluster_attrs("hc", size)
        before, after = _cluster_attrs("-1c", size), _cluster_attrs("1c", size)
        for k, i in enumerate(idxs):
            f = out[k]
            f.append(c[a[i]])
            f.append(hc[a[head[i]]])
            if k > 0:
                f.append(before[a[idxs[k - 1]]])
            if k + 1 < n:
                f.append(after[a[idxs[k + 1]]])
