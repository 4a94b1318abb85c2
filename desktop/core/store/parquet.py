"""The Parquet event store: a corpus as a folder of Parquet files, partitioned, typed, re-openable.

``extract --format parquet -o DIR`` writes it; the app and :func:`read_store` open it
without extracting anything. Layout::

    DIR/store.json                  {"schema", "version", "engine", "events", "problems"}
    DIR/events/year=2024/part-0.parquet …   the events table, one partition per start year
    DIR/articles.parquet            the articles: metadata, corpus key terms and their spans
    DIR/documents.parquet           the decoded texts (the source view shows them)

The events keep the columns and types of :mod:`desktop.core.events.table` (lists as
``list<string>``, amounts as JSON text, categories as dictionary-encoded strings) plus
``row``, their place in the table, so reading the partitions back gives the same table in
the same order. A store is written into a temporary folder beside ``DIR`` and renamed onto
it: readers see the old store or the whole new one. Reading checks the manifest and every
column's presence and type; a store that fails is a :class:`StoreError` naming what is wrong.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from desktop.core.collector import collector_paused
from desktop.core.events.table import COLUMNS, ORIGINS, PRECISIONS, TENSES
from desktop.core.reading.reader import Problem
from desktop.core.store.layout import MANIFEST, SCHEMA, VERSION, StoreError, is_store  # noqa: F401 - also named here

if TYPE_CHECKING:
    import pyarrow as pa
    import pyarrow.dataset as ds

    from desktop.core.events.corpus import Corpus


_STRING = ["id", "article_id", "file", "article_title", "outlet", "published_edtf", "published_basis", "edtf",
           "resolved_against", "date_text", "sentence", "title"]
_DAYS = ["published", "start", "end"]
_INTS = ["date_start", "date_end", "sentence_start", "sentence_end"]
_CATEGORIES = {"precision": PRECISIONS, "tense": TENSES, "origin": ORIGINS}
_LISTS = ["places", "orgs", "keyterms"]
#: Kept when present: the clusters a merged corpus's events were given (the app opens a
#: store without merging a million events again).
CLUSTER = "cluster_id"


def events_to_arrow(frame: pd.DataFrame) -> pa.Table:
    """The events table as an Arrow table of the store's columns and types (plus ``row``, its
    place in the table, ``year``, its partition, and ``cluster_id`` when it was merged)."""
    import pyarrow as pa

    columns: dict[str, pa.Array] = {}
    for name in COLUMNS:
        values = frame[name]
        if name in _STRING:
            columns[name] = pa.array(values.astype(object).where(values.notna(), None).tolist(), pa.string())
        elif name in _DAYS:
            columns[name] = pa.array(values.to_numpy(dtype="datetime64[s]"), pa.timestamp("s"))
        elif name in _INTS:
            columns[name] = pa.array(values.to_numpy(dtype="int64"), pa.int64())
        elif name == "published_confidence":
            columns[name] = pa.array(values.to_numpy(dtype="float64"), pa.float64())
        elif name == "hidden":
            columns[name] = pa.array(values.to_numpy(dtype=bool), pa.bool_())
        elif name in _LISTS:
            columns[name] = pa.array([list(v) for v in values], pa.list_(pa.string()))
        elif name == "amounts":
            columns[name] = pa.array([json.dumps(list(v), ensure_ascii=False) for v in values], pa.string())
        else:  # precision, tense, category, origin: categories
            columns[name] = pa.array(values.astype(object).tolist(), pa.string()).dictionary_encode()
    if CLUSTER in frame:  # the merging's clusters, when the corpus was merged (extract without --no-merge)
        values = frame[CLUSTER]
        columns[CLUSTER] = pa.array(values.astype(object).where(values.notna(), None).tolist(), pa.string())
    columns["row"] = pa.array(np.arange(len(frame), dtype="int64"))
    # NaT starts would make a partition named "null"; events always have a start
    columns["year"] = pa.array(frame["start"].dt.year.fillna(0).astype("int64").to_numpy())
    return pa.table(columns)


def _article_rows(corpus: Corpus) -> pa.Table:
    import pyarrow as pa

    rows = []
    for info in corpus.articles:
        article = info.article
        rows.append({
            "id": article.id, "file": article.file, "span_start": article.span[0], "span_end": article.span[1],
            "title": info.title,
            "article": json.dumps({
                "title": article.title, "title_basis": article.title_basis, "outlet": article.outlet,
                "outlet_basis": article.outlet_basis, "published": asdict(article.published),
                "kind": article.kind, "excluded": [list(r) for r in article.excluded], "site": article.site,
                "author": article.author,
            }, ensure_ascii=False),
            "keyterms": json.dumps([[t.term, t.weight, t.count] for t in info.keyterms], ensure_ascii=False),
            "term_spans": json.dumps([list(s) for s in info.term_spans], ensure_ascii=False),
        })
    return pa.Table.from_pylist(rows, schema=pa.schema([
        ("id", pa.string()), ("file", pa.string()), ("span_start", pa.int64()), ("span_end", pa.int64()),
        ("title", pa.string()), ("article", pa.string()), ("keyterms", pa.string()), ("term_spans", pa.string()),
    ]))


def _document_rows(corpus: Corpus) -> pa.Table:
    import pyarrow as pa

    rows = [{
        "name": doc.name, "path": str(doc.path), "text": doc.text, "encoding": doc.encoding, "sha256": doc.sha256,
        "replaced_bytes": doc.replaced_bytes, "page": json.dumps(asdict(doc.page), ensure_ascii=False) if doc.page else None,
    } for doc in corpus.documents]
    return pa.Table.from_pylist(rows, schema=pa.schema([
        ("name", pa.string()), ("path", pa.string()), ("text", pa.large_string()), ("encoding", pa.string()),
        ("sha256", pa.string()), ("replaced_bytes", pa.int64()), ("page", pa.string()),
    ]))


def write_store(corpus: Corpus, folder: Path | str) -> int:
    """Write the corpus as an event store at ``folder`` (replacing a store there; any other
    existing folder is refused with :class:`StoreError`). Returns the number of events."""
    import pyarrow.dataset as ds
    import pyarrow.parquet as pq

    from desktop.core.store.version import engine_version

    folder = Path(folder)
    if folder.exists() and not (folder.is_dir() and (is_store(folder) or not any(folder.iterdir()))):
        raise StoreError(f"{folder} exists and is not an event store; not overwritten")
    folder.parent.mkdir(parents=True, exist_ok=True)
    temp = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", suffix=".tmp", dir=folder.parent))
    try:
        events = events_to_arrow(corpus.events)
        ds.write_dataset(events, temp / "events", format="parquet", partitioning=["year"],
                         partitioning_flavor="hive", basename_template="part-{i}.parquet",
                         existing_data_behavior="error", preserve_order=True)
        pq.write_table(_article_rows(corpus), temp / "articles.parquet")
        pq.write_table(_document_rows(corpus), temp / "documents.parquet")
        manifest = {"schema": SCHEMA, "version": VERSION, "engine": engine_version(), "events": len(corpus.events),
                    "problems": [{"path": str(p.path), "code": p.code, "params": p.params} for p in corpus.problems]}
        (temp / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1, default=str), encoding="utf-8")
        os.chmod(temp, 0o777 & ~_umask())
        if folder.exists():
            old = folder.with_name(f".{folder.name}.old-{os.getpid()}")
            os.replace(folder, old)
            try:
                os.replace(temp, folder)
            except BaseException:
                os.replace(old, folder)  # the user's store back where it was
                raise
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(temp, folder)
    except BaseException:
        shutil.rmtree(temp, ignore_errors=True)
        raise
    return len(corpus.events)


def _umask() -> int:
    from desktop.core.atomic import current_umask

    return current_umask()


def _expect(schema: pa.Schema, name: str, check, wanted: str, where: str) -> None:  # noqa: ANN001
    if name not in schema.names:
        raise StoreError(f"{where}: column {name!r} is missing")
    kind = schema.field(name).type
    if not check(kind):
        raise StoreError(f"{where}: column {name!r} is {kind}, expected {wanted}")


def check_events(table: pa.Schema, where: str) -> None:
    import pyarrow.types as t

    def stringy(kind) -> bool:  # noqa: ANN001
        return t.is_string(kind) or t.is_large_string(kind)

    for name in _STRING + ["amounts"]:
        _expect(table, name, stringy, "string", where)
    for name in _DAYS:
        _expect(table, name, t.is_timestamp, "timestamp", where)
    for name in [*_INTS, "row"]:
        _expect(table, name, t.is_integer, "integer", where)
    _expect(table, "published_confidence", t.is_floating, "float", where)
    _expect(table, "hidden", t.is_boolean, "bool", where)
    for name in _LISTS:
        _expect(table, name, lambda k: (t.is_list(k) or t.is_large_list(k)) and stringy(k.value_type),
                "list<string>", where)
    for name in [*_CATEGORIES, "category"]:
        _expect(table, name, lambda k: stringy(k) or (t.is_dictionary(k) and stringy(k.value_type)),
                "string or dictionary<string>", where)
    if CLUSTER in table.names:
        _expect(table, CLUSTER, stringy, "string", where)


#: Joins a list's strings into one text, to find the lists that are alike in Arrow (no
#: place, organization or key term holds it; a column where one does is read one list at a time).
_JOIN = "\x1f"


def _lists(column: pa.ChunkedArray) -> np.ndarray | list[list[str]]:
    """A ``list<string>`` column as Python lists. Rows holding the same list share one list
    object (the table's values are read, never changed in place): of a million events most
    lists are empty or repeat, and making one Python list per row took 4 s."""
    import pyarrow.compute as pc

    array = column.combine_chunks() if column.num_chunks != 1 else column.chunk(0)
    if not len(array):
        return []
    flat = array.flatten()
    if len(flat) and (pc.any(pc.match_substring(flat, _JOIN)).as_py() or pc.min(pc.utf8_length(flat)).as_py() == 0):
        return _lists_one_by_one(array)  # a string that cannot be joined and split again
    encoded = pc.dictionary_encode(pc.binary_join(array, _JOIN))  # a missing list stays missing
    lists = [text.split(_JOIN) if text else [] for text in encoded.dictionary.to_pylist()]
    lists.append([])  # for a missing list
    return _shared(lists, encoded.indices.fill_null(len(lists) - 1))


def _shared(values: list[Any], indices: pa.Array) -> np.ndarray:
    """``values[i]`` for every index, as an object array whose rows share the values: numpy's
    take, not a Python list per row (a million rows, four list columns: a second saved)."""
    table = np.fromiter(values, dtype=object, count=len(values))  # np.array would nest the lists
    return table[indices.to_numpy(zero_copy_only=False)]


def _lists_one_by_one(array: pa.Array) -> list[list[str]]:
    values = array.flatten().to_pylist()
    offsets = array.offsets.to_numpy() - array.offsets[0].as_py()
    return [values[a:b] for a, b in zip(offsets[:-1].tolist(), offsets[1:].tolist(), strict=True)]


def _in_table_order(dataset: ds.Dataset) -> pa.Table:
    """The events of every partition, the partitions in the order of their first ``row``
    (each is written in table order; their years do not give it: events without a start are
    last in the table and in partition 0), so the rows come back in table order without
    sorting a million rows again. Read several at once: Arrow decodes without the GIL."""
    from concurrent.futures import ThreadPoolExecutor

    import pyarrow as pa

    fragments = list(dataset.get_fragments())
    with ThreadPoolExecutor(max_workers=max(1, min(8, os.cpu_count() or 1))) as pool:
        tables = list(pool.map(lambda fragment: fragment.to_table(schema=dataset.schema), fragments))
    tables = [table for table in tables if table.num_rows]
    tables.sort(key=lambda table: table.column("row")[0].as_py())
    return pa.concat_tables(tables) if tables else dataset.to_table()


def _amounts(column: pa.ChunkedArray) -> np.ndarray | list[list[dict]]:
    """The amounts column's JSON texts as lists of dicts, each distinct text decoded once:
    rows holding the same text share its list (read, never changed in place; see :func:`_lists`)."""
    import pyarrow.compute as pc

    array = column.combine_chunks() if column.num_chunks != 1 else column.chunk(0)
    if not len(array):
        return []
    encoded = pc.dictionary_encode(array)
    decoded = [json.loads(text) if text and text != "[]" else [] for text in encoded.dictionary.to_pylist()]
    decoded.append([])  # for a missing text
    return _shared(decoded, encoded.indices.fill_null(len(decoded) - 1))


def _categorical(column: pa.ChunkedArray, known: list[str]) -> pd.Categorical:
    """A dictionary-encoded (or plain) string column as a categorical of the ``known`` values
    (others become missing, as ``pd.Categorical`` makes them), mapped through the dictionary
    rather than value by value."""
    import pyarrow as pa

    array = column.combine_chunks() if column.num_chunks != 1 else column.chunk(0)
    if not pa.types.is_dictionary(array.type):
        return pd.Categorical(array.to_pylist(), categories=known)
    position = {value: i for i, value in enumerate(known)}
    lookup = np.array([position.get(v, -1) for v in array.dictionary.to_pylist()] + [-1], dtype="int64")
    indices = array.indices.fill_null(len(lookup) - 1).to_numpy()
    return pd.Categorical.from_codes(lookup[indices], categories=known)


def events_from_arrow(table: pa.Table) -> pd.DataFrame:
    """The events table of an Arrow table :func:`events_to_arrow` made (its schema checked
    by :func:`check_events`), with the dtypes :mod:`desktop.core.events.table` gives."""
    from desktop.core.events.categories import categories

    rows = table.column("row").to_numpy()
    if len(rows) > 1 and not bool(np.all(rows[1:] > rows[:-1])):
        table = table.sort_by("row")  # partitions come back in the order of their names
    data: dict[str, object] = {}
    for name in COLUMNS:
        column = table.column(name)
        if name in _STRING:
            data[name] = pd.array(column, dtype=pd.StringDtype())
        elif name in _DAYS:
            data[name] = column.to_numpy().astype("datetime64[s]")
        elif name in _INTS:
            data[name] = column.to_numpy().astype("int64")
        elif name == "published_confidence":
            data[name] = column.to_numpy().astype("float64")
        elif name == "hidden":
            data[name] = column.to_numpy(zero_copy_only=False).astype(bool)
        elif name in _LISTS:
            data[name] = pd.Series(_lists(column), dtype=object)
        elif name == "amounts":
            data[name] = pd.Series(_amounts(column), dtype=object)
        else:
            data[name] = _categorical(column, categories() if name == "category" else _CATEGORIES[name])
    # the columns as they are, not stacked into blocks: a copy that held the GIL (and so the
    # window) ~90 ms for a million events
    frame = pd.DataFrame(data, columns=COLUMNS, copy=False)
    if CLUSTER in table.column_names:
        frame[CLUSTER] = pd.array(table.column(CLUSTER), dtype=pd.StringDtype())
    frame.index = pd.Index(frame["id"], name="event")
    return frame


def read_store(folder: Path | str) -> Corpus:
    """The corpus kept in the store at ``folder``; :class:`StoreError` when it is not one,
    is of a newer version, or a table or column is missing or of the wrong type."""
    import pyarrow as pa
    import pyarrow.dataset as ds
    import pyarrow.parquet as pq

    from desktop.core.events.corpus import Corpus

    folder = Path(folder)
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise StoreError(f"{folder} is not an event store (no {MANIFEST})") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise StoreError(f"{folder / MANIFEST} is unreadable: {exc}") from None
    if not isinstance(manifest, dict) or manifest.get("schema") != SCHEMA:
        raise StoreError(f"{folder} is not an event store ({MANIFEST} is another file)")
    if not isinstance(manifest.get("version"), int) or manifest["version"] > VERSION:
        raise StoreError(f"{folder} is a store of a newer version ({manifest.get('version')}); this app reads {VERSION}")
    for part in ("articles.parquet", "documents.parquet"):  # the texts that events point into
        if not (folder / part).exists():
            raise StoreError(f"{folder} is incomplete: {part} is missing")
    try:
        # a tree of objects, no cycles: not walked by the collector as it is built (a full pass
        # of a million events' objects held the window 70 ms), frozen once read
        with collector_paused():
            dataset = ds.dataset(folder / "events", format="parquet", partitioning="hive")
            check_events(dataset.schema, "events")
            events = events_from_arrow(_in_table_order(dataset))
            documents = _documents(pq.read_table(folder / "documents.parquet"))
            articles = _articles(pq.read_table(folder / "articles.parquet"), {d.name: d for d in documents})
    except StoreError:
        raise
    except (OSError, pa.ArrowException, ValueError, KeyError, TypeError) as exc:
        raise StoreError(f"{folder}: cannot read the store ({type(exc).__name__}: {exc})") from None
    if len(events) != manifest.get("events", len(events)):
        raise StoreError(f"{folder}: {len(events)} events where {MANIFEST} says {manifest.get('events')}")
    problems = [Problem(Path(p["path"]), str(p["code"]), dict(p.get("params") or {}))
                for p in manifest.get("problems", []) if isinstance(p, dict) and "path" in p and "code" in p]
    return Corpus(documents, articles, events, problems)


def _documents(table: pa.Table) -> list:
    from desktop.core.reading.reader import Document
    from desktop.core.reading.webpage import DateClue, PageInfo

    for name in ("name", "path", "text", "encoding", "sha256"):
        _expect(table.schema, name, lambda k: str(k) in ("string", "large_string"), "string", "documents")
    documents = []
    for row in table.to_pylist():
        page = None
        if row.get("page"):
            fields = json.loads(row["page"])
            fields["clues"] = tuple(DateClue(**c) for c in fields.get("clues", ()))
            fields["bylines"] = tuple(fields.get("bylines", ()))
            page = PageInfo(**fields)
        documents.append(Document(path=Path(row["path"]), text=row["text"], encoding=row["encoding"],
                                  sha256=row["sha256"], replaced_bytes=int(row.get("replaced_bytes") or 0),
                                  page=page, identity=row["name"]))
    return documents


def _articles(table: pa.Table, documents: dict) -> list:
    from desktop.core.events.perfile import ArticleInfo
    from desktop.core.reading.articles import Article
    from desktop.core.reading.published import Published
    from desktop.core.text.keyterms import KeyTerm

    for name in ("id", "file", "title", "article", "keyterms", "term_spans"):
        _expect(table.schema, name, lambda k: str(k) in ("string", "large_string"), "string", "articles")
    infos = []
    for row in table.to_pylist():
        doc = documents.get(row["file"])
        if doc is None:
            continue  # an article whose text is not in the store cannot be shown
        fields = json.loads(row["article"])
        article = Article(
            id=row["id"], doc=doc, span=(int(row["span_start"]), int(row["span_end"])), title=fields["title"],
            title_basis=fields["title_basis"], outlet=fields["outlet"], outlet_basis=fields["outlet_basis"],
            published=Published(**fields["published"]), kind=fields["kind"],
            excluded=[tuple(r) for r in fields["excluded"]], site=fields["site"], author=fields["author"],
        )
        infos.append(ArticleInfo(article, row["title"], [KeyTerm(t, w, c) for t, w, c in json.loads(row["keyterms"])],
                                 stored_spans=row["term_spans"]))
    return infos
