"""Calendar helpers of the date grammar: two-digit years, weeks, seasons, quarters, shifts."""

from __future__ import annotations

import math
import re
from datetime import date, timedelta
from functools import cache

from desktop.core.dates._lexicon import HOLIDAYS
from desktop.core.dates._model import Iv, add_months, iv_day, iv_month, iv_span, month_end
from desktop.core.resources import resource_path


def two_digit_year(short_year: int, ref: date) -> int:
    """``98`` -> 1998 or 2098: the 20xx reading unless it lies more than 10 years after ``ref``."""
    return 2000 + short_year if 2000 + short_year <= ref.year + 10 else 1900 + short_year


def valid_day(year: int, month: int, day: int | None) -> bool:
    return day is not None and 1 <= month <= 12 and 1 <= day <= month_end(year, month).day


def nth_weekday(year: int, month: int, nth: int, weekday: int) -> date | None:
    """The ``nth`` weekday ``weekday`` (0 = Monday) of a month."""
    first = date(year, month, 1)
    day = first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
    return day if day.month == month else None


def first_monday(day: date) -> date:
    return day + timedelta(days=(7 - day.weekday()) % 7)


def wd_index(ch: str) -> int:
    return 6 if ch in "日天" else "一二三四五六".index(ch)


_SPEC_RE = re.compile(r"(?P<vague>~)?(?P<kind>[LT])?(?P<body>\d\d-\d\d|\d\d/\d/\d|[^\d+\-.~]+)(?P<off>[+-]\d+d)?$")


