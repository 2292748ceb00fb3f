"""Safe XML parsing and byte-faithful write-back shared by the XLIFF and TMX readers.

Untrusted XML is parsed by lxml with entity resolution and network access off, and any
DOCTYPE that declares entities is refused before lxml sees it (billion laughs, external
entities): translation files never need them. Write-back does not re-serialise the tree:
`ElementSpans` maps every element to its offsets in the decoded original text, and writers
splice new text into exactly those places, so everything else stays byte-for-byte.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterable
from dataclasses import dataclass

from lxml import etree  # type: ignore[import-untyped]

from .errors import BilingualFormatError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_DECLARED_ENCODING = re.compile(rb"""^<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")

_TOKEN = re.compile(
    r"""(?P<comment><!--.*?-->)"""
    r"""|(?P<cdata><!\[CDATA\[.*?\]\]>)"""
    r"""|(?P<pi><\?.*?\?>)"""
    r"""|(?P<doctype><!DOCTYPE(?:[^\[>]|\[.*?\])*>)"""
    r"""|(?P<end></[^>]*>)"""
    r"""|(?P<start><[^\s/>!?][^\s/>]*(?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*\s*(?P<empty>/)?>)""",
    re.DOTALL,
)


@dataclass(frozen=True)
class XmlSource:
    """A decoded XML file: the text offsets point into, and how to encode it back."""

    name: str
    text: str
    encoding: str
    bom: bytes
    root: etree._Element

    def encode(self, text: str) -> bytes:
        """`text` in the file's own encoding (and BOM); unencodable characters as references."""
        return self.bom + text.encode(self.encoding, errors="xmlcharrefreplace")


def safe_parser() -> etree.XMLParser:
    """The one parser configuration for untrusted XML: no entities, no DTD, no network."""
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


def load_xml(data: bytes, name: str) -> XmlSource:
    """Decode and parse `data`, refusing entity declarations and malformed XML."""
    if not data.strip():
        raise BilingualFormatError(f"{name}: the file is empty")
    bom = b""
    encoding = "utf-8"
    for mark, codec in _BOMS:
        if data.startswith(mark):
            bom, encoding = mark, codec
            break
    else:
        declared = _DECLARED_ENCODING.match(data)
        if declared:
            encoding = declared.group(1).decode("ascii").lower()
    try:
        text = data[len(bom) :].decode(encoding)
    except (LookupError, UnicodeDecodeError) as exc:
        raise BilingualFormatError(f"{name}: cannot be decoded as {encoding} ({exc})") from None
    if "<!DOCTYPE" in text and "<!ENTITY" in text:  # checked before lxml sees a byte
        raise _entities_refused(name)
    try:
        root = etree.fromstring(data, safe_parser())
    except etree.XMLSyntaxError as exc:
        raise BilingualFormatError(f"{name}: not well-formed XML: {exc.msg}") from None
    dtd = root.getroottree().docinfo.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):
        raise _entities_refused(name)
    return XmlSource(name, text, encoding, bom, root)


def _entities_refused(name: str) -> BilingualFormatError:
    return BilingualFormatError(
        f"{name}: refused: the file declares XML entities (possible entity-expansion attack)"
    )


@dataclass(frozen=True, slots=True)
class Span:
    """Where one element sits in the decoded text: its start tag and its end tag."""

    start: int
    start_tag_end: int
    end_tag_start: int
    end: int

    @property
    def self_closing(self) -> bool:
        return self.start_tag_end == self.end


