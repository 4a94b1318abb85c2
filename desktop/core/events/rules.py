"""Text rules that decide whether a date expression dates an event, and refine its interval.

Each rule reads the words around the expression (lists in ``resources/cues/``): a date in
a name or a document title, a season opening a name, quoted speech, 自X起施行, 截至7月末,
创办以来, 去年同期, 今天（4月18日）. :mod:`desktop.core.events.pipeline` applies them in order.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta
from functools import cache

from desktop.core import dates
from desktop.core.reading.published import is_numeric_stamp
from desktop.core.resources import word_list
from desktop.core.text.numerals import normalize
from desktop.core.text.segmenter import pos_cut
from desktop.core.text.sentences import quote_spans


@cache
def discourse_year_words() -> frozenset[str]:
    return frozenset(word_list("cues", "discourse_year.txt"))


_speech_cache: tuple[str, list[tuple[int, int]]] | None = None


def speech_spans(text: str) -> list[tuple[int, int]]:
    """Quotations that are speech (a clause or more), not quoted terms such as “十四五”.

    The last text's result is kept: each article of a big many-article file asks again.
    """
    global _speech_cache
    cached = _speech_cache
    if cached is not None and cached[0] is text:
        return list(cached[1])
    spans = []
    for start, end in quote_spans(text):
        inner = text[start + 1 : end - 1]
        if len(inner) >= 12 and any(ch in inner for ch in "，,。！？!?；;"):
            spans.append((start, end))
    _speech_cache = (text, spans)
    return list(spans)


@cache
def cue_words(name: str) -> tuple[str, ...]:
    return tuple(sorted(word_list("cues", name), key=len, reverse=True))


_PLAN_PERIOD = re.compile(r"十[一二三四五六七八九]五")
_MONTH_OR_YEAR_END = re.compile(r"[月年](?:末|底)$")


def since_verb(mention: dates.DateMention, text: str, ref: date) -> dates.DateMention:
    """``自二〇〇四年创办以来``: a verb between the date and 以来 still makes an open range."""
    if mention.kind != "point" or mention.start > ref:
        return mention
    after = text[mention.span[1] : mention.span[1] + 20]
    verb = next((v for v in cue_words("since_verbs.txt") if after.startswith(v)), None)
    if verb is None:
        return mention
    rest = after[len(verb) :]
    framed = text[max(mention.span[0] - 1, 0) : mention.span[0]] in ("自", "从")
    # 创办以来; or, framed by 自/从, a short object between: 自2017年开行首趟海铁联运班列以来
    gap = re.match(r"[\u4e00-\u9fff]{0,12}?(?=以来|至今)", rest) if framed else None
    if not rest.startswith(("以来", "至今")) and gap is None:
        return mention
    start_edtf = mention.edtf.split("/")[0]
    return replace(mention, end=ref, precision="open-range", kind="open", tense="past",
                   edtf=f"{start_edtf}/{ref.isoformat()}")


def stock_date(mention: dates.DateMention, text: str, sentence: tuple[int, int]) -> dates.DateMention:
    """``截至7月末`` / ``比上年末增长`` / ``5月末，全市实有…``: a balance on the last day."""
    if mention.precision != "vague" or not _MONTH_OR_YEAR_END.search(mention.text):
        return mention
    before = text[max(mention.span[0] - 3, sentence[0]) : mention.span[0]]
    clause_end = min((i for i in (text.find(c, mention.span[1]) for c in "。；;") if i >= 0), default=sentence[1])
    after = text[mention.span[1] : min(clause_end, sentence[1])]
    cues = cue_words("stock_figures.txt")
    if not (any(cue in before for cue in cues) or any(cue in after[:30] for cue in cues)):
        return mention
    return replace(mention, start=mention.end, precision="day", edtf=mention.end.isoformat(), kind="point")


_AGE = re.compile(r"(?:已经|已)?[\d〇零一二两三四五六七八九十百]+(?:多|余)?(?:周)?岁")


def not_an_event(mention: dates.DateMention, text: str) -> bool:
    """General "now" (现在最快3天, 今天的中国), an age (今年28岁的他) and planning periods naming a
    document (“十四五”规划纲要)."""
    if normalize(mention.text.strip()) in cue_words("generic_now.txt"):
        return True
    if normalize(mention.text.strip()) in ("今天", "今日") and text.startswith("的", mention.span[1]) \
            and text.startswith(cue_words("generic_today_nouns.txt"), mention.span[1] + 1):
        return True  # 今天的中国: the present age
    if mention.precision == "year" and mention.anchor != "absolute" and _AGE.match(text, mention.span[1]):
        return True
    if _PLAN_PERIOD.search(mention.text):
        after = text[mention.span[1] : mention.span[1] + 6]
        return after.startswith(cue_words("plan_documents.txt"))
    return False


def is_period(mention: dates.DateMention) -> bool:
    """A reported period shorter than a year (一季度, H1, 1—8月), not a plan."""
    return (
        mention.precision in ("month", "quarter", "half-year", "range")
        and (mention.end - mention.start).days < 366
        and mention.tense != "planned"
        and not mention.text.endswith("同期")
    )


def year_earlier(value: date) -> date:
    """The same day a year earlier; a month's last day stays its month's last day."""
    month_end = (value + timedelta(days=1)).day == 1
    first = value.replace(day=1, year=value.year - 1)
    if month_end:
        return (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    return first.replace(day=value.day)


def same_period(mention: dates.DateMention, period: dates.DateMention | None) -> dates.DateMention:
    """``去年同期`` next to ``今年H1``/``1—8月``: that period a year earlier, not the whole year."""
    if period is None or not mention.text.endswith("同期") or mention.precision != "year":
        return mention
    if period.start.year != mention.start.year + 1 or period.end.year != period.start.year:
        return mention
    start, end = year_earlier(period.start), year_earlier(period.end)
    edtf = period.edtf.replace(str(period.start.year), str(start.year))
    return replace(mention, start=start, end=end, precision=period.precision, edtf=edtf)


_START_WORD = re.compile(r"^(?:从|自|由)?\s*(?P<core>.+?)\s*(?:起|开始)$")


def starts_at(mention: dates.DateMention) -> dates.DateMention:
    """``从4月份开始``, ``自2026年1月19日起``, ``自2023年11月1日起施行``: a start word dates the
    unit it starts from (the month, the day), not a range up to publication; ``X以来`` and
    ``X起至今`` stay open ranges."""
    if mention.kind != "open":
        return mention
    m = _START_WORD.match(normalize(mention.text.strip()))
    if m is None:
        return mention
    unit = dates.parse_date(m.group("core"), mention.ref)
    if unit is None or unit.kind not in ("point", "span") or unit.start != mention.start:
        return mention
    return replace(mention, end=unit.end, precision=unit.precision, edtf=unit.edtf, kind="point",
                   tense=unit.tense)


_DEADLINE = re.compile(r"^(?P<core>.+?)\s*(?:之前|以前|前)$")


def deadline_unit(mention: dates.DateMention) -> dates.DateMention:
    """``６月底前完成``, ``2030年前建成``: a deadline dates the unit it names (the end of June,
    the year 2030), not the span from publication up to it (the real-text conventions:
    a modifier keeps the unit it modifies)."""
    if mention.kind != "span" or mention.start != mention.ref:
        return mention
    m = _DEADLINE.match(normalize(mention.text.strip()))
    if m is None:
        return mention
    core = m.group("core")
    if core.endswith(("底", "末")) and core[-2:-1] in ("月", "年"):
        core = core[:-1]  # 6月底前: by the end of June, the month of June
    unit = dates.parse_date(core, mention.ref)
    if unit is None or unit.end != mention.end or unit.kind not in ("point", "span"):
        return mention
    return replace(mention, start=unit.start, precision=unit.precision, edtf=unit.edtf, kind="point")


def inside_marks(text: str, position: int, start: int, opening: str, closing: str) -> bool:
    """Whether ``position`` lies inside ``opening``…``closing`` marks opened after ``start``."""
    before = text[start:position]
    return before.rfind(opening) > before.rfind(closing)


def is_named(mention: dates.DateMention, text: str, sentence_start: int) -> bool:
    """Part of a name: a year before an event name, a date inside a document title 《…》 or
    a 【…】 label, a season or month opening a name (春季购物节, 夏季运动会)."""
    if mention.kind == "name-year":
        return True
    position = mention.span[0]
    if inside_marks(text, position, sentence_start, "《", "》") or inside_marks(
        text, position, sentence_start, "【", "】"
    ):
        return True
    if mention.precision in ("month", "season") and not re.search(r"\d|[〇零一二三四五六七八九]{2,}年", mention.text):
        # no year of its own: a season or month that opens a name, or sits in a quoted term
        run = re.match(r"[^\W\d的之]{1,8}", text[mention.span[1] : mention.span[1] + 8])
        suffixes = cue_words("name_suffixes.txt")
        if run and any(run[0][:k].endswith(suffixes) for k in range(1, len(run[0]) + 1)):
            return True
        if mention.precision in ("month", "season") and in_term_quote(text, mention.span):
            return True
    return incident_name(mention, text)


def incident_name(mention: dates.DateMention, text: str) -> bool:
    """``“9·11”事件``, ``7·23动车事故``: a month·day naming an incident (quoted, or before an
    incident word within a few characters), not a day of the year of publication."""
    if not _DOT_DATE.fullmatch(mention.text.strip()):
        return False
    after = text[mention.span[1] : mention.span[1] + 5]
    return in_term_quote(text, mention.span) or any(word in after for word in cue_words("incident_names.txt"))


_DOT_DATE = re.compile(r"\d{1,2}\s*[·.]\s*\d{1,2}")


def in_term_quote(text: str, span: tuple[int, int]) -> bool:
    """Inside a short quotation that is a term or a name (“四季十二月”), not speech."""
    before = text[max(span[0] - 12, 0) : span[0]]
    after = text[span[1] : span[1] + 12]
    if before.rfind("“") <= before.rfind("”") or "”" not in after:
        return False
    inside = before[before.rfind("“") + 1 :] + after[: after.index("”")]
    return not any(c in inside for c in "，。！？,")


def dates_an_event(mention: dates.DateMention, sentence_mentions: list[dates.DateMention], text: str,
          sentence_start: int) -> bool:
    """Durations and machine stamps date nothing; a date that is part of a name dates an event
    only when its sentence has no other date."""
    if mention.kind == "duration" or incident_name(mention, text) or is_numeric_stamp(mention.text):
        return False  # 发表时间：2004-12-11 9:51:00 is when the page was posted
    if is_named(mention, text, sentence_start):
        if not re.search(r"\d|年", mention.text):
            return False  # a season or month in a name (春季购物节) dates nothing; only a year can
        others = [
            m for m in sentence_mentions
            if m is not mention and m.kind != "duration" and not is_named(m, text, sentence_start)
        ]
        return not others and mention.kind in ("name-year", "point", "span")
    return True


def merge_bracketed(mentions: list[dates.DateMention], text: str) -> list[dates.DateMention]:
    """``今天（4月18日）``: the written date in brackets right after a relative one is the same
    day: one mention, with the written date's interval."""
    merged: list[dates.DateMention] = []
    skip = False
    for number, first in enumerate(mentions):
        second = mentions[number + 1] if number + 1 < len(mentions) else None
        if skip:
            skip = False
            continue
        if (
            second is not None
            and first.anchor != "absolute"
            and text[first.span[1] : second.span[0]] in ("（", "(")
            and text[second.span[1] : second.span[1] + 1] in ("）", ")")
            and second.precision == "day"
        ):
            end = second.span[1] + 1
            merged.append(replace(second, text=text[first.span[0] : end], span=(first.span[0], end)))
            skip = True
        else:
            merged.append(first)
    return merged