@cache
def _lunar_months() -> dict[tuple[int, int], tuple[date, int]]:
    """(lunar year, month) → (its first day, its length), from ``resources/calendar``: computing a
    lunar year with the library costs milliseconds, once per year named and per worker process."""
    table = {}
    for line in resource_path("calendar", "lunar_months.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            lunar_year, month, first, days = line.split("\t")
            table[int(lunar_year), int(month)] = (date.fromisoformat(first), int(days))
    return table


@cache
def _solar_terms() -> dict[tuple[int, str], date]:
    """(Gregorian year, term) → its day, from ``resources/calendar`` (as :func:`_lunar_months`)."""
    table = {}
    for line in resource_path("calendar", "solar_terms.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            year, name, day = line.split("\t")
            table[int(year), name] = date.fromisoformat(day)
    return table


@cache
def _table_years() -> range:
    years = [lunar_year for lunar_year, _ in _lunar_months()]
    return range(min(years), max(years) + 1)


@cache
def lunar_day(year: int, month: int, day: int) -> date | None:
    """The day of lunar month ``month``, day ``day`` that falls in Gregorian year ``year``
    (腊月 days fall in January of ``year``, so lunar year ``year``-1 is tried too), or None."""
    months = _lunar_months()
    for lunar_year in (year, year - 1):
        if (lunar_year, month) not in months:
            solar = _library_lunar_day(lunar_year, month, day)
        else:
            first, days = months[lunar_year, month]
            solar = first + timedelta(days=day - 1) if 1 <= day <= days else None
        if solar is not None and solar.year == year:
            return solar
    return None


def _library_lunar_day(lunar_year: int, month: int, day: int) -> date | None:
    from lunar_python import Lunar  # imported on first use: the table covers most years

    try:
        solar = Lunar.fromYmd(lunar_year, month, day).getSolar()
    except Exception:  # noqa: BLE001 - the library raises a bare Exception for a day 30 that is not there
        return None
    return date(solar.getYear(), solar.getMonth(), solar.getDay())


@cache
def solar_term(year: int, name: str) -> date | None:
    """The day of the solar term ``name`` (清明, 冬至 …) in Gregorian year ``year``, or None."""
    terms = _solar_terms()
    if (year, name) in terms or year in _table_years():
        return terms.get((year, name))
    from lunar_python import Solar

    for probe in (year, year + 1):
        term = Solar.fromYmd(probe, 6, 1).getLunar().getJieQiTable().get(name)
        if term is not None and term.getYear() == year:
            return date(term.getYear(), term.getMonth(), term.getDay())
    return None


def _spec_day(spec: str, year: int) -> date | None:
    """One end of a holiday spec (``resources/cues/date_holidays.txt``) in year ``year``."""
    match = _SPEC_RE.match(spec)
    if match is None:
        raise ValueError(f"bad holiday spec {spec!r}")
    body, kind = match.group("body"), match.group("kind")
    if kind == "T":
        day = solar_term(year, body)
    elif "/" in body:
        month, nth, weekday = map(int, body.split("/"))
        day = nth_weekday(year, month, nth, weekday - 1)
    else:
        month, day_of_month = map(int, body.split("-"))
        if kind == "L":
            day = lunar_day(year, month, day_of_month)
        else:
            valid = valid_day(year, month, day_of_month)
            day = date(year, month, day_of_month) if valid else None
    if day is not None and match.group("off"):
        day += timedelta(days=int(match.group("off")[:-1]))
    return day


def holiday(name: str, year: int, anchor: str) -> Iv | None:
    """The holiday ``name`` of year ``year``: a day, or a period (an official holiday week is
    ``range``; a spec marked ``~``, such as 暑假, ``vague``)."""
    return holiday_spec(HOLIDAYS[name], year, anchor)


def holiday_spec(spec: str, year: int, anchor: str) -> Iv | None:
    if ".." in spec:
        first, last = spec.split("..")
        start, end = _spec_day(first, year), _spec_day(last.lstrip("~"), year)
        if start is None or end is None or end < start:
            return None
        prec = "vague" if first.startswith("~") else "range"
        return iv_span(start, end, prec, anchor, year=year)
    day = _spec_day(spec, year)
    return None if day is None else iv_day(day, anchor, "")


def nearest_holiday(name: str, ref: date, anchor: str) -> Iv | None:
    """The holiday ``name`` in the year before, of or after ``ref``: the one nearest to it."""
    years = (ref.year - 1, ref.year, ref.year + 1)
    found = [iv for year in years if (iv := holiday(name, year, anchor))]
    if not found:
        return None

    def distance(iv: Iv) -> int:
        return 0 if iv.start <= ref <= iv.end else min(abs((iv.start - ref).days), abs((iv.end - ref).days))

    return min(found, key=distance)


def season(year: int, idx: int, anchor: str) -> Iv:
    start = date(year, 3 + 3 * idx, 1)
    end = month_end(*((year + 1, 2) if idx == 3 else (year, 5 + 3 * idx)))
    return iv_span(start, end, "season", anchor, f"{year:04d}-{21 + idx}", year)


def winter_year(ref: date) -> int:
    """Year whose December starts the winter containing ``ref`` (or the coming one)."""
    return ref.year - 1 if ref.month <= 2 else ref.year


def quarter(year: int, quarter_no: int, anchor: str, part: str | None) -> Iv:
    if part:
        month = 3 * quarter_no if part == "末" else 3 * quarter_no - 2
        return iv_month(year, month, anchor, "")
    return iv_span(date(year, 3 * quarter_no - 2, 1), month_end(year, 3 * quarter_no), "quarter",
                   anchor, f"{year:04d}-{32 + quarter_no}", year)  # fmt: skip


def months(year: int, first_month: int, last_month: int, anchor: str) -> Iv:
    return iv_span(date(year, first_month, 1), month_end(year, last_month), "range", anchor,
                   f"{year:04d}-{first_month:02d}/{year:04d}-{last_month:02d}", year)  # fmt: skip


def shift(day: date, unit: str, amount: float, sign: int) -> date:
    """``day`` moved by ``amount`` units (fractions allowed) in direction ``sign``."""
    if unit in ("年", "季度", "月"):
        months = amount * {"年": 12, "季度": 3, "月": 1}[unit]
        whole = int(months)
        out = add_months(day, sign * whole)
        return out + timedelta(days=sign * round((months - whole) * 30))
    days = amount * {"周": 7, "星期": 7, "礼拜": 7, "工作日": 7 / 5}.get(unit, 1)
    return day + timedelta(days=sign * math.ceil(days - 1e-9))


_PARTS_OF_DAY = "上午|下午|中午|晚上|早上|早晨|凌晨|傍晚|夜间|夜里|夜晚|深夜|清晨|晚间|早间|午后|午夜|白天|早|晚|夜"
_CLOCK_RE = re.compile(
    rf"(?P<tod>{_PARTS_OF_DAY})?\s*"
    r"(?:(?P<h>\d{1,2}):(?P<m>\d{2})|(?P<hc>[\d〇零一二两三四五六七八九十]{1,3})\s*(?:点钟?|时)"
    r"(?:\s*(?P<mc>[\d〇零一二三四五六七八九十]{1,3})\s*分?|(?P<half>半)|(?P<q>[一三])刻)?)"
)
_PART_OF_DAY = re.compile(_PARTS_OF_DAY)
_EVENING = ("下午", "晚上", "傍晚", "夜间", "夜里", "夜晚", "深夜", "晚间", "午后", "晚", "夜")


def clock_of(text: str) -> tuple[int, int | None] | None:
    """(hour, minute or None) of a single clock time (``下午3时许`` (15, None), ``晚8时30分``
    (20, 30), ``13:20`` (13, 20)); None for a part of the day alone or a clock range."""
    from desktop.core.text.numerals import to_int

    if re.search(r"[至到~—]|[\d时点分]\s*-\s*\d", text):
        return None  # 8-12时, 0时-24时 (the whole day)
    match = _CLOCK_RE.search(text)
    if match is None:
        return None
    hour = int(match.group("h")) if match.group("h") else to_int(match.group("hc"))
    minute: int | None = None
    if match.group("m"):
        minute = int(match.group("m"))
    elif match.group("mc"):
        minute = to_int(match.group("mc"))
    elif match.group("half"):
        minute = 30
    elif match.group("q"):
        minute = 15 * to_int(match.group("q"))
    tod = match.group("tod") or ""
    if not tod:
        # 今晚（7月15日）8点: the part of the day named before a bracketed day still sets it
        earlier = _PART_OF_DAY.findall(text[: match.start()])
        tod = earlier[-1] if earlier else ""
    if hour is None or not 0 <= hour <= 24 or (minute is not None and not 0 <= minute <= 59):
        return None
    if tod in _EVENING and 1 <= hour < 12 or tod == "中午" and hour < 6:
        hour += 12
    if hour == 24:
        hour, minute = 23, 59  # 24时: the end of the day
    return hour, minute
