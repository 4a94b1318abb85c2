"""A decoded document → its articles, each with title, outlet and publication date.

A file is usually one article, but a scanned newspaper page holds several (a main story,
another story under its own heading and byline, photo captions). This module finds:

* the *furniture* of a news page — header stamps, share buttons, breadcrumbs, copyright
  and disclaimer lines — as excluded ranges, so no event is taken from them;
* the publication date and **how it was obtained** (:class:`Published`): a header stamp,
  the date in the original address (``…/202409/t20240925_…``), a day given in the lead
  (``今天(15日)``), or, failing all, inferred from the content (latest full-year
  statistics, ``"十五五"开局``, undated photo captions) with a low confidence;
* the outlet (``来源:``, ``X | 记者``, a credit such as ``(中经视觉)`` or the original
  address's host, mapped through ``resources/cues/outlets.tsv``);
* the articles of the file (:class:`Article`), as spans of the document text.

Everything here is rules over the text's layout; nothing refers to particular files.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cache

from desktop.core.reading.published import (
    Published,
    datelines,
    find_published,
    is_date_alone,
    is_link_list_line,
    is_stamp_alone,
    loose_stamp,
    stamp_of_line,
)
from desktop.core.reading.reader import Document
from desktop.core.resources import resource_path, word_list
from desktop.core.text.tags import leading_tags_end, opens_with_topic_tag, strip_leading_tags

__all__ = ["Article", "Published", "find_published", "split_articles"]

@dataclass(slots=True)
class Article:
    """One article: a span of a document's text with its metadata."""

    id: str
    doc: Document
    span: tuple[int, int]
    title: str | None
    title_basis: str
    outlet: str | None
    outlet_basis: str
    published: Published
    kind: str = "article"  # article | caption
    excluded: list[tuple[int, int]] = field(default_factory=list)
    site: str | None = None  # a saved page: the site it was saved from
    author: str | None = None  # a saved page: the author it names

    @property
    def file(self) -> str:
        return self.doc.name

    @property
    def text(self) -> str:
        return self.doc.text[self.span[0] : self.span[1]]


@dataclass(frozen=True, slots=True)
class Line:
    start: int
    end: int  # exclusive, without the newline
    text: str

    @property
    def stripped(self) -> str:
        return self.text.strip()


def split_lines(text: str) -> list[Line]:
    lines: list[Line] = []
    pos = 0
    for raw in text.split("\n"):
        lines.append(Line(pos, pos + len(raw), raw))
        pos += len(raw) + 1
    return lines


# ---------------------------------------------------------------- page furniture

_STAMP = re.compile(
    r"((?:19|20)\d\d)\s*[-/年.]\s*(\d{1,2})\s*[-/月.]\s*(\d{1,2})\s*日?(?:\s*(\d{1,2}):(\d\d)(?::\d\d)?)?"
)
_URL = re.compile(r"https?://[^\s，。、；）)\]】\"'<>]+|www\.[A-Za-z0-9.-]+\.[A-Za-z]{2,}[^\s，。、；）)\]】\"'<>]*")
_SENTENCE_END = "。！？!?”’\"』」…"


@cache
def _boilerplate_prefixes() -> tuple[str, ...]:
    """How boilerplate lines open (``boilerplate.txt``), without the brackets :func:`_core` drops."""
    return tuple(word.strip("【】") for word in word_list("cues", "boilerplate.txt"))


@cache
def _byline_words() -> tuple[str, ...]:
    return word_list("cues", "bylines.txt")


def _core(line: str) -> str:
    return line.strip().lstrip("【[〔(（ ").strip()


