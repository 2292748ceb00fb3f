"""English frequencies from the cached table (`reviewer.core.english`): always what wordfreq
says, without loading wordfreq's whole English list into the checking process."""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

import pytest
import wordfreq

from reviewer.core import english

SOME_WORDS = [
    "the", "Tuesday", "TUESDAY", "pero", "avec", "nicht", "Suleimani", "café", "Café",
    "l'état", "don't", "Parliament’s", "counter-terrorism", "AL-Muhandis", "al-Mohandas",
    "New York", "U.S.", "e-mail", "qwxzv", "Qwxzv", "", "—", "...", "ﬁne", "naïve", "Zürich",
    "F-16s", "2020", "3rd", "x1",
]  # fmt: skip


def test_the_table_gives_what_wordfreq_gives() -> None:
    english.english_zipf.cache_clear()
    vocabulary = list(wordfreq.get_frequency_dict("en"))
    foreign = [w for lang in ("es", "fr", "de") for w in wordfreq.top_n_list(lang, 3000)]
    sample = random.Random(7).sample(vocabulary, 20_000) + foreign + SOME_WORDS
    rng = random.Random(11)
    sample += [word.capitalize() for word in rng.sample(vocabulary, 2000)]
    sample += [f"{a}-{b}" for a, b in zip(rng.sample(vocabulary, 2000), foreign, strict=False)]
    sample += [f"{a} {b}" for a, b in zip(foreign, rng.sample(vocabulary, 2000), strict=False)]
    mismatches = [
        (word, english.english_zipf(word), wordfreq.zipf_frequency(word, "en"))
        for word in sample
        if english.english_zipf(word) != wordfreq.zipf_frequency(word, "en")
    ]
    assert mismatches == []
    assert english.table_path().is_file()


def test_plain_words_are_split_as_wordfreqs_tokenizer_splits_them() -> None:
    from wordfreq.tokens import lossy_tokenize

    vocabulary = list(wordfreq.get_frequency_dict("en"))
    rng = random.Random(5)
    words = [w for w in vocabulary if english._PLAIN.fullmatch(w)]
    words += [w.capitalize() for w in rng.sample(words, 5000)]
    words += [w.upper() for w in rng.sample(words, 2000)]
    pairs = zip(rng.sample(words, 5000), words[:5000], strict=True)
    words += [f"{a}-{b.capitalize()}" for a, b in pairs]
    assert len(words) > 100_000
    assert [w for w in words if english._tokens(w) != lossy_tokenize(w, "en")] == []


def test_a_lookup_does_not_load_wordfreqs_english_list(isolated_user_cache: Path) -> None:
    english.english_zipf("pero")  # the table exists from here on
    plain = ("pero", "Tuesday", "al-Mohandas", "qwxzv")
    probe = (
        "import sys\n"
        "from reviewer.core.english import english_zipf\n"
        f"values = [english_zipf(w) for w in {plain!r}]\n"
        "imported = 'wordfreq' in sys.modules\n"
        "values.append(english_zipf(\"l'état\"))  # through wordfreq's tokenizer\n"
        "import wordfreq\n"
        "print(values, imported, wordfreq.get_frequency_dict.cache_info().currsize)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=120
    )
    values, imported, loaded = done.stdout.rsplit(" ", 2)
    assert imported == "False", "plain words need no wordfreq at all"
    assert int(loaded) == 0, "no frequency list was loaded in that process"
    expected = [wordfreq.zipf_frequency(w, "en") for w in (*plain, "l'état")]
    assert values == str(expected)


def test_without_a_usable_cache_wordfreq_answers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(english, "_table", None)
    monkeypatch.setattr(english, "_table_tried", True)  # as when the cache cannot be written
    english.english_zipf.cache_clear()
    try:
        assert english.english_zipf("Tuesday") == wordfreq.zipf_frequency("Tuesday", "en")
    finally:
        english.english_zipf.cache_clear()
