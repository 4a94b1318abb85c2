"""Dates, precisions, tenses and amounts as a reader says them, in Chinese or English (detail
pane, list, PDF, exports): one wording rule for each, per language."""

from __future__ import annotations

from datetime import date
from typing import Any

from desktop.core.dates import clock_of_edtf
from desktop.core.language import MONTHS_EN, language, ordinal_en
from desktop.core.text.amounts import Amount, format_amount

PRECISION_NAMES = {
    "day": ("日", "day"), "week": ("周", "week"), "month": ("月", "month"), "quarter": ("季度", "quarter"),
    "season": ("季节", "season"), "half-year": ("半年", "half-year"), "year": ("年", "year"),
    "decade": ("年代", "decade"), "century": ("世纪", "century"), "range": ("时间段", "period"),
    "open-range": ("开放时间段", "open period"), "vague": ("约略", "approximate"),
    "recent": ("近期（发布前数周）", "recent (weeks before publication)"), "hour": ("时", "hour"),
    "minute": ("分", "minute"),
}
TENSE_NAMES = {"past": ("已发生", "happened"), "ongoing": ("进行中", "ongoing"), "planned": ("计划/预期", "planned")}
_QUARTERS = ("一", "二", "三", "四")
_SEASONS = {"21": ("春季", "Spring"), "22": ("夏季", "Summer"), "23": ("秋季", "Autumn"), "24": ("冬季", "Winter")}
_MONTHS_EN = MONTHS_EN


def _lang(lang: str | None) -> str:
    return lang or language()


def _ymd(value: date, lang: str | None = None) -> str:
    if _lang(lang) == "en":
        return f"{value.day} {_MONTHS_EN[value.month - 1]} {value.year}"
    return f"{value.year}年{value.month}月{value.day}日"


def _month(year: int, month: int, lang: str | None = None) -> str:
    return f"{_MONTHS_EN[month - 1]} {year}" if _lang(lang) == "en" else f"{year}年{month}月"


def _year(year: int, lang: str | None = None) -> str:
    return f"{year}" if _lang(lang) == "en" else f"{year}年"


def _span(start: date, end: date, lang: str | None = None) -> str:
    """``2019年—2021年`` / ``2019–2021`` style, dropping what the ends share and whole-unit ends."""
    en = _lang(lang) == "en"
    dash = "–" if en else "—"
    whole_years = (start.month, start.day) == (1, 1) and (end.month, end.day) == (12, 31)
    if whole_years:
        if start.year == end.year:
            return _year(start.year, lang)
        return f"{start.year}{dash}{end.year}" if en else f"{start.year}年—{end.year}年"
    next_day = date.fromordinal(end.toordinal() + 1)
    whole_months = start.day == 1 and next_day.day == 1
    if whole_months:
        if (start.year, start.month) == (end.year, end.month):
            return _month(start.year, start.month, lang)
        if start.year == end.year:
            if en:
                return f"{_MONTHS_EN[start.month - 1]}{dash}{_MONTHS_EN[end.month - 1]} {start.year}"
            return f"{start.year}年{start.month}月—{end.month}月"
        return f"{_month(start.year, start.month, lang)}{dash}{_month(end.year, end.month, lang)}"
    if start == end:
        return _ymd(start, lang)
    if start.year == end.year:
        if en:
            if start.month == end.month:
                return f"{start.day}{dash}{end.day} {_MONTHS_EN[start.month - 1]} {start.year}"
            return f"{start.day} {_MONTHS_EN[start.month - 1]}{dash}{_ymd(end, lang)}"
        if start.month == end.month:
            return f"{start.year}年{start.month}月{start.day}日—{end.day}日"
        return f"{start.year}年{start.month}月{start.day}日—{end.month}月{end.day}日"
    return f"{_ymd(start, lang)}{dash}{_ymd(end, lang)}"


def _without_year(edtf: str, en: bool) -> str:
    """A partial date (``XXXX-05-16``, ``XXXX-05``, ``XXXX-05-16T15:30``, a range of them) as a
    reader says it: ``5月16日（年份不详）`` / ``16 May (year unknown)``."""
    def one(part: str) -> str:
        day_part, _, clock = part.partition("T")
        fields = day_part.split("-")[1:]
        month = int(fields[0]) if fields and fields[0].isdigit() else None
        day = int(fields[1]) if len(fields) > 1 and fields[1].isdigit() else None
        if en:
            text = " ".join(x for x in (str(day) if day else "", MONTHS_EN[month - 1] if month else "") if x)
        else:
            text = (f"{month}月" if month else "") + (f"{day}日" if day else "")
        return f"{text} {clock}" if clock else text
    text = "–".join(one(p) for p in edtf.split("/")) if en else "—".join(one(p) for p in edtf.split("/"))
    return f"{text} (year unknown)" if en else f"{text}（年份不详）"


#: A vague date this many days wide or wider is written in years (about 1424–1425), not days.
VAGUE_IN_YEARS = 360


