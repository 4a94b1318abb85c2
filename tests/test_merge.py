"""One happening across articles (desktop.core.events.merge, project merges and splits, the CLI).

The articles are written here: two outlets carry one province's count, a third gives another
province's on the same day, a fourth the first province's next day, one a different window of
the same day; a plan dated by its year is never merged.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from desktop.core.events.corpus import extract
from desktop.core.events.merge import (
    cluster_events,
    collapse_clusters,
    item_sources,
    numbers_conflict,
    numbers_of,
    places_agree,
    settings,
)
from desktop.core.project import (
    SCHEMA_VERSION,
    Project,
    cluster_links,
    clustered,
    make_merge,
    make_split,
)

ROOT = Path(__file__).resolve().parents[1]

ARTICLES = {
    "a_renmin.txt": ("【山西新增确诊病例7例】", "2020-01-29 10:00:00", "人民日报",
                     "2020年1月28日0时至24时，山西省报告新型冠状病毒感染的肺炎新增确诊病例7例，"
                     "其中太原市3例。"),
    "b_cctv.txt": ("山西新增7例确诊病例", "2020-01-29 11:30:00", "央视新闻",
                   "记者从山西省卫健委获悉，2020年1月28日0时至24时，山西省报告新型冠状病毒感染的肺炎"
                   "新增确诊病例7例。"),
    "c_hebei.txt": ("河北新增确诊病例5例", "2020-01-29 09:00:00", "河北日报",
                    "2020年1月28日0时至24时，河北省报告新型冠状病毒感染的肺炎新增确诊病例5例。"),
    "d_next_day.txt": ("山西新增确诊病例9例", "2020-01-30 10:00:00", "人民日报",
                       "2020年1月29日0时至24时，山西省报告新型冠状病毒感染的肺炎新增确诊病例9例。"),
    "e_window.txt": ("山西通报", "2020-01-28 20:00:00", "山西日报",
                     "2020年1月28日0时至12时，山西省报告新型冠状病毒感染的肺炎新增确诊病例7例。"),
    "f_plan_a.txt": ("山西发展规划", "2020-01-28 08:00:00", "山西日报",
                     "到2035年，山西省将基本建成现代化经济体系。"),
    "g_plan_b.txt": ("山西规划发布", "2020-01-28 09:00:00", "人民日报",
                     "到2035年，山西省将基本建成现代化经济体系。"),
}


def _write(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, (title, stamp, outlet, body) in ARTICLES.items():
        (folder / name).write_text(f"{title}\n{stamp}\n来源：{outlet}\n\n{body}\n",
                                   encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return extract([_write(tmp_path_factory.mktemp("merge") / "news")])


def _event(frame: pd.DataFrame, file: str, date_text: str | None = None) -> pd.Series:
    rows = frame[frame["file"].astype(str).str.endswith(file)]
    if date_text is not None:
        rows = rows[rows["date_text"].astype(str).str.contains(date_text, regex=False)]
    assert len(rows) >= 1, (file, date_text, frame[["file", "date_text"]].to_dict("records"))
    return rows.iloc[0]


def _same(frame: pd.DataFrame, a: str, b: str) -> bool:
    return _event(frame, a)["cluster_id"] == _event(frame, b)["cluster_id"]


def test_two_outlets_reporting_one_count_are_one_cluster(corpus):
    frame = cluster_events(corpus.events)
    assert _same(frame, "a_renmin.txt", "b_cctv.txt")
    assert _event(frame, "a_renmin.txt")["cluster_size"] == 2


def test_another_province_another_day_another_window_stay_apart(corpus):
    frame = cluster_events(corpus.events)
    for other in ("c_hebei.txt", "d_next_day.txt", "e_window.txt"):
        assert not _same(frame, "a_renmin.txt", other), other


def test_a_date_as_coarse_as_a_year_is_never_merged(corpus):
    frame = cluster_events(corpus.events)
    assert not _same(frame, "f_plan_a.txt", "g_plan_b.txt")


def test_no_merge_gives_every_event_its_own_cluster(corpus):
    frame = cluster_events(corpus.events, enabled=False)
    assert frame["cluster_id"].nunique() == len(frame)
    assert (frame["cluster_size"] == 1).all()
    assert list(frame.index) == list(corpus.events.index)  # same rows, same order


def test_must_link_and_apart(corpus):
    a, b = _event(corpus.events, "a_renmin.txt"), _event(corpus.events, "b_cctv.txt")
    plan_a, plan_b = _event(corpus.events, "f_plan_a.txt"), _event(corpus.events, "g_plan_b.txt")
    frame = cluster_events(corpus.events, must_link=[(plan_a["id"], plan_b["id"])], apart=[a["id"]])
    assert _same(frame, "f_plan_a.txt", "g_plan_b.txt")
    assert not _same(frame, "a_renmin.txt", "b_cctv.txt")
    assert b["id"] in set(frame["id"])


def test_collapse_lists_every_source_and_the_date_spread(corpus):
    items = collapse_clusters(cluster_events(corpus.events))
    merged = items[items["cluster_size"] > 1]
    assert len(merged) == 1
    row = merged.iloc[0]
    sources = item_sources(row)
    assert {s["outlet"] for s in sources} == {"人民日报", "央视新闻"}
    assert all(s["sentence"] and s["date_text"] for s in sources)
    assert sources[0]["id"] == row["id"]  # the item speaks with its first source
    assert row["spread_start"] <= row["start"] and row["spread_end"] >= row["end"]
    assert len(items) == len(corpus.events) - 1
    single = items[items["cluster_size"] == 1].iloc[0]
    assert item_sources(single)[0]["id"] == single["id"]
    assert items["start"].is_monotonic_increasing


def test_a_merged_item_lists_its_sources_representative_first_then_by_publication(corpus):
    """Two items of several sources each (one made by hand, a hidden source in each): the
    representative first and the others by publication date, the spread over all of them,
    hidden only when every source is."""
    events = corpus.events
    ids = {name: str(_event(events, name)["id"]) for name in ARTICLES}
    three = ["c_hebei.txt", "d_next_day.txt", "e_window.txt"]
    hidden = events["hidden"].to_numpy().copy()
    hidden[events["id"].astype(str).isin([ids["c_hebei.txt"], ids["f_plan_a.txt"], ids["g_plan_b.txt"]])] = True
    frame = cluster_events(events.assign(hidden=hidden), must_link=[
        (ids[three[0]], ids[three[1]]), (ids[three[1]], ids[three[2]]), (ids["f_plan_a.txt"], ids["g_plan_b.txt"])])
    items = collapse_clusters(frame)
    assert len(items) == len(events) - 2 - 1 - 1  # a+b, three in one, the plans in one
    by_file = {str(s["file"]).rsplit("/", 1)[-1]: row for row in range(len(items))
               for s in item_sources(items.iloc[row])}
    row = by_file[three[0]]
    assert {by_file[name] for name in three} == {row}
    sources = items["sources"].iat[row]
    assert sources[0]["id"] == items["id"].iat[row] and not sources[0]["hidden"]  # a shown source speaks
    assert [s["published"] for s in sources[1:]] == sorted(s["published"] for s in sources[1:])
    assert items["spread_start"].iat[row] == min(s["start"] for s in sources)
    assert items["spread_end"].iat[row] == max(s["end"] for s in sources)
    assert not items["hidden"].iat[row]  # two of its three sources are shown
    plans = by_file["f_plan_a.txt"]
    assert by_file["g_plan_b.txt"] == plans and items["hidden"].iat[plans]  # every source hidden
    assert [s["published"] for s in items["sources"].iat[plans]] == sorted(
        s["published"] for s in items["sources"].iat[plans])


def test_rules_from_the_resource_file():
    config = settings()
    assert 0 < config.min_score <= 100 and config.max_interval_days >= 1
    assert places_agree([frozenset({"武汉市", "湖北省"})], [frozenset({"湖北省"})])
    assert not places_agree([frozenset({"浙江省"})], [frozenset({"广东省"})])
    assert places_agree([], [frozenset({"广东省"})])
    assert numbers_conflict(numbers_of("确诊13例"), numbers_of("确诊7例"))
    assert not numbers_conflict(numbers_of("确诊7例，其中3例"), numbers_of("新增7例"))
    assert numbers_of("1月28日0时至24时新增7例", "年月日时") == {"例": {7.0}}


def test_merge_and_split_corrections_are_kept_in_a_version_4_project(corpus, tmp_path):
    texts = {d.name: d.text for d in corpus.documents}
    events = corpus.events
    plan_a, plan_b = _event(events, "f_plan_a.txt"), _event(events, "g_plan_b.txt")
    a = _event(events, "a_renmin.txt")
    merge = make_merge(plan_a, texts[plan_a["file"]], plan_b, texts[plan_b["file"]])
    split = make_split(a, texts[a["file"]])
    project = Project(corrections=[merge, split], corpus=["news"])
    path = project.save(tmp_path / "p.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["version"] == SCHEMA_VERSION == 4
    assert {c["kind"] for c in data["corrections"]} == {"merge", "split"}
    loaded = Project.load(path)
    frame, links = clustered(events, loaded.corrections, texts)
    assert not links.unplaced
    assert _same(frame, "f_plan_a.txt", "g_plan_b.txt")
    assert not _same(frame, "a_renmin.txt", "b_cctv.txt")


def test_links_follow_their_events_when_the_ids_change(corpus):
    """A newer engine may give other ids: the anchors find the events again."""
    texts = {d.name: d.text for d in corpus.documents}
    events = corpus.events
    plan_a, plan_b = _event(events, "f_plan_a.txt"), _event(events, "g_plan_b.txt")
    merge = make_merge(plan_a, texts[plan_a["file"]], plan_b, texts[plan_b["file"]])
    renamed = events.copy()
    renamed["id"] = renamed["id"].astype(str) + "x"
    links = cluster_links(renamed, [merge], texts)
    assert links.must_link == [(plan_a["id"] + "x", plan_b["id"] + "x")]


def test_a_later_split_undoes_an_earlier_merge(corpus):
    texts = {d.name: d.text for d in corpus.documents}
    events = corpus.events
    plan_a, plan_b = _event(events, "f_plan_a.txt"), _event(events, "g_plan_b.txt")
    merge = make_merge(plan_a, texts[plan_a["file"]], plan_b, texts[plan_b["file"]])
    time.sleep(0.001)  # corrections are ordered by their creation time
    split = make_split(plan_a, texts[plan_a["file"]])
    links = cluster_links(events, [merge, split], texts)
    assert links.must_link == [] and links.apart == {plan_a["id"]}


def test_older_project_files_are_still_read(corpus, tmp_path):
    texts = {d.name: d.text for d in corpus.documents}
    a = _event(corpus.events, "a_renmin.txt")
    from desktop.core.project import make_hide

    path = Project(corrections=[make_hide(a, texts[a["file"]])], corpus=["news"]).save(tmp_path / "old.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    data["version"] = 3
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert [c.kind for c in Project.load(path).corrections] == ["hide"]


def test_a_merge_without_its_other_event_is_refused_as_damaged(corpus, tmp_path):
    from desktop.core.project import ProjectDamaged

    texts = {d.name: d.text for d in corpus.documents}
    events = corpus.events
    plan_a, plan_b = _event(events, "f_plan_a.txt"), _event(events, "g_plan_b.txt")
    path = Project(corrections=[make_merge(plan_a, texts[plan_a["file"]], plan_b, texts[plan_b["file"]])],
                   corpus=["news"]).save(tmp_path / "bad.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    del data["corrections"][0]["changes"]["with"]["anchor"]
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ProjectDamaged):
        Project.load(path)


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "desktop", *args], capture_output=True, text=True, cwd=ROOT,
                          timeout=300)


def test_extract_writes_cluster_ids_and_no_merge_switches_them_off(tmp_path):
    folder = _write(tmp_path / "news")
    merged = [json.loads(line) for line in _cli("extract", str(folder), "--format", "jsonl").stdout.splitlines()]
    by_file = {Path(r["file"]).name: r for r in merged}
    assert by_file["a_renmin.txt"]["cluster_id"] == by_file["b_cctv.txt"]["cluster_id"]
    assert by_file["a_renmin.txt"]["cluster_size"] == 2
    assert by_file["c_hebei.txt"]["cluster_size"] == 1
    apart = [json.loads(line) for line in _cli("extract", str(folder), "--format", "jsonl", "--no-merge").stdout.splitlines()]
    assert len({r["cluster_id"] for r in apart}) == len(apart) == len(merged)
    csv_text = _cli("extract", str(folder), "--format", "csv").stdout
    assert csv_text.splitlines()[0].endswith("cluster_id,cluster_size")


def test_clustering_stays_near_linear():
    """15,000 events in crowded weeks (the real corpus's shape) cluster in seconds, and ten
    times as many take about ten times as long, not a hundred."""
    import numpy as np

    base = extract().events  # the seeds
    rng = np.random.default_rng(7)

    def table(n: int) -> pd.DataFrame:
        rows = base.iloc[rng.integers(0, len(base), n)].copy()
        offsets = pd.to_timedelta(rng.integers(0, n // 10 + 30, n), unit="D")
        rows["start"] = rows["start"] + offsets
        rows["end"] = rows["end"] + offsets
        rows["id"] = [f"e{i}" for i in range(n)]
        rows["article_id"] = [f"a{i // 5}" for i in range(n)]
        rows.index = pd.Index(rows["id"], name="event")
        return rows

    cluster_events(table(1_500))  # words segmented once
    started = time.perf_counter()
    cluster_events(table(1_500))
    small = time.perf_counter() - started
    started = time.perf_counter()
    cluster_events(table(15_000))
    large = time.perf_counter() - started
    assert large < 10
    assert large < 30 * max(small, 0.02)


def test_export_pdf_cites_every_source_of_a_merged_item(tmp_path):
    pypdf = pytest.importorskip("pypdf")
    import re

    folder = _write(tmp_path / "news")
    out = tmp_path / "brief.pdf"
    result = _cli("export-pdf", str(folder), "--query", "山西", "-o", str(out))
    assert result.returncode == 0, result.stderr
    text = re.sub(r"\s+", "", "".join(page.extract_text() for page in pypdf.PdfReader(str(out)).pages))
    assert "人民日报" in text and "央视新闻" in text and "2个来源报道了此事" in text


class _Memo:
    """A link memo in memory: what was asked and kept."""

    def __init__(self) -> None:
        self.kept: dict[str, list[tuple[str, str]]] = {}
        self.asked: list[str] = []

    def get_links(self, key):  # noqa: ANN001, ANN201
        self.asked.append(key)
        return self.kept.get(key)

    def put_links(self, key, links) -> None:  # noqa: ANN001
        self.kept[key] = list(links)


def test_a_memo_keeps_the_automatic_links_and_gives_them_back_without_merging_again(corpus, monkeypatch):
    from desktop.core.events import merge

    memo = _Memo()
    first = cluster_events(corpus.events, memo=memo)
    [links] = memo.kept.values()
    assert links and all(isinstance(a, str) and isinstance(b, str) for a, b in links)

    def no_merging(*_args, **_kwargs):
        raise AssertionError("merged again although the memo had the links")

    monkeypatch.setattr(merge, "_link_automatically", no_merging)
    again = cluster_events(corpus.events.copy(), memo=memo)
    assert again["cluster_id"].tolist() == first["cluster_id"].tolist()
    assert again["cluster_size"].tolist() == first["cluster_size"].tolist()


def test_the_memo_key_follows_every_input_of_the_links(corpus):
    from desktop.core.events.merge import LINK_INPUTS, link_inputs_key

    frame = corpus.events
    config = settings()
    key = link_inputs_key(frame, set(), config)
    assert link_inputs_key(frame.copy(), set(), config) == key
    assert link_inputs_key(frame, {str(frame["id"].iat[0])}, config) != key  # a split
    assert link_inputs_key(frame, set(), settings().__class__(min_score=config.min_score + 1)) != key
    assert link_inputs_key(frame.iloc[1:], set(), config) != key
    for column in LINK_INPUTS:
        changed = frame.copy()
        values = changed[column].tolist()
        value = values[0]
        if isinstance(value, list):
            values[0] = [*value, "某地"]
        elif column in ("start", "end"):
            values[0] = value + pd.Timedelta(days=1)
        elif column in ("date_start", "date_end", "sentence_start"):
            values[0] = value + 1
        elif column == "precision":
            values[0] = "year" if value != "year" else "month"
        else:
            values[0] = f"{value}改"
        changed[column] = pd.Series(values, index=changed.index, dtype=changed[column].dtype)
        assert link_inputs_key(changed, set(), config) != key, column


def test_a_memo_is_not_asked_when_merging_is_off(corpus):
    memo = _Memo()
    cluster_events(corpus.events, memo=memo, enabled=False)
    assert memo.asked == [] and memo.kept == {}


def test_word_for_word_reprints_are_one_item_and_only_one_of_them_is_compared(tmp_path, monkeypatch):
    from desktop.core.events import merge

    folder = tmp_path / "reprints"
    folder.mkdir()
    title, stamp, _outlet, body = ARTICLES["a_renmin.txt"]
    for number in range(40):
        (folder / f"r{number:02d}.txt").write_text(f"{title}\n{stamp}\n来源：某报{number}\n\n{body}\n", encoding="utf-8")
    frame = extract([folder]).events
    compared = []
    real = merge._candidate_pairs

    def recording(rows, *args, **kwargs):  # noqa: ANN001, ANN202
        compared.append(len(rows))
        return real(rows, *args, **kwargs)

    monkeypatch.setattr(merge, "_candidate_pairs", recording)
    clustered_frame = cluster_events(frame)
    per_copy = len(frame) // 40
    assert len(frame) == 40 * per_copy
    assert clustered_frame["cluster_id"].nunique() == per_copy  # each reprinted event is one item
    assert set(clustered_frame["cluster_size"]) == {40}
    assert compared == [per_copy]  # one of each forty compared


def test_other_sources_are_found_by_their_file_with_their_item_row(corpus):
    from desktop.core.events.merge import other_sources_by_file

    items = collapse_clusters(cluster_events(corpus.events))
    [row] = [r for r in range(len(items)) if items["cluster_size"].iat[r] > 1]
    head, other = items["sources"].iat[row]
    found = other_sources_by_file(items)
    assert found == {str(other["file"]): [(row, other["date_start"], other["date_end"],
                                           other["sentence_start"], other["sentence_end"])]}
    assert str(head["file"]) not in found  # the representative stands at its own row
    other["hidden"] = True
    assert other_sources_by_file(items) == {}


def test_an_undated_flash_joins_the_dated_report_of_the_same_happening_and_the_pdf_says_how_it_is_dated(tmp_path):
    pypdf = pytest.importorskip("pypdf")
    import re

    folder = tmp_path / "flashes"
    folder.mkdir()
    (folder / "b.txt").write_text("武汉开通24小时捐赠热线\n2020-01-24 10:00:00\n人民日报\n\n"
                                  "1月24日，武汉市开通24小时电话，接收社会各界爱心捐赠的医用耗材和防护用品。\n", encoding="utf-8")
    (folder / "a.txt").write_text("武汉开通24小时电话接收爱心捐赠\n2020-01-24 11:00:00\n央视新闻\n\n"
                                  "为做好医用耗材和防护用品的接收工作，武汉市开通24小时电话接收社会各界爱心捐赠。\n", encoding="utf-8")
    rows = [json.loads(line) for line in _cli("extract", str(folder), "--format", "jsonl").stdout.splitlines()]
    by_file = {Path(r["file"]).name: r for r in rows}
    assert by_file["a.txt"]["date_text"] == "" and by_file["a.txt"]["resolved_against"].startswith("reported|")
    assert by_file["a.txt"]["cluster_id"] == by_file["b.txt"]["cluster_id"]
    out = tmp_path / "brief.pdf"
    result = _cli("export-pdf", str(folder), "-o", str(out))
    assert result.returncode == 0, result.stderr
    text = re.sub(r"\s+", "", "".join(page.extract_text() for page in pypdf.PdfReader(str(out)).pages))
    assert "2个来源报道了此事" in text and "文中未写日期" in text
    items = collapse_clusters(cluster_events(extract([folder]).events))
    (item,) = items.itertuples()
    assert item.date_text == "1月24日"  # the source whose text states the day speaks for the item
