"""Calendar helpers of the date grammar: two-digit years, weeks, seasons, quarters, shifts."""

from __future__ import annotations

import math
import re
from datetime import date, timedelta
from functools import cache

from desktop.core.dates._lexicon import HOLIDAYS
from desktop.core.dates._model import Iv, add_months, iv_day, iv_month, iv_span, month_end


def two_digit_year(v: int, ref: date) -> int:
    """``98`` -> 1998 or 2098: the 20xx reading unless it lies more than 10 years after ``ref``."""
    return 2000 + v if 2000 + v <= ref.year + 10 else 1900 + v


def valid_day(y: int, m: int, d: int | None) -> bool:
    return d is not None and 1 <= m <= 12 and 1 <= d <= month_end(y, m).day


def nth_weekday(y: int, m: int, n: int, wd: int) -> date | None:
    """The n-th weekday ``wd`` (0 = Monday) of a month."""
    first = date(y, m, 1)
    d = first + timedelta(days=(wd - first.weekday()) % 7 + 7 * (n - 1))
    return d if d.month == m else None


def first_monday(d: date) -> date:
    return d + timedelta(days=(7 - d.weekday()) % 7)


def wd_index(ch: str) -> int:
    return 6 if ch in "日天" else "一二三四五六".index(ch)


_SPEC_RE = re.compile(r"(?P<vague>~)?(?P<kind>[LT])?(?P<body>\d\d-\d\d|\d\d/\d/\d|[^\d+\-.~]+)(?P<off>[+-]\d+d)?$")


@cache
def lunar_day(y: int, m: int, d: int) -> date | None:
    """The day of lunar month ``m``, day ``d`` that falls in Gregorian year ``y`` (腊月 days
    fall in January of ``y``, so lunar year ``y``-1 is tried too), or None."""
    from lunar_python import Lunar  # imported on first use: most texts name no lunar date

    for lunar_year in (y, y - 1):
        try:
            solar = Lunar.fromYmd(lunar_year, m, d).getSolar()
        except Exception:  # noqa: BLE001 - the library raises a bare Exception for a day 30 that is not there
            continue
        if solar.getYear() == y:
            return date(solar.getYear(), solar.getMonth(), solar.getDay())
    return None


@cache
def solar_term(y: int, name: str) -> date | None:
    """The day of the solar term ``name`` (清明, 冬至 …) in Gregorian year ``y``, or None."""
    from lunar_python import Solar

    for probe in (y, y + 1):
        term = Solar.fromYmd(probe, 6, 1).getLunar().getJieQiTable().get(name)
        if term is not None and term.getYear() == y:
            return date(term.getYear(), term.getMonth(), term.getDay())
    return None


def _spec_day(spec: str, y: int) -> date | None:
    """One end of a holiday spec (``resources/cues/date_holidays.txt``) in year ``y``."""
    m = _SPEC_RE.match(spec)
    if m is None:
        raise ValueError(f"bad holiday spec {spec!r}")
    body, kind = m.group("body"), m.group("kind")
    if kind == "T":
        day = solar_term(y, body)
    elif "/" in body:
        month, n, w = map(int, body.split("/"))
        day = nth_weekday(y, month, n, w - 1)
    else:
        month, d = map(int, body.split("-"))
        if kind == "L":
            day = lunar_day(y, month, d)
        else:
            day = date(y, month, d) if valid_day(y, month, d) else None
    if day is not None and m.group("off"):
        day += timedelta(days=int(m.group("off")[:-1]))
    return day


def holiday(name: str, y: int, anchor: str) -> Iv | None:
    """The holiday ``name`` of year ``y``: a day, or a period (an official holiday week is
    ``range``; a spec marked ``~``, such as 暑假, ``vague``)."""
    return holiday_spec(HOLIDAYS[name], y, anchor)


def holiday_spec(spec: str, y: int, anchor: str) -> Iv | None:
    if ".." in spec:
        first, last = spec.split("..")
        a, b = _spec_day(first, y), _spec_day(last.lstrip("~"), y)
        if a is None or b is None or b < a:
            return None
        return iv_span(a, b, "vague" if first.startswith("~") else "range", anchor, y=y)
    day = _spec_day(spec, y)
    return None if day is None else iv_day(day, anchor, "")


