"""A decision shown as done is on disk: kill the app with SIGKILL right after accepting, and
the review holds the decision and the corrected text, and opens again at once."""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reviewer.core.review import DecisionStatus, open_review_file, review_path_for

pytestmark = [
    pytest.mark.gui,
    pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)"),
]

ROOT = Path(__file__).resolve().parents[2]

APP = """
import sys, time
from PySide6.QtWidgets import QApplication
from reviewer.app.main_window import MainWindow
from reviewer.engines.artefacts.engine import ArtefactsEngine

app = QApplication([])
window = MainWindow(engines=[ArtefactsEngine()])
window.show()
assert window.open_path(sys.argv[1])
deadline = time.monotonic() + 30
while not window.engine_states.get("artefacts", "").startswith("ready"):
    if time.monotonic() > deadline:
        sys.exit("the check never finished")
    app.processEvents()
    time.sleep(0.01)
row = next(
    r
    for r in range(window.model.rowCount())
    if any(rf.rule == "MT_DOUBLED_SUBJECT" for rf in window.model.open_review_flags_for_row(r))
)
flag = next(
    rf for rf in window.model.open_review_flags_for_row(row) if rf.rule == "MT_DOUBLED_SUBJECT"
)
window.select_row(row)
window.accept_flag(flag, 0)
print("DECIDED", flush=True)
time.sleep(600)
"""


def test_sigkill_after_accepting_loses_nothing(seed_copy: Path, tmp_path: Path) -> None:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    env["XDG_CONFIG_HOME"] = str(tmp_path / "xdg-config")  # the child's QSettings
    process = subprocess.Popen(
        [sys.executable, "-c", APP, str(seed_copy)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=tmp_path,
    )
    try:
        assert process.stdout is not None
        ready, _, _ = select.select([process.stdout], [], [], 60)
        line = process.stdout.readline() if ready else ""
        if line.strip() != "DECIDED":
            process.kill()
            _, err = process.communicate(timeout=30)
            pytest.fail(f"the app did not decide: {line!r} {err[-2000:]}")
        process.send_signal(signal.SIGKILL)
        assert process.wait(timeout=30) == -signal.SIGKILL
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=30)
        if process.stdout is not None:
            process.stdout.close()
        if process.stderr is not None:
            process.stderr.close()

    began = time.monotonic()
    review = open_review_file(review_path_for(seed_copy))  # the kernel dropped the lock
    try:
        assert time.monotonic() - began < 5
        (decision,) = review.decisions
        assert decision.key.rule == "MT_DOUBLED_SUBJECT" and decision.key.text == "Pompeo He"
        assert decision.status is DecisionStatus.ACCEPTED and decision.replacement == "Pompeo"
        assert "Mr. Pompeo refused, saying" in review.text
        assert "Pompeo He" not in review.text
        assert review.can_undo and review.undo_label == "Accept “Pompeo”"
    finally:
        review.close()


def test_sigterm_quits_while_a_message_box_is_open_at_start(tmp_path: Path) -> None:
    """`reviewer FILE` with a bad option shows a message box before the window is ready;
    SIGTERM (a logout, `kill`) must still end the app and its LanguageTool server."""
    text = tmp_path / "article.txt"
    text.write_text("The talks resumed on Monday.\n", encoding="utf-8")
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    env["XDG_CONFIG_HOME"] = str(tmp_path / "xdg-config")
    env["REVIEWER_CONFIG_DIR"] = str(tmp_path / "config")
    env["REVIEWER_LANGUAGETOOL_URL"] = "http://127.0.0.1:9"  # no Java server for this
    process = subprocess.Popen(
        [sys.executable, "-m", "reviewer", str(text), "--language", "fr"],  # -> a message box
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
        cwd=tmp_path,
    )
    try:
        time.sleep(4)  # the window is up, the box is open
        assert process.poll() is None
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=20) is not None
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=30)
