"""Articles → dated events: one event per dated clause.

For each date expression of an article's text (:func:`desktop.core.dates.find_dates`,
resolved against the publication date) this module decides whether it dates an event
and against what it must really be resolved:

* **Durations** with no anchor of their own (``近三个月``, ``3年内``) date no event.
* A **name-year** (``2024年京津冀党政主要领导座谈会``, ``2025宝坻…大会``) dates an event only
  when its sentence has no other date: in ``今天(15日),2022年…推介洽谈会召开`` the day
  wins and the year is part of the meeting's name.
* Expressions inside **quoted speech** that depend on "now" (``今天``, ``明年``, ``6年前``) are
  resolved against the day the words were spoken — the day of the lead event, when the lead
  reports an event a few days before publication — not the publication day.
* ``全年`` / ``同年`` refer to the year under discussion: the latest explicit year before
  them in the article (``resources/cues/discourse_year.txt``).
* **Anaphoric** days (``当日``, ``次日``, ``第三天``) count from the last day-precision date
  of the same paragraph; with none before them they date no event.
* When the publication month is unknown (``今天(15日)`` with only the year known),
  expressions that need the month widen to the whole year (EDTF ``2022-XX-15``).
* Words that refer back (issue 8): 当天/当晚/次日 follow the last day the story named, not a
  day a state lasted until (``至昨晚，…均已出院``); ``事发当天`` the day of the story's first
  event; 当时/此时/届时 the last dated event of the paragraph (or of the paragraph before, when
  they open theirs); ``两个月后`` counts from it; with no day before, 当天 is the report's day.
  A month and day continue the year of a full date written just before them in the
  paragraph (within :data:`STORY_DAYS`).
* Not events (``event_rules``): comparison baselines, dates opening a published document's
  name, recurring and generic periods, holidays named as references, incident names, ages;
  a deadline dates its unit and a start word its own unit (real-text conventions).
* An undated article resolves relative dates against its own latest absolute date
  (:func:`published_from_mentions`); a date the user set overrides the article's
  (``published`` argument, :mod:`desktop.core.project`). A clock time makes the event's
  precision ``hour`` or ``minute`` (EDTF ``2008-10-17T15``).

``从2015年1月签约,到2016年10月试生产`` gives **two** events (2015-01 签约, 2016-10 试生产):
text stands between the two dates, so each dates its own clause; ``2019年至2021年`` is one
range event.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from desktop.core import dates
from desktop.core.dates.intervals import interval_tense
from desktop.core.events.categories import categorize
from desktop.core.events.daycounts import Counts
from desktop.core.events.rules import (
    counted_from_an_action,
    cue_words,
    dates_an_event,
    deadline_unit,
    discourse_year_words,
    holiday_not_a_date,
    in_document_name,
    incident_day_named,
    incident_day_word,
    is_baseline,
    is_period,
    keeps_after_resolution,
    merge_bracketed,
    merge_clock_after_day,
    not_an_event,
    offset_after,
    recurring_or_generic,
    repeats_previous,
    same_period,
    since_verb,
    speech_spans,
    starts_at,
    stock_date,
    up_to,
    years_counted,
)
from desktop.core.events.titles import event_title, name_title, shorten
from desktop.core.export.notes import note
from desktop.core.reading.articles import Article, Published
from desktop.core.reading.published import CONF_INFERRED, datelines
from desktop.core.text.amounts import find_amounts
from desktop.core.text.numerals import normalize
from desktop.core.text.orgs import org_names
from desktop.core.text.places import place_names
from desktop.core.text.sentences import clause_spans, sentence_spans, span_containing, window_around

#: A lead event this many days or fewer before publication is taken as the day the
#: quoted speech of the article was spoken.
SPEECH_DAY_WINDOW = 7
#: A day reported before a quote in its paragraph counts as the day it was spoken only
#: this close to publication (older days are history the article recounts).
SPEECH_DAY_LIMIT = 60


@dataclass(slots=True)
class Event:
    """One dated event, with everything the views and exports show."""

    id: str
    article_id: str
    file: str
    article_title: str
    outlet: str | None
    published: date | None
    published_edtf: str | None
    published_basis: str
    published_confidence: float
    start: date | None  # None for a partial date (XXXX-05-16): no year known
    end: date | None
    precision: str
    edtf: str
    tense: str
    resolved_against: str
    date_text: str
    date_span: tuple[int, int]
    sentence: str
    sentence_span: tuple[int, int]
    title: str
    category: str
    places: list[str] = field(default_factory=list)
    orgs: list[str] = field(default_factory=list)
    amounts: list[dict] = field(default_factory=list)
    keyterms: list[str] = field(default_factory=list)


def event_id(text_sha: str, span: tuple[int, int], date_text: str) -> str:
    """Stable id: the same text and expression always give the same id."""
    digest = hashlib.sha1(f"{text_sha}:{span[0]}:{span[1]}:{date_text}".encode()).hexdigest()
    return digest[:12]


def mask(text: str, ranges: list[tuple[int, int]]) -> str:
    """``text`` with the ranges blanked out (same length, so offsets still hold).

    Built from slices, not a list of characters, so a huge article costs one more string.
    """
    pieces: list[str] = []
    position = 0
    for start, end in sorted((max(s, 0), min(e, len(text))) for s, e in ranges):
        start = max(start, position)
        if end <= start:
            continue
        pieces.append(text[position:start])
        pieces.append(re.sub(r"[^\n]", " ", text[start:end]))
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


def _inside(position: int, spans: list[tuple[int, int]]) -> bool:
    return span_containing(spans, position) is not None


def _shift(mention: dates.DateMention, offset: int) -> dates.DateMention:
    return replace(mention, span=(mention.span[0] + offset, mention.span[1] + offset))


def _reresolve(mention: dates.DateMention, ref: date) -> dates.DateMention | None:
    again = dates.parse_date(mention.text, ref)
    if again is None:
        return None
    return replace(again, span=mention.span, text=mention.text)


def _in_year(mention: dates.DateMention, after: date, ref: date) -> dates.DateMention | None:
    """The mention read as going on from the day ``after`` (a full date written before it): a
    month and day resolved against the last day of that date's year (８月２６日 after
    ２０１１年８月２５日); a lunar day as written after that year or the next, whichever comes
    first from that day on (正月初三 after 2001-01-23 is 2001-01-26, the one nearest 2001-12-31
    is in 2002; 腊月二十八 after 2001-12-30 is 2002-02-09)."""
    if dates.is_lunar_day(mention.text):
        for year in (after.year, after.year + 1):
            again = dates.parse_date(f"{year}年{mention.text}", ref)
            if again is not None and again.start >= after:
                return replace(again, span=mention.span, text=mention.text)
    return _reresolve(mention, date(after.year, 12, 31))


@dataclass(slots=True)
class _Context:
    """What an article's events are resolved against."""

    article: Article
    published: Published
    plain: str  # the document text normalised for matching (same length)
    ref: date | None
    lead_day: date | None
    quotes: list[tuple[int, int]]
    sentences: list[tuple[int, int]]
    mentions: list[dates.DateMention] = field(default_factory=list)


