"""Take the README's screenshot of the scorecard view, under a real X server.

Run it with `make screenshots` (which wraps it in `xvfb-run`). It opens a copy of the seed
article in a temporary folder, reviews it the way a person would, sentence by sentence
(a short real pause on each, so the time chart has something to show): accepts the fixes
of a few rules, rejects the false-friend flags and a comma splice, marks one error by
hand, then opens View > Scorecard and saves what the screen shows.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication

sys.path.insert(0, str(Path(__file__).resolve().parent))

from screenshot_review import ROOT, _settle, open_seed_copy

ACCEPTED = {"MT_DOUBLED_SUBJECT", "MT_WEB_RESIDUE", "QA_HEADLINE_AGREEMENT", "MT_FRAGMENT"}
REJECTED = {
    "MT_FALSE_FRIEND": "the literal sense is right here",
    "QA_COMMA_SPLICE": "reads fine in a news report",
}


def main(output: Path) -> int:
    from reviewer.core.flags import Severity

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("MT Reviewer screenshot")
    with tempfile.TemporaryDirectory() as folder:
        window = open_seed_copy(app, folder, 1400, 860)
        review = window.review
        assert review is not None
        review.reviewer = "Ana Ruiz"  # a name for the picture, not the login of the machine
        for row in range(window.model.rowCount()):
            window.select_row(row)
            sentence = window.model.segment(row)
            _settle(app, min(2.5, 0.2 + len(sentence.text) / 90))  # reading takes time
            for review_flag in window.model.open_review_flags_for_row(row):
                if review_flag.rule in ACCEPTED and review_flag.flag.suggestions:
                    window.accept_flag(review_flag, 0)
                    _settle(app, 0.3)
                elif review_flag.rule in REJECTED:
                    window.reject_flag(review_flag, REJECTED[review_flag.rule])
                    _settle(app, 0.3)
            if "anti-terrorist" in sentence.text:
                start = sentence.text.index("anti-terrorist")
                review.annotate(
                    sentence.id,
                    start,
                    start + len("anti-terrorist"),
                    category="Terminology",
                    severity=Severity.MINOR,
                    note="house style: counterterrorism",
                )
        window.select_row(0)
        window.show_scorecard()
        view = window.scorecard_view
        assert view is not None
        view.resize(1500, 940)
        view.move(0, 0)
        _settle(app, 1.0)
        picture = app.primaryScreen().grabWindow(
            0, 0, 0, view.frameGeometry().width(), view.frameGeometry().height()
        )
        output.parent.mkdir(parents=True, exist_ok=True)
        picture.save(str(output))
        view.close()
        window.close()
    print(f"saved {output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(
        main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "scorecard.png")
    )
