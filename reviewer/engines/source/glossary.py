"""A project glossary, as Xbench enforces one: source term, required target, forbidden variants.

Two formats: a CSV or TSV file (columns: source term, target term, forbidden variants
separated by "|" or ";"; an optional header row) and TBX, read with lxml without entity
expansion, DTD loading or network access (a glossary is a file from outside). A term whose
target is the source itself is a do-not-translate term: it must stay exactly as it is.
"""

from __future__ import annotations

import csv
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from reviewer.core.errors import ConfigurationError

_HEADER_WORDS = {"source", "source term", "src", "term", "source_term"}
_DEPRECATED = {"deprecatedterm-admn-sts", "supersededterm-admn-sts", "deprecated", "forbidden"}
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@dataclass(frozen=True, slots=True)
class Term:
    """One glossary entry."""

    source: str
    target: str = ""  # the required translation ("" = only forbidden variants are given)
    forbidden: tuple[str, ...] = ()

    @property
    def do_not_translate(self) -> bool:
        return bool(self.target) and self.target == self.source


@dataclass(frozen=True)
class Glossary:
    """The terms of one glossary file."""

    terms: tuple[Term, ...]
    path: str = ""


def load_glossary(path: str | os.PathLike[str]) -> Glossary:
    """Read a glossary (by extension: .tbx, .tsv, else CSV); ConfigurationError if broken."""
    file = Path(path)
    try:
        stamp = file.stat().st_mtime_ns
    except OSError as exc:
        raise ConfigurationError(f"glossary {file}: cannot read ({exc.strerror})") from None
    return _load(str(file), stamp)


@lru_cache(maxsize=8)
def _load(path: str, stamp: int) -> Glossary:
    del stamp  # part of the cache key: an edited glossary is read again
    file = Path(path)
    terms = _read_tbx(file) if file.suffix.lower() == ".tbx" else _read_csv(file)
    return Glossary(tuple(terms), path)


def _variants(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in re.split(r"[|;]", cell) if part.strip())


def _read_csv(file: Path) -> list[Term]:
    try:
        text = file.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigurationError(f"glossary {file}: cannot read ({exc})") from None
    if file.suffix.lower() == ".tsv":
        delimiter = "\t"
    else:
        first = text.split("\n", 1)[0]
        delimiter = max(",;\t", key=first.count)
    terms: list[Term] = []
    for number, row in enumerate(csv.reader(text.splitlines(), delimiter=delimiter), 1):
        cells = [cell.strip() for cell in row]
        if not cells or not cells[0] or cells[0].startswith("#"):
            continue
        if number == 1 and cells[0].lower() in _HEADER_WORDS:
            continue
        target = cells[1] if len(cells) > 1 else ""
        forbidden = _variants(cells[2]) if len(cells) > 2 else ()
        if not target and not forbidden:
            raise ConfigurationError(f"glossary {file}, line {number}: no target term")
        terms.append(Term(cells[0], target, forbidden))
    return terms


def _local(element: Any) -> str:
    tag = element.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _read_tbx(file: Path) -> list[Term]:
    from lxml import etree  # type: ignore[import-untyped]  # only for TBX: lxml is slow to load

    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    try:
        root = etree.parse(str(file), parser).getroot()
    except (OSError, etree.XMLSyntaxError) as exc:
        raise ConfigurationError(f"glossary {file}: not a readable TBX file ({exc})") from None
    terms: list[Term] = []
    for entry in root.iter():
        if _local(entry) not in {"termEntry", "conceptEntry"}:
            continue
        sides: dict[str, list[tuple[str, bool]]] = {}
        for lang_set in entry:
            if _local(lang_set) != "langSet":
                continue
            language = (lang_set.get(_XML_LANG) or lang_set.get("lang") or "").lower()
            sides.setdefault(language, []).extend(_terms_of(lang_set))
        english = [code for code in sides if code.split("-")[0] == "en"]
        others = [code for code in sides if code.split("-")[0] != "en"]
        if not english or not others:
            continue
        targets = sides[english[0]]
        preferred = [text for text, deprecated in targets if not deprecated]
        forbidden = tuple(text for text, deprecated in targets if deprecated)
        for source, deprecated in sides[others[0]]:
            if not deprecated:
                terms.append(Term(source, preferred[0] if preferred else "", forbidden))
    return terms


def _terms_of(lang_set: Any) -> list[tuple[str, bool]]:
    """(term, deprecated) for each term of a langSet (TBX 2 tig/ntig, TBX 3 termSec)."""
    found: list[tuple[str, bool]] = []
    for holder in lang_set.iter():
        if _local(holder) not in {"tig", "ntig", "termSec"}:
            continue
        text, deprecated = "", False
        for element in holder.iter():
            name = _local(element)
            if name == "term" and element.text:
                text = element.text.strip()
            elif name == "termNote" and element.get("type") == "administrativeStatus":
                deprecated = (element.text or "").strip().lower() in _DEPRECATED
        if text:
            found.append((text, deprecated))
    return found
