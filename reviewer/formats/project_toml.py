"""Add a rule to a project file's `disable-rules`, editing the TOML as text.

Users write `reviewer.toml` (or `[tool.reviewer]` in `pyproject.toml`) by hand, so the file
is not rewritten from parsed data (which would lose its comments, order and layout): the
one value is changed in place. A small tokenizer (strings of the four kinds, comments,
brackets) finds the statements at the top level, the project's table and the
`disable-rules` value; the new rule goes after the array's last item (on a line of its own
in a multi-line array), joins a `"A,B"` string, or a new `disable-rules = ["RULE"]` line
goes after the table's last setting. The result is parsed again and must equal the old data
with only that list changed; anything this editor cannot place (say `tool.reviewer` written
as an inline table) is refused with a message rather than guessed. Written atomically.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reviewer.core.errors import ConfigurationError
from reviewer.core.project_config import PROJECT_FILE, PYPROJECT_FILE
from reviewer.formats.atomic import atomic_write

KEY = "disable-rules"
NEW_FILE_HEADER = (
    "# MT Reviewer project settings, read by `reviewer check` and the review window\n"
    "# for every file in this folder and below (see the README: Project configuration).\n"
)


def add_disabled_rule(path: Path, rule: str) -> bool:
    """Add `rule` to the `disable-rules` of the project file `path` (a `reviewer.toml`, or a
    `pyproject.toml` with a `[tool.reviewer]` table). False when it is already listed.

    Raises `ConfigurationError` (file unreadable, not TOML, or a shape this editor does not
    place a value in) or `ExportWriteError` (cannot be written); the file is then unchanged.
    """
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ConfigurationError(f"{path}: cannot read ({exc.strerror})") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise ConfigurationError(f"{path}: not UTF-8 text") from None
    table = ("tool", "reviewer") if path.name == PYPROJECT_FILE else ()
    try:
        new_text = with_disabled_rule(text, rule, table)
    except ConfigurationError as exc:
        raise ConfigurationError(f"{path}: {exc}") from None
    if new_text == text:
        return False
    atomic_write(path, new_text.encode("utf-8"))
    return True


def create_project_file(folder: Path, rule: str) -> Path:
    """Write a new `reviewer.toml` in `folder` that switches `rule` off; returns its path."""
    path = folder / PROJECT_FILE
    if path.exists():
        raise ConfigurationError(f"{path}: already exists")
    atomic_write(path, (NEW_FILE_HEADER + f"{KEY} = [{_quoted(rule)}]\n").encode("utf-8"))
    return path


def with_disabled_rule(text: str, rule: str, table: tuple[str, ...] = ()) -> str:
    """`text` with `rule` added to `disable-rules` in `table` (() : the top level); the same
    text when the rule is already there. Raises `ConfigurationError` when it cannot."""
    if not rule or any(ch in rule for ch in "\n\r,"):
        raise ConfigurationError(f"not a rule id: {rule!r}")
    before = _parse(text)
    current = _lookup(before, table)
    if current is None:
        raise ConfigurationError(f"no [{'.'.join(table)}] table")
    value = current.get(KEY)
    listed = value.split(",") if isinstance(value, str) else value or []
    if rule in [str(item).strip() for item in listed]:
        return text
    statements = _statements(text, _tokens(text))
    region = _region(statements, table)
    assignment = next((s for s in region if s.key == (KEY,)), None)
    if assignment is None:
        new_text = _insert_assignment(text, region, rule)
    else:
        new_text = _extend_value(text, assignment, rule)
    _verify(before, new_text, table, rule)
    return new_text


# -- tokens and statements -------------------------------------------------------------------


@dataclass(frozen=True)
class _Token:
    kind: str  # "string", "comment", "newline", "space", "punct", "bare"
    start: int
    end: int


@dataclass
class _Statement:
    """One top-level line (with a multi-line value, several physical lines)."""

    tokens: list[_Token]
    header: tuple[str, ...] | None = None  # [a.b] (or [[a.b]]) headers
    key: tuple[str, ...] | None = None  # key = value

    @property
    def start(self) -> int:
        return self.tokens[0].start

    @property
    def end(self) -> int:
        return self.tokens[-1].end


_BARE = re.compile(r"[^\s\[\]{},=#\"'.]+")


def _tokens(text: str) -> list[_Token]:
    tokens: list[_Token] = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "\n" or text.startswith("\r\n", i):
            end = i + (2 if ch == "\r" else 1)
            tokens.append(_Token("newline", i, end))
        elif ch in " \t":
            end = i + 1
            while end < len(text) and text[end] in " \t":
                end += 1
            tokens.append(_Token("space", i, end))
        elif ch == "#":
            end = text.find("\n", i)
            end = len(text) if end < 0 else end
            if end > i and text[end - 1] == "\r":
                end -= 1
            tokens.append(_Token("comment", i, end))
        elif ch in "\"'":
            end = _string_end(text, i)
            tokens.append(_Token("string", i, end))
        elif ch in "[]{},=.":
            end = i + 1
            tokens.append(_Token("punct", i, end))
        else:
            match = _BARE.match(text, i)
            end = match.end() if match else i + 1
            tokens.append(_Token("bare", i, end))
        i = end
    return tokens


def _string_end(text: str, start: int) -> int:
    quote = text[start]
    if text.startswith(quote * 3, start):
        close = text.find(quote * 3, start + 3)
        if quote == '"':
            while close >= 0 and _escaped(text, close):
                close = text.find(quote * 3, close + 1)
        if close < 0:
            raise ConfigurationError("a multi-line string is not closed")
        end = close + 3
        while end < len(text) and text[end] == quote and end - close < 5:
            end += 1  # up to two quotes of the content may touch the closing three
        return end
    i = start + 1
    while i < len(text) and text[i] not in "\n":
        if quote == '"' and text[i] == "\\":
            i += 2
            continue
        if text[i] == quote:
            return i + 1
        i += 1
    raise ConfigurationError("a string is not closed")


def _escaped(text: str, position: int) -> bool:
    backslashes = 0
    while position - backslashes - 1 >= 0 and text[position - backslashes - 1] == "\\":
        backslashes += 1
    return backslashes % 2 == 1


def _statements(text: str, tokens: list[_Token]) -> list[_Statement]:
    """Group tokens into top-level statements: a newline outside brackets ends one."""
    statements: list[_Statement] = []
    current: list[_Token] = []
    depth = 0
    for token in tokens:
        current.append(token)
        if token.kind == "punct":
            depth += {"[": 1, "{": 1, "]": -1, "}": -1}.get(text[token.start], 0)
        if token.kind == "newline" and depth <= 0:
            statements.append(_Statement(current))
            current = []
            depth = 0
    if current:
        statements.append(_Statement(current))
    for statement in statements:
        _classify(text, statement)
    return statements


def _classify(text: str, statement: _Statement) -> None:
    meaningful = [t for t in statement.tokens if t.kind not in ("space", "newline", "comment")]
    if not meaningful:
        return
    first = text[meaningful[0].start : meaningful[0].end]
    if first == "[":
        inner = [t for t in meaningful if text[t.start : t.end] not in ("[", "]")]
        statement.header = _key_parts(text, inner)
        return
    equals = next(
        (i for i, t in enumerate(meaningful) if text[t.start : t.end] == "="),
        None,
    )
    if equals is not None:
        statement.key = _key_parts(text, meaningful[:equals])


def _key_parts(text: str, tokens: list[_Token]) -> tuple[str, ...]:
    parts: list[str] = []
    for token in tokens:
        piece = text[token.start : token.end]
        if piece == ".":
            continue
        if token.kind == "string":
            parts.append(str(tomllib.loads(f"k = {piece}")["k"]))
        else:
            parts.append(piece)
    return tuple(parts)


def _region(statements: list[_Statement], table: tuple[str, ...]) -> list[_Statement]:
    """The statements of `table` (() : those before the first header)."""
    inside = table == ()
    region: list[_Statement] = []
    found = inside
    for statement in statements:
        if statement.header is not None:
            if inside and region:
                break
            inside = statement.header == table
            if inside:
                found = True
                region = [statement]
                continue
            if table == ():
                break
        elif inside:
            region.append(statement)
    if not found:
        raise ConfigurationError(
            f"[{'.'.join(table)}] is not written as a table header; add {KEY} there by hand"
        )
    return region


# -- edits -----------------------------------------------------------------------------------


def _insert_assignment(text: str, region: list[_Statement], rule: str) -> str:
    """A new `disable-rules = [...]` line after the region's last setting (or header)."""
    line = f"{KEY} = [{_quoted(rule)}]"
    settled = [s for s in region if s.key is not None or s.header is not None]
    newline = "\r\n" if "\r\n" in text else "\n"
    # after the last setting (or the header); with none, after the opening comments
    end = settled[-1].end if settled else (region[-1].end if region else 0)
    if end == 0:
        return line + newline + text
    if text[:end].endswith(("\n", "\r")):
        return text[:end] + line + newline + text[end:]
    return text[:end] + newline + line + newline + text[end:]


