"""Benchmark: the date engine alone (no jieba) on 1,000 sentences. JSON last line."""

from __future__ import annotations

import json
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from desktop.core.dates import find_dates  # noqa: E402

BASE = ["2月28日,在京津冀协同发展第二个十年的开局之年,由天津市宝坻区人民政府主办的大会召开。",
        "预计明年6月投产,3年内年产值将达到10亿元,计划总投资额为207.88亿元的45个优质项目正式签约落户。",
        "2014年以来,我省累计承接京津转入基本单位4.3万余家,“十四五”期间拟建15个产业创新平台。",
        "距离北京不足百公里的京津中关村科技城,十年间,“从0到1”的创新策源能力不断增强。"]


def main() -> None:
    sentences = BASE * 250
    start = time.perf_counter()
    mentions = sum(len(find_dates(s, date(2025, 3, 1))) for s in sentences)
    seconds = time.perf_counter() - start
    print(f"find_dates: {len(sentences)} sentences, {mentions} mentions in {seconds * 1000:.1f} ms")
    print(json.dumps({"sentences": len(sentences), "mentions": mentions, "ms": round(seconds * 1000, 1)}))


if __name__ == "__main__":
    main()
