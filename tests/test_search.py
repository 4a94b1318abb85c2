"""Search that understands Chinese: folding, the query language, its errors, matching."""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
import pytest

from desktop.core.search import fold, match_spans, parse_query, query_mask


def test_folding_keeps_lengths_and_finds_traditional_full_width_and_case():
    for text in ("臺灣發展", "ＡＩ产业园２０２４", "Beijing"):
        assert len(fold(text)) == len(text)
    assert fold("臺灣發展") == fold("台湾发展")
    assert fold("ＡＩ") == "ai" and fold("Beijing") == "beijing"


@pytest.mark.parametrize(("query", "error"), [
    ('"产业园', "引号"), ("foo:bar", "foo"), ("OR 天津", "OR"), ("天津 OR", "OR"), ("-招商", "排除"),
    ("2024年13月", "2024年13月"), ("地点:", "地点"),
])
def test_a_malformed_query_says_what_is_wrong_and_matches_nothing(query, error):
    parsed = parse_query(query)
    assert error in parsed.error("zh") and parsed.error("en")
    frame = _frame()
    assert not query_mask(frame, parsed).any()


def test_times_and_numbers_are_words_not_fields():
    assert not parse_query("10:30 签约").error_code


def _frame() -> pd.DataFrame:
    rows = [
        ("臺灣科技园签约", "某市与臺灣企业签约。", ["台湾省"], "签约", "人民日报", "2023-03-01"),
        ("北京产业园揭牌", "北京某产业园今日揭牌，项目签约落户。", ["北京市"], "成立/揭牌", "北京日报", "2024-05-06"),
        ("宝坻区招商推介会", "宝坻区举办招商推介会。", ["宝坻区"], "会议/推介会", "天津日报", "2021-07-01"),
        ("ＡＩ大会开幕", "人工智能大会开幕。", [], "会议/推介会", None, "2022-09-01"),
    ]
    frame = pd.DataFrame({
        "title": [r[0] for r in rows], "sentence": [r[1] for r in rows], "places": [r[2] for r in rows],
        "category": pd.Categorical([r[3] for r in rows]), "outlet": [r[4] for r in rows],
        "keyterms": [[] for _ in rows], "orgs": [[] for _ in rows], "article_title": [r[0] for r in rows],
        "file": [f"f{i}.txt" for i in range(len(rows))],
        "start": pd.to_datetime([r[5] for r in rows]), "end": pd.to_datetime([r[5] for r in rows]),
    })
    return frame


def matching(query: str) -> list[int]:
    return np.flatnonzero(query_mask(_frame(), parse_query(query))).tolist()


def test_words_or_negation_phrases_fields_and_dates():
    assert matching("台湾") == [0]  # simplified finds traditional
    assert matching("签约 北京") == [1]
    assert matching("台湾 OR 北京") == [0, 1]
    assert matching("签约 -北京") == [0]
    assert matching('"产业园今日揭牌"') == [1]
    assert matching("北京签约") == [1]  # a Chinese run is also found by its words
    assert matching("地点:天津") == [2]  # 宝坻区 is inside 天津市
    assert matching("类别:会议") == [2, 3]
    assert matching("来源:人民日报") == [0]
    assert matching("2023年") == [0]
    assert matching("2021-2022") == [2, 3]
    assert matching("2024年5月 揭牌") == [1]
    assert matching("ai") == [3]  # full-width Latin, any case


def test_typing_a_word_letter_by_letter_gives_the_same_as_typing_it_at_once():
    frame = _frame()
    for end in range(1, 4):
        query_mask(frame, parse_query("产业园"[:end]))
    assert np.flatnonzero(query_mask(frame, parse_query("产业园"))).tolist() == [1]


def test_match_spans_are_offsets_of_the_original_text():
    text = "某市与臺灣企业签约，台湾方面表示"
    spans = match_spans(text, parse_query("台湾 签约"))
    assert [text[a:b] for a, b in spans] == ["臺灣", "签约", "台湾"]
    assert parse_query("2023年").date_from == date(2023, 1, 1)
