"""HTML documents (``.html``, ``.htm``, ``.xhtml``): visible text, title and publication date."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from urllib.parse import unquote

from selectolax.lexbor import LexborHTMLParser, LexborNode

from importers.errors import ReadError
from importers.readers.dates import parse_date_value
from importers.readers.encoding import decode_text
from importers.readers.file_bytes import FORMAT_NAMES, read_file_bytes, sniff_format
from importers.readers.html_depth import flatten_deep_nesting
from importers.readers.layout import tidy_blank_lines
from importers.records import DocumentText

# Elements whose content is never part of the document's text.
_DROPPED = frozenset(
    {
        "head",
        "script",
        "style",
        "noscript",
        "template",
        "nav",
        "aside",
        "form",
        "button",
        "select",
        "textarea",
        "svg",
        "math",
        "iframe",
        "object",
        "embed",
        "canvas",
        "audio",
        "video",
        "map",
        "dialog",
    }
)
# header/footer are page banners only outside these (HTML-AAM: banner/contentinfo roles).
_SECTIONING = frozenset({"article", "main", "section"})
_PAGE_CHROME = frozenset({"header", "footer"})
_BLOCKS = frozenset(
    {
        "address",
        "article",
        "blockquote",
        "body",
        "caption",
        "center",
        "dd",
        "details",
        "dir",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hgroup",
        "hr",
        "html",
        "legend",
        "li",
        "main",
        "menu",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "tfoot",
        "thead",
        "tr",
        "ul",
    }
)
_CELLS = frozenset({"td", "th"})
# Blocks set off by a blank line, so that a heading or a paragraph stands apart as it does on
# the page.
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_SPACED = _HEADINGS | {"p"}
# Attributes that hold text a page shows on demand (a speaker card's biography, a tooltip).
_SHOWN_ATTRIBUTES = ("data-bio", "data-description", "data-summary", "data-abstract")
_CELL_SEPARATOR = " | "
_SPACES = re.compile(r"\s+")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\x00"))

# <meta> names and properties that carry a publication date, best first.
_META_DATE_KEYS = (
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "datepublished",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.date",
    "date",
    "pubdate",
    "publishdate",
    "publish_date",
    "publication_date",
    "citation_publication_date",
    "citation_date",
    "parsely-pub-date",
    "sailthru.date",
    "article.published",
    "dc.date.created",
    "dcterms.created",
)
_CHARSET_IN_META = re.compile(rb"<meta[^>]*?charset\s*=\s*[\"']?\s*([\w.:-]+)", re.IGNORECASE)
_CHARSET_IN_XML = re.compile(rb"<\?xml[^>]*?encoding\s*=\s*[\"']([\w.:-]+)", re.IGNORECASE)


@dataclass(frozen=True)
class HtmlContent:
    """What :func:`parse_html` finds in a page."""

    text: str
    title: str | None
    published: date | None


def _collapse(text: str) -> str:
    return _SPACES.sub(" ", text.translate(_INVISIBLE)).strip()


class _LineBuilder:
    """Collects text into lines: blocks and ``<br>`` end a line, inline content joins one."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.pieces: list[str] = []
        self.pre_depth = 0

    def add(self, text: str) -> None:
        if self.pre_depth:
            first, *rest = text.split("\n")
            self.pieces.append(first)
            for part in rest:
                self.end_line(keep_empty=True)
                self.pieces.append(part)
        else:
            self.pieces.append(text)

    def current(self) -> str:
        return "".join(self.pieces)

    def blank(self) -> None:
        """End the line and leave a blank one after it."""
        self.end_line()
        if self.lines and self.lines[-1]:
            self.lines.append("")

    def end_line(self, keep_empty: bool = False) -> None:
        if not self.pieces and not keep_empty:
            return
        raw = self.current()
        if self.pre_depth:
            line = raw.translate(_INVISIBLE).rstrip()
        else:
            line = _collapse(raw)
        if line or keep_empty:
            self.lines.append(line)
        self.pieces = []

    def text(self) -> str:
        self.end_line()
        return tidy_blank_lines("\n".join(self.lines))


