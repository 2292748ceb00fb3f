"""Results per paragraph, so editing one sentence re-checks only its paragraph.

Keys are the paragraph's text plus everything in the request that changes LanguageTool's
answer (language, mother tongue, level, disabled rules and categories) and the server URL.
Values are flags with offsets relative to the paragraph, so a paragraph that moved (an edit
above it) is still a hit. Bounded LRU, thread-safe: paragraphs are checked in parallel.
"""

from __future__ import annotations

import threading
from collections import OrderedDict

from reviewer.core.flags import Flag

CacheKey = tuple[str, ...]


class ParagraphCache:
    """A bounded, thread-safe LRU of paragraph flags; `enabled=False` makes it a no-op."""

    def __init__(self, max_entries: int = 20_000, enabled: bool = True) -> None:
        self.max_entries = max_entries
        self.enabled = enabled
        self._entries: OrderedDict[CacheKey, tuple[Flag, ...]] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def get(self, key: CacheKey) -> tuple[Flag, ...] | None:
        """The flags stored for `key`, or None (counted as a miss)."""
        if not self.enabled:
            return None
        with self._lock:
            flags = self._entries.get(key)
            if flags is None:
                self.misses += 1
                return None
            self._entries.move_to_end(key)
            self.hits += 1
            return flags

    def put(self, key: CacheKey, flags: tuple[Flag, ...]) -> None:
        """Store the flags of one checked paragraph."""
        if not self.enabled:
            return
        with self._lock:
            self._entries[key] = flags
            self._entries.move_to_end(key)
            while len(self._entries) > self.max_entries:
                self._entries.popitem(last=False)

    def clear(self) -> None:
        """Forget everything (and the hit counters)."""
        with self._lock:
            self._entries.clear()
            self.hits = self.misses = 0

    def __len__(self) -> int:
        with self._lock:
            return len(self._entries)
