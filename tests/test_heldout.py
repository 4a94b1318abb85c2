"""REGRESSION GUARD on the held-out articles in ``tests/data/heldout/`` … ``heldout5/``.

Each set (8, 10, 8, 10 and 8 articles: UTF-8 / GBK / GB18030 / UTF-16 ``.txt``, ``.html``, ``.md``)
was written and annotated by hand (``gold.json``, same schema as
``tests/data/seeds_gold.json``) by an annotator who did not read the engine, *before* the
engine was run on it. Measured first as unseen text (strict F1 0.861, 0.857, 0.780, 0.924
and 0.918), each then showed general rules the engine lacked; after those were added (never
a rule for a particular text) they score 0.986, 0.988, 0.965, 0.978 and 0.995.

Issue 8 moved the engine to the conventions of real-text gold (``../shared/gold/CONVENTIONS.md``),
which these written sets do not follow in four ways: a date in a text file's headline is an
event; ``近日`` / ``日前`` / ``近期`` / ``届时`` / ``当时`` are events; comparison baselines (``比上年末``,
``较2022年``, ``增速比一季度加快``) are not; a deadline (``2030年前``) is the unit it names, not the
span from publication to it. The sets were left as written; their figures fell to 0.966, 0.917,
0.884, 0.909 and 0.922, almost all through those four differences, and the floors were set
below them. They are regression tests now, not the engine's quality (real-text figures
are). Raise the floors when the engine improves; never lower them to make a change pass, and
never edit the articles or the gold to fit the engine. ``pytest tests/test_heldout.py -s`` prints every
miss, wrong date and spurious event.
"""

from __future__ import annotations

import json
from contextlib import contextmanager
from pathlib import Path

import gold_scoring
import pytest
from gold_scoring import report, totals

DATA = Path(__file__).resolve().parent / "data"
#: set → (number of articles, strict F1 floor)
SETS = {"heldout": (8, 0.95), "heldout2": (10, 0.90), "heldout3": (8, 0.87), "heldout4": (10, 0.89),
        "heldout5": (8, 0.91)}


@contextmanager
def _gold(path: Path):
    """``gold_scoring.load_gold`` reads the module-level GOLD_PATH; point it at this set's gold."""
    original = gold_scoring.GOLD_PATH
    gold_scoring.GOLD_PATH = path
    try:
        yield
    finally:
        gold_scoring.GOLD_PATH = original


@pytest.fixture(scope="module", params=sorted(SETS))
def heldout(request):
    from desktop.core.corpus import extract
    from desktop.core.serialize import event_records

    folder = DATA / request.param
    corpus = extract([folder])
    texts = {doc.name: doc.text for doc in corpus.documents}
    with _gold(folder / "gold.json"):
        return request.param, gold_scoring.score(event_records(corpus.events), texts)


def test_every_heldout_article_is_read_and_annotated(heldout):
    name, scores = heldout
    gold = json.loads((DATA / name / "gold.json").read_text(encoding="utf-8"))
    files = {article["file"] for article in gold["articles"]}
    assert len(files) == SETS[name][0]
    assert files == set(scores)
    assert totals(scores).gold == sum(len(a["events"]) for a in gold["articles"])


def test_heldout_report(heldout):
    name, scores = heldout
    text = report(scores)
    print(name)
    print(text)
    assert "overall" in text


def test_heldout_overall_strict_f1_regression_guard(heldout):
    """Regression guard only: fails if overall strict F1 drops below today's level."""
    name, scores = heldout
    precision, recall, f1 = totals(scores).strict
    assert f1 >= SETS[name][1], report(scores)
