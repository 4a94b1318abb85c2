"""Sentences, clauses and quotations of Chinese text, as offset spans.

Spans are ``(start, end)`` with ``end`` exclusive, in the offsets of the text passed in.
"""

from __future__ import annotations

import re
from bisect import bisect_right

# A sentence ends after 。！？ (with a closing quote) or at a line break — but not at a
# Markdown hard break (two spaces before the newline), which keeps the lines of a
# newspaper info box ("2025年  \n天津市宝坻区与  \n…") in one sentence.
_SENTENCE_END = re.compile(r"[。！？!?]+[”’」』\"]?|(?<!  )\n")
CLAUSE_BREAKS = "，,；;：:——\n。！？!?"
# a colon between digits is a clock (9:51:00), not a clause break
_CLAUSE_SPLIT = re.compile(r"[，,；;。！？!?]|(?<!\d)[:：]|[:：](?!\d)|(?<!  )\n|——")  # 19:00, １９：００ stay whole
_OPENING = {"“": "”", "「": "」", "『": "』", "‘": "’"}


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Non-empty sentences of ``text[start:end]``, trimmed of surrounding whitespace."""
    end = len(text) if end is None else end
    spans = []
    position = start
    for match in _SENTENCE_END.finditer(text, start, end):
        spans.append((position, match.end()))
        position = match.end()
    spans.append((position, end))
    trimmed = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            trimmed.append((s, e))
    return trimmed


def _start(span: tuple[int, int]) -> int:
    return span[0]


def span_containing(spans: list[tuple[int, int]], position: int) -> tuple[int, int] | None:
    """The span of a sorted, non-overlapping list that contains ``position``."""
    index = bisect_right(spans, position, key=_start) - 1  # no list of the starts per call
    if index >= 0 and spans[index][0] <= position < spans[index][1]:
        return spans[index]
    return None


#: a short bracket is one piece of its clause: （北纬31.0度，东经103.4度） is not split at its comma
_SHORT_BRACKET = re.compile(r"[（(][^（()）\n]{1,40}[）)]")


def clause_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Clauses of ``text[start:end]``, split at commas, semicolons, colons, dashes, stops
    (not inside a short bracket)."""
    spans = []
    position = start
    brackets = [m.span() for m in _SHORT_BRACKET.finditer(text, start, end)] if "（" in text[start:end] or \
        "(" in text[start:end] else []
    for match in _CLAUSE_SPLIT.finditer(text, start, end):
        if brackets and any(s < match.start() < e for s, e in brackets):
            continue
        if match.start() > position:
            spans.append((position, match.start()))
        position = match.end()
    if position < end:
        spans.append((position, end))
    return [(s, e) for s, e in spans if text[s:e].strip()]


#: A "sentence" longer than this (a megabyte line with no punctuation) is cut, for event
#: purposes, to the window of this many characters around the date (:func:`window_around`).
MAX_SENTENCE = 2000

_QUOTE_MARKS = re.compile("[" + "".join(_OPENING) + "".join(_OPENING.values()) + "\n]")
_CLOSING = frozenset(_OPENING.values())
_quote_cache: tuple[str, list[tuple[int, int]]] | None = None


def window_around(span: tuple[int, int], focus: tuple[int, int], limit: int = MAX_SENTENCE) -> tuple[int, int]:
    """``span`` itself when it is at most ``limit`` long, else the ``limit``-character window of
    it centred on ``focus`` (a date's span inside it)."""
    start, end = span
    if end - start <= limit:
        return span
    middle = (focus[0] + focus[1]) // 2
    window_start = max(start, min(middle - limit // 2, end - limit))
    window_start = min(window_start, focus[0])  # a date longer than the window: keep its start
    return window_start, min(end, window_start + limit)


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Spans inside paired quotation marks (outermost pairs; a quote may span sentences).

    An opening mark left unclosed at the end of its paragraph is closed there, so one
    stray mark does not swallow the rest of the article.

    The last text's result is kept: every article of a many-article file asks for the
    quotes of the same document text.
    """
    global _quote_cache
    cached = _quote_cache
    if cached is not None and cached[0] is text:
        return list(cached[1])
    spans: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    for match in _QUOTE_MARKS.finditer(text):
        ch, index = match[0], match.start()
        if ch in _OPENING:
            stack.append((_OPENING[ch], index))
        elif ch in _CLOSING:
            if stack and ch == stack[-1][0]:
                _, opened = stack.pop()
                if not stack:
                    spans.append((opened, index + 1))
        elif stack:  # a line break closes what is still open
            spans.append((stack[0][1], index))
            stack.clear()
    if stack:
        spans.append((stack[0][1], len(text)))
    _quote_cache = (text, spans)
    return list(spans)
