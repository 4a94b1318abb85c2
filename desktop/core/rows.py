"""Packing things into rows without overlap — the one rule the screen timeline and the PDF's
timeline share.

Items come in start order and take the first row where they fit: their span ``[lo, hi]``
must keep ``gap`` from everything already in the row. The screen places items strictly left
to right, so a row is free when the item starts past its end (``ordered``: one comparison per
row); the PDF also puts labels to the left of their marks, so it checks the spans of the row.
"""

from __future__ import annotations


class RowPacker:
    """First-fit rows of ``[lo, hi]`` spans, at most ``max_rows`` of them (None: no limit)."""

    def __init__(self, max_rows: int | None = None, ordered: bool = True) -> None:
        self.max_rows = max_rows
        self.ordered = ordered
        self.ends: list[float] = []  # the right end of each row
        self.spans: list[list[tuple[float, float]]] = []

    @property
    def rows(self) -> int:
        return len(self.ends)

    def find(self, lo: float, hi: float, gap: float) -> int | None:
        """The first row where ``[lo, hi]`` keeps ``gap`` from what is there (a new row if one
        may still be opened); None when there is no room."""
        for row, end in enumerate(self.ends):
            if lo >= end + gap:
                return row
            if not self.ordered and all(hi + gap <= a or lo >= b + gap for a, b in self.spans[row]):
                return row
        if self.max_rows is None or len(self.ends) < self.max_rows:
            return len(self.ends)
        return None

    def add(self, row: int, lo: float, hi: float) -> None:
        if row == len(self.ends):
            self.ends.append(hi)
            self.spans.append([])
        else:
            self.ends[row] = max(self.ends[row], hi)
        if not self.ordered:
            self.spans[row].append((lo, hi))

    def place(self, lo: float, hi: float, gap: float) -> int | None:
        """:meth:`find` and :meth:`add` in one step."""
        row = self.find(lo, hi, gap)
        if row is not None:
            self.add(row, lo, hi)
        return row
