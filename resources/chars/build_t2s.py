"""Rebuild ``t2s.tsv``: traditional → simplified Chinese, one character for one.

The date engine matches its vocabulary against text normalised character by character
(:func:`desktop.core.numerals.normalize`), so offsets into the normalised text are offsets
into the original. This map is OpenCC's ``t2s`` conversion (https://github.com/BYVoid/OpenCC,
Apache License 2.0) of every CJK Unified Ideograph (U+4E00–U+9FFF) taken one at a time, kept
where it gives a single, different character. Run ``python resources/chars/build_t2s.py``
with the ``opencc`` package installed (it is not needed at run time).
"""

from __future__ import annotations

from pathlib import Path

import opencc


def main() -> None:
    chars = [chr(code) for code in range(0x4E00, 0x9FFF + 1)]
    converted = opencc.OpenCC("t2s").convert("\n".join(chars)).split("\n")
    assert len(converted) == len(chars)
    lines = [f"{a}\t{b}" for a, b in zip(chars, converted, strict=True) if len(b) == 1 and b != a]
    header = [
        "# Traditional -> simplified, one character for one (OpenCC t2s, Apache License 2.0;",
        "# rebuilt by build_t2s.py beside this file). TRADITIONAL<TAB>SIMPLIFIED",
    ]
    (Path(__file__).with_name("t2s.tsv")).write_text("\n".join(header + lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} characters")


if __name__ == "__main__":
    main()
