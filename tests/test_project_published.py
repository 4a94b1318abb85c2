"""The user's publication date for an article: a ``published`` correction in the project file
(format 2) that re-resolves every relative date of that article, also through ``--project``."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from desktop.core.events.corpus import extract
from desktop.core.project import (
    SCHEMA,
    SCHEMA_VERSION,
    Project,
    ProjectDamaged,
    apply_project,
    make_edit,
    make_published,
)

ROOT = Path(__file__).resolve().parents[1]
DATED = "某地新闻\n来源：某某日报  2024-09-25 10:00\n\n今天，某洽谈会在某区举办。去年，两地签约。2020年3月5日，园区开园。\n"
UNDATED = "一段没有日期的文字\n\n今天，某推介会召开。去年，两地签约。\n"


def corpus_of(tmp_path, text: str, name: str = "a.txt"):
    (tmp_path / name).write_text(text, encoding="utf-8")
    return extract([tmp_path / name])


def dated_by(corpus, day: str, name: str = "a.txt"):
    info = corpus.articles[0]
    return make_published(corpus.documents[0].text, name, info.article.span, day)


def rows(frame: pd.DataFrame) -> dict[str, pd.Series]:
    return {row["date_text"]: row for _, row in frame.iterrows()}


def test_the_users_date_resolves_the_articles_relative_dates_again(tmp_path):
    corpus = corpus_of(tmp_path, DATED)
    before = rows(corpus.events)
    assert before["今天"]["start"] == pd.Timestamp("2024-09-25")
    applied = apply_project(corpus, [dated_by(corpus, "2023-05-10")])
    after = rows(applied.frame)
    assert applied.unplaced == []
    assert after["今天"]["start"] == pd.Timestamp("2023-05-10")
    assert after["去年"]["start"] == pd.Timestamp("2022-01-01")
    assert after["2020年3月5日"]["start"] == pd.Timestamp("2020-03-05")  # absolute dates stay
    assert set(applied.frame["published"]) == {pd.Timestamp("2023-05-10")}
    assert set(applied.frame["published_basis"]) == {"由用户设定（项目文件）"}
    assert after["今天"]["id"] == before["今天"]["id"]  # the same events, dated anew
    assert rows(corpus.events)["今天"]["start"] == pd.Timestamp("2024-09-25")  # corpus untouched


def test_an_undated_article_gets_its_relative_dates_from_the_users_date(tmp_path):
    corpus = corpus_of(tmp_path, UNDATED)
    assert corpus.events.empty
    applied = apply_project(corpus, [dated_by(corpus, "2021-06-01")])
    assert list(applied.frame["date_text"]) == ["去年", "今天"]
    assert rows(applied.frame)["今天"]["start"] == pd.Timestamp("2021-06-01")


def test_edits_still_apply_to_events_of_a_redated_article(tmp_path):
    corpus = corpus_of(tmp_path, DATED)
    text = corpus.documents[0].text
    today = corpus.events[corpus.events["date_text"] == "今天"].iloc[0]
    edit = make_edit(today, text, {"title": "洽谈会举办（已核对）"})
    applied = apply_project(corpus, [dated_by(corpus, "2023-05-10"), edit])
    row = rows(applied.frame)["今天"]
    assert (row["title"], row["origin"], row["start"]) == ("洽谈会举办（已核对）", "edited", pd.Timestamp("2023-05-10"))


def test_the_latest_date_set_wins_and_a_lost_article_is_unplaced(tmp_path):
    corpus = corpus_of(tmp_path, DATED)
    first, second = dated_by(corpus, "2023-05-10"), dated_by(corpus, "2022-01-02")
    applied = apply_project(corpus, [first, second])
    assert rows(applied.frame)["今天"]["start"] == pd.Timestamp("2022-01-02")
    (tmp_path / "other").mkdir()
    other = corpus_of(tmp_path / "other", "完全不同的另一篇文字，2020年3月5日开园。\n")
    lost = apply_project(other, [first])
    assert lost.unplaced == [first] and list(lost.frame["date_text"]) == ["2020年3月5日"]


def test_saved_in_the_current_format_and_read_back(tmp_path):
    corpus = corpus_of(tmp_path, DATED)
    correction = dated_by(corpus, "2023-05-10")
    path = Project([correction], [str(tmp_path)]).save(tmp_path / "p.timeline.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["version"] == SCHEMA_VERSION == 4
    item = data["corrections"][0]
    assert (item["kind"], item["event_id"], item["changes"]) == ("published", None, {"published": "2023-05-10"})
    assert item["anchor"]["text"] == DATED[: len(item["anchor"]["text"])]
    assert Project.load(path).corrections == [correction]


def test_a_format_1_file_is_still_read(tmp_path):
    path = tmp_path / "old.timeline.json"
    path.write_text(json.dumps({"schema": SCHEMA, "version": 1, "saved": "2025-01-01T00:00:00+00:00",
                                "corpus": [], "corrections": []}), encoding="utf-8")
    assert Project.load(path).corrections == []


@pytest.mark.parametrize("damage", [
    {"event_id": "abc"}, {"changes": {"published": "2023-02-30"}}, {"changes": {"published": "2023-05-10", "title": "x"}},
])
def test_a_broken_publication_date_is_a_damaged_file(tmp_path, damage):
    corpus = corpus_of(tmp_path, DATED)
    path = Project([dated_by(corpus, "2023-05-10")], []).save(tmp_path / "p.timeline.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    data["corrections"][0].update(damage)
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ProjectDamaged):
        Project.load(path)


def test_cli_project_applies_the_publication_date(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    corpus = corpus_of(folder, DATED)
    path = Project([dated_by(corpus, "2023-05-10")], [str(folder)]).save(tmp_path / "p.timeline.json")
    result = subprocess.run([sys.executable, "-m", "desktop", "extract", str(folder), "--project", str(path)],
                            capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
    events = {e["date_text"]: e for e in json.loads(result.stdout)["events"]}
    assert events["今天"]["start"] == "2023-05-10" and events["今天"]["published"] == "2023-05-10"
