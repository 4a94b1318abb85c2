"""The export formats (desktop/core/export/formats.py), each read back by the reader people use:
csv with utf-8-sig, openpyxl, json, TimelineJS's documented required fields, icalendar."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, date, datetime

import pytest

from desktop.core.events.pipeline import Event
from desktop.core.events.table import events_frame
from desktop.core.export import formats as exports
from desktop.core.export.formats import FORMATS, date_parts, is_day_event, write_export
from desktop.core.export.serialize import EVENT_FIELDS

WHEN = datetime(2025, 3, 1, 8, 30, tzinfo=UTC)


def event(n: int, start: date, end: date, precision: str, edtf: str, **changes) -> Event:
    values = dict(
        id=f"ev{n:02d}", article_id=f"a{n % 2}", file=f"a{n % 2}.txt", article_title=f"文章{n % 2}",
        outlet="新华社", published=date(2025, 3, 1), published_edtf="2025-03-01", published_basis="header",
        published_confidence=0.95, start=start, end=end, precision=precision, edtf=edtf, tense="past",
        resolved_against="absolute", date_text="x", date_span=(0, 1), sentence=f"第{n}句，天津市签约。",
        sentence_span=(0, 5), title=f"事件{n}", category="签约", places=["天津市"],
    )
    values.update(changes)
    return Event(**values)


@pytest.fixture
def frame():
    return events_frame([
        event(1, date(2025, 2, 28), date(2025, 2, 28), "day", "2025-02-28",
              title="=HYPERLINK(\"http://x\")", sentence="<b>粗体</b>, 分号; 反斜杠\\ 逗号，" + "长" * 80),
        event(2, date(2024, 1, 1), date(2024, 12, 31), "year", "2024"),
        event(3, date(2024, 6, 1), date(2024, 6, 30), "month", "2024-06", tense="planned"),
        event(4, date(2021, 1, 1), date(2025, 12, 31), "range", "2021/2025"),
        event(5, date(2014, 1, 1), date(2024, 2, 24), "open-range", "2014/2024-02-24"),
        event(6, date(2025, 3, 3), date(2025, 3, 9), "week", "2025-W10", sentence="控制\x0b字符"),
        event(7, date(2025, 2, 24), date(2025, 2, 28), "vague", "2025-02-24/2025-02-28"),
        event(8, date(2025, 1, 1), date(2025, 3, 31), "quarter", "2025-33"),
    ])


# ---------------------------------------------------------------- dates at their precision


@pytest.mark.parametrize(("start", "end", "precision", "edtf", "expected"), [
    (date(2025, 2, 28), date(2025, 2, 28), "day", "2025-02-28", ((2025, 2, 28), (2025, 2, 28))),
    (date(2024, 6, 1), date(2024, 6, 30), "month", "2024-06", ((2024, 6), (2024, 6))),
    (date(2024, 1, 1), date(2024, 12, 31), "year", "2024", ((2024,), (2024,))),
    (date(2022, 1, 1), date(2022, 12, 31), "year", "2022-XX-15", ((2022,), (2022,))),
    (date(2025, 1, 1), date(2025, 3, 31), "quarter", "2025-33", ((2025, 1), (2025, 3))),
    (date(2025, 12, 1), date(2026, 2, 28), "season", "2025-24", ((2025, 12), (2026, 2))),
    (date(2020, 1, 1), date(2029, 12, 31), "decade", "202X", ((2020,), (2029,))),
    (date(2021, 1, 1), date(2025, 12, 31), "range", "2021/2025", ((2021,), (2025,))),
    (date(2014, 1, 1), date(2024, 2, 24), "open-range", "2014/2024-02-24", ((2014,), (2024, 2, 24))),
    (date(2019, 3, 1), date(2019, 5, 31), "range", "2019-03/2019-05", ((2019, 3), (2019, 5))),
    (date(2025, 6, 1), date(2025, 7, 31), "vague", "", ((2025, 6), (2025, 7))),
    (date(2025, 2, 24), date(2025, 2, 28), "vague", "2025-02-24/2025-02-28", ((2025, 2, 24), (2025, 2, 28))),
])
def test_each_end_carries_only_the_parts_its_precision_knows(start, end, precision, edtf, expected):
    assert date_parts(start, end, precision, edtf) == expected


def test_day_events_are_those_known_to_the_day_and_not_vague():
    assert is_day_event(date(2025, 2, 28), date(2025, 2, 28), "day", "2025-02-28")
    assert is_day_event(date(2025, 3, 3), date(2025, 3, 9), "week", "2025-W10")
    assert is_day_event(date(2025, 2, 1), date(2025, 2, 9), "range", "2025-02-01/2025-02-09")
    assert not is_day_event(date(2014, 1, 1), date(2024, 2, 24), "open-range", "2014/2024-02-24")
    assert not is_day_event(date(2024, 6, 1), date(2024, 6, 30), "month", "2024-06")
    assert not is_day_event(date(2025, 2, 24), date(2025, 2, 28), "vague", "2025-02-24/2025-02-28")


# ---------------------------------------------------------------- each format read back


def test_csv_has_a_bom_the_extract_columns_and_keeps_formulas_as_text(frame, tmp_path):
    result = write_export("csv", frame, tmp_path / "e.csv", title="测试")
    data = result.path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert list(rows[0]) == EVENT_FIELDS
    assert [r["id"] for r in rows] == ["ev05", "ev04", "ev02", "ev03", "ev08", "ev07", "ev01", "ev06"]
    first = next(r for r in rows if r["id"] == "ev01")
    assert first["title"] == "'=HYPERLINK(\"http://x\")"  # Excel shows it, never runs it
    assert first["sentence"].startswith("<b>粗体</b>, 分号;")
    assert first["places"] == "天津市" and first["start"] == "2025-02-28"
    assert result.written == 8 and result.left_out == 0


def test_xlsx_has_dated_events_and_their_sources(frame, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    write_export("xlsx", frame, tmp_path / "e.xlsx", title="测试", generated=WHEN)
    book = openpyxl.load_workbook(tmp_path / "e.xlsx")
    assert book.sheetnames == ["events", "sources"]
    sheet = book["events"]
    header = [c.value for c in sheet[1]]
    assert header == EVENT_FIELDS
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == f"A1:AA{len(frame) + 1}"
    assert sheet["A1"].font.b
    rows = [dict(zip(header, (c.value for c in row), strict=True)) for row in sheet.iter_rows(min_row=2)]
    assert len(rows) == 8
    by_id = {r["id"]: r for r in rows}
    assert by_id["ev05"]["start"] == datetime(2014, 1, 1) and by_id["ev05"]["end"] == datetime(2024, 2, 24)
    assert by_id["ev01"]["published"] == datetime(2025, 3, 1)
    start_cell = sheet.cell(row=2, column=EVENT_FIELDS.index("start") + 1)
    assert start_cell.is_date and start_cell.number_format == "yyyy-mm-dd"
    title_column = openpyxl.utils.get_column_letter(EVENT_FIELDS.index("title") + 1)
    title_cell = next(c for c in sheet[title_column] if "HYPERLINK" in str(c.value))
    assert title_cell.data_type == "s" and title_cell.value == "=HYPERLINK(\"http://x\")"
    assert by_id["ev06"]["sentence"] == "控制\ufffd字符"  # XML cannot hold \x0b
    sources = book["sources"]
    source_rows = [[c.value for c in row] for row in sources.iter_rows(min_row=2)]
    assert [c.value for c in sources[1]] == exports.SOURCE_FIELDS
    assert sorted(r[0] for r in source_rows) == ["a0", "a1"]
    assert sum(r[-1] for r in source_rows) == 8
    assert all(r[4] == datetime(2025, 3, 1) for r in source_rows)


def test_json_holds_the_events_as_extract_writes_them_and_their_sources(frame, tmp_path):
    write_export("json", frame, tmp_path / "e.json", title="测试", generated=WHEN)
    document = json.loads((tmp_path / "e.json").read_text("utf-8"))
    assert document["title"] == "测试" and document["generated"] == "2025-03-01T08:30:00+00:00"
    assert [e["id"] for e in document["events"]][0] == "ev05"
    assert set(document["events"][0]) == set(EVENT_FIELDS)
    assert {s["article_id"]: s["events"] for s in document["sources"]} == {"a0": 4, "a1": 4}


def test_json_puts_each_event_and_source_on_a_line_of_its_own(frame, tmp_path):
    """A reader can grep or diff the file: one event per line, and it is still one JSON document."""
    write_export("json", frame, tmp_path / "e.json", title="测试", generated=WHEN)
    text = (tmp_path / "e.json").read_text("utf-8")
    document = json.loads(text)
    lines = text.splitlines()
    event_lines = [line for line in lines if line.startswith('    {"id": ')]
    assert len(event_lines) == len(document["events"]) == 8
    assert [json.loads(line.strip().rstrip(","))["id"] for line in event_lines] == [e["id"] for e in document["events"]]
    assert lines[0] == "{" and lines[-1] == "}" and '  "title": "测试",' in lines


def _valid_tl_date(value) -> bool:
    """A TimelineJS date object: ``year`` a number (required), ``month`` 1-12, ``day`` a number."""
    if not isinstance(value, dict) or not isinstance(value.get("year"), int):
        return False
    if set(value) - {"year", "month", "day", "hour", "minute", "second", "millisecond", "display_date"}:
        return False
    if "day" in value and "month" not in value:
        return False
    return 1 <= value.get("month", 1) <= 12 and (
        "day" not in value or date(value["year"], value["month"], value["day"]) is not None)


def test_timelinejs_has_the_required_fields_and_dates_at_their_precision(frame, tmp_path):
    write_export("timelinejs", frame, tmp_path / "t.json", title="测试<时间线>", lanes="article")
    document = json.loads((tmp_path / "t.json").read_text("utf-8"))
    assert isinstance(document["events"], list) and len(document["events"]) == 8  # required
    assert document["title"]["text"]["headline"] == "测试&lt;时间线&gt;"
    assert "start_date" not in document["title"]
    slides = {s["unique_id"]: s for s in document["events"]}
    for slide in slides.values():
        assert _valid_tl_date(slide["start_date"])  # required for every event slide
        assert "end_date" not in slide or _valid_tl_date(slide["end_date"])
        assert isinstance(slide["text"]["headline"], str) and isinstance(slide["text"]["text"], str)
        assert slide["group"] in {"文章0", "文章1"}
    assert slides["ev02"]["start_date"] == {"year": 2024} and "end_date" not in slides["ev02"]
    assert slides["ev03"]["start_date"] == {"year": 2024, "month": 6}
    assert slides["ev01"]["start_date"] == {"year": 2025, "month": 2, "day": 28}
    assert slides["ev04"]["end_date"] == {"year": 2025}
    assert slides["ev05"]["start_date"] == {"year": 2014}
    assert slides["ev05"]["end_date"] == {"year": 2024, "month": 2, "day": 24}
    assert slides["ev08"]["display_date"] == "2025年一季度"
    text = slides["ev01"]["text"]["text"]
    assert "&lt;b&gt;粗体&lt;/b&gt;" in text and "<b>" not in text  # source markup shown, not run
    assert "新华社" in text and "2025年3月1日" in text


def test_timelinejs_groups_follow_the_lane_mode(frame, tmp_path):
    write_export("timelinejs", frame, tmp_path / "c.json", lanes="category")
    assert {s["group"] for s in json.loads((tmp_path / "c.json").read_text())["events"]} == {"签约"}
    write_export("timelinejs", frame, tmp_path / "s.json", lanes="single")
    assert not any("group" in s for s in json.loads((tmp_path / "s.json").read_text())["events"])


def test_ics_holds_the_day_events_as_all_day_vevents(frame, tmp_path):
    icalendar = pytest.importorskip("icalendar")
    result = write_export("ics", frame, tmp_path / "e.ics", title="测试", generated=WHEN)
    assert (result.written, result.left_out) == (2, 6)  # the day and the week
    data = result.path.read_bytes()
    assert all(len(line) <= 75 for line in data.split(b"\r\n"))  # folded (RFC 5545 §3.1)
    calendar = icalendar.Calendar.from_ical(data)
    events = {str(v["UID"]): v for v in calendar.walk("VEVENT")}
    assert set(events) == {"ev01@desktop-timeline", "ev06@desktop-timeline"}
    day = events["ev01@desktop-timeline"]
    assert day.decoded("DTSTART") == date(2025, 2, 28) and day.decoded("DTEND") == date(2025, 3, 1)
    assert str(day["SUMMARY"]) == "=HYPERLINK(\"http://x\")"
    assert str(day["DESCRIPTION"]).startswith("<b>粗体</b>, 分号; 反斜杠\\ 逗号，" + "长" * 80 + "\n新华社")
    week = events["ev06@desktop-timeline"]
    assert week.decoded("DTEND") == date(2025, 3, 10)
    assert str(week["LOCATION"]) == "天津市"
    again = icalendar.Calendar.from_ical(write_export(
        "ics", frame, tmp_path / "f.ics", generated=WHEN).path.read_bytes())
    assert {str(v["UID"]) for v in again.walk("VEVENT")} == set(events)  # stable UIDs


def test_ics_without_day_events_writes_nothing(frame, tmp_path):
    target = tmp_path / "e.ics"
    target.write_text("earlier")
    with pytest.raises(ValueError, match="精确到日"):
        write_export("ics", frame, target, ids=["ev02", "ev03"])
    assert target.read_text() == "earlier"


def test_ids_choose_the_events_and_hidden_ones_are_left_out(frame, tmp_path):
    frame = frame.copy()
    frame["hidden"] = frame["id"] == "ev03"
    write_export("json", frame, tmp_path / "e.json", ids=["ev03", "ev02", "ev01"])
    assert [e["id"] for e in json.loads((tmp_path / "e.json").read_text())["events"]] == ["ev02", "ev01"]


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_every_format_is_written_atomically(frame, tmp_path, monkeypatch, fmt):
    target = tmp_path / f"e{FORMATS[fmt].suffix}"
    target.write_bytes(b"earlier")

    def fail(*_a, **_k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("desktop.core.atomic.os.replace", fail)
    with pytest.raises(OSError):
        write_export(fmt, frame, target)
    assert target.read_bytes() == b"earlier"
    assert [p.name for p in tmp_path.iterdir()] == [target.name]  # no temp file left


def test_every_format_of_the_seeds_reads_back(seeds_corpus, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    icalendar = pytest.importorskip("icalendar")
    events = seeds_corpus.events
    paths = {fmt: write_export(fmt, events, tmp_path / f"s-{fmt}{spec.suffix}", title="seeds").path
             for fmt, spec in FORMATS.items()}
    assert len(list(csv.DictReader(io.StringIO(paths["csv"].read_text("utf-8-sig"))))) == len(events)
    assert openpyxl.load_workbook(paths["xlsx"])["events"].max_row == len(events) + 1
    assert len(json.loads(paths["json"].read_text())["events"]) == len(events)
    slides = json.loads(paths["timelinejs"].read_text())["events"]
    assert len(slides) == len(events) and all(_valid_tl_date(s["start_date"]) for s in slides)
    vevents = icalendar.Calendar.from_ical(paths["ics"].read_bytes()).walk("VEVENT")
    assert 0 < len(vevents) == len(exports.day_events(events)) < len(events)


def test_dates_before_excels_calendar_stay_readable(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    early = events_frame([event(1, date(100, 1, 1), date(199, 12, 31), "century", "01XX")])
    write_export("csv", early, tmp_path / "e.csv")
    row = next(csv.DictReader(io.StringIO((tmp_path / "e.csv").read_text("utf-8-sig"))))
    assert (row["start"], row["end"]) == ("0100-01-01", "0199-12-31")  # YYYY-MM-DD, as documented
    write_export("xlsx", early, tmp_path / "e.xlsx")
    cells = {c.value: c for c in openpyxl.load_workbook(tmp_path / "e.xlsx")["events"][2]}
    assert "0100-01-01" in cells and cells["0100-01-01"].data_type == "s"  # text, not a wrong serial
    write_export("timelinejs", early, tmp_path / "t.json")
    slide = json.loads((tmp_path / "t.json").read_text())["events"][0]
    assert (slide["start_date"], slide["end_date"]) == ({"year": 100}, {"year": 199})


def test_event_counts_are_written_with_their_thousands_grouped():
    from desktop.core.export.formatting import events_count

    assert events_count(15286, "zh") == "15,286 个事件"
    assert events_count(15286, "en") == "15,286 events"
    assert events_count(1, "en") == "1 event"


def test_a_vague_date_of_a_year_or_more_is_written_in_years():
    # 600多年前 from 2024-04-15 is an envelope of a year: its ends' days are no part of the text
    from desktop.core.export.formatting import readable_date

    wide = (date(1424, 4, 15), date(1425, 4, 15), "vague")
    assert readable_date(*wide, lang="en") == "about 1424–1425"
    assert readable_date(*wide, lang="zh") == "约1424年—1425年"
    few_days = (date(2024, 4, 10), date(2024, 4, 13), "vague")
    assert readable_date(*few_days, lang="en") == "about 10–13 Apr 2024"


def test_a_selection_s_span_runs_from_its_first_beginning_to_its_last_end_as_finely_as_each_is_known():
    from desktop.core.export.formatting import outer_span

    forty_years_ago = (date(1970, 10, 15), date(1980, 10, 15), "vague")  # 40多年前, told in 2020
    plan = (date(2021, 1, 1), date(2025, 12, 31), "range")
    assert outer_span(forty_years_ago, plan, "en") == "1970–2025"
    assert outer_span(forty_years_ago, plan, "zh") == "1970年—2025年"
    days = (date(2020, 2, 2), date(2020, 2, 2), "day"), (date(2020, 10, 15), date(2020, 10, 15), "day")
    assert outer_span(*days, "en") == "2 Feb–15 Oct 2020"
    born = (date(1887, 1, 1), date(1887, 12, 31), "year")
    assert outer_span(born, days[1], "en") == "1887–15 Oct 2020"  # not 1 Jan 1887
    assert outer_span(born, days[1], "zh") == "1887年—2020年10月15日"
    since_the_1980s = (date(1980, 1, 1), date(2022, 2, 6), "open-range")  # 1980年代以来, told in 2022
    century = (date(2000, 1, 1), date(2099, 12, 31), "century")
    assert outer_span(since_the_1980s, century, "en") == "1980–2099"  # not 1 Jan 1980
    since_a_day = (date(2020, 3, 5), date(2022, 2, 6), "open-range")  # 3月5日以来
    assert outer_span(since_a_day, century, "en") == "5 Mar 2020–2099"


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv"])
def test_an_output_streamed_a_few_events_at_a_time_is_the_whole_output(seeds_corpus, monkeypatch, fmt):
    """``extract`` writes its output a piece at a time; how many events make a piece changes
    nothing in the file, however the pieces fall (an empty corpus too)."""
    from desktop.core.export import serialize

    whole = {"json": serialize.to_json, "jsonl": serialize.to_jsonl, "csv": serialize.to_csv}[fmt]
    pieces = {"json": serialize.json_pieces, "jsonl": serialize.jsonl_pieces,
              "csv": lambda corpus: serialize.csv_pieces(corpus.events)}[fmt]
    expected = whole(seeds_corpus)
    assert len(seeds_corpus.events) > 7
    for rows in (1, 3, 7):
        monkeypatch.setattr(serialize, "ROWS_PER_PIECE", rows)
        streamed = list(pieces(seeds_corpus))
        assert len(streamed) > 3
        assert "".join(streamed) == expected
    if fmt == "json":
        assert json.loads(expected)["events"][0]["id"] == seeds_corpus.events["id"].iloc[0]
    empty = type(seeds_corpus)(seeds_corpus.documents, seeds_corpus.articles, seeds_corpus.events.iloc[0:0],
                               seeds_corpus.problems, seeds_corpus.warnings)
    assert "".join(pieces(empty)) == whole(empty)
    if fmt == "json":
        assert json.loads(whole(empty))["events"] == []
    if fmt == "csv":
        assert whole(empty).splitlines() == [",".join(serialize.fields_of(seeds_corpus.events))]