def _lead_day(article: Article, mentions: list[dates.DateMention], ref: date | None) -> date | None:
    """Day of the event the article leads with, if it lies just before publication."""
    if ref is None or not article.published.month_known:
        return None
    text = article.doc.text
    first_break = text.find("\n", mentions[0].span[1]) if mentions else -1
    for mention in mentions:
        if first_break >= 0 and mention.span[0] > first_break:
            break
        if mention.precision == "day" and mention.kind == "point":
            if timedelta(0) <= ref - mention.start <= timedelta(days=SPEECH_DAY_WINDOW):
                return mention.start
            return None
    return None


def _tense(mention: dates.DateMention, text: str, ref: date | None, reresolved: bool) -> str:
    """Tense against the publication date (recomputed only for re-resolved mentions)."""
    tense = mention.tense
    if reresolved and ref is not None and mention.kind != "open":
        # The cues are looked for within the clause, so the paragraph is enough (scanning
        # the whole text for each date would be quadratic in a big file).
        para_start = text.rfind("\n", 0, mention.span[0]) + 1
        para_end = text.find("\n", mention.span[1])
        para_end = len(text) if para_end < 0 else para_end
        local = (mention.span[0] - para_start, mention.span[1] - para_start)
        tense = dates.tense_of(mention.start, mention.end, ref, text[para_start:para_end], local)
    if mention.precision == "recent":
        return mention.tense
    if tense == "ongoing" and mention.precision == "day":
        # News reports what happened on the day it is published.
        return "past"
    return tense


#: A sentence with a date written again word for word, at least this long, is the same
#: statement again (a page's summary line, a copy of the article it holds), not a new event.
RESTATED_CHARS = 12

#: A month and day without a year continue the year of a full date written just before them
#: in their paragraph when they fall this many days after it or fewer (the story goes on).
STORY_DAYS = 60

#: How far after a closing quote the attribution may name the day it was said
#: (”…负责人3月28日在首航仪式上说).
ATTRIBUTION_WINDOW = 40


