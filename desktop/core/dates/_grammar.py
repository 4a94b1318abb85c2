"""The date grammar: a trigger scan plus small anchored regexes tried at each trigger.

Works on the same-length normalised text (see :func:`desktop.core.text.numerals.normalize`), so every
position is also a position in the caller's string.  :func:`scan` returns :class:`Hit` records;
the public module turns them into ``DateMention`` objects.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from desktop.core.dates._calendar import (
    clock_of,
    first_monday,
    holiday,
    lunar_day,
    months,
    nearest_holiday,
    nth_weekday,
    quarter,
    season,
    shift,
    two_digit_year,
    valid_day,
    wd_index,
    winter_year,
)
from desktop.core.dates._lexicon import (
    AFTER_RE,
    ANA_DAY,
    ANA_RE,
    ANTECEDENT_RE,
    APPROX_RE,
    BARE_DAY_NUM_RE,
    BARE_DAY_RE,
    BARE_LEFT_RE,
    BARE_YEAR_AFTER,
    BARE_YEAR_PART_RE,
    BARE_YEAR_RE,
    BARE_YEAR_TIME_RE,
    BEFORE_COMMON_ERA,
    CENT_RE,
    CLOCK_LABEL_LEFT,
    CLOCK_LABELS,
    CLOCK_LEFT_RE,
    CLOCK_RE,
    CN,
    CONN_RE,
    COUNT_RE,
    DAY_RE,
    DEADLINE_RE,
    DECADE_RE,
    FROM_RE,
    HAO_DAY_LEFT,
    HAO_DAY_NEXT,
    HAO_NAME_CLOSE,
    HAO_ORDINAL_LEFT,
    HAO_VERBS,
    HOLIDAYS,
    HORIZON_RE,
    LIST_SEP_RE,
    LIST_STOP_RE,
    LONE_CLOCK_LEFT,
    LONE_CLOCK_NOT,
    LONE_CLOCK_RE,
    LONE_TOD,
    LUNAR_MONTHS,
    MID_OK_RE,
    MID_YEAR_WORDS,
    MONTH_RE,
    MPART_RE,
    NAME_BREAKERS,
    NAME_NOT,
    NAME_SUFFIXES,
    NAME_YEAR_RE,
    NEW_YEAR_RE,
    NOW_RE,
    NUM_DM_RE,
    NUM_DMY_RE,
    NUM_MD_RE,
    NUM_YM_RE,
    NUM_YMD8_RE,
    NUM_YMD_RE,
    NUM_YMD_SP_RE,
    OPEN_RE,
    PAREN_DAY_RE,
    PAREN_REL,
    PAREN_REL_RE,
    PLAN_RE,
    PLAN_TAIL_RE,
    QUOTES,
    RECENT,
    RECENT_CLAUSE_BACK,
    RECENT_FUTURE_RE,
    RECENT_NOT_AFTER,
    RECENT_RE,
    REL_DAY,
    REL_DAY_RE,
    REL_MONTH,
    REL_MONTH_RE,
    REL_QUARTER,
    REL_QUARTER_RE,
    REL_SEASON,
    REL_YEAR,
    REL_YEAR_RE,
    REPEAT_RE,
    SAME_DAY_RE,
    SAME_PERIOD_RE,
    SEASON,
    SEASON_RE,
    START_WORD_RE,
    STOP_RE,
    TOD,
    TRIGGER_FIRST_RE,
    TRIGGER_RE,
    TWO_YEARS_RE,
    UP_TO_WORDS,
    VAGUE_PAST,
    VAGUE_PAST_LEFT,
    VAGUE_PAST_RE,
    WEEK_RE,
    WEEKDAY_AFTER_RE,
    YEAR_DU_RE,
    YEAR_NEEDS_PART,
    YEAR_PART_COUNT_LEFT,
    YEAR_RE,
    YPART_RE,
)
from desktop.core.dates._model import (
    Iv,
    add_months,
    bound_edtf,
    iv_day,
    iv_month,
    iv_span,
    iv_week,
    iv_year,
    monday,
    month_end,
    stronger_anchor,
    valid_year,
)
from desktop.core.dates.intervals import plan_first_year
from desktop.core.text.numerals import digit_string, to_int, to_int_range

_HAO_LIST_RE = re.compile(r"\s*[、和及与]\s*\d{1,2}号")
#: what opens a count of the time just past (近4日, 最近三个月, 过去的两年)
_PAST_PRE = frozenset({"近", "最近", "过去", "过去的"})


#: holiday names, for the checks that look at what a holiday is followed by
_HOLIDAY_NAMES = tuple(HOLIDAYS)


class Reject(Exception):  # noqa: N818 - control flow, not an error
    """An impossible date (2月30日): nothing inside ``[start, end)`` may become a mention."""

    def __init__(self, end: int) -> None:
        super().__init__(end)
        self.end = end


@dataclass(slots=True)
class Hit:
    """A parsed expression: span ``[start, end)``, interval, kind, and the end of a name-year's name."""

    start: int
    end: int
    iv: Iv
    kind: str = "point"
    name_end: int = -1


# ---------------------------------------------------------------- parser

#: The order in which the grammar tries its rules at a trigger (Parser.parse_at), first to last:
#:   1. a horizon word then a date (到2025年, 截至昨日): the date, widened to the word;
#:   2. a start word then a span (自…起, 从…开始);
#:   3. 近日/日前/近期 (a recent span before publication);  4. 前两天/前几年 (vague past);
#:   5. a time of day before its day (上午9时许，…);  6. a word that refers back (当时, 此时);
#:   7. a count (三年前, 两个月后) or a range or atom (X至Y, X), whichever reads further;
#:   8. a time of day standing alone (下午3时许).
#: Inside a range or atom (Parser.atom) the rules below are tried in this order.
NAMED_PERIOD_RULES = ("plan", "century")  # “十四五”期间, 本世纪: periods with a name, before numbers
ATOM_RULES = ("rel_day", "week", "cal", "season_word", "anaphoric")  # 今天, 上周三, 2025年2月28日, 今冬, 当日


