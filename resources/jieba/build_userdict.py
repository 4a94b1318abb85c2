"""Build ``userdict.txt`` for jieba from ``domain_terms.txt`` and the place gazetteer.

Run from anywhere: ``python resources/jieba/build_userdict.py``. The output is committed, so
only run this after editing ``domain_terms.txt`` or ``../gazetteer/places.tsv``.

Output format (jieba user dictionary): ``word freq pos`` per line, UTF-8.

* Every hand-written domain term, with its part of speech.
* Every canonical name and alias of the gazetteer of three characters or more, pos ``ns``
  (two-character place names are in jieba's own dictionary or listed in domain_terms.txt).
* Words jieba cannot match as one token (containing ·, —, brackets, spaces ...) are skipped.

Frequencies are fixed per length, high enough for jieba to keep the word whole against the
split into its parts (checked by tests/test_places.py), low enough not to swallow
neighbouring characters in ordinary text.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DOMAIN_TERMS = HERE / "domain_terms.txt"
GAZETTEER = HERE.parent / "gazetteer" / "places.tsv"
OUTPUT = HERE / "userdict.txt"

# Characters jieba's default tokenizer keeps inside one block (jieba.re_han_default).
_JIEBA_BLOCK = re.compile(r"[\u4E00-\u9FD5a-zA-Z0-9+#&._%\-]+")
_POS = re.compile(r"[a-z]+")


def freq_for(word: str) -> int:
    """Frequency written for a word of this length."""
    if len(word) <= 2:
        return 2000
    if len(word) == 3:
        return 5000
    return 10000


def read_domain_terms(path: Path = DOMAIN_TERMS) -> list[tuple[str, str]]:
    terms: list[tuple[str, str]] = []
    for lineno, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        parts = line.split()
        word = parts[0]
        pos = parts[1] if len(parts) > 1 else "n"
        if not _POS.fullmatch(pos):
            raise ValueError(f"{path.name}:{lineno}: bad part of speech {pos!r}")
        terms.append((word, pos))
    return terms


def read_place_words(path: Path = GAZETTEER, min_len: int = 3) -> list[str]:
    words: list[str] = []
    header_seen = False
    for raw in path.read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        fields = raw.split("\t")
        if not header_seen:
            header_seen = True
            if fields[0] == "name":
                continue
        aliases = fields[3].split("|") if len(fields) > 3 else []
        for word in [fields[0], *aliases]:
            word = word.strip()
            if len(word) >= min_len:
                words.append(word)
    return words


def build() -> list[str]:
    entries: dict[str, str] = {}
    for word, pos in read_domain_terms():
        entries.setdefault(word, pos)
    for word in read_place_words():
        entries.setdefault(word, "ns")
    lines = []
    for word, pos in entries.items():
        if not _JIEBA_BLOCK.fullmatch(word):
            continue
        lines.append(f"{word} {freq_for(word)} {pos}")
    return lines


def main() -> int:
    lines = build()
    OUTPUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(lines)} entries to {OUTPUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