def _speech_day(mention: dates.DateMention, ctx: _Context) -> tuple[date, str] | None:
    """The day quoted words were spoken: named in the attribution after the quote, else the
    day its paragraph reports before the quote, else the day of the lead event."""
    quote = span_containing(ctx.quotes, mention.span[0])
    if quote is None or ctx.ref is None:
        return None
    text = ctx.article.doc.text
    for other in ctx.mentions:
        if (
            quote[1] <= other.span[0] <= quote[1] + ATTRIBUTION_WINDOW
            and other.precision == "day" and other.kind == "point" and other.anchor != "day"
            and other.start <= ctx.ref
        ):
            said = text[other.span[1] : other.span[1] + ATTRIBUTION_WINDOW].split("。")[0]
            if any(verb in said for verb in cue_words("speech_verbs.txt")):
                return other.start, "speech-attributed"
    paragraph_start = text.rfind("\n", 0, quote[0]) + 1
    for other in reversed(ctx.mentions):
        # 鲁门昨天在声明中说 … 他说：“…五天后…”: the day the speaker is reported to have said it
        if (
            paragraph_start <= other.span[0] < quote[0]
            and other.precision == "day" and other.kind == "point" and other.start <= ctx.ref
        ):
            said = text[other.span[1] : min(other.span[1] + 12, quote[0])].split("。")[0]
            if any(verb in said for verb in cue_words("speech_verbs.txt")):
                return other.start, "speech-attributed"
    earlier = [
        other for other in ctx.mentions
        if paragraph_start <= other.span[0] < quote[0] and other.precision == "day" and other.kind == "point"
        and other.anchor != "day" and timedelta(0) <= ctx.ref - other.start <= timedelta(days=SPEECH_DAY_LIMIT)
    ]
    if earlier:
        return earlier[-1].start, "speech-paragraph"
    if ctx.lead_day is not None:
        return ctx.lead_day, "speech-lead"
    return None


@dataclass(slots=True)
class _Thread:
    """What the text has been talking about so far: what later words refer back to."""

    year: int | None = None  # the year under discussion (全年, 同年, 次年)
    day: date | None = None  # the day of the story (当天, 次日, 当晚10时)
    counts: Counts = field(default_factory=Counts)  # what 第三天, 失联第十一天 count from
    day_paragraph: int = -1  # where that day was named (a paragraph start)
    event: dates.DateMention | None = None  # the latest dated event (当时, 此时, 届时)
    event_paragraph: int = -1
    period: dates.DateMention | None = None  # the period a later 去年同期 compares with
    mention: dates.DateMention | None = None  # the mention just before (7月当月)
    incident: date | None = None  # the incident's day (事发当天): written out, else the story's first day
    dated: dates.DateMention | None = None  # the latest date that writes out its year (２０１１年８月２５日)
    dated_paragraph: int = -1


def _paragraph_start(text: str, position: int) -> int:
    return text.rfind("\n", 0, position) + 1


_MARKUP = re.compile(r"(?:<[^<>]{0,40}>|\s)*")


def _refers_back(text: str, position: int, antecedent_paragraph: int) -> bool:
    """Whether a word at ``position`` may refer to a date named in ``antecedent_paragraph``:
    the same paragraph, or the paragraph before when the word opens its own."""
    paragraph = _paragraph_start(text, position)
    if paragraph == antecedent_paragraph:
        return True
    if antecedent_paragraph < 0 or _MARKUP.fullmatch(text, paragraph, position) is None:
        return False
    return _paragraph_start(text, max(paragraph - 1, 0)) == antecedent_paragraph


_YEAR_WRITTEN = re.compile(r"\d{4}\s*年|[〇零一二三四五六七八九]{4}年|\d{4}[-/.]\d|[今去明前后同当次翌]年")


def _names_a_year(mention: dates.DateMention) -> bool:
    """Whether the expression writes its year (２０１１年８月, 2011-08-25, 去年5月), unlike 8月26日."""
    return _YEAR_WRITTEN.search(normalize(mention.text)) is not None


#: The precisions of a part of a year (年初, 上半年, 一季度, 春季).
_YEAR_PARTS = frozenset({"vague", "quarter", "half-year", "season"})


def _year_part(mention: dates.DateMention) -> bool:
    """Whether the expression is a part of a year without its year (年初, 上半年, 一季度, 春季),
    not a month, a day or a holiday (春节期间, 元旦前后)."""
    return mention.precision in _YEAR_PARTS and re.search(r"[月日号天周]", normalize(mention.text)) is None


def _discourse_word(mention: dates.DateMention) -> str | None:
    """The year-under-discussion word a mention starts with (全年, 同年, 次年3月, 当年年底)."""
    stripped = normalize(mention.text.strip())
    return next((w for w in discourse_year_words() if stripped.startswith(w)), None)


