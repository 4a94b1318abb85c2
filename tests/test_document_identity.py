"""A document is its path in the corpus: two files of one name in two folders are two documents
for events, anchors, the source view and the CLI; projects that named files by their bare name
follow them by the hash of their text."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import ROOT

from desktop.core.events.corpus import extract
from desktop.core.project import Project, apply_project, make_hide


@pytest.fixture
def twins(tmp_path):
    for folder, what in (("a", "某园区揭牌运营"), ("b", "某项目集中签约")):
        (tmp_path / "news" / folder).mkdir(parents=True)
        (tmp_path / "news" / folder / "index.txt").write_text(
            f"{what}\n来源：某某日报  2024-05-06 10:00\n\n5月5日，{what}。\n", encoding="utf-8")
    return tmp_path / "news"


def test_two_files_of_one_name_are_two_documents(twins):
    corpus = extract([twins])
    assert sorted(doc.name for doc in corpus.documents) == ["a/index.txt", "b/index.txt"]
    assert sorted(corpus.events["file"]) == ["a/index.txt", "b/index.txt"]
    assert corpus.events["article_id"].nunique() == 2
    assert "签约" in corpus.document("b/index.txt").text and "揭牌" in corpus.document("a/index.txt").text


def test_a_correction_stays_on_its_own_file_and_old_anchors_follow_by_hash(twins, tmp_path):
    corpus = extract([twins])
    events = corpus.events
    row = events[events["file"] == "b/index.txt"].iloc[0]
    hide = make_hide(row.to_dict(), corpus.document("b/index.txt").text)
    applied = apply_project(corpus, [hide])
    hidden = applied.frame.set_index("file")["hidden"]
    assert bool(hidden["b/index.txt"]) and not bool(hidden["a/index.txt"])
    # a project written before files were named by their path: the bare name, the same hash
    from dataclasses import replace

    old = replace(hide, anchor=replace(hide.anchor, file="index.txt"))
    path = Project([old], [str(twins)]).save(tmp_path / "old.json")
    document = json.loads(path.read_text(encoding="utf-8"))
    document["version"] = 2
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    again = apply_project(corpus, Project.load(path).corrections)
    assert not again.unplaced
    hidden = again.frame.set_index("file")["hidden"]
    assert bool(hidden["b/index.txt"]) and not bool(hidden["a/index.txt"])


def test_the_cli_names_files_by_their_path_in_the_corpus(twins):
    out = subprocess.run([sys.executable, "-m", "desktop", "extract", str(twins), "--format", "jsonl"],
                         capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert out.returncode == 0, out.stderr
    assert sorted(json.loads(line)["file"] for line in out.stdout.splitlines()) == ["a/index.txt", "b/index.txt"]
