"""Translation units for the window's bilingual tests, built directly (no file reader)."""

from __future__ import annotations

from pathlib import Path

from reviewer.core.bilingual import Placeholder, PlaceholderKind, Unit
from reviewer.core.document import Document
from reviewer.core.review import Review, create_review

OPEN, CLOSE, BREAK, SPEC = "\ue000", "\ue001", "\ue002", "\ue003"
CODES = (
    Placeholder(OPEN, '<g id="1">', PlaceholderKind.OPEN),
    Placeholder(CLOSE, "</g>", PlaceholderKind.CLOSE),
    Placeholder(BREAK, '<x id="2"/>', PlaceholderKind.EMPTY),
)
UNITS = (
    Unit(
        "tu1",
        f"Pulse {OPEN}Guardar{CLOSE} para conservar los 1.500 registros.{BREAK}",
        f"Click {OPEN}Save{CLOSE} to keep the 1,500 records.{BREAK}",
        CODES,
        "translated",
    ),
    Unit("tu2", "El ministro Pompeo lo negó.", "The minister Pompeo He denied it."),
    Unit(
        "tu3",
        f"Se han borrado {SPEC} archivos.",
        f"The the {SPEC} files have been deleted.",
        (Placeholder(SPEC, "%s", PlaceholderKind.CODE),),
    ),
)


def bilingual_review(folder: Path, units: tuple[Unit, ...] = UNITS) -> Review:
    document = Document.from_units(units, path=str(folder / "job.xlf"), source_language="es-ES")
    return create_review(folder / "job.xlf.review", b"<xliff/>", document, reviewer="tester")