class Parser:
    def __init__(self, text: str, ref: date, strict: bool) -> None:
        self.text, self.ref, self.strict = text, ref, strict

    # -- entry point at a trigger
    def parse_at(self, start: int) -> Hit | None:
        text, ref = self.text, self.ref
        match = HORIZON_RE.match(text, start)
        if match:
            hit = self.range_or_atom(match.end())
            if hit is None:
                return None
            if hit.kind == "point" and hit.iv.end >= ref and hit.iv.anchor in ("absolute", "year"):
                hit.start = start
            return hit
        match = FROM_RE.match(text, start)
        if match:
            hit = self.range_or_atom(match.end())
            if hit is not None and hit.kind in ("span", "open"):
                hit.start = start
            return hit
        hit = self.recent(start)
        if hit is not None:
            return hit
        if text.startswith("前", start):
            hit = self.vague_past(start)
            if hit is not None:
                return hit
        match = CLOCK_LEFT_RE.match(text, start)
        if match:
            hit = self.clock_left(start, match.end())
            if hit is not None:
                return hit
        match = ANTECEDENT_RE.match(text, start)
        if match:
            return Hit(start, match.end(), iv_day(ref, "day", ""), "antecedent")
        hits = [
            candidate
            for candidate in (self.count(start), self.range_or_atom(start))
            if candidate is not None
        ]
        if hits:
            return max(hits, key=lambda candidate: candidate.end)
        return self.lone_clock(start)

    def lone_clock(self, start: int) -> Hit | None:
        """``下午3时许，记者赶到``: a clock or part of the day opening a clause, on the day the
        text is talking about (kind ``anaphoric``, resolved against ``ref``)."""
        text = self.text
        match = LONE_CLOCK_RE.match(text, start)
        if match is None or not match.group().strip():
            return None
        end = match.end()
        clock_text = match.group()
        before = text[start - 1] if start > 0 else ""
        if before in "”’」』" and start > 1 and text[start - 2] in "。！？!?…":
            before = ""  # …而不懈奋斗！”上午10时，大会开始: a quoted sentence has ended
        label = next((word for word in CLOCK_LABELS if text.endswith(word, 0, start)), "")
        if label and (start == len(label) or text[start - len(label) - 1] in CLOCK_LABEL_LEFT):
            before = ""  # 当地时间下午1时许，专机抵达: the label opens the clause, the time follows it
        # at the start of a clause, after 于/在 (火灾于九时被控制), after 至/到/截止 at the start of
        # one (截至下午3时，…; 至下午2时火场明火基本扑灭), or after 为/是 when the time is
        # unmistakable (起火时间为晚上11点左右, 事发时间是6时10分左右)
        bound = next((w for w in UP_TO_WORDS if text.endswith(w, 0, start)), "")
        if bound and (start == len(bound) or text[start - len(bound) - 1] in LONE_CLOCK_LEFT):
            before = ""  # 截至下午3时，…: the bound opens the clause, the time follows it
        if before and before not in LONE_CLOCK_LEFT and before not in "于在" and not (
            before in "为是" and (re.match(LONE_TOD, clock_text) or re.search(r"分|许|左右", clock_text))
        ):
            return None
        if (end >= len(text) and self.strict) or (
            end < len(text) and (text[end].isdigit() or text[end] in "年月日号天个%.~-—至到")
        ):
            return None  # no clause after it (in running text), a clock range (opening hours), 8点5%
        if not re.match(LONE_TOD, clock_text) and not re.search(r"\d\s*[:时点]|[时:]", clock_text):
            return None  # 零点五 is a number
        if clock_text in LONE_CLOCK_NOT:
            return None  # 一时间，直播间充满了弹幕: "for a moment", not one o'clock
        clock = clock_of(clock_text)
        if clock is None and end < len(text) and text[end] not in "，,、 " and not (
            text[end] == "的" and before and (before in LONE_CLOCK_LEFT or before == "在")
        ):
            return None  # a part of the day alone opens a clause (上午，…, 在上午的沙龙上), not a word (下午茶)
        iv = iv_day(self.ref, "day", "")
        iv.anaphoric = True
        iv.clock = clock
        return Hit(start, end, iv, "anaphoric")

    # -- ranges, open ranges, deadlines around one atom
    def range_or_atom(self, start: int) -> Hit | None:
        text, ref = self.text, self.ref
        left = self.atom(start, None)
        if left is None:
            return self.bare_left(start, None, start)
        left_end, iv = left
        if iv.anaphoric:
            cm = CONN_RE.match(text, left_end)
            right = self.right_end(cm.end(), iv) if cm else None
            if right is not None and right[1].end >= iv.start:
                return self.make_range(start, right[0], iv, right[1])
            return Hit(start, left_end, iv, "anaphoric")
        more = self.day_list(left_end, iv)
        if more is not None:
            return self.make_range(start, more[0], iv, more[1])
        if iv.fine in ("y", "m") and iv.prec in ("year", "month"):
            hit = self.bare_left(left_end, iv, start)
            if hit is not None:
                return hit
        conn_at = left_end
        sw = START_WORD_RE.match(text, left_end)
        if sw:
            conn_at = sw.end()
        cm = CONN_RE.match(text, conn_at)
        if cm:
            right = self.right_end(cm.end(), iv)
            if right is not None and right[1].end >= iv.start:
                return self.make_range(start, right[0], iv, right[1])
        match = OPEN_RE.match(text, left_end)
        if match and iv.start <= ref:
            end = match.end()
            now = CONN_RE.match(text, end)
            if match.group() == "起" and now and NOW_RE.match(text, now.end()):
                end = now.end() + 1
            return Hit(start, end, iv_span(iv.start, ref, "open-range", "day",
                                           f"{bound_edtf(iv, True)}/{ref.isoformat()}"),
                       "open")  # fmt: skip
        match = APPROX_RE.match(text, left_end)
        if match:
            iv.edtf += "~"
            return Hit(start, match.end(), iv)
        match = DEADLINE_RE.match(text, left_end)
        if match and iv.end >= ref:
            return Hit(start, match.end(), iv_span(ref, iv.end, "range", "day",
                                                   f"{ref.isoformat()}/{bound_edtf(iv, False)}"),
                       "span")  # fmt: skip
        match = AFTER_RE.match(text, left_end)
        if match and iv.prec != "day" and iv.end < ref:
            # 2004年之后开工建设: from then up to now
            return Hit(start, match.end(), iv_span(iv.start, ref, "open-range", "day",
                                                   f"{bound_edtf(iv, True)}/{ref.isoformat()}"),
                       "open")  # fmt: skip
        hit = Hit(start, left_end, iv, "span" if iv.prec == "range" else "point")
        if iv.plain_year:
            hit.name_end = self.name_end(left_end)
            if hit.name_end >= 0:
                hit.kind = "name-year"
        return hit

    def make_range(self, start: int, end: int, left: Iv, right: Iv) -> Hit:
        text = self.text
        match = STOP_RE.match(text, end)
        if match:
            end = match.end()
        match = DEADLINE_RE.match(text, end)
        if match:
            end = match.end()
        anchor = stronger_anchor(left.anchor, right.anchor)
        edtf = f"{bound_edtf(left, True)}/{bound_edtf(right, False)}"
        kind = "anaphoric" if left.anaphoric or right.anaphoric else "span"
        return Hit(start, end, iv_span(left.start, right.end, "range", anchor, edtf), kind)

    def day_list(self, atom_end: int, iv: Iv) -> tuple[int, Iv] | None:
        """``9月10号，11号，12号``, ``3月1日、5日和8日``: bare days after a month-day, separated
        only by ，、和及与, in increasing order; returns the end and the last day."""
        text = self.text
        if (
            iv.prec != "day"
            or iv.lead not in ("y", "m")
            or atom_end == 0
            or text[atom_end - 1] not in "日号"
        ):
            return None
        year, month, last = iv.start.year, iv.start.month, iv.start.day
        end = atom_end
        while True:
            sep = LIST_SEP_RE.match(text, end)
            dm = DAY_RE.match(text, sep.end()) if sep else None
            if dm is None:
                break
            day = to_int(dm.group("n"))
            if (
                day is None
                or day <= last
                or not valid_day(year, month, day)
                or LIST_STOP_RE.match(text, dm.end())
            ):
                break
            if dm.group("u") == "号" and not self._hao_ok(dm.end()):
                break
            last, end = day, dm.end()
        if end == atom_end:
            return None
        return end, iv_day(date(year, month, last), iv.anchor)

    def vague_past(self, start: int) -> Hit | None:
        """``前两天`` (ref-5..ref-1) and ``前两年`` (4..1 years back) at the start of a clause."""
        text, ref = self.text, self.ref
        match = VAGUE_PAST_RE.match(text, start)
        if match is None or (start > 0 and text[start - 1] not in VAGUE_PAST_LEFT):
            return None
        lo, hi = VAGUE_PAST[match.group("u")]
        if match.group("u") == "天":
            iv = iv_span(ref - timedelta(days=hi), ref - timedelta(days=lo), "vague", "day")
        else:
            first_year, last_year = ref.year - hi, ref.year - lo
            iv = iv_span(date(first_year, 1, 1), date(last_year, 12, 31), "vague", "year",
                         f"{first_year}/{last_year}", first_year)  # fmt: skip
        return Hit(start, match.end(), iv)

    def recent(self, start: int) -> Hit | None:
        """``近日``, ``日前``, ``不久前`` …: the weeks before ``ref`` (``resources/cues/
        date_recent.txt``); before 将/拟/内 … (``近期将召开``) the weeks after it."""
        match = RECENT_RE.match(self.text, start)
        if match is None:
            return None
        not_after = RECENT_NOT_AFTER.get(match.group())
        if not_after is not None and not_after.search(self.text, max(0, start - RECENT_CLAUSE_BACK), start):
            return None  # 离灾难最近, 距离帆船最近: the nearest, not the recent past
        days, ref = RECENT[match.group()], self.ref
        if RECENT_FUTURE_RE.match(self.text, match.end()):
            first, last = ref, ref + timedelta(days=days)
        else:
            first, last = ref - timedelta(days=days), ref
        edtf = f"{first.isoformat()}~/{last.isoformat()}"
        return Hit(start, match.end(), iv_span(first, last, "recent", "day", edtf))

    def clock_left(self, start: int, right_at: int) -> Hit | None:
        """``13:20~次日05:40``, ``夜间至次日上午``: a clock or part of the day on the anaphoric
        day (``ref``) up to an anaphoric day word."""
        right = self.atom(right_at, None)
        if right is None or not right[1].anaphoric or right[1].prec != "day":
            return None
        left = iv_day(self.ref, "day", "")
        left.anaphoric = True
        return self.make_range(start, right[0], left, right[1])

    def right_end(self, start: int, left: Iv) -> tuple[int, Iv] | None:
        if NOW_RE.match(self.text, start):
            return start + 1, iv_day(self.ref, "day")
        found = self.atom(start, left)
        if (
            found is not None
            and found[1].anaphoric
            and found[1].prec == "day"
            and not left.anaphoric
        ):
            if left.prec != "day":
                return None
            # 3月5日13:20至次日05:40: the next day of the left end, not of ref
            return found[0], iv_day(left.start + (found[1].start - self.ref), left.anchor, "")
        if found is None and left.numeric:
            match = BARE_YEAR_RE.match(self.text, start)
            year = int(match.group("y")) if match and match.group("y").isdigit() else None
            if valid_year(year):
                return match.end(), iv_year(year, "absolute")
        return found

    def bare_left(self, number_at: int, prefix: Iv | None, hit_start: int) -> Hit | None:
        """``2018年2——4月``, ``1985到89年9月``, ``1-9月``: a unit-less number left of a range."""
        match = BARE_LEFT_RE.match(self.text, number_at)
        if match is None:
            return None
        cm = CONN_RE.match(self.text, match.end())
        right = self.atom(cm.end(), prefix)
        if right is None:
            return None
        end, right_iv = right
        number = to_int(match.group("n"))
        if number is None:
            return None
        if right_iv.lead == "y" and prefix is None:
            raw = match.group("n")
            ds = digit_string(raw)
            if ds is None or len(ds) not in (2, 4):
                return None
            year = int(ds) if len(ds) == 4 else two_digit_year(int(ds), self.ref)
            if not valid_year(year):
                return None
            left_iv = iv_year(year, "absolute")
        elif right_iv.lead == "m" and (prefix is None or prefix.fine == "y") and 1 <= number <= 12:
            year = prefix.y if prefix else right_iv.y
            left_iv = iv_month(year, number, prefix.anchor if prefix else right_iv.anchor)
        elif (
            right_iv.lead == "d"
            and (prefix is None or prefix.fine == "m")
            and valid_day(right_iv.y, right_iv.m, number)
        ):
            left_iv = iv_day(date(right_iv.y, right_iv.m, number), right_iv.anchor)
        else:
            return None
        if right_iv.end < left_iv.start:
            return None
        return self.make_range(hit_start, end, left_iv, right_iv)

    # -- one atom
    def atom(self, start: int, ctx: Iv | None) -> tuple[int, Iv] | None:
        text = self.text
        if start >= len(text):
            return None
        found = self.first_rule(NAMED_PERIOD_RULES, start, ctx)
        if found is not None:
            return found
        found = self.first_rule(ATOM_RULES, start, ctx)
        if found is not None and found[1].prec == "day":
            end = found[0]
            match = WEEKDAY_AFTER_RE.match(text, end)
            if match:
                end = match.end()
            match = None if found[1].anaphoric else SAME_DAY_RE.match(text, end)
            if match:
                end = match.end()  # 6月14日当天: the day itself
            match = CLOCK_RE.match(text, end)
            if match and text.startswith("晚会", end) and text[start:end].endswith(_HOLIDAY_NAMES):
                match = None  # 七夕晚会, 春节晚会: the gala, not the evening
            if match and match.end() > end and text[end : match.end()].strip():
                found[1].clock = clock_of(text[start : match.end()])  # from start: 当晚10时 is 22:00
                end = match.end()
            found = (end, found[1])
        if found is None and ctx is None and self.strict:
            match = NAME_YEAR_RE.match(text, start)
            if match and valid_year(int(match.group("y"))):
                iv = iv_year(int(match.group("y")), "absolute")
                if self.name_end(match.end()) >= 0:
                    iv.plain_year = True
                    return match.end(), iv
        return found

    def first_rule(
        self, rules: tuple[str, ...], start: int, ctx: Iv | None
    ) -> tuple[int, Iv] | None:
        """The first of ``rules`` (method names, in order) that reads a date at ``start``."""
        for name in rules:
            found = self.cal(start, ctx) if name == "cal" else getattr(self, name)(start)
            if found is not None:
                return found
        return None

    def name_end(self, start: int) -> int:
        """End of an event name starting at ``start`` (CJK or ·, ending in a name suffix), or -1."""
        text = self.text
        cursor = start
        while cursor < len(text) and cursor - start < 40:
            if text[cursor] in "（(":
                # a place in brackets inside the name: 2023中国（天津）智能制造博览会
                window = range(cursor + 1, min(cursor + 10, len(text)))
                close = next((pos for pos in window if text[pos] in "）)"), -1)
                inside = text[cursor + 1 : close]
                if close < 0 or not all("\u4e00" <= char <= "\u9fff" for char in inside):
                    return -1
                cursor = close + 1
                continue
            if not ("\u4e00" <= text[cursor] <= "\u9fff" or text[cursor] == "·"):
                break
            if text[cursor] in NAME_BREAKERS:
                return -1
            cursor += 1
            for suf in NAME_SUFFIXES:
                if (
                    cursor - start >= len(suf) + 2
                    and text.endswith(suf, start, cursor)
                    and not self._in_not_word(cursor, suf)
                ):
                    return cursor
        return -1

    def _in_not_word(self, end: int, suf: str) -> bool:
        """Whether the suffix ending at ``end`` overlaps a listed non-name word (季节, 发展…)."""
        suf_start = end - len(suf)
        for word in NAME_NOT:
            for start in range(max(suf_start - len(word) + 1, 0), end):
                if start + len(word) > suf_start and self.text.startswith(word, start):
                    return True
        return False

    def plan(self, start: int) -> tuple[int, Iv] | None:
        match = PLAN_RE.match(self.text, start)
        if match is None:
            return None
        number = 10 + to_int(match.group("n"))
        if number < 3:
            return None
        if start > 0 and self.text[start - 1] in CN:
            return None
        end = match.end()
        oq, cq = match.group("q"), match.group("qc")
        if oq and QUOTES[oq] != cq:
            return None  # the trigger at 十 takes the unquoted form
        if cq and not oq:
            end -= 1
        y0 = plan_first_year(number)
        tail = PLAN_TAIL_RE.match(self.text, end)
        part = tail.group("p")
        if tail.group("fl"):
            years = to_int(tail.group("fn"))
            if years is not None and 1 <= years <= 5:
                if tail.group("fl") != "后":
                    from_year, to_year = y0, y0 + years - 1
                else:
                    from_year, to_year = y0 + 5 - years, y0 + 4
                iv = iv_span(date(from_year, 1, 1), date(to_year, 12, 31), "range", "absolute",
                             f"{from_year}/{to_year}")  # fmt: skip
                return tail.end(), iv
            fl_at = tail.start("fl")
            end = fl_at - (self.text[fl_at - 1] == "的" and fl_at > tail.start())
        else:
            end = tail.end()
        if part:
            year = y0 + 4 if part in ("收官之年", "收官", "末期", "末") else y0
            iv = iv_year(year, "absolute", "")
        else:
            iv = iv_span(
                date(y0, 1, 1), date(y0 + 4, 12, 31), "range", "absolute", f"{y0}/{y0 + 4}"
            )
        return end, iv

    def century(self, start: int) -> tuple[int, Iv] | None:
        text, ref = self.text, self.ref
        match = CENT_RE.match(text, start)
        anchor = "absolute"
        if match:
            if match.group("rel"):
                rel = match.group("rel")
                c0 = ref.year // 100 * 100 + (
                    -100 if rel.startswith("上") else 100 if rel.startswith("下") else 0
                )
                anchor = "year"
            else:
                ordinal = to_int(match.group("c"))
                if ordinal is None or not 1 <= ordinal <= 22:
                    return None
                c0 = (ordinal - 1) * 100
            if match.group("d"):
                decade = to_int(match.group("d"))
                if decade is None or decade % 10 or not 0 <= decade <= 90:
                    return None
                return match.end(), self._decade(c0 + decade, match.group("p"), anchor)
            part = match.group("p")
            lo, hi = {
                None: (0, 99),
                "上半叶": (0, 49),
                "下半叶": (50, 99),
                "中期": (40, 59),
                "中叶": (40, 59),
            }.get(part, (0, 19) if part in ("初期", "初", "前期", "早期") else (80, 99))
            if part is None:
                return match.end(), iv_span(date(max(c0, 1), 1, 1), date(c0 + 99, 12, 31),
                                            "century", anchor, f"{c0 // 100:02d}XX",
                                            c0)  # fmt: skip
            return match.end(), iv_span(date(max(c0 + lo, 1), 1, 1), date(c0 + hi, 12, 31),
                                        "vague", anchor, f"{c0 + lo:04d}/{c0 + hi:04d}",
                                        c0)  # fmt: skip
        match = DECADE_RE.match(text, start)
        if match:
            decade = to_int(match.group("d"))
            return match.end(), self._decade(
                two_digit_year(decade, ref) if decade < 100 else decade, match.group("p"), anchor
            )
        return None

    @staticmethod
    def _decade(y0: int, part: str | None, anchor: str) -> Iv:
        if part is None:
            return iv_span(
                date(y0, 1, 1), date(y0 + 9, 12, 31), "decade", anchor, f"{y0 // 10:03d}X", y0
            )
        lo, hi = (
            (0, 2) if part in ("初期", "初", "前期", "早期") else (3, 6) if part == "中期" else (7, 9)
        )
        return iv_span(date(y0 + lo, 1, 1), date(y0 + hi, 12, 31), "vague", anchor,
                       f"{y0 + lo:04d}/{y0 + hi:04d}", y0)  # fmt: skip

    def rel_day(self, start: int) -> tuple[int, Iv] | None:
        text, ref = self.text, self.ref
        match = PAREN_REL_RE.match(text, start)
        if match is not None:
            day = self.nearest_day(
                to_int(match.group("n")), ref + timedelta(days=PAREN_REL[match.group("w")])
            )
            if day is not None:
                return match.end(), day  # 今（30）日: the 30th nearest to today
        match = REL_DAY_RE.match(text, start)
        if match is None:
            return None
        base = ref + timedelta(days=REL_DAY[match.group()])
        return self.paren_day(match.end(), base) or (match.end(), iv_day(base, "day", ""))

    def paren_day(self, start: int, base: date) -> tuple[int, Iv] | None:
        """``(15日)`` after a relative day: the day of month nearest to ``base``."""
        pm = PAREN_DAY_RE.match(self.text, start)
        if pm is None:
            return None
        if pm.group("mo"):
            # 今天（10月1日）: the written month and day, in the year nearest to base
            month, day_of_month = to_int(pm.group("mo")), to_int(pm.group("n"))
            days = [date(year, month, day_of_month)
                    for year in (base.year - 1, base.year, base.year + 1)
                    if month and valid_day(year, month, day_of_month)]  # fmt: skip
            if not days:
                return None
            nearest = min(days, key=lambda candidate: abs((candidate - base).days))
            return pm.end(), iv_day(nearest, "year", "")
        day = self.nearest_day(to_int(pm.group("n")), base)
        return None if day is None else (pm.end(), day)

    @staticmethod
    def nearest_day(day_of_month: int | None, base: date) -> Iv | None:
        """Day ``day_of_month`` of the month of ``base``, of the month before or after: the
        nearest."""
        cands = []
        for off in (-1, 0, 1):
            first = add_months(base.replace(day=1), off)
            if day_of_month is not None and valid_day(first.year, first.month, day_of_month):
                cands.append(first.replace(day=day_of_month))
        if not cands:
            return None
        return iv_day(min(cands, key=lambda candidate: abs((candidate - base).days)), "month", "")

    def anaphoric(self, start: int) -> tuple[int, Iv] | None:
        """当日/当天/当晚 (ref), 次日/翌日 (ref+1), 前一天 (ref-1), 第N天 (ref+N-1), 第N年 (ref's
        year+N-1)."""
        match = ANA_RE.match(self.text, start)
        if match is None:
            return None
        ref = self.ref
        if match.group("ny"):
            nth = to_int(match.group("ny"))
            if not nth or nth > 100 or not valid_year(ref.year + nth - 1):
                return None
            iv = iv_year(ref.year + nth - 1, "year", "")
        else:
            if match.group("nd"):
                nth = to_int(match.group("nd"))
                if not nth or nth > 366:
                    return None
                offset = nth - 1  # 第三天: two days after the day told
            else:
                offset = ANA_DAY[match.group()]  # 次日 +1, 前一天 -1
            base = ref + timedelta(days=offset)
            found = self.paren_day(match.end(), base)
            if found is not None:
                return found  # 当天(15日): the day of month is written, nothing anaphoric is left
            iv = iv_day(base, "day", "")
        iv.anaphoric = True
        return match.end(), iv

    def week(self, start: int) -> tuple[int, Iv] | None:
        match = WEEK_RE.match(self.text, start)
        if match is None:
            return None
        rel = match.group("r")
        off = len(rel) * (-1 if rel[0] == "上" else 1) if rel and rel[0] in "上下" else 0
        mon = monday(self.ref) + timedelta(weeks=off)
        wd = match.group("wd") or match.group("wd2")
        if wd:
            return match.end(), iv_day(mon + timedelta(days=wd_index(wd)), "day", "")
        if match.group("we"):  # 本周末: Saturday and Sunday
            saturday, sunday = mon + timedelta(days=5), mon + timedelta(days=6)
            return match.end(), iv_span(saturday, sunday, "range", "day")
        if match.group("wb"):  # 下周初: the first days of the week
            return match.end(), iv_span(mon, mon + timedelta(days=2), "vague", "day")
        return match.end(), iv_week(mon, "day")

    def season_word(self, start: int) -> tuple[int, Iv] | None:
        match = SEASON_RE.match(self.text, start)
        if match is None:
            return None
        idx = SEASON[match.group("s")]
        year = (winter_year(self.ref) if idx == 3 else self.ref.year) + REL_SEASON[match.group("r")]
        return match.end(), season(year, idx, "year")

    # -- calendar expressions
    def cal(self, start: int, ctx: Iv | None) -> tuple[int, Iv] | None:
        text, ref = self.text, self.ref
        if text[start].isdigit():
            found = self.numeric(start)
            if found is not None:
                return found
        rep = REPEAT_RE.match(text, start)
        if rep:
            return self.repeated(rep.end() - 1, len(rep.group()))
        year = None
        anchor, lead, two, plain, pos = "absolute", "", False, False, start
        match = TWO_YEARS_RE.match(text, start)
        if match:
            return match.end(), iv_span(date(ref.year, 1, 1), date(ref.year + 1, 12, 31),
                                        "range", "year", f"{ref.year}/{ref.year + 1}",
                                        ref.year)  # fmt: skip
        mid_ok = True
        match = NEW_YEAR_RE.match(text, start)
        if match:
            year = ref.year + (1 if ref.month >= 11 else 0)
            return match.end(), iv_year(year, "year", "")
        match = REL_YEAR_RE.match(text, start)
        if (
            match
            and match.group() in YEAR_NEEDS_PART
            and not (YPART_RE.match(text, match.end()) or MONTH_RE.match(text, match.end()))
        ):
            return None  # 当年签约、当年落地: generic
        if match:
            year, anchor, lead, pos = ref.year + REL_YEAR[match.group()], "year", "y", match.end()
            mid_ok = match.group() in MID_YEAR_WORDS
            if match.group().endswith("年") and YEAR_DU_RE.match(text, pos):
                pos += 1  # 本年度, 上年度
        else:
            match = YEAR_RE.match(text, start)
            if match:
                ds = digit_string(match.group("y"))
                year = int(ds) if len(ds) == 4 else two_digit_year(int(ds), ref)
                two, plain, lead, pos = len(ds) == 2, True, "y", match.end()
        if year is not None:
            if not valid_year(year):
                return None
            found = self.ypart(pos, year, anchor, True, mid_ok)
            if found is not None:
                return found
            if text.startswith("的", pos):
                found = self.ypart(pos + 1, year, anchor, True, mid_ok)
                if found is not None and found[1].prec == "day":
                    return found  # 今年的国庆节: the holiday of that year
                if MONTH_RE.match(text, pos + 1):
                    pos += 1  # 2014年的3月17日, 今年的6月16日: a month of that year
            month_match = MONTH_RE.match(text, pos)
            if month_match is None:
                if two and self.strict:
                    return None
                sp = SAME_PERIOD_RE.match(text, pos)
                if sp:
                    pos = sp.end()  # 去年同期: the year, a comparison base
                iv = iv_year(year, anchor)
                iv.plain_year = plain and not two
                return pos, iv
            month = to_int(month_match.group("n"))
            pos = month_match.end()
        else:
            by, banchor = (ctx.y, ctx.anchor) if ctx is not None and ctx.y else (ref.year, "year")
            nearest_to = None if ctx is not None else ref
            counted = text.startswith("年", start) and start > 0 and text[start - 1] in YEAR_PART_COUNT_LEFT
            found = None if counted else self.ypart(start, by, banchor, False, nearest_to=nearest_to)
            if found is not None:
                return found
            match = REL_QUARTER_RE.match(text, start)
            if match:
                qd = add_months(ref.replace(day=1), 3 * REL_QUARTER[match.group("w")])
                quarter_iv = quarter(qd.year, (qd.month - 1) // 3 + 1, "month", match.group("qp"))
                return match.end(), quarter_iv
            match = REL_MONTH_RE.match(text, start)
            month_match = None if match else MONTH_RE.match(text, start)
            if match:
                md = add_months(ref.replace(day=1), REL_MONTH[match.group()])
                year, month, anchor, lead, pos = md.year, md.month, "month", "m", match.end()
            elif month_match:
                year, anchor = by, banchor
                month, lead, pos = to_int(month_match.group("n")), "m", month_match.end()
            else:
                return self.day_only(start, ctx)
        if month is None or not 1 <= month <= 12:
            return None
        return self.month_rest(pos, year, month, anchor, lead or "m")

    def repeated(self, start: int, times: int) -> tuple[int, Iv] | None:
        """``上上个月``, ``下下个季度``, ``上上年``: the relative word at ``start`` (its 上/下
        the last of ``times``) moved ``times`` units instead of one."""
        text, ref = self.text, self.ref
        match = REL_YEAR_RE.match(text, start)
        if match and match.group()[0] == text[start]:
            year = ref.year + times * REL_YEAR[match.group()]
            return (match.end(), iv_year(year, "year")) if valid_year(year) else None
        match = REL_QUARTER_RE.match(text, start)
        if match:
            qd = add_months(ref.replace(day=1), 3 * times * REL_QUARTER[match.group("w")])
            quarter_iv = quarter(qd.year, (qd.month - 1) // 3 + 1, "month", match.group("qp"))
            return match.end(), quarter_iv
        match = REL_MONTH_RE.match(text, start)
        if match and match.group()[0] == text[start]:
            md = add_months(ref.replace(day=1), times * REL_MONTH[match.group()])
            return self.month_rest(match.end(), md.year, md.month, "month", "m")
        return None

    def month_rest(self, pos: int, year: int, month: int, anchor: str, lead: str) -> tuple[int, Iv]:
        text = self.text
        found = self.mpart(pos, year, month, anchor)
        if found is not None:
            return found
        if text.startswith(" ", pos) and DAY_RE.match(text, pos + 1):
            pos += 1  # 1 月 26 日
        dm = (
            DAY_RE.match(text, pos)
            or BARE_DAY_NUM_RE.match(text, pos)
            or BARE_DAY_RE.match(text, pos)
        )
        if dm:
            day = to_int(dm.group("n"))
            if valid_day(year, month, day):
                return dm.end(), iv_day(date(year, month, day), anchor, lead)
            if dm.re is DAY_RE:
                raise Reject(dm.end())
        iv = iv_month(year, month, anchor, lead)
        return pos, iv

    def day_only(self, start: int, ctx: Iv | None) -> tuple[int, Iv] | None:
        text, ref = self.text, self.ref
        match = DAY_RE.match(text, start)
        if match is None:
            return None
        raw = match.group("n")
        if (
            self.strict
            and not raw.isdigit()
            and len(raw) < 2
            and not re.match(rf"\s*(?:{TOD})", text[match.end():])
            and not text.startswith(HAO_VERBS, match.end())
        ):
            return None  # 三日游, 五日内; but 八日中午 and 八日发生 are the 8th
        if self.strict and match.group("u") == "号" and (self._hao_names(start, match.end())
                                                         or not self._hao_ok(match.end())):
            return None
        day = to_int(raw)
        if ctx is not None and ctx.y and ctx.m:
            year, month, anchor = ctx.y, ctx.m, ctx.anchor
        else:
            year, month, anchor = ref.year, ref.month, "month"
        if not valid_day(year, month, day):
            return None
        return match.end(), iv_day(date(year, month, day), anchor, "d")

    def _hao_names(self, start: int, end: int) -> bool:
        """Whether N号 from ``start`` to ``end`` is a thing's number, not a day: after 第 (第23号,
        an ordinal), or closing a name whose last character stands right before it (“龙藏1号”,
        “实践十一号”); “5号” alone in quotes, or 定于3号）, stays a day."""
        before = self.text[start - 1] if start > 0 else ""
        if before in HAO_ORDINAL_LEFT:
            return True
        after = self.text[end:end + 1]
        return ("\u4e00" <= before <= "\u9fff" and before not in HAO_DAY_LEFT
                and bool(after) and after in HAO_NAME_CLOSE)

    def _hao_ok(self, end: int) -> bool:
        """Whether N号 ending at ``end`` is a day: not followed by a word (9号线, 3号楼), also
        after a list of them (1号、2号、3号入口)."""
        # in digits: 长征十号首次点火 is a rocket's name, 14号首次 a day
        digits = end >= 2 and self.text[end - 2].isdigit()
        while (match := _HAO_LIST_RE.match(self.text, end)) is not None:
            end = match.end()
        nxt = self.text[end : end + 2]
        if digits and self.text.startswith(HAO_VERBS, end):
            return True  # 据彭博社14号援引消息
        return not (
            nxt
            and "\u4e00" <= nxt[0] <= "\u9fff"
            and not re.match(TOD, nxt)
            and nxt[0] not in HAO_DAY_NEXT
        )

    def numeric(self, start: int) -> tuple[int, Iv] | None:
        text = self.text
        before = text[start - 1] if start > 0 else ""
        if start > 0 and (before.isascii() and (before.isalnum() or before in "_.")):
            return None
        for rx in (NUM_YMD_RE, NUM_YMD8_RE, NUM_YMD_SP_RE):
            match = rx.match(text, start)
            if match:
                year, month, day = (int(group) for group in match.groups())
                if valid_year(year) and valid_day(year, month, day):
                    iv = iv_day(date(year, month, day), "absolute", "y")
                    iv.numeric = True
                    return match.end(), iv
        match = NUM_YM_RE.match(text, start)
        if match:
            year, month = int(match.group(1)), int(match.group(2))
            if valid_year(year) and 1 <= month <= 12:
                iv = iv_month(year, month, "absolute", "y")
                iv.numeric = True
                return match.end(), iv
        match = NUM_DMY_RE.match(text, start)
        if match:
            first, second, year = (int(group) for group in match.groups())
            day, month = (first, second) if valid_day(year, second, first) else (second, first)
            if valid_year(year) and valid_day(year, month, day):
                iv = iv_day(date(year, month, day), "absolute", "y")
                iv.numeric = True
                return match.end(), iv
        match = NUM_MD_RE.match(text, start) or NUM_DM_RE.match(text, start)
        if match:
            month, day = (int(group) for group in match.groups() if group is not None)
            if match.re is NUM_DM_RE:
                month, day = day, month
            year = self.ref.year
            if valid_day(year, month, day):
                iv = iv_day(date(year, month, day), "year", "m")
                iv.numeric = True
                return match.end(), iv
        match = BARE_YEAR_PART_RE.match(text, start)
        if match:
            found = self.ypart(match.end(), int(match.group(1)), "absolute", True)
            if found is not None:
                return found  # 2004下半年
        match = (
            BARE_YEAR_TIME_RE.match(text, start)
            if self.strict and text[max(start - 2, 0) : start].endswith(BARE_YEAR_AFTER)
            else None
        )
        if match:
            return match.end(), iv_year(int(match.group(1)), "absolute")  # 截至2020，
        return None

    def ypart(
        self, pos: int, year: int, anchor: str, after_year: bool, mid_ok: bool = True,
        nearest_to: date | None = None,
    ) -> tuple[int, Iv] | None:
        """A part of year ``year`` at ``pos`` (上半年, 一季度, 年底, 春季, a holiday …); a holiday or
        lunar date without a year is the occurrence nearest to ``nearest_to`` when given."""
        match = YPART_RE.match(self.text, pos)
        if match is None:
            return None
        groups = match.groupdict()
        end = match.end()
        if not after_year and (groups["yi"] or (groups["yw"] and not groups["ny"])
                               or (groups["fl"] and not self._to_date(pos, groups, year))
                               or groups["first"] or groups["ordm"] or groups["ordd"]
                               or groups["ordw"]
                               or (groups["mid"] and not groups["nym"])):  # fmt: skip
            return None
        if groups["mid"]:
            if not groups["nym"] and not (mid_ok and MID_OK_RE.match(self.text, end)):
                return None  # 2024年中国…, 这一年中; 2024年中，is mid-2024
            return end, iv_span(date(year, 6, 1), date(year, 7, 31), "vague", anchor, year=year)
        if groups["ss"]:
            idx, ref = SEASON[groups["ss"][1]], self.ref
            if not after_year:  # 入冬以来: the latest start of that season not after ref
                year = ref.year if date(ref.year, 3 + 3 * idx, 1) <= ref else ref.year - 1
            elif idx == 3 and year == ref.year and winter_year(ref) == year - 1:
                year -= 1  # 今年入冬以来 in January: the winter that began last December
            return end, season(year, idx, anchor)
        if groups["hy"] or groups["hy2"]:
            half = 0 if groups["hy"] == "上" or groups["hy2"] == "1" else 1
            return end, iv_span(date(year, 1 + 6 * half, 1), month_end(year, 6 + 6 * half),
                                "half-year", anchor, f"{year:04d}-{40 + half}", year)  # fmt: skip
        if groups["yw"]:
            word = groups["yw"]
            if word == "内":
                return end, iv_year(year, anchor, "")
            if word == "初":
                return end, iv_span(
                    date(year, 1, 1), date(year, 2, month_end(year, 2).day), "vague", anchor,
                    year=year,
                )
            return end, iv_span(date(year, 11, 1), date(year, 12, 31), "vague", anchor, year=year)
        if groups["yi"]:
            if groups["yi"] == "伊始":
                return end, iv_span(date(year, 1, 1), date(year, 1, 31), "vague", anchor, year=year)
            return end, iv_year(year, anchor, "")
        quarter_no = (
            groups["q"] or groups["q2"] or ("1" if match.group().startswith("首季") else None)
        )
        if quarter_no:
            return end, quarter(year, to_int(quarter_no), anchor, groups["qp"] or groups["qp1"])
        if groups["fq"]:
            return end, months(year, 1, 3 * to_int(groups["fq"]), anchor)
        if groups["fl"]:
            number = to_int(groups["nm"])
            if number is None or not 1 <= number <= 12:
                return None
            if groups["fl"] == "前":
                return end, months(year, 1, number, anchor)
            return end, months(year, 13 - number, 12, anchor)
        if groups["first"] or groups["ordm"]:
            number = 1 if groups["first"] else to_int(groups["ordm"])
            if not (number and 1 <= number <= 12):
                return None
            return end, iv_month(year, number, anchor, "")
        if groups["ordd"]:
            number = to_int(groups["ordd"])
            if not number or number > 366:
                return None
            return end, iv_day(date(year, 1, 1) + timedelta(days=number - 1), anchor, "")
        if groups["ordw"]:
            number = to_int(groups["ordw"])
            if not number or number > 53:
                return None
            mon = first_monday(date(year, 1, 1)) + timedelta(weeks=number - 1)
            return end, iv_week(mon, anchor)
        if groups["sea"]:
            idx = SEASON[groups["sea"]]
            return end, season(
                winter_year(self.ref) if idx == 3 and not after_year else year, idx, anchor
            )
        if groups["hol"]:
            name = groups["hol"]
            if groups["hp"] and f"{name}假期" in HOLIDAYS:
                name = f"{name}假期"  # 春节期间: the holiday week, not the day
            if after_year or nearest_to is None:
                iv = holiday(name, year, anchor)
            else:
                iv = nearest_holiday(name, nearest_to, anchor)
            return None if iv is None else (end, iv)
        lm = groups["lm"] or groups["lm2"] or "正"
        month = LUNAR_MONTHS.get(lm) or to_int(lm)
        raw = groups["ld"] or groups["ld2"] or groups["ld3"]
        day_of_month = to_int(raw[1:] if raw.startswith("初") else raw)
        if not month or not day_of_month or not 1 <= month <= 12 or not 1 <= day_of_month <= 30:
            return None
        if after_year or nearest_to is None:
            day = lunar_day(year, month, day_of_month)
        else:
            days = [found_day for nearby_year in (year - 1, year, year + 1)
                    if (found_day := lunar_day(nearby_year, month, day_of_month))]  # fmt: skip
            day = min(days, key=lambda found: abs((found - nearest_to).days)) if days else None
        return None if day is None else (end, iv_day(day, anchor, ""))

    def _to_date(self, pos: int, groups: dict, year: int) -> bool:
        """``前10个月，全国…`` at the start of a clause: the year to date (its months over)."""
        if groups["fl"] != "前" or (pos > 0 and self.text[pos - 1] not in VAGUE_PAST_LEFT):
            return False
        number = to_int(groups["nm"])
        return number is not None and 1 <= number <= 11 and month_end(year, number) <= self.ref

    def mpart(self, pos: int, year: int, month: int, anchor: str) -> tuple[int, Iv] | None:
        match = MPART_RE.match(self.text, pos)
        if match is None:
            return None
        groups = match.groupdict()
        end = match.end()
        last = month_end(year, month).day
        if groups["xun"]:
            lo, hi = {"上": (1, 10), "中": (11, 20), "下": (21, last), "上中": (1, 20),
                      "中下": (11, last)}[groups["xun"]]  # fmt: skip
        elif groups["mw"]:
            word = groups["mw"][-1]
            lo, hi = {"初": (1, 5), "中": (11, 20)}.get(word, (25, last))
        elif groups["nd"]:
            number = to_int(groups["nd"])
            if not number or number > last:
                return None
            lo, hi = (1, number) if groups["fl"] == "前" else (last - number + 1, last)
        else:
            number = to_int(groups["wk"])
            if not number or number > 5:
                return None
            if groups["wd"]:
                day = nth_weekday(year, month, number, wd_index(groups["wd"]))
                return None if day is None else (end, iv_day(day, anchor, ""))
            mon = first_monday(date(year, month, 1)) + timedelta(weeks=number - 1)
            return end, iv_week(mon, anchor)
        iv = iv_span(date(year, month, lo), date(year, month, hi), "vague", anchor, year=year)
        iv.m = month
        return end, iv

    # -- counted lengths: 近三个月, 3年内, 6年前, 七年半后
    def count(self, start: int) -> Hit | None:
        text, ref = self.text, self.ref
        match = COUNT_RE.match(text, start)
        if match is None:
            return None
        pre, suf, unit, raw = match.group("pre", "suf", "u", "n")
        if pre in ("此后", "其后"):
            if suf:
                return None
            pre, suf = None, "后"  # 此后一年: a year after the date told (counted by the caller)
        if not pre and not suf:
            return None
        if unit == "月" and not match.group("ge") and not pre:
            return None
        if unit == "日" and suf not in ("内", "以内", "之内", "来", "以来") and pre not in _PAST_PRE:
            return None  # 4日 is a day of the month; 近4日, the last four days
        if unit in ("周", "星期", "礼拜", "季度", "工作日") and not match.group("ge") and unit != "周":
            return None
        four_digits = unit == "年" and len(raw) == 4 and raw.isdigit()
        if four_digits and not (suf in ("前", "之前", "以前")
                                and (match.group("mo1") or int(raw) < _EARLIEST_YEAR_BEFORE)):
            return None  # 2025年前 is a deadline, 1949年前 before 1949; 2000多年前, 1300年前 years ago
        if unit == "年" and not pre and not four_digits and (_year_in_characters(raw) or raw[0] in "〇零"):
            return None
        if unit == "年" and raw.lstrip("几数上").strip("几") in ("百", "千", "万"):
            return None  # 早在百年前: a round figure that cannot be placed
        rng = to_int_range(raw)
        if rng is None or rng[1] == 0:
            return None
        half_given = match.group("h1") or match.group("h2")
        more_given = match.group("mo1") or match.group("mo2")
        half = 0.5 if (half_given or more_given) else 0.0
        lo, hi = rng[0] + half, rng[1] + half
        end = match.end()
        past = pre in _PAST_PRE or suf in ("来", "以来")
        future = (pre or "").startswith(("未来", "今后", "接下来", "往后")) or suf in (
            "内",
            "以内",
            "之内",
        )
        if past or future:
            if lo != hi:
                return None
            if past:
                iv = iv_span(shift(ref, unit, lo, -1), ref, "range", "day")
            else:
                iv = iv_span(ref, shift(ref, unit, lo, 1), "range", "day")
            return Hit(start, end, iv, "duration")
        if text.startswith("的", end):
            # 两天之后的1月6日: the date written after the count is the date meant
            found = self.atom(end + 1, None)
            if found is not None and found[1].prec == "day" and not found[1].anaphoric:
                return Hit(start, found[0], found[1])
        sign = -1 if suf in ("前", "之前", "以前") else 1
        if more_given and not half_given:
            # 三年多前: between three and four years before; 600多年前, 二十多年前: 多 after a round
            # number counts in its last place, between 600 and 700 years, between 20 and 30
            lo, hi = rng[0], rng[1] + (_last_place(rng[1]) if match.group("mo1") else 1)
        first, last = sorted((shift(ref, unit, lo, sign), shift(ref, unit, hi, sign)))
        if lo != hi:
            # 几年前, 二十几年前, 三年多前: an envelope of the days it may mean
            iv = iv_span(first, last, "vague", "day")
        elif unit == "年" and not half:
            iv = iv_year(first.year, "year", "")
        elif unit in ("年", "月", "季度"):
            iv = iv_month(first.year, first.month, "month", "")
        elif unit in ("周", "星期", "礼拜"):
            iv = iv_week(monday(first), "day")
        else:
            iv = iv_day(first, "day", "")
        return Hit(start, end, iv)


def _year_in_characters(raw: str) -> bool:
    """``二〇二五``, ``一九四九``: a year written digit by digit (a count such as 一千三百 names
    its places)."""
    return len(raw) == 4 and not any(place in raw for place in "十百千")


#: A four-digit number before 年前 below this is a count of years ago (1300年前, the Tang
#: dynasty), from it on a year (1949年前: before 1949; 2025年前: by 2025).
_EARLIEST_YEAR_BEFORE = 1800


def _last_place(number: int) -> int:
    """The place of a number's last non-zero digit: 1 for 3 or 15, 10 for 20, 100 for 600."""
    place = 1
    while number and number % (place * 10) == 0:
        place *= 10
    return place


def scan(text: str, ref: date, strict: bool = True) -> list[Hit]:
    """All hits in the normalised text ``text``, left to right, non-overlapping."""
    parser = Parser(text, ref, strict)
    hits: list[Hit] = []
    pos = 0
    trigger = TRIGGER_RE.match
    for candidate in TRIGGER_FIRST_RE.finditer(text):
        start = candidate.start()
        if start < pos or trigger(text, start) is None:
            continue
        try:
            hit = parser.parse_at(start)
        except Reject as rej:
            pos = rej.end
            continue
        except (ValueError, OverflowError, KeyError, TypeError):
            hit = None
        if hit is None or hit.end <= start:
            continue
        pos = hit.end
        if text.endswith(BEFORE_COMMON_ERA, 0, hit.start):
            continue  # 公元前1046年: a year the timeline cannot show is no date, not year 1046
        hits.append(hit)
    return hits
