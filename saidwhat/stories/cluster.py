"""Online story clustering: each article joins the best open story or opens a new one.

One pass, in the order articles arrive (the corpus stage feeds them in time order), never
reclustering. An article is a TF-IDF vector of its content terms and one of its canonical entities,
both weighted with document frequencies counted incrementally over every article seen so far. A
story keeps the sum of its members' unit term-frequency vectors (sublinear tf, no IDF) and the day
of its last article; its centroid is that sum weighted with the IDF *of the moment of comparison*,
so a word that looked specific while one topic filled the stream ("government") stops pulling
articles in once other topics show it is common. The sums are cut to the heaviest terms.

Similarity to a story = ``text_weight`` · cos(terms) + (1 − ``text_weight``) · cos(entities). The
article joins the best candidate when that similarity reaches the story's bar raised by the time
the story has been quiet: ``bar · (1 + gap_days / gap_scale_days)``. The bar is ``threshold`` for a
young story; once ``cohesion_min_size`` articles have joined it, it is the mean minus
``cohesion_sd`` standard deviations of their join similarities (an outlier test against the story's
own members: a broad, loose story such as a year of a war takes looser articles than a tight one),
kept within ``[threshold_floor, threshold]``. A matter that goes quiet
and comes back with the same actors and words rejoins its story (the bar doubles after
``gap_scale_days``); one that comes back as another matter does not; a story quiet for more than
``horizon_days`` is closed and leaves the index.

Cost per article does not grow with the store: candidates come from an inverted index of the open
stories' heaviest terms and entities (closed stories are dropped), at most ``max_candidates`` of
them are scored, and each score reads bounded vectors. The document-frequency tables grow with the
vocabulary only. All ties are broken by story number, so a rebuild gives the same stories.

Document frequencies start from a prior: general English word frequencies (``wordfreq``) stand for
``prior_docs`` pseudo-articles of ``prior_doc_words`` words, so that in a young store that holds one
topic only its own words ("Iraq") still weigh more than words common in all news ("government");
the store's counts outweigh the prior once it holds more than ``prior_docs`` articles.
"""

from __future__ import annotations

import heapq
import math
import tomllib
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field, fields
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import Any

from saidwhat.stories.features import ArticleFeatures

STATE_SCHEMA = "saidwhat/1-story-state"
JSON = dict[str, Any]


@dataclass(frozen=True, slots=True)
class ClusterParams:
    """Settings of :class:`StoryClusterer` (defaults in ``saidwhat/data/stories.toml``)."""

    threshold: float = 0.09
    text_weight: float = 0.5
    gap_scale_days: float = 90.0
    horizon_days: int = 180
    centroid_terms: int = 300
    centroid_entities: int = 60
    index_terms: int = 25
    index_entities: int = 10
    query_terms: int = 25
    query_entities: int = 10
    max_candidates: int = 40
    prior_docs: int = 5000
    threshold_floor: float = 0.06
    cohesion_min_size: int = 5
    cohesion_sd: float = 3.0
    prior_doc_words: int = 500

    def __post_init__(self) -> None:
        if not 0.0 < self.threshold < 1.0:
            raise ValueError("threshold must be in (0, 1)")
        if not 0.0 <= self.text_weight <= 1.0:
            raise ValueError("text_weight must be in [0, 1]")
        if not 0.0 < self.threshold_floor <= self.threshold:
            raise ValueError("need 0 < threshold_floor <= threshold")
        if self.cohesion_sd < 0 or self.cohesion_min_size < 0:
            raise ValueError("cohesion_sd and cohesion_min_size must not be negative")
        if self.prior_docs < 0 or self.prior_doc_words < 1:
            raise ValueError("prior_docs must not be negative and prior_doc_words must be positive")
        if self.gap_scale_days <= 0 or self.horizon_days <= 0:
            raise ValueError("gap_scale_days and horizon_days must be positive")
        for f in (
            "centroid_terms",
            "centroid_entities",
            "index_terms",
            "index_entities",
            "query_terms",
            "query_entities",
            "max_candidates",
        ):
            if int(getattr(self, f)) < 1:
                raise ValueError(f"{f} must be at least 1")

    @classmethod
    def from_mapping(cls, d: Mapping[str, Any]) -> ClusterParams:
        known = {f.name: f for f in fields(cls)}
        unknown = sorted(set(d) - set(known))
        if unknown:
            raise ValueError(f"unknown story cluster settings: {', '.join(unknown)}")
        kw: dict[str, Any] = {}
        for k, v in d.items():
            if isinstance(v, bool) or not isinstance(v, int | float):
                raise ValueError(f"story cluster setting {k} must be a number")
            kw[k] = float(v) if known[k].type in ("float", float) else int(v)
        return cls(**kw)


