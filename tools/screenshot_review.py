"""Take the README's screenshot of the review window mid-review, under a real X server.

Run it with `make screenshots` (which wraps it in `xvfb-run`). It opens a copy of the seed
article in a temporary folder (so no `.review` file lands in the repository), accepts a
few fixes the way a reviewer would, rejects one flag with a reason, shows the Changes view
for the whole document, selects a flagged sentence, and saves what the screen shows.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication, QWidget

if TYPE_CHECKING:
    from reviewer.app.main_window import MainWindow

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_04f21086b02ac016.txt"


def open_seed_copy(app: QApplication, folder: str, width: int, height: int) -> MainWindow:
    """A window on a copy of the seed in `folder` (no review lands in the repository),
    checked by our detectors."""
    from reviewer.app.main_window import MainWindow
    from reviewer.engines.artefacts.engine import ArtefactsEngine

    text = Path(folder) / "pompeo-iraq-operations.txt"
    shutil.copy(SEED, text)
    window = MainWindow(engines=[ArtefactsEngine()])
    window.resize(width, height)
    window.move(0, 0)
    window.show()
    window.open_path(text)
    _wait(app, lambda: window.engine_states.get("artefacts", "").startswith("ready"))
    return window


def main(output: Path) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("MT Reviewer screenshot")
    with tempfile.TemporaryDirectory() as folder:
        window = open_seed_copy(app, folder, 1500, 920)
        _review_like_a_person(window, app)
        target = _row_with(window, "prevent their resurgence") or 0
        window.select_row(target)
        window.tabs.setCurrentIndex(0)  # the editor: where the reviewer works
        _save(app, window, output.with_name("review-editor.png"))
        window.tabs.setCurrentIndex(1)  # the changes view, the whole document
        window.changes_view.set_mode("document")
        _save(app, window, output)
        window.close()
    return 0


def _save(app: QApplication, window: QWidget, output: Path) -> None:
    _settle(app, 0.8)
    frame = window.frameGeometry()
    picture = app.primaryScreen().grabWindow(0, 0, 0, frame.width(), frame.height())
    output.parent.mkdir(parents=True, exist_ok=True)
    picture.save(str(output))
    print(f"saved {output}")


def _review_like_a_person(window: object, app: QApplication) -> None:
    from reviewer.app.main_window import MainWindow

    assert isinstance(window, MainWindow)
    wanted = {"MT_DOUBLED_SUBJECT", "MT_WEB_RESIDUE", "QA_HEADLINE_AGREEMENT", "MT_FRAGMENT"}
    for row in range(window.model.rowCount()):
        for review_flag in window.model.open_review_flags_for_row(row):
            if review_flag.rule in wanted and review_flag.flag.suggestions:
                window.accept_flag(review_flag, 0)
                _settle(app, 0.05)
                break
    for row in range(window.model.rowCount()):
        for review_flag in window.model.open_review_flags_for_row(row):
            if review_flag.rule == "QA_COMMA_SPLICE":
                window.reject_flag(review_flag, "reads fine in a news report")
                return


def _row_with(window: object, words: str) -> int | None:
    from reviewer.app.main_window import MainWindow

    assert isinstance(window, MainWindow)
    for row in range(window.model.rowCount()):
        if words in window.model.segment(row).text:
            return row
    return None


def _wait(app: QApplication, condition: object, seconds: float = 20.0) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end and not condition():  # type: ignore[operator]
        app.processEvents()
        time.sleep(0.02)


def _settle(app: QApplication, seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)


if __name__ == "__main__":
    raise SystemExit(
        main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "review-window.png")
    )
