"""Segmentation of article text and publication-date finding.

:func:`segment_text` splits a text into ``headline | body | related | embed | signature | comment |
boilerplate`` segments; :func:`find_published` finds or infers the publication date from the text.
Patterns live in ``saidwhat/data/segment.toml``; see ``docs/segments.md``.
"""

from saidwhat.segment.pubdate import find_published
from saidwhat.segment.segmenter import segment_text

__all__ = ["find_published", "segment_text"]
