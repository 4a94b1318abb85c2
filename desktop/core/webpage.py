"""A saved web page → one article: its main text, and what the page says about itself.

A page saved from a browser holds the article among menus, related links, comments and
footers. :func:`read_page` returns

* the article's text — the headline, the page's date/source stamp line as shown on the
  page, then the main text only — which becomes the document text every offset refers to;
* a :class:`PageInfo`: title, site, author, the page's address, and the *date clues* the
  page carries (``<meta>`` publication times, JSON-LD ``datePublished``, ``itemprop``,
  ``<time datetime>``, page-script variables, the visible stamp near the headline, the
  address). Which clue becomes the publication date is decided in :mod:`.published`.

The main text comes from trafilatura (the established extractor, measured against our old
whole-page reader in ``tests/benchmarks/bench_html_reading.py``); when it misses the page's
densest run of sentences (pages it reads as a menu or a list of links), that run is used
instead. Nothing is fetched and no script runs: only the markup is read.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from functools import cache

from .published import stamp_of_line
from .resources import word_list

#: Elements whose text is never visible article text.
_INVISIBLE = frozenset({"script", "style", "noscript", "template", "svg", "iframe", "object", "head",
                        "select", "textarea", "button", "option"})
_BLOCK = frozenset({
    "p", "div", "br", "li", "ul", "ol", "tr", "td", "th", "table", "section", "article", "header",
    "footer", "nav", "aside", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "hr", "title",
    "dd", "dt", "dl", "figcaption", "figure", "form", "center", "main", "body", "html", "tbody", "thead",
})
_SPACES = re.compile(r"[\s\u3000\u00a0\u2002\u2003\u200b]+")
_PUNCT = re.compile(r"[，。！？；、：,!?;“”]")


@dataclass(frozen=True, slots=True)
class DateClue:
    """A publication time as the page states it, before it is read as a date."""

    kind: str  # meta | script | time | stamp | url | modified
    source: str  # where it was found, for the reader: "<meta article:published_time>"
    value: str  # as written


@dataclass(frozen=True, slots=True)
class PageInfo:
    """What a saved page says about its article."""

    title: str | None = None
    site: str | None = None
    author: str | None = None
    url: str | None = None
    clues: tuple[DateClue, ...] = ()
    stamp_line: str | None = None  # the page's visible date/source line under the headline
    bylines: tuple[str, ...] = ()  # the page's byline lines under the headline (本报记者 …)
    extractor: str = "whole page"  # trafilatura | densest text | whole page


@dataclass(slots=True)
class _Line:
    text: str
    links: int  # characters inside <a>
    tag: str  # the block element that closed the line (h1 for a headline)


@cache
def _date_keys() -> dict[str, int]:
    return {key: rank for rank, key in enumerate(word_list("cues", "page_date_keys.txt"))}


def date_key_rank(name: str) -> int | None:
    """Rank of a metadata / script name that states the publication time (0 = most trusted)."""
    return _date_keys().get(_key(name))


def _key(name: str) -> str:
    return re.sub(r"\s+", "", name).lower().lstrip("$_")


@cache
def _modified_keys() -> frozenset[str]:
    return frozenset(word_list("cues", "page_modified_keys.txt"))


def _clean(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


# ---------------------------------------------------------------- visible lines

def _visible_lines(root) -> list[_Line]:
    """The page's visible text as lines (one per block), each with its link characters."""
    lines: list[_Line] = []
    parts: list[str] = []
    links = [0]

    def flush(tag: str) -> None:
        text = _clean("".join(parts))
        if text:
            lines.append(_Line(text, min(links[0], len(text)), tag))
        parts.clear()
        links[0] = 0

    def add(text: str, in_link: bool) -> None:
        parts.append(text)
        if in_link:
            links[0] += len(_clean(text))

    # An explicit stack, not recursion: a page may nest deeper than Python's recursion limit.
    # Each entry is (element, inside a link, children visited).
    stack: list[tuple[object, bool, bool]] = [(root, False, False)]
    while stack:
        element, in_link, visited = stack.pop()
        tag = element.tag.lower() if isinstance(element.tag, str) else ""
        if visited:
            if tag in _BLOCK:
                flush(tag)
            if element.tail:
                add(element.tail, in_link)
            continue
        if not tag or tag in _INVISIBLE:
            if element.tail:
                add(element.tail, in_link)
            continue
        if tag in _BLOCK:
            flush(tag)
        inner = in_link or tag == "a"
        if element.text:
            add(element.text, inner)
        stack.append((element, in_link, True))
        stack.extend((child, inner, False) for child in reversed(element))
    flush("")
    return lines


