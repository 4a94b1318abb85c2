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

``从2015年1月签约,到2016年10月试生产`` gives **two** events (2015-01 签约, 2016-10 试生产):
text stands between the two dates, so each dates its own clause; ``2019年至2021年`` is one
range event.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from . import dates
from .amounts import find_amounts
from .articles import Article
from .categories import categorize
from .event_rules import (
    cue_words,
    dates_an_event,
    discourse_year_words,
    is_period,
    keeps_after_resolution,
    merge_bracketed,
    not_an_event,
    repeats_previous,
    same_period,
    since_verb,
    speech_spans,
    stock_date,
    takes_effect,
)
from .orgs import org_names
from .places import place_names
from .sentences import clause_spans, sentence_spans, span_containing, window_around
from .titles import event_title, name_title, shorten

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
    start: date
    end: date
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


@dataclass(slots=True)
class _Context:
    """What an article's events are resolved against."""

    article: Article
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
    if tense == "ongoing" and mention.precision == "day":
        # News reports what happened on the day it is published.
        return "past"
    return tense


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
                return other.start, "named where the words are attributed"
    paragraph_start = text.rfind("\n", 0, quote[0]) + 1
    earlier = [
        other for other in ctx.mentions
        if paragraph_start <= other.span[0] < quote[0] and other.precision == "day" and other.kind == "point"
        and other.anchor != "day" and timedelta(0) <= ctx.ref - other.start <= timedelta(days=SPEECH_DAY_LIMIT)
    ]
    if earlier:
        return earlier[-1].start, "the day its paragraph reports"
    if ctx.lead_day is not None:
        return ctx.lead_day, "the lead event"
    return None


def _resolve(
    mention: dates.DateMention, ctx: _Context, previous_year: int | None, previous_day: date | None,
    sentence_mentions: list[dates.DateMention] = (),
) -> tuple[dates.DateMention, str] | None:
    """The mention resolved against what it refers to, and a note saying against what."""
    published = ctx.article.published
    text = ctx.article.doc.text
    if mention.kind == "anaphoric":
        # 当日, 次日, 第三天: counted from the day the story was just talking about.
        if previous_day is None:
            return None
        again = _reresolve(mention, previous_day)
        return (again, f"the day mentioned before ({previous_day.isoformat()})") if again else None
    if mention.anchor == "absolute":
        return mention, "absolute"
    if ctx.ref is None:
        return None  # relative expression in an undated article: nothing to resolve against
    if mention.text.strip() in discourse_year_words():
        same_sentence = [
            other for other in sentence_mentions
            if other is not mention and other.text.strip() not in discourse_year_words()
            and other.kind in ("point", "span") and other.precision != "range"
        ]
        year = same_sentence[0].start.year if same_sentence else previous_year
        if year is not None:
            again = _reresolve(mention, date(year, 12, 31))
            if again is not None:
                return again, f"the year under discussion ({year})"
    spoken = _speech_day(mention, ctx) if published.month_known else None
    if spoken is not None and spoken[0] != ctx.ref:
        again = _reresolve(mention, spoken[0])
        if again is not None:
            return again, f"the day the quoted words were spoken ({spoken[0].isoformat()}, {spoken[1]})"
    if not published.month_known and mention.anchor in ("month", "day"):
        year = ctx.ref.year
        day = published.day if mention.start == ctx.ref else None
        edtf = f"{year:04d}-XX-{day:02d}" if day else f"{year:04d}"
        widened = replace(
            mention, start=date(year, 1, 1), end=date(year, 12, 31), precision="year", edtf=edtf
        )
        return widened, f"publication {published.edtf} (month unknown: widened to the year)"
    _ = text
    return mention, f"publication {published.edtf} ({published.basis})"


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


def _title(mention: dates.DateMention, text: str, sentences: list[tuple[int, int]],
           sentence_span: tuple[int, int], sentence_mentions: list[dates.DateMention]) -> str:
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
    return event_title(sentence, local, context_orgs=orgs, previous_clause=previous_clause, other_dates=others)


def article_events(article: Article, keyterms: list[str], article_title: str | None = None) -> list[Event]:
    """The dated events of one article (in text order)."""
    doc = article.doc
    text = doc.text
    start, end = article.span
    published = article.published
    ref = published.reference
    masked = mask(text[start:end], [(s - start, e - start) for s, e in article.excluded])
    mentions = [_shift(m, start) for m in dates.find_dates(masked, ref or date.today())]
    mentions = merge_bracketed(mentions, text)
    ctx = _Context(
        article=article,
        ref=ref,
        lead_day=_lead_day(article, mentions, ref),
        quotes=speech_spans(text),
        sentences=sentence_spans(text, start, end),
        mentions=mentions,
    )
    by_sentence: dict[tuple[int, int], list[dates.DateMention]] = {}
    for mention in mentions:
        sentence = span_containing(ctx.sentences, mention.span[0]) or mention.span
        by_sentence.setdefault(sentence, []).append(mention)

    text_sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    events: list[Event] = []
    previous_year: int | None = None
    previous_day: date | None = None
    previous_period: dates.DateMention | None = None
    previous_mention: dates.DateMention | None = None
    for mention in mentions:
        sentence_span = span_containing(ctx.sentences, mention.span[0]) or mention.span
        if not dates_an_event(mention, by_sentence[sentence_span], text, sentence_span[0]):
            continue
        if repeats_previous(mention, previous_mention, text):
            continue
        previous_mention = mention
        resolved = _resolve(mention, ctx, previous_year, previous_day, by_sentence[sentence_span])
        if resolved is None:
            continue
        if (
            mention.kind in ("point", "anaphoric")
            and resolved[0].precision in ("year", "month", "day", "quarter", "half-year", "season")
            and mention.text.strip() not in discourse_year_words()  # 比上年: a comparison, not a new topic
            and resolved[0].tense != "planned"  # 明年一季度 is a plan, not the year being reported
        ):
            previous_year = resolved[0].start.year  # the year under discussion from here on
        if resolved[0].precision == "day":
            previous_day = resolved[0].start
        if not keeps_after_resolution(mention, by_sentence[sentence_span]) or not_an_event(mention, text):
            continue
        refined = takes_effect(resolved[0], text)
        if refined.text.endswith("同期"):
            nearby = [m for m in by_sentence[sentence_span] if m is not mention and is_period(m)]
            nearby.sort(key=lambda m: abs(m.span[0] - mention.span[0]))
            refined = same_period(refined, nearby[0] if nearby else previous_period)
        elif is_period(refined):
            previous_period = refined  # the period a later 去年同期 compares with
        refined = stock_date(refined, text, sentence_span)
        if ref is not None:
            refined = since_verb(refined, text, ref)
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
        title = _title(mention, text, ctx.sentences, sentence_span, sentence_mentions)
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
                start=mention.start,
                end=mention.end,
                precision=mention.precision,
                edtf=mention.edtf,
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
    return events


def _year_tense(mention: dates.DateMention, ref: date | None) -> str:
    """Tense when only the publication year is known."""
    if ref is None:
        return mention.tense
    if mention.end.year < ref.year:
        return "past"
    if mention.start.year > ref.year:
        return "planned"
    return "past" if mention.tense != "planned" else "planned"