def _resolve(
    mention: dates.DateMention, ctx: _Context, thread: _Thread,
    sentence_mentions: list[dates.DateMention] = (),
) -> tuple[dates.DateMention, str] | None:
    """The mention resolved against what it refers to, and a note saying against what."""
    published = ctx.published
    text = ctx.article.doc.text
    if mention.kind == "antecedent":
        # 当时17岁, 此时, 到那时: the latest dated event of the same paragraph (or of the one
        # before, when the word opens its paragraph).
        event = thread.event
        if event is None or not _refers_back(text, mention.span[0], thread.event_paragraph):
            return None
        return (replace(mention, start=event.start, end=event.end, precision=event.precision, edtf=event.edtf,
                        clock=event.clock, kind="point"),
                note("date-before", event.text))  # fmt: skip
    if mention.kind == "anaphoric":
        # 当日, 次日, 第三天, 下午3时: counted from the day the story was just talking about;
        # 事发当天 from the day of the story's first event; with no day before, the dateline's.
        count = thread.counts.read(mention, sentence_mentions, ctx.plain)
        if count is False:
            return None  # the count names a day the text gives otherwise
        base, kind = thread.day, "day-before"
        if count and count.told_day is not None:
            base = count.told_day  # 第二天出，第三天又出: both from the day told before them
        if incident_day_word(mention, ctx.plain) and thread.incident is not None:
            base, kind = thread.incident, "incident-day"
        if count and count.first_day is not None:
            base, kind = count.first_day, "counted-from"
        if base is None:
            if count and count.unit == "year":
                return None  # 列装第二年: counted from a day the text does not give
            if not published.month_known or ctx.ref is None:
                return None
            base, kind = ctx.ref, "publication-no-day"
        if count:
            thread.counts.settle(count, base)
        again = _reresolve(mention, base)
        detail = count.happening if kind == "counted-from" else published.edtf or ""
        return (again, note(kind, base.isoformat(), detail)) if again else None
    if mention.anchor == "absolute":
        return mention, note("absolute")
    if ctx.ref is None:
        return _without_year(mention)  # an undated article: nothing to resolve against
    if _discourse_word(mention):
        same_sentence = [
            other for other in sentence_mentions
            if other is not mention and not _discourse_word(other)
            and other.kind in ("point", "span") and other.precision != "range"
            and other.span[0] < mention.span[0]
        ]
        year = same_sentence[-1].start.year if same_sentence else thread.year
        if year is not None:
            again = _reresolve(mention, date(year, 12, 31))
            if again is not None:
                return again, note("year-under-discussion", str(year))
    if (mention.anchor == "year" and mention.kind in ("point", "span") and _year_part(mention)
            and not _names_a_year(mention)):
        # 2004年国内汽车厂几乎都完成了年初的计划, 2003年，该厂上半年: a part of the past year the
        # sentence has just written (not of a year forecast: 2013年增长…，与年初的报告相比; not
        # of a baseline: 与2003年相比，上半年出口增长)
        written = [
            other for other in sentence_mentions
            if other is not mention and other.anchor == "absolute" and other.kind == "point"
            and other.precision == "year" and other.span[1] <= mention.span[0]
            and not is_baseline(other, ctx.plain)
        ]
        if written and written[-1].start.year < ctx.ref.year:
            year = written[-1].start.year
            again = _reresolve(mention, date(year, 12, 31))
            if again is not None:
                return again, note("year-under-discussion", str(year))
    spoken = _speech_day(mention, ctx) if published.month_known else None
    if spoken is not None and spoken[0] != ctx.ref:
        again = _reresolve(mention, spoken[0])
        if again is not None:
            return again, note("spoken", spoken[0].isoformat(), spoken[1])
    if (
        mention.anchor == "year" and mention.kind in ("point", "span") and not _names_a_year(mention)
        and thread.dated is not None and thread.dated_paragraph == _paragraph_start(text, mention.span[0])
        and thread.dated.start.year != ctx.ref.year
    ):
        # ２０１１年８月２５日，…，专案组于８月２６日: a month and day continue the year just written
        again = _in_year(mention, thread.dated.start, ctx.ref)
        if again is not None and timedelta(0) <= again.start - thread.dated.start <= timedelta(days=STORY_DAYS):
            return again, note("year-before", thread.dated.text)
    later = offset_after(mention)
    if later and thread.event is not None and _refers_back(text, mention.span[0], thread.event_paragraph):
        # 两个月后, 五天之后: counted from the event the paragraph just dated
        same = thread.day is not None and thread.day_paragraph == thread.event_paragraph
        base = thread.day if later == "day" and same else thread.event.start
        again = _reresolve(mention, base)
        if again is not None:
            return again, note("day-before", base.isoformat())
    if not published.month_known and mention.anchor in ("month", "day"):
        year = ctx.ref.year
        day = published.day if mention.start == ctx.ref else None
        edtf = f"{year:04d}-XX-{day:02d}" if day else f"{year:04d}"
        widened = replace(
            mention, start=date(year, 1, 1), end=date(year, 12, 31), precision="year", edtf=edtf
        )
        return widened, note("publication-widened", published.edtf or "")
    return mention, note("publication", published.edtf or "", published.basis, published.year_basis or "")


