"""The content of the exports people pass timelines on in, as bytes — no Qt.

CSV (UTF-8 with a BOM, so Excel reads Chinese), Excel ``.xlsx`` (openpyxl: one sheet of
events with real dates, one of their sources), JSON, TimelineJS3 JSON (Knight Lab's
web-publishing format) and iCalendar ``.ics`` (events known to the day, as all-day
VEVENTs). :func:`write_export` chooses the events (by id, sorted by start, hidden ones
left out) and writes the file through the atomic writer; the window and the CLI both call
it. The timeline image (PNG/SVG) needs a painter and lives in :mod:`desktop.gui.image_export`.

TimelineJS fields follow its documented JSON format (``timeline.knightlab.com/docs/json-format.html``):
``events`` of slides with ``start_date`` (a date object whose ``year`` is required, ``month``
and ``day`` optional numbers), ``end_date``, ``text`` {``headline``, ``text``} (HTML),
``group``, ``display_date``; plus ``unique_id``, which TimelineJS's ``TimelineConfig`` reads
for a slide's id. A date carries only the parts its precision knows (:func:`date_parts`).
"""

from __future__ import annotations

import csv
import html
import io
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from desktop.core.atomic import write_bytes_atomic
from desktop.core.distinct import per_object
from desktop.core.export.brief import published_text, select_events
from desktop.core.export.formatting import readable_date
from desktop.core.export.serialize import (
    event_columns,
    event_records,
    fields_of,
    flat_records,
    readable_json,
)
from desktop.core.timeline.index import lane_keys

Parts = tuple[int, ...]  # (year,), (year, month) or (year, month, day)

#: Fields of a source (an article the exported events come from), in output order.
SOURCE_FIELDS = ["article_id", "file", "article_title", "outlet", "published", "published_edtf",
                 "published_basis", "events"]

# one unit's worth of precision: what each end of such an interval is known to
_UNIT_OF_PRECISION = {
    "day": "day", "week": "day", "month": "month", "quarter": "month", "half-year": "month",
    "season": "month", "year": "year", "decade": "year", "century": "year",
}
_EDTF_SIDE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")
# what Excel would take for a formula (OWASP "CSV injection"): a text cell starting so
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"^[+-]?\d+(?:\.\d+)?%?$")
# characters XML 1.0 (hence .xlsx) cannot hold
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")
_XLSX_CELL_MAX = 32_767
EXCEL_FIRST_YEAR = 1900  # Excel's date serials start on 1900-01-01


# ---------------------------------------------------------------- dates at their precision


def _parts(day: date, unit: str) -> Parts:
    if unit == "year":
        return (day.year,)
    if unit == "month":
        return (day.year, day.month)
    return (day.year, day.month, day.day)


def _aligned_unit(start: date, end: date) -> str:
    """The coarsest unit both ends sit on: whole years, whole months, else days."""
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31):
        return "year"
    if start.day == 1 and date.fromordinal(end.toordinal() + 1).day == 1:
        return "month"
    return "day"


def _edtf_side(text: str, fallback: date, fallback_unit: str) -> Parts:
    match = _EDTF_SIDE.match(text.strip().rstrip("~?%"))
    if not match:
        return _parts(fallback, fallback_unit)
    return tuple(int(g) for g in match.groups() if g is not None)


def date_parts(start: date, end: date, precision: str, edtf: str = "") -> tuple[Parts, Parts]:
    """The parts each end of an event's interval is known to.

    A day is ``(y, m, d)`` at both ends; a month ``(y, m)``; a year ``(y,)``; a quarter the
    months it spans; a decade the years. A range (``2019/2021``, ``2014/2024-02-24``) takes
    each end from its EDTF side; failing that, from the unit the interval is aligned to.
    """
    unit = _UNIT_OF_PRECISION.get(precision)
    if unit is not None:
        return _parts(start, unit), _parts(end, unit)
    aligned = _aligned_unit(start, end)
    if "/" in edtf:
        first, _, last = edtf.partition("/")
        return _edtf_side(first, start, aligned), _edtf_side(last, end, aligned)
    return _parts(start, aligned), _parts(end, aligned)


def is_day_event(start: date, end: date, precision: str, edtf: str = "") -> bool:
    """Whether both ends are known to the day (a calendar can hold it as all-day dates);
    a vague interval (``前几天``) is not, whatever its bounds."""
    if precision == "vague":
        return False
    first, last = date_parts(start, end, precision, edtf)
    return len(first) == 3 and len(last) == 3


# ---------------------------------------------------------------- choosing the events


def export_events(events: pd.DataFrame, ids: Sequence[str] | None = None) -> pd.DataFrame:
    """The events to export: those of ``ids`` (all when None) without the hidden ones,
    sorted by start, end and table order."""
    chosen = select_events(events, ids)
    if "hidden" in chosen and len(chosen):
        chosen = chosen[~chosen["hidden"].to_numpy(dtype=bool)]
    return chosen


