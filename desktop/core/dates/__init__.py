"""Chinese temporal expressions: find, normalise and date them against a reference date.

Design
------
The text is first normalised one character for one character (full-width digits and punctuation,
financial numerals; :func:`desktop.core.text.numerals.normalize`) so positions carry over unchanged.
One compiled *trigger* regex then finds the places where an expression can start (the start of a
digit or numeral run, a relative word such as 今天/去年/上个月, a prefix such as 从/到/近/未来, an
opening quote before 十…五).  At each trigger, left to right, a small recursive grammar
(``_grammar.Parser``) tries anchored regexes and takes the longest reading; the scan resumes after
the match, so mentions never overlap.  Everything is stdlib; regexes are compiled at import.
Modules: ``_lexicon`` (words and regexes), ``_calendar`` (date arithmetic of the grammar),
``_model`` (``DateMention``, intervals, EDTF), ``_grammar`` (the parser), ``_tense``.

Grammar, in the order it is tried at a trigger:

* horizon prefixes (``到 至 力争到 面向``, ``resources/cues/date_horizon_prefixes.txt``) and
  ``从/自``;
* ``前两天``/``前两年`` at the start of a clause, and a clock or part of the day joined to an
  anaphoric day word (``13:20~次日05:40``, ``夜间至次日上午``);
* counted lengths (``近三个月 3年内 未来5年 5年来 6年前 七年半后 二十几年前``);
* an *atom* — planning period (``“十四五”期间``, N-th plan starts 1966+5(N-3); ``开局`` = first
  year, ``末/收官`` = last year; ``前两年``/``后三年`` its first/last years), century/decade,
  relative day (``今天(15日)`` takes the day of month nearest to the relative day), week,
  calendar date (numeric formats, year→month→day with parts and bare days, relative year/
  month/quarter words, also repeated as 上上/下下, seasons, holidays from
  ``resources/cues/date_holidays.txt``), anaphoric day words (``当日 次日 第三天 第七年``), then
  a trailing weekday, ``当天`` and clock time (ignored);
* what follows the atom: bare days of a list (``9月10号，11号``) extend it; a connector (至 到 —
  ~ -) and a right end make a range; ``以来/起/开始`` an open range to ``ref``; ``左右/前后/许``
  an approximate date; ``前/之前/以前`` a deadline ``ref..end``.

Conventions
-----------
* Kinds: ``point`` (one date, of any precision), ``span`` (a range or a deadline), ``open``
  (from a date up to ``ref``), ``duration`` (a counted length from ``ref``), ``name-year`` (the
  year of a named event), ``anaphoric`` (a day counted from the day the story is about).
* Two-digit years (``98年``, ``零七年``) are 20yy unless that is more than 10 years after ``ref``,
  else 19yy.  A 2-digit year alone (``24年``) is accepted only by :func:`parse_date`; in running
  text it needs a month or a part (``19年底``), because ``连续15年`` is a count.  A bare 4-digit
  number is a year only with 年, in a numeric date format, as the left end of a range whose right
  end has 年, as the whole input of :func:`parse_date`, or as a name-year.  Years outside
  1000-2200 are rejected (centuries excepted).
* Parts of a month: 上旬 1-10, 中旬/月中 11-20, 下旬 21-end, 月初 1-5, 月底/月末 25-end,
  ``前N天``/``最后N天``; parts of a year: 年初 Jan-Feb, 年底/年末 Nov-Dec, 伊始 January.  All of
  these have precision ``vague`` and EDTF ``start/end``.  年中 is Jun-Jul (``vague``): alone,
  as ``2024年年中``/``今年年中``, or as ``2023年中``/``今年中`` only at the end of a phrase
  (before punctuation, 以来, 时, 左右…), never before a word (``2024年中国``, ``今年中秋``) nor
  after 这一年/全年 (``这一年中`` is "during the year").  Parts of a decade (初期 0-2, 中期 3-6,
  末期 7-9) and century (初 first 20 years, 中叶 40-59, 末 last 20) are ``vague`` too.
  上/下半年 are ``half-year`` (EDTF ``YYYY-40/41``); quarters ``quarter`` (``YYYY-33..36``);
  一季度末 / 四季度初 the last / first month of the quarter.
* Seasons are meteorological: spring Mar-May, summer Jun-Aug, autumn Sep-Nov, winter Dec-Feb,
  labelled by the year of its December (EDTF ``YYYY-21..24``).  ``今冬``/``冬季`` without a year is
  the winter containing ``ref`` or, from March to November, the coming one.  ``入冬/入春/入夏/
  入秋/开春以来`` is an open range from the latest start of that season not after ``ref``
  (``入冬以来`` on 2024-09-25 runs from 2023-12-01); after a year (``今年入冬以来``) it is that
  year's season, the winter that began last December when said in January or February.
* Bare days: after a month, a day without 日/号 is read when it is 1-31 (and valid for the month)
  and, in Arabic digits (``10月22出生``, ``1月3至2月10``), not followed by a digit, a decimal,
  %/‰/℃/°, an ASCII letter or a unit or measure word listed in
  ``resources/cues/date_bare_day_stops.txt`` (``10月22个项目``, ``3月15家``, ``3月5G``,
  ``7月13城`` keep only the month); in Chinese numerals only before punctuation or a connector.
* Relative words: repeated 上/下 move one more unit each (``上上个月`` -2 months, ``下下个季度``,
  ``下下下周一`` the Monday three weeks on, ``上上年``).  上年 is 去年 (``比上年增长``), but not
  after a verb ending in 上 (``马上年底``, ``赶上年末`` stay 年底/年末 of ``ref``'s year, ``登上年度``)
  nor before a word starting with 年 (``北上年轻人``, ``上年纪``, ``网上年货``); ``上年末/上年底`` are
  Nov-Dec of last year.  A relative year word takes 度 (``本年度 上年度 今年度``; not ``今年度过``,
  ``今年度假``), and 同期 after a year (``去年同期``, ``上年同期``) is that whole year, precision
  ``year``, kind ``point`` (a comparison base; the caller may re-anchor it).  ``同期``, ``年度``
  alone are not mentions; ``2023年度`` is the year 2023.
* A range needs its connector directly between the two ends (after an optional 从/自 and an
  optional 起/开始 on the left); the right end inherits the year/month it omits from the left end
  (``2017年8月11日至22日``), and a unit-less left number takes the unit the right end starts with
  (``2018年2——4月``, ``1985到89年9月``).  With any other text in between (``从2015年1月签约，
  到2016年10月``) the two dates are separate mentions.  Ranges have precision ``range`` and kind
  ``span``, EDTF ``left/right`` with each end in its own precision.
* Day lists: after a written month-day (``M月D日/号``), bare days ``D日/号`` separated only by
  ，、和 及 与 take its year and month and extend the mention to one range from the first to the
  last day (``9月10号，11号，12号，13号``, ``3月1日、5日和8日``; kind ``span``, precision
  ``range``).  The list stops at a day that is not later than the one before it, at ``D日内/来``
  (a count) and at ``D号`` followed by a word (``2号线``).
* Open ranges (``2014年以来``, ``去年9月起``, ``起至今``) run from the start of the expression to
  ``ref``: kind ``open``, precision ``open-range``, tense past.  An expression whose start is after
  ``ref`` followed by 起 stays a plain point.
* Deadlines (``2025年前``, ``明年6月之前``) run from ``ref`` to the end of the expression (kind
  ``span``) when that end is not past.  Horizons (``到2035年``, ``面向2035年``) are the target
  itself (kind ``point``); the prefix is part of the span when the target is a calendar date that
  is not over, and it then marks the mention planned.
* Counted lengths (kind ``duration``, precision ``range``): 近/最近/过去 N, N来/以来 run from
  ``ref`` minus the length to ``ref``; 未来/今后 N, N内/以内 from ``ref`` to ``ref`` plus it.
  半 and 多 add half a unit; 工作日 count 7/5 calendar days.  ``N年前/后`` is the whole year,
  ``N个月前``/``N年半后`` the month, ``N天前/后`` the day, ``N周后`` the week (kind ``point``);
  vague counts (``二十几年前``, ``三年多前``) give a vague envelope of days (ref-29y .. ref-21y).  Counts with no anchor (``十年间``, ``近年来``,
  ``用5年``) are not mentions.
* ``前两天`` standing alone (start of text or clause, or after a pronoun or adverb such as
  他/我们/也) is "the other day": ``ref``-5 .. ``ref``-1 (precision ``vague``, kind ``point``,
  anchor ``day``); ``前两年`` is "a couple of years back": the whole years ``ref.year``-4 ..
  ``ref.year``-1 (anchor ``year``).  After a noun or a period they are not this: ``会议前两天`` is
  two days before the meeting (no mention), ``“十四五”前两年`` the plan's first two years
  (2021-2022, kind ``span``), ``2021年前两个月``/``今年前五个月`` the first months of the year.
  ``前年`` is the year before last, ``2025年前`` a deadline, ``三年前`` the year three years ago.
* Anaphoric day words are kind ``anaphoric``, resolved against ``ref`` as the day the story is
  about (the caller re-resolves them against the event day or drops them): 当日/当天/当晚/当夜
  = ``ref``, 次日/翌日/隔日/隔天/第二天 = ``ref``+1, ``第N天`` = ``ref``+(N-1) (anchor ``day``);
  ``第N年`` = the whole year ``ref.year``+(N-1) (anchor ``year``).  ``连续第三年`` is a count,
  not a mention.  A clock or part of the day joined to one (``13:20~次日05:40``,
  ``夜间至次日上午``) is the range ``ref``..that day (kind ``anaphoric``, precision ``range``).  A
  written day makes them definite: ``6月14日当天`` is that day, ``3月5日13:20至次日05:40`` runs
  to 3月6日 (kind ``span``), ``当天（15日）`` is the 15th as for ``今天(15日)``.  ``当年``
  (``当年签约、当年落地``) is generic in news and not a mention; neither is a bare clock.
* Anchors: ``absolute`` needs nothing from ``ref`` (2-digit years count as absolute), ``year``
  the year (2月28日, 10月22, 今年, 上年, 全年, 一季度, 6年前), ``month`` year and month (15日, 上月,
  今天(15日)), ``day`` the day (今天, 近三个月, open ranges, deadlines).
* Name-years: a 4-digit year (with or without 年) directly followed by an event name ending in a
  suffix from ``resources/cues/name_suffixes.txt`` within 40 CJK characters (characters from
  ``date_name_breakers.txt`` end the name; words from ``date_name_not_words.txt`` such as 季节
  are not suffixes) is kind ``name-year``; its tense is past unless the year is after ``ref`` or
  a planned cue stands before it (an event named with the current year is reported as held).
* Tense: see :func:`tense_of`; cue lists ``resources/cues/tense_planned.txt`` and
  ``tense_planned_not.txt`` (主要, 需要… are not cues).

Forms of real news (issue 8)
----------------------------
* Relative days of reports: 前日/前晚 (ref-2), 昨晨/昨早 (ref-1), ``今（30）日`` / ``昨（29）日`` (the
  day of month nearest to that relative day), ``今天（10月1日）`` (the written month and day);
  a single Chinese numeral day (``八日``) only before a part of the day (``八日中午``).
* Holidays, festivals and solar terms (``resources/cues/date_holidays.txt``: solar ``MM-DD``,
  n-th weekday ``MM/N/W``, lunar ``LMM-DD``, solar term ``T清明``, offsets ``±Nd``, periods
  ``A..B``; lunar dates and terms computed by lunar-python, imported on first use); without a
  year the occurrence nearest to ``ref``; ``X期间`` is the holiday week when there is one
  (春节期间); ``今年的国庆节``; 农历/正月/腊月 dates and 大年初X; not before a place word (五一路).
* ``recent`` (``resources/cues/date_recent.txt``): 近日, 日前, 近期, 不久前, 前几天 … are
  ``ref``-N .. ``ref`` (``ref`` .. ``ref``+N before 将/拟/内), EDTF ``start~/end``.
* ``antecedent`` (``resources/cues/date_antecedent_words.txt``): 当时, 此时, 彼时, 届时, 到那时,
  同一时期 are marked for the caller to give the date of the event before them (``ref`` here).
* Years of discourse: 同年/该年/是年/翌年 join the relative years; 当年 only before a month or a
  part of the year (当年3月; 当年签约 is generic); 新的一年 is ``ref``'s year, the next from November.
* Clocks: a clock written with a day sets the mention's ``clock`` (hour, minute or None), the
  part of the day turning it into 24-hour time (当晚10时 22:00, 24时 23:59); a clock or a part of
  the day alone opening a clause (or after 于/在, or after 为/是 when unmistakable) is kind
  ``anaphoric``, the day in context; never before a connector (上午9点至下午5点: hours) nor at the
  end of running text.
* More forms: 年终 (Nov-Dec, not 年终奖), ``前N个月`` at the start of a clause when those months are
  over (the year to date), 起/开始 + a comma before 至/到 still make a range (``自9月29日开始，至
  10月10日结束``, 结束/止 closing it), ``X之后`` for a past X an open range, ``两天之后的1月6日`` the
  written date, vague counts (几年前, 三年多前) a vague envelope of days, round counts
  (百年前) and 前/后/至 + 第N天 (开车前第20天) nothing, ``DD/MM/YYYY`` (day first unless only month
  first is a date), ``DD/MM`` before a clock, a bare year before a part of the year (2004下半年)
  or after a preposition of time before punctuation (截至2020，), 两 never a month (前两月).
* Traditional characters are matched through a one-for-one map (see
  :func:`desktop.core.text.numerals.normalize`). The trigger scan looks for a trigger's first
  character (``TRIGGER_FIRST_RE``, a character-set search) before trying the trigger regex.
"""

