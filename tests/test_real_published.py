"""Real corpus (``../shared/corpus``): publication dates stay at the goal, a saved page is one article.

Skipped when the corpus is not beside the repository. The figures themselves are printed by
``tests/benchmarks/bench_published.py`` and ``tests/benchmarks/bench_html_reading.py``.
"""

from __future__ import annotations

import json
import re

import published_scoring as scoring
import pytest

pytestmark = pytest.mark.skipif(not scoring.available(), reason="../shared/corpus is not there")

#: set → the accuracy it must keep (the issue's goal: ≥ 0.95 on pages, 100 % on cec's report time)
GOALS = {
    "html_labelled": 0.95,
    "html_meta": 0.95,
    "cec": 1.0,
    "xwlb_cctv": 0.999,
    "xwlb_rss": 1.0,
    "dxy_newsflash": 1.0,
    "sogou_ca_gbk (rule 1)": 0.95,
    "sogou_ca_gbk (gold)": 1.0,
}


@pytest.fixture(scope="module")
def measured():
    sets = scoring.expected_dates()
    ours = scoring.engine_dates(sorted({path for expected in sets.values() for path in expected}))
    return sets, ours


@pytest.mark.parametrize("name", sorted(GOALS))
def test_publication_date_accuracy_stays_at_the_goal(measured, name):
    sets, ours = measured
    right, total, wrong = scoring.accuracy(sets[name], lambda path: ours[path][0])
    assert total > 0
    assert right / total >= GOALS[name], f"{name}: {right}/{total}; wrong: {wrong[:10]}"


def test_every_publication_date_says_how_it_was_found(measured):
    _, ours = measured
    assert all(basis != "unknown" for day, basis in ours.values() if day)


def test_the_106_saved_pages_are_106_articles_with_their_gold_text():
    from desktop.core.reading.articles import split_articles
    from desktop.core.reading.reader import read_document

    pages = sorted(scoring.CORPUS.glob("html_*/*.html"))
    assert len(pages) == 106
    gold = json.loads(scoring.GOLD.read_text(encoding="utf-8"))["articles"] if scoring.GOLD.is_file() else []
    anchors = {a["file"]: [e["anchor"] for e in a["events"]] for a in gold if a["file"].startswith("html_")}
    count = 0
    for page in pages:
        articles = split_articles(read_document(page))
        count += len(articles)
        (article,) = articles
        assert article.title, page.name
        text = re.sub(r"\s+", "", article.doc.text)
        missing = [a for a in anchors.get(str(page.relative_to(scoring.CORPUS)), []) if re.sub(r"\s+", "", a) not in text]
        assert not missing, f"{page.name}: gold anchors cut out of the main text: {missing}"
    assert count == 106
