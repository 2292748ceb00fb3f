"""The sentence model: Qt's model tester plus how flags land on rows."""

from __future__ import annotations

from PySide6.QtTest import QAbstractItemModelTester

from reviewer.app.sentence_filter import SentenceFilterModel
from reviewer.app.sentence_model import FlagsRole, SentenceModel, SeverityRole
from reviewer.core.document import Document
from reviewer.core.flags import Flag, Severity

TEXT = "Talks resumed on Monday. Officials said so.\n\nLeave a Reply"


def flag(document: Document, start: int, end: int, engine: str, severity: Severity) -> Flag:
    return Flag(start, end, document.text[start:end], "R", engine, "Other", severity, "message")


def test_model_passes_qt_model_tester(qtbot) -> None:  # type: ignore[no-untyped-def]
    model = SentenceModel()
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    document = Document.from_text(TEXT)
    model.set_document(document)
    model.set_engine_flags("artefacts", [flag(document, 0, 5, "artefacts", Severity.MINOR)])
    assert model.rowCount() == 3


def test_engine_flags_replace_only_that_engine_and_rows_get_worst_severity(qtbot) -> None:  # type: ignore[no-untyped-def]
    model = SentenceModel()
    document = Document.from_text(TEXT)
    model.set_document(document)
    residue = document.sentences[2]
    model.set_engine_flags(
        "artefacts", [flag(document, residue.start, residue.end, "artefacts", Severity.MAJOR)]
    )
    with qtbot.waitSignal(model.dataChanged) as changed:
        model.set_engine_flags(
            "languagetool", [flag(document, 0, 5, "languagetool", Severity.MINOR)]
        )
    assert changed.args[0].row() == 0
    assert [f.engine for f in model.index(0, 0).data(FlagsRole)] == ["languagetool"]
    assert model.index(2, 0).data(SeverityRole) == Severity.MAJOR
    assert model.index(1, 0).data(SeverityRole) is None
    model.set_engine_flags("languagetool", [])
    assert model.index(0, 0).data(FlagsRole) == []
    assert model.worst_severity_counts()[Severity.MAJOR] == 1


def test_filter_model_passes_qt_model_tester_and_follows_new_flags(qtbot) -> None:  # type: ignore[no-untyped-def]
    model = SentenceModel()
    proxy = SentenceFilterModel(model)
    QAbstractItemModelTester(proxy, QAbstractItemModelTester.FailureReportingMode.Fatal)
    document = Document.from_text(TEXT)
    model.set_document(document)
    proxy.set_flagged_only(True)
    assert proxy.rowCount() == 0
    model.set_engine_flags("artefacts", [flag(document, 0, 5, "artefacts", Severity.MINOR)])
    assert proxy.rowCount() == 1
    proxy.set_minimum_severity(Severity.MAJOR)
    assert proxy.rowCount() == 0
    proxy.set_flagged_only(False)
    assert proxy.rowCount() == 3
