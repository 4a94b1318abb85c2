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
"""

from __future__ import annotations

import re
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
               unit: str) -> date | None:
    """The written date a count stands for: the date right beside it (``第32天，9月2日``) or the
    subject it is said of (``今天（1月15日）是春运第六天``, ``今天进入抢险救援第四天``)."""
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
    return None


def first_of(named: date, count: int, unit: str) -> date | None:
    """The day a count starts from, when its ``count``-th day (year) is ``named``: day one is
    that day, year one that year."""
    if unit == "day":
        return named - timedelta(days=count - 1)
    year = named.year - (count - 1)
    return date(year, 1, 1) if year >= 1 else None