def readable_date(start: date, end: date, precision: str, edtf: str = "", lang: str | None = None) -> str:
    """The date as a reader says it: ``2025年2月28日`` / ``28 Feb 2025``; a year-precision event is
    ``2025年`` / ``2025``, never a day; ``2022年（月份未载明）15日`` when the month is not known."""
    en = _lang(lang) == "en"
    if edtf.startswith("XXXX"):
        return _without_year(edtf, en)
    if "-XX-" in edtf:
        year, _, day = edtf.split("-")
        return f"the {ordinal_en(int(day))} of an unstated month, {year}" if en else f"{year}年（月份未载明）{int(day)}日"
    if precision == "day":
        return _ymd(start, lang)
    if precision in ("hour", "minute"):
        clock = clock_of_edtf(edtf)
        if clock is not None:
            hour, minute = clock
            if en:
                return f"{_ymd(start, lang)} {hour:02d}:{minute or 0:02d}"
            return f"{_ymd(start)}{hour}时" if minute is None else f"{_ymd(start)}{hour}:{minute:02d}"
        return _ymd(start, lang)
    if precision == "month":
        return _month(start.year, start.month, lang)
    if precision == "year":
        return _year(start.year, lang)
    if precision == "quarter":
        number = (start.month - 1) // 3
        return f"Q{number + 1} {start.year}" if en else f"{start.year}年{_QUARTERS[number]}季度"
    if precision == "half-year":
        first = start.month <= 6
        if en:
            return f"H{1 if first else 2} {start.year}"
        return f"{start.year}年{'上' if first else '下'}半年"
    if precision == "season":
        names = _SEASONS.get(edtf[-2:])
        if not names:
            return _span(start, end, lang)
        return (f"{names[1]} {edtf[:4]} ({_span(start, end, lang)})" if en
                else f"{edtf[:4]}年{names[0]}（{_span(start, end)}）")
    if precision == "decade":
        return f"the {start.year}s" if en else f"{start.year}年代"
    if precision == "century":
        number = start.year // 100 + 1
        if en:
            return f"the {ordinal_en(number)} century"
        return f"{number}世纪"
    if precision == "week":
        return f"the week {_span(start, end, lang)}" if en else f"{_span(start, end)}（一周）"
    if precision == "open-range":
        if en:
            return f"since {start.year if _opens_in_a_year(start, precision) else _span(start, start, lang)} (to {_ymd(end, lang)})"
        if _opens_in_a_year(start, precision):
            return f"{start.year}年以来（至{_ymd(end)}）"
        return f"{_ymd(start)}起至{_ymd(end)}"
    if precision == "vague":
        if _known_in_years(start, end, precision):
            # 600多年前 is an envelope of about a year: its days would be a precision the text has not
            start, end = date(start.year, 1, 1), date(end.year, 12, 31)
        return f"about {_span(start, end, lang)}" if en else f"约{_span(start, end)}"
    if precision == "recent":
        return f"recently (about {_span(start, end, lang)})" if en else f"近期（约{_span(start, end)}）"
    return _span(start, end, lang)


def _known_in_years(start: date, end: date, precision: str) -> bool:
    """Whether an event's date is known to the year only (a year, a decade, a century, whole
    years such as a plan for 2021–2025, or a vague envelope a year or more wide), so its ends
    are written as years."""
    whole_years = (start.month, start.day) == (1, 1) and (end.month, end.day) == (12, 31)
    return precision in ("year", "decade", "century") or whole_years or (
        precision == "vague" and (end - start).days >= VAGUE_IN_YEARS)


def _opens_in_a_year(start: date, precision: str) -> bool:
    """Whether an open range (2014年以来, 1980年代以来) opens with a year: its start is the
    first day of one, its end the day it was written."""
    return precision == "open-range" and (start.month, start.day) == (1, 1)


def outer_span(first: tuple[date, date, str], last: tuple[date, date, str], lang: str | None = None) -> str:
    """The time a selection covers, from ``first`` (start, end, precision of the event that
    begins first) to the end of ``last`` (the one that ends last), each end as finely as its
    event knows it: ``1970–2025`` for an event of 40多年前 and a plan to 2025, not a day of 1970;
    ``1980–2099`` for one since the 1980s and one of the 21st century, not 1 Jan 1980."""
    start_in_years = _known_in_years(*first) or _opens_in_a_year(first[0], first[2])
    end_in_years = _known_in_years(*last)
    if start_in_years != end_in_years and first[0].year != last[1].year:
        # 1887年 to a day of 2020: each end as its event knows it, not 1 Jan 1887 nor 2020 alone
        dash = "–" if _lang(lang) == "en" else "—"
        start_text = _year(first[0].year, lang) if start_in_years else _ymd(first[0], lang)
        end_text = _year(last[1].year, lang) if end_in_years else _ymd(last[1], lang)
        return f"{start_text}{dash}{end_text}"
    start = date(first[0].year, 1, 1) if start_in_years else first[0]
    end = date(last[1].year, 12, 31) if end_in_years else last[1]
    if end < start:
        end = start
    return _span(start, end, lang)


def precision_name(precision: str, lang: str | None = None) -> str:
    names = PRECISION_NAMES.get(precision)
    return names[_lang(lang) == "en"] if names else precision


def tense_name(tense: str, lang: str | None = None) -> str:
    names = TENSE_NAMES.get(tense)
    return names[_lang(lang) == "en"] if names else tense


def amount_text(amount: dict[str, Any]) -> str:
    """An amount dict of the events table as written for readers (``207.88亿元``, ``超300亿元``)."""
    try:
        return format_amount(Amount(
            text=amount.get("text", ""), span=(0, 0), kind=amount["kind"], value=float(amount["value"]),
            unit=amount["unit"], bound=amount.get("bound", "exact"),
        ))
    except (KeyError, TypeError, ValueError):
        return str(amount.get("text", ""))


def events_count(count: int, lang: str | None = None) -> str:
    """``3 个事件`` / ``3 events`` (``1 event``), thousands grouped (``15,286 个事件``) as the
    window's status line writes them."""
    if _lang(lang) == "en":
        return f"{count} event" if count == 1 else f"{count:,} events"
    return f"{count:,} 个事件"


def article_title(title: str, lang: str | None = None) -> str:
    """An article's title as the language quotes one: 《…》 / “…”."""
    return f"“{title}”" if _lang(lang) == "en" else f"《{title}》"
