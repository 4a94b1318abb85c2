"""Command line: ``python -m desktop [PATH ...]`` opens the app; subcommands work headless.

* ``python -m desktop extract [PATH ...] [--format json|jsonl|csv|parquet] [-o FILE|DIR] [--jobs N]
  [--cache DIR] [--dask ADDRESS] [--project FILE] [--no-merge]`` — every event with
  ``cluster_id``/``cluster_size`` (events that report one happening share one); a PATH that is
  an event store is read as it is
* ``python -m desktop dates [--ref YYYY-MM-DD] [TEXT ... | -]``
* ``python -m desktop export-pdf [PATH ...] (--ids ID,... | [--from D] [--to D] [--category C]
  [--query TEXT]) [--project FILE] -o out.pdf`` — the event brief as a PDF (exit 2 when nothing matched)
* ``python -m desktop export [PATH ...] [--format csv|xlsx|json|timelinejs|ics|png|svg] (same
  selection as export-pdf) [--lanes article|category|single] [--size WxH] [--project FILE] -o FILE``
  — the chosen events in a format people pass timelines on in (the format from ``-o``'s suffix
  when not given; exit 2 when nothing matched, or no event is known to the day for ``ics``)

``--project FILE`` applies the user's corrections kept in a project file (edits, hidden and
manual events, publication dates; :mod:`desktop.core.project`): hidden events are left out.

Exit codes: 0 success (``extract``: at least one article read), 1 the output could not be
written, 2 bad usage, no article could be read or an event store could not be read, 3 the
Dask cluster could not be reached or failed during the run (or a worker process died). Problems with single files are reported
on stderr, one line each, and the rest is still processed.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

SUBCOMMANDS = ("extract", "dates", "export-pdf", "export")


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"not a number of processes (1 or more): {value!r}")
    return number


def _parse_day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from None


def _load_project(path: str | None):
    """The project named by ``--project`` (None if none); ProjectError/OSError as one line."""
    if path is None:
        return None
    from desktop.core.project import Project, ProjectError

    try:
        return Project.load(Path(path))
    except FileNotFoundError:
        raise ProjectError("project-missing", path=str(path)) from None


def _apply_project(corpus, project) -> None:
    """Apply the project's corrections to the corpus events; hidden events are dropped."""
    if project is None:
        return
    from desktop.core.project import apply_project, describe

    applied = apply_project(corpus, project.corrections)
    for correction in applied.unplaced:
        print(f"desktop: {describe(correction)}", file=sys.stderr)
    corpus.events = applied.frame[~applied.frame["hidden"]]


def _extraction(args: argparse.Namespace, max_bytes: int, then=None):  # noqa: ANN001, ANN202 - Corpus
    """The corpus of ``args.paths``: an event store read as it is, else extracted (``--dask``
    on a cluster; else with ``--jobs`` processes and the ``--cache`` folder, when given).
    ``then(corpus)``: work on the extracted corpus that does not read its key terms, done by
    :func:`~desktop.core.events.corpus.extract` while they are weighed; a corpus read
    otherwise is returned without it (the caller does it)."""
    from desktop.core.events.corpus import extract
    from desktop.core.events.parallel import default_jobs
    from desktop.core.store.layout import is_store

    if len(args.paths) == 1 and is_store(args.paths[0]):
        from desktop.core.store.parquet import read_store

        return read_store(args.paths[0])
    if getattr(args, "dask", None):
        from desktop.core.events.cluster import extract_on_dask

        return extract_on_dask(args.paths or None, args.dask, max_bytes=max_bytes)
    jobs = getattr(args, "jobs", None) or default_jobs()
    if getattr(args, "cache", None) is None:
        return extract(args.paths or None, max_bytes=max_bytes, jobs=jobs, then=then)
    from desktop.core.store.cache import ExtractionCache

    with ExtractionCache(args.cache, log=lambda line: print(f"desktop: {line}", file=sys.stderr)) as cache:
        return extract(args.paths or None, max_bytes=max_bytes, jobs=jobs, cache=cache, then=then)


