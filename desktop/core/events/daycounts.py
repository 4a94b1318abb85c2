"""Days and years counted by ordinals (第三天, 失联的第32天, 春运第六天, 入伍第二年): which day they
count from.

A bare ``第三天`` counts from the day the story just told. A count of the days of something
(``小温失联第十一天``, ``春运第六天``) counts from the day that something began, the same day
for every count of it in the article, whatever other days the story named in between. The
text often gives that day once: beside a count (``失联的第32天，9月2日``) or as the subject of
one (``今天（1月15日）是春运第六天``). Such a count names a day already written: no event of
its own, but the day every later count of the same thing starts from. Years count the same
way (``工作的第二年，2016年4月14日晚``, ``长江十年禁渔今年进入第四年``); a count of years with no
day told before it (``列装第二年``) counts from a day the text does not give: it dates nothing.
A count said of a state right after its state word (``停摆已经是第21天``, ``救援进入第四天``) is
no date at all: the date grammar does not find it, reading the same state words.

:class:`Counts` keeps what the counts of one article have told so far; the event pipeline asks
it where each count starts and tells it the days the story names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache

from desktop.core import dates
from desktop.core.dates._lexicon import LONE_TOD
from desktop.core.resources import word_list
from desktop.core.text.numerals import normalize, to_int

_COUNT = re.compile(rf"第([\d〇零一二两三四五六七八九十百]+)(天|年)(?:{LONE_TOD})?")
_UNITS = {"天": "day", "年": "year"}
#: What the count is of: the two characters before it (失联, 春运, 假期), 的 aside; not a
#: preposition or particle (为第二天做准备, 到了第三天: a bare count).
_HAPPENING = re.compile(r"([\u4e00-\u9fff][^\W\d_为在到于至从自对向把将了])的?$")
#: Between a count and a written date: the two stand side by side (第二年，也就是2014年的3月17日).
_APPOSED = re.compile(r"[，,、\s]*(?:也就是|也即|即)?[，,、\s]*")
#: between a day and the count of a happening in the very next clause, which says the same
#: day (８月１３日，自接通那通来电的第25天后，…; 13日，在编队抵达哈瓦那港的第二天，…)
_APPOSED_AFTER = re.compile(r"[，,][^，,。；;！!？?\n]*")


@cache
def _state_words() -> tuple[str, ...]:
    return tuple(word_list("cues", "day_count_state_words.txt"))


def ordinal_count(mention: dates.DateMention) -> tuple[int, str] | None:
    """N and the unit (``day`` or ``year``) of an ordinal count (``第三天``, ``第十四天上午``,
    ``第二年``), None for any other expression."""
    match = _COUNT.fullmatch(normalize(mention.text.strip()))
    if match is None:
        return None
    number = to_int(match[1])
    return (number, _UNITS[match[2]]) if number else None


def counted_happening(text: str, span: tuple[int, int]) -> str | None:
    """What a count counts (``失联`` in ``小温失联的第十一天``), None for a bare count that opens
    its clause (``第三天，救援队撤离``: the day after the story's day)."""
    match = _HAPPENING.search(text, max(0, span[0] - 3), span[0])
    return match[1] if match else None


def named_date(mention: dates.DateMention, sentence_mentions: list[dates.DateMention], text: str,
               unit: str, happening: str | None = None) -> date | None:
    """The written date a count stands for: the date right beside it (``第32天，9月2日``), the
    subject it is said of (``今天（1月15日）是春运第六天``, ``今天进入抢险救援第四天``), or the day
    a count of a happening in the next clause restates (``8月13日，自接通来电的第25天后``)."""
    precisions = ("day",) if unit == "day" else ("day", "month", "year")
    for other in sentence_mentions:
        if other is mention or other.precision not in precisions or other.kind != "point":
            continue
        if other.span[0] >= mention.span[1] and _APPOSED.fullmatch(text, mention.span[1], other.span[0]):
            return other.start
        if other.span[1] <= mention.span[0]:
            between = text[other.span[1] : mention.span[0]]
            if not re.search(r"[，,。；;！!？?\n]", between) and any(word in between for word in _state_words()):
                return other.start
            if happening and unit == "day" and other.precision == "day" and _APPOSED_AFTER.fullmatch(between):
                return other.start
    return None


@dataclass(frozen=True, slots=True)
class Count:
    """One ordinal count as the article's counts so far read it."""

    number: int
    unit: str  # "day" or "year"
    happening: str | None  # what it counts (失联), None for a bare count
    told_day: date | None  # a bare day count's day one: the story's day told before it
    first_day: date | None  # the day one of the happening, once the text has given it


@dataclass(slots=True)
class Counts:
    """What the ordinal counts of one article count from, as the text goes on."""

    told_day: date | None = None  # the day 第二天, 第三天 count from: the story's day before them
    first_days: dict[tuple[str, str], date] = field(default_factory=dict)  # (失联, day) → its day one
    last: tuple[str, int, str] | None = None  # happening, N and unit of the latest count of a happening

    def read(self, mention: dates.DateMention, sentence_mentions: list[dates.DateMention],
             text: str) -> Count | None | bool:
        """The count ``mention`` is (None: it is no count). False when it names a day written
        beside it or said of it (``第32天，9月2日``, ``今天是春运第六天``): no event of its own, but
        that day fixes its happening's day one for the counts after it."""
        counted = ordinal_count(mention)
        if counted is None:
            return None
        number, unit = counted
        happening = counted_happening(text, mention.span)
        named = named_date(mention, sentence_mentions, text, unit, happening)
        if named is not None:
            first = first_of(named, number, unit)
            if happening and first is not None:
                self.first_days[happening, unit] = first  # 失联的第32天，9月2日
            return False
        last = self.last
        if happening is None and last and last[2] == unit and number > last[1]:
            happening = last[0]  # 失联的第八天，…。第十二天，…: the same count goes on
        if happening:
            self.last = (happening, number, unit)
        return Count(number, unit, happening, self.told_day if unit == "day" else None,
                     self.first_days.get((happening, unit)) if happening else None)

    def settle(self, count: Count, base: date) -> None:
        """``count`` was counted from ``base``: later counts of its happening count from it too."""
        if count.happening:
            self.first_days.setdefault((count.happening, count.unit), base)

    def day_told(self, mention: dates.DateMention, day: date, text: str) -> None:
        """The story named ``day`` with ``mention``: a bare count after it counts from it. A
        bare count does not move it (``第二天出，第三天又出``: both from the day told before them)."""
        if ordinal_count(mention) is None or counted_happening(text, mention.span):
            self.told_day = day


def first_of(named: date, count: int, unit: str) -> date | None:
    """The day a count starts from, when its ``count``-th day (year) is ``named``: day one is
    that day, year one that year."""
    if unit == "day":
        return named - timedelta(days=count - 1)
    year = named.year - (count - 1)
    return date(year, 1, 1) if year >= 1 else None