def nearest_holiday(name: str, ref: date, anchor: str) -> Iv | None:
    """The holiday ``name`` in the year before, of or after ``ref``: the one nearest to it."""
    found = [iv for y in (ref.year - 1, ref.year, ref.year + 1) if (iv := holiday(name, y, anchor))]
    if not found:
        return None

    def distance(iv: Iv) -> int:
        return 0 if iv.start <= ref <= iv.end else min(abs((iv.start - ref).days), abs((iv.end - ref).days))

    return min(found, key=distance)


def season(y: int, idx: int, anchor: str) -> Iv:
    start = date(y, 3 + 3 * idx, 1)
    end = month_end(*((y + 1, 2) if idx == 3 else (y, 5 + 3 * idx)))
    return iv_span(start, end, "season", anchor, f"{y:04d}-{21 + idx}", y)


def winter_year(ref: date) -> int:
    """Year whose December starts the winter containing ``ref`` (or the coming one)."""
    return ref.year - 1 if ref.month <= 2 else ref.year


def quarter(y: int, q: int, anchor: str, part: str | None) -> Iv:
    if part:
        return iv_month(y, 3 * q if part == "末" else 3 * q - 2, anchor, "")
    return iv_span(
        date(y, 3 * q - 2, 1), month_end(y, 3 * q), "quarter", anchor, f"{y:04d}-{32 + q}", y
    )


def months(y: int, m1: int, m2: int, anchor: str) -> Iv:
    return iv_span(date(y, m1, 1), month_end(y, m2), "range", anchor,
                   f"{y:04d}-{m1:02d}/{y:04d}-{m2:02d}", y)  # fmt: skip


def shift(d: date, unit: str, amount: float, sign: int) -> date:
    """``d`` moved by ``amount`` units (fractions allowed) in direction ``sign``."""
    if unit in ("年", "季度", "月"):
        months = amount * {"年": 12, "季度": 3, "月": 1}[unit]
        whole = int(months)
        out = add_months(d, sign * whole)
        return out + timedelta(days=sign * round((months - whole) * 30))
    days = amount * {"周": 7, "星期": 7, "礼拜": 7, "工作日": 7 / 5}.get(unit, 1)
    return d + timedelta(days=sign * math.ceil(days - 1e-9))


_CLOCK_RE = re.compile(
    r"(?P<tod>上午|下午|中午|晚上|早上|早晨|凌晨|傍晚|夜间|夜里|夜晚|深夜|清晨|晚间|早间|午后|午夜|白天|早|晚|夜)?\s*"
    r"(?:(?P<h>\d{1,2}):(?P<m>\d{2})|(?P<hc>[\d〇零一二两三四五六七八九十]{1,3})\s*(?:点钟?|时)"
    r"(?:\s*(?P<mc>[\d〇零一二三四五六七八九十]{1,3})\s*分?|(?P<half>半)|(?P<q>[一三])刻)?)"
)
_EVENING = ("下午", "晚上", "傍晚", "夜间", "夜里", "夜晚", "深夜", "晚间", "午后", "晚", "夜")


def clock_of(text: str) -> tuple[int, int | None] | None:
    """(hour, minute or None) of a single clock time (``下午3时许`` (15, None), ``晚8时30分``
    (20, 30), ``13:20`` (13, 20)); None for a part of the day alone or a clock range."""
    from desktop.core.numerals import to_int

    if re.search(r"[至到~—]|\d\s*-\s*\d", text):
        return None
    m = _CLOCK_RE.search(text)
    if m is None:
        return None
    hour = int(m.group("h")) if m.group("h") else to_int(m.group("hc"))
    minute: int | None = None
    if m.group("m"):
        minute = int(m.group("m"))
    elif m.group("mc"):
        minute = to_int(m.group("mc"))
    elif m.group("half"):
        minute = 30
    elif m.group("q"):
        minute = 15 * to_int(m.group("q"))
    tod = m.group("tod") or ""
    if hour is None or not 0 <= hour <= 24 or (minute is not None and not 0 <= minute <= 59):
        return None
    if tod in _EVENING and 1 <= hour < 12 or tod == "中午" and hour < 6:
        hour += 12
    if hour == 24:
        hour, minute = 23, 59  # 24时: the end of the day
    return hour, minute
