"""DOCX, monolingual: the MT is the only text, one row per non-empty paragraph.

Paragraphs are taken in document order from the body, tables included (nested ones too),
ids are 1-based paragraph numbers over all of them (empty ones count, so ids stay put when
an empty paragraph gets text). Tabs and line breaks inside a paragraph are tokens.

Write-back never rebuilds a paragraph: the character-level difference between the old and
the new text is applied to the `<w:t>` elements that hold it, so bold, italic, hyperlinks
and every other run property stay on untouched text. Replaced text takes the formatting of
the run where the change starts; inserted text that of the character before it (as typing
does in a word processor). Notes become Word comments by "MT Reviewer". Only the parts
python-docx had to change (the document, and for comments the comments part, its
relationship and the content types) are replaced in the package; every other member is
copied byte-for-byte. DOCX has no review state, so `reviewed` changes nothing.
"""

from __future__ import annotations

import difflib
import io
import re
import zipfile
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field

import docx
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from docx.text.run import Run
from lxml import etree  # type: ignore[import-untyped]

from reviewer.core.bilingual import BilingualFile, PlaceholderKind, Unit, is_placeholder

from ._rows import plan_changes
from ._tokens import TokenTable
from .errors import BilingualFormatError

AUTHOR = "MT Reviewer"
NOTES_NAME_THEIR_AUTHOR = True  # a comment has an author: its text need not say it
_P, _R, _T = qn("w:p"), qn("w:r"), qn("w:t")
_BREAKS = {qn("w:br"): "\n", qn("w:cr"): "\n", qn("w:tab"): "\t"}
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


@dataclass
class _Paragraph:
    element: etree._Element
    table: TokenTable = field(default_factory=TokenTable)
    # in text order: a <w:t> with its text, or a token element (tab, break) with its char
    pieces: list[tuple[etree._Element, str, bool]] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(text for _, text, _ in self.pieces)


def _owner(run: etree._Element) -> etree._Element | None:
    node = run.getparent()
    while node is not None and node.tag != _P:
        node = node.getparent()
    return node


def _paragraphs(document: docx.document.Document) -> list[_Paragraph]:
    result: list[_Paragraph] = []
    for element in document.element.body.iter(_P):
        if any(ancestor.tag == _FALLBACK for ancestor in element.iterancestors()):
            continue  # the VML copy of a text box already read from its DrawingML twin
        paragraph = _Paragraph(element)
        for run in element.iter(_R):
            if _owner(run) is not element:
                continue  # a run of a paragraph nested in a text box inside this one
            for child in run:
                if child.tag == _T:
                    paragraph.pieces.append((child, _visible(child.text), False))
                elif child.tag in _BREAKS:
                    markup = _BREAKS[child.tag]
                    char = paragraph.table.token(markup, markup, PlaceholderKind.CODE)
                    paragraph.pieces.append((child, char, True))
        result.append(paragraph)
    return result


def _open(data: bytes, name: str) -> docx.document.Document:
    if not data:
        raise BilingualFormatError(f"{name}: the file is empty")
    try:
        return docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError, etree.XMLSyntaxError):
        raise BilingualFormatError(f"{name}: not a Word document (.docx)") from None


def _units(paragraphs: list[_Paragraph]) -> tuple[list[Unit], list[int]]:
    units: list[Unit] = []
    positions: list[int] = []
    for number, paragraph in enumerate(paragraphs, start=1):
        text = paragraph.text
        if "".join(c for c in text if not is_placeholder(c)).strip():
            units.append(Unit(str(number), "", text, tuple(paragraph.table.placeholders), "", ()))
            positions.append(number - 1)
    return units, positions


def read(data: bytes, name: str) -> BilingualFile:
    document = _open(data, name)
    units, _ = _units(_paragraphs(document))
    if not units:
        raise BilingualFormatError(f"{name}: no text (every paragraph is empty)")
    language = ""
    styles = document.styles.element
    lang = styles.find(f".//{qn('w:rPrDefault')}//{qn('w:lang')}")
    if lang is not None:
        language = lang.get(qn("w:val")) or ""
    return BilingualFile("docx", tuple(units), "", language)


