"""PolNeAR brat annotations as tag sequences.

Each ``.ann`` file holds ``T`` lines (``Tn<TAB>Role start end[;start end]<TAB>text``) and ``E``
lines tying a Cue, a Source and one or more Content spans into an attribution. PolNeAR gives every
token at most one role, so a document becomes one BIO tag per token: ``B-``/``I-`` of ``SOURCE``,
``CUE``, ``CONTENT``, or ``O``. A ``B-`` starts every fragment, so a quote split around its cue is
two ``CONTENT`` runs.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from saidwhat.attribution.learned.features import Parsed

ROLES = {"Source": "SOURCE", "Cue": "CUE", "Content": "CONTENT", "Content2": "CONTENT"}
LABELS = ("O", "B-SOURCE", "I-SOURCE", "B-CUE", "I-CUE", "B-CONTENT", "I-CONTENT")


@dataclass(frozen=True, slots=True)
class GoldRelation:
    """One annotated attribution: character fragments per role."""

    source: tuple[tuple[int, int], ...]
    cue: tuple[tuple[int, int], ...]
    content: tuple[tuple[int, int], ...]


def read_ann(path: Path) -> list[GoldRelation]:
    """The attributions of one brat file (relations without content are dropped)."""
    spans: dict[str, list[tuple[int, int]]] = {}
    rels: list[GoldRelation] = []
    events: list[list[str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        if line.startswith("T"):
            meta = parts[1].split(" ", 1)
            if len(meta) != 2:
                continue
            frags: list[tuple[int, int]] = []
            for frag in meta[1].split(";"):
                a, b = frag.split()
                frags.append((int(a), int(b)))
            spans[parts[0]] = frags
        elif line.startswith("E"):
            events.append(parts[1].split())
    for roles in events:
        got: dict[str, list[tuple[int, int]]] = {"SOURCE": [], "CUE": [], "CONTENT": []}
        for role in roles:
            name, _, tid = role.partition(":")
            key = ROLES.get(name)
            if key and tid in spans:
                got[key].extend(spans[tid])
        if got["CONTENT"]:
            rels.append(GoldRelation(tuple(got["SOURCE"]), tuple(got["CUE"]), tuple(got["CONTENT"])))
    return rels


def char_roles(n_chars: int, rels: list[GoldRelation]) -> list[tuple[str, int] | None]:
    """Per character: (role, fragment id) or None."""
    out: list[tuple[str, int] | None] = [None] * n_chars
    frag_id = 0
    for rel in rels:
        for role, frags in (("SOURCE", rel.source), ("CUE", rel.cue), ("CONTENT", rel.content)):
            for a, b in frags:
                frag_id += 1
                for k in range(max(0, a), min(n_chars, b)):
                    out[k] = (role, frag_id)
    return out


def token_tags(p: Parsed, idxs: list[int], roles: list[tuple[str, int] | None]) -> list[str]:
    """BIO tags for a unit's tokens from the per-character roles."""
    tags: list[str] = []
    prev: int | None = None
    for i in idxs:
        a, b = p.idx[i], p.idx[i] + len(p.text[i])
        r = roles[a] if a < len(roles) else None
        if r is None and b - 1 < len(roles):
            r = roles[b - 1]
        if r is None:
            tags.append("O")
            prev = None
            continue
        role, fid = r
        tags.append(("I-" if fid == prev else "B-") + role)
        prev = fid
    return tags
