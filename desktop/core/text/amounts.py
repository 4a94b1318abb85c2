"""Money, counts, percentages and areas in Chinese news text.

``find_amounts(text)`` scans left to right and returns non-overlapping :class:`Amount` values.
An amount is only recognised when a number is *directly* followed by a unit, so bare numbers
(years ``2025年``, dates ``2月28日``, hotlines ``12345热线``, phone numbers, ``“4+1”``,
``654陪跑``, ``十四五``) never produce anything.

Shape of a match (optional spaces are allowed between the parts)::

    [cue] number [magnitude] [多|余] [magnitude] [多|余] unit [post-cue] [≤4 chars + counted noun]

* number: Arabic digits (full-width digits are accepted, ``1,200`` thousands separators too)
  or Chinese numerals (``三千``, ``两千``, ``一百二十``, ``千``); Chinese numerals are parsed by a
  small private parser (no dependency on ``desktop.core.text.numerals``).
* magnitude: ``百 千 万 亿`` after Arabic digits (``1.5万亿`` → 1.5e12, ``3千万`` → 3e7).
* unit, from ``resources/cues/currencies.txt`` and ``resources/cues/measure_words.txt``:
  a currency word (``元`` → CNY, ``美元`` → USD …) gives ``kind='money'``; ``%``/``％``/
  ``个百分点`` gives ``'percent'`` (``百分之二十`` too); an area unit (``平方公里``, ``平方米``,
  ``亩``, ``公顷`` …) gives ``'area'`` with the value in m²; a measure word (``个 家 名 位 项
  辆 人次 …``) gives ``'count'``.  A count's unit is the measure word, or the counted noun
  (``项目``, ``企业`` …) when one follows within 4 characters (``45个优质项目`` → unit 项目).
* bound: ``超 超过 逾 突破 至少`` before, ``多``/``余`` inside (``300多名``, ``4.3万余家``),
  or ``以上``/``之多`` after → ``'lower'``; ``近 将近 接近 约 大约`` before or ``左右``/``上下`` after
  → ``'approx'``; ``不足 不到 不超过 最多`` before or ``以下``/``以内`` after → ``'upper'``;
  ``数``/``几`` before a Chinese magnitude (``数十家``) → ``'lower'``; otherwise ``'exact'``.

Counts are refused for ordinals (``第3个``), durations (``3个月``, ``3个小时``), the bare
numeral ``一`` (``一个``, ``一家``, ``一批`` are articles, not counts) and a lone ``百``/``千``/``万``
without a cue (``千家万户``).  ``约`` is not a cue after 签/合/预/履/… (``签约3个项目`` is exact).

Not handled: ranges (``10-20亿元`` gives ``20亿元``), amounts without a currency word
(``总投资100亿``), weights, lengths and energy (``吨``, ``公里``, ``千瓦``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from fractions import Fraction
from functools import cache

from desktop.core.language import language
from desktop.core.resources import rows_of

__all__ = ["Amount", "find_amounts", "format_amount"]


@dataclass(frozen=True, slots=True)
class Amount:
    text: str  # as written, e.g. '207.88亿元', '超300亿元', '45个优质项目'
    span: tuple[int, int]  # [start, end) in the input
    kind: str  # 'money' | 'count' | 'percent' | 'area'
    value: float  # normalized: money in currency units, counts as numbers, percent, m²
    unit: str  # 'CNY' 'USD' … | measure word or counted noun | '%' or '百分点' | 'm2'
    bound: str  # 'exact' | 'lower' | 'upper' | 'approx'


# --------------------------------------------------------------------------- resources


@dataclass(frozen=True, slots=True)
class _Tables:
    currency: dict[str, str]  # word → ISO code
    currency_word: dict[str, str]  # ISO code → word used when formatting
    measure: frozenset[str]  # measure words
    noun: dict[str, str]  # counted noun → classifier used when formatting
    area: dict[str, Fraction]  # area unit → m² per unit
    pattern: re.Pattern[str]
    retry_pattern: re.Pattern[str]
    noun_after: re.Pattern[str]


def _rows(name: str) -> list[list[str]]:
    return [list(row) for row in rows_of("cues", name)]


_CJK_DIGITS = "零〇一二两三四五六七八九"
_CJK_SMALL = "十百千"
_CJK_CHARS = _CJK_DIGITS + _CJK_SMALL + "万亿"
_SP = r"[ \u3000\u00a0]?"
_ARABIC = r"\d{1,3}(?:,\d{3}){1,5}(?:\.\d{1,8})?(?![\d,])|\d{1,18}(?:\.\d{1,8})?"
_CJK = rf"[{_CJK_DIGITS}{_CJK_SMALL}][{_CJK_CHARS}]{{0,15}}"
_NUM = rf"(?<![\d.A-Za-z])(?:{_ARABIC})|(?<![{_CJK_CHARS}]){_CJK}"
_NUM_RETRY = rf"(?<![\d.A-Za-z])(?:{_ARABIC})|{_CJK}"  # a malformed numeral's tail (统一三千万)
_MAG = r"[百千]?万?亿?"
_PRE = "超过|超出|超|逾|突破|至少|不少于|将近|接近|近|大约|约合|约|不足|不到|不超过|最多|数|几"
_POST = "以上|之多|左右|上下|以下|以内"
_PERCENT_UNITS = ("个百分点", "百分点", "%")

_PRE_BOUND = {
    **dict.fromkeys(("超过", "超出", "超", "逾", "突破", "至少", "不少于", "数", "几"), "lower"),
    **dict.fromkeys(("将近", "接近", "近", "大约", "约合", "约"), "approx"),
    **dict.fromkeys(("不足", "不到", "不超过", "最多"), "upper"),
}
_POST_BOUND = {"以上": "lower", "之多": "lower", "左右": "approx", "上下": "approx",
               "以下": "upper", "以内": "upper"}
# 约 / 近 preceded by these characters belong to another word (签约, 附近 …), not a cue
_NOT_CUE_BEFORE = {
    "约": set("签合预履特公条契邀节制相违守践婚失爽赴立解续毁缔租盟誓要集隐简"),
    "近": set("最附临就靠亲邻贴走逼"),
    "超": set("高赶"),
}
# a unit followed by these strings is part of another word (3个月 is a duration, 元素 …)
_BAD_FOLLOW = {
    "个": ("月", "小时", "工作日", "星期", "季度", "多月", "半月"),
    "元": ("素", "旦", "宵", "年", "首"),
    "家": ("庭", "长", "乡", "属"),
    "名": ("单", "义", "称"),
    "所": ("属", "在", "有", "以", "谓"),
    "场": ("所", "景", "地", "馆"),
    "台": ("阶",),
    "条": ("件", "例"),
    "位": ("于", "列", "居"),
    "户": ("籍", "外"),
    "次": ("日", "年", "月"),
    "人": ("民", "员", "口", "大"),
}
_FULLWIDTH = str.maketrans("０１２３４５６７８９．％", "0123456789.%")
_DIGIT_VALUE = {ch: i for i, ch in enumerate("零一二三四五六七八九")} | {"两": 2, "〇": 0}
_MAG_VALUE = {"百": 100, "千": 1000, "万": 10_000, "亿": 100_000_000}
_SPACES = " \u3000\u00a0"


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@cache
def _tables() -> _Tables:
    currency: dict[str, str] = {}
    currency_word: dict[str, str] = {}
    for row in _rows("currencies.txt"):
        if len(row) >= 2:
            currency[row[0]] = row[1]
            currency_word.setdefault(row[1], row[0])
    measure: set[str] = set()
    noun: dict[str, str] = {}
    area: dict[str, Fraction] = {}
    for row in _rows("measure_words.txt"):
        kind = row[1] if len(row) > 1 else "count"
        if kind == "noun":
            noun[row[0]] = row[2] if len(row) > 2 else "个"
        elif kind == "area" and len(row) > 2:
            area[row[0]] = Fraction(row[2])
        else:
            measure.add(row[0])
    units = [*currency, *measure, *area, *_PERCENT_UNITS]
    main = (
        rf"(?:(?P<pre>{_PRE}){_SP})?"
        rf"(?:百分之(?P<pnum>{_ARABIC}|{_CJK})"
        rf"|(?P<num>NUMBER){_SP}(?P<mag1>{_MAG})(?P<fz1>[多余])?(?P<mag2>{_MAG})(?P<fz2>[多余])?"
        rf"{_SP}(?P<unit>{_alternation(units)})(?P<post>{_POST})?)"
    )
    noun_after = rf"[\u4e00-\u9fff]{{0,4}}?(?:{_alternation(noun)})"
    return _Tables(
        currency=currency,
        currency_word=currency_word,
        measure=frozenset(measure),
        noun=noun,
        area=area,
        pattern=re.compile(main.replace("NUMBER", _NUM)),
        retry_pattern=re.compile(main.replace("NUMBER", _NUM_RETRY)),
        noun_after=re.compile(noun_after),
    )


# --------------------------------------------------------------------------- numerals


def _cjk_value(s: str) -> int | None:
    """Value of a Chinese numeral such as 三千, 一百二十, 两千, 千, 三万五千; None if malformed."""
    total = 0  # whole 亿 groups
    wan = 0  # whole 万 groups below 亿
    section = 0  # below 万
    digit: int | None = None
    zero = False  # a 零 since the last unit: 一千零五 is 1005, not the colloquial 1500
    last_small = 10_000  # 十/百/千 must decrease inside a section
    last_unit = 0
    for ch in s:
        if ch in "零〇":
            if digit is not None:
                return None  # positional digits (二〇二五)
            zero = True
        elif ch in _CJK_DIGITS:
            if digit is not None:
                return None  # two digits in a row (三四)
            digit = _DIGIT_VALUE[ch]
        elif ch in _CJK_SMALL:
            unit = 10 ** (_CJK_SMALL.index(ch) + 1)
            if unit >= last_small:
                return None
            section += (1 if digit is None else digit) * unit
            digit, zero, last_small, last_unit = None, False, unit, unit
        elif ch == "万":
            if section == 0 and digit is None:
                return None
            wan = (section + (digit or 0)) * 10_000
            section, digit, zero, last_small, last_unit = 0, None, False, 10_000, 10_000
        else:  # 亿
            if section == 0 and digit is None and wan == 0:
                return None
            total = (total + wan + section + (digit or 0)) * 100_000_000
            wan, section, digit, zero = 0, 0, None, False
            last_small, last_unit = 10_000, 100_000_000
    if digit is not None and not zero and last_unit >= 100:
        digit *= last_unit // 10  # colloquial 三千五 = 3500, 两万五 = 25000
    return total + wan + section + (digit or 0)


def _number(num: str) -> tuple[Fraction, bool] | None:
    """(value, is_chinese) of a number as matched; None if a Chinese numeral is malformed."""
    if num[0].isdigit():
        return Fraction(num.replace(",", "")), False
    value = _cjk_value(num)
    return None if value is None else (Fraction(value), True)


# --------------------------------------------------------------------------- finding


def find_amounts(text: str) -> list[Amount]:
    """Money, counts, percents and areas, left to right, non-overlapping. Never raises."""
    try:
        return _find(text)
    except Exception:  # a text extractor must not break the pipeline
        return []


def _find(text: str) -> list[Amount]:
    if not isinstance(text, str) or not text:
        return []
    t = _tables()
    norm = text.translate(_FULLWIDTH)  # one character for one: spans stay valid
    out: list[Amount] = []
    pos = 0
    while True:
        m = t.pattern.search(norm, pos)
        if m is None:
            return out
        amount = _build(m, norm, text, t)
        if amount is None:
            pos = m.start() + 1
            continue
        out.append(amount)
        pos = amount.span[1]


def _build(m: re.Match[str], norm: str, text: str, t: _Tables) -> Amount | None:
    pre = m["pre"]
    start = m.start()
    if pre in _NOT_CUE_BEFORE and start and norm[start - 1] in _NOT_CUE_BEFORE[pre]:
        pre = None
    num_text = m["pnum"] if m["pnum"] is not None else m["num"]
    num_start = m.start("pnum") if m["pnum"] is not None else m.start("num")
    parsed = _number(num_text)
    if parsed is None:
        return _retry_trimmed(m, norm, text, t)
    number, chinese = parsed
    if pre in ("数", "几") and not (chinese and num_text[0] in "十百千"):
        pre = None
    if pre is None:
        start = num_start if m["pnum"] is None else m.start("pnum") - 3
    end = m.end()

    if m["pnum"] is not None:  # 百分之二十
        kind, unit, value = "percent", "%", number
        fuzzy, post = False, None
    else:
        for mag in (m["mag1"] or "") + (m["mag2"] or ""):
            number *= _MAG_VALUE[mag]
        unit_word = m["unit"]
        post = m["post"]
        fuzzy = bool(m["fz1"] or m["fz2"])
        follow = norm[m.end("unit"): m.end("unit") + 3]
        if any(follow.startswith(bad) for bad in _BAD_FOLLOW.get(unit_word, ())):
            return None
        if post == "上下" and norm[m.end(): m.end() + 1] == "游":
            post, end = None, m.end("unit")
        if unit_word in t.currency:
            kind, unit, value = "money", t.currency[unit_word], number
        elif unit_word in _PERCENT_UNITS:
            kind, unit, value = "percent", "百分点" if unit_word.endswith("百分点") else "%", number
        elif unit_word in t.area:
            kind, unit, value = "area", "m2", number * t.area[unit_word]
        else:
            kind, unit, value = "count", unit_word, number
            if norm[num_start - 1: num_start] == "第" or (pre and norm[start - 1: start] == "第"):
                return None  # ordinal
            if chinese and not (pre or fuzzy) and num_text in ("一", "百", "千"):
                return None  # 一个, 一家, 千家万户
            tail = t.noun_after.match(norm, end)
            if tail is not None:
                unit, end = _noun_of(tail.group(), t), tail.end()
    bound = (
        _PRE_BOUND[pre] if pre else
        "lower" if fuzzy else
        _POST_BOUND[post] if post else "exact"
    )
    while end > start and norm[end - 1] in _SPACES:
        end -= 1
    try:
        fvalue = float(value)
    except OverflowError:
        return None
    return Amount(
        text=text[start:end],
        span=(start, end),
        kind=kind,
        value=fvalue,
        unit=unit,
        bound=bound,
    )


def _noun_of(tail: str, t: _Tables) -> str:
    for noun in sorted(t.noun, key=len, reverse=True):
        if tail.endswith(noun):
            return noun
    return tail


def _retry_trimmed(m: re.Match[str], norm: str, text: str, t: _Tables) -> Amount | None:
    """A malformed Chinese numeral whose first 一 ends a word (统一三千万元 → 三千万元)."""
    num_start = m.start("pnum") if m["pnum"] is not None else m.start("num")
    if norm[num_start] != "一":
        return None  # 十四五个 stays malformed
    m2 = t.retry_pattern.match(norm, num_start + 1)
    if m2 is None or m2["pre"] is not None or _number(m2["pnum"] or m2["num"]) is None:
        return None
    return _build(m2, norm, text, t)


# --------------------------------------------------------------------------- formatting


def _plain(x: Fraction) -> str:
    """207.88 → '207.88', 45 → '45' (at most 4 decimals)."""
    if x.denominator == 1:
        return str(x.numerator)
    s = f"{float(x):.4f}".rstrip("0").rstrip(".")
    return s or "0"


def _scaled(value: float, big: bool = True) -> tuple[str, str]:
    """(number, magnitude) with 万/亿/万亿 chosen for readability."""
    x = Fraction(repr(float(value))) if value == value and abs(value) != float("inf") else Fraction(0)
    for size, name in ((10**12, "万亿"), (10**8, "亿"), (10**4, "万")):
        if big and abs(x) >= size:
            return _plain(x / size), name
    return _plain(x), ""


def format_amount(a: Amount, lang: str | None = None) -> str:
    """Readable Chinese: 20788000000 CNY → '207.88亿元'; lower → '超300亿元'; '4.3万余家'.
    English: 'CNY 20.788 billion', 'over CNY 30 billion', '20%'; a count keeps the article's
    own words (its measure word and noun are the text's, not ours to translate)."""
    try:
        return _format_en(a) if (lang or language()) == "en" else _format(a)
    except Exception:
        return a.text


_EN_BOUNDS = {"lower": "over ", "approx": "about ", "upper": "under "}


def _scaled_en(value: float) -> str:
    """A number with million/billion/trillion chosen for readability (2.5 billion, 12,000)."""
    x = Fraction(repr(float(value))) if value == value and abs(value) != float("inf") else Fraction(0)
    for size, name in ((10**12, " trillion"), (10**9, " billion"), (10**6, " million")):
        if abs(x) >= size:
            return _plain(x / size) + name
    whole = _plain(x)
    head, dot, tail = whole.partition(".")
    return f"{int(head):,}{dot}{tail}" if head.lstrip("-").isdigit() else whole


def _format_en(a: Amount) -> str:
    cue = _EN_BOUNDS.get(a.bound, "")
    if a.kind == "money":
        return f"{cue}{a.unit} {_scaled_en(a.value)}"
    if a.kind == "percent":
        num, _ = _scaled(a.value, big=False)
        return f"{cue}{num} percentage points" if a.unit == "百分点" else f"{cue}{num}%"
    if a.kind == "area":
        if a.value >= 1_000_000:
            num, _ = _scaled(a.value / 1_000_000, big=False)
            return f"{cue}{num} km²"
        return f"{cue}{_scaled_en(a.value)} m²"
    return a.text


def _format(a: Amount) -> str:
    t = _tables()
    cue = {"lower": "超", "approx": "约", "upper": "不足"}.get(a.bound, "")
    if a.kind == "money":
        num, mag = _scaled(a.value)
        return f"{cue}{num}{mag}{t.currency_word.get(a.unit, a.unit)}"
    if a.kind == "percent":
        num, _ = _scaled(a.value, big=False)
        return f"{cue}{num}{'个百分点' if a.unit == '百分点' else '%'}"
    if a.kind == "area":
        if a.value >= 1_000_000:
            num, _ = _scaled(a.value / 1_000_000, big=False)
            return f"{cue}{num}平方公里"
        num, mag = _scaled(a.value)
        return f"{cue}{num}{mag}平方米"
    num, mag = _scaled(a.value)
    noun = ""
    measure = a.unit
    if a.unit in t.noun:
        noun, measure = a.unit, t.noun[a.unit]
    if a.bound == "lower":
        return f"{num}{mag}余{measure}{noun}"
    return f"{cue}{num}{mag}{measure}{noun}"
