"""The event brief as a PDF: vector text and drawing through ``QPdfWriter`` + ``QPainter``.

A4 portrait at 300 dpi. Page 1 has the title, the summary (how many events, the span,
the sources, counts per category) and a drawing of the timeline of the selected events
(a point for a day, a bar across the whole month, year or range for coarser dates,
dashed and hollow for plans); then each event as a block that is never split across
pages unless it is taller than a page. Every page has a header (corpus, export date)
and a footer ``第 N 页 / 共 M 页``; a layout pass runs first so M is known.

Article text is plain text: it is laid out with ``QTextLayout`` (key terms bold through
``FormatRange``), never interpreted as HTML. The text stays real text in the PDF with
the bundled Chinese font embedded (Qt embeds a subset), so it can be searched and copied.

The file is written atomically: a temp file in the target's folder, renamed over the
target only when the painting succeeded; on failure an earlier file stays untouched and
:class:`PdfExportError` says why in one line.
"""

from __future__ import annotations

import errno
import os
import traceback
from collections.abc import Sequence
from datetime import date
from pathlib import Path

import pandas as pd
from PySide6.QtCore import QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextCharFormat,
    QTextLayout,
    QTextOption,
)

from desktop.core.atomic import atomic_path
from desktop.core.export.brief import Brief, BriefItem, EmptySelection, build_brief
from desktop.core.export.formatting import article_title, events_count
from desktop.core.language import enumerate_names, pick
from desktop.core.timeline import scale as timescale
from desktop.core.timeline.pdf_layout import Block, PageFlow, Piece, TimelineLayout
from desktop.core.vocab import category_name, dated_by_publication
from desktop.gui.fonts import bundled_family
from desktop.gui.palette import category_colour

DPI = 300
MM = DPI / 25.4  # device pixels per millimetre
SIDE_MARGIN_MM = 18.0
EDGE_MARGIN_MM = 12.0  # top and bottom of the page layout; header/footer sit inside it
HEADER_MM = 9.0
FOOTER_MM = 8.0

INK = QColor("#1d2330")
TEXT = QColor("#2b3140")
MUTED = QColor("#6b7280")
FAINT = QColor("#9ca3af")
RULE = QColor("#d1d5db")
GRID = QColor("#eceef2")
PANEL = QColor("#f5f6f8")

class PdfExportError(Exception):
    """The PDF could not be written; the message is one line, Chinese and English."""


# --------------------------------------------------------------------------- text helpers


class Fonts:
    """The fonts of the brief, all from the bundled Chinese family, measured on the writer."""

    def __init__(self, device: QPdfWriter) -> None:
        self.device = device
        self.family = bundled_family()

    def font(self, points: float, bold: bool = False) -> QFont:
        font = QFont(self.family) if self.family else QFont()
        font.setPointSizeF(points)
        font.setBold(bold)
        font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
        # Glyphs without a cmap entry (alternates, ligatures) get no ToUnicode entry in
        # Qt's PDF, so their text would not extract: the font's Latin 'locl' swaps digits
        # after a letter ("ID b345"), and 'liga' makes "ff" one glyph. The default forms
        # are the Simplified Chinese ones anyway.
        for tag in ("locl", "liga", "clig", "dlig"):
            font.setFeature(QFont.Tag(tag), 0)
        return font

    def metrics(self, font: QFont) -> QFontMetricsF:
        return QFontMetricsF(font, self.device)


def _layout(text: str, font: QFont, device: QPdfWriter, width: float,
            formats: Sequence[QTextLayout.FormatRange] = (), justify: bool = False) -> QTextLayout:
    """``text`` wrapped to ``width``; each line positioned at its own origin (drawn one by one)."""
    layout = QTextLayout(text, font, device)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    if justify:
        option.setAlignment(Qt.AlignmentFlag.AlignJustify)
    layout.setTextOption(option)
    if formats:
        layout.setFormats(list(formats))
    layout.beginLayout()
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        line.setPosition(QPointF(0, 0))
    layout.endLayout()
    return layout


