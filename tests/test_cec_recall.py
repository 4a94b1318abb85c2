"""CEC's own time annotation: its calendar expressions are found as events' dates.

Reads ``../shared/corpus/cec`` and ``cec_annotated`` (skipped when they are not there); see
``tests/cec_recall.py`` for what counts. ``python tests/cec_recall.py`` lists every miss.
"""

from __future__ import annotations

import pytest
from cec_recall import CEC, measure

pytestmark = pytest.mark.skipif(not (CEC / "cec_annotated").is_dir(), reason="../shared/corpus not here")


@pytest.fixture(scope="module")
def recall():
    return measure()


def test_calendar_expressions_of_cec_are_dated_events(recall):
    assert recall.expressions > 500
    assert recall.unplaced == 0
    assert recall.recall >= 0.95, "\n".join(recall.misses)


def test_times_of_day_in_cec_are_dated_to_their_day(recall):
    assert recall.time_of_day > 300
    assert recall.day_share >= 0.95, "\n".join(recall.misses)


def test_times_of_day_standing_alone_in_cec_are_dated_to_a_day(recall):
    assert recall.alone > 50
    assert recall.alone_share >= 0.9, "\n".join(line for line in recall.misses if line.startswith("ALONE"))