def _day(value: Any) -> date | None:
    if value is None or pd.isna(value):
        return None
    return pd.Timestamp(value).date()


def _text(value: Any) -> str:
    if value is None or (not isinstance(value, list | tuple) and pd.isna(value)):
        return ""
    return str(value)


def source_records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """The articles the events come from, in order of their first event, with how many events each."""
    if frame.empty:
        return []
    # per article, not per event: a million events come from a few thousand articles
    codes, keys = pd.factorize(frame["article_id"].astype(str), sort=False)
    counts = np.bincount(codes, minlength=len(keys))
    _, first = np.unique(codes, return_index=True)  # factorize numbers keys by first appearance
    firsts = frame.iloc[first]
    records = []
    for key, count, row in zip(keys.tolist(), counts.tolist(), firsts.itertuples(index=False), strict=True):
        published = _day(row.published)
        records.append({
            "article_id": key,
            "file": _text(row.file),
            "article_title": _text(row.article_title),
            "outlet": _text(row.outlet) or None,
            "published": published.isoformat() if published else None,
            "published_edtf": _text(row.published_edtf) or None,
            "published_basis": _text(row.published_basis) or None,
            "events": count,
        })
    return records


# ---------------------------------------------------------------- formats


def _excel_safe(value: Any) -> Any:
    """A text cell Excel would run as a formula, kept as text (a leading apostrophe)."""
    if isinstance(value, str) and value.startswith(_FORMULA_START) and not _NUMBER.match(value):
        return "'" + value
    return value


def _excel_safe_column(values: list[Any], source: pd.Series | None) -> list[Any]:
    """:func:`_excel_safe` of a column's values (``source``: the frame's column they were read
    from, if any). Asking each of a million values was seconds: a text column is searched in
    Arrow for the few values that start like a formula, numbers are never one, and a derived
    column (joined lists, dates) is asked once per distinct value object."""
    if source is None or isinstance(source.dtype, pd.CategoricalDtype) or source.dtype == object:
        return per_object(values, _excel_safe)
    if not isinstance(source.dtype, pd.StringDtype):
        return values  # numbers, dates (written as ISO days), booleans: never a formula
    text = pa.array(source, type=pa.large_string())
    risky = None
    for start in _FORMULA_START:
        found = pc.starts_with(text, pattern=start)
        risky = found if risky is None else pc.or_(risky, found)
    rows = np.flatnonzero(pc.fill_null(risky, False).to_numpy(zero_copy_only=False))
    if not len(rows):
        return values
    values = list(values)
    for row in rows.tolist():
        values[row] = _excel_safe(values[row])
    return values


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """The events as CSV (the ``extract --format csv`` columns), UTF-8 with a BOM so Excel
    reads the Chinese, CRLF rows as Excel writes them."""
    columns = {key: _excel_safe_column(values, frame[key] if key in frame.columns else None)
               for key, values in event_columns(frame, flat=True).items()}
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    writer.writerows(zip(*columns.values(), strict=True))
    return buffer.getvalue().encode("utf-8-sig")


def json_bytes(frame: pd.DataFrame, title: str, generated: datetime) -> bytes:
    """``{"title", "generated", "events": [...], "sources": [...]}`` — events as ``extract`` writes them."""
    document = {
        "title": title,
        "generated": generated.isoformat(timespec="seconds"),
        "events": event_records(frame),
        "sources": source_records(frame),
    }
    return readable_json(document).encode("utf-8")


def _cell(value: Any) -> Any:
    if isinstance(value, str):
        return _XML_ILLEGAL.sub("\ufffd", value)[:_XLSX_CELL_MAX]
    return value


def _excel_date(text: str | None) -> date | str | None:
    """A date cell; before 1900, which Excel's calendar does not reach, its ISO text."""
    if not text:
        return None
    day = date.fromisoformat(text)
    return day if day.year >= EXCEL_FIRST_YEAR else text


