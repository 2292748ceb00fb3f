"""SIGKILL during a burst of decisions and during an export: reopening shows every committed
decision, and the export target holds the old file or the new one, never a torn one."""

from __future__ import annotations

import contextlib
import io
import re
import signal
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from reviewer.cli import main
from reviewer.core.review import open_review
from reviewer.core.review.model import SentenceStatus

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")

BURST = """
import sys
from reviewer.cli import main
from reviewer.core.review import open_review
review = open_review(sys.argv[1])
ids = [segment.id for segment in review.segments]
round = 0
while True:
    for index, segment_id in enumerate(ids):
        review.mark_reviewed(segment_id, reviewed=round % 2 == 0)
        print(round, index, flush=True)  # after the commit returned
    round += 1
"""


@pytest.mark.parametrize("decisions", [5, 40, 130])
def test_sigkill_during_a_burst_of_decisions_loses_no_committed_one(
    seed_copy: Path, decisions: int
) -> None:
    process = subprocess.Popen(
        [sys.executable, "-c", BURST, str(seed_copy)], stdout=subprocess.PIPE, text=True
    )
    assert process.stdout is not None
    try:
        last = (0, -1)
        for _ in range(decisions):
            line = process.stdout.readline()
            assert line, "the burst stopped early"
            first, second = line.split()
            last = (int(first), int(second))
        process.send_signal(signal.SIGKILL)
    finally:
        process.kill()
        process.wait(30)
    review = open_review(seed_copy)  # the lock died with the process
    try:
        statuses = [segment.status for segment in review.segments]
    finally:
        review.close()
    round_, index = last
    # Every decision reported committed is there: this round's marks up to `index`.
    done = SentenceStatus.REVIEWED if round_ % 2 == 0 else SentenceStatus.OPEN
    assert statuses[: index + 1] == [done] * (index + 1)
    # The rest hold the previous round's value, or (one at most) the decision in flight.
    previous = SentenceStatus.OPEN if done is SentenceStatus.REVIEWED else SentenceStatus.REVIEWED
    if round_ == 0:
        previous = SentenceStatus.OPEN
    rest = statuses[index + 1 :]
    assert rest[1:] == [previous] * len(rest[1:])


EXPORT = """
import sys
from reviewer.cli import main
print("go", flush=True)
while True:
    assert main(["export", sys.argv[1], "--to", sys.argv[2]]) == 0
"""


@pytest.mark.parametrize("suffix", [".txt", ".docx", ".tmx", ".csv"])
def test_sigkill_during_an_export_leaves_the_old_or_the_new_file(
    capsys: pytest.CaptureFixture[str], seed_copy: Path, tmp_path: Path, suffix: str
) -> None:
    assert main(["fix", str(seed_copy), "--accept", "MT_WEB_RESIDUE"]) == 0
    review = seed_copy.with_name(seed_copy.name + ".review")
    reference = tmp_path / f"reference{suffix}"
    assert main(["export", str(review), "--to", str(reference)]) == 0
    capsys.readouterr()
    new = reference.read_bytes()
    old = b"the old file, which an interrupted export must leave whole\n" * 50
    target = tmp_path / "out" / f"article{suffix}"
    target.parent.mkdir()
    outcomes: set[str] = set()
    for delay in (0.0, 0.3, 0.45, 0.6, 0.8, 1.2):
        target.write_bytes(old)
        process = subprocess.Popen(
            [sys.executable, "-c", EXPORT, str(review), str(target)],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        assert process.stdout is not None
        try:
            assert process.stdout.readline().strip() == "go"
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(delay)
            process.send_signal(signal.SIGKILL)
        finally:
            process.kill()
            process.wait(30)
        data = target.read_bytes()
        if suffix in (".docx",):  # a zip carries its time of writing: compare the parts
            assert data == old or _zip_parts(data) == _zip_parts(new)
        elif suffix == ".tmx":  # the header carries the time of writing
            assert data == old or _without_dates(data) == _without_dates(new)
        else:
            assert data in (old, new), f"a torn {suffix} after {delay} s"
        outcomes.add("old" if data == old else "new")
    assert "new" in outcomes  # the kills did land after exports had finished, too
    assert main(["export", str(review), "--to", str(target)]) == 0  # the next export tidies
    assert sorted(p.name for p in target.parent.iterdir()) == [target.name]


STUCK_EXPORT = """
import os, sys, time
from reviewer.cli import main
real_fsync = os.fsync
def stuck(descriptor):
    print("writing", flush=True)  # the temporary file is complete but not yet renamed
    time.sleep(600)
os.fsync = stuck
main(["export", sys.argv[1], "--to", sys.argv[2]])
"""


def test_the_temporary_a_killed_export_leaves_is_removed_by_the_next_export(
    capsys: pytest.CaptureFixture[str], seed_copy: Path, tmp_path: Path
) -> None:
    assert main(["fix", str(seed_copy), "--accept", "MT_WEB_RESIDUE"]) == 0
    review = seed_copy.with_name(seed_copy.name + ".review")
    target = tmp_path / "out" / "article.txt"
    target.parent.mkdir()
    (target.parent / "notes.txt").write_bytes(b"the reviewer's own file")
    target.write_bytes(b"the old file\n")
    process = subprocess.Popen(
        [sys.executable, "-c", STUCK_EXPORT, str(review), str(target)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert process.stdout is not None
    try:
        assert process.stdout.readline().strip() == "writing"
        process.send_signal(signal.SIGKILL)
    finally:
        process.kill()
        process.wait(30)
    names = sorted(p.name for p in target.parent.iterdir())
    (left,) = [name for name in names if name.endswith(".tmp")]  # what SIGKILL leaves
    assert left.startswith(".article.txt.reviewer-")
    assert target.read_bytes() == b"the old file\n"
    capsys.readouterr()
    assert main(["export", str(review), "--to", str(target)]) == 0
    assert sorted(p.name for p in target.parent.iterdir()) == ["article.txt", "notes.txt"]
    assert target.read_bytes() != b"the old file\n"


def _zip_parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist() if "core.xml" not in name}


def _without_dates(data: bytes) -> bytes:
    return re.sub(rb'(creationdate|changedate)="[^"]*"', b"", data)