def _densest_run(lines: list[_Line]) -> tuple[int, int]:
    """``[first, last)`` of the run of lines with the most sentence text and the fewest links."""
    best, best_span = 0.0, (0, 0)
    total, start = 0.0, 0
    for index, line in enumerate(lines):
        length = len(line.text)
        own = length - line.links
        if line.links > length / 2:
            score = -(3 + min(length, 30) / 2)
        elif _PUNCT.search(line.text) and own >= 10:
            score = float(own)
        else:
            score = -(2 + min(own, 30) / 5)
        if total <= 0:
            total, start = 0.0, index
        total += score
        if total > best:
            best, best_span = total, (start, index + 1)
    return best_span


# ---------------------------------------------------------------- metadata

def _meta_clues(root) -> tuple[list[DateClue], dict[str, str]]:
    clues: list[tuple[int, DateClue]] = []
    meta: dict[str, str] = {}
    for element in root.iter("meta"):
        name = (element.get("property") or element.get("name") or element.get("itemprop") or "").strip()
        content = (element.get("content") or "").strip()
        if not name or not content:
            continue
        meta.setdefault(name.lower(), content)
        rank = date_key_rank(name)
        if rank is not None:
            clues.append((rank, DateClue("meta", f"<meta {name}>", content)))
        elif _key(name) in _modified_keys():
            clues.append((len(_date_keys()), DateClue("modified", f"<meta {name}>", content)))
    for element in root.iter():
        if not isinstance(element.tag, str) or element.tag == "meta":
            continue
        if (element.get("itemprop") or "").strip().lower() == "datepublished":
            value = element.get("datetime") or element.get("content") or element.text_content()
            if value and value.strip():
                clues.append((_date_keys()["datepublished"], DateClue("meta", "itemprop datePublished", value.strip())))
    return [clue for _, clue in sorted(clues, key=lambda item: item[0])], meta


def _walk_json(value, found: dict[str, str]) -> None:
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(item, str) and date_key_rank(key) is not None:
                found.setdefault("datePublished" if key == "datePublished" else f"date:{key}", item)
            elif key in ("author", "publisher") and key not in found:
                names = item if isinstance(item, list) else [item]
                text = [n.get("name") if isinstance(n, dict) else n for n in names]
                text = [t.strip() for t in text if isinstance(t, str) and t.strip()]
                if text:
                    found[key] = "、".join(text)
            else:
                _walk_json(item, found)
    elif isinstance(value, list):
        for item in value:
            _walk_json(item, found)


def _json_ld(root) -> dict[str, str]:
    found: dict[str, str] = {}
    for element in root.iter("script"):
        if (element.get("type") or "").strip().lower() != "application/ld+json" or not element.text:
            continue
        try:
            _walk_json(json.loads(element.text, strict=False), found)
        except ValueError:
            continue
    return found


_SCRIPT_VAR = re.compile(r"""["']?([A-Za-z_$][\w$:.-]{1,40})["']?\s*[:=]\s*["']([^"'\n]{6,40})["']""")


def _script_clues(root) -> list[DateClue]:
    found: list[tuple[int, int, DateClue]] = []
    for number, element in enumerate(root.iter("script")):
        if (element.get("type") or "").strip().lower() == "application/ld+json" or not element.text:
            continue
        for match in _SCRIPT_VAR.finditer(element.text):
            rank = date_key_rank(match[1])
            if rank is not None and re.search(r"(?:19|20)\d\d", match[2]):
                found.append((rank, number, DateClue("script", f"page script {match[1]}", match[2].strip())))
    seen: set[str] = set()
    clues = []
    for _, _, clue in sorted(found, key=lambda item: (item[0], item[1])):
        if clue.source not in seen:  # the first value of each variable: later ones list other articles
            seen.add(clue.source)
            clues.append(clue)
    return clues