# 《 人民日报 》（ 2024年06月03日 第 01 版）: the print edition of a web article
_PRINT_EDITION = re.compile(r"^《\s*[^》]{2,20}\s*》\s*[（(][^）)]*第\s*\d+\s*版\s*[）)]\s*$")
# a "related news" list item: a short title ending in its date (… 08-14, … 2024-08-14)
_LISTED_LINK = re.compile(
    r"^[^。！？!?]{4,60}?(?:\s+|[\[（(])(?:\d{4}[-/.])?\d{2}[-/.]\d{2}[\]）)]?\s*$"
    r"|^\s*[\[【（(](?:\d{4}[-/.])?\d{2}[-/.]\d{2}[\]】）)][^。！？!?]{4,60}$"
)


def is_boilerplate(line: str) -> bool:
    core = _core(line)
    if not core:
        return False
    if _PRINT_EDITION.match(line.strip()) or _LISTED_LINK.match(line.strip()):
        return True
    if core.startswith(_boilerplate_prefixes()):
        return True
    return "版权" in core and any(w in core for w in ("转载", "所有", "授权", "声明"))


def is_byline(line: str) -> bool:
    core = line.strip()
    if len(core) > 40 or any(ch in core for ch in "。，,！？"):
        return False
    return any(word in core for word in _byline_words())


def _stamp_date(line: str) -> date | None:
    """The full date of a header line (``2024-02-24 07:53``, ``二〇二四年三月二十五日``)."""
    stamp = stamp_of_line(line)
    return stamp.date if stamp is not None and stamp.date else loose_stamp(line)


def _is_stamp_line(line: str) -> bool:
    return _stamp_date(line) is not None


def urls_in(text: str) -> list[str]:
    return [m[0] for m in _URL.finditer(text)]


def _is_title_like(line: str) -> bool:
    # a microblog post's headline may end with a full stop (某委员会确认某市首例输入性病例。)
    core = line.strip().lstrip("#").strip().removesuffix("。")
    return (4 <= len(core) <= 60 and core[-1] not in "。；;：:，," and not is_boilerplate(core)
            and not _URL.fullmatch(core))  # the page's address on a line of its own names no story


def _is_breadcrumb(line: str) -> bool:
    return ">" in line or "＞" in line or "›" in line


_BOOK_TITLE = re.compile(r"《[^《》\n]*》")


def _is_body_paragraph(line: str) -> bool:
    core = line.strip()
    # a comma inside 《…》 is part of a title (《坚定文化自信，建设社会主义文化强国》), not of a sentence
    bare = _BOOK_TITLE.sub("《》", core)
    if len(core) >= 15 and core[-1] in "。！？!?”；;" and any(ch in bare for ch in "，,。"):
        return True
    return len(core) >= 40 and any(ch in bare for ch in "。，,！？")


# 央视网消息（新闻联播）：, 本报讯： a lead-in on a line of its own: what follows is the story,
# even a story's headline that is not yet a sentence; a line that opens with one is the story's
# first (央视网消息（新闻联播）：日前，中共中央决定： over a list of appointments)
_LEAD_IN = re.compile(r"^[\u4e00-\u9fff]{1,10}(?:[（(][^（）()]{1,12}[）)])?(?:消息|讯|电)(?:[（(][^（）()]{1,12}[）)])?[：:]")


#: A time stamp alone on one of a file's first lines closes its header at least: what stands
#: above it is the headline, however much it reads like a sentence.
_STAMP_LINES = 3


def _stamp_floor(lines: list[Line]) -> int:
    """Index of a stamp alone on one of the first non-empty lines (``2020-01-21 19:42:00``), or -1."""
    shown = [index for index, line in enumerate(lines[:25]) if line.stripped][:_STAMP_LINES]
    return next((index for index in shown
                 if is_stamp_alone(lines[index].stripped) or is_date_alone(lines[index].stripped)), -1)


def find_header_end(lines: list[Line]) -> int:
    """Index of the first body line: everything before it is title, stamp, byline, buttons."""
    floor = _stamp_floor(lines)
    source_seen = False
    for index, line in enumerate(lines[:25]):
        if index <= floor:
            continue
        if _LEAD_IN.match(line.stripped):
            return index
        heading = line.stripped.startswith("#") and not opens_with_topic_tag(line.stripped)
        if _is_body_paragraph(line.text) and not heading:
            return index
        if floor >= 0 and _opens_the_body(lines, index, source_seen):
            return index
        source_seen = source_seen or _is_source_line(line.stripped)
    return floor + 1  # 0 when no stamp closes a header either


