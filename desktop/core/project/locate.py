"""Finding an anchor again: by the hash of the text, else through its context after the
file changed."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from desktop.core.project.model import Anchor, Correction, _sha


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _common_suffix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(reversed(a), reversed(b), strict=False):
        if x != y:
            break
        n += 1
    return n


def locate(anchor: Anchor, text: str, text_sha: str | None = None) -> tuple[int, int] | None:
    """The anchor's span in the current ``text`` of its file (whose sha256 ``text_sha`` may be
    given), or None if it is gone."""
    start, end = anchor.span
    if (text_sha or _sha(text)) == anchor.text_sha and text[start:end] == anchor.text and len(anchor.text) == end - start:
        return start, end
    if not anchor.text:
        return None
    length = len(anchor.text)
    before, after = anchor.before, anchor.after
    old = start - len(before)
    hits = _occurrences(text, anchor.context)
    if hits:
        best = min(hits, key=lambda p: abs(p - old))
        return best + len(before), best + len(before) + length
    candidates = _occurrences(text, anchor.text)
    if not candidates:
        return None

    def score(position: int) -> tuple[int, int]:
        matched = (_common_suffix(before, text[max(position - len(before), 0): position])
                   + _common_prefix(after, text[position + length: position + length + len(after)]))
        return matched, -abs(position - start)

    best = max(candidates, key=score)
    return best, best + length


def _occurrences(text: str, needle: str) -> list[int]:
    if not needle:
        return []
    found, position = [], text.find(needle)
    while position >= 0:
        found.append(position)
        position = text.find(needle, position + 1)
    return found


def follow_renamed_files(corrections: Sequence[Correction], texts: Mapping[str, str]) -> list[Correction]:
    """Corrections whose anchor names a file the corpus no longer calls so — a project of
    format 1 or 2 named files by their bare name (``index.txt``), today's by their path in the
    corpus (``a/index.txt``) — re-pointed at the document whose text has the anchor's hash."""
    corrections = list(corrections)
    if all(c.anchor.file in texts for c in corrections):
        return corrections
    by_sha: dict[str, str] = {}
    for name, text in texts.items():
        by_sha.setdefault(_sha(text), name)
    moved = []
    for correction in corrections:
        name = by_sha.get(correction.anchor.text_sha) if correction.anchor.file not in texts else None
        moved.append(replace(correction, anchor=replace(correction.anchor, file=name)) if name else correction)
    return moved