def load_settings() -> JSON:
    """The ``saidwhat/data/stories.toml`` settings file, parsed."""
    raw = resources.files("saidwhat").joinpath("data/stories.toml").read_text(encoding="utf-8")
    return tomllib.loads(raw)


def default_params() -> ClusterParams:
    return ClusterParams.from_mapping(load_settings().get("cluster", {}))


def _ordinal(day: str | None) -> int | None:
    if not day:
        return None
    try:
        return date.fromisoformat(day[:10]).toordinal()
    except ValueError:
        return None


def _unit(weights: dict[str, float]) -> dict[str, float]:
    norm = math.sqrt(sum(w * w for w in weights.values()))
    return {k: w / norm for k, w in weights.items()} if norm > 0 else {}


def _prune(vec: dict[str, float], n: int) -> dict[str, float]:
    if len(vec) <= n:
        return vec
    return dict(sorted(vec.items(), key=lambda kv: (-kv[1], kv[0]))[:n])


def _cos(a: dict[str, float], b: dict[str, float], b_norm: float) -> float:
    if not a or b_norm <= 0:
        return 0.0
    if len(a) > len(b):
        return sum(w * a[k] for k, w in b.items() if k in a) / b_norm
    return sum(w * b[k] for k, w in a.items() if k in b) / b_norm


@lru_cache(maxsize=200_000)
def _prior_share(key: str, doc_words: int) -> float:
    """The share of news articles of ``doc_words`` words expected to hold ``key``, from its frequency
    in general English (wordfreq): 1 - exp(-doc_words * frequency)."""
    from wordfreq import word_frequency

    return 1.0 - math.exp(-doc_words * word_frequency(key, "en"))


def _tf(counts: dict[str, int]) -> dict[str, float]:
    return {k: 1.0 + math.log(c) for k, c in counts.items() if c > 0}


def _norm(v: dict[str, float]) -> float:
    return math.sqrt(sum(w * w for w in v.values()))


@dataclass(slots=True)
class Story:
    """An open story's running state."""

    num: int
    first: int  # day ordinals
    last: int
    size: int = 0
    terms: dict[str, float] = field(default_factory=dict)  # sum of member unit tf vectors (pruned)
    entities: dict[str, float] = field(default_factory=dict)
    keys: list[str] = field(default_factory=list)  # index keys it is filed under
    joins: int = 0  # articles that joined it (all but the first), with their similarities
    sim_sum: float = 0.0
    sim_sq: float = 0.0

    @property
    def id(self) -> str:
        return f"st{self.num}"

    def to_dict(self) -> JSON:
        return {
            "num": self.num,
            "first": self.first,
            "last": self.last,
            "size": self.size,
            "joins": self.joins,
            "sim_sum": self.sim_sum,
            "sim_sq": self.sim_sq,
            "terms": self.terms,
            "entities": self.entities,
        }

    @classmethod
    def from_dict(cls, d: JSON) -> Story:
        s = cls(
            num=int(d["num"]),
            first=int(d["first"]),
            last=int(d["last"]),
            size=int(d["size"]),
            terms={k: float(v) for k, v in d["terms"].items()},
            entities={k: float(v) for k, v in d["entities"].items()},
            joins=int(d.get("joins", 0)),
            sim_sum=float(d.get("sim_sum", 0.0)),
            sim_sq=float(d.get("sim_sq", 0.0)),
        )
        return s


@dataclass(slots=True)
class Decision:
    """Why an article went where it went (for benchmarks and debugging)."""

    story: str
    new: bool
    similarity: float  # of the best candidate (0 when none)
    required: float  # the bar it had to reach
    candidates: int


