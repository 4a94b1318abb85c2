"""What a precision means for a date: the interval it covers and its EDTF string, and the
tense of an interval against a reference day — one owner for the engine, the corrections the
user makes and the app's edit dialog.
"""

from __future__ import annotations

from datetime import date, time, timedelta

from desktop.core.dates._model import with_clock


def month_end(value: date) -> date:
    return (value.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)


def interval_for(start: date, end: date, precision: str, clock: time | None = None) -> tuple[date, date, str]:
    """The interval and EDTF a precision implies for a date around ``start`` (a year is the
    whole year, a month the whole month …); ranges keep ``start``–``end``. ``hour`` and
    ``minute`` are the day with its clock time (``clock``, midnight if not given):
    ``2008-10-17T15`` / ``2008-10-17T15:30``."""
    if precision == "day":
        return start, start, start.isoformat()
    if precision in ("hour", "minute"):
        clock = clock or time(0, 0)
        _, edtf = with_clock(start, (clock.hour, clock.minute if precision == "minute" else None))
        return start, start, edtf
    if precision == "month":
        first = start.replace(day=1)
        return first, month_end(first), f"{first:%Y-%m}"
    if precision == "year":
        return date(start.year, 1, 1), date(start.year, 12, 31), f"{start.year:04d}"
    if precision == "quarter":
        quarter = (start.month - 1) // 3
        first = date(start.year, quarter * 3 + 1, 1)
        return first, month_end(date(start.year, quarter * 3 + 3, 1)), f"{start.year:04d}-{33 + quarter}"
    if precision == "half-year":
        second = start.month > 6
        first = date(start.year, 7 if second else 1, 1)
        return first, date(start.year, 12 if second else 6, 31 if second else 30), \
            f"{start.year:04d}-{41 if second else 40}"
    end = max(end, start)
    return start, end, edtf_of(start, end)


def edtf_of(start: date, end: date, precision: str = "range") -> str:
    """The EDTF of an interval as it stands: a day; a whole month or year when the precision
    says so; else a range."""
    if start == end:
        return start.isoformat()
    whole_month = start.day == 1 and end == month_end(start) and (start.year, start.month) == (end.year, end.month)
    if precision == "month" and whole_month:
        return f"{start.year:04d}-{start.month:02d}"
    if precision == "year" and (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) \
            and start.year == end.year:
        return f"{start.year:04d}"
    return f"{start.isoformat()}/{end.isoformat()}"


def interval_tense(start: date, end: date, ref: date, ref_end: date | None = None) -> str:
    """``past`` / ``planned`` / ``ongoing`` of ``[start, end]`` against the reference day (or the
    span ``[ref, ref_end]`` when only part of the publication date is known)."""
    if end < ref:
        return "past"
    if start > (ref_end or ref):
        return "planned"
    return "ongoing"


def plan_first_year(number: int) -> int:
    """The first year of the ``number``-th five-year plan (the 3rd began in 1966; 十四五 = 2021)."""
    return 1966 + 5 * (number - 3)


def stand_in_day(edtf: str, year: int) -> date | None:
    """A day to start from for a partial date (``XXXX-05-16`` → 16 May of ``year``), for a
    dialog that asks the user for the real one; None when the EDTF has no year missing."""
    if not edtf.startswith("XXXX"):
        return None
    fields = edtf.split("/")[0].split("T")[0].split("-")[1:]
    month = int(fields[0]) if fields and fields[0].isdigit() else 1
    day = int(fields[1]) if len(fields) > 1 and fields[1].isdigit() else 1
    try:
        return date(year, month, day)
    except ValueError:  # 29 February of a year that has none
        return date(year, month, 28)