def _write_sheet(book: Any, name: str, fields: list[str], rows: list[dict[str, Any]],
                 widths: dict[str, int]) -> None:
    """One sheet in write-only mode (a cell per value, streamed: 14,000 events take seconds,
    not tens): a bold, frozen header with filters; dates formatted as dates; text that
    looks like a formula kept as text."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    sheet = book.create_sheet(name)
    for number, field in enumerate(fields, start=1):
        sheet.column_dimensions[get_column_letter(number)].width = widths.get(field, 14)
    sheet.freeze_panes = "A2"
    if rows:
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(fields))}{len(rows) + 1}"
    bold = Font(bold=True)
    header = []
    for field in fields:
        cell = WriteOnlyCell(sheet, value=field)
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    for row in rows:
        values = []
        for field in fields:
            value = _cell(row[field])
            if isinstance(value, date):
                cell = WriteOnlyCell(sheet, value=value)
                cell.number_format = "yyyy-mm-dd"
                value = cell
            elif isinstance(value, str) and value.startswith("="):
                cell = WriteOnlyCell(sheet, value=value)
                cell.data_type = "s"  # openpyxl would write it as a formula
                value = cell
            values.append(value)
        sheet.append(values)


def xlsx_bytes(frame: pd.DataFrame, title: str, generated: datetime) -> bytes:
    """A workbook: sheet ``events`` (the CSV columns; start, end and published as dates)
    and sheet ``sources`` (the articles, with how many events each)."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    book.properties.title = title
    book.properties.created = generated.replace(tzinfo=None)
    rows = flat_records(frame)
    for row in rows:
        for key in ("start", "end", "published"):
            row[key] = _excel_date(row[key])
    widths = {"id": 18, "title": 36, "sentence": 60, "article_title": 30, "start": 12, "end": 12,
              "published": 12, "amounts": 24, "edtf": 16, "date_text": 16}
    _write_sheet(book, "events", fields_of(frame), rows, widths)
    sources = source_records(frame)
    for source in sources:
        source["published"] = _excel_date(source["published"])
    _write_sheet(book, "sources", SOURCE_FIELDS, sources,
                 {"article_id": 24, "file": 28, "article_title": 40, "published": 12, "published_basis": 24})
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _tl_date(parts: Parts) -> dict[str, int]:
    return dict(zip(("year", "month", "day"), parts, strict=False))


def _source_line(row: Any) -> str:
    """Outlet · 《article》 · publication date, as the PDF brief cites a source."""
    pieces = [_text(row.outlet), f"《{_text(row.article_title)}》" if _text(row.article_title) else "",
              published_text(row.published, row.published_edtf, row.published_basis)]
    return " · ".join(p for p in pieces if p)


def timelinejs_bytes(frame: pd.DataFrame, title: str, lanes: str = "article") -> bytes:
    """A TimelineJS3 JSON document: one slide per event, grouped by the timeline's lanes
    (article, category; no groups for a single lane)."""
    groups: list[str] | None = None
    if lanes != "single" and len(frame):
        lane_of, keys = lane_keys(frame, lanes)
        groups = [keys[int(lane)][1] for lane in lane_of]
    slides = []
    for number, row in enumerate(frame.itertuples(index=False)):
        start, end = _day(row.start), _day(row.end)
        precision, edtf = _text(row.precision), _text(row.edtf)
        first, last = date_parts(start, end, precision, edtf)
        # markup in the source text is shown as text, never interpreted (TimelineJS reads HTML)
        body = f"<p>{html.escape(_text(row.sentence))}</p>"
        source = _source_line(row)
        if source:
            body += f"<p>{html.escape(source)}</p>"
        slide: dict[str, Any] = {
            "unique_id": _text(row.id),
            "start_date": _tl_date(first),
            "display_date": readable_date(start, end, precision, edtf),
            "text": {"headline": html.escape(_text(row.title)), "text": body},
        }
        if last != first:
            slide["end_date"] = _tl_date(last)
        if groups is not None:
            slide["group"] = groups[number]
        slides.append(slide)
    document = {
        "title": {"text": {"headline": html.escape(title), "text": f"<p>{len(slides)} 个事件</p>"}},
        "events": slides,
        "scale": "human",
    }
    return readable_json(document).encode("utf-8")


