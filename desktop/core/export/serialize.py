"""Plain-data views of a corpus for the CLI and exports (JSON, JSON lines, CSV)."""

from __future__ import annotations

import csv
import io
import json
import math
from collections.abc import Callable, Iterator
from typing import Any

import pandas as pd

from desktop.core.distinct import per_object, per_value
from desktop.core.events.corpus import Corpus

#: Event fields in output order (documented in README).
EVENT_FIELDS = [
    "id", "file", "article_id", "article_title", "outlet", "published", "published_edtf",
    "published_basis", "published_confidence", "start", "end", "precision", "edtf", "tense",
    "resolved_against", "date_text", "date_span", "sentence", "sentence_span", "title",
    "category", "places", "orgs", "amounts", "keyterms", "origin", "hidden",
]
#: Added after them when the events were clustered (``extract``; see desktop.core.events.merge).
CLUSTER_FIELDS = ["cluster_id", "cluster_size"]


def readable_json(document: dict[str, Any]) -> str:
    """``document`` as JSON a person can read and grep: one top-level key per line, and each
    item of a list-valued key on a line of its own (``"events": [`` then one event per line).

    Why not ``json.dumps(indent=2)``: Python's C encoder only runs without ``indent``; the
    pure-Python one took 5.4 s on 100,000 events, compact records 1.0 s."""
    return "".join(readable_json_pieces(document))


def readable_json_pieces(document: dict[str, Any]) -> Iterator[str]:
    """:func:`readable_json` in pieces, to be written as they come. A value may also be an
    iterator of lists, whose items are written as one list, a list at a time: the items of
    a big list need not exist all at once."""
    dumped = json.JSONEncoder(ensure_ascii=False).encode  # one encoder, not one per item
    yield "{\n"
    for number, (key, value) in enumerate(document.items()):
        head = ("" if number == 0 else ",\n") + f"  {dumped(key)}: "
        if isinstance(value, Iterator):
            parts = value
        elif isinstance(value, list):
            parts = iter([value])
        else:
            yield head + dumped(value)
            continue
        opened = False
        for part in parts:
            if part:
                items = ",\n".join("    " + dumped(item) for item in part)
                yield (",\n" if opened else head + "[\n") + items
                opened = True
        yield "\n  ]" if opened else head + "[]"
    yield "\n}\n"


def fields_of(frame: pd.DataFrame) -> list[str]:
    """The columns of a flat export of ``frame``: the event fields, then the cluster fields when it has them."""
    return EVENT_FIELDS + [f for f in CLUSTER_FIELDS if f in frame.columns]


def _day(value: Any) -> str | None:
    if value is None or (isinstance(value, float) and math.isnan(value)) or pd.isna(value):
        return None
    return pd.Timestamp(value).date().isoformat()  # zero-padded: 0100-01-01, not 100-01-01


def _text(value: Any) -> str | None:
    return None if value is None or pd.isna(value) else str(value)


def event_columns(frame: pd.DataFrame, flat: bool = False) -> dict[str, list[Any]]:
    """The export fields of every event, column by column (``EVENT_FIELDS``, then the cluster
    fields when the frame has them), each a list of JSON-ready values in the frame's order.
    ``flat``: the CSV layout, also the spreadsheet export's: lists joined with ``|``, amounts
    as JSON, spans as ``start-end``."""
    n = len(frame)

    def column(name: str, default: Any) -> list[Any]:
        return frame[name].tolist() if name in frame.columns else [default] * n

    def span(first: str, last: str) -> list[Any]:
        pairs = zip(frame[first].astype(int).tolist(), frame[last].astype(int).tolist(), strict=True)
        return [f"{a}-{b}" for a, b in pairs] if flat else [[a, b] for a, b in pairs]

    def listed(name: str, flat_text: Callable[[list[Any]], str] = "|".join) -> list[Any]:
        # one value per distinct list object: rows of an event store share them
        make = flat_text if flat else list
        return per_object(frame[name].tolist(), lambda value: make(list(value) if value is not None else []))

    columns: dict[str, list[Any]] = {
        "id": frame["id"].tolist(),
        "file": frame["file"].tolist(),
        "article_id": frame["article_id"].tolist(),
        "article_title": per_value(frame["article_title"], _text),
        "outlet": per_value(frame["outlet"], _text),
        "published": per_value(frame["published"], _day),
        "published_edtf": per_value(frame["published_edtf"], _text),
        "published_basis": per_value(frame["published_basis"], _text),
        "published_confidence": frame["published_confidence"].astype(float).tolist(),
        "start": per_value(frame["start"], _day),
        "end": per_value(frame["end"], _day),
        "precision": frame["precision"].tolist(),
        "edtf": frame["edtf"].tolist(),
        "tense": frame["tense"].tolist(),
        "resolved_against": frame["resolved_against"].tolist(),
        "date_text": frame["date_text"].tolist(),
        "date_span": span("date_start", "date_end"),
        "sentence": frame["sentence"].tolist(),
        "sentence_span": span("sentence_start", "sentence_end"),
        "title": frame["title"].tolist(),
        "category": frame["category"].tolist(),
        "places": listed("places"),
        "orgs": listed("orgs"),
        "amounts": listed("amounts", lambda amounts: json.dumps(amounts, ensure_ascii=False)),
        "keyterms": listed("keyterms"),
        "origin": [str(v) for v in column("origin", "extracted")],
        "hidden": [bool(v) for v in column("hidden", False)],
    }
    if "cluster_id" in frame.columns and "cluster_size" in frame.columns:
        columns["cluster_id"] = [str(v) for v in frame["cluster_id"].tolist()]
        columns["cluster_size"] = frame["cluster_size"].astype(int).tolist()
    return columns


