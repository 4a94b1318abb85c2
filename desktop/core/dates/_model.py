"""Public record type and calendar arithmetic shared by the date grammar."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from desktop.core.vocab import PRECISIONS  # noqa: F401 - part of the dates API

# The grammar's mentions stay "day" with a ``clock``; "hour" and "minute" are an event's
# precision (desktop.core.vocab says what each precision means).

MIN_YEAR, MAX_YEAR = 1000, 2200
ANCHOR_RANK = {"absolute": 0, "year": 1, "month": 2, "day": 3}


@dataclass(frozen=True, slots=True)
class DateMention:
    """One temporal expression found in a text, resolved against ``ref``."""

    text: str
    span: tuple[int, int]
    start: date
    end: date
    precision: str
    edtf: str
    tense: str
    anchor: str
    kind: str
    ref: date
    #: (hour, minute or None) of a clock time written with a single day (``昨日下午2时许``)
    clock: tuple[int, int | None] | None = None


@dataclass(slots=True)
class Iv:
    """A resolved interval plus what the grammar needs to combine it with neighbours.

    ``y``/``m`` are the calendar fields it stands in (for a range's right end that omits them),
    ``lead`` the first unit written (``y``/``m``/``d``, empty for words), ``fine`` the finest
    calendar field written, ``numeric`` marks numeric formats (2008.03), ``plain_year`` a
    4-digit year with 年 and nothing else (a candidate name-year), ``anaphoric`` a day or year
    counted from the day the story is about (当日, 次日, 第三天), resolved against ``ref``.
    """

    start: date
    end: date
    prec: str
    anchor: str
    edtf: str
    y: int | None = None
    m: int | None = None
    lead: str = ""
    fine: str = ""
    numeric: bool = False
    plain_year: bool = False
    anaphoric: bool = False
    clock: tuple[int, int | None] | None = None


def month_end(year: int, month: int) -> date:
    if month == 12:
        return date(year, 12, 31)
    return date(year, month + 1, 1) - timedelta(days=1)


def add_months(value: date, months: int) -> date:
    year, month_index = divmod(value.month - 1 + months, 12)
    year += value.year
    return date(year, month_index + 1, min(value.day, month_end(year, month_index + 1).day))


def monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def valid_year(year: int | None) -> bool:
    return year is not None and MIN_YEAR <= year <= MAX_YEAR


def iv_day(day: date, anchor: str, lead: str = "d") -> Iv:
    return Iv(day, day, "day", anchor, day.isoformat(), day.year, day.month, lead, "d")


def iv_month(year: int, month: int, anchor: str, lead: str = "m") -> Iv:
    return Iv(date(year, month, 1), month_end(year, month), "month", anchor,
              f"{year:04d}-{month:02d}", year, month, lead, "m")  # fmt: skip


def iv_year(year: int, anchor: str, lead: str = "y") -> Iv:
    return Iv(date(year, 1, 1), date(year, 12, 31), "year", anchor, f"{year:04d}", year, None,
              lead, "y")  # fmt: skip


def iv_week(mon: date, anchor: str) -> Iv:
    iso = mon.isocalendar()
    return Iv(mon, mon + timedelta(days=6), "week", anchor, f"{iso[0]:04d}-W{iso[1]:02d}", mon.year)


def iv_span(
    start: date, end: date, prec: str, anchor: str, edtf: str = "", year: int | None = None
) -> Iv:
    """Interval of any other precision; EDTF defaults to the day range ``start/end``."""
    return Iv(start, end, prec, anchor, edtf or f"{start.isoformat()}/{end.isoformat()}", year)


def bound_edtf(iv: Iv, first: bool) -> str:
    """EDTF of one end of a range: the end's own form for day/month/year, else its day."""
    if iv.prec in ("day", "month", "year"):
        return iv.edtf.rstrip("~")
    return (iv.start if first else iv.end).isoformat()


def stronger_anchor(first: str, second: str) -> str:
    return first if ANCHOR_RANK[first] >= ANCHOR_RANK[second] else second


def with_clock(day: date, clock: tuple[int, int | None]) -> tuple[str, str]:
    """(precision, EDTF) of a day with its clock time: ``hour`` ``2008-10-17T15`` or ``minute``
    ``2008-10-17T08:30``."""
    hour, minute = clock
    if minute is None:
        return "hour", f"{day.isoformat()}T{hour:02d}"
    return "minute", f"{day.isoformat()}T{hour:02d}:{minute:02d}"


def clock_of_edtf(edtf: str) -> tuple[int, int | None] | None:
    """The clock time of an ``hour`` / ``minute`` EDTF (``2008-10-17T15:30`` -> (15, 30))."""
    _, sep, clock = edtf.partition("T")
    if not sep:
        return None
    hour, _, minute = clock.partition(":")
    try:
        return int(hour), (int(minute[:2]) if minute else None)
    except ValueError:
        return None
