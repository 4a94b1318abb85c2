"""Benchmark: the whole real corpus (``../shared/corpus/``) through the engine, folder by folder.

Run as ``python tests/benchmarks/bench_corpus_report.py [--folders a,b]`` (not collected by
pytest). Each folder is extracted as one corpus, the way a user opens it
(:func:`desktop.core.events.corpus.extract`). Per folder: files, problems, articles per file,
share of articles with a full publication date and their bases (the reader's labels),
events per article (mean, median, share with none), tracebacks (an exception out of the
engine is counted, printed and the run goes on) and seconds. The last line is a JSON object
``{"folders": {name: {...}}, "total": {...}}``.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
import traceback
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus"
sys.path.insert(0, str(ROOT))

SKIP = {"index", "cec_annotated"}  # the index TSVs and CEC's gold XML are no articles


def report(folder: Path) -> dict[str, object]:
    from desktop.core.events.corpus import extract

    files = sum(1 for p in folder.rglob("*") if p.is_file())
    started = time.perf_counter()
    try:
        corpus = extract([folder])
    except Exception:  # noqa: BLE001 - the report counts it and goes on with the next folder
        traceback.print_exc()
        return {"files": files, "tracebacks": 1, "seconds": round(time.perf_counter() - started, 1)}
    seconds = time.perf_counter() - started
    articles = [info.article for info in corpus.articles]
    per_file = Counter(article.file for article in articles)
    events = Counter(corpus.events["article_id"]) if len(corpus.events) else Counter()
    counts = [events.get(article.id, 0) for article in articles]
    dated = [a for a in articles if a.published.date is not None]
    bases = Counter(a.published.label for a in articles)
    return {
        "files": files,
        "problems": len(corpus.problems),
        "articles": len(articles),
        "articles_per_file": round(len(articles) / max(len(per_file), 1), 3),
        "files_with_several_articles": sum(1 for n in per_file.values() if n > 1),
        "published_share": round(len(dated) / max(len(articles), 1), 4),
        "published_bases": dict(bases.most_common()),
        "events": int(sum(counts)),
        "events_per_article": round(statistics.mean(counts), 2) if counts else 0.0,
        "events_per_article_median": statistics.median(counts) if counts else 0,
        "articles_without_events": round(sum(1 for c in counts if c == 0) / max(len(counts), 1), 4),
        "tracebacks": 0,
        "seconds": round(seconds, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folders", help="comma-separated folder names (default: all)")
    args = parser.parse_args()
    if not CORPUS.is_dir():
        print(json.dumps({"error": f"no corpus at {CORPUS}"}))
        return
    wanted = set(args.folders.split(",")) if args.folders else None
    folders = [p for p in sorted(CORPUS.iterdir()) if p.is_dir() and p.name not in SKIP
               and (wanted is None or p.name in wanted)]
    results = {}
    for folder in folders:
        row = report(folder)
        results[folder.name] = row
        print(f"{folder.name:15s} files {row['files']:5d}  articles {row.get('articles', '-')!s:>5}  "
              f"per file {row.get('articles_per_file', '-')}  dated {row.get('published_share', '-')}  "
              f"events/article {row.get('events_per_article', '-')} (none: {row.get('articles_without_events', '-')})  "
              f"tracebacks {row['tracebacks']}  {row['seconds']} s", flush=True)
        print(f"{'':15s} bases {row.get('published_bases', {})}", flush=True)
    keys = ("files", "problems", "articles", "events", "tracebacks", "seconds")
    total = {key: round(sum(float(r.get(key, 0)) for r in results.values()), 1) for key in keys}
    articles = total["articles"] or 1
    total["published_share"] = round(
        sum(r.get("published_share", 0) * r.get("articles", 0) for r in results.values()) / articles, 4)
    total["events_per_article"] = round(total["events"] / articles, 2)
    print(json.dumps({"folders": results, "total": total}, ensure_ascii=False))


if __name__ == "__main__":
    main()
