"""Report over the whole real corpus (``../shared/corpus/``): what the engine makes of it.

Run as ``python tests/benchmarks/bench_corpus.py [--corpus DIR]`` (not collected by pytest).
Each source folder is extracted on its own; the report gives, per folder and overall, the
files read and skipped, articles per file, the share of articles with a full publication date
and by basis, events per article and by precision, events dated by an inferred publication
date, and the time taken. Any exception is counted (with its folder) instead of stopping the
run. The last line is a JSON object.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import traceback
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
CORPUS = ROOT.parent / "shared" / "corpus"
SKIP = {"index", "cec_annotated"}


def folder_report(folder: Path) -> dict:
    from desktop.core.corpus import extract

    started = time.perf_counter()
    files = sorted(p for p in folder.iterdir() if p.is_file())
    corpus = extract(files)
    seconds = time.perf_counter() - started
    articles = [info.article for info in corpus.articles]
    events = corpus.events
    basis = Counter(a.published.basis for a in articles)
    dated = sum(1 for a in articles if a.published.date is not None)
    inferred = int(events["published_basis"].str.startswith("no date printed").sum()) if len(events) else 0
    return {
        "files": len(files),
        "read": len(corpus.documents),
        "skipped": len(corpus.problems),
        "articles": len(articles),
        "articles_per_file": round(len(articles) / max(len(corpus.documents), 1), 3),
        "published_share": round(dated / max(len(articles), 1), 3),
        "published_basis": dict(basis.most_common()),
        "events": len(events),
        "events_per_article": round(len(events) / max(len(articles), 1), 2),
        "events_by_precision": {k: int(v) for k, v in events["precision"].value_counts().items() if v},
        "events_on_inferred_dates": inferred,
        "seconds": round(seconds, 2),
    }


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    args = parser.parse_args()
    if not args.corpus.is_dir():
        print(f"no corpus at {args.corpus}")
        print(json.dumps({"error": "no corpus"}))
        return 0
    started = time.perf_counter()
    folders: dict[str, dict] = {}
    failures: dict[str, str] = {}
    for folder in sorted(p for p in args.corpus.iterdir() if p.is_dir() and p.name not in SKIP):
        try:
            folders[folder.name] = folder_report(folder)
        except Exception:  # noqa: BLE001 - a report counts failures instead of stopping
            failures[folder.name] = traceback.format_exc(limit=3)
        if folder.name in folders:
            r = folders[folder.name]
            print(f"{folder.name:16} files {r['files']:5} articles {r['articles']:5} ({r['articles_per_file']}/file) "
                  f"published {r['published_share']:.3f} events {r['events']:6} ({r['events_per_article']}/article) "
                  f"{r['seconds']:.1f} s  basis {r['published_basis']}")  # fmt: skip
        else:
            print(f"{folder.name:16} FAILED\n{failures[folder.name]}")
    total_articles = sum(r["articles"] for r in folders.values())
    total_events = sum(r["events"] for r in folders.values())
    summary = {
        "folders": folders,
        "failures": sorted(failures),
        "articles": total_articles,
        "events": total_events,
        "events_per_article": round(total_events / max(total_articles, 1), 2),
        "published_share": round(
            sum(r["published_share"] * r["articles"] for r in folders.values()) / max(total_articles, 1), 3),
        "seconds": round(time.perf_counter() - started, 1),
    }
    print(json.dumps(summary, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
