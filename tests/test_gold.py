"""The engine against the hand-made gold events of the five seed articles."""

from __future__ import annotations

import json

from gold_scoring import GOLD_PATH, report, score, totals


def _scores(seeds_corpus, seeds_records):
    texts = {doc.name: doc.text for doc in seeds_corpus.documents}
    return score(seeds_records, texts)


def test_report_lists_scores_and_misses(seeds_corpus, seeds_records, capsys):
    scores = _scores(seeds_corpus, seeds_records)
    text = report(scores)
    print(text)
    assert "overall" in text
    assert all(name in text for name in scores)


def test_overall_strict_f1_at_least_095(seeds_corpus, seeds_records):
    overall = totals(_scores(seeds_corpus, seeds_records))
    precision, recall, f1 = overall.strict
    assert overall.gold == sum(len(a["events"]) for a in json.loads(GOLD_PATH.read_text(encoding="utf-8"))["articles"])
    assert f1 >= 0.95, report(_scores(seeds_corpus, seeds_records))


def test_every_gold_event_of_000_and_001_found_with_right_dates(seeds_corpus, seeds_records):
    scores = _scores(seeds_corpus, seeds_records)
    for name, s in scores.items():
        if name.startswith(("000_", "001_")):
            assert s.strict_matched == s.gold, "\n".join(s.misses)


def test_scorer_counts_wrong_dates_as_span_only():
    texts = {"a.txt": "2月28日,会议召开。"}
    import gold_scoring

    original = gold_scoring.load_gold
    gold_scoring.load_gold = lambda _texts: [
        gold_scoring.GoldEvent("a.txt", "2月28日,会议", "2月28日", "2025-02-28", "2025-02-28", (0, 5))
    ]
    try:
        wrong = [{"file": "a.txt", "date_span": [0, 5], "start": "2024-02-28", "end": "2024-02-28",
                  "date_text": "2月28日", "title": "会议召开"}]
        s = score(wrong, texts)["a.txt"]
        assert (s.span_matched, s.strict_matched) == (1, 0)
        right = [dict(wrong[0], start="2025-02-28", end="2025-02-28")]
        s = score(right, texts)["a.txt"]
        assert (s.span_matched, s.strict_matched) == (1, 1)
        assert score([], texts)["a.txt"].misses
    finally:
        gold_scoring.load_gold = original