def _extend_value(text: str, statement: _Statement, rule: str) -> str:
    tokens = statement.tokens
    equals = next(i for i, t in enumerate(tokens) if text[t.start : t.end] == "=")
    value = [t for t in tokens[equals + 1 :] if t.kind not in ("space", "newline", "comment")]
    if not value:
        raise ConfigurationError(f"{KEY} has no value")
    if value[0].kind == "string":
        token = value[0]
        old = tomllib.loads(f"k = {text[token.start : token.end]}")["k"]
        parts = [item for item in str(old).split(",") if item.strip()]
        joined = ",".join([*parts, rule])
        return text[: token.start] + _quoted(joined) + text[token.end :]
    if text[value[0].start : value[0].end] != "[":
        raise ConfigurationError(f"{KEY} must be a list of rule ids")
    opening = value[0]
    closing = value[-1]
    items = [t for t in value[1:-1] if t.kind == "string"]
    quoted = _quoted(rule)
    if not items:
        return text[: opening.end] + quoted + text[opening.end :]
    last = items[-1]
    inner = tokens[tokens.index(last) + 1 :]
    comma = next(
        (t for t in inner if t.kind == "punct" and text[t.start : t.end] == ","),
        None,
    )
    if comma is not None and comma.start > closing.start:
        comma = None
    multi_line = "\n" in text[opening.start : closing.start]
    close_line = text.rfind("\n", 0, closing.start) + 1
    if multi_line and not text[close_line : closing.start].strip():  # "]" on a line of its own
        before_last = text[text.rfind("\n", 0, last.start) + 1 : last.start]
        indent = before_last[: len(before_last) - len(before_last.lstrip(" \t"))]
        newline = "\r\n" if text[close_line - 2 : close_line] == "\r\n" else "\n"
        addition = f"{indent}{quoted},{newline}"
        if comma is None:
            return (
                text[: last.end] + "," + text[last.end : close_line] + addition + text[close_line:]
            )
        return text[:close_line] + addition + text[close_line:]
    if comma is None:
        return text[: last.end] + f", {quoted}" + text[last.end :]
    return text[: comma.end] + f" {quoted}" + text[comma.end :]


