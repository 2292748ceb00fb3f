"""A small Word document built with python-docx: bold, italic, a hyperlink, a table, a break."""

from __future__ import annotations

import io

import docx
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

URL = "https://example.org/report"


def add_hyperlink(paragraph: Paragraph, text: str, url: str) -> None:
    """python-docx has no hyperlink API; this is the usual w:hyperlink construction."""
    relationship = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    hyperlink = OxmlElement("w:hyperlink")
    hyperlink.set(qn("r:id"), relationship)
    run = OxmlElement("w:r")
    properties = OxmlElement("w:rPr")
    style = OxmlElement("w:rStyle")
    style.set(qn("w:val"), "Hyperlink")
    properties.append(style)
    run.append(properties)
    text_element = OxmlElement("w:t")
    text_element.text = text
    run.append(text_element)
    hyperlink.append(run)
    paragraph._p.append(hyperlink)


def sample_docx() -> bytes:
    document = docx.Document()
    document.add_heading("Quarterly report", level=1)  # paragraph 1
    paragraph = document.add_paragraph("The minister ")  # paragraph 2
    paragraph.add_run("Pompeo He").bold = True
    paragraph.add_run(" refused the ")
    paragraph.add_run("military resume").italic = True
    paragraph.add_run(" (see ")
    add_hyperlink(paragraph, "the full report", URL)
    paragraph.add_run(").")
    document.add_paragraph("")  # paragraph 3, empty: not a unit
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).paragraphs[0].add_run("Actually")  # paragraph 4
    table.cell(0, 1).paragraphs[0].add_run("the price is low")  # paragraph 5
    breaking = document.add_paragraph("First line")  # paragraph 6
    breaking.runs[0].add_break()
    breaking.add_run("second line")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
