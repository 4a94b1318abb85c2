"""Where things go on the PDF brief's pages — pure geometry, no Qt.

* :class:`PageFlow` places blocks (a heading with its first event, one event's lines …) on
  pages of a fixed body height: a block is never split across pages unless it is taller
  than a page.
* :class:`TimelineLayout` lays the selected events out on a calendar axis: a point for a
  day, a bar across the whole month, year or range, packed into rows with the screen
  timeline's row packing (:mod:`desktop.core.timeline.rows`); titles beside every mark when they
  fit, else the events' numbers (with titles where there is room), else bare marks.

Lengths are in the painter's device units; ``mm`` says how many make a millimetre. Text is
measured through a :class:`Measure` the caller supplies (the Qt painter measures with the
font it draws with), so the layout is tested without a PDF writer.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from desktop.core.language import pick
from desktop.core.timeline import scale as timescale
from desktop.core.timeline.rows import RowPacker
from desktop.core.vocab import category_name

if TYPE_CHECKING:  # the brief's content is laid out here, not built
    from desktop.core.export.brief import Brief, BriefItem


class Measure(Protocol):
    """Text measuring in one font."""

    def width(self, text: str) -> float: ...

    def elide(self, text: str, width: float) -> str: ...


# --------------------------------------------------------------------------- page flow


@dataclass(slots=True)
class Piece:
    """A strip of a page: its height, and what paints it (opaque here: the painter's job)."""

    height: float
    draw: Callable[..., Any]


@dataclass(slots=True)
class Block:
    """Pieces kept on one page (unless together they are taller than a page)."""

    pieces: list[Piece] = field(default_factory=list)
    space_before: float = 0.0
    new_page: bool = False

    @property
    def height(self) -> float:
        return sum(p.height for p in self.pieces)

    def add(self, height: float, draw: Callable[..., Any] | None = None) -> None:
        self.pieces.append(Piece(height, draw or (lambda *_: None)))


class PageFlow:
    """Places blocks on pages of a fixed body height; ``pages`` holds (top, piece) pairs."""

    def __init__(self, body_height: float) -> None:
        self.body_height = body_height
        self.pages: list[list[tuple[float, Piece]]] = [[]]
        self.y = 0.0

    def new_page(self) -> None:
        self.pages.append([])
        self.y = 0.0

    @property
    def room(self) -> float:
        return self.body_height - self.y

    def place(self, block: Block) -> None:
        if block.new_page and self.pages[-1]:
            self.new_page()
        space = block.space_before if self.pages[-1] else 0.0
        height = block.height
        if self.pages[-1] and self.y + space + height > self.body_height:
            self.new_page()
            space = 0.0
        self.y += space
        for piece in block.pieces:  # only a block taller than a page breaks here
            if self.pages[-1] and self.y + piece.height > self.body_height:
                self.new_page()
            self.pages[-1].append((self.y, piece))
            self.y += piece.height


# --------------------------------------------------------------------------- the timeline


@dataclass(slots=True)
class Mark:
    """One event on the brief's timeline."""

    item: BriefItem
    x0: float
    x1: float
    point: bool
    label: str = ""
    label_x: float = 0.0
    row: int = 0


#: Legend entries after the categories: (kind, text).
LEGEND_SHAPES = (("point", ("单日", "one day")), ("bar", ("月/年/时间段", "month / year / period")),
                 ("planned", ("计划/预期", "planned")))


class TimelineLayout:
    """The selected events on a calendar axis, packed into rows (see the module docstring)."""

    LEGEND_GAP_MM = 3.0
    LEGEND_LINE_MM = 4.6

    def __init__(self, brief: Brief, width: float, mm: float, labels: Measure, ticks: Measure,
                 legend: Measure) -> None:
        self.brief = brief
        self.width = width
        self.mm = mm
        self.label_measure = labels
        self.legend_measure = legend
        # partial dates (XXXX-05-16) have no place on the axis: the list below has them
        placed = [i for i in brief.items if i.start is not None and i.end is not None]
        first = min((timescale.day_number(i.start) for i in placed), default=0)
        last = max((timescale.day_number(i.end) + 1 for i in placed), default=1)
        span = max(last - first, 20)
        middle = (first + last) / 2
        pad = span * 0.03
        self.scale = timescale.TimeScale(middle - span / 2 - pad, middle + span / 2 + pad, width)
        self.unit = timescale.choose_unit(self.scale.days_per_px, ticks.width, padding=3.0 * mm)
        self.two_rows = self.unit.name not in ("year", "decade")  # years above months …
        self.axis_height = (11.0 if self.two_rows else 7.0) * mm
        self.marks = [self._mark(item) for item in placed]
        self.legend_lines = self._legend_lines()
        self.rows = 0
        self.row_height = 0.0
        self.labels = True
        self.mode = ""
        self.height = 0.0

    # ----- geometry

    def _mark(self, item: BriefItem) -> Mark:
        mm = self.mm
        start = timescale.day_number(item.start)
        end = timescale.day_number(item.end) + 1
        if item.precision == "day":
            x = self.scale.x_of(start + 0.5)
            return Mark(item, x, x, True)
        x0, x1 = self.scale.x_of(start), self.scale.x_of(end)
        if x1 - x0 < 0.9 * mm:  # keep a short span visible as a bar, not a point
            middle = (x0 + x1) / 2
            x0, x1 = middle - 0.45 * mm, middle + 0.45 * mm
        return Mark(item, x0, x1, False)

    def extent(self, mark: Mark) -> tuple[float, float]:
        radius = 1.3 * self.mm
        return (mark.x0 - radius, mark.x1 + radius) if mark.point else (mark.x0, mark.x1)

    def _place_label(self, mark: Mark, text: str, max_width: float) -> tuple[float, float]:
        """Put ``text`` beside the mark (right, else left, else elided); its x span."""
        measure, mm = self.label_measure, self.mm
        gap = 1.2 * mm
        left, right = self.extent(mark)
        width = min(measure.width(text), max_width)
        if width < measure.width(text):
            text = measure.elide(text, width)
            width = measure.width(text)
        if right + gap + width <= self.width:
            mark.label, mark.label_x = text, right + gap
        elif left - gap - width >= 0:
            mark.label, mark.label_x = text, left - gap - width
        else:
            room_right, room_left = self.width - right - gap, left - gap
            room = max(room_right, room_left)
            number = str(mark.item.number)
            text = measure.elide(text, room) if room > 8 * mm else number
            width = measure.width(text)
            if room_right >= width:
                mark.label, mark.label_x = text, right + gap
            elif room_left >= width:
                mark.label, mark.label_x = text, left - gap - width
            else:  # wider than everything: inside the bar at its left end
                mark.label, mark.label_x = text, max(left, 0) + gap
                return left, right
        return min(left, mark.label_x), max(right, mark.label_x + width)

    def pack(self, labels: str, title_width: float | None = None) -> list[dict[int, tuple[float, float]]]:
        """Rows with ``labels`` = "title" | "number" | "none", first fit in start order;
        each row maps mark index → the x span it takes (mark and label)."""
        title_width = 62 * self.mm if title_width is None else title_width
        packer = RowPacker(ordered=False)
        rows: list[dict[int, tuple[float, float]]] = []
        for number, mark in enumerate(self.marks):
            if labels == "title":
                lo, hi = self._place_label(mark, f"{mark.item.number} {mark.item.title}", title_width)
            elif labels == "number":
                lo, hi = self._place_label(mark, str(mark.item.number), 20 * self.mm)
            else:
                mark.label = ""
                lo, hi = self.extent(mark)
            index = packer.place(lo, hi, 1.5 * self.mm)
            if index == len(rows):
                rows.append({})
            rows[index][number] = (lo, hi)
            mark.row = index
        return rows

    def _upgrade(self, rows: list[dict[int, tuple[float, float]]]) -> None:
        """Numbered marks get their title (elided if need be) where their row has room to
        the right of the mark; rows stay as they are."""
        mm = self.mm
        pad, gap = 1.5 * mm, 1.2 * mm
        for number, mark in enumerate(self.marks):
            row = rows[mark.row]
            lo, hi = row[number]
            _, right = self.extent(mark)
            limit = min((a for key, (a, _) in row.items() if key != number and a >= hi - 0.01),
                        default=self.width + pad) - pad
            room = min(limit - right - gap, 62 * mm)
            if room < 24 * mm:
                continue
            text = self.label_measure.elide(f"{mark.item.number} {mark.item.title}", room)
            mark.label, mark.label_x = text, right + gap
            row[number] = (min(lo, self.extent(mark)[0]), max(right, mark.label_x + self.label_measure.width(text)))

    def legend_entry_width(self, text: str) -> float:
        return 4.2 * self.mm + self.legend_measure.width(text) + 4.5 * self.mm

    def _legend_lines(self) -> list[list[tuple[str, str]]]:
        """Legend entries (kind, text) wrapped to the width: categories, then mark shapes."""
        entries = [("cat:" + cat, f"{category_name(cat)} {count}") for cat, count in self.brief.category_counts]
        entries += [(kind, pick(*words)) for kind, words in LEGEND_SHAPES]
        lines: list[list[tuple[str, str]]] = [[]]
        x = 0.0
        for kind, text in entries:
            width = self.legend_entry_width(text)
            if lines[-1] and x + width > self.width:
                lines.append([])
                x = 0.0
            lines[-1].append((kind, text))
            x += width
        return lines

    def fit(self, available: float) -> float:
        """Choose labels and row height for at most ``available`` height; the height used.

        Titles beside every mark if they fit; else numbers (the blocks' numbers), with
        titles where there is room; else bare marks in thinner rows."""
        mm = self.mm
        fixed = self.axis_height + self.LEGEND_GAP_MM * mm + len(self.legend_lines) * self.LEGEND_LINE_MM * mm + 4 * mm
        rows_room = max(available - fixed, 8 * mm)
        self.labels = True
        title_row, number_row = 4.4 * mm, 3.8 * mm
        for title_width in (62 * mm, 44 * mm, 30 * mm) if len(self.marks) <= 200 else ():
            rows = len(self.pack("title", title_width))
            if rows * title_row <= rows_room:
                self.rows, self.row_height, self.mode = rows, title_row, "title"
                break
        else:
            packed = self.pack("number")
            if len(packed) * number_row <= rows_room:
                self._upgrade(packed)
                self.rows, self.row_height, self.mode = len(packed), number_row, "number"
            else:
                self.rows = len(self.pack("none"))
                self.row_height = min(number_row, rows_room / self.rows)
                self.labels = False
                self.mode = "none"
        self.height = fixed + self.rows * self.row_height
        return self.height

    @property
    def marks_top(self) -> float:
        """Where the rows start, below the axis (relative to the timeline's top)."""
        return self.axis_height + 1.5 * self.mm

    @property
    def legend_top(self) -> float:
        return self.marks_top + self.rows * self.row_height + 0.5 * self.mm + self.LEGEND_GAP_MM * self.mm