def write(
    data: bytes,
    name: str,
    targets: Mapping[str, str],
    reviewed: Collection[str],
    notes: Mapping[str, Sequence[str]],
) -> bytes:
    document = _open(data, name)
    paragraphs = _paragraphs(document)
    units, positions = _units(paragraphs)
    tables = [paragraphs[position].table for position in positions]
    plan = plan_changes(name, units, tables, targets, reviewed=reviewed, notes=notes)
    changed = False
    commented = False
    for index, text, _reviewed, new_notes in plan:
        paragraph = paragraphs[positions[index]]
        if text is not None:
            _apply(paragraph, text)
            changed = True
        if new_notes:
            runs = [r for r in paragraph.element.iter(_R) if _owner(r) is paragraph.element]
            parent = Paragraph(paragraph.element, document.part)
            first, last = Run(runs[0], parent), Run(runs[-1], parent)
            document.add_comment([first, last], "\n".join(new_notes), author=AUTHOR, initials="MT")
            changed = commented = True
    if not changed:
        return data
    return _repackage(data, document, commented)


def _apply(paragraph: _Paragraph, new_text: str) -> None:
    """Put `new_text` into the paragraph's `<w:t>` elements, segment by segment between
    tokens (which never move), touching only the characters that changed."""
    token = re.compile("([\ue000-\uf8ff])")
    new_segments = token.split(new_text)[::2]
    # the <w:t> pieces of each old segment, and the token element that ends each segment
    segments: list[list[etree._Element]] = [[]]
    boundaries: list[etree._Element] = []
    for element, _text, is_token in paragraph.pieces:
        if is_token:
            boundaries.append(element)
            segments.append([])
        else:
            segments[-1].append(element)
    for number, (elements, new) in enumerate(zip(segments, new_segments, strict=True)):
        old = "".join(_visible(element.text) for element in elements)
        if old == new:
            continue
        if not elements:  # nothing to inherit from: a new <w:t> beside the token
            created = etree.Element(_T)
            if number > 0:
                boundaries[number - 1].addnext(created)
            else:
                boundaries[0].addprevious(created)
            _set_text(created, new)
            continue
        owners = [element for element in elements for _ in range(len(element.text or ""))]
        texts: dict[int, list[str]] = {id(element): [] for element in elements}
        matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                for offset in range(i2 - i1):
                    texts[id(owners[i1 + offset])].append(new[j1 + offset])
                continue
            if j2 > j1:
                if tag == "replace" or i1 == 0:
                    host = owners[min(i1, len(owners) - 1)] if owners else elements[0]
                else:
                    host = owners[i1 - 1]
                texts[id(host)].append(new[j1:j2])
        for element in elements:
            _set_text(element, "".join(texts[id(element)]))


def _visible(text: str | None) -> str:
    """A `<w:t>`'s text as Word shows it: a stray line break in it displays as a space."""
    return (text or "").replace("\r", " ").replace("\n", " ")


def _set_text(element: etree._Element, text: str) -> None:
    element.text = text
    if text != text.strip():
        element.set(_XML_SPACE, "preserve")


def _repackage(data: bytes, document: docx.document.Document, commented: bool) -> bytes:
    """The original package with only the parts python-docx changed taken from its save."""
    saved = io.BytesIO()
    document.save(saved)
    main_part = str(document.part.partname).lstrip("/")
    replaced = {main_part}
    with zipfile.ZipFile(saved) as new_zip:
        new_members = {info.filename: new_zip.read(info.filename) for info in new_zip.infolist()}
    output = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as old_zip, zipfile.ZipFile(output, "w") as out:
        old_names = set(old_zip.namelist())
        if commented:
            replaced |= {
                "[Content_Types].xml",
                main_part.replace("word/", "word/_rels/", 1) + ".rels",
            }
            replaced |= {member for member in new_members if member not in old_names}
            replaced |= {member for member in new_members if member.endswith("comments.xml")}
        for info in old_zip.infolist():
            if info.filename in replaced and info.filename in new_members:
                out.writestr(info, new_members[info.filename])
            else:
                out.writestr(info, old_zip.read(info.filename))
        for member in sorted(replaced - old_names):
            if member in new_members:
                out.writestr(member, new_members[member], zipfile.ZIP_DEFLATED)
    return output.getvalue()