def _is_hidden(node: LexborNode) -> bool:
    attributes = node.attributes
    if "hidden" in attributes:
        return True
    style = attributes.get("style")
    return bool(style and _HIDDEN_STYLE.search(style))


def _mailto_address(node: LexborNode) -> str | None:
    href = (node.attributes.get("href") or "").strip()
    if not href[:7].lower() == "mailto:":
        return None
    address = unquote(href[7:].split("?", 1)[0]).strip()
    return address or None


def _shown_text(node: LexborNode) -> str:
    """Text an element carries in an attribute that the page shows on demand."""
    attributes = node.attributes
    for name in _SHOWN_ATTRIBUTES:
        value = attributes.get(name)
        if value and value.strip():
            return _collapse(value)
    return ""


def _children(node: LexborNode) -> Iterator[LexborNode]:
    child = node.child
    while child is not None:
        yield child
        child = child.next


def _visible_text(root: LexborNode) -> str:
    """Walk the tree without recursion (pages nest deep) and lay its visible text out."""
    builder = _LineBuilder()
    sectioning_depth = 0
    # Each open mailto link: (address, number of lines and pieces when it opened).
    open_links: list[tuple[str, int, int]] = []
    stack: list[tuple[LexborNode, bool]] = [(root, False)]
    while stack:
        node, leaving = stack.pop()
        tag = node.tag or ""
        if leaving:
            if tag in _SPACED:
                builder.blank()
            elif tag in _BLOCKS:
                builder.end_line()
            shown = _shown_text(node)
            if shown:
                builder.add(shown)
                builder.end_line()
            if tag == "pre":
                builder.pre_depth -= 1
            if tag in _SECTIONING:
                sectioning_depth -= 1
            if tag == "a" and _mailto_address(node) is not None and open_links:
                address, line_count, piece_count = open_links.pop()
                if line_count == len(builder.lines):
                    shown = _collapse("".join(builder.pieces[piece_count:]))
                    if not shown:
                        builder.add(f" {address} ")
                    elif address.lower() not in shown.lower():
                        builder.add(f" ({address})")
            continue
        if tag == "-text":
            builder.add(node.text(deep=False) or "")
            continue
        if tag.startswith("-") or tag in _DROPPED or _is_hidden(node):
            continue
        if tag in _PAGE_CHROME and sectioning_depth == 0:
            continue
        if tag in _SPACED:
            builder.blank()
        elif tag in _BLOCKS:
            builder.end_line()
        elif tag == "br":
            builder.end_line(keep_empty=True)
        elif tag in _CELLS and builder.current().strip():
            builder.add(_CELL_SEPARATOR)
        if tag == "pre":
            builder.pre_depth += 1
        if tag in _SECTIONING:
            sectioning_depth += 1
        if tag == "a":
            address = _mailto_address(node)
            if address is not None:
                open_links.append((address, len(builder.lines), len(builder.pieces)))
        stack.append((node, True))
        stack.extend((child, False) for child in reversed(list(_children(node))))
    return builder.text()


def _page_title(tree: LexborHTMLParser) -> str | None:
    for selector in ("head > title", "title"):
        node = tree.css_first(selector)
        if node is not None:
            title = _collapse(node.text())
            if title:
                return title
    for key in ("og:title", "dc.title", "twitter:title"):
        for meta in tree.css("meta"):
            attributes = meta.attributes
            name = (attributes.get("property") or attributes.get("name") or "").lower()
            if name == key:
                title = _collapse(attributes.get("content") or "")
                if title:
                    return title
    for selector in ("main h1", "article h1", "h1"):
        node = tree.css_first(selector)
        if node is not None:
            title = _collapse(node.text())
            if title:
                return title
    return None