def _quoted(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    escaped = "".join(ch if ch >= " " or ch == "\t" else f"\\u{ord(ch):04x}" for ch in escaped)
    return f'"{escaped}"'


# -- checks ----------------------------------------------------------------------------------


def _parse(text: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigurationError(f"not valid TOML ({exc})") from None


def _lookup(data: dict[str, Any], table: tuple[str, ...]) -> dict[str, Any] | None:
    current: Any = data
    for part in table:
        if not isinstance(current, dict) or not isinstance(current.get(part), dict):
            return None
        current = current[part]
    return current if isinstance(current, dict) else None


def _verify(before: dict[str, Any], new_text: str, table: tuple[str, ...], rule: str) -> None:
    """The edited text must parse to the old data with only the rule added."""
    try:
        after = tomllib.loads(new_text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigurationError(f"could not add {rule} safely ({exc}); add it by hand") from None
    expected_table = dict(_lookup(before, table) or {})
    old = expected_table.get(KEY)
    if isinstance(old, str):
        items = [item for item in old.split(",") if item.strip()]
        expected_table[KEY] = ",".join([*items, rule])
    else:
        expected_table[KEY] = [*(old or []), rule]
    expected = _replaced(before, table, expected_table)
    if after != expected:
        raise ConfigurationError(f"could not add {rule} safely; add it to {KEY} by hand")


def _replaced(data: dict[str, Any], table: tuple[str, ...], value: dict[str, Any]) -> Any:
    if not table:
        return value
    copy = dict(data)
    copy[table[0]] = _replaced(data[table[0]], table[1:], value)
    return copy
