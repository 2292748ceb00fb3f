"""Inline markup of XML formats (XLIFF 1.2/2.0, TMX) turned into tokens.

Text stays text (a line break with its indentation is a token, as rows are one line); every
inline element becomes token characters whose markup is the element
exactly as the file writes it, so writing a target back reproduces the original codes.
Elements whose content is translatable (`<g>`, `<pc>`, `<mrk>`, `<hi>`) become an opening
and a closing token around their text; native-code elements (`<x/>`, `<ph>`, `<bpt>` ...)
become one token for the whole element, content included.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from lxml import etree  # type: ignore[import-untyped]

from reviewer.core.bilingual import PlaceholderKind

from ._tokens import TokenTable
from ._xml import ElementSpans, local_name

PAIRED = "paired"  # an opening and a closing token around translatable content
_LINE_BREAK = re.compile(r"[ \t\r\n]*[\r\n][ \t\r\n]*")


def _text(text: str | None, table: TokenTable) -> str:
    """Text content with each line break (and the indentation around it) as one token: a
    review row is one line, and the file gets back exactly the whitespace it had."""
    if not text:
        return ""
    return _LINE_BREAK.sub(
        lambda match: table.token(("break", match.group()), match.group(), PlaceholderKind.CODE),
        text,
    )


def inline_text(
    node: etree._Element,
    spans: ElementSpans,
    table: TokenTable,
    rules: Mapping[str, str | PlaceholderKind],
) -> str:
    """The content of `node` as text with tokens. `rules` maps an inline element's local name
    to PAIRED or to the kind of the single token it becomes (unknown elements: EMPTY)."""
    parts: list[str] = [_text(node.text, table)]
    for child in node:
        if isinstance(child, etree._Entity):  # never resolved: kept as a code
            parts.append(table.token(("entity", child.text), child.text, PlaceholderKind.EMPTY))
        elif not isinstance(child.tag, str):  # a comment or processing instruction
            raw = spans.raw(child)
            parts.append(table.token(("node", raw), raw, PlaceholderKind.EMPTY))
        else:
            name = local_name(child)
            rule = rules.get(name, PlaceholderKind.EMPTY)
            attributes = tuple(sorted(child.attrib.items()))
            if rule == PAIRED and not spans[child].self_closing:
                key = (child.tag, attributes)
                opening = table.token(("open", *key), spans.start_tag(child), PlaceholderKind.OPEN)
                parts.append(opening)
                parts.append(inline_text(child, spans, table, rules))
                closing = table.token(("close", *key), spans.end_tag(child), PlaceholderKind.CLOSE)
                table.pair(opening, closing)
                parts.append(closing)
            else:
                raw = spans.raw(child)
                kind = PlaceholderKind.EMPTY if rule == PAIRED else PlaceholderKind(rule)
                code_key = ("code", child.tag, attributes, spans.inner(child))
                char = table.token(code_key, raw, kind)
                code_id = child.get("id") or child.get("i") or child.get("rid") or ""
                if kind is PlaceholderKind.OPEN:
                    table.open_codes[code_id] = char
                elif kind is PlaceholderKind.CLOSE and code_id in table.open_codes:
                    table.pair(table.open_codes[code_id], char)
                parts.append(char)
        parts.append(_text(child.tail, table))
    return "".join(parts)
