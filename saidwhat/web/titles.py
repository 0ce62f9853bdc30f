"""Display titles: an article's title, else its headline segment, else its first line.

Plain-text articles often have no ``title`` in their metadata; listing them by file path is
unreadable. The store keeps each document's display title since schema v7 (older rows are derived
from the stored analysis). Document ids are content hashes, so a title never changes and is cached.
"""

from __future__ import annotations

import threading
from collections import OrderedDict

from saidwhat.errors import SaidwhatError
from saidwhat.store import StoreProtocol
from saidwhat.titles import derived_title
from saidwhat.web.links import display_source


class Titles:
    """``of(doc_id, title, source)``: the title to show for a stored document (derived ones cached)."""

    def __init__(self, store: StoreProtocol, size: int = 8192) -> None:
        self.store = store
        self.size = size
        self._cache: OrderedDict[str, str | None] = OrderedDict()
        self._lock = threading.Lock()

    def of(self, doc_id: str, title: str | None, source: str) -> str:
        """The title, else the derived one, else the source as pages show it (never a server path)."""
        if title:
            return title
        with self._lock:
            if doc_id in self._cache:
                self._cache.move_to_end(doc_id)
                return self._cache[doc_id] or display_source(source)
        try:
            stored = self.store.find(doc_id)
            if stored is not None and stored.display_title is not None:
                derived = stored.display_title if stored.display_title != stored.source else None
            else:  # stored before titles were kept at ingest (schema v7): derive it
                derived = derived_title(self.store.get(doc_id))
        except SaidwhatError:
            derived = None
        with self._lock:
            self._cache[doc_id] = derived
            while len(self._cache) > self.size:
                self._cache.popitem(last=False)
        return derived or display_source(source)