def _json_ld_dates(value: object, depth: int = 0) -> Iterator[str]:
    if depth > 20:
        return
    if isinstance(value, dict):
        published = value.get("datePublished")
        if isinstance(published, str):
            yield published
        for item in value.values():
            yield from _json_ld_dates(item, depth + 1)
    elif isinstance(value, list):
        for item in value:
            yield from _json_ld_dates(item, depth + 1)


def _publication_date(tree: LexborHTMLParser) -> date | None:
    meta_values: dict[str, str] = {}
    for meta in tree.css("meta"):
        attributes = meta.attributes
        content = attributes.get("content")
        if not content:
            continue
        for attribute in ("property", "name", "itemprop"):
            key = (attributes.get(attribute) or "").strip().lower()
            if key:
                meta_values.setdefault(key, content)
    for key in _META_DATE_KEYS:
        found = parse_date_value(meta_values.get(key))
        if found is not None:
            return found
    for script in tree.css('script[type="application/ld+json"]'):
        try:
            data = json.loads(script.text() or "")
        except ValueError:
            continue
        for value in _json_ld_dates(data):
            found = parse_date_value(value)
            if found is not None:
                return found
    candidates = [
        *tree.css("time[pubdate]"),
        *tree.css('[itemprop="datePublished"]'),
        *tree.css("time[datetime]"),
    ]
    for node in candidates:
        attributes = node.attributes
        value = attributes.get("datetime") or attributes.get("content") or node.text()
        found = parse_date_value(value)
        if found is not None:
            return found
    return None


def parse_html(markup: str) -> HtmlContent:
    """Lay out the visible text of an HTML page and find its title and publication date.

    Blocks (paragraphs, headings, list items, table rows) and ``<br>`` end lines; inline
    elements do not. Table cells on one row are joined by ``" | "``. Scripts, styles, forms,
    navigation, asides, hidden elements and page-level headers and footers are dropped.
    A ``mailto:`` link keeps its address visible: appended in parentheses when the link text
    does not show it. Elements nested deeper than any real page are flattened first (see
    :mod:`importers.readers.html_depth`). The title is ``<title>``, else ``og:title``, else
    the first ``<h1>``; the date comes from ``<meta>`` (``article:published_time``,
    ``date``, ``dc.date``, ...), JSON-LD ``datePublished``, then ``<time datetime>``.
    """
    # lexbor takes UTF-8: lone surrogates (from a lenient decoder) would not encode.
    markup = markup.encode("utf-8", "replace").decode("utf-8").replace("\x00", "")
    tree = LexborHTMLParser(flatten_deep_nesting(markup))
    root = tree.root
    text = _visible_text(root) if root is not None else ""
    return HtmlContent(text=text, title=_page_title(tree), published=_publication_date(tree))


def html_to_text(markup: str) -> str:
    """The visible text of an HTML fragment or page, laid out as :func:`parse_html` does."""
    return parse_html(markup).text


def declared_charset(data: bytes) -> str | None:
    """The encoding a page names in its first 1024 bytes (``<meta charset>``, XML declaration).

    A simplified form of the WHATWG HTML prescan (HTML Living Standard §13.2.3.2).
    """
    head = data[:1024]
    match = _CHARSET_IN_META.search(head) or _CHARSET_IN_XML.search(head)
    return match.group(1).decode("ascii", "replace") if match else None


def read_html(path: str | Path) -> DocumentText:
    """Read an HTML file: see :func:`parse_html` for what the text holds.

    Raises :class:`ReadError` for empty, binary or text-less files.
    """
    path = Path(path)
    data = read_file_bytes(path)
    sniffed = sniff_format(data)
    if sniffed is not None:
        raise ReadError(str(path), f"{FORMAT_NAMES[sniffed]}, not HTML (wrong file extension?)")
    markup = decode_text(data, str(path), declared=declared_charset(data))
    if not markup.strip():
        raise ReadError(str(path), "the file holds only whitespace")
    content = parse_html(markup)
    if not content.text.strip():
        raise ReadError(str(path), "the page has no visible text")
    return DocumentText(
        path=str(path),
        format="html",
        text=content.text,
        title=content.title,
        reference_date=content.published,
    )
