"""The scorer itself: anchors placed by text, strict / span / lenient matching, real-text gold
whose files are paths under a corpus folder (a temporary one here, with our own sentences)."""

from __future__ import annotations

import json

import gold_scoring
from gold_scoring import GoldEvent, lenient_ok, place_anchor, real_score, score, summary, totals


def _event(start, end, date_text="x", published=None):
    return {"file": "a.txt", "date_span": [0, 2], "start": start, "end": end, "date_text": date_text,
            "title": "t", "published": published}  # fmt: skip


def test_anchor_is_found_with_white_space_relaxed():
    assert place_anchor("甲乙丙丁", "乙丙") == 1
    assert place_anchor("开头\n2月7日，苏州\n召开", "2月7日，苏州召开") == 3
    assert place_anchor("开头", "不在") == -1


def test_lenient_accepts_a_narrower_part_only_for_a_modifier():
    year_end = GoldEvent("a.txt", "到2018年底，里程", "到2018年底", "2018-01-01", "2018-12-31", (0, 2))
    assert lenient_ok(year_end, _event("2018-11-01", "2018-12-31"))
    assert not lenient_ok(year_end, _event("2017-11-01", "2018-12-31"))
    plain = GoldEvent("a.txt", "2018年，里程", "2018年", "2018-01-01", "2018-12-31", (0, 2))
    assert not lenient_ok(plain, _event("2018-11-01", "2018-12-31"))


def test_lenient_accepts_a_recent_interval_ending_at_publication():
    recent = GoldEvent("a.txt", "近日，两地签约", "近日", "2020-05-02", "2020-06-01", (0, 2), "vague",
                       "2020-06-01")
    assert lenient_ok(recent, _event("2020-05-18", "2020-06-01"))
    assert lenient_ok(recent, _event("2020-05-18", "2020-05-31"))  # inside the envelope
    assert not lenient_ok(recent, _event("2020-04-01", "2020-05-31"))


def test_scores_count_strict_lenient_and_span_separately():
    texts = {"a.txt": "年底，会议召开。"}
    original = gold_scoring.load_gold
    gold_scoring.load_gold = lambda _texts: [
        GoldEvent("a.txt", "年底，会议召开", "年底", "2025-01-01", "2025-12-31", (0, 2))
    ]
    try:
        s = score([_event("2025-11-01", "2025-12-31")], texts)["a.txt"]
        assert (s.strict_matched, s.lenient_matched, s.span_matched) == (0, 1, 1)
        s = score([_event("2024-11-01", "2024-12-31")], texts)["a.txt"]
        assert (s.strict_matched, s.lenient_matched, s.span_matched) == (0, 0, 1)
        assert summary({"a.txt": s})["lenient"]["f1"] == 0.0
    finally:
        gold_scoring.load_gold = original


def test_real_gold_files_are_paths_under_the_corpus(tmp_path):
    corpus = tmp_path / "corpus"
    (corpus / "folder").mkdir(parents=True)
    (corpus / "folder" / "one.txt").write_text(
        "示例标题\n2025-03-02 19:00:00\n\n3月1日，甲市与乙市签署合作协议。2024年，两市贸易额增长。\n", encoding="utf-8"
    )
    gold = tmp_path / "gold" / "gold.json"
    gold.parent.mkdir()
    gold.write_text(json.dumps({"articles": [{"file": "folder/one.txt", "published": "2025-03-02", "events": [
        {"anchor": "3月1日，甲市与乙市", "timex": "3月1日", "start": "2025-03-01", "end": "2025-03-01",
         "precision": "day", "summary": "签约"},
        {"anchor": "2024年，两市贸易额", "timex": "2024年", "start": "2024-01-01", "end": "2024-12-31",
         "precision": "year", "summary": "贸易额增长"},
    ]}]}, ensure_ascii=False), encoding="utf-8")  # fmt: skip
    scores = real_score(gold)
    assert list(scores) == ["folder/one.txt"]
    total = totals(scores)
    assert (total.gold, total.strict_matched) == (2, 2)