@cache
def _day_to_clock_re() -> re.Pattern[str]:
    """What may stand between a day and the clock time that opens the next clause: a comma,
    and the name of the clock (北京时间)."""
    labels = "|".join(re.escape(word) for word in dates.CLOCK_LABELS)
    return re.compile(rf"[，,\s]*(?:{labels})?\s*" if labels else r"[，,\s]*")


def merge_clock_after_day(mentions: list[dates.DateMention], text: str) -> list[dates.DateMention]:
    """``2008年5月12日，北京时间14时28分，…``: a clock time that opens the clause right after a
    written day (its clock's name between them or not) is that day's time: one mention."""
    merged: list[dates.DateMention] = []
    between_re = _day_to_clock_re()
    for mention in mentions:
        first = merged[-1] if merged else None
        if (
            first is not None and first.precision == "day" and first.kind == "point" and first.clock is None
            and mention.kind == "anaphoric" and mention.clock is not None and dates.is_clock_time(mention.text)
            and between_re.fullmatch(text, first.span[1], mention.span[0])
        ):
            merged[-1] = replace(first, text=text[first.span[0] : mention.span[1]],
                                 span=(first.span[0], mention.span[1]), clock=mention.clock)
        else:
            merged.append(mention)
    return merged


def keeps_after_resolution(mention: dates.DateMention, sentence_mentions: list[dates.DateMention]) -> bool:
    """A year inside a phrase (``…园区2024年第三批项目开工``) is a modifier, not an event, when
    its sentence also has a day or month of that same year."""
    if mention.precision not in ("year", "quarter", "half-year", "season") or mention.kind != "point" \
            or mention.anchor != "absolute":
        return True
    finer = [
        m for m in sentence_mentions
        if m.precision in ("day", "month") and m.kind in ("point", "anaphoric") and m.start.year == mention.start.year
    ]
    return not finer or mention is sentence_mentions[0]