def _read_corpus(args: argparse.Namespace, max_bytes: int | None = None,
                 merge: bool | None = None):  # noqa: ANN202 - Corpus | int
    """Project, extraction and the per-file report shared by ``extract`` and ``export-pdf``.
    ``merge`` (True, or False for ``--no-merge``) adds ``cluster_id`` and ``cluster_size``.

    Returns the corrected corpus, or an exit code when nothing usable was read.
    """
    from desktop.core.reading.reader import DEFAULT_MAX_BYTES

    project = None
    if args.project is not None:
        # imported only then: the project's code imports pandas, 0.4 s that would keep the
        # worker processes from starting
        from desktop.core.project import ProjectError

        try:
            project = _load_project(args.project)
        except ProjectError as exc:
            print(f"desktop: {exc}", file=sys.stderr)
            return 2
    from desktop.core.events.cluster import ClusterError
    from desktop.core.events.parallel import WorkerError
    from desktop.core.store.layout import StoreError

    merged: list[bool] = []

    def merge_while_weighed(corpus) -> None:  # noqa: ANN001 - Corpus
        # without a project nothing between the extraction and the merging reads the key
        # terms: the merging runs while a worker process weighs them
        if corpus.documents:
            _cluster(corpus, None, bool(merge))
        merged.append(True)

    then = merge_while_weighed if merge is not None and project is None else None
    try:
        corpus = _extraction(args, max_bytes or DEFAULT_MAX_BYTES, then)
    except (ClusterError, WorkerError, StoreError) as exc:  # one line, nothing written
        print(f"desktop: {exc}", file=sys.stderr)
        return 3 if isinstance(exc, ClusterError | WorkerError) else 2
    for problem in corpus.problems:
        print(f"desktop: skipped {problem.path}: {problem.reason}", file=sys.stderr)
    for warning in corpus.warnings:
        print(f"desktop: warning {warning.path}: {warning.reason}", file=sys.stderr)
    if not corpus.documents:
        print("desktop: no article could be read", file=sys.stderr)
        return 2
    _apply_project(corpus, project)
    if merge is not None and not merged:
        _cluster(corpus, project, merge)
    return corpus


def _cluster(corpus, project, enabled: bool) -> None:  # noqa: ANN001 - Corpus, Project
    """One happening across articles: ``cluster_id`` and ``cluster_size`` for every event,
    the project's merges and splits respected (``enabled=False``: only the user's merges)."""
    from desktop.core.project import clustered, describe

    texts = {document.name: document.text for document in corpus.documents}
    corpus.events, links = clustered(corpus.events, project.corrections if project else [], texts, enabled)
    for correction in links.unplaced:
        print(f"desktop: {describe(correction)}", file=sys.stderr)


def _extract(args: argparse.Namespace) -> int:
    corpus = _read_corpus(args, max_bytes=int(args.max_mb * 1_000_000), merge=not args.no_merge)
    if isinstance(corpus, int):
        return corpus
    # imported now, not before the extraction: the worker processes start sooner
    from desktop.core.atomic import write_pieces_atomic
    from desktop.core.export.serialize import csv_pieces, json_pieces, jsonl_pieces

    if args.format == "parquet":
        return _write_store(corpus, args.output)
    # written as they are made: the whole text of an archive's events was as big as the archive
    pieces = {"json": json_pieces, "jsonl": jsonl_pieces, "csv": lambda c: csv_pieces(c.events)}[args.format](corpus)
    if args.output in (None, "-"):
        for piece in pieces:
            sys.stdout.write(piece)
        return 0
    try:
        write_pieces_atomic(Path(args.output), pieces)
    except OSError as exc:
        print(f"desktop: cannot write {args.output}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    print(
        f"{len(corpus.events)} events from {len(corpus.articles)} articles written to {args.output}",
        file=sys.stderr,
    )
    return 0