class ElementSpans:
    """Offsets of every element, comment and PI under the root, matched to lxml's nodes.

    The tokenizer walks the text's tags in order and lxml's `iter()` walks nodes in the same
    document order, so the n-th start tag is the n-th element; the counts are checked.
    """

    def __init__(self, source: XmlSource) -> None:
        self.text = source.text
        self._spans: dict[etree._Element, Span] = {}
        nodes = (node for node in source.root.iter() if not isinstance(node, etree._Entity))
        stack: list[tuple[etree._Element, int, int]] = []
        started = False
        for match in _TOKEN.finditer(self.text):
            kind = match.lastgroup
            if kind == "empty":
                kind = "start"
            if kind in ("cdata", "doctype") or (not started and kind != "start"):
                continue
            if kind == "start":
                started = True
                node = next(nodes, None)
                if node is None or not isinstance(node.tag, str):
                    raise BilingualFormatError(f"{source.name}: cannot map the XML to its text")
                if match.group("empty"):
                    self._spans[node] = Span(match.start(), match.end(), match.end(), match.end())
                else:
                    stack.append((node, match.start(), match.end()))
            elif kind == "end":
                if not stack:
                    break
                node, start, start_tag_end = stack.pop()
                self._spans[node] = Span(start, start_tag_end, match.start(), match.end())
                if not stack:
                    break
            else:  # a comment or PI inside the root
                node = next(nodes, None)
                if node is None or isinstance(node.tag, str):
                    raise BilingualFormatError(f"{source.name}: cannot map the XML to its text")
                self._spans[node] = Span(match.start(), match.end(), match.end(), match.end())
        if stack or next(nodes, None) is not None:
            raise BilingualFormatError(f"{source.name}: cannot map the XML to its text")

    def __getitem__(self, node: etree._Element) -> Span:
        return self._spans[node]

    def raw(self, node: etree._Element) -> str:
        """The node exactly as the file writes it, content included."""
        span = self._spans[node]
        return self.text[span.start : span.end]

    def start_tag(self, node: etree._Element) -> str:
        span = self._spans[node]
        return self.text[span.start : span.start_tag_end]

    def end_tag(self, node: etree._Element) -> str:
        span = self._spans[node]
        return self.text[span.end_tag_start : span.end]

    def inner(self, node: etree._Element) -> str:
        span = self._spans[node]
        return self.text[span.start_tag_end : span.end_tag_start]

    def indent_before(self, node: etree._Element) -> str:
        """The line break and indentation in front of the node ("" when it shares a line)."""
        start = self._spans[node].start
        line_start = self.text.rfind("\n", 0, start)
        prefix = self.text[line_start:start] if line_start >= 0 else ""
        if prefix and prefix.strip() == "":
            if line_start > 0 and self.text[line_start - 1] == "\r":
                return "\r" + prefix
            return prefix
        return ""


def local_name(node: etree._Element) -> str:
    tag = node.tag
    if not isinstance(tag, str):
        return ""
    return tag.rpartition("}")[2]


def namespace(node: etree._Element) -> str:
    tag = node.tag
    return tag[1:].partition("}")[0] if isinstance(tag, str) and tag.startswith("{") else ""


def splice(text: str, edits: Iterable[tuple[int, int, str]]) -> str:
    """`text` with each (start, end, replacement) applied; edits must not overlap."""
    ordered = sorted(edits, key=lambda edit: (edit[0], edit[1]))
    parts: list[str] = []
    position = 0
    for start, end, replacement in ordered:
        if start < position:
            raise ValueError("overlapping edits")
        parts.append(text[position:start])
        parts.append(replacement)
        position = end
    parts.append(text[position:])
    return "".join(parts)


_ATTRIBUTE = r"""(\s){name}\s*=\s*(?:"[^"]*"|'[^']*')"""


def with_attribute(start_tag: str, name: str, value: str) -> str:
    """A raw start tag with attribute `name` set to `value` (replaced in place or appended)."""
    quoted = value.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
    pattern = re.compile(_ATTRIBUTE.format(name=re.escape(name)))
    if pattern.search(start_tag):
        return pattern.sub(lambda m: f'{m.group(1)}{name}="{quoted}"', start_tag, count=1)
    closing = "/>" if start_tag.endswith("/>") else ">"
    body = start_tag[: -len(closing)].rstrip()
    return f'{body} {name}="{quoted}"{closing}'


def open_form(start_tag: str) -> str:
    """A self-closing start tag (`<target/>`) as an opening one (`<target>`)."""
    if start_tag.endswith("/>"):
        return start_tag[:-2].rstrip() + ">"
    return start_tag


def tag_name(start_tag: str) -> str:
    """The qualified name a raw start tag uses (prefix kept), for writing its end tag."""
    match = re.match(r"<([^\s/>]+)", start_tag)
    return match.group(1) if match else ""


def escape_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


_XLIFF2_NAMESPACE = "urn:oasis:names:tc:xliff:document:2."
_ROOT_TAG = re.compile(r"<(?:[\w.-]+:)?xliff\b[^>]*>", re.DOTALL)
_VERSION = re.compile(r"""\bversion\s*=\s*["']\s*(\d)""")


def xliff_major_version(data: bytes) -> int:
    """1 or 2, from the root element's `version` attribute or namespace (1 when unsure)."""
    head = data[:8192]
    encoding = "utf-8"
    for mark, codec in _BOMS:
        if head.startswith(mark):
            head, encoding = head[len(mark) :], codec
            break
    text = head.decode(encoding, errors="ignore")
    root = _ROOT_TAG.search(text)
    if root is None:
        return 1
    tag = root.group()
    if _XLIFF2_NAMESPACE in tag:
        return 2
    version = _VERSION.search(tag)
    return 2 if version and version.group(1) == "2" else 1


def child_named(node: etree._Element, name: str) -> etree._Element | None:
    """The first child element with local name `name` (None when there is none)."""
    for child in node:
        if local_name(child) == name:
            return child
    return None
