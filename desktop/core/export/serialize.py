"""Plain-data views of a corpus for the CLI and exports (JSON, JSON lines, CSV)."""

from __future__ import annotations

import csv
import io
import json
import math
from typing import Any

import pandas as pd

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


def fields_of(frame: pd.DataFrame) -> list[str]:
    """The columns of a flat export of ``frame``: the event fields, then the cluster fields when it has them."""
    return EVENT_FIELDS + [f for f in CLUSTER_FIELDS if f in frame.columns]


def _day(value: Any) -> str | None:
    if value is None or (isinstance(value, float) and math.isnan(value)) or pd.isna(value):
        return None
    return pd.Timestamp(value).date().isoformat()  # zero-padded: 0100-01-01, not 100-01-01


def _text(value: Any) -> str | None:
    return None if value is None or pd.isna(value) else str(value)


def event_records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """Events of the DataFrame as JSON-ready dicts, in the frame's order."""
    records = []
    clustered = "cluster_id" in frame.columns and "cluster_size" in frame.columns
    for row in frame.itertuples(index=False):
        records.append({
            "id": row.id,
            "file": row.file,
            "article_id": row.article_id,
            "article_title": _text(row.article_title),
            "outlet": _text(row.outlet),
            "published": _day(row.published),
            "published_edtf": _text(row.published_edtf),
            "published_basis": _text(row.published_basis),
            "published_confidence": float(row.published_confidence),
            "start": _day(row.start),
            "end": _day(row.end),
            "precision": row.precision,
            "edtf": row.edtf,
            "tense": row.tense,
            "resolved_against": row.resolved_against,
            "date_text": row.date_text,
            "date_span": [int(row.date_start), int(row.date_end)],
            "sentence": row.sentence,
            "sentence_span": [int(row.sentence_start), int(row.sentence_end)],
            "title": row.title,
            "category": row.category,
            "places": list(row.places),
            "orgs": list(row.orgs),
            "amounts": list(row.amounts),
            "keyterms": list(row.keyterms),
            "origin": str(getattr(row, "origin", "extracted")),
            "hidden": bool(getattr(row, "hidden", False)),
        })
        if clustered:
            records[-1]["cluster_id"] = str(row.cluster_id)
            records[-1]["cluster_size"] = int(row.cluster_size)
    return records


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
        "problems": [{"file": str(p.path), "reason": p.reason} for p in corpus.problems],
    }


def to_json(corpus: Corpus) -> str:
    return json.dumps(corpus_json(corpus), ensure_ascii=False, indent=2) + "\n"


def to_jsonl(corpus: Corpus) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in event_records(corpus.events))


def flat_records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """Events as one flat row each (the CSV layout, also the spreadsheet export's): lists
    joined with ``|``, amounts as JSON, spans as ``start-end``."""
    rows = []
    for record in event_records(frame):
        row = dict(record)
        for key in ("places", "orgs", "keyterms"):
            row[key] = "|".join(row[key])
        row["amounts"] = json.dumps(row["amounts"], ensure_ascii=False)
        row["date_span"] = f"{row['date_span'][0]}-{row['date_span'][1]}"
        row["sentence_span"] = f"{row['sentence_span'][0]}-{row['sentence_span'][1]}"
        rows.append(row)
    return rows


def events_csv(frame: pd.DataFrame) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=fields_of(frame), lineterminator="\n")
    writer.writeheader()
    writer.writerows(flat_records(frame))
    return buffer.getvalue()


def to_csv(corpus: Corpus) -> str:
    return events_csv(corpus.events)