def _write_store(corpus, output: str | None) -> int:  # noqa: ANN001 - Corpus
    from desktop.core.store.parquet import StoreError, write_store

    if output in (None, "-"):
        print("desktop: --format parquet writes a folder: give -o DIR", file=sys.stderr)
        return 2
    try:
        count = write_store(corpus, Path(output))
    except (StoreError, OSError) as exc:
        print(f"desktop: cannot write {output}: {getattr(exc, 'strerror', None) or exc}", file=sys.stderr)
        return 1
    print(f"{count} events from {len(corpus.articles)} articles written to the store {output}", file=sys.stderr)
    return 0


def _mentions(text: str, ref: date) -> list:
    """Mentions in running text; failing any, the whole input read as one expression
    (a bare ``2018`` or ``24年`` is a year only when it stands alone)."""
    from desktop.core.dates import find_dates, parse_date

    found = find_dates(text, ref)
    if not found:
        whole = parse_date(text, ref)
        if whole is not None:
            found = [whole]
    return found


def _dates(args: argparse.Namespace) -> int:
    ref = args.ref or date.today()
    texts: Sequence[str] = args.texts
    if list(texts) == ["-"]:
        texts = (line.rstrip("\n") for line in sys.stdin)  # type: ignore[assignment]
    out = sys.stdout
    for text in texts:
        found = [
            {
                "date_text": m.text,
                "date_span": list(m.span),
                "start": m.start.isoformat(),
                "end": m.end.isoformat(),
                "precision": m.precision,
                "edtf": m.edtf,
                "tense": m.tense,
                "kind": m.kind,
            }
            for m in _mentions(text, ref)
        ]
        out.write(json.dumps({"text": text, "dates": found}, ensure_ascii=False) + "\n")
    return 0


def _corpus_name(paths: Sequence[str]) -> str:
    if not paths:
        return "seeds"
    return ", ".join(Path(p).name or str(p) for p in paths)


def _selection_conflict(args: argparse.Namespace) -> bool:
    if args.ids is not None and (args.date_from or args.date_to or args.category or args.query):
        print("desktop: --ids cannot be combined with --from/--to/--category/--query", file=sys.stderr)
        return True
    if args.query:
        from desktop.core.text.search import parse_query

        query = parse_query(args.query)
        if query.error_code:  # said before the corpus is read, as the window says it beside the box
            print(f"desktop: --query: {query.error('en')}", file=sys.stderr)
            return True
    return False


def _select(args: argparse.Namespace, events) -> list[str]:  # noqa: ANN001 - DataFrame
    """The ids chosen by ``--ids`` (unknown ones reported) or by the filters."""
    from desktop.core.events.filters import EventFilter

    if args.ids is not None:
        ids = [i.strip() for i in args.ids.split(",") if i.strip()]
        known = set(events["id"].astype(str))
        unknown = [i for i in ids if i not in known]
        if unknown:
            print(f"desktop: unknown event id(s): {', '.join(unknown)}", file=sys.stderr)
        return [i for i in ids if i in known]
    event_filter = EventFilter(
        query=args.query or "", categories=frozenset(args.category or ()),
        date_from=args.date_from, date_to=args.date_to,
    )
    return events["id"][event_filter.mask(events)].astype(str).tolist()


def _read_and_select(args: argparse.Namespace, merge: bool | None = None):  # noqa: ANN202 - (events, ids) or an exit code
    """The corpus's events and the ids the selection options choose; an exit code instead
    when the options conflict, the corpus cannot be read or nothing matched."""
    if _selection_conflict(args):
        return 2
    corpus = _read_corpus(args, merge=merge)
    if isinstance(corpus, int):
        return corpus
    selected = _select(args, corpus.events)
    if not selected:
        print("desktop: no event matched; nothing exported", file=sys.stderr)
        return 2
    return corpus.events, selected


