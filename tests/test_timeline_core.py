"""Pure timeline maths: calendar ticks, zoom around a point, visible-event queries, lane layout."""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
import pytest

from desktop.core.events.table import events_frame
from desktop.core.timeline.index import build_index
from desktop.core.timeline.layout import LayoutParams, layout_lane
from desktop.core.timeline.scale import (
    LADDER,
    TimeScale,
    choose_unit,
    day_number,
    enclosing_ticks,
    from_day_number,
    ticks,
)


def measure(text: str) -> float:
    return 12.0 * len(text)


@pytest.mark.parametrize(
    ("span_days", "width", "unit_name"),
    [(50 * 365.25, 400, "decade"), (50 * 365.25, 1920, "year"), (8 * 365, 1920, "quarter"),
     (365, 1920, "month"), (120, 1920, "week"), (30, 1920, "day"), (1, 1920, "hour")],
)
def test_unit_ladder_follows_zoom(span_days, width, unit_name):
    unit = choose_unit(span_days / width, measure)
    assert unit.name == unit_name
    assert unit.min_step_days / (span_days / width) >= measure(unit.sample) + 12


def test_ticks_are_calendar_aligned():
    start, end = day_number(date(2023, 11, 15)), day_number(date(2025, 3, 2))
    months = ticks(next(u for u in LADDER if u.name == "month"), start, end)
    assert all(from_day_number(t.day).day == 1 for t in months)
    assert [t.label for t in months[:3]] == ["11月", "12月", "1月"]
    weeks = ticks(next(u for u in LADDER if u.name == "week"), start, end)
    assert all(from_day_number(t.day).weekday() == 0 for t in weeks)
    years = enclosing_ticks(next(u for u in LADDER if u.name == "month"), start, end)
    assert [t.label for t in years] == ["2023年", "2024年", "2025年"]
    quarters = ticks(next(u for u in LADDER if u.name == "quarter"), start, end)
    assert {from_day_number(t.day).month for t in quarters} <= {1, 4, 7, 10}
    assert "一季度" in [t.label for t in quarters]


def test_zoom_keeps_the_day_under_the_anchor():
    scale = TimeScale(0.0, 3650.0, 1000.0)
    before = scale.day_of(700.0)
    scale.zoom(3.0, 700.0)
    assert scale.day_of(700.0) == pytest.approx(before)
    assert scale.span == pytest.approx(3650.0 / 3)


def test_zoom_limits_two_hours_to_fifty_years():
    scale = TimeScale(0.0, 100.0, 1000.0)
    scale.zoom(1e5, 500.0)
    assert scale.span == pytest.approx(2 / 24)
    scale.zoom(1e-6, 500.0)
    assert scale.span == pytest.approx(50 * 365.25)


def _frame(n: int, seed: int = 3) -> pd.DataFrame:
    from desktop.core.events.pipeline import Event

    rng = np.random.default_rng(seed)
    base = date(2000, 1, 1).toordinal()
    events = []
    for i in range(n):
        start = date.fromordinal(base + int(rng.integers(0, 9000)))
        length = int(rng.choice([0, 0, 0, 30, 364, 2000]))
        end = date.fromordinal(start.toordinal() + length)
        events.append(Event(
            id=f"e{i}", article_id=f"a{i % 7}", file="f.txt", article_title=f"文章{i % 7}", outlet=None,
            published=None, published_edtf=None, published_basis="", published_confidence=0.0,
            start=start, end=end, precision="day" if length == 0 else "range", edtf="", tense="past",
            resolved_against="", date_text="", date_span=(0, 1), sentence="", sentence_span=(0, 1),
            title=f"事件{i}", category="其他",
        ))
    return events_frame(events)


def test_visible_query_equals_brute_force():
    frame = _frame(3000)
    index = build_index(frame, "article")
    for v0, v1 in [(11000.0, 11100.0), (10950.0, 13000.0), (0.0, 100000.0), (15000.0, 15001.0)]:
        for lane in range(len(index.lanes)):
            got = set(index.visible(lane, v0, v1).tolist())
            expected = set(np.flatnonzero((index.lane == lane) & (index.start < v1) & (index.end > v0)).tolist())
            assert got == expected


def test_hidden_events_are_left_out_and_lane_modes():
    frame = _frame(200)
    hidden = np.zeros(len(frame), dtype=bool)
    hidden[:50] = True
    index = build_index(frame, "single", hidden)
    assert len(index.lanes) == 1 and index.lanes[0].count == 150
    assert not set(index.visible(0, -1e9, 1e9).tolist()) & set(range(50))
    assert len(build_index(frame, "article").lanes) == 7


def test_layout_labels_never_overlap_and_year_spans_its_year():
    frame = _frame(400)
    index = build_index(frame, "single")
    scale = TimeScale(float(day_number(date(2005, 1, 1))), float(day_number(date(2007, 1, 1))), 1600.0)
    items = layout_lane(index, 0, scale, lambda row: 60.0, LayoutParams(rows=5))
    by_row: dict[int, list] = {}
    for item in items:
        by_row.setdefault(item.row, []).append(item)
    for row_items in by_row.values():
        labelled = sorted((i for i in row_items if i.kind == "event"), key=lambda i: i.x0)
        for a, b in zip(labelled, labelled[1:], strict=False):
            assert a.right <= max(b.x0, 0) + 1e-6 or b.x0 < 0
    shown = {i.event for i in items if i.kind == "event"}
    clustered = {int(e) for i in items if i.kind == "cluster" for e in i.events}
    visible = set(index.visible(0, scale.start, scale.end).tolist())
    assert shown | clustered == visible and not shown & clustered