def _follow(thread: _Thread, mention: dates.DateMention, resolved: dates.DateMention, text: str,
            year_only: bool = False) -> None:
    """Update what later words refer back to, after ``mention`` was resolved (a date that is a
    modifier, not an event, still sets the year under discussion, nothing else)."""
    if (
        mention.kind in ("point", "anaphoric")
        and resolved.precision in ("year", "month", "day", "quarter", "half-year", "season")
        and not _discourse_word(mention)  # 比上年: a comparison, not a new topic
        and resolved.tense != "planned"  # 明年一季度 is a plan, not the year being reported
    ):
        thread.year = resolved.start.year  # the year under discussion from here on
    if year_only or up_to(mention, text):
        return  # 至昨晚，中毒学生均已出院: a state reached by then, not the day of the story
    paragraph = _paragraph_start(text, mention.span[0])
    if _names_a_year(mention) and resolved.precision == "day" and mention.kind == "point":
        thread.dated, thread.dated_paragraph = resolved, paragraph
    if resolved.precision == "day":
        if thread.dated is not None and mention.anchor == "day" and not (
            timedelta(0) <= resolved.start - thread.dated.start <= timedelta(days=STORY_DAYS)
        ):
            # 4年后的今天, 今天: the story has come back to the days around its publication and
            # left the year written before (此前的8月20日, a month and day, does not)
            thread.dated = None
        thread.day, thread.day_paragraph = resolved.start, paragraph
        thread.counts.day_told(mention, resolved.start, text)
        if mention.kind == "point" and (thread.incident is None or incident_day_named(mention, text)):
            thread.incident = resolved.start


def _amount_dicts(sentence: str) -> list[dict]:
    return [
        {"text": a.text, "kind": a.kind, "value": a.value, "unit": a.unit, "bound": a.bound}
        for a in find_amounts(sentence)
    ]


def _paragraph_orgs(text: str, sentences: list[tuple[int, int]], sentence_span: tuple[int, int],
                    date_start: int) -> list[str]:
    """Organizations the paragraph is about, nearest to the date first.

    Before the date in its own sentence, then earlier sentences of the paragraph (nearest
    first), then the next sentence (a speaker is often named after the quote).
    """
    paragraph_start = text.rfind("\n", 0, sentence_span[0]) + 1
    paragraph_end = text.find("\n", sentence_span[1])
    paragraph_end = len(text) if paragraph_end < 0 else paragraph_end
    names = list(reversed(org_names(text[sentence_span[0] : date_start])))
    index = sentences.index(sentence_span) if sentence_span in sentences else -1
    earlier = [s for s in sentences[:max(index, 0)] if s[0] >= paragraph_start]
    for s, e in reversed(earlier):
        names += reversed(org_names(text[s:e]))
    later = [s for s in sentences[index + 1 : index + 2] if s[1] <= paragraph_end + 1] if index >= 0 else []
    for s, e in later:
        names += org_names(text[s:e])
    seen: list[str] = []
    for name in names:
        if name not in seen:
            seen.append(name)
    return seen


# what may follow a dateline before the story's words: a colon, the reporter's name in brackets
# (the dateline pattern takes a bracket right after it, not one after a colon: 信息：(记者赵晓路))
_DATELINE_BYLINE = re.compile(r"[\s\u3000：:]*(?:[（(][^（）()]{0,30}[）)])?[\s\u3000]*")


# a lead-in without a day: the outlet's name, 讯 or 消息, then a byline in brackets or a colon
# (本报讯（记者涂重航）, 央视网消息(新闻联播)：) — a bracket or a colon, so that 据消息人士透露 is none
_LEAD_IN = re.compile(r"[\s\u3000]*[\u4e00-\u9fff]{1,10}?(?:讯|消息)[\s\u3000]*"
                      r"(?:[（(][^（）()]{0,30}[）)][\s\u3000：:，,]*|[：:][\s\u3000]*)")


def _after_dateline(sentence: str) -> int:
    """Where a sentence that opens with a dateline (新华网马德里3月17日电（记者刘瑞常）) or a
    lead-in (本报讯（记者涂重航）) has its own words begin: they name no part of the event. 0
    without one."""
    found = datelines(sentence)
    if not found or found[0].start() != 0:
        lead = _LEAD_IN.match(sentence)
        return lead.end() if lead else 0
    return _DATELINE_BYLINE.match(sentence, found[0].end()).end()


