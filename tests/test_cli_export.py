"""``python -m desktop export``: each format chosen by ``--format`` or the output's suffix,
the same selection options as ``export-pdf``, the files read back; exit codes for nothing
matched, an unknown format and an unwritable file. Run as a user would (a subprocess) for
CSV, PNG and the usage errors; the others call the same ``main`` in this process, where
jieba is already loaded (a subprocess costs seconds each)."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest
from conftest import ROOT

from desktop.core.events.filters import EventFilter
from desktop.core.export.formats import day_events


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "desktop", "export", *args], capture_output=True,
                          text=True, cwd=ROOT, timeout=300)


@pytest.fixture
def cli(capsys):
    """``main(["export", ...])`` in this process: (exit code, stderr)."""
    from desktop.cli import main

    def call(*args: str) -> tuple[int, str]:
        code = main(["export", *args])
        return code, capsys.readouterr().err

    return call


def test_csv_by_suffix_with_the_query_filter(seeds_corpus, tmp_path):
    events = seeds_corpus.events
    expected = set(events["id"][EventFilter(query="天津").mask(events)])
    result = run("--query", "天津", "-o", str(tmp_path / "天津.csv"))
    assert result.returncode == 0, result.stderr
    assert f"{len(expected)} events" in result.stderr
    data = (tmp_path / "天津.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert {r["id"] for r in csv.DictReader(io.StringIO(data.decode("utf-8-sig")))} == expected


def test_xlsx_json_and_timelinejs_of_chosen_ids(seeds_corpus, tmp_path, cli):
    openpyxl = pytest.importorskip("openpyxl")
    ids = seeds_corpus.events["id"].tolist()[:5]
    for name, fmt in (("e.xlsx", None), ("e.json", None), ("web.json", "timelinejs")):
        extra = ["--format", fmt, "--lanes", "category"] if fmt else []
        code, err = cli("--ids", ",".join(ids), *extra, "-o", str(tmp_path / name))
        assert code == 0, err
    book = openpyxl.load_workbook(tmp_path / "e.xlsx")
    assert {row[0].value for row in book["events"].iter_rows(min_row=2)} == set(ids)
    assert {e["id"] for e in json.loads((tmp_path / "e.json").read_text())["events"]} == set(ids)
    slides = json.loads((tmp_path / "web.json").read_text())["events"]
    categories = dict(zip(seeds_corpus.events["id"], seeds_corpus.events["category"], strict=True))
    assert {s["unique_id"]: s["group"] for s in slides} == {i: categories[i] for i in ids}


def test_ics_writes_the_day_events_and_refuses_when_there_are_none(seeds_corpus, tmp_path, cli):
    icalendar = pytest.importorskip("icalendar")
    events = seeds_corpus.events
    days = set(day_events(events)["id"])
    code, err = cli("-o", str(tmp_path / "cal.ics"))
    assert code == 0, err
    assert f"{len(events) - len(days)} not known to the day left out" in err
    calendar = icalendar.Calendar.from_ical((tmp_path / "cal.ics").read_bytes())
    assert {str(v["UID"]).split("@")[0] for v in calendar.walk("VEVENT")} == days
    years = [i for i, p in zip(events["id"], events["precision"], strict=True) if p == "year"][:2]
    code, err = cli("--ids", ",".join(years), "-o", str(tmp_path / "none.ics"))
    assert code == 2 and "known to the day" in err
    assert not (tmp_path / "none.ics").exists()


def test_png_of_the_timeline(tmp_path):
    from PySide6.QtGui import QImage

    result = run("--size", "1200x700", "-o", str(tmp_path / "t.png"))
    assert result.returncode == 0, result.stderr
    image = QImage(str(tmp_path / "t.png"))
    assert (image.width(), image.height()) == (1200, 700)
    colours = {image.pixel(x, y) for x in range(0, 1200, 7) for y in range(0, 700, 7)}
    assert len(colours) > 20  # lanes, bars, text: not a blank picture


def test_svg_of_the_chosen_events(seeds_corpus, tmp_path, cli, qapp):
    code, err = cli("--category", "签约", "-o", str(tmp_path / "t.svg"))
    assert code == 0, err
    root = ET.parse(tmp_path / "t.svg").getroot()
    assert root.get("viewBox") == "0 0 1600 900"
    events = seeds_corpus.events
    titles = events["title"][events["category"] == "签约"].tolist()
    assert len(titles) == 1 and titles[0][:8] in "".join(root.itertext())  # the only event, labelled


def test_usage_errors_and_failures_have_their_exit_codes(tmp_path, cli):
    unknown = run("-o", str(tmp_path / "out.txt"))
    assert unknown.returncode == 2 and "give --format" in unknown.stderr
    both = run("--ids", "x", "--query", "天津", "-o", str(tmp_path / "e.csv"))
    assert both.returncode == 2 and "cannot be combined" in both.stderr
    bad_size = run("--size", "big", "-o", str(tmp_path / "t.png"))
    assert bad_size.returncode == 2 and "WIDTHxHEIGHT" in bad_size.stderr
    code, err = cli("--query", "不会出现的词语组合", "-o", str(tmp_path / "e.csv"))
    assert code == 2 and "no event matched" in err
    code, err = cli("-o", str(tmp_path / "no" / "such" / "folder" / "e.csv"))
    assert code == 1 and "cannot write" in err


def test_a_malformed_query_says_what_is_wrong_and_writes_nothing(tmp_path):
    target = tmp_path / "e.csv"
    result = run("--query", '天津 "未闭合', "-o", str(target))
    assert result.returncode == 2
    assert "--query" in result.stderr and "quotation mark" in result.stderr
    assert not target.exists()
