"""Gettext PO/POT through translate-toolkit's `pypo`: one row per msgstr.

A plural entry gives one row per `msgstr[n]` (id `12[1]`); the source of form 0 is `msgid`,
of the others `msgid_plural`. Ids are the 1-based ordinal of the entry among the entries
that are neither the header nor obsolete, so they are stable and short. Format specifiers
(`%s`, `%1$s`, `%(name)d`, `{0}`, `{name}`), HTML tags and the escapes `\\n`, `\\t` become
tokens. Write-back replaces only the blocks of the entries that changed with
translate-toolkit's serialisation of that entry, so every other byte stays as it was.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass

from translate.misc.multistring import multistring
from translate.storage import pypo

from reviewer.core.bilingual import (
    BilingualFile,
    PlaceholderKind,
    Unit,
    is_placeholder,
    placeholders_in,
)

from ._rows import plan_row_changes
from ._tokens import TokenTable
from .errors import BilingualFormatError

_TOKENS = re.compile(
    r"(?P<html></?[A-Za-z][A-Za-z0-9:-]*(?:\s+[^<>]*?)?\s*/?>)"
    r"|(?P<printf>%(?:\d+\$)?(?:\([A-Za-z0-9_.-]+\))?[-+#0]*(?:\*|\d+)?(?:\.(?:\*|\d+))?"
    r"(?:hh|h|ll|l|L|q|j|z|t)?[diouxXeEfFgGcrsaAp%@])"
    r"|(?P<brace>\{[A-Za-z0-9_]*(?:\[[^\]{}]*\]|\.[A-Za-z_]\w*)*(?:![rsa])?(?::[^{}]*)?\})"
    r"|(?P<escape>\r\n|[\n\r\t])"
)
_VOID_TAGS = {"br", "hr", "img", "input", "meta", "link", "wbr", "area", "col", "source"}


def tokenize(text: str, table: TokenTable) -> str:
    """`text` with format specifiers, HTML tags and control characters as tokens."""

    open_tags: list[tuple[str, str]] = []  # (tag name, token) of the HTML tags still open

    def replace(match: re.Match[str]) -> str:
        markup = match.group()
        tag = ""
        if match.lastgroup == "html":
            name = re.match(r"</?([A-Za-z][A-Za-z0-9:-]*)", markup)
            tag = name.group(1).lower() if name else ""
            if markup.startswith("</"):
                kind = PlaceholderKind.CLOSE
            elif markup.endswith("/>") or tag in _VOID_TAGS:
                kind = PlaceholderKind.EMPTY
            else:
                kind = PlaceholderKind.OPEN
        else:
            kind = PlaceholderKind.CODE
        char = table.token((kind, markup), markup, kind)
        if kind is PlaceholderKind.OPEN:
            open_tags.append((tag, char))
        elif kind is PlaceholderKind.CLOSE:
            for index in range(len(open_tags) - 1, -1, -1):
                if open_tags[index][0] == tag:
                    table.pair(open_tags[index][1], char)
                    del open_tags[index:]
                    break
        return char

    return _TOKENS.sub(replace, text)


@dataclass
class _Row:
    unit: Unit
    table: TokenTable
    entry: pypo.pounit
    form: int | None  # the msgstr[n] index of a plural entry, None for a singular one


def _parse(data: bytes, name: str) -> pypo.pofile:
    if not data.strip():
        raise BilingualFormatError(f"{name}: the file is empty")
    try:
        store: pypo.pofile = pypo.pofile.parsestring(data)  # type: ignore[no-untyped-call]
        return store
    except Exception as exc:  # translate-toolkit raises ValueError, UnicodeError, ...
        detail = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise BilingualFormatError(f"{name}: not a readable PO file: {detail}") from None


def _rows(store: pypo.pofile, name: str) -> list[_Row]:
    rows: list[_Row] = []
    ordinal = 0
    for entry in store.units:
        if entry.isheader() or entry.isobsolete():
            continue
        ordinal += 1
        notes = tuple(line for line in (entry.getnotes() or "").splitlines() if line.strip())
        fuzzy = entry.isfuzzy()
        if entry.hasplural():
            sources = [str(text) for text in entry.source.strings]
            forms = [str(text) for text in entry.target.strings] or [""]
            for index, form in enumerate(forms):
                table = TokenTable()
                source = tokenize(sources[min(index, len(sources) - 1)], table)
                target = tokenize(form, table)
                state = "fuzzy" if fuzzy else ("translated" if form else "")
                unit = Unit(
                    f"{ordinal}[{index}]", source, target, tuple(table.placeholders), state, notes
                )
                rows.append(_Row(unit, table, entry, index))
        else:
            table = TokenTable()
            source = tokenize(str(entry.source), table)
            target = tokenize(str(entry.target or ""), table)
            state = "fuzzy" if fuzzy else ("translated" if target else "")
            unit = Unit(str(ordinal), source, target, tuple(table.placeholders), state, notes)
            rows.append(_Row(unit, table, entry, None))
    if not rows:
        raise BilingualFormatError(f"{name}: no translation entries")
    return rows


# Words that make a side of the catalogue English (a few UI strings hold several); none is
# also a common word of the Romance and Germanic sources ("a", "no", "do", "in" are).
_ENGLISH_WORDS = frozenset({
    "the", "of", "to", "and", "is", "are", "was", "were", "be", "been", "not", "this",
    "that", "it", "its", "for", "on", "with", "from", "by", "at", "or", "your", "you",
    "does", "did", "has", "have", "had", "can", "could", "will", "would", "there", "here",
    "all", "new", "please",
})  # fmt: skip
_WORDS = re.compile(r"[^\W\d_]+")


def _languages(store: pypo.pofile, rows: Sequence[_Row]) -> tuple[str, str]:
    """(source, target) languages as the header states them, "" where it does not.

    `X-Source-Language` names the msgid side. The catalogue's language (`Language`, else
    Poedit's headers or `Language-Team`, as translate-toolkit reads them) names the msgstr
    side in gettext, and so it does here when it is English, the machine translation under
    review. A language other than English there, above English msgstrs, is how these files
    name their foreign msgids (a Spanish MT job says `Language: es`): it is the source. A
    catalogue whose msgids are the English side (an ordinary en -> de one) keeps the
    gettext reading.
    """
    try:
        header = store.parseheader()  # type: ignore[no-untyped-call]
        stated = str(header.get("X-Source-Language", "") or "").strip()
        declared = str(store.gettargetlanguage() or "").strip()  # type: ignore[no-untyped-call]
    except Exception:  # a damaged header must not stop the review
        return "", ""
    source = stated if _is_language_code(stated) else ""
    if not _is_language_code(declared):
        return source, ""
    if _primary(declared) == "en" or source:
        return source, declared
    units = [row.unit for row in rows]
    if _english_share(unit.target for unit in units) > _english_share(
        unit.source for unit in units
    ):
        return declared, ""  # the file names its msgids; the msgstrs are the English MT
    return "", declared


def _is_language_code(code: str) -> bool:
    return bool(re.fullmatch(r"[A-Za-z]{2,3}(?:[-_@][A-Za-z0-9]{2,8})*", code))


def _primary(code: str) -> str:
    return re.split(r"[-_@]", code, maxsplit=1)[0].lower()


def _english_share(texts: Iterable[str]) -> float:
    words = [word.lower() for text in texts for word in _WORDS.findall(text)]
    return sum(word in _ENGLISH_WORDS for word in words) / len(words) if words else 0.0


def read(data: bytes, name: str) -> BilingualFile:
    store = _parse(data, name)
    rows = _rows(store, name)
    source, target = _languages(store, rows)
    return BilingualFile("po", tuple(row.unit for row in rows), source, target)


def write(
    data: bytes,
    name: str,
    targets: Mapping[str, str],
    reviewed: Collection[str],
    notes: Mapping[str, Sequence[str]],
) -> bytes:
    store = _parse(data, name)
    rows = _rows(store, name)
    plan = plan_row_changes(name, rows, targets, reviewed=reviewed, notes=notes)
    if not plan:
        return data
    changed: set[int] = set()  # id() of each entry written (pounits are not hashable by value)
    for position, text, is_reviewed, unit_notes in plan:
        row = rows[position]
        entry = row.entry
        if text is not None:
            rendered = row.table.render(text, escape=False)
            _check_plain_text(name, row.unit.id, text, rendered)
            if row.form is None:
                entry.target = rendered
            else:
                forms = [str(form) for form in entry.target.strings]
                forms[row.form] = rendered
                entry.target = multistring(forms)
        if is_reviewed and entry.isfuzzy():  # type: ignore[no-untyped-call]
            entry.markfuzzy(False)
        for note in unit_notes:
            entry.addnote(note, origin="translator")
        changed.add(id(entry))
    return _splice(data, store, changed)


def _check_plain_text(name: str, unit_id: str, text: str, rendered: str) -> None:
    """Refuse text typed so that it reads as a code (a bare `%d`, `{0}` or `<b>`): the
    catalogue would gain a format specifier or tag the program does not supply."""
    expected = [character for character in text if is_placeholder(character)]
    found = tokenize(rendered, TokenTable())
    if len(placeholders_in(found)) != len(expected):
        raise BilingualFormatError(
            f"{name}: unit {unit_id}: the new target types a format specifier or tag as plain"
            " text; keep codes as the unit's tokens"
        )


_BLOCK = re.compile(r"(?:^[^\S\r\n]*\S[^\r\n]*(?:\r?\n|$))+", re.MULTILINE)


def _splice(data: bytes, store: pypo.pofile, changed: set[int]) -> bytes:
    """The original bytes with only the changed entries' blocks replaced.

    Entries are separated by blank lines, so the n-th block is the n-th unit; when the file
    does not look like that (comment-only blocks, odd spacing) the whole store is written
    by translate-toolkit instead, which is semantically the same file.
    """
    encoding = store.encoding or "utf-8"
    bom = b"\xef\xbb\xbf" if data.startswith(b"\xef\xbb\xbf") else b""
    try:
        text = data[len(bom) :].decode(encoding)
    except (LookupError, UnicodeDecodeError):
        return bytes(store)
    blocks = list(_BLOCK.finditer(text))
    units = list(store.units)
    if len(blocks) != len(units) or not all(
        re.search(r"^(?:#~\s*)?msgid\b", block.group(), re.MULTILINE) for block in blocks
    ):
        return bytes(store)
    crlf = "\r\n" in text
    edits: list[tuple[int, int, str]] = []
    for index, unit in enumerate(units):
        if id(unit) not in changed:
            continue
        block = blocks[index]
        content = block.group()
        trailing = content[len(content.rstrip("\r\n")) :]
        serialized = str(unit).replace("\r\n", "\n").rstrip("\n")
        if crlf:
            serialized = serialized.replace("\n", "\r\n")
        edits.append((block.start(), block.end(), serialized + trailing))
    parts: list[str] = []
    position = 0
    for start, end, replacement in edits:
        parts.append(text[position:start])
        parts.append(replacement)
        position = end
    parts.append(text[position:])
    return bom + "".join(parts).encode(encoding)
