"""The PDF brief's layout without a PDF writer: page flow and the timeline's rows and labels."""

from __future__ import annotations

from desktop.core.brief import build_brief
from desktop.core.brief_layout import Block, PageFlow, TimelineLayout
from desktop.core.rows import RowPacker

MM = 10.0


class Fixed:
    """Every character 1.6 mm wide (a small CJK font)."""

    def width(self, text: str) -> float:
        return len(text) * 1.6 * MM

    def elide(self, text: str, width: float) -> str:
        keep = max(int(width // (1.6 * MM)) - 1, 0)
        return text if self.width(text) <= width else text[:keep] + "…"


def test_blocks_never_split_unless_taller_than_a_page():
    flow = PageFlow(100.0)
    for height in (40, 40, 40):
        block = Block(space_before=5)
        block.add(height)
        flow.place(block)
    assert [[top for top, _ in page] for page in flow.pages] == [[0, 45], [0]]
    tall = Block()
    for _ in range(3):
        tall.add(60)
    flow.place(tall)
    assert [len(page) for page in flow.pages[2:]] == [1, 1, 1]  # a new page for it, then one per piece


def test_rows_never_overlap_with_labels_left_or_right():
    packer = RowPacker(ordered=False)
    spans = [(0, 10), (5, 20), (22, 30), (-8, 3), (12, 18)]
    rows = [packer.place(lo, hi, 1.0) for lo, hi in spans]
    for row in set(rows):
        placed = sorted(span for span, r in zip(spans, rows, strict=True) if r == row)
        assert all(a[1] + 1.0 <= b[0] for a, b in zip(placed, placed[1:], strict=False))
    ordered = RowPacker(max_rows=2)
    assert [ordered.place(lo, lo + 5, 1.0) for lo in (0, 2, 4, 7)] == [0, 1, None, 0]


def test_timeline_layout_labels_fit_the_width_and_rows_do_not_overlap(seeds_corpus):
    events = seeds_corpus.events
    brief = build_brief(events, list(events["id"]), "seeds", events["start"].max().date())
    width = 174 * MM
    layout = TimelineLayout(brief, width, MM, Fixed(), Fixed(), Fixed())
    height = layout.fit(200 * MM)
    assert height <= 200 * MM and layout.mode in ("title", "number", "none")
    measure = Fixed()
    for row in range(layout.rows):
        spans = []
        for mark in (m for m in layout.marks if m.row == row):
            lo, hi = layout.extent(mark)
            if layout.labels and mark.label:
                lo, hi = min(lo, mark.label_x), max(hi, mark.label_x + measure.width(mark.label))
                assert mark.label_x >= -0.01 and mark.label_x + measure.width(mark.label) <= width + 0.01
            spans.append((lo, hi))
        spans.sort()
        assert all(a[1] <= b[0] + 0.01 for a, b in zip(spans, spans[1:], strict=False))
    assert len(layout.marks) == len(events)
    # too little room: numbers or bare marks, never more height than given
    tight = TimelineLayout(brief, width, MM, Fixed(), Fixed(), Fixed())
    assert tight.fit(40 * MM) <= max(40 * MM, tight.height)
    assert tight.mode in ("number", "none")