def _opens_the_body(lines: list[Line], index: int, source_seen: bool) -> bool:
    """Whether a line under the stamp that is not a paragraph is the heading of the first story
    (a round-up's ``今年一季度全国财政收入增幅降低`` over its paragraph) rather than the header's
    furniture: not a stamp, address, byline or button, not the source's name (the first short
    line under the stamp may be one), and right over a paragraph."""
    text = lines[index].stripped
    if len(text) < 8 or text.startswith("#") or _URL.search(text) or is_stamp_alone(text) \
            or is_date_alone(text) or is_byline(lines[index].text) or is_boilerplate(lines[index].text):
        return False
    if _is_source_line(text) and not source_seen:
        return False
    following = next((line for line in lines[index + 1:index + 4] if line.stripped), None)
    return following is not None and _is_body_paragraph(following.text)


# 〔2021〕7号, [2023]48号: a document number, whose year and number are not dates
_DOCUMENT_NUMBER = re.compile(r"[〔［\[]\s*(?:19|20)\d\d\s*[〕］\]]\s*\d{1,5}\s*号")


@cache
def _list_headings() -> frozenset[str]:
    return frozenset(word_list("cues", "related_lists.txt"))


def related_list_ranges(lines: list[Line]) -> list[tuple[int, int]]:
    """A link list ("往期推荐", "相关新闻" …): its heading and the short lines under it."""
    ranges = []
    index = 0
    while index < len(lines):
        core = lines[index].stripped.strip("【】[]：:　 ▶>#")
        if core in _list_headings():
            start = lines[index].start
            end = lines[index].end
            index += 1
            while index < len(lines):
                line = lines[index].stripped
                if line and (len(line) >= 80 or line.endswith("。")):  # link titles may end in ！
                    break
                if line:
                    end = lines[index].end
                index += 1
            ranges.append((start, end))
        else:
            index += 1
    return ranges


def excluded_ranges(text: str, lines: list[Line], header_end: int) -> list[tuple[int, int]]:
    """Character ranges that are not article text: header lines, page furniture, URLs,
    datelines, link lists (under their heading, or known by their stamps), document numbers."""
    ranges: list[tuple[int, int]] = [match.span() for match in datelines(text)]
    ranges += related_list_ranges(lines)
    ranges += [match.span() for match in _DOCUMENT_NUMBER.finditer(text)]
    for index, line in enumerate(lines):
        if not line.stripped:
            continue
        if (index < header_end or is_boilerplate(line.text) or is_date_alone(line.stripped)
                or is_stamp_alone(line.stripped) or is_link_list_line(line.stripped)):
            ranges.append((line.start, line.end))
    for match in _URL.finditer(text):
        ranges.append(match.span())
    return sorted(ranges)


# ---------------------------------------------------------------- outlet