from __future__ import annotations

from datetime import date

from desktop.core.dates._grammar import Hit, scan
from desktop.core.dates._lexicon import CLOCK_LABELS, LONE_CLOCK_RE, LUNAR_DAY_RE
from desktop.core.dates._model import (
    PRECISIONS,
    DateMention,
    clock_of_edtf,
    iv_year,
    valid_year,
    with_clock,
)
from desktop.core.dates._tense import tense_of
from desktop.core.text.numerals import digit_string, normalize

__all__ = ["CLOCK_LABELS", "PRECISIONS", "DateMention", "clock_of_edtf", "find_dates", "is_clock_time", "is_lunar_day", "parse_date",
           "tense_of", "with_clock"]


def _mention(text: str, hit: Hit, ref: date) -> DateMention:
    iv = hit.iv
    span = (hit.start, hit.end)
    if hit.kind == "open":
        tense = "past"
    elif iv.prec == "recent":
        tense = "past" if iv.end <= ref else "planned"  # 近日 reported, 近期将 to come
    elif hit.kind == "name-year":
        tense = tense_of(iv.start, iv.end, ref, text, (hit.start, hit.name_end))
        tense = "past" if tense == "ongoing" else tense
    else:
        tense = tense_of(iv.start, iv.end, ref, text, span)
    clock = iv.clock if iv.prec == "day" else None
    return DateMention(text[hit.start : hit.end], span, iv.start, iv.end, iv.prec, iv.edtf, tense,
                       iv.anchor, hit.kind, ref, clock)  # fmt: skip


