"""Calendar helpers of the date grammar: two-digit years, weeks, seasons, quarters, shifts."""

from __future__ import annotations

import math
from datetime import date, timedelta

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


def holiday(name: str, y: int, anchor: str) -> Iv | None:
    spec = HOLIDAYS[name]
    if ".." in spec:
        (m1, d1), (m2, d2) = (map(int, part.split("-")) for part in spec.split(".."))
        return iv_span(date(y, m1, d1), date(y, m2, d2), "vague", anchor, y=y)
    if "/" in spec:
        m, n, w = map(int, spec.split("/"))
        day = nth_weekday(y, m, n, w - 1)
        return None if day is None else iv_day(day, anchor, "")
    m, d = map(int, spec.split("-"))
    return iv_day(date(y, m, d), anchor, "")


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