def test_dense_lane_is_aggregated_into_badges():
    frame = _frame(1000)
    index = build_index(frame, "single")
    scale = TimeScale(float(day_number(date(2000, 1, 1))), float(day_number(date(2025, 1, 1))), 1000.0)
    items = layout_lane(index, 0, scale, lambda row: 60.0, LayoutParams(rows=4, label_limit=400))
    assert any(i.kind == "cluster" for i in items)
    assert sum(i.count for i in items) == len(index.visible(0, scale.start, scale.end))
    assert len(items) <= 1000 / 44 + 2


def test_a_lane_too_dense_to_tell_apart_is_a_density_strip_that_counts_every_event():
    frame = _frame(3000)
    index = build_index(frame, "single")
    scale = TimeScale(float(day_number(date(2000, 1, 1))), float(day_number(date(2025, 1, 1))), 900.0)
    items = layout_lane(index, 0, scale, lambda row: 60.0, LayoutParams(rows=4))
    assert [i.kind for i in items] == ["density"]
    density = items[0]
    assert len(density.counts) == 300  # one bin per 3 px
    assert density.count == len(index.visible(0, scale.start, scale.end))
    # a bin counts the events that start in it
    edges = scale.start + np.arange(301) * 3 * scale.days_per_px
    starts = index.start[index.visible(0, scale.start, scale.end)]
    inside = starts[starts >= edges[0]]
    assert density.counts[1:].tolist() == np.histogram(inside, bins=edges)[0][1:].tolist()


def test_a_density_strip_counts_the_search_matches_of_each_bin():
    frame = _frame(3000)
    index = build_index(frame, "single")
    scale = TimeScale(float(day_number(date(2005, 1, 1))), float(day_number(date(2020, 1, 1))), 900.0)
    edges = scale.start + np.arange(301) * 3 * scale.days_per_px
    among = np.random.default_rng(3).random(len(frame)) < 0.1
    matched = index.density(0, edges, among)
    # the same as counting every event, with only the matches in the table
    only = frame[among].reset_index(drop=True)
    assert matched.tolist() == build_index(only, "single").density(0, edges).tolist()
    assert 0 < matched.sum() < index.density(0, edges).sum()
    assert not index.density(0, edges, np.zeros(len(frame), dtype=bool)).any()
    assert index.density(0, edges, np.ones(len(frame), dtype=bool)).tolist() == index.density(0, edges).tolist()


def test_fit_all_is_not_widened_by_a_century_long_event():
    frame = _frame(50)
    first, last = build_index(frame, "single").extent()
    century = frame.iloc[[0]].copy()
    century["start"] = pd.Timestamp("2000-01-01")
    century["end"] = pd.Timestamp("2099-12-31")
    century["precision"] = "century"
    wide = pd.concat([frame, century], ignore_index=True)
    index = build_index(wide, "single")
    assert index.extent()[1] > last + 365 * 50
    assert index.fit_extent() == (first, last)


def test_fit_all_shows_where_the_events_are_when_they_span_more_than_the_widest_view():
    frame = _frame(100)
    rng = np.random.default_rng(5)
    days = pd.Timestamp("2019-12-20") + pd.to_timedelta(rng.integers(0, 60, 100), unit="D")
    frame["start"] = frame["end"] = days.astype("datetime64[s]")  # a news-flash archive of two months
    outliers = frame.iloc[:6].copy()
    outliers["id"] = [f"old{i}" for i in range(6)]
    outliers["start"] = outliers["end"] = pd.to_datetime(
        ["1938-06-01", "1952-01-01", "1977-03-01", "1986-01-01", "1990-05-01", "2099-12-31"]).astype("datetime64[s]")
    index = build_index(pd.concat([frame, outliers], ignore_index=True), "single")
    first, last = index.fit_extent()
    assert float(day_number(date(2019, 12, 1))) <= first and last <= float(day_number(date(2020, 3, 1)))
    inside = (index.start >= first) & (index.start <= last)
    assert inside.sum() >= 0.9 * len(index.start)
    spread = build_index(_frame(60), "single")  # within the widest view: every event, as before
    assert spread.fit_extent() == spread.extent()


def test_the_axis_zooms_to_hours_for_events_with_a_time_of_day():
    from desktop.core.timeline.scale import MIN_SPAN_DAYS, choose_unit, enclosing_ticks, ticks

    day = float(day_number(date(2008, 10, 17)))
    scale = TimeScale(day, day + 1, 1200.0)
    scale.zoom(100.0, 600.0)
    assert scale.span == pytest.approx(MIN_SPAN_DAYS) and MIN_SPAN_DAYS < 1 / 6
    unit = choose_unit(1 / 24 / 100, lambda text: 8.0 * len(text))  # 100 px per hour
    assert unit.name == "hour" and unit.hours == 1
    hourly = ticks(unit, day + 14 / 24, day + 17 / 24)
    assert [t.label for t in hourly][:4] == ["14时", "15时", "16时", "17时"]
    assert enclosing_ticks(unit, day + 0.5, day + 0.6)[0].label == "2008年10月17日"


def test_a_precision_of_hour_or_minute_keeps_the_clock_time_in_the_edtf():
    from datetime import time

    from desktop.core.dates import clock_of_edtf
    from desktop.core.dates.intervals import interval_for

    day = date(2008, 10, 17)
    assert interval_for(day, date(2008, 12, 1), "minute", time(15, 30)) == (day, day, "2008-10-17T15:30")
    assert interval_for(day, day, "hour", time(9, 45)) == (day, day, "2008-10-17T09")
    assert clock_of_edtf(interval_for(day, day, "minute", time(7, 5))[2]) == (7, 5)
    assert interval_for(day, day, "day", time(7, 5)) == (day, day, "2008-10-17")
