"""Readable Chinese for dates, precisions, tenses and amounts (detail pane, list, PDF)."""

from __future__ import annotations

from datetime import date
from typing import Any

from .amounts import Amount, format_amount
from .dates import clock_of_edtf

PRECISION_NAMES = {
    "day": "日", "week": "周", "month": "月", "quarter": "季度", "season": "季节",
    "half-year": "半年", "year": "年", "decade": "年代", "century": "世纪",
    "range": "时间段", "open-range": "开放时间段", "vague": "约略",
    "recent": "近期（发布前数周）", "hour": "时", "minute": "分",
}
TENSE_NAMES = {"past": "已发生", "ongoing": "进行中", "planned": "计划/预期"}
_QUARTERS = ("一", "二", "三", "四")
_SEASONS = {"21": "春季", "22": "夏季", "23": "秋季", "24": "冬季"}


def _ymd(value: date) -> str:
    return f"{value.year}年{value.month}月{value.day}日"


def _span(start: date, end: date) -> str:
    """``2019年—2021年`` style, dropping what the ends share and whole-unit ends."""
    whole_years = (start.month, start.day) == (1, 1) and (end.month, end.day) == (12, 31)
    if whole_years:
        return f"{start.year}年" if start.year == end.year else f"{start.year}年—{end.year}年"
    next_day = date.fromordinal(end.toordinal() + 1)
    whole_months = start.day == 1 and next_day.day == 1
    if whole_months:
        if (start.year, start.month) == (end.year, end.month):
            return f"{start.year}年{start.month}月"
        if start.year == end.year:
            return f"{start.year}年{start.month}月—{end.month}月"
        return f"{start.year}年{start.month}月—{end.year}年{end.month}月"
    if start == end:
        return _ymd(start)
    if start.year == end.year:
        if start.month == end.month:
            return f"{start.year}年{start.month}月{start.day}日—{end.day}日"
        return f"{start.year}年{start.month}月{start.day}日—{end.month}月{end.day}日"
    return f"{_ymd(start)}—{_ymd(end)}"


def readable_date(start: date, end: date, precision: str, edtf: str = "") -> str:
    """The date as a reader says it: ``2025年2月28日``, ``2022年（月份未载明）15日``, ``2014年至今``."""
    if "-XX-" in edtf:
        year, _, day = edtf.split("-")
        return f"{year}年（月份未载明）{int(day)}日"
    if precision == "day":
        return _ymd(start)
    if precision in ("hour", "minute"):
        clock = clock_of_edtf(edtf)
        if clock is not None:
            hour, minute = clock
            return f"{_ymd(start)}{hour}时" if minute is None else f"{_ymd(start)}{hour}:{minute:02d}"
        return _ymd(start)
    if precision == "month":
        return f"{start.year}年{start.month}月"
    if precision == "year":
        return f"{start.year}年"
    if precision == "quarter":
        return f"{start.year}年{_QUARTERS[(start.month - 1) // 3]}季度"
    if precision == "half-year":
        return f"{start.year}年{'上' if start.month <= 6 else '下'}半年"
    if precision == "season":
        name = _SEASONS.get(edtf[-2:], "")
        return f"{edtf[:4]}年{name}（{_span(start, end)}）" if name else _span(start, end)
    if precision == "decade":
        return f"{start.year}年代"
    if precision == "century":
        return f"{start.year // 100 + 1}世纪"
    if precision == "week":
        return f"{_span(start, end)}（一周）"
    if precision == "open-range":
        if (start.month, start.day) == (1, 1):
            return f"{start.year}年以来（至{_ymd(end)}）"
        return f"{_ymd(start)}起至{_ymd(end)}"
    if precision == "vague":
        return f"约{_span(start, end)}"
    if precision == "recent":
        return f"近期（约{_span(start, end)}）"
    return _span(start, end)


def precision_name(precision: str) -> str:
    return PRECISION_NAMES.get(precision, precision)


def tense_name(tense: str) -> str:
    return TENSE_NAMES.get(tense, tense)


def amount_text(amount: dict[str, Any]) -> str:
    """An amount dict of the events table as written for readers (``207.88亿元``, ``超300亿元``)."""
    try:
        return format_amount(Amount(
            text=amount.get("text", ""), span=(0, 0), kind=amount["kind"], value=float(amount["value"]),
            unit=amount["unit"], bound=amount.get("bound", "exact"),
        ))
    except (KeyError, TypeError, ValueError):
        return str(amount.get("text", ""))
