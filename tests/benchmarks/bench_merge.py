"""Benchmark: one happening across articles — pairwise precision/recall on real text, and speed.

Run as ``python tests/benchmarks/bench_merge.py`` (not collected by pytest; needs
``../shared/corpus``). Extracts the corpus folders the gold names (whole folders: the other
articles are the distractors), clusters the events (:mod:`desktop.core.events.merge`) and scores
them with ``tests/merge_scoring.py`` against ``tests/data/merge_gold.json`` (and, with
``--anchor-gold``, the anchored gold of ``tests/data/merge/``). Then times the clustering of the
whole corpus (cold: words segmented; warm: cached) and of a synthetic 100,000-event table. Prints
the figures, the misses and the false merges; the last line is a JSON object.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

import merge_scoring as scoring  # noqa: E402


def _extract(folders: list[str], corpus: Path):  # noqa: ANN202 - DataFrame
    from desktop.core.events.corpus import extract

    return extract([corpus / folder for folder in folders], max_bytes=60_000_000).events


def _scaled(frame, copies: int):  # noqa: ANN001, ANN202 - DataFrame
    """``copies`` copies of the table, each moved on by 400 days, with their own ids and articles."""
    import pandas as pd

    parts = []
    for copy in range(copies):
        part = frame.copy()
        shift = pd.Timedelta(days=400 * copy)
        for column in ("start", "end", "published"):
            part[column] = part[column] + shift
        part["id"] = part["id"].astype(str) + f"-{copy}"
        part["article_id"] = part["article_id"].astype(str) + f"-{copy}"
        parts.append(part)
    scaled = pd.concat(parts, ignore_index=True)
    scaled.index = pd.Index(scaled["id"], name="event")
    return scaled


def _timed(function, *args, **kwargs):  # noqa: ANN001, ANN202
    started = time.perf_counter()
    result = function(*args, **kwargs)
    return result, round(time.perf_counter() - started, 3)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=scoring.GOLD_PATH)
    parser.add_argument("--anchor-gold", action="store_true", help="also score tests/data/merge/merge_gold.json")
    parser.add_argument("--corpus", type=Path, default=scoring.CORPUS)
    parser.add_argument("--no-speed", action="store_true", help="skip the corpus-scale timings")
    parser.add_argument("--list", type=int, default=30, help="misses and false merges to list")
    args = parser.parse_args()
    from desktop.core.events.merge import cluster_events, collapse_clusters
    from desktop.core.text.segmenter import tokenizer

    tokenizer()
    report: dict = {"sets": {}}
    golds = [("merge_gold", args.gold)]
    if args.anchor_gold:
        golds.append(("anchored", scoring.ANCHOR_GOLD_PATH))
    for name, path in golds:
        gold = scoring.load_gold(path, args.corpus)
        events, seconds = _timed(_extract, gold.folders(), args.corpus)
        clustered, cluster_seconds = _timed(cluster_events, events)
        result = scoring.score(gold, clustered, args.corpus)
        print(f"{name}: {len(events)} events of {', '.join(gold.folders())} (extracted in {seconds} s, "
              f"clustered in {cluster_seconds} s)")
        print(f"  precision {result['precision']}  recall {result['recall']}  F1 {result['f1']}  "
              f"({result['true_pairs']} of {result['gold_pairs']} gold pairs, {result['false_pairs']} false; "
              f"{result['distinct_pairs_merged']} of {result['distinct_pairs']} hard negatives merged; "
              f"{result['mentions_found']} of {result['mentions']} mentions found)")
        print(f"  recall over the {result['reachable_pairs']} gold pairs whose two mentions both have a dated "
              f"event: {result['recall_reachable']}")
        for kind, counts in result["by_kind"].items():
            print(f"  {kind}: {counts['found']} of {counts['gold']} gold pairs ({counts['reachable']} reachable)")
        for label in ("misses", "false"):
            for pair in result[label][: args.list]:
                print(f"  {label[:-2] if label == 'misses' else 'false'}: {' | '.join(pair)}")
        report["sets"][name] = {k: v for k, v in result.items() if k not in ("misses", "false")}
        report["sets"][name]["events"] = len(events)
    if not args.no_speed:
        events, seconds = _timed(_extract, ["."], args.corpus)
        from desktop.core.events import wording

        wording._tokens.clear()
        clustered, cold = _timed(cluster_events, events)
        _, warm = _timed(cluster_events, events)
        _, collapse = _timed(collapse_clusters, clustered)
        big = _scaled(events, max(1, -(-100_000 // max(len(events), 1))))
        _, big_seconds = _timed(cluster_events, big)
        merged = int((clustered["cluster_size"] > 1).sum())
        print(f"speed: whole corpus {len(events)} events — cold {cold} s (words segmented), warm {warm} s, "
              f"collapse {collapse} s; {merged} events in merged items; {len(big)} events {big_seconds} s (warm)")
        report["speed"] = {"events": len(events), "cold_s": cold, "warm_s": warm, "collapse_s": collapse,
                           "scaled_events": len(big), "scaled_s": big_seconds, "merged_events": merged}
    print(json.dumps(report, ensure_ascii=False))


if __name__ == "__main__":
    main()