class StoryClusterer:
    """Online single-pass story clustering (see the module docstring)."""

    def __init__(self, params: ClusterParams | None = None) -> None:
        self.params = params or default_params()
        self.n_docs = 0
        self.df: Counter[str] = Counter()  # term -> documents
        self.edf: Counter[str] = Counter()  # entity -> documents
        # log(df + prior + 1) per key, kept up to date as df changes (IDF = log(N + m + 1) - it + 1)
        self._log_t: dict[str, float] = {}
        self._log_e: dict[str, float] = {}
        self.next_num = 1
        self.now: int | None = None  # latest day ordinal seen
        self.stories: dict[int, Story] = {}  # open stories by number
        self._index: dict[str, set[int]] = {}
        self._heap: list[tuple[int, int]] = []  # (last day, story number), lazily updated
        self.last_decision: Decision | None = None
        # closed stories are dropped; a benchmark may keep them (list of stories) to study them
        self.closed: list[Story] | None = None

    # ------------------------------------------------------------------ vectors

    def _log_df(self, key: str, df: int) -> float:
        m = self.params.prior_docs
        prior = m * _prior_share(key, self.params.prior_doc_words) if m > 0 else 0.0
        return math.log(df + prior + 1)

    def _count(self, keys: Iterable[str], df: Counter[str], logs: dict[str, float]) -> None:
        for k in keys:
            df[k] += 1
            logs[k] = self._log_df(k, df[k])

    def _idf(self, key: str, df: int) -> float:
        log_n = math.log(self.n_docs + self.params.prior_docs + 1)
        return log_n - self._log_df(key, df) + 1.0

    def vectors(self, f: ArticleFeatures) -> tuple[dict[str, float], dict[str, float]]:
        """The article's unit TF-IDF vectors of terms and of entities (with the current counts)."""
        tv = self._weigh(_tf(f.terms), self._log_t)
        return _unit(tv), _unit(self._weigh(_tf(f.entities), self._log_e))

    def _weigh(self, raw: dict[str, float], logs: dict[str, float]) -> dict[str, float]:
        """``raw`` weighted with the current IDF (every key has been counted)."""
        base = math.log(self.n_docs + self.params.prior_docs + 1) + 1.0
        return {k: w * (base - logs[k]) for k, w in raw.items()}

    def centroid(self, s: Story) -> tuple[dict[str, float], dict[str, float]]:
        """The story's term and entity centroids weighted with the current IDF."""
        return self._weigh(s.terms, self._log_t), self._weigh(s.entities, self._log_e)

    def similarity(self, tv: dict[str, float], ev: dict[str, float], s: Story) -> float:
        ct, ce = self.centroid(s)
        st = _cos(tv, ct, _norm(ct))
        if not ev or not ce:
            return st
        se = _cos(ev, ce, _norm(ce))
        w = self.params.text_weight
        return w * st + (1.0 - w) * se

    def required(self, s: Story, day: int) -> float:
        p = self.params
        base = p.threshold
        if p.cohesion_min_size > 0 and s.joins >= p.cohesion_min_size:
            # a loose story (its members sat far from it when they joined) takes a lower bar
            mean = s.sim_sum / s.joins
            sd = math.sqrt(max(0.0, s.sim_sq / s.joins - mean * mean))
            base = min(base, max(p.threshold_floor, mean - p.cohesion_sd * sd))
        gap = max(0, day - s.last, s.first - day)
        return base * (1.0 + gap / p.gap_scale_days)

    # ------------------------------------------------------------------ index

    def _file(self, s: Story) -> None:
        p = self.params
        for k in s.keys:
            ids = self._index.get(k)
            if ids is not None:
                ids.discard(s.num)
                if not ids:
                    del self._index[k]
        ct, ce = self.centroid(s)
        top_t = sorted(ct.items(), key=lambda kv: (-kv[1], kv[0]))[: p.index_terms]
        top_e = sorted(ce.items(), key=lambda kv: (-kv[1], kv[0]))[: p.index_entities]
        s.keys = ["t:" + k for k, _ in top_t] + ["e:" + k for k, _ in top_e]
        for k in s.keys:
            self._index.setdefault(k, set()).add(s.num)

    def _close_quiet(self) -> None:
        if self.now is None:
            return
        limit = self.now - self.params.horizon_days
        while self._heap and self._heap[0][0] < limit:
            last, num = heapq.heappop(self._heap)
            s = self.stories.get(num)
            if s is None or s.last != last:
                continue  # stale heap entry: the story moved on (or is gone)
            for k in s.keys:
                ids = self._index.get(k)
                if ids is not None:
                    ids.discard(num)
                    if not ids:
                        del self._index[k]
            if self.closed is not None:
                self.closed.append(s)
            del self.stories[num]

    def candidates(self, tv: dict[str, float], ev: dict[str, float]) -> list[Story]:
        p = self.params
        hits: Counter[int] = Counter()
        q_t = sorted(tv.items(), key=lambda kv: (-kv[1], kv[0]))[: p.query_terms]
        q_e = sorted(ev.items(), key=lambda kv: (-kv[1], kv[0]))[: p.query_entities]
        for k, _ in q_t:
            for num in self._index.get("t:" + k, ()):
                hits[num] += 1
        for k, _ in q_e:
            for num in self._index.get("e:" + k, ()):
                hits[num] += 1
        best = sorted(hits.items(), key=lambda kv: (-kv[1], kv[0]))[: p.max_candidates]
        return [self.stories[num] for num, _ in best]

    # ------------------------------------------------------------------ adding

    def add(self, f: ArticleFeatures) -> str:
        """File one article; returns its story id (``st<N>``)."""
        day = _ordinal(f.published)
        if day is None:
            day = self.now if self.now is not None else 0
        if self.now is None or day > self.now:
            self.now = day
            self._close_quiet()
        self.n_docs += 1
        self._count((t for t, c in f.terms.items() if c > 0), self.df, self._log_t)
        self._count((e for e, c in f.entities.items() if c > 0), self.edf, self._log_e)
        tv, ev = self.vectors(f)
        tf, ef = _unit(_tf(f.terms)), _unit(_tf(f.entities))
        cands = self.candidates(tv, ev)
        best: Story | None = None
        best_sim = best_margin = 0.0
        best_req = self.params.threshold
        for s in cands:
            sim = self.similarity(tv, ev, s)
            req = self.required(s, day)
            margin = sim / req
            if margin > best_margin or (margin == best_margin and best is not None and s.num < best.num):
                best, best_sim, best_req, best_margin = s, sim, req, margin
        if best is None or best_margin < 1.0:
            best = Story(num=self.next_num, first=day, last=day)
            self.next_num += 1
            self.stories[best.num] = best
            new = True
        else:
            new = False
        if not new:
            best.joins += 1
            best.sim_sum += best_sim
            best.sim_sq += best_sim * best_sim
        self._join(best, tf, ef, day)
        self.last_decision = Decision(best.id, new, best_sim, best_req, len(cands))
        return best.id

    def _join(self, s: Story, tf: dict[str, float], ef: dict[str, float], day: int) -> None:
        p = self.params
        for k, w in tf.items():
            s.terms[k] = s.terms.get(k, 0.0) + w
        for k, w in ef.items():
            s.entities[k] = s.entities.get(k, 0.0) + w
        # keep the terms heaviest by tf x current IDF (by tf alone the common words would stay)
        if len(s.terms) > p.centroid_terms:
            keep = _prune(self._weigh(s.terms, self._log_t), p.centroid_terms)
            s.terms = {k: s.terms[k] for k in keep}
        if len(s.entities) > p.centroid_entities:
            keep = _prune(self._weigh(s.entities, self._log_e), p.centroid_entities)
            s.entities = {k: s.entities[k] for k in keep}
        s.size += 1
        s.first, s.last = min(s.first, day), max(s.last, day)
        heapq.heappush(self._heap, (s.last, s.num))
        self._file(s)

    def add_all(self, items: Iterable[ArticleFeatures]) -> dict[str, str]:
        """File articles in the given order; article id -> story id."""
        return {f.id: self.add(f) for f in items}

    # ------------------------------------------------------------------ state

    def to_dict(self) -> JSON:
        return {
            "schema": STATE_SCHEMA,
            "params": asdict(self.params),
            "n_docs": self.n_docs,
            "df": dict(sorted(self.df.items())),
            "edf": dict(sorted(self.edf.items())),
            "next_num": self.next_num,
            "now": self.now,
            "stories": [self.stories[n].to_dict() for n in sorted(self.stories)],
        }

    @classmethod
    def from_dict(cls, d: JSON) -> StoryClusterer:
        if d.get("schema") != STATE_SCHEMA:
            raise ValueError(f"not a {STATE_SCHEMA} object: schema={d.get('schema')!r}")
        c = cls(ClusterParams.from_mapping(d["params"]))
        c.n_docs = int(d["n_docs"])
        c.df = Counter({k: int(v) for k, v in d["df"].items()})
        c.edf = Counter({k: int(v) for k, v in d["edf"].items()})
        c._log_t = {k: c._log_df(k, v) for k, v in c.df.items()}
        c._log_e = {k: c._log_df(k, v) for k, v in c.edf.items()}
        c.next_num = int(d["next_num"])
        c.now = d.get("now")
        for sd in d["stories"]:
            s = Story.from_dict(sd)
            c.stories[s.num] = s
            heapq.heappush(c._heap, (s.last, s.num))
            c._file(s)
        return c

    def idf(self, key: str, *, entity: bool = False) -> float:
        """Inverse document frequency of a term (or entity) over the articles seen."""
        return self._idf(key, (self.edf if entity else self.df)[key])


def cluster(items: Iterable[ArticleFeatures], params: ClusterParams | None = None) -> dict[str, str]:
    """Cluster articles in time order (published, then id), as a rebuild does: id -> story id."""
    ordered = sorted(items, key=lambda f: (f.published or "", f.id))
    return StoryClusterer(params).add_all(ordered)
