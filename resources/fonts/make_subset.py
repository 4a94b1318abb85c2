"""Subset Noto Sans CJK SC to the characters GBK encodes (see README.md). Needs fontTools.

Usage: ``python make_subset.py NotoSansCJK-Regular.ttc Regular``
"""

import os
import sys

from fontTools import subset
from fontTools.ttLib import TTCollection


def gbk_and_basic_code_points() -> set[int]:
    """Everything GBK encodes, plus Latin, punctuation, CJK symbols, full-width forms."""
    points = set()
    for cp in range(0x20, 0x10000):
        try:
            chr(cp).encode("gbk")
        except UnicodeEncodeError:
            continue
        points.add(cp)
    for low, high in ((0x20, 0x250), (0x2000, 0x2070), (0x2460, 0x24FF), (0x3000, 0x3040), (0xFF00, 0xFFF0)):
        points |= set(range(low, high))
    return points


def main(source: str, weight: str) -> None:
    collection = TTCollection(source)
    font = next(
        f for f in collection.fonts
        if "SC" in f["name"].getDebugName(1) and "Mono" not in f["name"].getDebugName(1)
    )
    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.hinting = False
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=gbk_and_basic_code_points())
    subsetter.subset(font)
    out = f"NotoSansSC-{weight}-GBK.otf"
    font.save(out)
    print(out, f"{os.path.getsize(out) / 1e6:.1f} MB")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