def _rows(columns: dict[str, list[Any]]) -> list[dict[str, Any]]:
    keys = list(columns)
    return [dict(zip(keys, values, strict=True)) for values in zip(*columns.values(), strict=True)]


def event_records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """Events of the DataFrame as JSON-ready dicts, in the frame's order."""
    return _rows(event_columns(frame))


def article_records(corpus: Corpus) -> list[dict[str, Any]]:
    records = []
    for info in corpus.articles:
        article = info.article
        published = article.published
        records.append({
            "id": article.id,
            "file": article.file,
            "kind": article.kind,
            "title": info.title,
            "title_basis": article.title_basis,
            "outlet": article.outlet,
            "outlet_basis": article.outlet_basis,
            "published": published.date.isoformat() if published.date else None,
            "published_edtf": published.edtf,
            "published_time": published.time,
            "published_basis": published.basis,
            "published_label": published.label,
            "published_detail": published.detail,
            "published_confidence": published.confidence,
            "site": article.site,
            "author": article.author,
            "span": list(article.span),
            "encoding": article.doc.encoding,
            "keyterms": [{"term": t.term, "weight": t.weight, "count": t.count} for t in info.keyterms],
            "keyterm_spans": [[s, e, term] for s, e, term in info.term_spans],
        })
    return records


def corpus_json(corpus: Corpus) -> dict[str, Any]:
    return {
        "articles": article_records(corpus),
        "events": event_records(corpus.events),
        "problems": _problem_records(corpus),
    }


def _problem_records(corpus: Corpus) -> list[dict[str, str]]:
    return [{"file": str(p.path), "reason": p.reason} for p in corpus.problems]


#: Events turned into output per piece of a streamed output (:func:`json_pieces`,
#: :func:`jsonl_pieces`, :func:`csv_pieces`): their Python values and text exist a piece at a
#: time. Made whole, the JSON lines text of 100,000 articles and the values it was made of
#: were a gigabyte on top of the corpus in memory.
ROWS_PER_PIECE = 10_000


def _frame_pieces(frame: pd.DataFrame) -> Iterator[pd.DataFrame]:
    for first in range(0, len(frame), ROWS_PER_PIECE):
        yield frame.iloc[first:first + ROWS_PER_PIECE]


def json_pieces(corpus: Corpus) -> Iterator[str]:
    """The corpus as readable JSON (:func:`to_json`), in pieces."""
    events = (event_records(part) for part in _frame_pieces(corpus.events))
    document = {"articles": article_records(corpus), "events": events, "problems": _problem_records(corpus)}
    return readable_json_pieces(document)


def to_json(corpus: Corpus) -> str:
    return "".join(json_pieces(corpus))


def jsonl_pieces(corpus: Corpus) -> Iterator[str]:
    """The corpus's events as JSON lines (:func:`to_jsonl`), in pieces."""
    encode = json.JSONEncoder(ensure_ascii=False).encode  # one encoder, not one per event
    for part in _frame_pieces(corpus.events):
        yield "".join(encode(record) + "\n" for record in event_records(part))


def to_jsonl(corpus: Corpus) -> str:
    return "".join(jsonl_pieces(corpus))


def flat_records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """Events as one flat row each (``event_columns(frame, flat=True)``)."""
    return _rows(event_columns(frame, flat=True))


def csv_pieces(frame: pd.DataFrame) -> Iterator[str]:
    """The events as CSV (:func:`events_csv`), in pieces: the header, then the rows a piece
    at a time."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    header_written = False
    for part in [frame] if frame.empty else _frame_pieces(frame):
        columns = event_columns(part, flat=True)
        if not header_written:
            writer.writerow(columns)
            header_written = True
        writer.writerows(zip(*columns.values(), strict=True))
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()


def events_csv(frame: pd.DataFrame) -> str:
    return "".join(csv_pieces(frame))


def to_csv(corpus: Corpus) -> str:
    return events_csv(corpus.events)