def _bold_ranges(spans: Sequence[tuple[int, int]], font: QFont) -> list[QTextLayout.FormatRange]:
    ranges = []
    for start, end in spans:
        rng = QTextLayout.FormatRange()
        rng.start, rng.length = start, end - start
        fmt = QTextCharFormat()
        bold = QFont(font)
        bold.setBold(True)
        fmt.setFont(bold)
        fmt.setForeground(QBrush(INK))
        rng.format = fmt
        ranges.append(rng)
    return ranges


# --------------------------------------------------------------------------- the timeline


class _FontMeasure:
    """A :class:`~desktop.core.timeline.pdf_layout.Measure` over one font on the PDF writer."""

    def __init__(self, metrics: QFontMetricsF) -> None:
        self.metrics = metrics

    def width(self, text: str) -> float:
        return self.metrics.horizontalAdvance(text)

    def elide(self, text: str, width: float) -> str:
        return self.metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)


class Timeline:
    """Paints the brief's timeline as :class:`~desktop.core.timeline.pdf_layout.TimelineLayout` lays it out."""

    def __init__(self, brief: Brief, fonts: Fonts, width: float) -> None:
        self.brief = brief
        self.fonts = fonts
        self.width = width
        self.tick_font = fonts.font(6.5)
        self.outer_font = fonts.font(6.5, bold=True)
        self.label_font = fonts.font(6.3)
        self.legend_font = fonts.font(6.8)
        self.label_metrics = fonts.metrics(self.label_font)
        self.layout = TimelineLayout(brief, width, MM, _FontMeasure(self.label_metrics),
                                     _FontMeasure(fonts.metrics(self.tick_font)),
                                     _FontMeasure(fonts.metrics(self.legend_font)))

    def fit(self, available: float) -> float:
        return self.layout.fit(available)

    @property
    def height(self) -> float:
        return self.layout.height

    @property
    def mode(self) -> str:
        return self.layout.mode

    # ----- painting

    def draw(self, painter: QPainter, top: float) -> None:
        painter.save()
        try:
            self._draw_axis(painter, top)
            self._draw_marks(painter, top + self.layout.marks_top)
            self._draw_legend(painter, top + self.layout.legend_top)
        finally:
            painter.restore()

    def _draw_axis(self, painter: QPainter, top: float) -> None:
        layout = self.layout
        scale, width, unit = layout.scale, self.width, layout.unit
        axis_y = top + layout.axis_height
        bottom = axis_y + 1.5 * MM + layout.rows * layout.row_height + 0.5 * MM
        painter.fillRect(QRectF(0, axis_y, width, bottom - axis_y), PANEL)
        ticks = [t for t in timescale.ticks(unit, scale.start, scale.end)]
        outer = timescale.enclosing_ticks(unit, scale.start, scale.end)
        outer_days = {t.day for t in outer}
        tick_metrics = self.fonts.metrics(self.tick_font)
        outer_metrics = self.fonts.metrics(self.outer_font)
        # grid
        for tick in ticks:
            x = scale.x_of(tick.day)
            if 0 <= x <= width:
                strong = tick.day in outer_days and unit.name not in ("year", "decade")
                painter.setPen(QPen(RULE if strong else GRID, 0.25 * MM if strong else 0.18 * MM))
                painter.drawLine(QPointF(x, axis_y), QPointF(x, bottom))
        # the enclosing row (years above months …), only when the unit is finer than a year
        if layout.two_rows:
            painter.setFont(self.outer_font)
            painter.setPen(INK)
            baseline = top + 3.6 * MM
            for index, tick in enumerate(outer):
                x = max(scale.x_of(tick.day), 0.0)
                following = scale.x_of(outer[index + 1].day) if index + 1 < len(outer) else width
                text = tick.label
                if x >= width or following - x < outer_metrics.horizontalAdvance(text) + 1.0 * MM:
                    continue
                painter.drawText(QPointF(x + 0.8 * MM, baseline), text)
        # tick labels at the start of their period
        painter.setFont(self.tick_font)
        painter.setPen(MUTED)
        baseline = axis_y - 2.0 * MM
        for index, tick in enumerate(ticks):
            x = scale.x_of(tick.day)
            following = scale.x_of(ticks[index + 1].day) if index + 1 < len(ticks) else width
            text_width = tick_metrics.horizontalAdvance(tick.label)
            if x < 0 or x + 0.8 * MM + text_width > width or following - x < text_width + 0.8 * MM:
                continue
            painter.drawLine(QPointF(x, axis_y - 1.2 * MM), QPointF(x, axis_y))
            painter.drawText(QPointF(x + 0.8 * MM, baseline), tick.label)
        painter.setPen(QPen(FAINT, 0.3 * MM))
        painter.drawLine(QPointF(0, axis_y), QPointF(width, axis_y))

    def _draw_marks(self, painter: QPainter, top: float) -> None:
        layout = self.layout
        painter.setFont(self.label_font)
        metrics = self.label_metrics
        mark_height = min(2.6 * MM, layout.row_height * 0.62)
        for mark in layout.marks:
            center = top + (mark.row + 0.5) * layout.row_height
            color = category_colour(mark.item.category)
            planned = mark.item.tense == "planned"
            if planned:
                pen = QPen(color, 0.32 * MM)
                pen.setStyle(Qt.PenStyle.DashLine if not mark.point else Qt.PenStyle.SolidLine)
                painter.setPen(pen)
                painter.setBrush(QBrush(QColor("white")))
            else:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QBrush(color))
            if mark.point:
                radius = min(1.3 * MM, layout.row_height * 0.36)
                painter.drawEllipse(QPointF(mark.x0, center), radius, radius)
            else:
                x0, x1 = max(mark.x0, -0.5 * MM), min(mark.x1, self.width + 0.5 * MM)
                rect = QRectF(x0, center - mark_height / 2, x1 - x0, mark_height)
                if planned:
                    inset = 0.16 * MM
                    rect = rect.adjusted(inset, inset, -inset, -inset)
                painter.drawRoundedRect(rect, 0.5 * MM, 0.5 * MM)
            if layout.labels and mark.label:
                painter.setPen(TEXT)
                baseline = center + (metrics.ascent() - metrics.descent()) / 2
                painter.drawText(QPointF(mark.label_x, baseline), mark.label)

    def _draw_legend(self, painter: QPainter, top: float) -> None:
        painter.setFont(self.legend_font)
        metrics = self.fonts.metrics(self.legend_font)
        line_height = self.layout.LEGEND_LINE_MM * MM
        for number, line in enumerate(self.layout.legend_lines):
            x = 0.0
            center = top + number * line_height + line_height / 2
            for kind, text in line:
                self._legend_symbol(painter, kind, x, center)
                painter.setPen(TEXT)
                painter.drawText(QPointF(x + 4.2 * MM, center + (metrics.ascent() - metrics.descent()) / 2), text)
                x += self.layout.legend_entry_width(text)

    def _legend_symbol(self, painter: QPainter, kind: str, x: float, center: float) -> None:
        neutral = QColor("#4b5563")
        if kind.startswith("cat:"):
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(category_colour(kind[4:]))
            painter.drawRoundedRect(QRectF(x, center - 1.2 * MM, 3.0 * MM, 2.4 * MM), 0.4 * MM, 0.4 * MM)
        elif kind == "point":
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(neutral)
            painter.drawEllipse(QPointF(x + 1.5 * MM, center), 1.2 * MM, 1.2 * MM)
        elif kind == "bar":
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(neutral)
            painter.drawRoundedRect(QRectF(x - 0.4 * MM, center - 1.1 * MM, 3.8 * MM, 2.2 * MM), 0.4 * MM, 0.4 * MM)
        else:
            pen = QPen(neutral, 0.3 * MM)
            pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.setBrush(QColor("white"))
            painter.drawRoundedRect(QRectF(x - 0.4 * MM, center - 1.1 * MM, 3.8 * MM, 2.2 * MM), 0.4 * MM, 0.4 * MM)