REPEATING_WORDS = ("当月", "当年", "同月", "同年", "当季")


def repeats_previous(mention: dates.DateMention, previous: dates.DateMention | None, text: str) -> bool:
    """``7月当月产量``: a "that month" word right after a date repeats it; ``今年是“十五五”开局之年``:
    a date that is the predicate of the date before it names the same time again;
    ``20日中午12点02分（北京时间21日凌晨2点02分）``: a bracket right after a date that tells it by
    another clock (``date_clock_labels.txt``) is the same moment. Not new events."""
    if previous is None:
        return False
    between = text[previous.span[1] : mention.span[0]]
    if between.strip().startswith(("（", "(")) and between.strip()[1:] in dates.CLOCK_LABELS:
        return True
    if normalize(mention.text) in REPEATING_WORDS:
        return 0 <= mention.span[0] - previous.span[1] <= 1 and not between.strip("的")
    return between.strip() in ("是", "为", "即") and (previous.start, previous.end) == (mention.start, mention.end)


_CLAUSE_ENDS = "，,。；;！？!?\n"
_SENTENCE_ENDS = "。；;！？!?\n"


def _before(text: str, span: tuple[int, int], width: int, ends: str = _CLAUSE_ENDS) -> str:
    """The text right before a span, within its clause (``ends``: within what else)."""
    before = text[max(span[0] - width, 0) : span[0]]
    cut = max(before.rfind(c) for c in ends)
    return before[cut + 1 :]


