"""Chinese and full-width numerals.

* :func:`normalize` maps full-width digits and punctuation, ``○``, traditional characters
  (``後`` -> ``后``, ``週`` -> ``周``: ``resources/chars/t2s.tsv``, from OpenCC) and the financial
  numerals (``貳零貳伍`` -> ``二零二五``) to their plain forms **one character for one
  character**, so offsets into the normalised string are offsets into the original.  Financial numerals are only
  mapped inside numeral runs (two or more numeral characters) or right before 年/月/日/号, so that
  ``队伍`` or ``大陆`` stay words.
* :func:`digit_string` reads digit by digit: ``二〇二五`` -> ``"2025"``, ``零七`` -> ``"07"``.
* :func:`to_int` reads Arabic digits, digit strings and positional numerals
  (``十二`` 12, ``二十一`` 21, ``两`` 2, ``廿`` 20, ``卅`` 30, ``一百零五`` 105).
* :func:`to_int_range` also reads vague counts: ``几`` (2-9), ``二十几`` (21-29), ``几十`` (20-90),
  ``三四`` (3-4).
"""

from __future__ import annotations

import re

_DIGITS = {
    "〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "俩": 2, "三": 3, "仨": 3,
    "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
}  # fmt: skip
_UNITS = {"十": 10, "百": 100, "千": 1000}
_TENS = {"廿": 20, "卅": 30}
_PLAIN_DIGITS = "〇零一二三四五六七八九"  # digits that may appear in a digit-by-digit reading

_FINANCIAL = {
    "壹": "一", "贰": "二", "貳": "二", "叁": "三", "參": "三", "叄": "三", "肆": "四",
    "伍": "五", "陆": "六", "陸": "六", "柒": "七", "捌": "八", "玖": "九", "拾": "十",
    "佰": "百", "仟": "千",
}  # fmt: skip
_WIDE = {chr(0xFF10 + i): str(i) for i in range(10)}
_WIDE.update({
    "（": "(", "）": ")", "：": ":", "～": "~", "－": "-", "–": "-", "﹣": "-", "―": "—",
    "／": "/", "．": ".", "○": "〇", "Ｑ": "Q", "\u3000": " ",
})  # fmt: skip
_WIDE_TABLE = str.maketrans(_WIDE)
_FIN_TABLE = str.maketrans(_FINANCIAL)


def _traditional() -> dict[str, str]:
    """Traditional -> simplified characters, one for one (financial numerals excluded: they
    are mapped only inside numerals)."""
    from desktop.core.resources import resource_path

    pairs: dict[str, str] = {}
    for line in resource_path("chars", "t2s.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            trad, _, simp = line.partition("\t")
            if len(trad) == 1 and len(simp) == 1 and trad not in _FINANCIAL:
                pairs[trad] = simp
    return pairs


_MATCH_TABLE = str.maketrans({**_traditional(), **_WIDE})


def matching_table() -> dict[int, str]:
    """The one-for-one character map :func:`normalize` starts with (traditional → simplified,
    full-width → plain), for callers that fold whole columns at once (search)."""
    return _MATCH_TABLE
_FIN_CHARS = "".join(_FINANCIAL)
_FIN_ANY = re.compile(f"[{_FIN_CHARS}]")  # a regex search, not a loop over characters: normalize runs on whole articles
_FIN_RUN = re.compile(
    rf"[{_FIN_CHARS}〇零一二两三四五六七八九十百千]{{2,}}|[{_FIN_CHARS}](?=[年月日号])"
)


def normalize(text: str) -> str:
    """Same-length plain form of ``text`` for matching (full-width digits and punctuation,
    traditional characters, financial numerals)."""
    text = text.translate(_MATCH_TABLE)
    if _FIN_ANY.search(text):
        text = _FIN_RUN.sub(lambda m: m.group().translate(_FIN_TABLE), text)
    return text


def _plain(s: str) -> str:
    """A numeral on its own: every financial numeral is mapped, even a single one (拾 -> 十)."""
    return s.translate(_WIDE_TABLE).translate(_FIN_TABLE)


def digit_string(s: str) -> str | None:
    """Digit-by-digit reading (``二〇二五`` -> ``"2025"``, ``零七`` -> ``"07"``), or None."""
    s = _plain(s)
    if not s:
        return None
    out = []
    for ch in s:
        if ch.isascii() and ch.isdigit():
            out.append(ch)
        elif ch in _PLAIN_DIGITS:
            out.append(str(_DIGITS[ch]))
        else:
            return None
    return "".join(out)


def to_int(s: str) -> int | None:
    """Integer value of an Arabic, digit-string or positional Chinese numeral, or None."""
    s = _plain(s)
    if not s:
        return None
    if s.isascii():
        return int(s) if s.isdigit() else None
    if len(s) == 1 and s in _DIGITS:
        return _DIGITS[s]
    ds = digit_string(s)
    if ds is not None:
        return int(ds)
    total = 0
    num: int | None = None
    last_unit = 10_000
    zero = False  # a 零 since the last unit: 一百零五 is 105, 一百五 is 150
    for ch in s:
        if ch in _DIGITS:
            if num is not None:
                return None
            zero = zero or ch in "〇零"
            num = None if ch in "〇零" else _DIGITS[ch]
        elif ch in _UNITS:
            zero = False
            unit = _UNITS[ch]
            if unit >= last_unit:
                return None
            total += (1 if num is None else num) * unit
            last_unit, num = unit, None
        elif ch in _TENS:
            if total or num is not None:
                return None
            total, last_unit = _TENS[ch], 10
        else:
            return None
    if num is not None and not zero and last_unit >= 100 and s[-1] not in _UNITS:
        num *= last_unit // 10  # 一千三 is 1300, 一百二 is 120: the digit after a unit counts the next one down
    return total + (num or 0)


def to_int_range(s: str) -> tuple[int, int] | None:
    """(low, high) of a possibly vague count: ``几`` 2-9, ``十几`` 11-19, ``几十`` 20-90, ``三四`` 3-4."""
    s = _plain(s)
    if "几" in s:
        if s.count("几") != 1:
            return None
        i = s.index("几")
        lead = i + 1 < len(s) and s[i + 1] in _UNITS
        low = to_int(s.replace("几", "二" if lead or len(s) == 1 else "一"))
        high = to_int(s.replace("几", "九"))
        return (low, high) if low is not None and high is not None else None
    if len(s) == 2 and all(ch in _DIGITS and ch not in "〇零" for ch in s):
        a, b = _DIGITS[s[0]], _DIGITS[s[1]]
        if b == a + 1:
            return a, b
    v = to_int(s)
    return None if v is None else (v, v)
