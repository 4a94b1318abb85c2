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
    CENT_RE,
    CLOCK_LEFT_RE,
    CLOCK_RE,
    CN,
    CONN_RE,
    COUNT_RE,
    DAY_RE,
    DEADLINE_RE,
    DECADE_RE,
    FROM_RE,
    HAO_VERBS,
    HOLIDAYS,
    HORIZON_RE,
    LIST_SEP_RE,
    LIST_STOP_RE,
    LONE_CLOCK_LEFT,
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
    RECENT_FUTURE_RE,
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
    VAGUE_PAST,
    VAGUE_PAST_LEFT,
    VAGUE_PAST_RE,
    WEEK_RE,
    WEEKDAY_AFTER_RE,
    YEAR_DU_RE,
    YEAR_NEEDS_PART,
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
    def __init__(self, s: str, ref: date, strict: bool) -> None:
        self.text, self.ref, self.strict = s, ref, strict

    # -- entry point at a trigger
    def parse_at(self, p: int) -> Hit | None:
        s, ref = self.text, self.ref
        m = HORIZON_RE.match(s, p)
        if m:
            hit = self.range_or_atom(m.end())
            if hit is None:
                return None
            if hit.kind == "point" and hit.iv.end >= ref and hit.iv.anchor in ("absolute", "year"):
                hit.start = p
            return hit
        m = FROM_RE.match(s, p)
        if m:
            hit = self.range_or_atom(m.end())
            if hit is not None and hit.kind in ("span", "open"):
                hit.start = p
            return hit
        hit = self.recent(p)
        if hit is not None:
            return hit
        if s.startswith("前", p):
            hit = self.vague_past(p)
            if hit is not None:
                return hit
        m = CLOCK_LEFT_RE.match(s, p)
        if m:
            hit = self.clock_left(p, m.end())
            if hit is not None:
                return hit
        m = ANTECEDENT_RE.match(s, p)
        if m:
            return Hit(p, m.end(), iv_day(ref, "day", ""), "antecedent")
        hits = [h for h in (self.count(p), self.range_or_atom(p)) if h is not None]
        if hits:
            return max(hits, key=lambda h: h.end)
        return self.lone_clock(p)

    def lone_clock(self, p: int) -> Hit | None:
        """``下午3时许，记者赶到``: a clock or part of the day opening a clause, on the day the
        text is talking about (kind ``anaphoric``, resolved against ``ref``)."""
        s = self.text
        m = LONE_CLOCK_RE.match(s, p)
        if m is None or not m.group().strip():
            return None
        e = m.end()
        text = m.group()
        before = s[p - 1] if p > 0 else ""
        # at the start of a clause, after 于/在 (火灾于九时被控制), or after 为/是 when the time
        # is unmistakable (起火时间为晚上11点左右, 事发时间是6时10分左右)
        if before and before not in LONE_CLOCK_LEFT and before not in "于在" and not (
            before in "为是" and (re.match(LONE_TOD, text) or re.search(r"分|许|左右", text))
        ):
            return None
        if (e >= len(s) and self.strict) or (e < len(s) and (s[e].isdigit() or s[e] in "年月日号天个%.~-—至到")):
            return None  # no clause after it (in running text), a clock range (opening hours), 8点5%
        if not re.match(LONE_TOD, text) and not re.search(r"\d\s*[:时点]|[时:]", text):
            return None  # 零点五 is a number
        clock = clock_of(text)
        if clock is None and e < len(s) and s[e] not in "，,、 ":
            return None  # a part of the day alone opens a clause (上午，…), not a word (下午茶)
        iv = iv_day(self.ref, "day", "")
        iv.anaphoric = True
        iv.clock = clock
        return Hit(p, e, iv, "anaphoric")

    # -- ranges, open ranges, deadlines around one atom
    def range_or_atom(self, q: int) -> Hit | None:
        s, ref = self.text, self.ref
        left = self.atom(q, None)
        if left is None:
            return self.bare_left(q, None, q)
        k, iv = left
        if iv.anaphoric:
            cm = CONN_RE.match(s, k)
            right = self.right_end(cm.end(), iv) if cm else None
            if right is not None and right[1].end >= iv.start:
                return self.make_range(q, right[0], iv, right[1])
            return Hit(q, k, iv, "anaphoric")
        more = self.day_list(k, iv)
        if more is not None:
            return self.make_range(q, more[0], iv, more[1])
        if iv.fine in ("y", "m") and iv.prec in ("year", "month"):
            hit = self.bare_left(k, iv, q)
            if hit is not None:
                return hit
        k2 = k
        sw = START_WORD_RE.match(s, k)
        if sw:
            k2 = sw.end()
        cm = CONN_RE.match(s, k2)
        if cm:
            right = self.right_end(cm.end(), iv)
            if right is not None and right[1].end >= iv.start:
                return self.make_range(q, right[0], iv, right[1])
        m = OPEN_RE.match(s, k)
        if m and iv.start <= ref:
            e = m.end()
            now = CONN_RE.match(s, e)
            if m.group() == "起" and now and NOW_RE.match(s, now.end()):
                e = now.end() + 1
            return Hit(q, e, iv_span(iv.start, ref, "open-range", "day",
                                     f"{bound_edtf(iv, True)}/{ref.isoformat()}"), "open")  # fmt: skip
        m = APPROX_RE.match(s, k)
        if m:
            iv.edtf += "~"
            return Hit(q, m.end(), iv)
        m = DEADLINE_RE.match(s, k)
        if m and iv.end >= ref:
            return Hit(q, m.end(), iv_span(ref, iv.end, "range", "day",
                                           f"{ref.isoformat()}/{bound_edtf(iv, False)}"), "span")  # fmt: skip
        m = AFTER_RE.match(s, k)
        if m and iv.prec != "day" and iv.end < ref:
            # 2004年之后开工建设: from then up to now
            return Hit(q, m.end(), iv_span(iv.start, ref, "open-range", "day",
                                           f"{bound_edtf(iv, True)}/{ref.isoformat()}"), "open")  # fmt: skip
        hit = Hit(q, k, iv, "span" if iv.prec == "range" else "point")
        if iv.plain_year:
            hit.name_end = self.name_end(k)
            if hit.name_end >= 0:
                hit.kind = "name-year"
        return hit

    def make_range(self, q: int, e: int, a: Iv, b: Iv) -> Hit:
        s = self.text
        m = STOP_RE.match(s, e)
        if m:
            e = m.end()
        m = DEADLINE_RE.match(s, e)
        if m:
            e = m.end()
        anchor = stronger_anchor(a.anchor, b.anchor)
        edtf = f"{bound_edtf(a, True)}/{bound_edtf(b, False)}"
        kind = "anaphoric" if a.anaphoric or b.anaphoric else "span"
        return Hit(q, e, iv_span(a.start, b.end, "range", anchor, edtf), kind)

    def day_list(self, k: int, iv: Iv) -> tuple[int, Iv] | None:
        """``9月10号，11号，12号``, ``3月1日、5日和8日``: bare days after a month-day, separated
        only by ，、和及与, in increasing order; returns the end and the last day."""
        s = self.text
        if iv.prec != "day" or iv.lead not in ("y", "m") or k == 0 or s[k - 1] not in "日号":
            return None
        y, mo, last = iv.start.year, iv.start.month, iv.start.day
        e = k
        while True:
            sep = LIST_SEP_RE.match(s, e)
            dm = DAY_RE.match(s, sep.end()) if sep else None
            if dm is None:
                break
            d = to_int(dm.group("n"))
            if d is None or d <= last or not valid_day(y, mo, d) or LIST_STOP_RE.match(s, dm.end()):
                break
            if dm.group("u") == "号" and not self._hao_ok(dm.end()):
                break
            last, e = d, dm.end()
        if e == k:
            return None
        return e, iv_day(date(y, mo, last), iv.anchor)

    def vague_past(self, p: int) -> Hit | None:
        """``前两天`` (ref-5..ref-1) and ``前两年`` (4..1 years back) at the start of a clause."""
        s, ref = self.text, self.ref
        m = VAGUE_PAST_RE.match(s, p)
        if m is None or (p > 0 and s[p - 1] not in VAGUE_PAST_LEFT):
            return None
        lo, hi = VAGUE_PAST[m.group("u")]
        if m.group("u") == "天":
            iv = iv_span(ref - timedelta(days=hi), ref - timedelta(days=lo), "vague", "day")
        else:
            a, b = ref.year - hi, ref.year - lo
            iv = iv_span(date(a, 1, 1), date(b, 12, 31), "vague", "year", f"{a}/{b}", a)
        return Hit(p, m.end(), iv)

    def recent(self, p: int) -> Hit | None:
        """``近日``, ``日前``, ``不久前`` …: the weeks before ``ref`` (``resources/cues/
        date_recent.txt``); before 将/拟/内 … (``近期将召开``) the weeks after it."""
        m = RECENT_RE.match(self.text, p)
        if m is None:
            return None
        days, ref = RECENT[m.group()], self.ref
        if RECENT_FUTURE_RE.match(self.text, m.end()):
            a, b = ref, ref + timedelta(days=days)
        else:
            a, b = ref - timedelta(days=days), ref
        return Hit(p, m.end(), iv_span(a, b, "recent", "day", f"{a.isoformat()}~/{b.isoformat()}"))

    def clock_left(self, p: int, q: int) -> Hit | None:
        """``13:20~次日05:40``, ``夜间至次日上午``: a clock or part of the day on the anaphoric
        day (``ref``) up to an anaphoric day word."""
        r = self.atom(q, None)
        if r is None or not r[1].anaphoric or r[1].prec != "day":
            return None
        a = iv_day(self.ref, "day", "")
        a.anaphoric = True
        return self.make_range(p, r[0], a, r[1])

    def right_end(self, q: int, left: Iv) -> tuple[int, Iv] | None:
        if NOW_RE.match(self.text, q):
            return q + 1, iv_day(self.ref, "day")
        r = self.atom(q, left)
        if r is not None and r[1].anaphoric and r[1].prec == "day" and not left.anaphoric:
            if left.prec != "day":
                return None
            # 3月5日13:20至次日05:40: the next day of the left end, not of ref
            return r[0], iv_day(left.start + (r[1].start - self.ref), left.anchor, "")
        if r is None and left.numeric:
            m = BARE_YEAR_RE.match(self.text, q)
            y = int(m.group("y")) if m and m.group("y").isdigit() else None
            if valid_year(y):
                return m.end(), iv_year(y, "absolute")
        return r

    def bare_left(self, q: int, prefix: Iv | None, s0: int) -> Hit | None:
        """``2018年2——4月``, ``1985到89年9月``, ``1-9月``: a unit-less number left of a range."""
        m = BARE_LEFT_RE.match(self.text, q)
        if m is None:
            return None
        cm = CONN_RE.match(self.text, m.end())
        right = self.atom(cm.end(), prefix)
        if right is None:
            return None
        e, b = right
        n = to_int(m.group("n"))
        if n is None:
            return None
        if b.lead == "y" and prefix is None:
            raw = m.group("n")
            ds = digit_string(raw)
            if ds is None or len(ds) not in (2, 4):
                return None
            y = int(ds) if len(ds) == 4 else two_digit_year(int(ds), self.ref)
            if not valid_year(y):
                return None
            a = iv_year(y, "absolute")
        elif b.lead == "m" and (prefix is None or prefix.fine == "y") and 1 <= n <= 12:
            y = prefix.y if prefix else b.y
            a = iv_month(y, n, prefix.anchor if prefix else b.anchor)
        elif b.lead == "d" and (prefix is None or prefix.fine == "m") and valid_day(b.y, b.m, n):
            a = iv_day(date(b.y, b.m, n), b.anchor)
        else:
            return None
        if b.end < a.start:
            return None
        return self.make_range(s0, e, a, b)

    # -- one atom
    def atom(self, q: int, ctx: Iv | None) -> tuple[int, Iv] | None:
        s = self.text
        if q >= len(s):
            return None
        r = self.first_rule(NAMED_PERIOD_RULES, q, ctx)
        if r is not None:
            return r
        r = self.first_rule(ATOM_RULES, q, ctx)
        if r is not None and r[1].prec == "day":
            k = r[0]
            m = WEEKDAY_AFTER_RE.match(s, k)
            if m:
                k = m.end()
            m = None if r[1].anaphoric else SAME_DAY_RE.match(s, k)
            if m:
                k = m.end()  # 6月14日当天: the day itself
            m = CLOCK_RE.match(s, k)
            if m and m.end() > k and s[k : m.end()].strip():
                r[1].clock = clock_of(s[q : m.end()])  # from q: 当晚10时 is 22:00
                k = m.end()
            r = (k, r[1])
        if r is None and ctx is None and self.strict:
            m = NAME_YEAR_RE.match(s, q)
            if m and valid_year(int(m.group("y"))):
                iv = iv_year(int(m.group("y")), "absolute")
                if self.name_end(m.end()) >= 0:
                    iv.plain_year = True
                    return m.end(), iv
        return r

    def first_rule(self, rules: tuple[str, ...], q: int, ctx: Iv | None) -> tuple[int, Iv] | None:
        """The first of ``rules`` (method names, in order) that reads a date at ``q``."""
        for name in rules:
            found = self.cal(q, ctx) if name == "cal" else getattr(self, name)(q)
            if found is not None:
                return found
        return None

    def name_end(self, k: int) -> int:
        """End of an event name starting at ``k`` (CJK or ·, ending in a name suffix), or -1."""
        s = self.text
        j = k
        while j < len(s) and j - k < 40:
            if s[j] in "（(":
                # a place in brackets inside the name: 2023中国（天津）智能制造博览会
                close = next((t for t in range(j + 1, min(j + 10, len(s))) if s[t] in "）)"), -1)
                if close < 0 or not all("\u4e00" <= c <= "\u9fff" for c in s[j + 1 : close]):
                    return -1
                j = close + 1
                continue
            if not ("\u4e00" <= s[j] <= "\u9fff" or s[j] == "·"):
                break
            if s[j] in NAME_BREAKERS:
                return -1
            j += 1
            for suf in NAME_SUFFIXES:
                if (
                    j - k >= len(suf) + 2
                    and s.endswith(suf, k, j)
                    and not self._in_not_word(j, suf)
                ):
                    return j
        return -1

    def _in_not_word(self, j: int, suf: str) -> bool:
        """Whether the suffix ending at ``j`` overlaps a listed non-name word (季节, 发展…)."""
        a = j - len(suf)
        for w in NAME_NOT:
            for start in range(max(a - len(w) + 1, 0), j):
                if start + len(w) > a and self.text.startswith(w, start):
                    return True
        return False

    def plan(self, q: int) -> tuple[int, Iv] | None:
        m = PLAN_RE.match(self.text, q)
        if m is None:
            return None
        n = 10 + to_int(m.group("n"))
        if n < 3:
            return None
        if q > 0 and self.text[q - 1] in CN:
            return None
        e = m.end()
        oq, cq = m.group("q"), m.group("qc")
        if oq and QUOTES[oq] != cq:
            return None  # the trigger at 十 takes the unquoted form
        if cq and not oq:
            e -= 1
        y0 = plan_first_year(n)
        t = PLAN_TAIL_RE.match(self.text, e)
        part = t.group("p")
        if t.group("fl"):
            k = to_int(t.group("fn"))
            if k is not None and 1 <= k <= 5:
                a, b = (y0, y0 + k - 1) if t.group("fl") != "后" else (y0 + 5 - k, y0 + 4)
                iv = iv_span(date(a, 1, 1), date(b, 12, 31), "range", "absolute", f"{a}/{b}")
                return t.end(), iv
            e = t.start("fl") - (self.text[t.start("fl") - 1] == "的" and t.start("fl") > t.start())
        else:
            e = t.end()
        if part:
            y = y0 + 4 if part in ("收官之年", "收官", "末期", "末") else y0
            iv = iv_year(y, "absolute", "")
        else:
            iv = iv_span(
                date(y0, 1, 1), date(y0 + 4, 12, 31), "range", "absolute", f"{y0}/{y0 + 4}"
            )
        return e, iv

    def century(self, q: int) -> tuple[int, Iv] | None:
        s, ref = self.text, self.ref
        m = CENT_RE.match(s, q)
        anchor = "absolute"
        if m:
            if m.group("rel"):
                rel = m.group("rel")
                c0 = ref.year // 100 * 100 + (
                    -100 if rel.startswith("上") else 100 if rel.startswith("下") else 0
                )
                anchor = "year"
            else:
                c = to_int(m.group("c"))
                if c is None or not 1 <= c <= 22:
                    return None
                c0 = (c - 1) * 100
            if m.group("d"):
                d = to_int(m.group("d"))
                if d is None or d % 10 or not 0 <= d <= 90:
                    return None
                return m.end(), self._decade(c0 + d, m.group("p"), anchor)
            p = m.group("p")
            lo, hi = {
                None: (0, 99),
                "上半叶": (0, 49),
                "下半叶": (50, 99),
                "中期": (40, 59),
                "中叶": (40, 59),
            }.get(p, (0, 19) if p in ("初期", "初", "前期", "早期") else (80, 99))
            if p is None:
                return m.end(), iv_span(date(max(c0, 1), 1, 1), date(c0 + 99, 12, 31), "century", anchor,
                                        f"{c0 // 100:02d}XX", c0)  # fmt: skip
            return m.end(), iv_span(date(max(c0 + lo, 1), 1, 1), date(c0 + hi, 12, 31), "vague", anchor,
                                    f"{c0 + lo:04d}/{c0 + hi:04d}", c0)  # fmt: skip
        m = DECADE_RE.match(s, q)
        if m:
            d = to_int(m.group("d"))
            return m.end(), self._decade(
                two_digit_year(d, ref) if d < 100 else d, m.group("p"), anchor
            )
        return None

    @staticmethod
    def _decade(y0: int, p: str | None, anchor: str) -> Iv:
        if p is None:
            return iv_span(
                date(y0, 1, 1), date(y0 + 9, 12, 31), "decade", anchor, f"{y0 // 10:03d}X", y0
            )
        lo, hi = (
            (0, 2) if p in ("初期", "初", "前期", "早期") else (3, 6) if p == "中期" else (7, 9)
        )
        return iv_span(date(y0 + lo, 1, 1), date(y0 + hi, 12, 31), "vague", anchor,
                       f"{y0 + lo:04d}/{y0 + hi:04d}", y0)  # fmt: skip

    def rel_day(self, q: int) -> tuple[int, Iv] | None:
        s, ref = self.text, self.ref
        m = PAREN_REL_RE.match(s, q)
        if m is not None:
            day = self.nearest_day(to_int(m.group("n")), ref + timedelta(days=PAREN_REL[m.group("w")]))
            if day is not None:
                return m.end(), day  # 今（30）日: the 30th nearest to today
        m = REL_DAY_RE.match(s, q)
        if m is None:
            return None
        base = ref + timedelta(days=REL_DAY[m.group()])
        return self.paren_day(m.end(), base) or (m.end(), iv_day(base, "day", ""))

    def paren_day(self, k: int, base: date) -> tuple[int, Iv] | None:
        """``(15日)`` after a relative day: the day of month nearest to ``base``."""
        pm = PAREN_DAY_RE.match(self.text, k)
        if pm is None:
            return None
        if pm.group("mo"):
            # 今天（10月1日）: the written month and day, in the year nearest to base
            mo, d = to_int(pm.group("mo")), to_int(pm.group("n"))
            days = [date(y, mo, d) for y in (base.year - 1, base.year, base.year + 1)
                    if mo and valid_day(y, mo, d)]  # fmt: skip
            if not days:
                return None
            return pm.end(), iv_day(min(days, key=lambda x: abs((x - base).days)), "year", "")
        day = self.nearest_day(to_int(pm.group("n")), base)
        return None if day is None else (pm.end(), day)

    @staticmethod
    def nearest_day(d: int | None, base: date) -> Iv | None:
        """Day ``d`` of the month of ``base``, of the month before or after: the nearest."""
        cands = []
        for off in (-1, 0, 1):
            first = add_months(base.replace(day=1), off)
            if d is not None and valid_day(first.year, first.month, d):
                cands.append(first.replace(day=d))
        if not cands:
            return None
        return iv_day(min(cands, key=lambda c: abs((c - base).days)), "month", "")

    def anaphoric(self, q: int) -> tuple[int, Iv] | None:
        """当日/当天/当晚 (ref), 次日/翌日 (ref+1), 前一天 (ref-1), 第N天 (ref+N-1), 第N年 (ref's
        year+N-1)."""
        m = ANA_RE.match(self.text, q)
        if m is None:
            return None
        ref = self.ref
        if m.group("ny"):
            n = to_int(m.group("ny"))
            if not n or n > 100 or not valid_year(ref.year + n - 1):
                return None
            iv = iv_year(ref.year + n - 1, "year", "")
        else:
            if m.group("nd"):
                n = to_int(m.group("nd"))
                if not n or n > 366:
                    return None
                offset = n - 1  # 第三天: two days after the day told
            else:
                offset = ANA_DAY[m.group()]  # 次日 +1, 前一天 -1
            base = ref + timedelta(days=offset)
            r = self.paren_day(m.end(), base)
            if r is not None:
                return r  # 当天(15日): the day of month is written, nothing anaphoric is left
            iv = iv_day(base, "day", "")
        iv.anaphoric = True
        return m.end(), iv

    def week(self, q: int) -> tuple[int, Iv] | None:
        m = WEEK_RE.match(self.text, q)
        if m is None:
            return None
        r = m.group("r")
        off = len(r) * (-1 if r[0] == "上" else 1) if r and r[0] in "上下" else 0
        mon = monday(self.ref) + timedelta(weeks=off)
        wd = m.group("wd") or m.group("wd2")
        if wd:
            return m.end(), iv_day(mon + timedelta(days=wd_index(wd)), "day", "")
        if m.group("we"):  # 本周末: Saturday and Sunday
            a, b = mon + timedelta(days=5), mon + timedelta(days=6)
            return m.end(), iv_span(a, b, "range", "day")
        if m.group("wb"):  # 下周初: the first days of the week
            return m.end(), iv_span(mon, mon + timedelta(days=2), "vague", "day")
        return m.end(), iv_week(mon, "day")

    def season_word(self, q: int) -> tuple[int, Iv] | None:
        m = SEASON_RE.match(self.text, q)
        if m is None:
            return None
        idx = SEASON[m.group("s")]
        y = (winter_year(self.ref) if idx == 3 else self.ref.year) + REL_SEASON[m.group("r")]
        return m.end(), season(y, idx, "year")

    # -- calendar expressions
    def cal(self, q: int, ctx: Iv | None) -> tuple[int, Iv] | None:
        s, ref = self.text, self.ref
        if s[q].isdigit():
            r = self.numeric(q)
            if r is not None:
                return r
        rep = REPEAT_RE.match(s, q)
        if rep:
            return self.repeated(rep.end() - 1, len(rep.group()))
        y = None
        anchor, lead, two, plain, pos = "absolute", "", False, False, q
        m = TWO_YEARS_RE.match(s, q)
        if m:
            return m.end(), iv_span(date(ref.year, 1, 1), date(ref.year + 1, 12, 31), "range", "year",
                                    f"{ref.year}/{ref.year + 1}", ref.year)  # fmt: skip
        mid_ok = True
        m = NEW_YEAR_RE.match(s, q)
        if m:
            y = ref.year + (1 if ref.month >= 11 else 0)
            return m.end(), iv_year(y, "year", "")
        m = REL_YEAR_RE.match(s, q)
        if m and m.group() in YEAR_NEEDS_PART and not (YPART_RE.match(s, m.end()) or MONTH_RE.match(s, m.end())):
            return None  # 当年签约、当年落地: generic
        if m:
            y, anchor, lead, pos = ref.year + REL_YEAR[m.group()], "year", "y", m.end()
            mid_ok = m.group() in MID_YEAR_WORDS
            if m.group().endswith("年") and YEAR_DU_RE.match(s, pos):
                pos += 1  # 本年度, 上年度
        else:
            m = YEAR_RE.match(s, q)
            if m:
                ds = digit_string(m.group("y"))
                y = int(ds) if len(ds) == 4 else two_digit_year(int(ds), ref)
                two, plain, lead, pos = len(ds) == 2, True, "y", m.end()
        if y is not None:
            if not valid_year(y):
                return None
            r = self.ypart(pos, y, anchor, True, mid_ok)
            if r is not None:
                return r
            if s.startswith("的", pos):
                r = self.ypart(pos + 1, y, anchor, True, mid_ok)
                if r is not None and r[1].prec == "day":
                    return r  # 今年的国庆节: the holiday of that year
            mo = MONTH_RE.match(s, pos)
            if mo is None:
                if two and self.strict:
                    return None
                sp = SAME_PERIOD_RE.match(s, pos)
                if sp:
                    pos = sp.end()  # 去年同期: the year, a comparison base
                iv = iv_year(y, anchor)
                iv.plain_year = plain and not two
                return pos, iv
            m_val = to_int(mo.group("n"))
            pos = mo.end()
        else:
            by, banchor = (ctx.y, ctx.anchor) if ctx is not None and ctx.y else (ref.year, "year")
            r = self.ypart(q, by, banchor, False, nearest_to=None if ctx is not None else ref)
            if r is not None:
                return r
            m = REL_QUARTER_RE.match(s, q)
            if m:
                qd = add_months(ref.replace(day=1), 3 * REL_QUARTER[m.group("w")])
                return m.end(), quarter(qd.year, (qd.month - 1) // 3 + 1, "month", m.group("qp"))
            m = REL_MONTH_RE.match(s, q)
            mo = None if m else MONTH_RE.match(s, q)
            if m:
                md = add_months(ref.replace(day=1), REL_MONTH[m.group()])
                y, m_val, anchor, lead, pos = md.year, md.month, "month", "m", m.end()
            elif mo:
                y, anchor = by, banchor
                m_val, lead, pos = to_int(mo.group("n")), "m", mo.end()
            else:
                return self.day_only(q, ctx)
        if m_val is None or not 1 <= m_val <= 12:
            return None
        return self.month_rest(pos, y, m_val, anchor, lead or "m")

    def repeated(self, q: int, n: int) -> tuple[int, Iv] | None:
        """``上上个月``, ``下下个季度``, ``上上年``: the relative word at ``q`` (its 上/下 the
        last of ``n``) moved ``n`` units instead of one."""
        s, ref = self.text, self.ref
        m = REL_YEAR_RE.match(s, q)
        if m and m.group()[0] == s[q]:
            y = ref.year + n * REL_YEAR[m.group()]
            return (m.end(), iv_year(y, "year")) if valid_year(y) else None
        m = REL_QUARTER_RE.match(s, q)
        if m:
            qd = add_months(ref.replace(day=1), 3 * n * REL_QUARTER[m.group("w")])
            return m.end(), quarter(qd.year, (qd.month - 1) // 3 + 1, "month", m.group("qp"))
        m = REL_MONTH_RE.match(s, q)
        if m and m.group()[0] == s[q]:
            md = add_months(ref.replace(day=1), n * REL_MONTH[m.group()])
            return self.month_rest(m.end(), md.year, md.month, "month", "m")
        return None

    def month_rest(self, pos: int, y: int, m: int, anchor: str, lead: str) -> tuple[int, Iv]:
        s = self.text
        r = self.mpart(pos, y, m, anchor)
        if r is not None:
            return r
        if s.startswith(" ", pos) and DAY_RE.match(s, pos + 1):
            pos += 1  # 1 月 26 日
        dm = DAY_RE.match(s, pos) or BARE_DAY_NUM_RE.match(s, pos) or BARE_DAY_RE.match(s, pos)
        if dm:
            d = to_int(dm.group("n"))
            if valid_day(y, m, d):
                return dm.end(), iv_day(date(y, m, d), anchor, lead)
            if dm.re is DAY_RE:
                raise Reject(dm.end())
        iv = iv_month(y, m, anchor, lead)
        return pos, iv

    def day_only(self, q: int, ctx: Iv | None) -> tuple[int, Iv] | None:
        s, ref = self.text, self.ref
        m = DAY_RE.match(s, q)
        if m is None:
            return None
        raw = m.group("n")
        if self.strict and not raw.isdigit() and len(raw) < 2 and not re.match(rf"\s*(?:{TOD})", s[m.end():]):
            return None  # 三日游, 五日内; but 八日中午 is the 8th
        if self.strict and m.group("u") == "号" and not self._hao_ok(m.end()):
            return None
        d = to_int(raw)
        if ctx is not None and ctx.y and ctx.m:
            y, mo, anchor = ctx.y, ctx.m, ctx.anchor
        else:
            y, mo, anchor = ref.year, ref.month, "month"
        if not valid_day(y, mo, d):
            return None
        return m.end(), iv_day(date(y, mo, d), anchor, "d")

    def _hao_ok(self, e: int) -> bool:
        """Whether N号 ending at ``e`` is a day: not followed by a word (9号线, 3号楼), also
        after a list of them (1号、2号、3号入口)."""
        while (m := _HAO_LIST_RE.match(self.text, e)) is not None:
            e = m.end()
        nxt = self.text[e : e + 2]
        if self.text.startswith(HAO_VERBS, e):
            return True  # 据彭博社14号援引消息
        return not (
            nxt
            and "\u4e00" <= nxt[0] <= "\u9fff"
            and not re.match(TOD, nxt)
            and nxt[0] not in "起至到前以"
        )

    def numeric(self, q: int) -> tuple[int, Iv] | None:
        s = self.text
        if q > 0 and (s[q - 1].isascii() and (s[q - 1].isalnum() or s[q - 1] in "_.")):
            return None
        for rx in (NUM_YMD_RE, NUM_YMD8_RE, NUM_YMD_SP_RE):
            m = rx.match(s, q)
            if m:
                y, mo, d = (int(g) for g in m.groups())
                if valid_year(y) and valid_day(y, mo, d):
                    iv = iv_day(date(y, mo, d), "absolute", "y")
                    iv.numeric = True
                    return m.end(), iv
        m = NUM_YM_RE.match(s, q)
        if m:
            y, mo = int(m.group(1)), int(m.group(2))
            if valid_year(y) and 1 <= mo <= 12:
                iv = iv_month(y, mo, "absolute", "y")
                iv.numeric = True
                return m.end(), iv
        m = NUM_DMY_RE.match(s, q)
        if m:
            a, b, y = (int(g) for g in m.groups())
            d, mo = (a, b) if valid_day(y, b, a) else (b, a)
            if valid_year(y) and valid_day(y, mo, d):
                iv = iv_day(date(y, mo, d), "absolute", "y")
                iv.numeric = True
                return m.end(), iv
        m = NUM_MD_RE.match(s, q) or NUM_DM_RE.match(s, q)
        if m:
            mo, d = (int(g) for g in m.groups() if g is not None)
            if m.re is NUM_DM_RE:
                mo, d = d, mo
            y = self.ref.year
            if valid_day(y, mo, d):
                iv = iv_day(date(y, mo, d), "year", "m")
                iv.numeric = True
                return m.end(), iv
        m = BARE_YEAR_PART_RE.match(s, q)
        if m:
            r = self.ypart(m.end(), int(m.group(1)), "absolute", True)
            if r is not None:
                return r  # 2004下半年
        m = BARE_YEAR_TIME_RE.match(s, q) if self.strict and s[max(q - 2, 0) : q].endswith(BARE_YEAR_AFTER) else None
        if m:
            return m.end(), iv_year(int(m.group(1)), "absolute")  # 截至2020，
        return None

    def ypart(
        self, pos: int, y: int, anchor: str, after_year: bool, mid_ok: bool = True,
        nearest_to: date | None = None,
    ) -> tuple[int, Iv] | None:
        """A part of year ``y`` at ``pos`` (上半年, 一季度, 年底, 春季, a holiday …); a holiday or
        lunar date without a year is the occurrence nearest to ``nearest_to`` when given."""
        m = YPART_RE.match(self.text, pos)
        if m is None:
            return None
        g = m.groupdict()
        e = m.end()
        if not after_year and (g["yi"] or (g["yw"] and not g["ny"]) or (g["fl"] and not self._to_date(pos, g, y))
                               or g["first"] or g["ordm"] or g["ordd"] or g["ordw"]
                               or (g["mid"] and not g["nym"])):  # fmt: skip
            return None
        if g["mid"]:
            if not g["nym"] and not (mid_ok and MID_OK_RE.match(self.text, e)):
                return None  # 2024年中国…, 这一年中; 2024年中，is mid-2024
            return e, iv_span(date(y, 6, 1), date(y, 7, 31), "vague", anchor, y=y)
        if g["ss"]:
            idx, ref = SEASON[g["ss"][1]], self.ref
            if not after_year:  # 入冬以来: the latest start of that season not after ref
                y = ref.year if date(ref.year, 3 + 3 * idx, 1) <= ref else ref.year - 1
            elif idx == 3 and y == ref.year and winter_year(ref) == y - 1:
                y -= 1  # 今年入冬以来 in January: the winter that began last December
            return e, season(y, idx, anchor)
        if g["hy"] or g["hy2"]:
            h = 0 if g["hy"] == "上" or g["hy2"] == "1" else 1
            return e, iv_span(date(y, 1 + 6 * h, 1), month_end(y, 6 + 6 * h), "half-year", anchor,
                              f"{y:04d}-{40 + h}", y)  # fmt: skip
        if g["yw"]:
            w = g["yw"]
            if w == "内":
                return e, iv_year(y, anchor, "")
            if w == "初":
                return e, iv_span(
                    date(y, 1, 1), date(y, 2, month_end(y, 2).day), "vague", anchor, y=y
                )
            return e, iv_span(date(y, 11, 1), date(y, 12, 31), "vague", anchor, y=y)
        if g["yi"]:
            if g["yi"] == "伊始":
                return e, iv_span(date(y, 1, 1), date(y, 1, 31), "vague", anchor, y=y)
            return e, iv_year(y, anchor, "")
        q = g["q"] or g["q2"] or ("1" if m.group().startswith("首季") else None)
        if q:
            return e, quarter(y, to_int(q), anchor, g["qp"] or g["qp1"])
        if g["fq"]:
            return e, months(y, 1, 3 * to_int(g["fq"]), anchor)
        if g["fl"]:
            n = to_int(g["nm"])
            if n is None or not 1 <= n <= 12:
                return None
            return e, months(y, 1, n, anchor) if g["fl"] == "前" else months(y, 13 - n, 12, anchor)
        if g["first"] or g["ordm"]:
            n = 1 if g["first"] else to_int(g["ordm"])
            return (e, iv_month(y, n, anchor, "")) if n and 1 <= n <= 12 else None
        if g["ordd"]:
            n = to_int(g["ordd"])
            if not n or n > 366:
                return None
            return e, iv_day(date(y, 1, 1) + timedelta(days=n - 1), anchor, "")
        if g["ordw"]:
            n = to_int(g["ordw"])
            if not n or n > 53:
                return None
            return e, iv_week(first_monday(date(y, 1, 1)) + timedelta(weeks=n - 1), anchor)
        if g["sea"]:
            idx = SEASON[g["sea"]]
            return e, season(
                winter_year(self.ref) if idx == 3 and not after_year else y, idx, anchor
            )
        if g["hol"]:
            name = g["hol"]
            if g["hp"] and f"{name}假期" in HOLIDAYS:
                name = f"{name}假期"  # 春节期间: the holiday week, not the day
            if after_year or nearest_to is None:
                iv = holiday(name, y, anchor)
            else:
                iv = nearest_holiday(name, nearest_to, anchor)
            return None if iv is None else (e, iv)
        lm = g["lm"] or g["lm2"] or "正"
        month = LUNAR_MONTHS.get(lm) or to_int(lm)
        raw = g["ld"] or g["ld2"] or g["ld3"]
        d = to_int(raw[1:] if raw.startswith("初") else raw)
        if not month or not d or not 1 <= month <= 12 or not 1 <= d <= 30:
            return None
        if after_year or nearest_to is None:
            day = lunar_day(y, month, d)
        else:
            days = [x for yy in (y - 1, y, y + 1) if (x := lunar_day(yy, month, d))]
            day = min(days, key=lambda x: abs((x - nearest_to).days)) if days else None
        return None if day is None else (e, iv_day(day, anchor, ""))

    def _to_date(self, pos: int, g: dict, y: int) -> bool:
        """``前10个月，全国…`` at the start of a clause: the year to date (its months over)."""
        if g["fl"] != "前" or (pos > 0 and self.text[pos - 1] not in VAGUE_PAST_LEFT):
            return False
        n = to_int(g["nm"])
        return n is not None and 1 <= n <= 11 and month_end(y, n) <= self.ref

    def mpart(self, pos: int, y: int, m: int, anchor: str) -> tuple[int, Iv] | None:
        mt = MPART_RE.match(self.text, pos)
        if mt is None:
            return None
        g = mt.groupdict()
        e = mt.end()
        last = month_end(y, m).day
        if g["xun"]:
            lo, hi = {"上": (1, 10), "中": (11, 20), "下": (21, last), "上中": (1, 20),
                      "中下": (11, last)}[g["xun"]]  # fmt: skip
        elif g["mw"]:
            w = g["mw"][-1]
            lo, hi = {"初": (1, 5), "中": (11, 20)}.get(w, (25, last))
        elif g["nd"]:
            n = to_int(g["nd"])
            if not n or n > last:
                return None
            lo, hi = (1, n) if g["fl"] == "前" else (last - n + 1, last)
        else:
            n = to_int(g["wk"])
            if not n or n > 5:
                return None
            if g["wd"]:
                day = nth_weekday(y, m, n, wd_index(g["wd"]))
                return None if day is None else (e, iv_day(day, anchor, ""))
            mon = first_monday(date(y, m, 1)) + timedelta(weeks=n - 1)
            return e, iv_week(mon, anchor)
        iv = iv_span(date(y, m, lo), date(y, m, hi), "vague", anchor, y=y)
        iv.m = m
        return e, iv

    # -- counted lengths: 近三个月, 3年内, 6年前, 七年半后
    def count(self, p: int) -> Hit | None:
        s, ref = self.text, self.ref
        m = COUNT_RE.match(s, p)
        if m is None:
            return None
        pre, suf, unit, raw = m.group("pre"), m.group("suf"), m.group("u"), m.group("n")
        if pre in ("此后", "其后"):
            if suf:
                return None
            pre, suf = None, "后"  # 此后一年: a year after the date told (counted by the caller)
        if not pre and not suf:
            return None
        if unit == "月" and not m.group("ge") and not pre:
            return None
        if unit == "日" and suf not in ("内", "以内", "之内", "来", "以来"):
            return None
        if unit in ("周", "星期", "礼拜", "季度", "工作日") and not m.group("ge") and unit != "周":
            return None
        if unit == "年" and len(raw) == 4 and raw.isdigit():
            return None
        if unit == "年" and not pre and (len(raw) == 4 or raw[0] in "〇零"):
            return None
        if unit == "年" and raw.lstrip("几数上").strip("几") in ("百", "千", "万"):
            return None  # 早在百年前: a round figure that cannot be placed
        rng = to_int_range(raw)
        if rng is None or rng[1] == 0:
            return None
        half = 0.5 if (m.group("h1") or m.group("h2") or m.group("mo1") or m.group("mo2")) else 0.0
        lo, hi = rng[0] + half, rng[1] + half
        e = m.end()
        past = pre in ("近", "最近", "过去", "过去的") or suf in ("来", "以来")
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
            return Hit(p, e, iv, "duration")
        if s.startswith("的", e):
            # 两天之后的1月6日: the date written after the count is the date meant
            r = self.atom(e + 1, None)
            if r is not None and r[1].prec == "day" and not r[1].anaphoric:
                return Hit(p, r[0], r[1])
        sign = -1 if suf in ("前", "之前", "以前") else 1
        if (m.group("mo1") or m.group("mo2")) and not (m.group("h1") or m.group("h2")):
            lo, hi = rng[0], rng[1] + 1  # 三年多前: between three and four years before
        a, b = sorted((shift(ref, unit, lo, sign), shift(ref, unit, hi, sign)))
        if lo != hi:
            # 几年前, 二十几年前, 三年多前: an envelope of the days it may mean
            iv = iv_span(a, b, "vague", "day")
        elif unit == "年" and not half:
            iv = iv_year(a.year, "year", "")
        elif unit in ("年", "月", "季度"):
            iv = iv_month(a.year, a.month, "month", "")
        elif unit in ("周", "星期", "礼拜"):
            iv = iv_week(monday(a), "day")
        else:
            iv = iv_day(a, "day", "")
        return Hit(p, e, iv)


def scan(s: str, ref: date, strict: bool = True) -> list[Hit]:
    """All hits in the normalised text ``s``, left to right, non-overlapping."""
    parser = Parser(s, ref, strict)
    hits: list[Hit] = []
    pos = 0
    trigger = TRIGGER_RE.match
    for t in TRIGGER_FIRST_RE.finditer(s):
        p = t.start()
        if p < pos or trigger(s, p) is None:
            continue
        try:
            hit = parser.parse_at(p)
        except Reject as rej:
            pos = rej.end
            continue
        except (ValueError, OverflowError, KeyError, TypeError):
            hit = None
        if hit is None or hit.end <= p:
            continue
        hits.append(hit)
        pos = hit.end
    return hits