def incident_day_word(mention: dates.DateMention, text: str) -> bool:
    """``事发当天``, ``案发当日``: the day of the incident the story reports, not the day just named."""
    if mention.kind != "anaphoric":
        return False
    return _after_incident_word(mention, text)


def incident_day_named(mention: dates.DateMention, text: str) -> bool:
    """``事发当天（9月28日）``: the incident's day written out, which later ``事发当天`` and
    ``事发次日`` count from (rather than from the story's first dated day)."""
    return mention.kind == "point" and mention.precision == "day" and _after_incident_word(mention, text)


def _after_incident_word(mention: dates.DateMention, text: str) -> bool:
    return _before(text, mention.span, 4).endswith(cue_words("incident_words.txt"))


def up_to(mention: dates.DateMention, text: str) -> bool:
    """``截至前天上午8时``, ``至昨晚，…均已出院``: a state reached by a day, not the day the
    story is about (later 当天 / 当晚 do not refer to it)."""
    return _before(text, mention.span, 3).endswith(cue_words("date_up_to.txt")) or normalize(mention.text).startswith(
        cue_words("date_up_to.txt"))


_OFFSET_AFTER = re.compile(
    r"^(?:[\d〇零一二两三四五六七八九十百几半多个]+(?P<u>天|日|周|星期|个月|月|年)半?多?(?:之后|以后|后)"
    r"|(?:此后|其后)[\d〇零一二两三四五六七八九十百几半多个]+(?P<u2>天|日|周|星期|个月|月|年))$"
)


