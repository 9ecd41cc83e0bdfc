"""Saved web pages (`.html`, `.htm`): the article in the page, by trafilatura, as paragraphs.

trafilatura keeps the main text and its metadata (title, date, author, site name, canonical URL)
and leaves out navigation, cookie banners, adverts and "Read more" links. It is only ever handed
the page's bytes, never a URL to fetch: `bare_extraction` downloads nothing.

The parser splits paragraphs on blank lines, so every block of the page (paragraph, heading, list
item, block quote, table row) becomes one paragraph with a blank line after it. `fragment_text`
does the same for an HTML fragment that is already the article (a feed item's content).
"""

from __future__ import annotations

import html
import re
import warnings
from dataclasses import dataclass

import lxml.html
import trafilatura
from lxml import etree
from trafilatura.settings import use_config

from ..decode import normalise_newlines
from ..sources import SourceText
from .common import Loaded, clean_meta

# Extracted text of more blocks than this is not an article (a data dump saved as a page):
# trafilatura discards it, and the page is reported empty.
MAX_TREE_ELEMENTS = 20_000
# htmldate writes the date it finds in this form; a page that gives only a day has no zone.
DATE_FORMAT = "%Y-%m-%dT%H:%M:%S%z"
# No extensive search: it takes any year on the page ("© 2024" in a footer) for the date.
_DATE_PARAMS = {"outputformat": DATE_FORMAT, "original_date": True, "extensive_search": False}
PARAGRAPH_SEPARATOR = "\n\n"
TABLE_CELL_SEPARATOR = " | "
_CONFIG = use_config()  # a copy of trafilatura's defaults, not shared with other users of the library
_CONFIG.set("DEFAULT", "MAX_TREE_SIZE", str(MAX_TREE_ELEMENTS))

# trafilatura's output tree (its XML format): the elements that stand as a paragraph of their own.
_EXTRACTED_BLOCKS = frozenset({"p", "head", "item", "quote", "row", "code", "list", "table", "lb"})
# HTML: blocks, and elements whose text is never article text.
_HTML_BLOCKS = frozenset(
    {
        "p",
        "div",
        "section",
        "article",
        "main",
        "header",
        "footer",
        "aside",
        "blockquote",
        "pre",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "ul",
        "ol",
        "li",
        "dl",
        "dt",
        "dd",
        "table",
        "tr",
        "figure",
        "figcaption",
        "hr",
        "br",
        "address",
        "details",
        "summary",
    }
)
_HTML_SKIPPED = frozenset({"script", "style", "noscript", "template", "iframe", "svg", "head", "title", "button"})
_BLANK_LINES = re.compile(r"\n[ \t]*\n")
_CELLS = frozenset({"cell", "td", "th"})


@dataclass(frozen=True)
class PageText:
    """What trafilatura found in one page: the text as paragraphs and the metadata for the parser."""

    text: str
    meta: dict[str, str]


def read_html(data: bytes, path: str, file_id: str) -> Loaded:
    """One saved page: one article with the file's id, or a load problem saying why not."""
    loaded = Loaded()
    page = extract_page(data)
    if page is None:
        loaded.problem(path, "empty", "no article text found in the page")
    else:
        loaded.sources.append(SourceText(id=file_id, path=path, text=page.text, meta=page.meta))
    return loaded


def extract_page(data: bytes | str, url: str | None = None) -> PageText | None:
    """The article in a page, or None when trafilatura finds none (or cannot read the markup).

    `url` is where the page was fetched from (a web archive's target URI): the URL of the article
    when the page declares no canonical one. It is never fetched."""
    try:
        document = _extraction(data, url)
    except (ValueError, TypeError, etree.LxmlError, RecursionError):
        return None
    if document is None or document.body is None:
        return None
    title = document.title or ""
    paragraphs = _blocks(document.body, _EXTRACTED_BLOCKS, frozenset())
    if paragraphs and title and _folded(paragraphs[0]) == _folded(title):
        paragraphs = paragraphs[1:]  # the page's headline repeated as the first heading
    if not paragraphs:
        return None
    meta = clean_meta(
        title=title,
        published=document.date,
        source=document.sitename,
        url=document.url or url,
        author=document.author,
        section=document.categories[0] if document.categories else None,  # article:section and the like
    )
    return PageText(PARAGRAPH_SEPARATOR.join(paragraphs), meta)


def _extraction(data: bytes | str, url: str | None) -> trafilatura.settings.Document | None:
    """trafilatura's own extractor without its fallbacks (`fast`): on a page where it finds no main
    text, the fallbacks return the navigation or the footer as the article; a page reported empty
    is better than a wrong article."""
    with warnings.catch_warnings():  # trafilatura warns through `warnings` on odd markup
        warnings.simplefilter("ignore")
        found = trafilatura.bare_extraction(
            data,
            url=url,
            fast=True,
            favor_precision=True,
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
            with_metadata=True,
            config=_CONFIG,
            date_extraction_params=_DATE_PARAMS,
            as_dict=False,
        )
    # typed Document | dict | None: a dict only with as_dict=True
    return found if isinstance(found, trafilatura.settings.Document) else None


def fragment_text(markup: str) -> str:
    """An HTML fragment (a feed item's content) as text: one paragraph a block, entities decoded,
    scripts and styles dropped. Text that is not HTML comes back with its whitespace folded."""
    if "<" not in markup:
        return plain_text(html.unescape(markup))
    try:
        root = lxml.html.fragment_fromstring(markup, create_parent="div")
    except (ValueError, etree.LxmlError):
        return plain_text(markup)
    return PARAGRAPH_SEPARATOR.join(_blocks(root, _HTML_BLOCKS, _HTML_SKIPPED))


def plain_text(text: str) -> str:
    """Plain text (a JSON Feed's content_text) with the paragraph layout the parser expects:
    blocks split on blank lines, whitespace folded inside each."""
    blocks = _BLANK_LINES.split(normalise_newlines(text))
    return PARAGRAPH_SEPARATOR.join(folded for block in blocks if (folded := " ".join(block.split())))


def _blocks(root: etree._Element, blocks: frozenset[str], skipped: frozenset[str]) -> list[str]:
    """The text of a tree cut at every block element's start and end, whitespace folded.

    Walked with lxml's iterwalk rather than recursion: a hostile page may nest deeper than the
    stack."""
    paragraphs: list[str] = []
    words: list[str] = []

    def flush() -> None:
        if words:
            paragraph = " ".join(" ".join(words).split())
            if paragraph:
                paragraphs.append(paragraph)
            words.clear()

    walker = etree.iterwalk(root, events=("start", "end"))
    for event, element in walker:
        tag = element.tag if isinstance(element.tag, str) else ""  # comments, processing instructions
        if event == "start":
            if not tag or tag.lower() in skipped:
                walker.skip_subtree()
                continue
            if tag.lower() in blocks:
                flush()
            elif tag.lower() in _CELLS and words:
                words.append(TABLE_CELL_SEPARATOR.strip())
            if element.text:
                words.append(element.text)
            continue
        if tag and tag.lower() in blocks:
            flush()
        if element.tail and element is not root:
            words.append(element.tail)
    flush()
    return paragraphs


def _folded(text: str) -> str:
    return " ".join(text.split()).casefold()