# --------------------------------------------------------------------------- the document


class BriefDocument:
    """Lays the brief out on pages, then paints them."""

    def __init__(self, brief: Brief, writer: QPdfWriter) -> None:
        self.brief = brief
        self.writer = writer
        self.fonts = Fonts(writer)
        self.width = float(writer.width())
        self.page_height = float(writer.height())
        self.body_top = HEADER_MM * MM
        self.body_height = self.page_height - self.body_top - FOOTER_MM * MM
        self.flow = PageFlow(self.body_height)

    # ----- small builders

    def _text_block(self, block: Block, text: str, font: QFont, color: QColor, width: float,
                    x: float = 0.0, spacing: float = 1.25, formats: Sequence = (),
                    justify: bool = False) -> None:
        """Adds the wrapped lines of ``text`` to ``block``, one piece per line."""
        layout = _layout(text, font, self.writer, width, formats, justify)
        for index in range(layout.lineCount()):
            line = layout.lineAt(index)
            height = line.height() * spacing
            lead = (height - line.height()) / 2

            def draw(painter: QPainter, y: float, index=index, lead=lead) -> None:
                painter.setPen(color)
                layout.lineAt(index).draw(painter, QPointF(x, y + lead))

            block.add(height, draw)

    def _elided_line(self, block: Block, text: str, font: QFont, color: QColor, x: float,
                     width: float, right_text: str = "", spacing: float = 1.3) -> None:
        metrics = self.fonts.metrics(font)
        right_width = metrics.horizontalAdvance(right_text) + 3 * MM if right_text else 0.0
        shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, width - right_width)
        height = metrics.height() * spacing

        def draw(painter: QPainter, y: float) -> None:
            painter.setFont(font)
            painter.setPen(color)
            baseline = y + (height - metrics.height()) / 2 + metrics.ascent()
            painter.drawText(QPointF(x, baseline), shown)
            if right_text:
                painter.drawText(QPointF(x + width - right_width + 3 * MM, baseline), right_text)

        block.add(height, draw)

    def _segment_lines(self, block: Block, parts: Sequence[str], font: QFont, color: QColor,
                       x: float, width: float, separator: str = " · ") -> None:
        """``parts`` joined by ``separator``, wrapping only between parts (a part wider
        than the line is elided)."""
        metrics = self.fonts.metrics(font)
        lines: list[str] = []
        for part in parts:
            joined = f"{lines[-1]}{separator}{part}" if lines else part
            if lines and metrics.horizontalAdvance(joined) <= width:
                lines[-1] = joined
            else:
                lines.append(metrics.elidedText(part, Qt.TextElideMode.ElideRight, width))
        for line in lines:
            self._elided_line(block, line, font, color, x, width, spacing=1.3)

    def _heading(self, text: str, space_before: float = 7 * MM) -> Block:
        block = Block(space_before=space_before)
        font = self.fonts.font(11.5, bold=True)
        metrics = self.fonts.metrics(font)
        height = metrics.height() + 2.6 * MM

        def draw(painter: QPainter, y: float) -> None:
            painter.setFont(font)
            painter.setPen(INK)
            painter.drawText(QPointF(0, y + metrics.ascent()), text)
            painter.setPen(QPen(RULE, 0.25 * MM))
            rule_y = y + metrics.height() + 1.0 * MM
            painter.drawLine(QPointF(0, rule_y), QPointF(self.width, rule_y))

        block.add(height, draw)
        return block

    # ----- sections

    def _title(self) -> Block:
        brief = self.brief
        block = Block()
        title_font = self.fonts.font(22, bold=True)
        metrics = self.fonts.metrics(title_font)

        def draw_title(painter: QPainter, y: float) -> None:
            painter.setFont(title_font)
            painter.setPen(INK)
            painter.drawText(QPointF(0, y + metrics.ascent()), pick("事件简报", "Event brief"))

        block.add(metrics.height() + 1.0 * MM, draw_title)
        subtitle = f"{events_count(brief.count)} · {brief.span_text}"
        self._elided_line(block, subtitle, self.fonts.font(11.5), TEXT, 0, self.width)
        return block

    def _summary(self) -> list[Block]:
        brief = self.brief
        label_font, value_font = self.fonts.font(9, bold=True), self.fonts.font(9)
        small = self.fonts.font(8.3)
        label_width = 22 * MM
        value_width = self.width - label_width
        blocks = []

        def row(label: str) -> Block:
            block = Block(space_before=1.6 * MM)
            metrics = self.fonts.metrics(label_font)

            def draw(painter: QPainter, y: float) -> None:
                painter.setFont(label_font)
                painter.setPen(MUTED)
                painter.drawText(QPointF(0, y + (metrics.height() * 1.3 - metrics.height()) / 2
                                         + metrics.ascent()), label)

            block.add(0.0, draw)
            return block

        sources = list(brief.sources)
        shown = sources if len(sources) <= 14 else sources[:12]
        for index, source in enumerate(shown):
            block = row(pick("来源", "Sources")) if index == 0 else Block(space_before=0.4 * MM)
            if index == 0:
                block.space_before = 6 * MM
            line = article_title(source.title)
            detail = " · ".join(p for p in (source.outlet, source.published, events_count(source.events)) if p)
            self._text_block(block, line, value_font, TEXT, value_width, x=label_width, spacing=1.22)
            self._text_block(block, detail, small, MUTED, value_width, x=label_width, spacing=1.15)
            blocks.append(block)
        if len(shown) < len(sources):
            rest = sources[len(shown):]
            block = Block(space_before=0.4 * MM)
            events = sum(s.events for s in rest)
            self._text_block(block, pick(f"另有 {len(rest):,} 篇来源（{events_count(events)}），见各事件条目",
                                         f"{len(rest):,} more {'source' if len(rest) == 1 else 'sources'} "
                                         f"({events_count(events)}): see each event"),
                             small, MUTED, value_width, x=label_width)
            blocks.append(block)

        categories = row(pick("类别", "Categories"))
        self._category_chips(categories, label_width, value_width)
        blocks.append(categories)
        return blocks

    def _category_chips(self, block: Block, x0: float, width: float) -> None:
        font = self.fonts.font(9)
        metrics = self.fonts.metrics(font)
        line_height = metrics.height() * 1.3
        lines: list[list[tuple[str, float]]] = [[]]
        x = 0.0
        for category, count in self.brief.category_counts:
            text = f"{category_name(category)} {count}"
            chip = 4.0 * MM + metrics.horizontalAdvance(text) + 5 * MM
            if lines[-1] and x + chip > width:
                lines.append([])
                x = 0.0
            lines[-1].append((text, x))
            x += chip
        colors = {f"{category_name(c)} {n}": category_colour(c) for c, n in self.brief.category_counts}
        for line in lines:
            def draw(painter: QPainter, y: float, line=line) -> None:
                painter.setFont(font)
                center = y + line_height / 2
                for text, x in line:
                    painter.setPen(Qt.PenStyle.NoPen)
                    painter.setBrush(colors[text])
                    painter.drawRoundedRect(QRectF(x0 + x, center - 1.2 * MM, 2.8 * MM, 2.4 * MM),
                                            0.4 * MM, 0.4 * MM)
                    painter.setPen(TEXT)
                    painter.drawText(QPointF(x0 + x + 4.0 * MM,
                                             center + (metrics.ascent() - metrics.descent()) / 2), text)

            block.add(line_height, draw)

    def _item_block(self, item: BriefItem) -> Block:
        block = Block(space_before=4.2 * MM)
        gutter = 11 * MM
        width = self.width - gutter
        color = category_colour(item.category)
        number_font = self.fonts.font(9, bold=True)
        date_font = self.fonts.font(9, bold=True)
        date_metrics = self.fonts.metrics(date_font)
        number_metrics = self.fonts.metrics(number_font)
        meta_font = self.fonts.font(8.3)
        height = date_metrics.height() * 1.3
        precision = pick(f"精度：{item.precision_name}", f"precision: {item.precision_name}")
        if item.dated_by_publication:
            precision += pick("　据发布日期（文中未写日期）", " · the day it was published (no date in its text)")

        def draw_first(painter: QPainter, y: float) -> None:
            baseline = y + (height - date_metrics.height()) / 2 + date_metrics.ascent()
            painter.setFont(number_font)
            painter.setPen(color)
            number = str(item.number)
            painter.drawText(QPointF(gutter - 3 * MM - number_metrics.horizontalAdvance(number), baseline),
                             number)
            painter.setFont(date_font)
            painter.setPen(color.darker(125))
            painter.drawText(QPointF(gutter, baseline), item.date)
            painter.setFont(meta_font)
            painter.setPen(MUTED)
            painter.drawText(QPointF(gutter + date_metrics.horizontalAdvance(item.date) + 2.5 * MM, baseline),
                             precision)

        block.add(height, draw_first)
        self._text_block(block, item.title, self.fonts.font(12, bold=True), INK, width, x=gutter,
                         spacing=1.2)
        meta = [f"{category_name(item.category)} · {item.tense_name}"]
        if item.places:
            meta.append(pick("地点：", "places: ") + enumerate_names(item.places))
        if item.amounts:
            meta.append(pick("数额：", "amounts: ") + enumerate_names(item.amounts))
        self._text_block(block, "    ".join(meta), meta_font, QColor("#4b5563"), width, x=gutter,
                         spacing=1.3)
        block.add(0.8 * MM)
        sentence_font = self.fonts.font(9.5)
        first_sentence = len(block.pieces)
        self._text_block(block, item.sentence, sentence_font, TEXT, width - 3 * MM, x=gutter + 3 * MM,
                         spacing=1.4, formats=_bold_ranges(item.term_spans, sentence_font), justify=True)
        sentence_pieces = block.pieces[first_sentence:]
        for piece in sentence_pieces:  # a quote bar left of the sentence, piece by piece
            inner = piece.draw

            def draw(painter: QPainter, y: float, inner=inner, height=piece.height) -> None:
                painter.fillRect(QRectF(gutter, y, 0.6 * MM, height), color.lighter(150))
                inner(painter, y)

            piece.draw = draw
        block.add(0.6 * MM)
        parts = [article_title(item.article_title), item.outlet, pick(f"发布 {item.published}", f"published {item.published}"),
                 f"ID {item.id}"]
        self._segment_lines(block, [p for p in parts if p], self.fonts.font(7.8), MUTED, gutter, width)
        self._citations(block, item, gutter, width)
        return block

    def _citations(self, block: Block, item: BriefItem, gutter: float, width: float) -> None:
        """A merged item cites every source: each one's article, outlet, publication date, the
        date as it gives it and its own sentence (the first source is the item's own above)."""
        if not item.citations:
            return
        small, sentence_font = self.fonts.font(7.8), self.fonts.font(8.6)
        heading = pick(f"{len(item.citations)} 个来源报道了此事", f"Reported by {len(item.citations)} sources")
        if item.spread:
            heading += pick(f"；所记日期：{item.spread}", f"; the dates they give: {item.spread}")
        block.add(0.8 * MM)
        self._text_block(block, heading, self.fonts.font(8.3, bold=True), MUTED, width, x=gutter, spacing=1.2)
        for number, citation in enumerate(item.citations[1:], start=2):
            parts = [f"{number}. " + article_title(citation.article_title), citation.outlet,
                     pick(f"发布 {citation.published}", f"published {citation.published}"),
                     pick(f"记为 {citation.date}（“{citation.date_text}”）",
                          f"dated {citation.date} (“{citation.date_text}”)") if not dated_by_publication(citation.date_text) else
                     pick(f"记为发布当日 {citation.date}（文中未写日期）",
                          f"dated {citation.date}, the day it was published (no date in its text)")]
            block.add(0.5 * MM)
            self._segment_lines(block, [p for p in parts if p], small, MUTED, gutter + 3 * MM, width - 3 * MM)
            self._text_block(block, citation.sentence, sentence_font, TEXT, width - 6 * MM, x=gutter + 6 * MM,
                             spacing=1.3)

    # ----- layout and painting

    def layout(self) -> list[list[tuple[float, Piece]]]:
        flow = self.flow
        flow.place(self._title())
        for block in self._summary():
            flow.place(block)
        if any(item.start is not None for item in self.brief.items):  # partial dates are only listed
            heading = self._heading(pick("时间线", "Timeline"))
            timeline = Timeline(self.brief, self.fonts, self.width)
            available = flow.room - heading.height - heading.space_before - 1 * MM
            if available < 60 * MM or timeline.fit(available) > available or timeline.mode == "none":
                flow.new_page()  # a fresh page rather than a timeline too cramped to read
                heading.space_before = 0.0
                timeline.fit(flow.room - heading.height - 1 * MM)
            heading.add(timeline.height, timeline.draw)
            flow.place(heading)
        list_heading = self._heading(pick("事件列表", "Events"))
        items = [self._item_block(item) for item in self.brief.items]
        # the list heading stays with its first event
        first = items[0]
        first.space_before = 1.5 * MM
        list_heading.pieces.extend(first.pieces)
        flow.place(list_heading)
        for block in items[1:]:
            flow.place(block)
        return flow.pages

    def _header_footer(self, painter: QPainter, number: int, total: int) -> None:
        font = self.fonts.font(7.5)
        metrics = self.fonts.metrics(font)
        painter.setFont(font)
        painter.setPen(MUTED)
        right = pick(f"导出日期 {self.brief.generated.isoformat()}", f"exported {self.brief.generated.isoformat()}")
        right_width = metrics.horizontalAdvance(right)
        name = metrics.elidedText(self.brief.corpus_name, Qt.TextElideMode.ElideMiddle,
                                  self.width - right_width - 8 * MM)
        baseline = metrics.ascent()
        painter.drawText(QPointF(0, baseline), name)
        painter.drawText(QPointF(self.width - right_width, baseline), right)
        painter.setPen(QPen(RULE, 0.25 * MM))
        rule_y = metrics.height() + 1.2 * MM
        painter.drawLine(QPointF(0, rule_y), QPointF(self.width, rule_y))
        footer = pick(f"第 {number} 页 / 共 {total} 页", f"page {number} of {total}")
        painter.setPen(MUTED)
        painter.drawText(QPointF((self.width - metrics.horizontalAdvance(footer)) / 2,
                                 self.page_height - metrics.descent()), footer)

    def close(self) -> None:
        """Drop the laid-out pieces (their closures refer back to the document), so the
        Qt objects go at once rather than whenever the cycle collector runs."""
        for page in self.flow.pages:
            page.clear()
        self.flow.pages.clear()

    def paint(self, painter: QPainter, pages: list[list[tuple[float, Piece]]]) -> None:
        total = len(pages)
        for number, page in enumerate(pages, start=1):
            if number > 1 and not self.writer.newPage():
                raise OSError(errno.EIO, "cannot start a new page")
            self._header_footer(painter, number, total)
            for y, piece in page:
                painter.save()
                try:
                    piece.draw(painter, self.body_top + y)
                finally:
                    painter.restore()


