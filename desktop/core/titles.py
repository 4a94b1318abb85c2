"""Readable event titles (≤ 30 characters): who did what, built from the dated clause.

Not the first 30 characters of the sentence: the title comes from the clause that holds
the date, or — when that clause holds only the date or a setting ("去年以来,", "2月28日,
在…之年,") — from the first later clause with an event word (the category cues), with
the sentence's subject put in front when that clause has none. Slogans in quotes before
a name, "由…主办的", "以“…”为主题的", fillers (``resources/cues/title_fillers.txt``)
and finally place phrases and "暨…" parts are dropped until the title fits.
"""

from __future__ import annotations

import re
from functools import cache

from .categories import category_cues
from .resources import word_list
from .segmenter import pos_cut
from .sentences import clause_spans

MAX_TITLE = 30
_NOMINAL = ("n", "nr", "ns", "nt", "nz", "j", "m", "q", "eng", "x", "nrt", "nrfg", "l")
_PUNCT_EDGES = " \t\u3000，,。；;：:、！？!?”“‘’\"'（）()【】《》——-"


@cache
def _leading() -> tuple[str, ...]:
    return tuple(sorted(word_list("cues", "title_leading.txt"), key=len, reverse=True))


@cache
def _fillers() -> tuple[str, ...]:
    return word_list("cues", "title_fillers.txt")


@cache
def _event_words() -> tuple[str, ...]:
    weak = {"将", "期间", "实现", "达到", "数量", "活动", "实施", "机制", "计划", "拟"}
    words = {w for cues in category_cues().values() for w in cues if w not in weak}
    return tuple(sorted(words, key=len, reverse=True))


_THEME = re.compile(r"以[“\"‘「][^”\"’」]{1,40}[”\"’」]为(?:主题|题)的?")
_HOSTED_BY = re.compile(r"由[^，,。]{2,60}?(?:联合|共同)?(?:主办|承办|举办|发起|指导)的")
_SLOGAN_BEFORE_NAME = re.compile(r"[“\"「][^”\"」]{2,30}[”\"」](?=[\u4e00-\u9fff\d])")
_PLACE_PHRASE = re.compile(r"在[^，,。在]{2,24}?(?=举行|举办|召开|开幕|签约|成立|揭牌|落户|投产|开工|启动|发布)")
_CONJOINED_NAME = re.compile(r"暨[^，,。在于]{2,30}?(?:会|仪式|活动|论坛|大会)(?=在|于|举|召|开|成|签|$)")


def _strip_edges(text: str) -> str:
    text = text.strip(_PUNCT_EDGES)
    changed = True
    while changed and text:
        changed = False
        for word in _leading():
            if text.startswith(word) and len(text) > len(word) + 1:
                text = text[len(word):].lstrip(_PUNCT_EDGES)
                changed = True
                break
    return text.strip(_PUNCT_EDGES)


def _has_event_word(text: str) -> bool:
    return any(word in text for word in _event_words())


def _subject(words: list[tuple[str, str]]) -> str:
    """Leading nominal words of a clause: the doer, if the clause starts with one."""
    subject = []
    for word, flag in words:
        if flag.startswith(_NOMINAL) and not flag.startswith("v"):
            subject.append(word)
        else:
            break
    return "".join(subject)


def _shorten(title: str, limit: int) -> str:
    for pattern in (_THEME, _HOSTED_BY, _SLOGAN_BEFORE_NAME):
        if len(title) > limit:
            title = pattern.sub("", title)
    for filler in _fillers():
        if len(title) <= limit:
            break
        title = title.replace(filler, "")
    for pattern in (_PLACE_PHRASE, _CONJOINED_NAME):
        if len(title) > limit:
            title = pattern.sub("", title, count=1)
    title = _strip_edges(title)
    if len(title) > limit:
        title = title[: limit - 1].rstrip(_PUNCT_EDGES) + "…"
    return title


def event_title(sentence: str, date_span: tuple[int, int], limit: int = MAX_TITLE) -> str:
    """Title for the event dated by ``sentence[date_span[0]:date_span[1]]``."""
    clauses = clause_spans(sentence, 0, len(sentence))
    ds, de = date_span
    index = next((i for i, (s, e) in enumerate(clauses) if s <= ds < e), 0)
    pieces: list[str] = []
    for number, (s, e) in enumerate(clauses[index:]):
        text = sentence[s:e]
        if number == 0:
            text = sentence[s:ds] + sentence[de:e] if s <= ds < e else text
        pieces.append(_strip_edges(text))
    pieces = [p for p in pieces if p]
    if not pieces:
        return _shorten(_strip_edges(sentence), limit)

    words = [pos_cut(piece) for piece in pieces[:6]]
    has_verb = [any(flag.startswith("v") for _, flag in ws) for ws in words]
    chosen = next((i for i, p in enumerate(pieces[:6]) if _has_event_word(p) and has_verb[i]), None)
    if chosen is None:
        chosen = next((i for i, flag in enumerate(has_verb) if flag and len(pieces[i]) >= 4), 0)
    title = pieces[chosen]
    if chosen > 0:
        own_subject = _subject(words[chosen])
        first_subject = _subject(words[0])
        previous = pieces[chosen - 1]
        if not own_subject and first_subject and first_subject not in title:
            title = first_subject + title
        elif not has_verb[chosen - 1] and len(previous) + len(title) <= limit and chosen == 1:
            # A setting with no verb right before ("广西…农场，农民在采收…") belongs to the event.
            title = previous + title
    return _shorten(title, limit)