def _title(mention: dates.DateMention, text: str, sentences: list[tuple[int, int]],
           sentence_span: tuple[int, int], sentence_mentions: list[dates.DateMention],
           headline: str | None = None) -> str:
    lead = _after_dateline(text[sentence_span[0] : sentence_span[1]])
    if lead and sentence_span[0] + lead <= mention.span[0]:
        sentence_span = (sentence_span[0] + lead, sentence_span[1])
    sentence = text[sentence_span[0] : sentence_span[1]]
    if mention.kind == "name-year":
        name = name_title(text, mention.span[1], mention.text)
        if name:
            return shorten(name)
    local = (mention.span[0] - sentence_span[0], mention.span[1] - sentence_span[0])
    clauses = clause_spans(sentence, 0, len(sentence))
    index = next((i for i, (s, e) in enumerate(clauses) if s <= local[0] < e), 0)
    others = [
        (m.span[0] - sentence_span[0], m.span[1] - sentence_span[0])
        for m in sentence_mentions if m.span != mention.span and m.kind not in ("name-year", "duration")
    ]
    previous_clause = None
    if index > 0:
        s, e = clauses[index - 1]
        previous_clause = "".join(
            ch for i, ch in enumerate(sentence[s:e], start=s) if not any(a <= i < b for a, b in others)
        )
    orgs = _paragraph_orgs(text, sentences, sentence_span, mention.span[0])
    return event_title(sentence, local, context_orgs=orgs, previous_clause=previous_clause, other_dates=others,
                       headline=headline)


_match_cache: tuple[str, str] | None = None


def match_text(text: str) -> str:
    """``text`` normalised for matching words (:func:`desktop.core.text.numerals.normalize`: same
    length, so offsets hold). The last text's result is kept: each article of a big
    many-article file asks again."""
    global _match_cache
    cached = _match_cache
    if cached is not None and cached[0] is text:
        return cached[1]
    plain = normalize(text)
    _match_cache = (text, plain)
    return plain


def _in_excluded(mention: dates.DateMention, excluded: list[tuple[int, int]]) -> bool:
    return any(s <= mention.span[0] < e for s, e in excluded)


def _without_headline(article: Article) -> list[tuple[int, int]]:
    """The article's excluded ranges less its headline: a date in the headline of a text
    file dates an event like body text (``上半年财政收入增速放缓``). A saved page repeats its
    headline in the page title, so there it stays excluded."""
    title = (article.title or "").strip()
    if len(title) < 4 or article.doc.path.suffix.lower() in (".html", ".htm"):
        return article.excluded
    position = article.doc.text.find(title, *article.span)
    if position < 0:
        return article.excluded
    head = (position, position + len(title))
    out: list[tuple[int, int]] = []
    for s, e in article.excluded:
        if e <= head[0] or s >= head[1]:
            out.append((s, e))
            continue
        if s < head[0]:
            out.append((s, head[0]))
        if e > head[1]:
            out.append((head[1], e))
    return out


#: Confidence of a publication date read from the dates an article names (no date printed).
CONF_FROM_MENTIONS = CONF_INFERRED / 2


def published_from_mentions(mentions: list[dates.DateMention], known: Published) -> Published | None:
    """For an article whose publication date is unknown: the year (and day) its own absolute
    dates point to, so that relative dates still resolve (low confidence, basis shown).

    The latest full date the text writes out (a stamp left in a saved page) when it lies in
    the latest year named, else that year alone (month unknown: day expressions widen to
    the year). Planned dates (到2035年) do not count.
    """
    if known.year is not None:
        return None
    absolute = [m for m in mentions if m.anchor == "absolute" and m.kind in ("point", "name-year")
                and m.tense != "planned" and m.precision in ("day", "month", "year")]
    if not absolute:
        return None
    year = max(m.start.year for m in absolute)
    days = [m.start for m in absolute if m.precision == "day" and m.start.year == year]
    if days:
        day = max(days)
        return Published(day.year, day.month, day.day, "inferred",
                         f"据内容推断：文中未写发布日期，取文中最晚的完整日期（{day.isoformat()}）",
                         CONF_FROM_MENTIONS)
    return Published(year, None, None, "inferred",
                     f"据内容推断：文中未写发布日期，取文中最晚的年份（{year}年），月份不详",
                     CONF_FROM_MENTIONS / 2)


