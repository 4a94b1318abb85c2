"""Rebuild ``lunar_months.tsv`` and ``solar_terms.tsv``: the calendar tables the date engine reads.

Computing one lunar year with lunar-python (https://github.com/6tail/lunar-python, MIT) means
computing its new moons and solar terms, a few milliseconds each time; an archive that names
春节 or 中秋 across decades paid it per year and per worker process. These tables hold the result
for the years people's news is about; the engine falls back to the library outside them. Run
``python resources/calendar/build_tables.py`` (lunar-python is a run-time dependency anyway).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from lunar_python import Lunar, Solar

FIRST_YEAR, LAST_YEAR = 1900, 2100
TERMS = ("小寒", "大寒", "立春", "雨水", "惊蛰", "春分", "清明", "谷雨", "立夏", "小满", "芒种", "夏至",
         "小暑", "大暑", "立秋", "处暑", "白露", "秋分", "寒露", "霜降", "立冬", "小雪", "大雪", "冬至")  # fmt: skip


def month_lengths(lunar_year: int, month: int) -> tuple[date, int]:
    """The Gregorian day of lunar ``month``'s first day (the month that is not a leap month) and its length."""
    first = Lunar.fromYmd(lunar_year, month, 1).getSolar()
    try:
        Lunar.fromYmd(lunar_year, month, 30)
        days = 30
    except Exception:  # noqa: BLE001 - the library raises a bare Exception for a day 30 that is not there
        days = 29
    return date(first.getYear(), first.getMonth(), first.getDay()), days


def term_day(year: int, name: str) -> date | None:
    for probe in (year, year + 1):
        term = Solar.fromYmd(probe, 6, 1).getLunar().getJieQiTable().get(name)
        if term is not None and term.getYear() == year:
            return date(term.getYear(), term.getMonth(), term.getDay())
    return None


def main() -> None:
    folder = Path(__file__).parent
    months = ["# Lunar months (lunar-python, MIT; rebuilt by build_tables.py beside this file).",
              "# LUNAR_YEAR<TAB>MONTH<TAB>FIRST_DAY (Gregorian)<TAB>DAYS; leap months are not listed"]  # fmt: skip
    for lunar_year in range(FIRST_YEAR, LAST_YEAR + 1):
        for month in range(1, 13):
            first, days = month_lengths(lunar_year, month)
            months.append(f"{lunar_year}\t{month}\t{first.isoformat()}\t{days}")
    (folder / "lunar_months.tsv").write_text("\n".join(months) + "\n", encoding="utf-8")
    terms = ["# Solar terms (lunar-python, MIT; rebuilt by build_tables.py beside this file).",
             "# YEAR<TAB>TERM<TAB>DAY (Gregorian)"]  # fmt: skip
    for year in range(FIRST_YEAR, LAST_YEAR + 1):
        for name in TERMS:
            day = term_day(year, name)
            if day is not None:
                terms.append(f"{year}\t{name}\t{day.isoformat()}")
    (folder / "solar_terms.tsv").write_text("\n".join(terms) + "\n", encoding="utf-8")
    print(f"{len(months) - 2} months, {len(terms) - 2} terms")


if __name__ == "__main__":
    main()