@cache
def _outlet_signatures() -> tuple[tuple[str, str, str], ...]:
    rows = []
    for line in resource_path("cues", "outlets.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            kind, pattern, outlet = line.split("\t")[:3]
            rows.append((kind, pattern, outlet))
    return tuple(rows)


_OUTLET_BEFORE_DATE = re.compile(
    r"^([\u4e00-\u9fff]{2,12}(?:报|网|社|台|客户端|杂志|周刊|日报|晚报|新闻))[\s\u3000|｜]+(?:\d{4}|[〇零一二]{4})"
)
_SOURCE = re.compile(r"来源\s*[:：]\s*([^\s|｜\d]{2,20})")
_BYLINE_OUTLET = re.compile(r"^\s*([^\s|｜]{2,20})\s*[|｜]\s*(?:本报)?记者")


def _source_name(label: str) -> str:
    """The outlet a 来源： label names, without what the line goes on to name
    (来源：中国网作者：陈维松 → 中国网; ``author_cues.txt``, ``stamp_labels.txt``,
    ``editor_labels.txt``)."""
    cut = len(label)
    closing = re.search(r"[)）\]】<|｜]", label)  # (来源：新华网）</content>: the label's own end
    if closing:
        cut = closing.start()
    for word in (*word_list("cues", "author_cues.txt"), *word_list("cues", "stamp_labels.txt"),
                 *word_list("cues", "editor_labels.txt")):
        at = label.find(word, 2)
        if at != -1:
            cut = min(cut, at)
    return label[:cut].rstrip(")）]】:：,，、")


_NOT_IN_SOURCE_LINE = re.compile(r"[。，,！？!?：:；;、“”\"《》()（）]|https?://|www\.|\d")


def _is_source_line(line: str) -> bool:
    """A line that can only be a source's name: short, no sentence marks, digits or address."""
    return 2 <= len(line) <= 20 and not _NOT_IN_SOURCE_LINE.search(line) \
        and line not in set(word_list("cues", "source_not_outlets.txt"))


def find_outlet(doc: Document, lines: list[Line], header_end: int) -> tuple[str | None, str]:
    head = lines[: header_end + 3]
    not_outlets = set(word_list("cues", "source_not_outlets.txt"))
    for line in head:
        if (match := _SOURCE.search(line.text)) and _source_name(match[1]) not in not_outlets:
            return _source_name(match[1]), f"'{line.stripped[:40]}'"
        if match := _BYLINE_OUTLET.match(line.text):
            return match[1], f"byline '{line.stripped[:40]}'"
    for line, after in zip(head, head[1:], strict=False):
        # title / 2020-01-23 08:21:15 / 央视新闻 / address: the short line right under the
        # header's date stamp names the source (feed dumps, wire copy, news-flash exports)
        if _stamp_date(line.text) is not None and _is_source_line(after.stripped):
            return after.stripped, f"header line '{after.stripped}'"
    for line in head:
        # "广西日报　2024年7月9日　第3版", "南方日报 2025-03-18 记者 …": the paper before its date
        if _stamp_date(line.text) is not None or _STAMP.search(line.text):
            match = _OUTLET_BEFORE_DATE.match(line.text.strip().lstrip("#").strip())
            if match:
                return match[1], f"header '{line.stripped[:40]}'"
    signatures = _outlet_signatures()
    page_url = [doc.page.url] if doc.page is not None and doc.page.url else []
    for url in page_url + urls_in(doc.text):
        host = re.sub(r"^https?://", "", url).split("/")[0].lower()
        hosts = [(p, o) for kind, p, o in signatures if kind == "host" and (host == p or host.endswith("." + p))]
        if hosts:
            pattern, outlet = max(hosts, key=lambda row: len(row[0]))
            return outlet, f"host of the original address {host}"
    for kind, pattern, outlet in signatures:
        if kind == "credit" and pattern in doc.text:
            return outlet, f"credit '{pattern}' in the text"
    for match in _SOURCE.finditer(doc.text):
        if _source_name(match[1]) not in not_outlets:
            return _source_name(match[1]), f"'{match[0]}'"
    return None, "not stated"


# ---------------------------------------------------------------- author

_NAME = r"[\u4e00-\u9fff·]{2,4}"
_NAMES = rf"{_NAME}(?:[ \u3000、]+{_NAME})*"
_AFTER_NAMES = r"\s*(?:发自[\u4e00-\u9fff]{0,8}|[\u4e00-\u9fff]{2,6}报道|报道|摄影?|/文|／文)?\s*"


@cache
def _author_patterns() -> tuple[re.Pattern[str], ...]:
    cues = "|".join(sorted(map(re.escape, word_list("cues", "author_cues.txt")), key=len, reverse=True))
    return (
        # （记者 胡晓蓉）, (信报记者 蔡雪婧), （姚峰 上海报道）
        re.compile(rf"[（(]\s*[^（()）\n]{{0,12}}?(?:{cues})\s*[:：]?\s*({_NAMES}){_AFTER_NAMES}[）)]"),
        # a byline line: 本报记者 葛灵丹 / 作者：郭励弘 / 顶端新闻·河南商报记者马俊峰/文
        re.compile(rf"^[^\n。，]{{0,16}}?(?:{cues})\s*[:：]?\s*({_NAMES}){_AFTER_NAMES}$", re.M),
        # 作者：X in a stamp line or running text: the colon makes it a label
        re.compile(rf"(?:作者|执笔人|执笔|撰文)\s*[:：]\s*({_NAMES})(?=$|[\s,，;；|｜)）])", re.M),
    )


# （常书香 马丹阳）, (袁源), （姚峰 上海报道）: the author's names in brackets closing the article
_CLOSING_NAMES = re.compile(rf"[（(]\s*({_NAMES}){_AFTER_NAMES}[）)]\s*$")
_NOT_A_PERSON = re.compile(r"[.,，/@_0-9]|网|網|报|報|社|台|臺|频道|新闻|新聞|消息|科技|财经|客户端|编辑|^[^\u4e00-\u9fff]*$")


@cache
def _not_names() -> frozenset[str]:
    return frozenset(word_list("cues", "author_not_names.txt"))


def _names(found: str) -> str | None:
    names = [name for name in found.split() if name not in _not_names()]
    return " ".join(names) if names else None


def find_author(doc: Document, lines: list[Line]) -> str | None:
    """The author as the article names it: a person in the page's metadata, a byline with a
    cue word (作者, 记者, 执笔人, 文/ — ``resources/cues/author_cues.txt``) in brackets, on a
    line of its own or after a colon, or names in brackets closing the text."""
    if doc.page is not None and doc.page.author and not _NOT_A_PERSON.search(doc.page.author):
        return doc.page.author
    for pattern in _author_patterns():
        for match in pattern.finditer(doc.text):
            if names := _names(match[1]):
                return names
    body = [line.stripped for line in lines if line.stripped][-3:]
    for line in reversed(body):
        if (match := _CLOSING_NAMES.search(line)) and (names := _names(match[1])):
            return names
    return None


# ---------------------------------------------------------------- titles and segments

def _heading_text(line: str) -> str:
    return line.strip().lstrip("#").strip()


_CAPTION = re.compile(r"\S{2,4}摄(?:\s*[（(][^）)\n]{1,12}[）)])?\s*$")
_LEADING_DAY = re.compile(r"^\s*(\d{1,2}月\d{1,2}日|\d{4}年\d{1,2}月\d{1,2}日)[，,]")


def is_caption(line: str) -> bool:
    core = line.strip()
    return len(core) < 200 and bool(_CAPTION.search(core))


_TAGGED_TITLE = re.compile(r"^<(\w*title)\b[^>]*>([^<]{2,120})</\1>$", re.I)


_TITLE_EDGES = " \t\u3000\u200b\u200c\u200d\ufeff"


def find_title(lines: list[Line], header_end: int) -> tuple[str | None, str]:
    """The headline from the lines above the body (None when the file has none), without the
    labels a site puts in front of it (``[视频]``, ``【…】``, ``#话题#``)."""
    title, basis = _headline(lines, header_end)
    if title:  # nor the zero-width characters a feed leaves after a headline
        title = strip_leading_tags(title).strip(_TITLE_EDGES).removesuffix("。")
    return title, basis


def _headline(lines: list[Line], header_end: int) -> tuple[str | None, str]:
    for line in lines[:header_end]:
        # a record stored as markup names its title in a tag (<contenttitle>…</contenttitle>)
        if (match := _TAGGED_TITLE.match(line.stripped)) and match[2].strip():
            return match[2].strip(), "headline"
    headings = [line for line in lines[:header_end] if line.stripped]
    candidates = [
        line for line in headings
        if _is_title_like(line.text) and not _is_stamp_line(line.text) and not _is_breadcrumb(line.text)
        # a byline never opens with a site's label: [视频]…共同会见记者 is a headline
        and (not is_byline(line.text) or leading_tags_end(line.stripped) > 0)
        and not is_boilerplate(line.text) and "|" not in line.stripped[:2]
        and not _BYLINE_OUTLET.match(line.text)
    ]
    if not candidates:
        return None, "no headline in the file"
    markdown = [line for line in candidates if line.stripped.startswith("#")]
    # A heading right above a byline is the story's title; headings above it name the page.
    for number, line in enumerate(lines[:header_end]):
        if line in markdown:
            following = [ln for ln in lines[number + 1 : number + 4] if ln.stripped][:2]
            subtitles = [ln for ln in following if _heading_text(ln.text).startswith(("——", "—", "--"))]
            if any(is_byline(ln.text) for ln in following):
                return _heading_text(line.text) + "".join(_heading_text(ln.text) for ln in subtitles), "headline"
    levels = [len(line.stripped) - len(line.stripped.lstrip("#")) for line in markdown]
    if markdown and levels[0] < min(levels[1:], default=levels[0] + 1):
        return _heading_text(markdown[0].text), "headline"  # one top-level heading: the title
    if len(markdown) >= 2:
        # A newspaper page: the first heading names the page, the next the story, and
        # a heading that starts with a dash is the story's subtitle.
        texts = [_heading_text(line.text) for line in markdown[1:]]
        title = texts[0] + "".join(t for t in texts[1:] if t.startswith(("——", "—", "--")))
        return title, "headline"
    return _heading_text(candidates[0].text), "headline"


@dataclass(frozen=True, slots=True)
class Segment:
    start: int
    end: int
    title: str | None
    kind: str  # article | caption


_TRAILER_LINE = re.compile(r"^[\u4e00-\u9fff·]{2,12}$")
_AUTHOR_LINE = re.compile(r"^[\u4e00-\u9fff]{2,4}$")
_ENDS_SENTENCE = ("。", "！", "？", "!", "?", "”", "’", "」", "』", "）", ")", "…")


def _previous_text_line(lines: list[Line], index: int) -> int | None:
    index -= 1
    while index >= 0 and not lines[index].stripped:
        index -= 1
    return index if index >= 0 else None


def column_starts(lines: list[Line], header_end: int) -> list[tuple[int, str]]:
    """Columns printed with their title and author *after* the text (a newspaper 杂谈):
    a block of 1–3 short lines, a blank, a 2–4 character name, right after a complete
    paragraph. The column starts after the nearest paragraph cut off by the page layout
    (one that does not end a sentence). Returns (offset, title) of each column."""
    found = []
    index = header_end
    while index < len(lines):
        block = []
        while index + len(block) < len(lines) and len(block) < 3 and _TRAILER_LINE.match(
            lines[index + len(block)].stripped
        ):
            block.append(index + len(block))
        after = index + len(block)
        author = after
        while author < len(lines) and not lines[author].stripped:
            author += 1
        before = _previous_text_line(lines, index)
        if (
            block and author > after and author < len(lines) and _AUTHOR_LINE.match(lines[author].stripped)
            and before is not None and lines[before].stripped.endswith(_ENDS_SENTENCE)
        ):
            start = before
            while True:
                previous = _previous_text_line(lines, start)
                if previous is None or previous < header_end or not lines[previous].stripped.endswith(_ENDS_SENTENCE):
                    break
                if lines[previous].stripped.startswith("#") or is_byline(lines[previous].text):
                    break
                start = previous
            if previous is not None and previous >= header_end and not lines[previous].stripped.startswith("#"):
                title = "".join(lines[i].stripped for i in block)
                found.append((lines[start].start, f"{title}（{lines[author].stripped}）"))
            index = author + 1
            continue
        index += 1
    return found


def find_segments(text: str, lines: list[Line], header_end: int, title: str | None) -> list[Segment]:
    """Articles of a document: the main one, later headings with a byline, dated captions."""
    starts: list[tuple[int, str | None]] = [(0, title)]
    captions: list[Segment] = []
    index = header_end
    while index < len(lines):
        line = lines[index]
        if line.stripped.startswith("#"):
            block = [line]
            while index + 1 < len(lines) and (lines[index + 1].stripped.startswith("#") or not lines[index + 1].stripped):
                index += 1
                if lines[index].stripped:
                    block.append(lines[index])
            following = [ln for ln in lines[index + 1 : index + 4] if ln.stripped][:2]
            if any(is_byline(ln.text) for ln in following):
                starts.append((block[0].start, "".join(_heading_text(b.text) for b in block)))
        elif is_caption(line.text) and _LEADING_DAY.match(line.text):
            captions.append(Segment(line.start, line.end, None, "caption"))
        index += 1
    # one start per position (a heading on the first line starts the main article too): the
    # first title given there, or a heading's when the document had none
    titled: dict[int, str | None] = {}
    for start, seg_title in starts + column_starts(lines, header_end):
        if titled.get(start) is None:
            titled[start] = seg_title
    starts = sorted(titled.items())
    segments = []
    for number, (start, seg_title) in enumerate(starts):
        end = starts[number + 1][0] if number + 1 < len(starts) else len(text)
        segments.append(Segment(start, end, seg_title, "article"))
    return segments + captions


def split_articles(doc: Document) -> list[Article]:
    """The articles of a document, main articles first, then captions, each with metadata."""
    lines = split_lines(doc.text)
    header_end = find_header_end(lines)
    title, title_basis = find_title(lines, header_end)
    published = find_published(doc, lines, header_end)
    outlet, outlet_basis = find_outlet(doc, lines, header_end)
    excluded = excluded_ranges(doc.text, lines, header_end)
    author = find_author(doc, lines)
    page = doc.page
    if page is not None:
        # A saved page is one article: its main text was already cut out of the page.
        if page.title:
            title, title_basis = page.title, "page headline"
        if outlet is None and page.site:
            outlet, outlet_basis = page.site, "the page's site name"
        segments = [Segment(0, len(doc.text), title, "article")]
    else:
        segments = find_segments(doc.text, lines, header_end, title)
    stem = doc.name.rsplit(".", 1)[0] if "." in doc.name.rsplit("/", 1)[-1] else doc.name  # a/index.txt -> a/index
    articles = []
    for number, segment in enumerate(segments, start=1):
        seg_title = segment.title
        basis = title_basis if number == 1 else "heading"
        if segment.kind == "caption":
            basis = "photo caption"
        if seg_title is None and segment.kind == "article":
            basis = "derived from the lead"
        article_excluded = [(s, e) for s, e in excluded if e > segment.start and s < segment.end]
        if segment.kind == "article":
            # A caption inside this article's span is its own article: carve it out.
            article_excluded += [
                (c.start, c.end) for c in segments
                if c.kind == "caption" and segment.start <= c.start < segment.end
            ]
        if segment.kind == "article" and number > 1:
            # Heading and byline of a later article are furniture too.
            for line in lines:
                if segment.start <= line.start < segment.end and (
                    line.stripped.startswith("#") or is_byline(line.text)
                ):
                    article_excluded.append((line.start, line.end))
        articles.append(
            Article(
                id=stem if len(segments) == 1 else f"{stem}#{number}",
                doc=doc,
                span=(segment.start, segment.end),
                title=seg_title,
                title_basis=basis,
                outlet=outlet,
                outlet_basis=outlet_basis,
                published=published,
                kind=segment.kind,
                excluded=sorted(article_excluded),
                site=page.site if page else None,
                author=author,
            )
        )
    return articles
