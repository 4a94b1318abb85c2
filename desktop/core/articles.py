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
from datetime import date, timedelta
from functools import cache

from .reader import Document
from .resources import resource_path, word_list

CONF_HEADER = 0.95
CONF_URL = 0.85
CONF_LEAD_DAY = 0.6
CONF_INFERRED = 0.4


@dataclass(frozen=True, slots=True)
class Published:
    """Publication date as far as it is known, and how it was obtained."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    basis: str = "unknown"  # header | url | lead-day | dateline | signature | inferred | unknown
    detail: str = "no date found in the file"
    confidence: float = 0.0

    @property
    def date(self) -> date | None:
        """The full date, when year, month and day are all known."""
        if self.year and self.month and self.day:
            return date(self.year, self.month, self.day)
        return None

    @property
    def edtf(self) -> str | None:
        if self.year is None:
            return None
        month = f"{self.month:02d}" if self.month else "XX"
        if self.day:
            return f"{self.year:04d}-{month}-{self.day:02d}"
        return f"{self.year:04d}" if not self.month else f"{self.year:04d}-{month}"

    @property
    def reference(self) -> date | None:
        """The date relative expressions are resolved against (a stand-in when partial).

        With only the year known, the middle of the year stands in; callers check
        :attr:`month_known` before trusting anything finer than the year.
        """
        if self.year is None:
            return None
        return date(self.year, self.month or 7, self.day or (15 if not self.month else 1))

    @property
    def month_known(self) -> bool:
        return self.year is not None and self.month is not None


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
    return word_list("cues", "boilerplate.txt")


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
    if any(core.startswith(p.strip("【】")) for p in _boilerplate_prefixes()):
        return True
    return "版权" in core and any(w in core for w in ("转载", "所有", "授权", "声明"))


def is_byline(line: str) -> bool:
    core = line.strip()
    if len(core) > 40 or any(ch in core for ch in "。，,！？"):
        return False
    return any(word in core for word in _byline_words())


def _is_stamp_line(line: str) -> bool:
    return _stamp_date(line) is not None


def _is_title_like(line: str) -> bool:
    core = line.strip().lstrip("#").strip()
    return 4 <= len(core) <= 60 and core[-1] not in "。；;：:，," and not is_boilerplate(core)


def _is_breadcrumb(line: str) -> bool:
    return ">" in line or "＞" in line or "›" in line


def _is_body_paragraph(line: str) -> bool:
    core = line.strip()
    if len(core) >= 15 and core[-1] in "。！？!?”" and any(ch in core for ch in "，,。"):
        return True
    return len(core) >= 40 and any(ch in core for ch in "。，,！？")


def find_header_end(lines: list[Line]) -> int:
    """Index of the first body line: everything before it is title, stamp, byline, buttons."""
    for index, line in enumerate(lines[:25]):
        if _is_body_paragraph(line.text) and not line.stripped.startswith("#"):
            return index
    return 0


# 新华社石家庄4月12日电（记者 王雪松）, 本报北京3月5日讯: a filing stamp, not an event.
_DATELINE = re.compile(
    r"^\s*((?:新华社|中新社|中新网|本报|人民网|央视网|央广网|光明网|中国日报网|法制网)"
    r"[\u4e00-\u9fff]{0,8}?(\d{1,2})月(\d{1,2})日(?:电|讯))"
    r"(?:\s*[（(][^）)\n]{0,30}[）)])?",
    re.M,
)


def datelines(text: str) -> list[re.Match[str]]:
    return list(_DATELINE.finditer(text))


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


_DATE_ALONE = re.compile(r"^(?:(?:19|20)\d\d|[〇零一二三四五六七八九]{4})年[\d〇零一二三四五六七八九十]{1,2}月"
                         r"[\d〇零一二三四五六七八九十]{1,3}日$")


def _is_date_alone(line: str) -> bool:
    """A full date alone on its line: a signature or issue stamp (落款), not an event."""
    return bool(_DATE_ALONE.match(line.replace(" ", "").replace("\u3000", "")))


def excluded_ranges(text: str, lines: list[Line], header_end: int) -> list[tuple[int, int]]:
    """Character ranges that are not article text: header lines, page furniture, URLs,
    datelines, link lists, document numbers."""
    ranges: list[tuple[int, int]] = [match.span() for match in datelines(text)]
    ranges += related_list_ranges(lines)
    ranges += [match.span() for match in _DOCUMENT_NUMBER.finditer(text)]
    for index, line in enumerate(lines):
        if not line.stripped:
            continue
        if index < header_end or is_boilerplate(line.text) or _is_date_alone(line.stripped):
            ranges.append((line.start, line.end))
    for match in _URL.finditer(text):
        ranges.append(match.span())
    return sorted(ranges)


# ---------------------------------------------------------------- publication date

def _valid(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _stamp_date(line: str) -> date | None:
    """The full date of a header line (``2024-02-24 07:53``, ``二〇二四年三月二十五日``)."""
    core = _URL.sub("", line).strip().lstrip(">").strip()
    if not core or len(core) > 60 or any(c in core for c in "。，,"):
        return None
    match = _STAMP.search(core)
    if match:
        return _valid(int(match[1]), int(match[2]), int(match[3]))
    from . import dates  # the engine reads dates written in Chinese numerals

    for mention in dates.find_dates(core, date.today()):
        if mention.precision == "day" and mention.anchor == "absolute" and mention.kind == "point":
            return mention.start
    return None


def _published_from_header(lines: list[Line], header_end: int) -> Published | None:
    for line in lines[: max(header_end, 1) + 2][:20]:
        found = _stamp_date(line.text)
        if found:
            return Published(
                found.year, found.month, found.day, "header",
                f"header stamp '{line.stripped}'", CONF_HEADER,
            )
    return None


_URL_DATES = (
    re.compile(r"(?<!\d)((?:19|20)\d\d)(\d\d)(\d\d)(?!\d)"),  # t20240925_…, /20240925/
    re.compile(r"/((?:19|20)\d\d)-(\d\d)/(\d\d)/"),  # /2024-09/25/
    re.compile(r"/((?:19|20)\d\d)(\d\d)/(\d\d)/"),  # /202409/25/
    re.compile(r"/((?:19|20)\d\d)/(\d\d)(\d\d)/"),  # /2024/0925/
)


def urls_in(text: str) -> list[str]:
    return [m[0] for m in _URL.finditer(text)]


def _published_from_url(text: str) -> Published | None:
    best: tuple[date, str] | None = None
    for url in urls_in(text):
        for pattern in _URL_DATES:
            for match in pattern.finditer(url):
                found = _valid(int(match[1]), int(match[2]), int(match[3]))
                if found and (best is None or found > best[0]):
                    best = (found, url)
    if best is None:
        return None
    found, url = best
    return Published(
        found.year, found.month, found.day, "url",
        f"no header date; the original address {url} carries {found.isoformat()}", CONF_URL,
    )


_LEAD_DAY = re.compile(r"(今天|今日|昨天|昨日)\s*[（(]\s*(\d{1,2})\s*日\s*[）)]")
_YEAR_IN_NAME = re.compile(r"((?:19|20)\d\d)\s*年?(?=[\u4e00-\u9fff])")


def _published_from_lead(lines: list[Line], header_end: int) -> Published | None:
    body = [line for line in lines[header_end:] if line.stripped][:3]
    for line in body:
        match = _LEAD_DAY.search(line.text)
        if not match:
            continue
        day = int(match[2]) + (1 if match[1] in ("昨天", "昨日") else 0)
        if not 1 <= day <= 31:
            continue
        sentence_end = min((i for i in (line.text.find("。", match.end()),) if i >= 0), default=len(line.text))
        years = [int(y[1]) for y in _YEAR_IN_NAME.finditer(line.text[:sentence_end])]
        if not years:
            return Published(None, None, day, "lead-day",
                             f"the lead gives only the day: '{match[0]}'", CONF_LEAD_DAY / 2)
        year = years[0]
        return Published(
            year, None, day, "lead-day",
            f"no header date; the lead says '{match[0]}' (day {day}) and names the year {year} "
            f"in the same sentence; the month is not stated",
            CONF_LEAD_DAY,
        )
    return None


_PLAN_OPENING = re.compile(r"[“\"‘「]?十([一二三四五六七八九])五[”\"’」]?(?:规划)?(?:的)?开局")
_FULL_YEAR_STATS = re.compile(
    r"((?:19|20)\d\d)年(?:全年)?[，,]?[^。；\n]{0,60}?(?:同比|增长|下降|生产总值|总产值|成交额|接待|实现)"
)
_EXPLICIT_YEAR = re.compile(r"(?<![到至迄面向争])((?:19|20)\d\d)年(?![前后代底末内间])")
_UNDATED_MONTH_DAY = re.compile(r"(?<![\d年])(\d{1,2})月(\d{1,2})日")
_CN_DIGITS = "一二三四五六七八九"


def _published_inferred(text: str) -> Published | None:
    """Publication inferred from what the text reports as done, for pages with no stamp."""
    evidence: list[str] = []
    year = None
    stats = [int(m[1]) for m in _FULL_YEAR_STATS.finditer(text)]
    if stats:
        year = max(stats) + 1
        evidence.append(f"full-year {max(stats)} statistics reported as completed")
    for match in _PLAN_OPENING.finditer(text):
        n = _CN_DIGITS.index(match[1]) + 11
        start = 1966 + 5 * (n - 3)
        evidence.append(f"'{match[0]}' = {start}")
        year = max(year or 0, start)
    if year is None:
        # Mentioned years only bound the date from below: not enough to resolve 去年 or 今天.
        past = [int(m[1]) for m in _EXPLICIT_YEAR.finditer(text)]
        if not past:
            return None
        return Published(detail=f"no date found; the latest year mentioned is {max(past)}, "
                                "so it was published in or after that year")
    days = [d for m in _UNDATED_MONTH_DAY.finditer(text) if (d := _valid(year, int(m[1]), int(m[2])))]
    if days:
        latest = max(days)
        found = latest + timedelta(days=1)
        evidence.append(
            f"undated day {latest.month}月{latest.day}日 (photo caption or lead) read in {year}; "
            f"published the day after"
        )
        return Published(found.year, found.month, found.day, "inferred",
                         "no date printed; inferred: " + "; ".join(evidence), CONF_INFERRED)
    return Published(year, None, None, "inferred",
                     "no date printed; inferred: " + "; ".join(evidence), CONF_INFERRED / 2)


def _published_from_dateline(text: str) -> Published | None:
    """A news-agency dateline gives month and day; the year must come from the content."""
    found = datelines(text)
    if not found:
        return None
    match = found[0]
    month, day = int(match[2]), int(match[3])
    inferred = _published_inferred(text)
    year = inferred.year if inferred and inferred.year else None
    if year is None:
        years = [int(m[1]) for m in _EXPLICIT_YEAR.finditer(text)]
        year = max(years) if years else None
    if year is None or _valid(year, month, day) is None:
        return None
    return Published(year, month, day, "dateline",
                     f"dateline '{match[1]}'; the year {year} read from the content", CONF_LEAD_DAY)


def _published_from_signature(lines: list[Line]) -> Published | None:
    """A press release or notice signed at its end with the date (机关名 / 2025年5月28日)."""
    tail = [line for line in lines if line.stripped][-6:]
    for line in reversed(tail):
        if _is_date_alone(line.stripped):
            found = _stamp_date(line.text)
            if found:
                return Published(found.year, found.month, found.day, "signature",
                                 f"no header date; the signature line '{line.stripped}'", CONF_URL)
    return None


def find_published(doc: Document, lines: list[Line], header_end: int) -> Published:
    """Publication date by the most reliable rule that applies."""
    for candidate in (
        _published_from_header(lines, header_end),
        _published_from_url(doc.text),
        _published_from_lead(lines, header_end),
        _published_from_dateline(doc.text),
        _published_from_signature(lines),
    ):
        if candidate is not None and candidate.year is not None:
            return candidate
    inferred = _published_inferred(doc.text)
    return inferred or Published()


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


def find_outlet(doc: Document, lines: list[Line], header_end: int) -> tuple[str | None, str]:
    head = lines[: header_end + 3]
    for line in head:
        if match := _SOURCE.search(line.text):
            return match[1], f"'{line.stripped[:40]}'"
        if match := _BYLINE_OUTLET.match(line.text):
            return match[1], f"byline '{line.stripped[:40]}'"
    for line in head:
        # "广西日报　2024年7月9日　第3版", "南方日报 2025-03-18 记者 …": the paper before its date
        if _stamp_date(line.text) is not None or _STAMP.search(line.text):
            match = _OUTLET_BEFORE_DATE.match(line.text.strip().lstrip("#").strip())
            if match:
                return match[1], f"header '{line.stripped[:40]}'"
    signatures = _outlet_signatures()
    for url in urls_in(doc.text):
        host = re.sub(r"^https?://", "", url).split("/")[0].lower()
        hosts = [(p, o) for kind, p, o in signatures if kind == "host" and (host == p or host.endswith("." + p))]
        if hosts:
            pattern, outlet = max(hosts, key=lambda row: len(row[0]))
            return outlet, f"host of the original address {host}"
    for kind, pattern, outlet in signatures:
        if kind == "credit" and pattern in doc.text:
            return outlet, f"credit '{pattern}' in the text"
    for match in _SOURCE.finditer(doc.text):
        return match[1], f"'{match[0]}'"
    return None, "not stated"


# ---------------------------------------------------------------- titles and segments

def _heading_text(line: str) -> str:
    return line.strip().lstrip("#").strip()


_CAPTION = re.compile(r"\S{2,4}摄(?:\s*[（(][^）)\n]{1,12}[）)])?\s*$")
_LEADING_DAY = re.compile(r"^\s*(\d{1,2}月\d{1,2}日|\d{4}年\d{1,2}月\d{1,2}日)[，,]")


def is_caption(line: str) -> bool:
    core = line.strip()
    return len(core) < 200 and bool(_CAPTION.search(core))


def find_title(lines: list[Line], header_end: int) -> tuple[str | None, str]:
    """The headline from the lines above the body (None when the file has none)."""
    headings = [line for line in lines[:header_end] if line.stripped]
    candidates = [
        line for line in headings
        if _is_title_like(line.text) and not _is_stamp_line(line.text) and not _is_breadcrumb(line.text)
        and not is_byline(line.text) and not is_boilerplate(line.text) and "|" not in line.stripped[:2]
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
    starts = sorted(starts + column_starts(lines, header_end))
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
    segments = find_segments(doc.text, lines, header_end, title)
    stem = doc.path.stem
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
            )
        )
    return articles