def _hits(text: str, ref: date, strict: bool) -> list[Hit]:
    try:
        return scan(normalize(text), ref, strict)
    except (ValueError, OverflowError, IndexError, KeyError, TypeError, RecursionError):
        return []


def find_dates(text: str, ref: date) -> list[DateMention]:
    """All temporal expressions in text, left to right, non-overlapping (longest match wins),
    resolved against ref. Never raises, for any str."""
    if not isinstance(text, str) or not text:
        return []
    return [_mention(text, hit, ref) for hit in _hits(text, ref, True)]


def is_clock_time(text: str) -> bool:
    """Whether ``text`` is a clock time or a part of the day and nothing else (``14点28分``,
    ``3点30分左右``, ``上午``): a clause that says when, not what."""
    plain = normalize(text).strip()
    return bool(plain) and LONE_CLOCK_RE.fullmatch(plain) is not None


def is_lunar_day(text: str) -> bool:
    """Whether ``text`` names a day of the lunar calendar (正月初三, 农历八月十五, 大年初一): its
    year is the lunar year, not the nearest one to a day of the solar year."""
    return LUNAR_DAY_RE.search(normalize(text)) is not None


def parse_date(text: str, ref: date) -> DateMention | None:
    """The single expression that covers the whole (stripped) text, or None."""
    if not isinstance(text, str):
        return None
    stripped = text.strip()
    lo = text.find(stripped) if stripped else 0
    hi = lo + len(stripped)
    if not stripped:
        return None
    hits = _hits(stripped, ref, False)
    if len(hits) == 1 and hits[0].start == 0 and hits[0].end == len(stripped):
        hit = hits[0]
        hit.start, hit.end = lo, hi
        if hit.name_end >= 0:
            hit.name_end += lo
        return _mention(text, hit, ref)
    ds = digit_string(normalize(stripped))
    if ds is not None and len(ds) == 4 and valid_year(int(ds)):
        return _mention(text, Hit(lo, hi, iv_year(int(ds), "absolute")), ref)
    return None