def offset_after(mention: dates.DateMention) -> str | None:
    """``两个月后``, ``五天之后``, ``三年后``: a count after a date; the unit (day, month or
    year) it is counted in, or None."""
    m = _OFFSET_AFTER.match(normalize(mention.text.strip()))
    if m is None or mention.kind != "point":
        return None
    return "day" if (m.group("u") or m.group("u2")) in ("天", "日", "周", "星期") else "month"


def counted_from_an_action(mention: dates.DateMention, text: str) -> bool:
    """``使用4周后``, ``服药3天后``: a count of time right after a verb runs from that action,
    not from the text's day (``offset_from_now_verbs.txt``: 预计两年后 still does)."""
    if offset_after(mention) is None:
        return False
    before = _before(text, mention.span, 6)
    if not before:
        return False
    word, flag = pos_cut(before)[-1]
    return flag.startswith("v") and not word.endswith(cue_words("offset_from_now_verbs.txt"))


def is_baseline(mention: dates.DateMention, text: str) -> bool:
    """A comparison baseline, not an event: ``比2019年``, ``较上年``, ``比去年同期``, ``增速比上半年
    加快``, ``与2019年相比`` (cue lists ``comparison_before.txt``, ``comparison_after.txt``)."""
    before = _before(text, mention.span, 3)
    if before.endswith(cue_words("comparison_before.txt")):
        return True
    if not before.endswith(("与", "和", "同", "跟")):
        return False
    after = text[mention.span[1] : mention.span[1] + 8]
    return re.match(r"(?:的|年)?(?:水平|数据|同期)?", after) is not None and any(
        after[k:].startswith(cue_words("comparison_after.txt")) for k in range(0, 5))


@cache
def _holiday_names() -> tuple[str, ...]:
    from desktop.core.dates._lexicon import HOLIDAYS

    return tuple(sorted(HOLIDAYS, key=len, reverse=True))


def holiday_not_a_date(mention: dates.DateMention, text: str) -> bool:
    """A holiday named as a reference, not as the date of an event: two holidays run together
    (铁路国庆中秋假期运输, 国庆中秋长假过半, 中秋、国庆双节: the text gives the dates), a holiday followed by
    后 (春节后上班第一天: a time after it, not the festival) and another country's 国庆 (法国国庆)."""
    names = _holiday_names()
    core = normalize(mention.text.strip())
    for prefix in ("今年的", "今年", "去年", "明年"):
        core = core.removeprefix(prefix)
    if not core.startswith(names):
        return False
    after = text[mention.span[1] : mention.span[1] + 6]
    before = text[max(mention.span[0] - 4, 0) : mention.span[0]]
    if after.lstrip("、和与及").startswith(names) or before.rstrip("、和与及").endswith(names):
        return True  # 国庆中秋长假, 中秋、国庆双节
    if core.startswith("国庆") and text[max(mention.span[0] - 8, 0) : mention.span[0]].rstrip("的").endswith(
            cue_words("foreign_countries.txt")):
        return True  # 法国国庆, 朝鲜国庆71周年: that country's day, not 1 October
    return after.startswith(("后", "之后", "以后", "过后"))