def article_events(article: Article, keyterms: list[str], article_title: str | None = None,
                   published: Published | None = None) -> list[Event]:
    """The dated events of one article (in text order).

    ``published`` overrides the article's own publication date (a date the user set; the
    article keeps its own). An article with no known date gets one inferred from its absolute
    dates (:func:`published_from_mentions`), written back to ``article.published`` so its
    record shows what its relative dates were resolved against.
    """
    doc = article.doc
    text = doc.text
    start, end = article.span
    published = published or article.published
    ref = published.reference
    excluded = _without_headline(article)
    masked = mask(text[start:end], [(s - start, e - start) for s, e in excluded])
    found = dates.find_dates(masked, ref or date.today())
    if ref is None:
        inferred = published_from_mentions(found, published)
        if inferred is not None:
            article.published = published = inferred
            ref = published.reference
            if any(m.anchor != "absolute" for m in found):
                found = dates.find_dates(masked, ref)
    mentions = [_shift(m, start) for m in found]
    mentions = merge_clock_after_day(merge_bracketed(mentions, text), text)
    ctx = _Context(
        article=article,
        published=published,
        plain=match_text(text),
        ref=ref,
        lead_day=_lead_day(article, [m for m in mentions if not _in_excluded(m, article.excluded)], ref),
        quotes=speech_spans(text),
        sentences=sentence_spans(text, start, end),
        mentions=mentions,
    )
    by_sentence: dict[tuple[int, int], list[dates.DateMention]] = {}
    for mention in mentions:
        sentence = span_containing(ctx.sentences, mention.span[0]) or mention.span
        by_sentence.setdefault(sentence, []).append(mention)

    text_sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    plain = ctx.plain  # for matching words: traditional characters, full-width digits mapped
    events: list[Event] = []
    said: set[tuple[date, date, str, int, str]] = set()
    thread = _Thread()
    for mention in mentions:
        sentence_span = span_containing(ctx.sentences, mention.span[0]) or mention.span
        if not dates_an_event(mention, by_sentence[sentence_span], plain, sentence_span[0]):
            continue
        if repeats_previous(mention, thread.mention, plain):
            continue
        thread.mention = mention
        resolved = _resolve(mention, ctx, thread, by_sentence[sentence_span])
        if resolved is None:
            continue
        if (is_baseline(mention, plain) or holiday_not_a_date(mention, plain) or in_document_name(mention, plain)
                or recurring_or_generic(mention, plain) or years_counted(mention, plain)
                or counted_from_an_action(mention, plain)):
            continue  # a comparison, a reference, a name, a generic period: nothing refers back to it
        modifier = not keeps_after_resolution(mention, by_sentence[sentence_span]) or not_an_event(mention, plain)
        partial = resolved[1] == NO_YEAR  # its year is a stand-in: nothing may count from it
        if not partial:
            _follow(thread, mention, resolved[0], plain, year_only=modifier)
        if modifier:
            continue
        if resolved[0].kind != "duration" and resolved[0].precision != "recent" and not partial:
            thread.event, thread.event_paragraph = resolved[0], _paragraph_start(text, mention.span[0])
        refined = deadline_unit(starts_at(resolved[0]))
        if refined.text.endswith("同期"):
            nearby = [m for m in by_sentence[sentence_span] if m is not mention and is_period(m)]
            nearby.sort(key=lambda m: abs(m.span[0] - mention.span[0]))
            refined = same_period(refined, nearby[0] if nearby else thread.period)
        elif is_period(refined):
            thread.period = refined
        refined = stock_date(refined, plain, sentence_span)
        if ref is not None:
            refined = since_verb(refined, plain, ref)
        resolved = (refined, resolved[1])
        reresolved = resolved[0] is not mention
        mention, against = resolved
        # A megabyte line with no punctuation is one "sentence": the event takes the
        # window around its date, so nothing below works on a huge string.
        sentence_mentions = by_sentence[sentence_span]
        sentence_span = window_around(sentence_span, mention.span)
        sentence = text[sentence_span[0] : sentence_span[1]]
        clause = next(
            (text[s:e] for s, e in clause_spans(text, *sentence_span) if s <= mention.span[0] < e), sentence
        )
        if published.month_known:
            tense = _tense(mention, text, ref, reresolved)
        else:
            tense = _year_tense(mention, ref)
        # the whole sentence: 第98例：…，1月19日从武汉到玉溪探亲 and 第99例：…, the same words after
        # the date, are two people. (Under headings of their own lines, 病例1：/病例2：, the
        # same sentence would be one event; the shared corpus has none such, and its repeats are
        # a photo caption a page shows three times, a page's copy of its article, a title.)
        told = (mention.start, mention.end, mention.precision, mention.span[0] - sentence_span[0], sentence)
        if len(sentence) >= RESTATED_CHARS and told in said:
            continue  # a paragraph the page repeats word for word (a summary line, a copy): said once
        said.add(told)
        title = _title(mention, text, ctx.sentences, sentence_span, sentence_mentions,
                       headline=article_title or article.title)
        precision, edtf = mention.precision, mention.edtf
        if precision == "day" and mention.clock is not None:
            precision, edtf = dates.with_clock(mention.start, mention.clock)  # 昨日下午2时许: 14时
        start, end = (None, None) if partial else (mention.start, mention.end)
        if partial:
            edtf = partial_edtf(edtf)
        events.append(
            Event(
                id=event_id(text_sha, mention.span, mention.text),
                article_id=article.id,
                file=article.file,
                article_title=article_title or article.title or "",
                outlet=article.outlet,
                published=published.date,
                published_edtf=published.edtf,
                published_basis=published.detail,
                published_confidence=published.confidence,
                start=start,
                end=end,
                precision=precision,
                edtf=edtf,
                tense=tense,
                resolved_against=against,
                date_text=mention.text,
                date_span=mention.span,
                sentence=sentence,
                sentence_span=sentence_span,
                title=title,
                category=categorize(clause, sentence, tense, title=f"{mention.text} {title}"),
                places=place_names(sentence),
                orgs=org_names(sentence),
                amounts=_amount_dicts(sentence),
                keyterms=[t for t in keyterms if t in sentence][:8],
            )
        )
    if not events:
        reported = _reported_event(article, ctx, text_sha, keyterms, article_title)
        if reported is not None:
            events.append(reported)
    return events


