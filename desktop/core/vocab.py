"""The shared vocabulary of the engine, the table, the timeline and the app — defined once.

* :data:`PRECISIONS` — how precise a date is. ``day`` … ``century`` are whole calendar
  units; ``range`` an explicit span; ``open-range`` a span up to publication (2014年以来);
  ``vague`` an envelope of a fuzzy part of a unit (年初, 上旬); ``recent`` the weeks before
  publication named by 近日/日前/不久前 (drawn as a faded band); ``hour`` and ``minute`` a day
  with its clock time (下午3时许: EDTF ``2008-10-17T15``).
* :data:`TENSES` — whether the event has happened, is under way or is planned.
* :data:`ORIGINS` — where an event of the table comes from.
* :data:`LANE_MODES` — how the timeline groups events into lanes.
* :data:`EDITABLE_PRECISIONS` — the precisions a user picks from when correcting a date.
"""

from __future__ import annotations

PRECISIONS = (
    "day", "week", "month", "quarter", "season", "half-year", "year", "decade", "century",
    "range", "open-range", "vague", "recent", "hour", "minute",
)  # fmt: skip
TENSES = ("past", "ongoing", "planned")
ORIGINS = ("extracted", "edited", "manual")
LANE_MODES = ("auto", "article", "source", "category", "place", "single")
EDITABLE_PRECISIONS = ("day", "month", "quarter", "half-year", "year", "range", "open-range")