# --------------------------------------------------------------------------- export


_REASONS = {
    errno.ENOENT: ("目录不存在", "the folder does not exist"),
    errno.ENOTDIR: ("上级路径不是目录", "a parent is not a folder"),
    errno.EACCES: ("没有写入权限", "no permission to write"),
    errno.EPERM: ("没有写入权限", "no permission to write"),
    errno.EISDIR: ("目标是一个目录", "the target is a folder"),
    errno.ENOSPC: ("磁盘空间不足", "the disk is full"),
    errno.EROFS: ("文件系统只读", "the file system is read-only"),
    errno.EDQUOT: ("超出磁盘配额", "the disk quota is exceeded"),
    errno.ENAMETOOLONG: ("文件名过长", "the file name is too long"),
}


def _reason(exc: OSError) -> str:
    system = exc.strerror or str(exc) or type(exc).__name__
    ours = pick(*_REASONS.get(exc.errno or 0, ("写入失败", "writing failed")))
    return f"{ours} ({system})"


def _paint(brief: Brief, temp: str) -> None:
    writer = QPdfWriter(temp)
    writer.setResolution(DPI)
    writer.setPageLayout(QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
        QMarginsF(SIDE_MARGIN_MM, EDGE_MARGIN_MM, SIDE_MARGIN_MM, EDGE_MARGIN_MM),
        QPageLayout.Unit.Millimeter))
    writer.setTitle(pick(f"事件简报 — {brief.corpus_name}", f"Event brief — {brief.corpus_name}"))
    writer.setCreator("desktop-timeline")
    document = BriefDocument(brief, writer)
    try:
        pages = document.layout()
        painter = QPainter()
        if not painter.begin(writer):
            raise OSError(errno.EIO, "PDF writer could not start (QPainter.begin failed)")
        try:
            document.paint(painter, pages)
        finally:
            ended = painter.end()
        if not ended:
            raise OSError(errno.EIO, "PDF writer could not finish (QPainter.end failed)")
    finally:
        document.close()