def _export_pdf(args: argparse.Namespace) -> int:
    import os

    chosen = _read_and_select(args, merge=True)
    if isinstance(chosen, int):
        return chosen
    events, selected = _merged_items(*chosen)  # the brief cites every source of a happening
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(["desktop"])  # noqa: F841 (kept alive)
    from desktop.gui.pdf_export import PdfExportError, export_pdf

    try:
        export_pdf(events, selected, args.output, _corpus_name(args.paths))
    except PdfExportError as exc:
        print(f"desktop: {exc}", file=sys.stderr)
        return 1
    print(f"{len(selected)} events → {args.output}", file=sys.stderr)
    return 0


def _merged_items(events, selected: list[str]):  # noqa: ANN001, ANN202 - DataFrame
    """One row per happening, and the items the selected events belong to (in order, once)."""
    from desktop.core.events.merge import collapse_clusters, item_sources

    items = collapse_clusters(events)
    merged = items[items["sources"].notna().to_numpy()]
    item_of = {str(source["id"]): str(row["id"]) for _, row in merged.iterrows() for source in item_sources(row)}
    return items, list(dict.fromkeys(item_of.get(i, i) for i in selected))


IMAGE_SUFFIXES = {".png": "png", ".svg": "svg"}


def _parse_size(value: str) -> tuple[int, int]:
    try:
        width, height = (int(v) for v in value.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a size (WIDTHxHEIGHT): {value!r}") from None
    if not (420 <= width <= 20000 and 200 <= height <= 20000):
        raise argparse.ArgumentTypeError(f"size out of range (420x200 to 20000x20000): {value!r}")
    return width, height


def _export_image(events, ids: list[str], args: argparse.Namespace, fmt: str) -> int:  # noqa: ANN001
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSize
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(["desktop"])  # noqa: F841 (kept alive)
    from desktop.core.atomic import write_bytes_atomic
    from desktop.core.export.formats import export_events
    from desktop.gui.fonts import install_application_font
    from desktop.gui.image_export import render_events

    install_application_font(app)
    chosen = export_events(events, ids)
    if chosen.empty:
        print("desktop: no event matched; nothing exported", file=sys.stderr)
        return 2
    width, height = args.size
    data = render_events(chosen, fmt, QSize(width, height), args.lanes, _corpus_name(args.paths))
    try:
        write_bytes_atomic(Path(args.output), data)
    except OSError as exc:
        print(f"desktop: cannot write {args.output}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    print(f"{len(chosen)} events → {args.output}", file=sys.stderr)
    return 0


def _export(args: argparse.Namespace) -> int:
    from desktop.core.export.formats import FORMATS, format_for_path, write_export

    fmt = args.format or IMAGE_SUFFIXES.get(Path(args.output).suffix.lower()) or format_for_path(args.output)
    if fmt is None:
        print(f"desktop: cannot tell the format from {args.output!r}; give --format", file=sys.stderr)
        return 2
    chosen = _read_and_select(args)
    if isinstance(chosen, int):
        return chosen
    events, selected = chosen
    if fmt not in FORMATS:
        return _export_image(events, selected, args, fmt)
    try:
        result = write_export(fmt, events, args.output, selected, title=_corpus_name(args.paths),
                              lanes=args.lanes)
    except ValueError as exc:
        lacking = FORMATS[fmt].lacking
        reason = ("no event is known to the day" if lacking == "day"
                  else "no event has a known year" if lacking == "year" else str(exc))
        print(f"desktop: {reason}; nothing exported", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"desktop: cannot write {args.output}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    lacking = "with no known year" if result.lacking == "year" else "not known to the day"
    left_out = f" ({result.left_out} {lacking} left out)" if result.left_out else ""
    print(f"{result.written} events → {args.output}{left_out}", file=sys.stderr)
    return 0


def _add_selection(command: argparse.ArgumentParser) -> None:
    """The options that choose events, the same for every export."""
    command.add_argument("paths", nargs="*", help="files or folders (default: the bundled seeds)")
    command.add_argument("--ids", metavar="ID,...", help="comma-separated event ids (instead of filters)")
    command.add_argument("--from", dest="date_from", type=_parse_day, metavar="YYYY-MM-DD",
                         help="events ending on or after this day")
    command.add_argument("--to", dest="date_to", type=_parse_day, metavar="YYYY-MM-DD",
                         help="events starting on or before this day")
    command.add_argument("--category", action="append", metavar="C",
                         help="keep this category (repeatable)")
    command.add_argument("--query", metavar="TEXT", help="a search as typed in the window: words (all must occur), A OR B, -word, \"exact phrase\", place:天津 / 地点:天津, category:签约, source:人民日报, dates such as 2023年 or 2020-2022")
    command.add_argument("--project", metavar="FILE", help="apply the corrections of this project file")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m desktop", description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    extract = sub.add_parser("extract", help="extract dated events from articles (default: the bundled seeds)")
    extract.add_argument("paths", nargs="*", help="files or folders (.txt, .md, .html)")
    extract.add_argument("--format", choices=("json", "jsonl", "csv", "parquet"), default="json",
                         help="parquet: a partitioned event store, a folder (-o DIR) the app opens")
    extract.add_argument("-o", "--output", help="output file (default: standard output)")
    extract.add_argument("--jobs", type=_positive, metavar="N", help="worker processes (default: one per core)")
    extract.add_argument("--cache", metavar="DIR", help="keep and reuse extraction results in DIR (default: off)")
    extract.add_argument("--dask", metavar="ADDRESS",
                         help="extract on a Dask cluster: its scheduler (tcp://host:8786) or local:N")
    extract.add_argument("--max-mb", type=float, default=10.0, metavar="MB",
                         help="skip files larger than this (default: 10 MB)")
    extract.add_argument("--project", metavar="FILE", help="apply the corrections of this project file")
    extract.add_argument("--no-merge", action="store_true",
                         help="do not merge events that report one happening (each event its own cluster_id)")
    extract.set_defaults(run=_extract)
    dates = sub.add_parser("dates", help="show what the engine makes of date expressions")
    dates.add_argument("--ref", type=_parse_day, help="reference date YYYY-MM-DD (default: today)")
    dates.add_argument("texts", nargs="*", default=["-"], help="texts, or - to read lines from stdin")
    dates.set_defaults(run=_dates)
    pdf = sub.add_parser("export-pdf", help="write a PDF brief of the selected events")
    _add_selection(pdf)
    pdf.add_argument("-o", "--output", required=True, help="the PDF file to write")
    pdf.set_defaults(run=_export_pdf)
    export = sub.add_parser("export", help="write the selected events as CSV, Excel, JSON, TimelineJS, "
                                           "iCalendar, or the timeline as PNG/SVG")
    _add_selection(export)
    export.add_argument("--format", choices=("csv", "xlsx", "json", "timelinejs", "ics", "png", "svg"),
                        help="default: from the output's suffix (.json is plain JSON)")
    export.add_argument("--lanes", choices=("article", "category", "single"), default="article",
                        help="TimelineJS groups and image lanes (default: one per article)")
    export.add_argument("--size", type=_parse_size, default=(1600, 900), metavar="WxH",
                        help="image size in pixels (png, svg; default: 1600x900)")
    export.add_argument("-o", "--output", required=True, help="the file to write")
    export.set_defaults(run=_export)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] in SUBCOMMANDS or argv[:1] in (["-h"], ["--help"]):
        args = build_parser().parse_args(argv)
        from desktop.core import collector

        collector.install()  # the corpus read is not walked again by every full collection
        try:
            return args.run(args)
        except BrokenPipeError:
            return 0
        except KeyboardInterrupt:
            return 130
    from desktop.gui.app import run_app

    return run_app(argv)