def in_document_name(mention: dates.DateMention, text: str) -> bool:
    """A date or planning period that opens the name of a document a clause publishes
    (印发“十四五”现代综合交通运输体系发展规划, 发布2018-2019年秋冬季…攻坚行动方案): right
    after a publishing verb (``document_publish_verbs.txt``), then CJK words up to a document
    ending (``document_suffixes.txt``) with no verb, breaker or punctuation between."""
    if mention.precision in ("day", "hour", "minute", "recent"):
        return False
    if not _before(text, mention.span, 8).rstrip("了的《“\"").endswith(cue_words("document_publish_verbs.txt")):
        return False  # 面向2035年建设规划, 实施2025—2027年…行动计划: the plan's own years
    run = re.match(r"[\u4e00-\u9fff]{1,30}", text[mention.span[1] : mention.span[1] + 30])
    if run is None:
        return False
    words = run.group()
    breakers = "".join(word_list("cues", "date_name_breakers.txt"))
    verbs = cue_words("document_name_verbs.txt")
    for end in range(len(words), 1, -1):
        head = words[:end]
        if head.endswith(cue_words("document_suffixes.txt")):
            body = head[: -max(len(s) for s in cue_words("document_suffixes.txt") if head.endswith(s))]
            return not any(ch in breakers for ch in body) and not any(v in body for v in verbs)
    return False


_BARE_YEARS = re.compile(r"[0-9０-９〇零一二三四五六七八九十百千]+年")


def years_counted(mention: dates.DateMention, text: str) -> bool:
    """A bare ``N年`` right after a founding verb (建城2240年, 得名1800年,
    ``anniversary_verbs.txt``) counts years since then: an anniversary, not a calendar year."""
    if mention.precision != "year" or not _BARE_YEARS.fullmatch(normalize(mention.text.strip())):
        return False
    return _before(text, mention.span, 3).endswith(cue_words("anniversary_verbs.txt"))


_YEAR_COUNT = re.compile(r"第[0-9〇零一二两三四五六七八九十]+年")


def _under_every_year(mention: dates.DateMention, text: str) -> bool:
    """A year the sentence refers to after a recurring year (每年发电量超过3亿度，可以满足一个县城的
    全年用电; 每年的缴费上限是12000元，在第二年计算个人所得税时): any year's, not one year."""
    stripped = normalize(mention.text.strip())
    if stripped not in discourse_year_words() and not _YEAR_COUNT.fullmatch(stripped):
        return False
    before = _before(text, mention.span, 160, _SENTENCE_ENDS)
    return any(word in before for word in cue_words("recurring_before.txt") if word.startswith("每") and "年" in word)


def recurring_or_generic(mention: dates.DateMention, text: str) -> bool:
    """A period that recurs (每年11月上旬, 每逢春节), a year said under a recurring one (每年…
    全年用电), or a season named without a year (冬天来了, 秋冬季是高发期): not an event."""
    if _before(text, mention.span, 4).endswith(cue_words("recurring_before.txt")):
        return True
    if _under_every_year(mention, text):
        return True
    # a later item of a list the recurring word opens: 每当季末、年底、大的节日之前
    clause = _before(text, mention.span, 16)
    if clause.endswith(("、", "和", "及")) and any(word in clause for word in cue_words("recurring_before.txt")):
        return True
    return normalize(mention.text.strip()) in cue_words("generic_periods.txt")
