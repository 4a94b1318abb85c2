"""The one rule for what passes the search and the filters (GUI, CLI and export share it)."""

from __future__ import annotations

import pandas as pd

from desktop.core.events.filters import EventFilter, place_counts, places_mask


def test_search_finds_an_edited_title_in_a_derived_frame(seeds_corpus):
    frame = seeds_corpus.events
    assert EventFilter("签约").query_mask(frame).any()  # searched once: the text is kept for this frame
    edited = frame.copy()
    edited.loc[edited.index[0], "title"] = "全新的标题词语"
    assert EventFilter("全新的标题词语").query_mask(edited).sum() == 1
    assert not EventFilter("全新的标题词语").query_mask(frame).any()
    assert "_searchable" not in edited.attrs and "_searchable" not in frame.attrs


def test_a_place_filter_keeps_the_places_inside_it():
    places = pd.Series([["宝坻区"], ["武清区", "北京市"], ["石家庄市"], [], ["天津市"]])
    assert places_mask(places, frozenset({"天津市"})).tolist() == [True, True, False, False, True]
    assert places_mask(places, frozenset({"宝坻区"})).tolist() == [True, False, False, False, False]
    counts = place_counts(places)
    assert counts["天津市"] == 3 and counts["宝坻区"] == 1 and counts["河北省"] == 1