#: The resolution code of an article's one event when its text names no date: the day it was
#: published (see :func:`_reported_event`).
REPORTED = "reported"


def _lead_span(article: Article, sentences: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The first sentence of the body: not in the headline nor in an excluded range (a
    header's stamp and source lines, a byline), with a word of Chinese in it."""
    title = (article.title or "").strip()
    text = article.doc.text
    for span in sentences:
        sentence = text[span[0]:span[1]].strip()
        if (len(sentence) < 6 or any(s <= span[0] < e for s, e in article.excluded)
                or (title and sentence in title) or not re.search(r"[\u4e00-\u9fff]{2}", sentence)):
            continue
        return span
    return None


def _reported_event(article: Article, ctx: _Context, text_sha: str, keyterms: list[str],
                    article_title: str | None) -> Event | None:
    """An article whose text dates nothing is still news of the day it came out (a flash, a
    broadcast item): one event on its publication day, its lead as the sentence and its
    headline as the title, resolved as ``reported``. Only an article that says its whole
    publication date; an inferred date or a caption gives none."""
    published = ctx.published
    day = published.date
    if article.kind != "article" or day is None or published.inferred:
        return None
    lead = _lead_span(article, ctx.sentences)
    if lead is None:
        return None
    text = article.doc.text
    sentence = text[lead[0]:lead[1]]
    headline = " ".join((article_title or article.title or "").split())
    title = shorten(headline if len(headline) >= 4 else sentence)
    return Event(
        id=event_id(text_sha, (lead[0], lead[0]), REPORTED),
        article_id=article.id,
        file=article.file,
        article_title=article_title or article.title or "",
        outlet=article.outlet,
        published=day,
        published_edtf=published.edtf,
        published_basis=published.detail,
        published_confidence=published.confidence,
        start=day,
        end=day,
        precision="day",
        edtf=day.isoformat(),
        tense="past",
        resolved_against=note(REPORTED, day.isoformat(), published.basis, published.year_basis or ""),
        date_text="",
        date_span=(lead[0], lead[0]),
        sentence=sentence,
        sentence_span=lead,
        title=title,
        category=categorize(sentence, sentence, "past", title=title),
        places=place_names(sentence),
        orgs=org_names(sentence),
        amounts=_amount_dicts(sentence),
        keyterms=[t for t in keyterms if t in sentence][:8],
    )


#: Precisions a date keeps without its year (5月16日 → XXXX-05-16, 5月 → XXXX-05).
_PARTIAL_PRECISIONS = ("day", "month", "hour", "minute", "range")
_YEAR_DIGITS = re.compile(r"\d{4}(?=-)")
NO_YEAR = "no-year"


def _without_year(mention: dates.DateMention) -> tuple[dates.DateMention, str] | None:
    """A month and day in an article whose year nothing tells (no publication date, no year
    in the text): kept as a partial date, ``XXXX-05-16``, with no interval until the user
    gives the article its date; a relative word (昨天, 下月) stays unresolved."""
    if mention.anchor != "year" or mention.kind not in ("point", "span") \
            or mention.precision not in _PARTIAL_PRECISIONS:
        return None
    return mention, note(NO_YEAR)


def partial_edtf(edtf: str) -> str:
    """The EDTF with its years unknown: ``2026-05-16`` → ``XXXX-05-16``."""
    return _YEAR_DIGITS.sub("XXXX", edtf)


def _year_tense(mention: dates.DateMention, ref: date | None) -> str:
    """Tense when only the publication year is known."""
    if ref is None:
        return mention.tense
    tense = interval_tense(mention.start, mention.end, date(ref.year, 1, 1), date(ref.year, 12, 31))
    if tense != "ongoing":
        return tense
    return "past" if mention.tense != "planned" else "planned"