def _check_pdf(temp: str) -> None:
    size = os.path.getsize(temp)
    with open(temp, "rb") as stream:
        head = stream.read(5)
        stream.seek(max(size - 64, 0))
        tail = stream.read()
    if head != b"%PDF-" or b"%%EOF" not in tail:
        raise OSError(errno.EIO, "the PDF written is incomplete")


def export_pdf(events: pd.DataFrame, ids: Sequence[str] | None, path: Path | str,
               corpus_name: str, generated: date | None = None) -> Path:
    """Write the brief of the selected events (all when ``ids`` is None) to ``path``.

    Needs a ``QGuiApplication``. Returns the path written; raises :class:`PdfExportError`
    (with the target untouched) when nothing is selected or the file cannot be written.
    """
    target = Path(path)
    try:
        brief = build_brief(events, ids, corpus_name, generated or date.today())
    except EmptySelection:
        raise PdfExportError(pick("没有选中的事件，无法导出", "no event is selected: nothing to export")) from None
    try:
        with atomic_path(target, suffix=".pdf") as temp:
            _paint(brief, str(temp))
            _check_pdf(str(temp))
    except OSError as exc:
        traceback.clear_frames(exc.__traceback__)  # let go of the painter, writer and layouts
        raise PdfExportError(pick(f"无法写入 {target}：{_reason(exc)}", f"cannot write {target}: {_reason(exc)}")) from exc
    except Exception as exc:
        traceback.clear_frames(exc.__traceback__)
        failure = f"{type(exc).__name__}: {exc}"
        raise PdfExportError(pick(f"无法写入 {target}：导出失败 ({failure})",
                                  f"cannot write {target}: the export failed ({failure})")) from exc
    return target


__all__ = ["PdfExportError", "export_pdf"]