def _time_clues(root) -> list[DateClue]:
    for element in root.iter("time"):
        value = (element.get("datetime") or "").strip()
        if value:
            return [DateClue("time", "<time datetime>", value)]
    return []


_SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)\s*(https?://[^\s>]+)\s*-->", re.I)


def _page_url(root, markup: str, meta: dict[str, str]) -> str | None:
    for element in root.iter("link"):
        if (element.get("rel") or "").strip().lower() == "canonical" and element.get("href", "").startswith("http"):
            return element.get("href").strip()
    if meta.get("og:url", "").startswith("http"):
        return meta["og:url"]
    if match := _SAVED_FROM.search(markup[:3000]):
        return match[1]
    return _wrapper_attribute(markup, "url")


def _wrapper_attribute(markup: str, name: str) -> str:
    """An attribute of the element an archive wrapped the saved page in
    (``<text id="http://…" title="…">`` before ``<html>``): ``url`` is any absolute address."""
    head = re.match(r"\s*<(?!html|!)[a-z]+\b([^>]*)>", markup[:3000], re.I)
    if not head:
        return ""
    if name == "url":
        found = re.search(r"""=\s*["'](https?://[^"'\s]+)["']""", head[1])
    else:
        found = re.search(name + r"""\s*=\s*["']([^"']*)["']""", head[1])
    return html.unescape(found[1]).strip() if found else ""


# ---------------------------------------------------------------- title, site, stamp

_TITLE_TAIL = re.compile(r"^(.{4,}?)\s*(?:_+|\s[-–—|｜]\s?|[-–—|｜]\s)\s*([^_|｜]{1,24})$")


def _split_title(title: str) -> tuple[str, list[str]]:
    """``标题_栏目_网站`` → (``标题``, [``网站``, ``栏目``])."""
    tails = []
    while match := _TITLE_TAIL.match(title):
        title, tail = match[1].strip(" _-–—|｜"), match[2].strip()
        tails.append(tail)
    return title, tails


def _find_headline(lines: list[_Line], names: list[str]) -> tuple[int | None, str | None]:
    """Index and text of the visible headline: the longest line that the page's own title
    (``<title>``, ``og:title``) starts with, else an ``<h1>`` that the title contains."""
    squashed = [_squash(name) for name in names if name]
    best: tuple[int, str] | None = None
    for index, line in enumerate(lines):
        text = _squash(line.text)
        if (6 <= len(text) <= 90 and line.links < len(text) and line.tag != "title"
                and any(name.startswith(text) for name in squashed) and (best is None or len(line.text) > len(best[1]))):
            best = (index, line.text)
    if best:
        return best
    for index, line in enumerate(lines):
        text = _squash(line.text)
        if line.tag == "h1" and len(text) >= 4 and any(text in name for name in squashed):
            return index, line.text
    return None, None


_HEADING_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6")


@cache
def publication_labels() -> tuple[str, ...]:
    return word_list("cues", "publication_labels.txt")


def _headline_over_labelled_stamp(lines: list[_Line]) -> tuple[int | None, str | None]:
    """When the page's title names only the site (``新闻动态--某学会官网``): the heading right
    above the first stamp line labelled as a publication time (``发布时间：2019-05-18``)."""
    labels = publication_labels()
    for index, line in enumerate(lines):
        if any(label in line.text for label in labels) and _is_stamp_line(line):
            for back in range(index - 1, max(index - 3, -1), -1):
                if lines[back].tag in _HEADING_TAGS and 4 <= len(_squash(lines[back].text)) <= 90:
                    return back, lines[back].text
            return None, None
    return None, None


def _is_stamp_line(line: _Line) -> bool:
    return line.links < len(line.text) / 2 and stamp_of_line(line.text) is not None


_MONTH_DAY_TIME = re.compile(r"(?<![\d年/-])\d{1,2}\s*[-/月]\s*\d{1,2}\s*日?\s*\d{1,2}:\d\d")


def _find_stamp(lines: list[_Line], headline: int | None) -> tuple[str | None, str | None]:
    """The page's visible date stamp: the first stamp line close after (or just before) the
    headline; and, when there is none, a stamp line without the year (``发布时间：10-08 12:00``)."""
    if headline is None:
        return None, None
    after = lines[headline + 1 : headline + 16]
    before = list(reversed(lines[max(0, headline - 4) : headline]))
    for line in after + before:
        if _is_stamp_line(line):
            return line.text, None
    for line in after:
        if len(line.text) <= 60 and _MONTH_DAY_TIME.search(line.text):
            return None, line.text
    return None, None


# A name as pages state it (a person or a desk): no digits, addresses or user ids.
_PERSON = re.compile(r"^[\u4e00-\u9fff·A-Za-z][\u4e00-\u9fff·A-Za-z .、，,]{1,30}$")
@cache
def _byline_cues() -> tuple[str, ...]:
    return word_list("cues", "bylines.txt") + word_list("cues", "author_cues.txt")


def _find_bylines(lines: list[_Line], headline: int | None) -> list[str]:
    """Short lines under the headline that name the author (本报记者 王小明, 作者：…)."""
    if headline is None:
        return []
    return [line.text for line in lines[headline + 1 : headline + 8]
            if len(line.text) <= 40 and line.links < len(line.text) / 2 and not _PUNCT_END.search(line.text)
            and any(cue in line.text for cue in _byline_cues())]


_PUNCT_END = re.compile(r"[。！？]")
_AUTHOR_IN_STAMP = re.compile(r"(?:作者|记者|文)\s*[:：/]?\s*([\u4e00-\u9fff·]{2,4}(?:\s+[\u4e00-\u9fff·]{2,4}){0,3})")


def _author(meta: dict[str, str], ld: dict[str, str], stamp: str | None) -> str | None:
    for value in (meta.get("author"), meta.get("article:author"), ld.get("author")):
        if value and _PERSON.match(value.strip()):
            return value.strip()
    if stamp and (match := _AUTHOR_IN_STAMP.search(stamp)):
        return match[1]
    return None


# ---------------------------------------------------------------- main text

def _trafilatura_text(markup: str) -> str | None:
    try:
        import trafilatura
    except ImportError:  # the reader still works without it: the densest run is used
        return None
    try:
        return trafilatura.extract(markup, output_format="txt", include_comments=False, include_tables=True,
                                   include_images=False, include_links=False, deduplicate=False,
                                   with_metadata=False)
    except Exception:  # noqa: BLE001 - a failure of the extractor must not lose the page
        return None


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


_TABLE_RULE = re.compile(r"^[\s|:\\-]*$")


def _table_cells(line: str) -> list[str]:
    """trafilatura writes a table row as ``| a | b |`` (``\\|`` for a bar in a cell, ``---|---``
    under a header row): one line per cell, as on the page."""
    line = _clean(line)
    if _TABLE_RULE.match(line):
        return []
    row = line.startswith("|") or line.endswith("|")
    cells = re.split(r"(?<!\\)\|", line) if row else [line]
    return [cell for cell in (_clean(c.replace("\\|", "|")) for c in cells) if cell and cell != "\\"]


def _heading_key(line: str) -> str:
    return line.strip(" ■□●·•▶>#【】[]〔〕：:-—").strip()


@cache
def _comment_headings() -> frozenset[str]:
    return frozenset(word_list("cues", "comment_headings.txt"))


@cache
def _list_headings() -> frozenset[str]:
    return frozenset(word_list("cues", "related_lists.txt"))


def _trim(paragraphs: list[str]) -> list[str]:
    """The article without what trafilatura left after it: the comment section, a trailing
    link list, and the menu closing the page."""
    total = sentence_chars(paragraphs)
    for index, line in enumerate(paragraphs):
        key = _heading_key(line)
        above = sentence_chars(paragraphs[:index])
        # a heading above the article (a sidebar first in the markup) cuts nothing
        if key in _comment_headings() and above >= MIN_SENTENCE_CHARS:
            paragraphs = paragraphs[:index]
            break
        if key in _list_headings() and above >= 0.7 * total:
            paragraphs = paragraphs[:index]
            break
    # the page's closing menu, as trafilatura writes a list: "- 推荐", "- 娱乐" …
    while paragraphs and paragraphs[-1].startswith("- ") and len(paragraphs[-1]) <= 12:
        paragraphs = paragraphs[:-1]
    return paragraphs


def sentence_chars(lines: list[str]) -> int:
    """Characters in lines that hold a finished sentence (what an article is made of)."""
    return sum(len(line) for line in lines if len(line) >= 20 and _SENTENCE_END.search(line))


_SENTENCE_END = re.compile(r"[。！？!?]")

#: Below this many characters of finished sentences, the extractor took a menu, a list of
#: links or a login box for the article, and the page's densest run of text is used instead.
MIN_SENTENCE_CHARS = 50


def _main_lines(markup: str, lines: list[_Line]) -> tuple[list[str], str]:
    extracted = _trafilatura_text(markup)
    paragraphs = _trim([cell for line in (extracted or "").split("\n") for cell in _table_cells(line)])
    if sentence_chars(paragraphs) >= MIN_SENTENCE_CHARS:
        return paragraphs, "trafilatura"
    first, last = _densest_run(lines)
    dense = [line.text for line in lines[first:last]]
    if sentence_chars(dense) > sentence_chars(paragraphs):
        return dense, "densest text"
    if paragraphs:
        return paragraphs, "trafilatura"
    return [line.text for line in lines], "whole page"


# ---------------------------------------------------------------- the page

def _prepared(markup: str) -> str:
    """Markup the parsers read whole: no XML declaration (lxml refuses it in a str), and no
    ``</body>`` / ``</html>`` (pages saved from templates go on after them, and libxml2
    drops what follows)."""
    markup = re.sub(r"^\s*<\?xml[^>]*>", "", markup)
    return re.sub(r"</(?:body|html)\s*>", "", markup, flags=re.I)


def _parse(markup: str):
    import lxml.html

    return lxml.html.document_fromstring(markup)


def read_page(markup: str) -> tuple[str, PageInfo] | None:
    """The article text of a saved page and what the page says about it (None: not parseable)."""
    markup = _prepared(markup)
    try:
        root = _parse(markup)
    except Exception:  # noqa: BLE001 - lxml refuses some garbage: the caller falls back to plain text
        return None
    meta_clues, meta = _meta_clues(root)
    ld = _json_ld(root)
    clues = list(meta_clues)
    for key in sorted((k for k in ld if k.startswith("date")), key=lambda k: k != "datePublished"):
        clues.insert(0 if key == "datePublished" else len(clues), DateClue("meta", f"JSON-LD {key.removeprefix('date:')}", ld[key]))
    clues += _script_clues(root) + _time_clues(root)
    title_tag = _clean(next((t.text_content() for t in root.iter("title")), "")) or _wrapper_attribute(markup, "title")
    og_title = _clean(meta.get("og:title", ""))
    lines = _visible_lines(root)  # the whole tree: some pages go on after </html>
    headline_at, headline = _find_headline(lines, [og_title, title_tag])
    if headline_at is None:
        headline_at, headline = _headline_over_labelled_stamp(lines)
    stripped, tails = _split_title(og_title or title_tag)
    title = headline or stripped or None
    stamp, stamp_no_year = _find_stamp(lines, headline_at)
    if stamp:
        clues.append(DateClue("stamp", "the page's date line", stamp))
    elif stamp_no_year:
        clues.append(DateClue("stamp-no-year", "the page's date line", stamp_no_year))
        stamp = stamp_no_year
    url = _page_url(root, markup, meta) or None
    if url:
        clues.append(DateClue("url", "the page's address", url))
    site = meta.get("og:site_name") or (tails[0] if tails else None)
    author = _author(meta, ld, stamp)
    paragraphs, extractor = _main_lines(markup, lines)
    if title and paragraphs and _squash(paragraphs[0]) == _squash(title):
        paragraphs = paragraphs[1:]
    head = [title] if title else []
    bylines = _find_bylines(lines, headline_at)
    for line in ([stamp] if stamp else []) + bylines:
        # shown under the headline, where the page shows it, even if the extractor put it elsewhere
        paragraphs = [p for p in paragraphs if p != line]
        if line not in head:
            head.append(line)
    text = "\n".join(head) + ("\n\n" if head else "") + "\n".join(paragraphs) + "\n"
    info = PageInfo(title=title, site=site, author=author, url=url, clues=tuple(clues),
                    stamp_line=stamp, bylines=tuple(bylines), extractor=extractor)
    return text, info
