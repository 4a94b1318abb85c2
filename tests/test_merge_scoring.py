"""The merge scorer (tests/merge_scoring.py) on a gold written here, and — when ../shared/corpus
is beside the checkout — the engine on the real merge gold (tests/data/merge_gold.json)."""

from __future__ import annotations

import json

import merge_scoring as scoring
import pandas as pd
import pytest


def test_pairs_are_counted_through_the_raw_offsets(tmp_path):
    # a BOM and CRLF line ends: the engine's offsets are into the text without them
    (tmp_path / "a").mkdir()
    raw = "\ufeff标题\r\n甲说了一件事。乙做了另一件事。\r\n"
    (tmp_path / "a" / "x.txt").write_bytes(raw.encode("utf-8"))
    (tmp_path / "a" / "y.txt").write_bytes("标题\n甲说了一件事。\n".encode())
    first = raw.index("甲")
    second = raw.index("乙")
    gold = {"happenings": [
        {"id": "h1", "mentions": [{"file": "a/x.txt", "start": first, "end": first + 7},
                                  {"file": "a/y.txt", "start": 3, "end": 10}]},
        {"id": "h2", "mentions": [{"file": "a/x.txt", "start": second, "end": second + 8}]}],
        "distinct_pairs": []}
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    loaded = scoring.load_gold(path, tmp_path)
    text = raw[1:].replace("\r\n", "\n")
    events = pd.DataFrame({
        "id": ["e1", "e2", "e3"], "file": ["a/x.txt", "a/x.txt", "a/y.txt"],
        "sentence_start": [text.index("甲"), text.index("乙"), 3],
        "sentence_end": [text.index("甲") + 7, text.index("乙") + 8, 10],
        "cluster_id": ["c1", "c1", "c1"], "outlet": ["o", "o", "p"]})
    result = scoring.score(loaded, events, tmp_path)
    assert result["true_pairs"] == 1 and result["false_pairs"] == 2
    assert result["recall"] == 1.0 and result["precision"] == round(1 / 3, 3)
    events["cluster_id"] = ["c1", "c2", "c1"]
    result = scoring.score(loaded, events, tmp_path)
    assert (result["precision"], result["recall"]) == (1.0, 1.0)


@pytest.mark.skipif(not (scoring.CORPUS / "dxy_newsflash").is_dir() or not scoring.GOLD_PATH.exists(),
                    reason="needs ../shared/corpus beside the checkout")
def test_the_real_merge_gold_stays_at_its_level():
    """The gold's own files (the benchmark reads whole folders: more distractors, similar figures)."""
    from desktop.core.events.corpus import extract
    from desktop.core.events.merge import cluster_events

    gold = scoring.load_gold(scoring.GOLD_PATH)
    events = cluster_events(extract([scoring.CORPUS / f for f in gold.files]).events)
    result = scoring.score(gold, events)
    assert result["precision"] >= 0.9, result["false"]
    assert result["recall"] >= 0.55, result["misses"]
