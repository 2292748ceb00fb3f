"""The one-line file without punctuation ("word word word ..."): checking grows linearly.

It once grew quadratically (line/column counted from the start per flag, one flag per
repeated word). n and 4n words are timed in the same test, on the same machine state.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tests.reliability.helpers import run_cli


def _seconds_to_check(
    capsys: pytest.CaptureFixture[str], folder: Path, words: int, fmt: str
) -> float:
    path = folder / f"words-{words}.txt"
    path.write_text("word " * words, encoding="utf-8")
    began = time.perf_counter()
    code, _, err = run_cli(capsys, "check", str(path), "--engines", "artefacts", "--format", fmt)
    elapsed = time.perf_counter() - began
    assert code == 0, err
    return elapsed


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["text", "json"])
def test_checking_4n_words_takes_at_most_about_5x_as_long(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, fmt: str
) -> None:
    _seconds_to_check(capsys, tmp_path, 1000, fmt)  # warm up: imports, word lists, caches
    small = min(_seconds_to_check(capsys, tmp_path, 25_000, fmt) for _ in range(2))
    large = _seconds_to_check(capsys, tmp_path, 100_000, fmt)
    # Linear would be 4x; ~5x is the bound, 6x absorbs a busy machine's noise.
    assert large <= 6 * small, f"25,000 words: {small:.2f} s, 100,000 words: {large:.2f} s"
