"""Organization names in Chinese news text, found by suffix rules.

``find_orgs(text)`` returns non-overlapping :class:`OrgMention` values, left to right.

1. **Suffix.** A name ends with a word from ``resources/cues/org_suffixes.txt`` (``有限公司``,
   ``集团``, ``人民政府``, ``管委会``, ``中心``, ``大学``, ``银行``, ``支行``, ``局`` …; longest
   first).  Ministries (``科技部``, ``商务部``, ``国务院`` …) are complete names by themselves.  A hit
   is ignored when the next character shows the suffix belongs to another word (``局长``,
   ``中心城区``, ``科技部门``, ``(集团)`` inside parentheses) or when it ends a listed non-name word
   (``格局``, ``副局``, ``市中心``).
2. **Left boundary.** The name is the run of characters before the suffix made of CJK characters,
   Latin letters, digits, ``·`` and short parenthesised parts (``中科精数(北京)科技有限公司``).  It
   stops at punctuation and whitespace; after the last stop word of
   ``resources/cues/org_left_stops.txt`` (``与 和 及 在 由 是 为 的 …``, verbs such as ``签订 联合
   主办 落户``, deictics such as ``我市 该 本市``); after a date (``2025年``, ``2月28日``); and
   *before* a numeral + measure/area word (``三家``, ``两地``, ``三县市``).  Stops inside a
   protected ``keep`` word (``和平区``, ``文化和旅游局``, ``协同办``, ``华为``) do not cut.  A name is
   at most 25 characters.
3. **Overlaps.** Hits are made independently, so ``农业银行天津宝坻支行`` yields ``农业银行`` and
   then the longer candidate that contains it; the longer one wins (likewise ``XX集团有限公司``
   and ``XX有限公司沧州分公司``).
4. **Filters.** Dropped: names shorter than 3 characters, bare suffixes (``公司``, ``人民政府``),
   names whose part before the suffix is a single character (``市政府``, ``该公司``, ``分公司``)
   or a generic word from the stop file (``地方政府``, ``综合服务中心``, ``上市公司``) or a
   numeral + measure word (``两地政府``), and names with unbalanced parentheses.

No jieba: a cut at a stop word is a plain string rule, which keeps 1 MB of text well under a
second.  Known limits: a name that contains a stop word not protected by a ``keep`` entry is cut
short, and a long run without any stop word before the suffix is cut at 25 characters.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cache

from desktop.core.resources import rows_of

__all__ = ["OrgMention", "find_orgs", "org_names"]

MAX_LEN = 25
MIN_LEN = 3


@dataclass(frozen=True, slots=True)
class OrgMention:
    text: str
    span: tuple[int, int]


@dataclass(frozen=True, slots=True)
class _Rules:
    suffix_re: re.Pattern[str]
    ministry: frozenset[str]
    bad_follow: dict[str, str]
    not_words: tuple[str, ...]
    boundary_re: re.Pattern[str]
    stop_re: re.Pattern[str]
    keep_re: re.Pattern[str] | None
    generic: frozenset[str]
    numeral_measure_re: re.Pattern[str]


def _rows(name: str) -> list[list[str]]:
    return [list(row) for row in rows_of("cues", name)]


def _alternation(words: set[str] | list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


_NAME_CHARS = r"\u3400-\u4dbf\u4e00-\u9fffA-Za-z0-9\uff10-\uff19\uff21-\uff3a\uff41-\uff5a·・"
_CJK_NUM = "一二两三四五六七八九十百千万几多数首"
_MEASURES = "家个所批座位名项级类届"
_PLACE_MEASURES = "县市|市县|区县|省市|地|县|市|区|省|镇"
_DATE = r"[0-9０-９]+(?:年|月|日|号)"


@cache
def _rules() -> _Rules:
    suffixes: list[str] = []
    ministry: set[str] = set()
    bad_follow: dict[str, str] = {}
    not_words: list[str] = []
    for row in _rows("org_suffixes.txt"):
        word, kind = row[0], (row[1] if len(row) > 1 else "suffix")
        if kind == "not":
            not_words.append(word)
            continue
        suffixes.append(word)
        if kind == "ministry":
            ministry.add(word)
        if len(row) > 2:
            bad_follow[word] = row[2]
    stops: list[str] = []
    keeps: list[str] = []
    generic: set[str] = set()
    for row in _rows("org_left_stops.txt"):
        kind = row[1] if len(row) > 1 else "stop"
        if kind == "keep":
            keeps.append(row[0])
        elif kind == "generic":
            generic.add(row[0])
        else:
            stops.append(row[0])
    numeral_measure = rf"[{_CJK_NUM}0-9]+(?:{_PLACE_MEASURES}|[{_MEASURES}])"
    # group "np" = numeral + place word (三县市, 两地): the name starts *at* it;
    # numeral + measure word (三家, 一个), dates and stop words: the name starts *after* it
    stop_re = (
        rf"(?P<np>[{_CJK_NUM}0-9]+(?:{_PLACE_MEASURES}))"
        rf"|[{_CJK_NUM}0-9]+[{_MEASURES}]|{_DATE}|{_alternation(stops)}"
    )
    return _Rules(
        suffix_re=re.compile(_alternation(suffixes)),
        ministry=frozenset(ministry),
        bad_follow=bad_follow,
        not_words=tuple(not_words),
        boundary_re=re.compile(rf"[(（][{_NAME_CHARS}]{{1,12}}[)）]|[^{_NAME_CHARS}]"),
        stop_re=re.compile(stop_re),
        keep_re=re.compile(_alternation(keeps)) if keeps else None,
        generic=frozenset(generic),
        numeral_measure_re=re.compile(numeral_measure),
    )


def find_orgs(text: str) -> list[OrgMention]:
    """Organization names, left to right, non-overlapping, by suffix rules. Never raises."""
    try:
        return _find(text)
    except Exception:  # a text extractor must not break the pipeline
        return []


def org_names(text: str) -> list[str]:
    """Distinct names in order of first occurrence."""
    return list(dict.fromkeys(m.text for m in find_orgs(text)))


def _find(text: str) -> list[OrgMention]:
    if not isinstance(text, str) or not text:
        return []
    r = _rules()
    hits = _suffix_hits(text, r)
    if not hits:
        return []
    # characters that cannot be inside a name (parenthesised groups of name characters can)
    boundaries = [m.start() for m in r.boundary_re.finditer(text) if len(m.group()) == 1]
    cuts = _cuts(text, r)

    accepted: list[tuple[int, int]] = []
    for s, e, suffix in hits:
        b = bisect_left(boundaries, s) - 1
        left = boundaries[b] + 1 if b >= 0 else 0
        c = bisect_right(cuts, s) - 1
        if c >= 0:
            left = max(left, cuts[c])
        left = max(left, e - MAX_LEN)
        if not _acceptable(text, left, s, e, suffix, r):
            continue
        wins = True
        while accepted and accepted[-1][1] > left:  # overlap: keep the longer candidate
            ps, pe = accepted[-1]
            if left <= ps or e - left > pe - ps:
                accepted.pop()
            else:
                wins = False
                break
        if wins:
            accepted.append((left, e))
    return [OrgMention(text[a:b], (a, b)) for a, b in accepted]


def _suffix_hits(text: str, r: _Rules) -> list[tuple[int, int, str]]:
    hits: list[tuple[int, int, str]] = []
    pos = 0
    n = len(text)
    while pos < n:
        m = r.suffix_re.search(text, pos)
        if m is None:
            break
        s, e, word = m.start(), m.end(), m.group()
        nxt = text[e] if e < n else ""
        bad = (
            (nxt != "" and (nxt in r.bad_follow.get(word, "") or nxt in ")）"))
            or any(text.endswith(w, 0, e) for w in r.not_words if w[-1] == word[-1])
        )
        if bad:
            pos = s + 1
            continue
        hits.append((s, e, word))
        pos = e
    return hits


def _cuts(text: str, r: _Rules) -> list[int]:
    """Sorted positions where a name may start because of a stop word, date or numeral."""
    keep_spans: list[tuple[int, int]] = []
    if r.keep_re is not None:
        keep_spans = [m.span() for m in r.keep_re.finditer(text)]
    keep_starts = [a for a, _ in keep_spans]
    cuts: list[int] = []
    for m in r.stop_re.finditer(text):
        a, b = m.span()
        k = bisect_right(keep_starts, b - 1) - 1  # last keep word starting before the stop ends
        if k >= 0 and keep_spans[k][1] > a:
            continue
        cuts.append(a if m.group("np") is not None else b)
    cuts.sort()
    return cuts


def _acceptable(text: str, left: int, s: int, e: int, suffix: str, r: _Rules) -> bool:
    name_len = e - left
    residue = text[left:s]
    if suffix in r.ministry:
        return name_len >= MIN_LEN
    if name_len < MIN_LEN or len(residue) <= 1:
        return False
    if residue in r.generic or r.numeral_measure_re.fullmatch(residue):
        return False
    name = text[left:e]
    return name.count("(") + name.count("（") == name.count(")") + name.count("）")
