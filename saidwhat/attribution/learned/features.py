"""Token features for the learned attribution tagger.

A *unit* is one paragraph of a parsed document: the non-space tokens between two line breaks
(content often spans several sentences, and the newline sentence-boundary component guarantees
that no sentence crosses a line break). Features are plain strings (binary CRF attributes) built
from the spaCy parse in one pass per unit; per-token work is a handful of dict look-ups and string
joins, so extraction costs a small fraction of the parse itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import as_file, files
from pathlib import Path
from typing import Any

import numpy as np
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, IDX, LEMMA, LENGTH, LOWER, POS, SENT_START, SHAPE, TAG
from spacy.tokens import Doc

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


def assign(tensor: np.ndarray, cents: Centroids) -> dict[int, list[int]]:
    """Per k, the nearest centroid of every token vector (nothing without a matching tensor)."""
    out: dict[int, list[int]] = {}
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
        rows = doc.to_array([LOWER, LEMMA, POS, TAG, DEP, SHAPE, ENT_TYPE, ENT_IOB, IDX, LENGTH]).tolist()
        # HEAD (relative) and SENT_START are signed but come in an unsigned array
        signed = doc.to_array([HEAD, SENT_START]).astype("int64").tolist()
        strings = doc.vocab.strings
        cache: dict[int, str] = {0: ""}
        # token texts are slices of the text (no Python token object per token); a token's
        # trailing whitespace is one space at most, so line breaks are tokens of their own
        full = doc_text(doc)

        def s(h: int) -> str:
            v = cache.get(h)
            if v is None:
                v = cache[h] = strings[h]
            return v

        n = len(rows)
        p = cls(doc, [], [], [], [], [], [], [], [], [], [], [], [], [], [], [], [])
        sid = -1
        iob = ("", "I", "O", "B")
        cur: list[int] = []
        for i, (row, (he, ss)) in enumerate(zip(rows, signed, strict=True)):
            lo, le, po, ta, de, sh, et, ei, at, ln = row
            if i == 0 or ss == 1:
                sid += 1
            text = full[at : at + ln]
            p.text.append(text)
            p.lower.append(s(lo))
            p.lemma.append(s(le).lower())
            p.pos.append(s(po))
            p.tag.append(s(ta))
            p.dep.append(s(de))
            p.shape.append(s(sh))
            p.ent.append(iob[ei] + s(et) if et else "")
            p.head.append(min(n - 1, max(0, i + he)))
            p.sent.append(sid)
            p.idx.append(at)
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


def unit_features(p: Parsed, idxs: list[int], is_cue: dict[int, bool] | None = None) -> list[list[str]]:
    """CRF attributes for every token of one unit (same order as ``idxs``).

    Written for speed (it runs on every token of every document): the strings of each attribute
    family are built for the whole unit by one comprehension, then dealt out per token.
    """
    if is_cue is None:
        is_cue = cue_flags(p)
    n = len(idxs)
    if not n:
        return []
    lower = [p.lower[i] for i in idxs]
    pos = [p.pos[i] for i in idxs]
    dep = [p.dep[i] for i in idxs]
    lem = [p.lemma[i] for i in idxs]
    heads = [p.head[i] for i in idxs]
    sents = [p.sent[i] for i in idxs]
    cue_here = [is_cue[i] for i in idxs]
    quote = _quote_states([p.text[i] for i in idxs])
    starts_quoted = "sq=y" if quote[0] == "o" else "sq=n"
    # the previous paragraph ends with a colon (*He added:* then the quote)
    j = idxs[0] - 1
    while j >= 0 and p.text[j].isspace():
        j -= 1
    after_colon = "pc=y" if j >= 0 and p.text[j] == ":" else "pc=n"
    first_sent = sents[0]
    # sentence extents and cue positions (unit positions) per sentence
    sent_first: dict[int, int] = {}
    sent_len: dict[int, int] = {}
    cue_pos: dict[int, list[int]] = {}
    for k, s in enumerate(sents):
        if s not in sent_first:
            sent_first[s] = k
            sent_len[s] = 0
        sent_len[s] += 1
        if cue_here[k]:
            cue_pos.setdefault(s, []).append(k)
    p_lemma, p_pos, p_ent, p_kids, p_subj, p_that, p_prt = (
        p.lemma, p.pos, p.ent, p.kids, p.subj, p.that, p.prt
    )
    hls = [p_lemma[h] for h in heads]
    hps = [p_pos[h] for h in heads]
    # what each token contributes to its neighbours' attributes, per offset
    nb_m2 = [("-2w=" + w, "-2p=" + q) for w, q in zip(lower, pos, strict=True)]
    nb_p2 = [("2w=" + w, "2p=" + q) for w, q in zip(lower, pos, strict=True)]
    nb_m1 = [
        ("-1w=" + w, "-1p=" + q, "-1l=" + lm, "-1d=" + d, "-1q=" + qs, "-1cue")
        if c
        else ("-1w=" + w, "-1p=" + q, "-1l=" + lm, "-1d=" + d, "-1q=" + qs)
        for w, q, lm, d, qs, c in zip(lower, pos, lem, dep, quote, cue_here, strict=True)
    ]
    nb_p1 = [
        ("1w=" + w, "1p=" + q, "1l=" + lm, "1d=" + d, "1q=" + qs, "1cue")
        if c
        else ("1w=" + w, "1p=" + q, "1l=" + lm, "1d=" + d, "1q=" + qs)
        for w, q, lm, d, qs, c in zip(lower, pos, lem, dep, quote, cue_here, strict=True)
    ]
    clusters = [
        (a, f"c{size}=", f"hc{size}=", f"-1c{size}=", f"1c{size}=") for size, a in p.clusters.items()
    ]
    out: list[list[str]] = []
    last = n - 1
    for k, i in enumerate(idxs):
        h = heads[k]
        d = dep[k]
        s = sents[k]
        f = [
            "b",
            "w=" + lower[k],
            "s3=" + lower[k][-3:],
            "sh=" + p.shape[i],
            "l=" + lem[k],
            "p=" + pos[k],
            "t=" + p.tag[i],
            "d=" + d,
            "hl=" + hls[k],
            "hp=" + hps[k],
            "dhp=" + d + "|" + hps[k],
            "q=" + quote[k],
            starts_quoted,
            after_colon,
            "si=" + _bucket(s - first_sent),
        ]
        app = f.append
        if p_ent[i]:
            app("e=" + p_ent[i])
        for kd in p_kids[i]:
            app("k=" + kd)
        subj = p_subj[i]
        if cue_here[k]:
            app("cue")
            app("cue|d=" + d)
            app("cue|p=" + pos[k])
            if subj:
                app("cue|subj=" + subj)
        if subj:
            app("subj=" + subj)
        if p_that[i]:
            app("that")
            app("that|l=" + lem[k])
        if p_prt[i]:
            app("prt=" + lem[k] + "_" + p_prt[i])
        if h != i and is_cue[h]:
            app("hcue|d=" + d)
            app("hcue|" + ("L" if i < h else "R"))
        anc = _cue_ancestor(p, i, is_cue)
        if anc is not None:
            app("anc=" + anc[0])
            app("anc|" + ("L" if i < anc[1] else "R") + anc[0])
        gov = _governor(p, i)
        if gov is not None:
            app("gov=" + gov)
        cues = cue_pos.get(s)
        if not cues:
            app("cd=none")
        else:
            best = cues[0] - k
            for c in cues:
                if abs(c - k) < abs(best):
                    best = c - k
            best = -best
            if best == 0:
                app("cd=0")
            else:
                app("cd=" + ("R" if best > 0 else "L") + _bucket(abs(best)))
        r = k - sent_first[s]
        if r == 0:
            app("first")
        ln = sent_len[s]
        if r == ln - 1:
            app("last")
        app("rp=" + str(min(4, 5 * r // ln)))
        if k >= 2:
            f.extend(nb_m2[k - 2])
        if k >= 1:
            f.extend(nb_m1[k - 1])
        else:
            app("-1BOU")
        if k < last:
            f.extend(nb_p1[k + 1])
        else:
            app("1BOU")
        if k + 1 < last:
            f.extend(nb_p2[k + 2])
        for a, cs, hcs, mcs, pcs in clusters:
            app(cs + str(a[i]))
            app(hcs + str(a[h]))
            if k > 0:
                app(mcs + str(a[idxs[k - 1]]))
            if k < last:
                app(pcs + str(a[idxs[k + 1]]))
        out.append(f)
    return out