def _ics_text(value: str) -> str:
    """A TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and newlines escaped."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n")


def _fold(line: str) -> str:
    """A content line folded at 75 octets (RFC 5545 §3.1), never inside a UTF-8 character."""
    out, current, size, limit = [], [], 0, 75
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            out.append("".join(current))
            current, size, limit = [" "], 1, 75
        current.append(char)
        size += width
    out.append("".join(current))
    return "\r\n".join(out)


def placed_events(frame: pd.DataFrame) -> pd.DataFrame:
    """The events with a place in time: not those kept as a partial date (``XXXX-05-16``,
    an undated article's month and day), which have no interval to draw or publish."""
    return frame[frame["start"].notna().to_numpy(dtype=bool)] if len(frame) else frame


def day_events(frame: pd.DataFrame) -> pd.DataFrame:
    """The events an iCalendar file can hold: those known to the day at both ends."""
    frame = placed_events(frame)
    if frame.empty:
        return frame
    keep = [is_day_event(_day(r.start), _day(r.end), _text(r.precision), _text(r.edtf))
            for r in frame.itertuples(index=False)]
    return frame[np.array(keep, dtype=bool)]


def ics_bytes(frame: pd.DataFrame, title: str, generated: datetime) -> bytes:
    """An iCalendar file of the day events (others are left out: see :func:`day_events`):
    all-day VEVENTs (DTEND the day after the last, as RFC 5545 wants), UID from the event
    id, planned events TENTATIVE."""
    stamp = generated.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//desktop-timeline//news timeline//ZH",
             "CALSCALE:GREGORIAN", "METHOD:PUBLISH", f"X-WR-CALNAME:{_ics_text(title)}"]
    for row in day_events(frame).itertuples(index=False):
        start, end = _day(row.start), _day(row.end)
        after = date.fromordinal(end.toordinal() + 1)
        description = _text(row.sentence)
        source = _source_line(row)
        if source:
            description += "\n" + source
        lines += [
            "BEGIN:VEVENT",
            f"UID:{_ics_text(_text(row.id))}@desktop-timeline",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{start:%Y%m%d}",
            f"DTEND;VALUE=DATE:{after:%Y%m%d}",
            f"SUMMARY:{_ics_text(_text(row.title))}",
            f"DESCRIPTION:{_ics_text(description)}",
        ]
        if _text(row.category):
            lines.append(f"CATEGORIES:{_ics_text(_text(row.category))}")
        places = [str(p) for p in row.places] if isinstance(row.places, list | tuple) else []
        if places:
            lines.append(f"LOCATION:{_ics_text('、'.join(places))}")
        lines += [f"STATUS:{'TENTATIVE' if _text(row.tense) == 'planned' else 'CONFIRMED'}",
                  "TRANSP:TRANSPARENT", "END:VEVENT"]
    lines.append("END:VCALENDAR")
    return ("\r\n".join(_fold(line) for line in lines) + "\r\n").encode("utf-8")


# ---------------------------------------------------------------- the registry and the writer


@dataclass(frozen=True, slots=True)
class ExportFormat:
    name: str  # the CLI's --format value
    suffix: str  # the file's, with the dot
    label: str  # for file-dialog filters
    build: Callable[[pd.DataFrame, str, str, datetime], bytes]  # (events, title, lanes, generated)
    #: the events the format can hold and what the others lack ("day": not known to the
    #: day, "year": a partial date); None: it holds every event
    holds: Callable[[pd.DataFrame], pd.DataFrame] | None = None
    lacking: str = ""


FORMATS: dict[str, ExportFormat] = {f.name: f for f in (
    ExportFormat("csv", ".csv", "CSV", lambda frame, title, lanes, when: csv_bytes(frame)),
    ExportFormat("xlsx", ".xlsx", "Excel", lambda frame, title, lanes, when: xlsx_bytes(frame, title, when)),
    ExportFormat("json", ".json", "JSON", lambda frame, title, lanes, when: json_bytes(frame, title, when)),
    ExportFormat("timelinejs", ".json", "TimelineJS",
                 lambda frame, title, lanes, when: timelinejs_bytes(frame, title, lanes),
                 holds=placed_events, lacking="year"),
    ExportFormat("ics", ".ics", "iCalendar", lambda frame, title, lanes, when: ics_bytes(frame, title, when),
                 holds=day_events, lacking="day"),
)}


def format_for_path(path: Path | str) -> str | None:
    """The format a file name asks for by its suffix (``.json`` is plain JSON), or None."""
    suffix = Path(path).suffix.lower()
    return next((f.name for f in FORMATS.values() if f.suffix == suffix), None)


@dataclass(frozen=True, slots=True)
class ExportResult:
    path: Path
    written: int  # events in the file
    left_out: int  # events the format cannot hold (iCalendar: not known to the day)
    lacking: str = ""  # what those lack: "day" or "year" (see ExportFormat.holds)


def write_export(fmt: str, events: pd.DataFrame, path: Path | str, ids: Sequence[str] | None = None,
                 title: str = "", lanes: str = "article", generated: datetime | None = None) -> ExportResult:
    """Write the events of ``ids`` (all when None; hidden ones left out) in format ``fmt``
    to ``path``, atomically. Raises ``ValueError`` when no event is left to write (the file
    is then not touched), ``OSError`` when it cannot be written."""
    spec = FORMATS[fmt]
    chosen = export_events(events, ids)
    held = spec.holds(chosen) if spec.holds else chosen
    if held.empty:
        raise ValueError("没有可导出的事件" if chosen.empty
                         else "没有精确到日的事件" if spec.lacking == "day" else "没有年份已知的事件")
    data = spec.build(held, title, lanes, generated or datetime.now(UTC))
    target = Path(path)
    write_bytes_atomic(target, data)
    return ExportResult(target, len(held), len(chosen) - len(held), spec.lacking)
