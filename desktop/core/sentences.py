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
_CLAUSE_SPLIT = re.compile(r"[，,；;：:。！？!?]|(?<!  )\n|——")
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


def span_containing(spans: list[tuple[int, int]], position: int) -> tuple[int, int] | None:
    """The span of a sorted, non-overlapping list that contains ``position``."""
    starts = [s for s, _ in spans]
    index = bisect_right(starts, position) - 1
    if index >= 0 and spans[index][0] <= position < spans[index][1]:
        return spans[index]
    return None


def clause_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Clauses of ``text[start:end]``, split at commas, semicolons, colons, dashes, stops."""
    spans = []
    position = start
    for match in _CLAUSE_SPLIT.finditer(text, start, end):
        if match.start() > position:
            spans.append((position, match.start()))
        position = match.end()
    if position < end:
        spans.append((position, end))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Spans inside paired quotation marks (outermost pairs; a quote may span sentences).

    An opening mark left unclosed at the end of its paragraph is closed there, so one
    stray mark does not swallow the rest of the article.
    """
    spans: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    for index, ch in enumerate(text):
        if ch in _OPENING:
            stack.append((_OPENING[ch], index))
        elif stack and ch == stack[-1][0]:
            _, opened = stack.pop()
            if not stack:
                spans.append((opened, index + 1))
        elif ch == "\n" and stack:
            spans.append((stack[0][1], index))
            stack.clear()
    if stack:
        spans.append((stack[0][1], len(text)))
    return spans
