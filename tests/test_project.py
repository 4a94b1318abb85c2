"""User corrections: the project file, re-applying corrections, and the CLI's --project."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from desktop.core import atomic
from desktop.core.corpus import SEEDS_DIR, extract
from desktop.core.project import (
    RESOLVED_BY_USER,
    SCHEMA,
    SCHEMA_VERSION,
    Anchor,
    Correction,
    Project,
    ProjectDamaged,
    ProjectError,
    anchor_for,
    apply_corrections,
    default_project_path,
    locate,
    make_edit,
    make_hide,
    make_manual,
)
from desktop.core.serialize import event_records
from desktop.core.table import events_frame

ROOT = Path(__file__).resolve().parents[1]
SEED = "000_60126b80996df276.txt"  # 2月28日 signing ceremony, 2 events


@pytest.fixture(scope="module")
def corpus():
    return extract()


@pytest.fixture(scope="module")
def texts(corpus):
    return {d.name: d.text for d in corpus.documents}


def _row(frame: pd.DataFrame, file: str, date_text: str) -> pd.Series:
    rows = frame[(frame["file"] == file) & (frame["date_text"] == date_text)]
    assert len(rows) == 1, (file, date_text, len(rows))
    return rows.iloc[0]


def _three(corpus, texts) -> tuple[Correction, Correction, Correction]:
    events = corpus.events
    signing = _row(events, SEED, "2月28日")
    edit = make_edit(signing, texts[SEED], {"title": "推介会在京举行（已核对）", "category": "会议/推介会",
                                            "places": ["北京市", "海淀区"]})
    other = events[events["file"] != SEED].iloc[0]
    hide = make_hide(other, texts[other["file"]])
    text = texts[SEED]
    start = text.index("300多名")
    add = make_manual(text, SEED, (start, start + 5), {"start": "2025-02-28", "title": "三百余人出席"})
    return edit, hide, add


# --- the project file -------------------------------------------------------------


def test_round_trip_save_load(corpus, texts, tmp_path):
    edit, hide, add = _three(corpus, texts)
    project = Project(corrections=[edit, hide, add], corpus=["seeds"])
    path = project.save(tmp_path / "sub" / "p.timeline.json")
    assert path == tmp_path / "sub" / "p.timeline.json" and project.path == path
    raw = path.read_text(encoding="utf-8")
    data = json.loads(raw)
    assert data["schema"] == SCHEMA and data["version"] == SCHEMA_VERSION
    assert list(data) == sorted(data) and "推介会" in raw  # keys sorted, UTF-8 unescaped
    assert data["corrections"][0]["anchor"]["span"] == list(edit.anchor.span)
    loaded = Project.load(path)
    assert loaded.corrections == [edit, hide, add]
    assert loaded.corpus == ["seeds"] and loaded.path == path
    loaded.save()
    assert Project.load(path).corrections == [edit, hide, add]


def test_add_and_remove(corpus, texts):
    edit, hide, _ = _three(corpus, texts)
    project = Project([], [])
    project.add(edit)
    project.add(hide)
    with pytest.raises(ValueError):
        project.add(edit)
    assert project.remove(edit.id) == edit
    assert project.remove(edit.id) is None
    assert project.corrections == [hide]


def test_anchor_holds_span_and_context():
    text = "甲" * 50 + "2月28日" + "乙" * 50
    anchor = anchor_for(text, "a.txt", (50, 55))
    assert anchor.text == "2月28日"
    assert anchor.context == "甲" * 40 + "2月28日" + "乙" * 40
    assert anchor_for("2月28日，开会", "a.txt", (0, 5)).context == "2月28日，开会"
    with pytest.raises(ValueError):
        anchor_for(text, "a.txt", (5, 500))


def test_make_edit_refuses_bad_changes(corpus, texts):
    signing = _row(corpus.events, SEED, "2月28日")
    with pytest.raises(ValueError, match="after"):
        make_edit(signing, texts[SEED], {"start": "2025-03-02"})  # end stays 2025-02-28
    with pytest.raises(ValueError, match="after"):
        make_edit(signing, texts[SEED], {"start": "2025-03-02", "end": "2025-03-01"})
    for changes in ({}, {"category": "不存在"}, {"precision": "fortnight"}, {"start": "2025-02-30"},
                    {"colour": "red"}, {"places": "北京"}, {"tense": "future"}):
        with pytest.raises(ValueError):
            make_edit(signing, texts[SEED], changes)
    other_text = texts[next(n for n in texts if n != SEED)]
    with pytest.raises(ValueError):
        make_edit(signing, other_text, {"title": "x"})  # the event is not in that text
    # dates given as date objects are stored as YYYY-MM-DD
    edit = make_edit(signing, texts[SEED], {"start": date(2025, 2, 27)})
    assert edit.changes == {"start": "2025-02-27"} and edit.kind == "edit" and edit.event_id == signing["id"]
    with pytest.raises(ValueError):
        make_manual(texts[SEED], SEED, (10, 20), {"title": "no date"})
    with pytest.raises(ValueError):
        make_manual(texts[SEED], SEED, (10, 10), {"start": "2025-01-01"})


# --- applying ---------------------------------------------------------------------


def test_edit_hide_add_applied_on_seeds(corpus, texts):
    events = corpus.events
    assert len(events) == 40
    before = events.copy(deep=True)
    edit, hide, add = _three(corpus, texts)
    applied = apply_corrections(events, [edit, hide, add], texts)
    pd.testing.assert_frame_equal(events, before)  # input untouched
    frame = applied.frame
    assert applied.unplaced == []
    assert set(applied.placed) == {edit.id, hide.id, add.id}
    assert len(frame) == 41
    assert frame.dtypes.equals(events.dtypes)
    assert list(frame.columns) == list(events.columns)
    assert frame["start"].is_monotonic_increasing
    assert frame.index.name == "event" and list(frame.index) == list(frame["id"])

    edited = frame.loc[edit.event_id]
    assert applied.placed[edit.id] == edit.event_id
    assert edited["title"] == "推介会在京举行（已核对）" and edited["category"] == "会议/推介会"
    assert edited["places"] == ["北京市", "海淀区"] and edited["origin"] == "edited"
    assert not edited["hidden"]

    hidden = frame.loc[hide.event_id]
    assert hidden["hidden"] and hidden["origin"] == "extracted"
    assert frame["hidden"].sum() == 1

    manual = frame.loc[applied.placed[add.id]]
    assert manual["id"].startswith("m-") and len(manual["id"]) == 12
    assert manual["origin"] == "manual" and manual["resolved_against"] == RESOLVED_BY_USER
    assert manual["date_text"] == "300多名"
    text = texts[SEED]
    assert text[manual["date_start"]:manual["date_end"]] == "300多名"
    assert text[manual["sentence_start"]:manual["sentence_end"]] == manual["sentence"]
    assert manual["sentence_start"] <= manual["date_start"] < manual["date_end"] <= manual["sentence_end"]
    assert manual["start"] == pd.Timestamp("2025-02-28") == manual["end"]
    assert (manual["precision"], manual["edtf"], manual["category"], manual["tense"]) == (
        "day", "2025-02-28", "其他", "past")
    assert manual["title"] == "三百余人出席"
    signing = events.loc[edit.event_id]
    for key in ("article_id", "article_title", "outlet", "published", "published_edtf"):
        assert manual[key] == signing[key]
    assert manual["places"] == [] and manual["keyterms"] == [] and manual["amounts"] == []

    records = {r["id"]: r for r in event_records(frame)}
    assert records[manual["id"]]["origin"] == "manual" and records[hide.event_id]["hidden"] is True
    json.dumps(list(records.values()), allow_nan=False)


def test_new_frame_columns_default():
    frame = events_frame([])
    assert str(frame["origin"].dtype) == "category" and frame["hidden"].dtype == bool
    assert list(frame["origin"].cat.categories) == ["extracted", "edited", "manual"]


def test_manual_defaults_and_file_without_events(texts):
    text = texts[SEED]
    start = text.index("京津中关村科技城推介会")
    add = make_manual(text, SEED, (start, start + 40), {"start": "2030-01-01", "end": "2030-12-31",
                                                        "precision": "year"})
    applied = apply_corrections(events_frame([]), [add], {SEED: text})
    row = applied.frame.iloc[0]
    # the first 30 characters of the span, runs of whitespace (line breaks) read as one space
    assert row["title"] == " ".join(text[start:start + 40].split())[:30] and len(row["title"]) == 30
    assert (row["edtf"], row["tense"]) == ("2030", "planned")
    assert row["article_id"] == Path(SEED).stem and row["article_title"] == SEED
    assert pd.isna(row["published"]) and pd.isna(row["outlet"])


def test_corrections_apply_in_created_order(corpus, texts):
    signing = _row(corpus.events, SEED, "2月28日")
    first = make_edit(signing, texts[SEED], {"title": "第一次"})
    second = make_edit(signing, texts[SEED], {"title": "第二次", "start": "2025-02-27"})
    hide = make_hide(signing, texts[SEED])
    first = replace(first, created="2025-01-01T00:00:00+00:00")
    second = replace(second, created="2025-01-02T00:00:00+00:00")
    hide = replace(hide, created="2025-01-03T00:00:00+00:00")
    applied = apply_corrections(corpus.events, [hide, second, first], texts)
    row = applied.frame.loc[signing["id"]]
    assert row["title"] == "第二次" and row["hidden"] and row["origin"] == "edited"
    assert row["start"] == pd.Timestamp("2025-02-27") and row["end"] == pd.Timestamp("2025-02-28")
    assert row["edtf"] == "2025-02-27/2025-02-28"
    assert list(applied.placed) == [first.id, second.id, hide.id]


def test_edit_of_a_manual_event(texts):
    text = texts[SEED]
    start = text.index("300多名")
    add = replace(make_manual(text, SEED, (start, start + 5), {"start": "2025-02-28"}),
                  created="2025-01-01T00:00:00+00:00")
    manual_id = apply_corrections(events_frame([]), [add], texts).placed[add.id]
    row = {"id": manual_id, "file": SEED, "date_start": start, "date_end": start + 5, "date_text": "300多名",
           "start": pd.Timestamp("2025-02-28"), "end": pd.Timestamp("2025-02-28")}
    edit = make_edit(row, text, {"title": "改过"})
    applied = apply_corrections(events_frame([]), [add, edit], texts)
    assert applied.placed[edit.id] == manual_id
    assert applied.frame.loc[manual_id, "title"] == "改过"
    assert applied.frame.loc[manual_id, "origin"] == "manual"


def test_reapplied_after_the_engine_changes(corpus, texts):
    """A newer engine: other ids, spans shifted by two characters — placed by overlap."""
    edit, hide, _ = _three(corpus, texts)
    events = corpus.events
    shifted = events.copy(deep=True)
    shifted["date_start"] = shifted["date_start"] + 2
    shifted["date_end"] = shifted["date_end"] + 2
    shifted["id"] = ("n" + shifted["id"].str.slice(1)).astype("string")
    shifted.index = pd.Index(shifted["id"], name="event")
    applied = apply_corrections(shifted, [edit, hide], texts)
    assert applied.unplaced == []
    new_edit_id = "n" + edit.event_id[1:]
    assert applied.placed == {edit.id: new_edit_id, hide.id: "n" + hide.event_id[1:]}
    assert applied.frame.loc[new_edit_id, "title"] == "推介会在京举行（已核对）"
    assert applied.frame.loc["n" + hide.event_id[1:], "hidden"]


def test_reapplied_after_the_file_changes(corpus, texts, tmp_path):
    """Text inserted at the start: ids and offsets change; the anchor is found by context."""
    signing = _row(corpus.events, SEED, "2月28日")
    year = _row(corpus.events, SEED, "2025年")
    edit = make_edit(signing, texts[SEED], {"title": "已核对"})
    hide = make_hide(year, texts[SEED])
    changed = tmp_path / SEED
    changed.write_text("（本文转载自网络，仅供参考。）\n" + texts[SEED], encoding="utf-8")
    new = extract([changed])
    new_texts = {d.name: d.text for d in new.documents}
    applied = apply_corrections(new.events, [edit, hide], new_texts)
    assert applied.unplaced == []
    target = _row(new.events, SEED, "2月28日")
    assert target["id"] != signing["id"] and target["date_start"] == signing["date_start"] + 16
    assert applied.placed[edit.id] == target["id"]
    assert applied.frame.loc[target["id"], "title"] == "已核对"
    assert applied.frame.loc[target["id"], "origin"] == "edited"
    assert applied.frame.loc[_row(new.events, SEED, "2025年")["id"], "hidden"]
    assert applied.frame["hidden"].sum() == 1 and (applied.frame["origin"] == "edited").sum() == 1


def test_expression_gone_or_file_missing_is_unplaced(corpus, texts, tmp_path):
    signing = _row(corpus.events, SEED, "2月28日")
    edit = make_edit(signing, texts[SEED], {"title": "已核对"})
    text = texts[SEED]
    start = text.index("300多名")
    add = make_manual(text, SEED, (start, start + 5), {"start": "2025-02-28"})
    changed = tmp_path / SEED
    changed.write_text(text.replace("2月28日", "二月末").replace("300多名", "数百名"), encoding="utf-8")
    new = extract([changed])
    new_texts = {d.name: d.text for d in new.documents}
    applied = apply_corrections(new.events, [edit, add], new_texts)
    assert applied.unplaced == [edit, add] and applied.placed == {}
    assert len(applied.frame) == len(new.events)
    # the file is not in the corpus now loaded
    other = {n: t for n, t in texts.items() if n != SEED}
    frame = corpus.events[corpus.events["file"] != SEED]
    applied = apply_corrections(frame, [edit, add], other)
    assert applied.unplaced == [edit, add]


def test_locate_picks_the_occurrence_whose_context_matches():
    text = "北京市今天召开会议，3月1日开幕。" + "填充文字。" * 20 + "天津市今天举行签约，3月1日签约。" + "结尾。" * 20
    second = text.index("3月1日", 60)
    anchor = anchor_for(text, "a.txt", (second, second + 4))
    assert locate(anchor, text) == (second, second + 4)
    # the file changed near the anchor (exact context gone) and text moved by 7 characters
    edited = "新增的一行文字\n" + text.replace("结尾。结尾。", "完。", 1).replace("举行签约", "举行签约仪式")
    found = locate(anchor, edited)
    assert found is not None and edited[found[0]:found[1]] == "3月1日"
    assert found[0] == edited.index("3月1日", 60)
    assert locate(anchor, text.replace("3月1日", "某日")) is None


def test_apply_never_raises_on_bad_input(corpus, texts):
    bogus_anchor = Anchor(file=SEED, text_sha="0" * 64, span=(10**9, 10**9 + 3), text="abc", context="abc")
    broken = [
        Correction("a1", "edit", bogus_anchor, "nope", {"title": "x"}, "2025-01-01T00:00:00"),
        Correction("a2", "teleport", bogus_anchor, None, {}, "not a time"),
        Correction("a3", "add", replace(bogus_anchor, text="2月28日", context="2月28日"), None,
                   {"start": "not a date"}, "2025-01-01"),
        Correction("a4", "edit", replace(bogus_anchor, file="missing.txt"), None, {}, ""),
    ]
    applied = apply_corrections(corpus.events, broken, texts)
    assert sorted(c.id for c in applied.unplaced) == ["a1", "a2", "a3", "a4"]
    assert len(applied.frame) == len(corpus.events)
    applied = apply_corrections(pd.DataFrame({"x": [1]}), broken, {})
    assert len(applied.unplaced) == 4
    # invalid values of an edit are ignored, valid ones applied
    signing = _row(corpus.events, SEED, "2月28日")
    edit = make_edit(signing, texts[SEED], {"title": "好"})
    edit = replace(edit, changes={"title": "好", "category": "不存在", "start": "2025-13-01", "precision": 3})
    applied = apply_corrections(corpus.events, [edit], texts)
    row = applied.frame.loc[signing["id"]]
    assert row["title"] == "好" and row["category"] == signing["category"] and row["start"] == signing["start"]


# --- damaged, newer, missing, atomic ----------------------------------------------


def _valid_document(corpus, texts) -> dict:
    edit, hide, add = _three(corpus, texts)
    project = Project([edit, hide, add], ["seeds"])
    from desktop.core.project import _correction_json

    return {"schema": SCHEMA, "version": SCHEMA_VERSION, "saved": "2025-01-01T00:00:00+00:00",
            "corpus": project.corpus, "corrections": [_correction_json(c) for c in project.corrections]}


def _damage(kind: str, document: dict) -> str:
    if kind == "invalid JSON":
        return json.dumps(document)[:-5]
    if kind == "wrong schema":
        document["schema"] = "something else"
    elif kind == "wrong type":
        document["corrections"][0]["changes"]["places"] = "北京市"
    elif kind == "span out of order":
        document["corrections"][1]["anchor"]["span"] = [50, 40]
    elif kind == "unknown category":
        document["corrections"][0]["changes"]["category"] = "体育"
    elif kind == "huge string":
        document["corrections"][2]["changes"]["title"] = "长" * 10_000_000
    elif kind == "extra field":
        document["corrections"][2]["script"] = "import os"
    elif kind == "not an object":
        return "[1, 2, 3]"
    elif kind == "NaN":
        return json.dumps(document).replace(f'"version": {SCHEMA_VERSION}', '"version": NaN')
    elif kind == "bool as version":
        document["version"] = True
    elif kind == "bad kind":
        document["corrections"][1]["kind"] = "delete"
    return json.dumps(document, ensure_ascii=False)


DAMAGES = ["invalid JSON", "wrong schema", "wrong type", "span out of order", "unknown category",
           "huge string", "extra field", "not an object", "NaN", "bool as version", "bad kind"]
WHERE = {"wrong type": "corrections[0].changes.places", "span out of order": "corrections[1].anchor.span",
         "unknown category": "corrections[0].changes.category", "huge string": "corrections[2].changes.title",
         "extra field": "corrections[2].script", "wrong schema": "$.schema", "bad kind": "corrections[1].kind"}


@pytest.mark.parametrize("kind", DAMAGES)
def test_damaged_file_is_moved_aside(corpus, texts, tmp_path, kind):
    path = tmp_path / "p.timeline.json"
    path.write_text(_damage(kind, _valid_document(corpus, texts)), encoding="utf-8")
    original = path.read_bytes()
    with pytest.raises(ProjectDamaged) as info:
        Project.load(path)
    backup = info.value.backup
    assert not path.exists()
    assert backup.parent == tmp_path and backup.name.startswith("p.timeline.json.damaged-")
    assert backup.read_bytes() == original
    message = str(info.value)
    assert "\n" not in message and str(backup) in message and "damaged" in message
    if kind in WHERE:
        assert WHERE[kind] in message
    assert len(message) < 500


def test_two_damaged_files_keep_both_backups(tmp_path):
    path = tmp_path / "p.json"
    backups = []
    for content in ("{", "[]"):
        path.write_text(content, encoding="utf-8")
        with pytest.raises(ProjectDamaged) as info:
            Project.load(path)
        backups.append(info.value.backup)
    assert backups[0] != backups[1]
    assert [b.read_text(encoding="utf-8") for b in backups] == ["{", "[]"]


def test_newer_version_is_refused_and_left_alone(corpus, texts, tmp_path):
    path = tmp_path / "p.timeline.json"
    document = _valid_document(corpus, texts)
    document["version"] = SCHEMA_VERSION + 1
    document["corrections"][0]["new_field"] = "from the future"
    path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(ProjectError, match="newer version") as info:
        Project.load(path)
    assert not isinstance(info.value, ProjectDamaged)
    assert path.exists() and list(tmp_path.iterdir()) == [path]


def test_missing_file(tmp_path):
    with pytest.raises(FileNotFoundError):
        Project.load(tmp_path / "none.json")


def test_failed_save_leaves_earlier_file_intact(corpus, texts, tmp_path, monkeypatch):
    edit, hide, add = _three(corpus, texts)
    path = Project([edit], ["seeds"]).save(tmp_path / "p.timeline.json")
    before = path.read_bytes()
    real_open = open

    class HalfWriter:
        def __init__(self, stream):
            self.stream = stream

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.stream.close()

        def write(self, data):
            self.stream.write(data[: len(data) // 2])
            self.stream.flush()
            raise OSError(28, "No space left on device")

    # the disk fills up halfway through the write
    monkeypatch.setattr(atomic, "open", lambda *a, **k: HalfWriter(real_open(*a, **k)), raising=False)
    with pytest.raises(OSError):
        Project([edit, hide, add], ["seeds"]).save(path)
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["p.timeline.json"]
    assert Project.load(path).corrections == [edit]


# --- where projects are kept ---------------------------------------------------------


def test_default_project_path(tmp_path):
    data = tmp_path / "data"
    assert default_project_path([], data) == data / "seeds.timeline.json"
    assert default_project_path([SEEDS_DIR], data) == data / "seeds.timeline.json"
    folder = tmp_path / "news"
    folder.mkdir()
    assert default_project_path([folder], data) == folder / ".timeline-project.json"
    a, b = folder / "甲.txt", folder / "乙.md"
    a.write_text("x", encoding="utf-8")
    b.write_text("y", encoding="utf-8")
    one = default_project_path([a, b], data)
    assert one == default_project_path([b, a], data) != default_project_path([a], data)
    assert one.parent == data and one.name.startswith("乙-") and one.name.endswith(".timeline.json")  # 乙 < 甲
    assert len(one.name) == len("乙-12345678.timeline.json")
    # never into the package, even for a folder inside it
    inside = default_project_path([ROOT / "desktop"], data)
    assert inside.parent == data


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs a POSIX non-root user")
def test_default_project_path_read_only_folder(tmp_path):
    folder = tmp_path / "readonly"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        path = default_project_path([folder], tmp_path / "data")
    finally:
        folder.chmod(0o755)
    assert path.parent == tmp_path / "data" and path.name.startswith("readonly-")


# --- property: an anchor is found again whatever is inserted away from it -------------


def test_anchor_survives_insertions_property(texts):
    hypothesis = pytest.importorskip("hypothesis")
    strategies = hypothesis.strategies
    text = texts[SEED]
    start = text.index("2月28日")
    anchor = anchor_for(text, SEED, (start, start + 5))

    @hypothesis.settings(max_examples=60, deadline=None)
    @hypothesis.given(strategies.text(max_size=30), strategies.integers(0, len(text)))
    def check(inserted, where):
        if start - 40 <= where <= start + 45:
            where = 0
        changed = text[:where] + inserted + text[where:]
        found = locate(anchor, changed)
        assert found is not None and changed[found[0]:found[1]] == "2月28日"
        shift = len(inserted) if where <= start else 0
        if "2月28日" not in inserted:
            assert found[0] == start + shift

    check()


# --- CLI ---------------------------------------------------------------------------


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "desktop", *args], capture_output=True, text=True, cwd=ROOT,
                          timeout=300)


def test_cli_extract_with_project(corpus, texts, tmp_path):
    edit, hide, add = _three(corpus, texts)
    lost = make_manual("远方的文字：2020年", "gone.txt", (6, 11), {"start": "2020-01-01"})
    path = Project([edit, hide, add, lost], ["seeds"]).save(tmp_path / "p.timeline.json")
    result = run("extract", "--project", str(path))
    assert result.returncode == 0, result.stderr
    events = {e["id"]: e for e in json.loads(result.stdout)["events"]}
    assert hide.event_id not in events
    assert events[edit.event_id]["title"] == "推介会在京举行（已核对）"
    assert events[edit.event_id]["origin"] == "edited"
    manual = [e for e in events.values() if e["origin"] == "manual"]
    assert len(manual) == 1 and manual[0]["date_text"] == "300多名" and manual[0]["title"] == "三百余人出席"
    assert len(events) == 40 and not any(e["hidden"] for e in events.values())
    assert "correction add on gone.txt '2020年' could not be placed" in result.stderr
    assert "Traceback" not in result.stderr
    plain = json.loads(run("extract", "--format", "json").stdout)["events"]
    assert {e["origin"] for e in plain} == {"extracted"} and hide.event_id in {e["id"] for e in plain}


@pytest.mark.parametrize("content", ["{not json", None])
def test_cli_damaged_or_missing_project_exits_2(tmp_path, content):
    path = tmp_path / "p.timeline.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    result = run("extract", "--project", str(path))
    assert result.returncode == 2 and result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr
    if content is None:
        assert "not found" in lines[0]
    else:
        assert "damaged" in lines[0] and ".damaged-" in lines[0]
        backups = list(tmp_path.glob("p.timeline.json.damaged-*"))
        assert len(backups) == 1 and str(backups[0]) in lines[0] and not path.exists()


def test_cli_export_pdf_with_project(corpus, texts, tmp_path):
    edit, hide, add = _three(corpus, texts)
    path = Project([edit, hide, add], ["seeds"]).save(tmp_path / "p.timeline.json")
    applied = apply_corrections(corpus.events, [edit, hide, add], texts)
    manual_id = applied.placed[add.id]
    out = tmp_path / "brief.pdf"
    result = run("export-pdf", "--project", str(path), "--ids", f"{manual_id},{edit.event_id},{hide.event_id}",
                 "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(b"%PDF")
    assert f"unknown event id(s): {hide.event_id}" in result.stderr
    assert "2 events" in result.stderr


def test_seed_files_untouched_by_tests():
    """Nothing above writes into the package (projects of the seeds go to the data folder)."""
    assert not (SEEDS_DIR / ".timeline-project.json").exists()
