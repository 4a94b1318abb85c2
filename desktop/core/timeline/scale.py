"""Time ↔ pixels, and calendar ticks for a time axis — pure arithmetic, no Qt.

Days are floats counted from 1970-01-01 (day 0.0 is that day's midnight), so an
event of the inclusive days ``[start, end]`` covers ``[day(start), day(end) + 1)``.

Ticks never lie about the calendar: a month tick is on the 1st, a year tick on
1 January, a week tick on a Monday. :func:`choose_unit` takes the finest unit of the
ladder (decades … days) whose narrowest step still fits its widest label, measured by
the caller's font; :func:`ticks` lists the ticks of that unit in a range, and
:func:`enclosing_ticks` the ticks of the row above (the year of a month, the month of a day).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from desktop.core.language import MONTHS_EN, language, ordinal_en, pick

EPOCH = date(1970, 1, 1)
EPOCH_ORDINAL = EPOCH.toordinal()
MIN_SPAN_DAYS = 2 / 24  # two hours: events with a time of day (下午3时) can be told apart
MAX_SPAN_DAYS = 50 * 365.25
MIN_DATE = date(1000, 1, 1)
MAX_DATE = date(2200, 12, 31)
MAX_LABEL_ROOM_STRETCH = 1.25  # fitting all events widens the range at most this much for labels
_QUARTERS = ("一季度", "二季度", "三季度", "四季度")


def day_number(value: date) -> int:
    return value.toordinal() - EPOCH_ORDINAL


def from_day_number(day: float) -> date:
    ordinal = int(math.floor(day)) + EPOCH_ORDINAL
    ordinal = min(max(ordinal, MIN_DATE.toordinal()), MAX_DATE.toordinal())
    return date.fromordinal(ordinal)


@dataclass(frozen=True, slots=True)
class TickUnit:
    """A step of the axis ladder: ``months`` > 0 for calendar months/years, else ``days``."""

    name: str  # decade | year | quarter | month | week | day | hour
    months: int = 0
    days: int = 0
    samples: tuple[str, str] = ("", "")  # the widest label of the unit in Chinese and English, to measure
    hours: int = 0

    @property
    def sample(self) -> str:
        return pick(*self.samples)

    @property
    def min_step_days(self) -> float:
        if self.hours:
            return self.hours / 24
        return self.months * 28 if self.months else float(self.days)


LADDER: tuple[TickUnit, ...] = (
    TickUnit("hour", hours=1, samples=("23时", "23:00")),
    TickUnit("hour", hours=3, samples=("23时", "23:00")),
    TickUnit("hour", hours=6, samples=("23时", "23:00")),
    TickUnit("day", days=1, samples=("28日", "28")),
    TickUnit("week", days=7, samples=("12月28日", "28 Dec")),
    TickUnit("month", months=1, samples=("12月", "Dec")),
    TickUnit("quarter", months=3, samples=("四季度", "Q4")),
    TickUnit("year", months=12, samples=("2025年", "2025")),
    TickUnit("year", months=24, samples=("2025年", "2025")),
    TickUnit("year", months=60, samples=("2025年", "2025")),
    TickUnit("decade", months=120, samples=("2020年", "2020")),
    TickUnit("decade", months=240, samples=("2020年", "2020")),
    TickUnit("decade", months=600, samples=("2000年", "2000")),
    TickUnit("decade", months=1200, samples=("2000年", "2000")),
)


@dataclass(frozen=True, slots=True)
class Tick:
    day: float
    label: str


def choose_unit(days_per_px: float, measure: Callable[[str], float], padding: float = 12.0) -> TickUnit:
    """The finest unit whose narrowest step is wider than its widest label plus padding."""
    for unit in LADDER:
        if unit.min_step_days / days_per_px >= measure(unit.sample) + padding:
            return unit
    return LADDER[-1]


def _add_months(value: date, months: int) -> date:
    index = value.year * 12 + value.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _first_tick(unit: TickUnit, start: date) -> date:
    if unit.months:
        step_years = unit.months // 12
        if step_years >= 1:
            year = start.year - start.year % step_years
            return date(max(year, 1), 1, 1)
        month_index = (start.month - 1) - (start.month - 1) % unit.months
        return date(start.year, month_index + 1, 1)
    if unit.days == 7:
        return start - timedelta(days=start.weekday())
    return start


def _tick_dates(unit: TickUnit, start_day: float, end_day: float) -> Iterator[date]:
    start = from_day_number(start_day)
    end = from_day_number(end_day)
    current = _first_tick(unit, start)
    while current <= end:
        yield current
        try:
            current = _add_months(current, unit.months) if unit.months else current + timedelta(days=unit.days)
        except (ValueError, OverflowError):
            return
        if current > MAX_DATE:
            return


def label(unit: TickUnit, value: date) -> str:
    """A tick's label in the user's language: 2025年 / 2025, 四季度 / Q4, 12月 / Dec, 28日 / 28."""
    en = language() == "en"
    month = MONTHS_EN[value.month - 1]
    if unit.name in ("decade", "year"):
        return f"{value.year}" if en else f"{value.year}年"
    if unit.name == "quarter":
        quarter = (value.month - 1) // 3
        return f"Q{quarter + 1}" if en else _QUARTERS[quarter]
    if unit.name == "month":
        return month if en else f"{value.month}月"
    if unit.name == "week":
        return f"{value.day} {month}" if en else f"{value.month}月{value.day}日"
    return f"{value.day}" if en else f"{value.day}日"


def _hour_ticks(unit: TickUnit, start_day: float, end_day: float) -> list[Tick]:
    """Every ``unit.hours`` hours of the day, labelled ``15时`` (a day starts at 0时)."""
    step = unit.hours / 24
    first = math.floor(start_day / step) * step
    count = int(math.ceil((end_day - first) / step)) + 1
    found = []
    for number in range(min(count, 2000)):
        day = first + number * step
        hour = int(round((day - math.floor(day)) * 24)) % 24
        found.append(Tick(day, pick(f"{hour}时", f"{hour:02d}:00")))
    return found


def ticks(unit: TickUnit, start_day: float, end_day: float) -> list[Tick]:
    """Ticks of ``unit`` from just before ``start_day`` to ``end_day``."""
    if unit.hours:
        return _hour_ticks(unit, start_day, end_day)
    return [Tick(float(day_number(d)), label(unit, d)) for d in _tick_dates(unit, start_day, end_day)]


_ENCLOSING = {
    "hour": TickUnit("day", days=1),
    "day": TickUnit("month", months=1),
    "week": TickUnit("month", months=1),
    "month": TickUnit("year", months=12),
    "quarter": TickUnit("year", months=12),
    "year": TickUnit("decade", months=120),
    "decade": TickUnit("decade", months=1200),
}


def enclosing_label(unit: TickUnit, value: date) -> str:
    """The label of the row above: the day, month, year, decade or century of a tick."""
    en = language() == "en"
    month = MONTHS_EN[value.month - 1]
    if unit.name == "hour":
        return f"{value.day} {month} {value.year}" if en else f"{value.year}年{value.month}月{value.day}日"
    if unit.name in ("day", "week"):
        return f"{month} {value.year}" if en else f"{value.year}年{value.month}月"
    if unit.name in ("month", "quarter"):
        return f"{value.year}" if en else f"{value.year}年"
    if unit.name == "year":
        return f"{value.year // 10 * 10}s" if en else f"{value.year // 10 * 10}年代"
    century = value.year // 100 + 1
    if en:
        return f"{ordinal_en(century)} century"
    return f"{century}世纪"


def enclosing_ticks(unit: TickUnit, start_day: float, end_day: float) -> list[Tick]:
    """The row above: ticks of the unit that encloses ``unit`` (a month's year …)."""
    outer = _ENCLOSING[unit.name]
    return [
        Tick(float(day_number(d)), enclosing_label(unit, d))
        for d in _tick_dates(outer, start_day, end_day)
    ]


@dataclass(slots=True)
class TimeScale:
    """A visible time range mapped onto ``width`` pixels (x = 0 at ``start``)."""

    start: float
    end: float
    width: float

    @property
    def span(self) -> float:
        return self.end - self.start

    @property
    def days_per_px(self) -> float:
        return self.span / max(self.width, 1.0)

    def x_of(self, day: float) -> float:
        return (day - self.start) / self.days_per_px

    def day_of(self, x: float) -> float:
        return self.start + x * self.days_per_px

    def clamp(self) -> None:
        """Keep the span within 1 day … 50 years and the range within the supported dates."""
        span = min(max(self.span, MIN_SPAN_DAYS), MAX_SPAN_DAYS)
        center = (self.start + self.end) / 2
        low, high = float(day_number(MIN_DATE)), float(day_number(MAX_DATE))
        start = min(max(center - span / 2, low), high - span)
        self.start, self.end = start, start + span

    def zoom(self, factor: float, anchor_x: float) -> None:
        """Zoom by ``factor`` (> 1 zooms in) keeping the day under ``anchor_x`` fixed."""
        anchor = self.day_of(anchor_x)
        ratio = anchor_x / max(self.width, 1.0)
        span = min(max(self.span / factor, MIN_SPAN_DAYS), MAX_SPAN_DAYS)
        self.start = anchor - ratio * span
        self.end = self.start + span
        low, high = float(day_number(MIN_DATE)), float(day_number(MAX_DATE))
        if self.start < low or self.end > high:
            self.clamp()

    def pan_px(self, dx: float) -> None:
        """Move the view by ``dx`` pixels (positive: later dates come into view)."""
        shift = dx * self.days_per_px
        self.start += shift
        self.end += shift
        self.clamp()

    def show(self, first_day: float, last_day: float, margin: float = 0.05,
             label_room: Iterable[tuple[float, float]] = ()) -> None:
        """Fit ``[first_day, last_day)`` with a margin on both sides.

        ``label_room`` lists ``(day, px)``: something drawn at ``day`` needs ``px`` pixels to
        its right (an event's label). The range is widened on the right until all of them
        end inside the view, so the last events' labels are not cut at the edge.
        """
        span = max(last_day - first_day, MIN_SPAN_DAYS)
        pad = span * margin
        start, end = first_day - pad, last_day + pad
        width = max(self.width, 1.0)
        fitted = (end - start) / width
        days_per_px = fitted
        for day, px in label_room:
            room = width - px
            if room > width * 0.25 and day > start:  # labels wider than the view cannot be helped
                days_per_px = max(days_per_px, (day - start) / room)
        # room for labels, but not at the price of squeezing the events into a corner
        days_per_px = min(days_per_px, fitted * MAX_LABEL_ROOM_STRETCH)
        self.start, self.end = start, start + days_per_px * width
        self.clamp()
