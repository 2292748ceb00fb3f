"""Take the README's screenshot of a bilingual review (docs/review-bilingual.png) under X.

Run it with `make screenshots` (which wraps it in `xvfb-run`). It writes a small Spanish ->
English XLIFF 1.2 of our own (a press release with bold and links as inline tags, and the
mistakes machine translation makes: a false friend, a doubled subject, a repeated word, a
wrong number) to a temporary folder, opens it in the window, fixes one flag the way a
reviewer would, selects words with a number in a unit with tags so that the source
highlights the number, and saves what the screen shows.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication
from screenshot_review import ROOT, _save, _settle, _wait  # tools/ is on the path when run

if TYPE_CHECKING:
    from reviewer.app.main_window import MainWindow


XLIFF = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
 <file original="nota-de-prensa.html" source-language="es-ES" target-language="en-US"
       datatype="html">
  <body>
   <trans-unit id="1">
    <source><g id="1">Madrid</g>, 12 de marzo de 2026.</source>
    <target state="translated"><g id="1">Madrid</g>, March 12, 2026.</target>
   </trans-unit>
   <trans-unit id="2">
    <source>El ministro de Exteriores, <g id="2">José Manuel Albares</g>, anunció ayer \
que el Gobierno destinará 1.500 millones de euros a la reconstrucción de 48 escuelas.</source>
    <target state="translated">The Foreign Minister, <g id="2">José Manuel Albares</g>, \
announced yesterday that the Government will allocate 1,500 million euros to rebuild 84 \
schools.</target>
   </trans-unit>
   <trans-unit id="3">
    <source>Actualmente, más del 40 % de los centros siguen cerrados.</source>
    <target state="translated">Actually, more than 40% of the schools remain closed.</target>
   </trans-unit>
   <trans-unit id="4">
    <source>Según la Unesco, 23 de los edificios dañados se reabrirán antes de \
septiembre.</source>
    <target state="translated">According to Unesco, 23 of the damaged buildings will \
reopen before September.</target>
   </trans-unit>
   <trans-unit id="5">
    <source>Albares se negó a dar más detalles. La oposición pidió su \
comparecencia.</source>
    <target state="translated">Albares He refused to give more details. The \
opposition asked him to appear.</target>
   </trans-unit>
   <trans-unit id="6">
    <source>Consulte el <g id="4">informe completo</g> en la <g id="5">web del \
ministerio</g>.</source>
    <target state="translated">See the the <g id="4">full report</g> on the \
<g id="5">ministry website</g>.</target>
   </trans-unit>
   <trans-unit id="7">
    <source>Las solicitudes de ayuda podrán presentarse en la <g id="7">sede \
electrónica</g> a partir de abril.</source>
    <target state="translated">Applications for the grants can be submitted on the \
<g id="7">online portal</g> from April.</target>
   </trans-unit>
   <trans-unit id="8">
    <source>El proyecto cuenta con el apoyo de la Comisión Europea y del Banco \
Mundial.</source>
    <target state="translated">The project counts with the support of the European \
Commission and the World Bank.</target>
   </trans-unit>
   <trans-unit id="9">
    <source>La OTAN no ha hecho comentarios.</source>
    <target state="needs-review-translation">NATO has made no comment.</target>
   </trans-unit>
  </body>
 </file>
</xliff>
"""


def open_job(app: QApplication, folder: str, width: int, height: int) -> MainWindow:
    """A window on the XLIFF job, written to `folder`, checked by the engines that need no
    server (our detectors, and the source checks where they exist)."""
    from reviewer.app.main_window import MainWindow
    from reviewer.engines import ENGINE_NAMES, create_engine

    job = Path(folder) / "nota-de-prensa.es-en.xlf"
    job.write_text(XLIFF, encoding="utf-8")
    engines = [create_engine(name) for name in ENGINE_NAMES if name != "languagetool"]
    window = MainWindow(engines=engines)
    window.resize(width, height)
    window.move(0, 0)
    window.show()
    if not window.open_path(job):
        raise SystemExit(f"cannot open {job}")
    names = [engine.name for engine in engines]
    _wait(
        app,
        lambda: all(window.engine_states.get(n, "").startswith("ready") for n in names),
        seconds=30.0,
    )
    return window


def main(output: Path) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("MT Reviewer screenshot")
    with tempfile.TemporaryDirectory() as folder:
        window = open_job(app, folder, 1500, 860)
        _review_like_a_person(window, app)
        _select_in_target(window, app, "Foreign Minister", "1,500 million euros")
        window.statusBar().clearMessage()
        _save(app, window, output)
        window.close()
    return 0


def _review_like_a_person(window: MainWindow, app: QApplication) -> None:
    """Accept the fix of the repeated word (a unit with inline tags)."""
    for row in range(window.model.rowCount()):
        for review_flag in window.model.open_review_flags_for_row(row):
            if review_flag.rule == "QA_REPEATED_WORD" and review_flag.flag.suggestions:
                window.accept_flag(review_flag, 0)
                _settle(app, 0.1)
                return


def _select_in_target(window: MainWindow, app: QApplication, unit_words: str, words: str) -> None:
    row = _row_with(window, unit_words)
    window.select_row(row)
    _settle(app, 0.2)
    text = window.editor.text()
    if words not in text:
        return
    start = text.index(words)
    editor = window.editor.editor
    cursor = editor.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(start + len(words), QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    editor.setFocus()


def _row_with(window: MainWindow, words: str) -> int:
    for row in range(window.model.rowCount()):
        if words in window.model.segment(row).text:
            return row
    return 0


if __name__ == "__main__":
    raise SystemExit(
        main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "review-bilingual.png")
    )
