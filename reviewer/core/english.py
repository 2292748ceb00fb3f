"""English word frequencies from wordfreq, shared by the engines, without loading wordfreq's
whole English list into every process.

The artefacts engine (untranslated words, names) and LanguageTool's mapping (which
suggestions for a probable name are common words) ask for the English Zipf frequency of a
few hundred words per document. wordfreq answers from a dict of its whole English list
(321,000 words), built on the first lookup: 0.15-0.2 s of every check on the development
machine, a third of what a check of the 700-word seed costs beyond Python's start-up. So
the answers come from a table in the user's cache instead (`derived/`, SQLite, keyed by
wordfreq's version): every token of the list with its frequency, written once (about 1 s) by
the first process that needs it. A word is split by wordfreq's own tokenizer ("Tuesday" ->
"tuesday", "al-Mohandas" -> "al", "mohandas"), each token is one row, and the frequencies
are combined and rounded exactly as wordfreq does (`_zipf`). A word with digits (wordfreq
has special rules for those) goes to wordfreq, which then loads its list, once per process,
under a lock: the two engines run side by side, and both used to build the same list at
once. When the cache cannot be written, every lookup goes to wordfreq, as before.
"""

from __future__ import annotations

import contextlib
import math
import os
import re
import sqlite3
import tempfile
import threading
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from reviewer.user_cache import user_cache_dir

_TABLE_FORMAT = 2
_PLAIN = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")
_loading = threading.Lock()
_loaded = False
_table_lock = threading.Lock()
_table: _EnglishTable | None = None
_table_tried = False


@lru_cache(maxsize=65536)
def english_zipf(word: str) -> float:
    """wordfreq's English Zipf frequency of `word` (0 for unknown words), cached per word:
    always what `wordfreq.zipf_frequency(word, "en")` returns."""
    table = _english_table()
    if table is not None and not any(char.isdigit() for char in word):
        return _zipf(_tokens(word), table)
    if not _loaded:
        _load()
    from wordfreq import zipf_frequency

    return float(zipf_frequency(word, "en"))


def _zipf(tokens: list[str], table: _EnglishTable) -> float:
    """`zipf_frequency` as wordfreq 3 computes it for tokens without digits (its
    `_word_frequency`, then `zipf_frequency`), the frequencies read from the table: the
    tests compare the two on tens of thousands of words."""
    minimum = 1e-9  # zipf_to_freq(0): zipf_frequency's default minimum
    freq = minimum
    if tokens:
        one_over_result = 0.0
        for token in tokens:
            found = table.get(token)
            if found is None:
                break  # a token wordfreq does not know: the minimum
            one_over_result += 1.0 / found
        else:
            unrounded = max(1.0 / one_over_result, minimum)
            freq = round(unrounded, math.floor(-math.log(unrounded, 10)) + 3)
    return round(math.log(freq, 10) + 9, 2)


def _tokens(word: str) -> list[str]:
    """wordfreq's own tokens of `word` (lower case, split as its lists are).

    ASCII letters with hyphens between them ("Tuesday", "al-Mohandas", most words asked
    about) are lower-cased and split at the hyphens here, as wordfreq's tokenizer does (the
    tests compare the two on 350,000 such words): importing wordfreq costs 0.1 s, which
    `reviewer fix` and the window's detectors then never pay.
    """
    if _PLAIN.fullmatch(word):
        return word.lower().split("-")
    from wordfreq.tokens import lossy_tokenize

    return list(lossy_tokenize(word, "en"))


def _load() -> None:
    """Fill wordfreq's English caches once, whichever thread asks first."""
    global _loaded  # noqa: PLW0603 - set once, read without the lock afterwards
    with _loading:
        if not _loaded:
            from wordfreq import zipf_frequency

            zipf_frequency("the", "en")  # the list and the tokenizer, as every lookup uses them
            _loaded = True


class _EnglishTable:
    """The read-only table of `table_path()`; one connection shared by the threads."""

    def __init__(self, path: Path) -> None:
        self._connection = sqlite3.connect(
            f"{path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False
        )
        self._lock = threading.Lock()

    def get(self, word: str) -> float | None:
        with self._lock:
            row = self._connection.execute(
                "SELECT freq FROM english WHERE word = ?", (word,)
            ).fetchone()
        return None if row is None else float(row[0])


def table_path() -> Path:
    """Where the English table lives (a new wordfreq version gets a new table)."""
    version = metadata.version("wordfreq")  # read from the metadata: no import of wordfreq
    return user_cache_dir() / "derived" / f"wordfreq-{version}-english-zipf-{_TABLE_FORMAT}.db"


def _english_table() -> _EnglishTable | None:
    """The table, built on first use; None when it can be neither read nor built."""
    global _table, _table_tried  # noqa: PLW0603 - opened once per process
    if _table_tried:
        return _table
    with _table_lock:
        if not _table_tried:
            path = table_path()
            try:
                if not path.is_file():
                    _build(path)
                _table = _EnglishTable(path)
                _table.get("the")  # a damaged file fails here, not in a check
            except (OSError, sqlite3.Error):
                _table = None
            _table_tried = True
    return _table


def _build(path: Path) -> None:
    """Write the table atomically (a concurrent reader never sees half of it)."""
    from wordfreq import get_frequency_dict

    if not _loaded:
        _load()
    rows = list(get_frequency_dict("en", "best").items())
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    os.close(handle)
    try:
        with contextlib.closing(sqlite3.connect(temporary)) as connection:
            connection.execute(
                "CREATE TABLE english (word TEXT PRIMARY KEY, freq REAL) WITHOUT ROWID"
            )
            connection.executemany("INSERT INTO english VALUES (?, ?)", rows)
            connection.commit()
        os.replace(temporary, path)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
