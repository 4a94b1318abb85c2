"""An article's publication date, from every form real files carry, and how it was obtained.

The forms, most trusted first (:func:`find_published`):

* a saved page's own statement (:mod:`.webpage` collects the clues): ``<meta>``
  publication times, JSON-LD ``datePublished``, ``itemprop``, page-script variables
  (据网页元数据), then the stamp shown under the headline (据页首日期), ``<time datetime>``, the
  page's address (据原文地址);
* a header line in any common form (据文首日期): Chinese (``2005年03月21日11:21``,
  ``发布时间：2019-09-26 10:09:11``), ISO 8601 with time and zone, RFC 2822
  (``Mon, 10 Aug 2026 19:00:00 +0800``, ``… GMT``) — times with a zone are converted to
  Beijing time, the day the reader saw;
* a dateline (``中广网唐山６月１２日消息``) whose year comes from the original address or the
  file name, when they agree within a week (据电头（年份据原文地址）): the dateline is the day
  of the report, the address the day of the repost;
* a date in the original address (据原文地址) or in the file name (据文件名);
* a day given in the lead (``今天(15日)``, 据导语日期);
* a dateline whose year comes from the rest of the article — a full date naming the same
  day, else the latest year it mentions — marked inferred (据电头（年份推断）);
* a signature date at the end (据落款日期), or, failing all, an inference from the content
  (据内容推断, low confidence).

:attr:`Published.label` is the short phrase shown to readers; :attr:`Published.detail`
adds what exactly was read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime
from functools import cache
from typing import TYPE_CHECKING

from desktop.core.dates.intervals import plan_first_year
from desktop.core.language import language
from desktop.core.resources import word_list
from desktop.core.text.numerals import to_int

if TYPE_CHECKING:
    from desktop.core.reading.articles import Line
    from desktop.core.reading.reader import Document

CONF_META = 0.95
CONF_HEADER = 0.95
CONF_URL = 0.85
CONF_DATELINE_ADDRESS = 0.85
CONF_FILENAME = 0.8
CONF_LEAD_DAY = 0.6
CONF_DATELINE_INFERRED = 0.5
CONF_INFERRED = 0.4

BEIJING = timezone(timedelta(hours=8))

BASIS_LABELS = {
    "meta": ("据网页元数据", "from the page's metadata"),
    "page-stamp": ("据页首日期", "from the date under the headline"),
    "header": ("据文首日期", "from the date at the top"),
    "url": ("据原文地址", "from the page's address"),
    "filename": ("据文件名", "from the file name"),
    "dateline": ("据电头", "from the dateline"),
    "lead-day": ("据导语日期", "from the date in the lead"),
    "signature": ("据落款日期", "from the date of the signature"),
    "inferred": ("据内容推断", "inferred from the text"),
    "user": ("由用户设定", "set by the user"),
    "unknown": ("日期不详", "date unknown"),
}
_YEAR_LABELS = {
    "url": ("年份据原文地址", "year from the address"), "filename": ("年份据文件名", "year from the file name"),
    "page": ("年份据网页元数据", "year from the metadata"), "inferred": ("年份推断", "year inferred"),
}


def basis_label(basis: str, year_basis: str | None = None, lang: str | None = None) -> str:
    """How a publication date was obtained, as a reader says it: 据网页元数据, 据电头（年份推断）
    / from the dateline (year inferred)."""
    english = (lang or language()) == "en"
    label = BASIS_LABELS.get(basis, (basis, basis))[english]
    if year_basis in _YEAR_LABELS:
        year = _YEAR_LABELS[year_basis][english]
        label += f" ({year})" if english else f"（{year}）"
    return label


def basis_in(stored: str, lang: str | None = None) -> str:
    """The label part of a stored basis (``据电头（年份推断）：新华网…``) in ``lang``."""
    label = str(stored).split("：", 1)[0]
    for basis, (zh, _) in BASIS_LABELS.items():
        if label == zh:
            return basis_label(basis, None, lang)
        for year_basis, (year_zh, _) in _YEAR_LABELS.items():
            if label == f"{zh}（{year_zh}）":
                return basis_label(basis, year_basis, lang)
    return label


_QUOTED = re.compile(r"“[^”]*”|(?:https?://|www\.)\S+|[\w.-]+\.(?:html?|txt|md|shtml)\b")


def basis_detail(stored: str, lang: str | None = None) -> str:
    """What a publication date was read from, in full (the detail pane's tooltip): the stored
    wording in Chinese; in English the basis in English and the evidence as the text writes it
    (the quoted stamp, the address, the file name)."""
    stored = str(stored)
    if (lang or language()) != "en":
        return stored
    evidence = _QUOTED.findall(stored.split("：", 1)[1] if "：" in stored else "")
    label = basis_in(stored, "en")
    return f"{label}: {'; '.join(evidence)}" if evidence else label


@dataclass(frozen=True, slots=True)
class Published:
    """Publication date as far as it is known, and how it was obtained."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    basis: str = "unknown"  # meta | page-stamp | header | url | filename | dateline | lead-day | signature | inferred | unknown
    detail: str = "日期不详：文中未见日期"
    confidence: float = 0.0
    time: str | None = None  # HH:MM or HH:MM:SS (Beijing time) when the source gives it
    year_basis: str | None = None  # for a dateline: where the year came from (url | filename | inferred)

    @property
    def label(self) -> str:
        """The basis as stored with the events (Chinese, the table's one wording): 据网页元数据,
        据电头（年份推断）…; :func:`basis_in` says it in the user's language."""
        return basis_label(self.basis, self.year_basis, "zh")

    @property
    def inferred(self) -> bool:
        return self.basis == "inferred" or self.year_basis == "inferred"

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


def _made(found: Stamp, basis: str, evidence: str, confidence: float, year_basis: str | None = None) -> Published:
    published = Published(found.year, found.month, found.day, basis, "", confidence, found.time, year_basis)
    return Published(found.year, found.month, found.day, basis, f"{published.label}：{evidence}", confidence,
                     found.time, year_basis)


# ---------------------------------------------------------------- reading one stamp

_FULL_WIDTH = str.maketrans("０１２３４５６７８９：－／．　", "0123456789:-/. ")


def ascii_digits(text: str) -> str:
    """Full-width digits and separators as ASCII, one character for one (offsets are kept)."""
    return text.translate(_FULL_WIDTH)


@dataclass(frozen=True, slots=True)
class Stamp:
    """A date read from a stamp: day (or month) precision, with the time when given."""

    year: int
    month: int
    day: int | None
    time: str | None = None

    @property
    def date(self) -> date | None:
        return date(self.year, self.month, self.day) if self.day else None


_RFC2822 = re.compile(
    r"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun),?\s+)?\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*"
    r"\s+\d{4}\s+\d{1,2}:\d\d(?::\d\d)?\s*(?:[+-]\d{4}|GMT|UTC|UT|Z|[ECMP][SD]T)?",
    re.I,
)
_ISO = re.compile(
    r"((?:19|20)\d\d)-(\d{1,2})-(\d{1,2})(?:[T\s-]+(\d{1,2}):(\d\d)(?::(\d\d))?(?:\.\d+)?\s*(Z|[+-]\d\d:?\d\d)?)?"
)
_NUMERIC = re.compile(
    r"((?:19|20)\d\d)\s*(?:[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})(?!\d)|年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?)"
    r"(?:\s*(?:星期.|周.|[（(][^)）]{0,6}[)）]))?\s*(?:(\d{1,2})\s*[:：时]\s*(\d\d)(?:\s*[:：分]\s*(\d\d))?)?"
)
# 25/07/2009: day first, as European and many Chinese sources write it
_DAY_FIRST = re.compile(r"(?<!\d)(\d{1,2})/(\d{1,2})/((?:19|20)\d\d)(?!\d)(?:\s+(\d{1,2}):(\d\d)(?::(\d\d))?)?")
_MONTH_ONLY = re.compile(r"^\s*((?:19|20)\d\d)\s*(?:[-/.]|年)\s*(\d{1,2})\s*月?\s*$")


def _valid(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _clock(hour: str | None, minute: str | None, second: str | None) -> str | None:
    if hour is None or minute is None or not (0 <= int(hour) <= 23 and 0 <= int(minute) <= 59):
        return None
    return f"{int(hour):02d}:{minute}" + (f":{second}" if second else "")


def _in_beijing(moment: datetime) -> Stamp:
    if moment.tzinfo is not None:
        moment = moment.astimezone(BEIJING)
    return Stamp(moment.year, moment.month, moment.day, moment.strftime("%H:%M:%S"))


def parse_stamp(value: str) -> tuple[Stamp, tuple[int, int]] | None:
    """The first date of a stamp and its span: RFC 2822, ISO 8601 (zones → Beijing time),
    numeric or Chinese ``年月日`` with an optional time."""
    text = ascii_digits(value)
    if match := _RFC2822.search(text):
        try:
            return _in_beijing(parsedate_to_datetime(match[0])), match.span()
        except (TypeError, ValueError):
            pass
    for match in _ISO.finditer(text):
        if match[4] is None:
            break  # no time: the general pattern below reads it
        zone = match[7]
        try:
            moment = datetime(int(match[1]), int(match[2]), int(match[3]), int(match[4]), int(match[5]),
                              int(match[6] or 0))
        except ValueError:
            continue
        if zone:
            offset = timedelta(0) if zone == "Z" else timedelta(
                hours=int(zone[1:3]), minutes=int(zone[-2:])) * (1 if zone[0] == "+" else -1)
            return _in_beijing(moment.replace(tzinfo=timezone(offset))), match.span()
        return Stamp(moment.year, moment.month, moment.day, _clock(match[4], match[5], match[6])), match.span()
    for match in _NUMERIC.finditer(text):
        month, day = (match[2], match[3]) if match[2] else (match[4], match[5])
        if _valid(int(match[1]), int(month), int(day)):
            return Stamp(int(match[1]), int(month), int(day), _clock(match[6], match[7], match[8])), match.span()
    for match in _DAY_FIRST.finditer(text):
        if _valid(int(match[3]), int(match[2]), int(match[1])):
            return Stamp(int(match[3]), int(match[2]), int(match[1]), _clock(match[4], match[5], match[6])), match.span()
    return None


@cache
def _stamp_labels() -> tuple[str, ...]:
    return word_list("cues", "stamp_labels.txt")


_CLOCK_OR_WEEKDAY = re.compile(r"\d{1,2}[:：]\d\d(?:[:：]\d\d)?|星期.|周[一二三四五六日天]|更新|[|｜/()（）\[\]【】:：·,，\-]")
_URL_IN_LINE = re.compile(r"https?://\S+|www\.\S+")


def stamp_of_line(line: str) -> Stamp | None:
    """The date of a line that *is* a date stamp (``2019-02-09 19:10:03``, ``发布时间：… 来源：…``,
    ``Mon, 10 Aug 2026 19:00:00 +0800``, ``2005-12``), not of a headline or sentence holding a date."""
    core = _URL_IN_LINE.sub("", ascii_digits(line)).strip().lstrip("\ufeff")
    if not core or len(core) > 120 or "。" in core:
        return None
    if month := _MONTH_ONLY.match(core):
        if 1 <= int(month[2]) <= 12:
            return Stamp(int(month[1]), int(month[2]), None)
        return None
    found = parse_stamp(core)
    if found is None:
        return None
    stamp, (start, end) = found
    rest = _CLOCK_OR_WEEKDAY.sub("", core[:start] + core[end:]).strip()
    if len(rest) <= 12 or any(label in core for label in _stamp_labels()):
        return stamp
    return None


# ---------------------------------------------------------------- page clues

def _from_page(doc: Document) -> Published | None:
    page = getattr(doc, "page", None)
    if page is None:
        return None
    ranked = {"meta": 0, "script": 1, "stamp": 2, "time": 3, "url": 4}
    for clue in sorted((c for c in page.clues if c.kind in ranked), key=lambda c: ranked[c.kind]):
        if clue.kind == "url":
            found = _date_in_address(clue.value)
            if found:
                return _made(Stamp(found.year, found.month, found.day), "url", f"网页地址 {clue.value}", CONF_URL)
            continue
        if clue.kind == "stamp":
            stamp = stamp_of_line(clue.value)
            if stamp and stamp.day:
                return _made(stamp, "page-stamp", f"“{clue.value}”", CONF_HEADER)
            continue
        if clue.kind == "stamp-no-year":
            continue
        parsed = parse_stamp(clue.value)
        if parsed:
            return _made(parsed[0], "meta", f"{clue.source} = {clue.value}", CONF_META)
    return _stamp_without_year(page.clues)


_MONTH_DAY_STAMP = re.compile(r"(?<![\d年/-])(\d{1,2})\s*[-/月]\s*(\d{1,2})\s*日?\s*(\d{1,2}):(\d\d)")


def _stamp_without_year(clues) -> Published | None:
    """A visible stamp without the year (``发布时间：10-08 12:00``) takes it from another date the
    page states for the same day (its modification time, its address)."""
    stamps = [c for c in clues if c.kind == "stamp-no-year"]
    others = [parse_stamp(c.value) for c in clues if c.kind in ("modified", "url")]
    for clue in stamps:
        match = _MONTH_DAY_STAMP.search(ascii_digits(clue.value))
        if not match:
            continue
        month, day = int(match[1]), int(match[2])
        for other in others:
            if other and (other[0].month, other[0].day) == (month, day):
                stamp = Stamp(other[0].year, month, day, _clock(match[3], match[4], None))
                return _made(stamp, "page-stamp", f"“{clue.value}”，年份取自页面的其他日期", CONF_URL, "page")
    return None


# ---------------------------------------------------------------- header, address, file name

def _from_header(lines: list[Line], header_end: int) -> Published | None:
    head = lines[: max(header_end, 1) + 2][:20]
    for line in head:
        stamp = stamp_of_line(line.text)
        if stamp:
            return _made(stamp, "header", f"“{line.stripped}”", CONF_HEADER)
    for line in head:
        found = loose_stamp(line.text)
        if found:
            return _made(Stamp(found.year, found.month, found.day), "header", f"“{line.stripped}”", CONF_HEADER)
    return None


def loose_stamp(line: str) -> date | None:
    """A full date in a short header line that is not a sentence (``广西日报 2024年7月9日 第3版``),
    also in Chinese numerals (``二〇二四年三月二十五日``)."""
    core = _URL_IN_LINE.sub("", line).strip().lstrip(">").strip()
    if not core or len(core) > 60 or any(c in core for c in "。，,"):
        return None
    found = parse_stamp(core)
    if found:
        return found[0].date
    from desktop.core import dates  # the engine reads dates written in Chinese numerals

    for mention in dates.find_dates(core, date.today()):
        if (mention.precision == "day" and mention.anchor == "absolute" and mention.kind == "point"
                and re.search(r"[〇零一二三四五六七八九]{4}年", core)):
            return mention.start
    return None


_ADDRESS = re.compile(r"https?://[^\s，。、；）)\]】\"'<>]+|www\.[A-Za-z0-9.-]+\.[A-Za-z]{2,}[^\s，。、；）)\]】\"'<>]*")
_ADDRESS_DATES = (
    re.compile(r"(?<!\d)((?:19|20)\d\d)(\d\d)(\d\d)(?!\d)"),  # t20240925_…, /20240925/
    re.compile(r"/((?:19|20)\d\d)-(\d\d)/(\d\d)/"),  # /2024-09/25/
    re.compile(r"/((?:19|20)\d\d)-(\d\d)-(\d\d)/"),  # /2005-03-21/
    re.compile(r"/((?:19|20)\d\d)(\d\d)/(\d\d)/"),  # /202409/25/
    re.compile(r"/((?:19|20)\d\d)/(\d\d)(\d\d)/"),  # /2024/0925/
    re.compile(r"/((?:19|20)\d\d)/(\d\d)/(\d\d)/"),  # /2005/07/18/
    re.compile(r"/(\d\d)(\d\d)(\d\d)/"),  # /050404/ (yymmdd, older portals)
)


def _date_in_address(url: str) -> date | None:
    best = None
    for number, pattern in enumerate(_ADDRESS_DATES):
        for match in pattern.finditer(url):
            year = int(match[1]) + (2000 if number == len(_ADDRESS_DATES) - 1 else 0)
            found = _valid(year, int(match[2]), int(match[3]))
            if found and (best is None or found > best):
                best = found
        if best and number < len(_ADDRESS_DATES) - 1:
            return best
    return best


def addresses_in(text: str) -> list[str]:
    return [m[0] for m in _ADDRESS.finditer(text)]


def _address_date(text: str) -> tuple[date, str] | None:
    best: tuple[date, str] | None = None
    for url in addresses_in(text):
        found = _date_in_address(url)
        if found and (best is None or found > best[0]):
            best = (found, url)
    return best


_NAME_DATE = re.compile(r"(?<![0-9A-Za-z])((?:19|20)\d\d)[-_.]?(\d\d)[-_.]?(\d\d)(?![0-9A-Za-z])")


def _file_name_date(name: str) -> date | None:
    match = _NAME_DATE.search(name)
    return _valid(int(match[1]), int(match[2]), int(match[3])) if match else None


# ---------------------------------------------------------------- datelines

@cache
def _dateline_pattern() -> re.Pattern[str]:
    agencies = "|".join(sorted(map(re.escape, word_list("cues", "dateline_agencies.txt")), key=len, reverse=True))
    place = r"[\u4e00-\u9fff]{0,10}?"
    number = r"[0-9０-９]{1,2}|[〇一二三四五六七八九十]{1,3}"
    # 新华社太原2007年8月16日信息, 中新社西安十月十日电: a year before the day, numerals in characters
    day = rf"(?:(?:19|20)[0-9]{{2}}年)?({number})月({number})日"
    return re.compile(
        r"^[ \t\u3000]*(?:<[^>\n]{1,30}>[ \t]*)*[【\[]?"
        rf"((?:(?:{agencies}){place}{day}(?:电|讯|消息|专电|信息)?)"
        rf"|(?:[A-Za-z\u4e00-\u9fff]{{1,8}}(?:网|社|报|台|新闻|之家|客户端){place}{day}(?:电|讯|消息|专电|信息)))"
        r"(?:\s*[（(][^）)\n]{0,30}[）)])?",
        re.M,
    )


def datelines(text: str) -> list[re.Match[str]]:
    """Datelines at the start of a line: ``新华社石家庄4月12日电（记者 王雪松）``, ``路透北京9月27日``,
    ``中广网唐山６月１２日消息``, ``IT之家9月30日消息`` — a filing stamp, not an event."""
    return list(_dateline_pattern().finditer(text))


def _dateline_in_lead(text: str, lines: list[Line], header_end: int) -> tuple[int, int, str] | None:
    body = [line for line in lines[header_end:] if line.stripped][:4]
    for line in body:
        for match in _dateline_pattern().finditer(line.text):
            month, day = to_int(match[2] or match[4]) or 0, to_int(match[3] or match[5]) or 0
            if 1 <= month <= 12 and 1 <= day <= 31:
                return month, day, match[1]
    return None


_EXPLICIT_YEAR = re.compile(r"(?<![到至迄面向争])((?:19|20)\d\d)年(?![前后代底末内间])")


def _year_named_with(text: str, month: int, day: int) -> int | None:
    """The year of a full date in the text that names the dateline's day (``2011年8月25日``)."""
    years = []
    for match in re.finditer(r"((?:19|20)\d\d)年(\d{1,2})月(\d{1,2})日", ascii_digits(text)):
        found = _valid(int(match[1]), int(match[2]), int(match[3]))
        anchor = _valid(int(match[1]), month, day)
        if found and anchor and abs((found - anchor).days) <= 3:
            years.append(found.year)
    return max(years) if years else None


def _dateline_with_year(text: str, lines: list[Line], header_end: int, year_source: tuple[date, str, str] | None,
                        ) -> Published | None:
    found = _dateline_in_lead(text, lines, header_end)
    if found is None:
        return None
    month, day, written = found
    if year_source is not None:
        source_day, kind, where = year_source
        for year in (source_day.year, source_day.year - 1):
            candidate = _valid(year, month, day)
            if candidate and timedelta(0) <= source_day - candidate <= timedelta(days=7):
                what = "原文地址" if kind == "url" else "文件名"
                return _made(Stamp(year, month, day), "dateline",
                             f"“{written}”，年份取自{what} {where}", CONF_DATELINE_ADDRESS, kind)
        return None
    year = _year_named_with(text, month, day)
    how = f"正文中的“{year}年{month}月{day}日”" if year else None
    if year is None:
        inferred = _published_inferred(text)
        year = inferred.year if inferred and inferred.year else None
        if year is None:
            years = [int(m[1]) for m in _EXPLICIT_YEAR.finditer(ascii_digits(text))]
            year = max(years) if years else None
        how = f"文中最晚的年份 {year}" if year else None
    if year is None or _valid(year, month, day) is None:
        return None
    return _made(Stamp(year, month, day), "dateline", f"“{written}”，年份推断自{how}", CONF_DATELINE_INFERRED,
                 "inferred")


# ---------------------------------------------------------------- lead, signature, inference

_LEAD_DAY = re.compile(r"(今天|今日|昨天|昨日)\s*[（(]\s*(\d{1,2})\s*日\s*[）)]")
_YEAR_IN_NAME = re.compile(r"((?:19|20)\d\d)\s*年?(?=[\u4e00-\u9fff])")


def _from_lead(lines: list[Line], header_end: int) -> Published | None:
    body = [line for line in lines[header_end:] if line.stripped][:3]
    for line in body:
        match = _LEAD_DAY.search(ascii_digits(line.text))
        if not match:
            continue
        day = int(match[2]) + (1 if match[1] in ("昨天", "昨日") else 0)
        if not 1 <= day <= 31:
            continue
        sentence_end = line.text.find("。", match.end())
        years = [int(y[1]) for y in _YEAR_IN_NAME.finditer(line.text[: sentence_end if sentence_end >= 0 else None])]
        if not years:
            return Published(None, None, day, "lead-day", f"据导语日期：导语只给出日“{match[0]}”",
                             CONF_LEAD_DAY / 2)
        return Published(years[0], None, day, "lead-day",
                         f"据导语日期：导语“{match[0]}”（{day}日），同句提到{years[0]}年，月份未载明",
                         CONF_LEAD_DAY)
    return None


_PLAN_OPENING = re.compile(r"[“\"‘「]?十([一二三四五六七八九])五[”\"’」]?(?:规划)?(?:的)?开局")
_FULL_YEAR_STATS = re.compile(
    r"((?:19|20)\d\d)年(?:全年)?[，,]?[^。；\n]{0,60}?(?:同比|增长|下降|生产总值|总产值|成交额|接待|实现)"
)
_UNDATED_MONTH_DAY = re.compile(r"(?<![\d年])(\d{1,2})月(\d{1,2})日")
_CN_DIGITS = "一二三四五六七八九"


def _published_inferred(text: str) -> Published | None:
    """Publication inferred from what the text reports as done, for texts with no stamp."""
    evidence: list[str] = []
    year = None
    stats = [int(m[1]) for m in _FULL_YEAR_STATS.finditer(text)]
    if stats:
        year = max(stats) + 1
        evidence.append(f"{max(stats)}年全年统计已作为完成的数字报道")
    for match in _PLAN_OPENING.finditer(text):
        n = _CN_DIGITS.index(match[1]) + 11
        start = plan_first_year(n)
        evidence.append(f"“{match[0]}”= {start}年")
        year = max(year or 0, start)
    if year is None:
        # Mentioned years only bound the date from below: not enough to resolve 去年 or 今天.
        past = [int(m[1]) for m in _EXPLICIT_YEAR.finditer(text)]
        if not past:
            return None
        return Published(detail=f"日期不详：文中最晚提到{max(past)}年，发表当在该年或其后")
    days = [d for m in _UNDATED_MONTH_DAY.finditer(text) if (d := _valid(year, int(m[1]), int(m[2])))]
    if days:
        latest = max(days)
        found = latest + timedelta(days=1)
        evidence.append(f"未注年份的{latest.month}月{latest.day}日（图片说明或导语）读作{year}年，发表于次日")
        return Published(found.year, found.month, found.day, "inferred",
                         "据内容推断：" + "；".join(evidence), CONF_INFERRED)
    return Published(year, None, None, "inferred", "据内容推断：" + "；".join(evidence), CONF_INFERRED / 2)


_DATE_ALONE = re.compile(r"^(?:(?:19|20)\d\d|[〇零一二三四五六七八九]{4})年[\d〇零一二三四五六七八九十]{1,2}月"
                         r"[\d〇零一二三四五六七八九十]{1,3}日$")


def is_date_alone(line: str) -> bool:
    """A full date alone on its line: a signature or issue stamp (落款), not an event."""
    return bool(_DATE_ALONE.match(line.replace(" ", "").replace("\u3000", "")))


_STAMP_ALONE = re.compile(
    r"^(?:[-*·•]\s*)?(?:(?:19|20)\d\d[-/.]\d{1,2}[-/.]\d{1,2}(?:[ T\u3000]+\d{1,2}:\d\d(?::\d\d)?)?"
    r"|(?:19|20)\d\d年\d{1,2}月\d{1,2}日[ \u3000]*\d{1,2}:\d\d(?::\d\d)?)$"
)


def is_stamp_alone(line: str) -> bool:
    """A time stamp alone on its line (``2020-01-21 19:42:00``; ``- 2020年07月06日 16:50:44`` in a
    list of comments): the time a post or comment was made, never an event, even in a file
    read without its header."""
    return bool(_STAMP_ALONE.match(line.strip()))


#: A date written the way machines write it (2019-09-06, 2005/04/01 09:56, 2005-04-03 17:19PM).
#: News prose writes 2019年9月6日; this form is the stamp a page prints on a post or a link.
_NUMERIC_STAMP = re.compile(
    r"(?<!\d)(?:19|20)\d\d([-/])\d{1,2}\1\d{1,2}(?!\d)(?:[ T\u3000]*\d{1,2}:\d\d(?::\d\d)?(?:\s*[AaPp][Mm])?)?"
)
#: After the stamp of a link, the page may print the link's section (香港, 上海观察, 中国外交).
_LINK_TAIL = re.compile(r"[)）]?[\s\u3000]*[^\s。！？；，,.!?]{0,8}(?:[\s\u3000]+[^\s。！？；，,.!?]{1,8})?[\s\u3000]*")
_LIST_MARK = ("- ", "* ", "·", "•")


def is_numeric_stamp(text: str) -> bool:
    """Whether a date expression is written as a machine stamp (``2019-09-06 20:47``): the time
    a page or a link was posted, never an event of the article."""
    return _NUMERIC_STAMP.fullmatch(text.strip()) is not None


def is_link_list_line(line: str) -> bool:
    """A line of links to other articles, each title with its stamp: two stamps or more
    (``…被激发2019-09-07美国还重要吗？2019-08-27…``, ``·标题（2005-04-03 17:19PM） ·标题（…）``), or a
    list item that ends with its stamp and section (``- 海口市委书记张琦落马 2019-09-06 19:41 廉政风暴``).
    Its titles are other articles' news, not this one's."""
    stamps = list(_NUMERIC_STAMP.finditer(line))
    if len(stamps) >= 2:
        return True
    return bool(stamps) and line.lstrip().startswith(_LIST_MARK) \
        and _LINK_TAIL.fullmatch(line, stamps[-1].end()) is not None


def _from_signature(lines: list[Line]) -> Published | None:
    """A press release or notice signed at its end with the date (机关名 / 2025年5月28日)."""
    tail = [line for line in lines if line.stripped][-6:]
    for line in reversed(tail):
        if is_date_alone(line.stripped):
            found = loose_stamp(line.text)
            if found:
                return _made(Stamp(found.year, found.month, found.day), "signature", f"“{line.stripped}”", CONF_URL)
    return None


#: A document signed with its date (a notice, a decision) was issued that day; a site posts
#: it within days. Beyond this the signature is some other document's date.
SIGNATURE_BEFORE_POSTING = timedelta(days=7)


def _signed_before(stated: Published, lines: list[Line]) -> Published | None:
    """The signature date of a document posted a few days later: the day it was issued."""
    signed = _from_signature(lines)
    posted = stated.date
    if signed is None or signed.date is None or posted is None:
        return None
    if not timedelta(days=1) <= posted - signed.date <= SIGNATURE_BEFORE_POSTING:
        return None
    return Published(signed.year, signed.month, signed.day, "signature",
                     f"{signed.detail}；{stated.label}为 {posted.isoformat()}（发布于签署之后）", signed.confidence)


# ---------------------------------------------------------------- the rule order

def find_published(doc: Document, lines: list[Line], header_end: int) -> Published:
    """Publication date by the most reliable rule that applies (see the module docstring)."""
    stated = _from_page(doc) or _from_header(lines, header_end)
    if stated is not None:
        return _signed_before(stated, lines) or stated
    address = _address_date(doc.text)
    name_day = _file_name_date(doc.path.stem)
    year_source = ((address[0], "url", address[1]) if address
                   else (name_day, "filename", doc.path.name) if name_day else None)
    if year_source is not None:
        dated = _dateline_with_year(doc.text, lines, header_end, year_source)
        if dated is not None:
            return dated
    if address is not None:
        return _made(Stamp(address[0].year, address[0].month, address[0].day), "url",
                     f"文中原文地址 {address[1]}", CONF_URL)
    if name_day is not None:
        return _made(Stamp(name_day.year, name_day.month, name_day.day), "filename",
                     f"文件名 {doc.path.name}", CONF_FILENAME)
    for candidate in (
        _from_lead(lines, header_end),
        _dateline_with_year(doc.text, lines, header_end, None),
        _from_signature(lines),
    ):
        if candidate is not None and candidate.year is not None:
            return candidate
    inferred = _published_inferred(doc.text)
    return inferred or Published()
