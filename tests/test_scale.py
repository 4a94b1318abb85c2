"""Issue 10: extraction in worker processes and on a Dask cluster gives the one-process
corpus; the extraction cache reuses only what it can trust; the Parquet event store reads
back as the table it was written from and refuses what is not one."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import zlib
from pathlib import Path

import pandas as pd
import pytest
from conftest import ROOT, SEEDS

from desktop.core import collector
from desktop.core.events import parallel
from desktop.core.events.corpus import extract
from desktop.core.export.serialize import article_records, event_records
from desktop.core.store import codec
from desktop.core.store.cache import FILE_NAME, ExtractionCache
from desktop.core.store.parquet import StoreError, read_store, write_store

CORPUS = ROOT.parent / "shared" / "corpus"
#: a subset of the shared corpus of three sources (a GBK one and saved pages among them)
SUBSET = [CORPUS / "sogou_ca_gbk", CORPUS / "html_htmldate", CORPUS / "html_gerapy"]
needs_corpus = pytest.mark.skipif(not all(p.is_dir() for p in SUBSET), reason="no ../shared/corpus")


def same_corpus(a, b) -> None:
    assert event_records(a.events) == event_records(b.events)
    assert list(a.events.index) == list(b.events.index)
    assert article_records(a) == article_records(b)
    assert [str(p) for p in a.problems] == [str(p) for p in b.problems]
    assert [d.name for d in a.documents] == [d.name for d in b.documents]


@pytest.fixture(scope="module")
def subset_corpus():
    if not all(p.is_dir() for p in SUBSET):
        pytest.skip("no ../shared/corpus")
    return extract(SUBSET)


@needs_corpus
def test_worker_processes_give_the_one_process_corpus(subset_corpus, monkeypatch):
    monkeypatch.setattr(parallel, "MIN_PARALLEL_BYTES", 0)  # the subset is small: use processes anyway
    seen = []
    corpus = extract(SUBSET, jobs=2, progress=lambda done, total, label: seen.append((done, total)) or True)
    same_corpus(subset_corpus, corpus)
    assert len(corpus.events) > 300
    assert [d for d, _ in seen] == sorted(d for d, _ in seen) and seen[-1][0] == seen[-1][1]


def test_worker_processes_start_with_the_engine_loaded():
    import multiprocessing

    import worker_probe

    if "forkserver" not in multiprocessing.get_all_start_methods():
        pytest.skip("workers are spawned here: each loads the engine itself")
    names = ["trafilatura", "htmldate", "lunar_python", "desktop.core.events.pipeline", "desktop.core.events.wording"]
    tasks = [(0, names + ["pandas"]), (1, names + ["pandas"])]
    results = [item for item in parallel.run_in_processes(tasks, 2, worker_probe.loaded_modules) if item]
    assert sorted(index for index, _ in results) == [0, 1]
    # forked from a server that had them loaded — and not pandas, which no file needs
    assert all(found == [True] * len(names) + [False] for _, found in results)
    servers = [pid for pid in os.listdir("/proc") if pid.isdigit() and _parent_of(pid) == os.getpid()
               and "multiprocessing.forkserver" in _command_of(pid)]
    assert servers == []  # and the server, with all that loaded, is gone once the work is done


def _parent_of(pid: str) -> int:
    try:
        return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])
    except (OSError, IndexError, ValueError):
        return -1


def _command_of(pid: str) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


@needs_corpus
def test_results_arriving_from_workers_are_not_walked_by_the_collector(monkeypatch):
    import gc

    from desktop.core.events import corpus as corpus_module

    monkeypatch.setattr(parallel, "MIN_PARALLEL_BYTES", 0)
    # every arrival reported: results that all came within 50 ms of a look at the progress
    # (while waiting for the workers) were not, and the test saw none arrive
    monkeypatch.setattr(corpus_module, "PROGRESS_INTERVAL", 0.0)
    during: list[bool] = []

    def look(done: int, total: int, label: str) -> bool:
        if label:  # a file's result has arrived (the corpus step's looks have no label)
            during.append(gc.isenabled())
        return True

    gc.unfreeze()
    extract(SUBSET[:1], jobs=2, progress=look)
    assert during and not any(during)  # held off while the results arrived
    assert gc.isenabled()  # and on again afterwards
    assert gc.get_freeze_count() > 0  # the corpus read is out of its sight for the passes to come
    during.clear()
    extract(SUBSET[:1], jobs=2, progress=look, partial=lambda events, articles: None)
    assert during and all(during)  # views built from the stream: their garbage is collected
    during.clear()
    extract([SEEDS], progress=look)
    assert during and all(during)  # one process keeps its collector: it makes and drops its own temporaries


def test_small_files_go_to_the_workers_in_batches_a_big_one_alone(monkeypatch):
    monkeypatch.setattr(parallel, "BATCH_BYTES", 100)
    monkeypatch.setattr(parallel, "BATCH_FILES", 3)
    sizes = [500, 10, 10, 10, 10, 60, 50, 5]
    tasks = [(index, f"task {index}") for index in (0, 1, 2, 3, 4, 5, 6, 7)]
    grouped = parallel.batches(tasks, sizes)
    assert [[index for index, _ in batch] for batch in grouped] == [[0], [1, 2, 3], [4, 5, 6], [7]]
    assert [task for batch in grouped for task in batch] == tasks  # every task once, in order
    assert parallel.batches(tasks, None) == [[task] for task in tasks]
    assert parallel.run_batch(str.upper, ["a", "b"]) == ["A", "B"]


@needs_corpus
def test_cancelling_worker_processes_stops_them(monkeypatch):
    from desktop.core.events.corpus import Cancelled

    monkeypatch.setattr(parallel, "MIN_PARALLEL_BYTES", 0)
    calls = []
    with pytest.raises(Cancelled):
        extract(SUBSET, jobs=2, progress=lambda *a: calls.append(a) or len(calls) < 3)
    import multiprocessing

    assert len(calls) == 3
    assert not [p for p in multiprocessing.active_children() if p.is_alive()]  # the workers were stopped


@needs_corpus
@pytest.mark.parametrize("parts", [1, 2])
def test_work_after_the_extraction_runs_while_a_worker_weighs_the_key_terms(subset_corpus, monkeypatch, parts):
    """The key terms are weighed apart in one part per worker once the corpus is big enough
    (forced here by a small least part), with the same result as in one process."""
    import concurrent.futures

    from desktop.core.events import corpus as corpus_module
    from desktop.core.events.merge import cluster_events

    monkeypatch.setattr(parallel, "MIN_PARALLEL_BYTES", 0)
    monkeypatch.setattr(corpus_module, "WEIGHED_APART_ARTICLES", 10**9 if parts == 1 else 1)
    weighed_apart = []
    submit = concurrent.futures.ProcessPoolExecutor.submit

    def watched(pool, fn, *args, **kwargs):
        if fn is corpus_module.key_terms_task:
            weighed_apart.append(len(args[0][0]))
        return submit(pool, fn, *args, **kwargs)

    monkeypatch.setattr(concurrent.futures.ProcessPoolExecutor, "submit", watched)
    weighed_here = []
    real = corpus_module.corpus_key_terms
    monkeypatch.setattr(corpus_module, "corpus_key_terms", lambda *a, **k: weighed_here.append(1) or real(*a, **k))
    merged_tables = []

    def merge(corpus) -> None:
        corpus.events = cluster_events(corpus.events)
        merged_tables.append(corpus.events)

    corpus = extract(SUBSET, jobs=2, then=merge)
    assert weighed_here == []  # the corpus-level key terms came from a worker process
    assert len(weighed_apart) == parts and sum(weighed_apart) == len(subset_corpus.articles)
    assert len(merged_tables) == 1 and corpus.events is merged_tables[0]
    expected = cluster_events(subset_corpus.events)
    assert event_records(corpus.events) == event_records(expected)  # the key terms too
    assert article_records(corpus) == article_records(subset_corpus)
    # in one process the work follows the weighing, with the same result
    one = extract(SUBSET, jobs=1, then=merge)
    assert weighed_here and len(merged_tables) == 2
    assert event_records(one.events) == event_records(expected)


@needs_corpus
def test_a_cancel_while_a_worker_weighs_the_key_terms_stops_it(monkeypatch):
    import multiprocessing

    from desktop.core.events.corpus import Cancelled

    monkeypatch.setattr(parallel, "MIN_PARALLEL_BYTES", 0)
    ran = []
    with pytest.raises(Cancelled):
        # every file done: the next look at the progress (while the key terms are weighed) cancels
        extract(SUBSET, jobs=2, then=ran.append,
                progress=lambda done, total, label: not (ran and done == total))
    assert ran  # the work after the extraction ran, then the wait for the weighing was cancelled
    assert not [p for p in multiprocessing.active_children() if p.is_alive()]


def test_the_corpus_step_weighed_in_parts_gives_the_same_corpus_and_can_be_cancelled(monkeypatch):
    from desktop.core.events import corpus as corpus_module
    from desktop.core.events.corpus import Cancelled

    whole = extract([SEEDS])
    monkeypatch.setattr(corpus_module, "FINAL_STEP_ARTICLES", 2)  # the seeds' 9 articles in 5 parts
    looks = []
    parts = extract([SEEDS], progress=lambda done, total, label: looks.append(done == total) or True)
    same_corpus(whole, parts)
    assert [a.keyterms for a in parts.articles] == [a.keyterms for a in whole.articles]
    assert looks.count(True) >= 6  # all files done, then a look before each part and at the end
    # a cancel once every file is read stops the corpus step too
    with pytest.raises(Cancelled):
        extract([SEEDS], progress=lambda done, total, label: done < total)


def copy_seeds(folder: Path) -> Path:
    shutil.copytree(SEEDS, folder)
    return folder


def test_the_cache_reuses_unchanged_files_and_extracts_new_or_changed_ones(tmp_path):
    corpus_dir = copy_seeds(tmp_path / "news")
    lines: list[str] = []
    with ExtractionCache(tmp_path / "cache", log=lines.append) as cache:
        first = extract([corpus_dir], cache=cache)
        assert cache.hits == 0 and cache.misses == len(first.documents)
    with ExtractionCache(tmp_path / "cache", log=lines.append) as cache:
        again = extract([corpus_dir], cache=cache)
        assert cache.hits == len(first.documents) and cache.misses == 0
    same_corpus(first, again)
    assert again.articles[0].term_spans == first.articles[0].term_spans
    changed = sorted(corpus_dir.glob("*.txt"))[0]
    changed.write_text(changed.read_text(encoding="utf-8") + "\n2024年5月6日，某县茶叶交易中心开业。\n", encoding="utf-8")
    (corpus_dir / "new.txt").write_text("某县新闻\n来源：某某日报  2024-05-06\n\n5月5日，某县茶叶交易中心开业。\n",
                                        encoding="utf-8")
    with ExtractionCache(tmp_path / "cache", log=lines.append) as cache:
        third = extract([corpus_dir], cache=cache)
        assert cache.misses == 2 and cache.hits == len(first.documents) - 1
    same_corpus(third, extract([corpus_dir]))
    assert not lines


def test_files_from_the_cache_are_not_announced_one_by_one_but_new_ones_are(tmp_path):
    corpus_dir = copy_seeds(tmp_path / "news")
    with ExtractionCache(tmp_path / "cache") as cache:
        extract([corpus_dir], cache=cache)
    (corpus_dir / "zz_new.txt").write_text("某县新闻\n来源：某某日报  2024-05-06\n\n5月5日，某县茶叶交易中心开业。\n",
                                           encoding="utf-8")
    announced: list[list[str]] = []
    with ExtractionCache(tmp_path / "cache") as cache:
        corpus = extract([corpus_dir], cache=cache,
                         partial=lambda events, infos: announced.append([i.article.doc.name for i in infos]))
        assert cache.misses == 1
    # one announcement, when the new file (last in file order) came: every file by then
    assert len(announced) == 1
    assert announced[0] == [i.article.doc.name for i in corpus.articles]
    assert announced[0][-1] == "zz_new.txt"


def test_a_corrupt_cache_is_discarded_with_a_log_line(tmp_path):
    (tmp_path / "cache").mkdir()
    (tmp_path / "cache" / FILE_NAME).write_bytes(b"not a database at all" * 100)
    lines: list[str] = []
    with ExtractionCache(tmp_path / "cache", log=lines.append) as cache:
        corpus = extract([SEEDS], cache=cache)
        assert cache.hits == 0
    assert len(lines) == 1 and "discarded" in lines[0] and "unreadable" in lines[0]
    same_corpus(corpus, extract([SEEDS]))


def test_a_result_the_cache_cannot_keep_never_fails_the_extraction(tmp_path, monkeypatch):
    from desktop.core.store import codec

    def unpicklable(*_args, **_kwargs):
        raise TypeError("cannot pickle '_thread.lock' object")

    monkeypatch.setattr(codec.pickle, "dumps", unpicklable)
    lines: list[str] = []
    with ExtractionCache(tmp_path / "cache", log=lines.append) as cache:
        corpus = extract([SEEDS], cache=cache)
    assert lines and all("not kept" in line for line in lines)
    monkeypatch.undo()
    same_corpus(corpus, extract([SEEDS]))


def test_a_cache_of_another_engine_version_is_discarded(tmp_path):
    with ExtractionCache(tmp_path, engine="an older engine") as cache:
        extract([SEEDS], cache=cache)
    lines: list[str] = []
    with ExtractionCache(tmp_path, log=lines.append) as cache:
        extract([SEEDS], cache=cache)
        assert cache.hits == 0
    assert len(lines) == 1 and "another engine version" in lines[0] and "an older engine" in lines[0]


def test_a_damaged_entry_is_dropped_and_its_file_extracted_again(tmp_path):
    with ExtractionCache(tmp_path) as cache:
        reference = extract([SEEDS], cache=cache)
    db = sqlite3.connect(tmp_path / FILE_NAME)
    key, blob = db.execute("SELECT key, result FROM files ORDER BY key LIMIT 1").fetchone()
    db.execute("UPDATE files SET result = ? WHERE key = ?", (blob[:-10] + b"0123456789", key))
    ((kept,),) = db.execute("SELECT result FROM corpora").fetchall()  # the assembled corpus, kept too
    db.execute("UPDATE corpora SET result = ?", (kept[: len(kept) // 2],))
    db.commit()
    db.close()
    lines: list[str] = []
    with ExtractionCache(tmp_path, log=lines.append) as cache:
        corpus = extract([SEEDS], cache=cache)
        assert cache.misses == 1
    assert len(lines) == 2 and "kept corpus was discarded" in lines[0]
    assert "entry" in lines[1] and "discarded" in lines[1]
    same_corpus(reference, corpus)
    with ExtractionCache(tmp_path, log=lines.append) as cache:  # both are whole again
        same_corpus(reference, extract([SEEDS], cache=cache))
        assert cache.misses == 0 and len(lines) == 2


def test_a_planted_entry_cannot_run_code(tmp_path):
    import pickle

    class Payload:
        def __reduce__(self):
            return (shutil.rmtree, (str(tmp_path / "victim"),))

    (tmp_path / "victim").mkdir()
    with pytest.raises(codec.CodecError, match="may not hold shutil.rmtree"):
        codec.loads(zlib.compress(pickle.dumps(Payload())))
    assert (tmp_path / "victim").is_dir()
    with pytest.raises(codec.CodecError):
        codec.loads(b"garbage")


def test_a_file_that_changes_while_it_is_read_is_reported_not_used(tmp_path, monkeypatch):
    from desktop.core.events import perfile

    folder = copy_seeds(tmp_path / "news")
    victim = sorted(folder.glob("*.txt"))[0]
    real = perfile.read_document

    def read_while_written(path, **kwargs):  # noqa: ANN001
        document = real(path, **kwargs)
        if path == victim:
            with victim.open("a", encoding="utf-8") as stream:  # a download still being written
                stream.write("\n更多内容……\n")
        return document

    monkeypatch.setattr(perfile, "read_document", read_while_written)
    corpus = extract([folder])
    problems = [p for p in corpus.problems if p.path == victim]
    assert [p.code for p in problems] == ["changed-while-read"]
    assert "changed while it was read" in problems[0].text("en") and "读取时文件被改动" in problems[0].text("zh")
    assert victim.name not in {d.name for d in corpus.documents}


# ------------------------------------------------------------------ the Parquet store

def test_a_store_reads_back_as_the_corpus_it_was_written_from(tmp_path, seeds_corpus):
    count = write_store(seeds_corpus, tmp_path / "store")
    assert count == len(seeds_corpus.events)
    assert sorted(p.name for p in (tmp_path / "store" / "events").iterdir())[0].startswith("year=")
    back = read_store(tmp_path / "store")
    pd.testing.assert_frame_equal(seeds_corpus.events, back.events)
    same_corpus(seeds_corpus, back)
    assert [d.text for d in back.documents] == [d.text for d in seeds_corpus.documents]
    assert not [p for p in tmp_path.iterdir() if p.name != "store"]  # no temp folder left


def test_a_store_is_read_without_the_collector_walking_it(tmp_path, seeds_corpus, monkeypatch):
    import gc

    from desktop.core.store import parquet

    write_store(seeds_corpus, tmp_path / "store")
    enabled: list[bool] = []
    real = parquet.events_from_arrow

    def watched(table):  # noqa: ANN001, ANN202
        enabled.append(gc.isenabled())
        return real(table)

    monkeypatch.setattr(parquet, "events_from_arrow", watched)
    assert gc.isenabled()
    read_store(tmp_path / "store")
    assert enabled == [False]  # held off while the table's objects were made
    assert gc.isenabled()  # and on again afterwards


def _rewrite_events(store: Path, change) -> None:  # noqa: ANN001
    import pyarrow.parquet as pq

    for part in (store / "events").rglob("*.parquet"):
        pq.write_table(change(pq.read_table(part)), part)


def test_a_store_missing_a_column_or_with_a_wrong_type_is_refused(tmp_path, seeds_corpus):
    import pyarrow as pa

    write_store(seeds_corpus, tmp_path / "a")
    _rewrite_events(tmp_path / "a", lambda t: t.drop_columns(["sentence"]))
    with pytest.raises(StoreError, match="column 'sentence' is missing"):
        read_store(tmp_path / "a")
    write_store(seeds_corpus, tmp_path / "b")
    _rewrite_events(tmp_path / "b", lambda t: t.set_column(t.schema.get_field_index("date_start"), "date_start",
                                                             pa.array(["x"] * len(t))))
    with pytest.raises(StoreError, match="column 'date_start' is string, expected integer"):
        read_store(tmp_path / "b")
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "store.json").write_text("{\"schema\": \"something else\"}", encoding="utf-8")
    with pytest.raises(StoreError, match="not an event store"):
        read_store(tmp_path / "c")


def test_a_store_without_its_texts_is_refused(tmp_path, seeds_corpus):
    write_store(seeds_corpus, tmp_path / "store")
    (tmp_path / "store" / "documents.parquet").unlink()
    with pytest.raises(StoreError, match="documents.parquet is missing"):
        read_store(tmp_path / "store")


def test_a_failed_store_write_leaves_the_old_store_and_no_temp_folder(tmp_path, seeds_corpus, monkeypatch):
    import pyarrow.parquet as pq

    write_store(seeds_corpus, tmp_path / "store")
    before = sorted(p.relative_to(tmp_path) for p in (tmp_path / "store").rglob("*"))

    def disk_full(*_a, **_k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(pq, "write_table", disk_full)
    with pytest.raises(OSError):
        write_store(seeds_corpus, tmp_path / "store")
    assert sorted(p.relative_to(tmp_path) for p in (tmp_path / "store").rglob("*")) == before
    assert [p.name for p in tmp_path.iterdir()] == ["store"]
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(StoreError, match="not an event store; not overwritten"):
        write_store(seeds_corpus, tmp_path / "mine")


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "desktop", *args], capture_output=True, text=True, cwd=ROOT,
                          timeout=600)


def test_cli_writes_a_store_with_processes_and_cache_and_reads_it_back(tmp_path):
    folder = copy_seeds(tmp_path / "news")
    plain = run_cli("extract", str(folder), "--format", "jsonl", "--jobs", "1")
    assert plain.returncode == 0, plain.stderr
    for _ in range(2):  # the second run reads every file from the cache
        done = run_cli("extract", str(folder), "--format", "parquet", "-o", str(tmp_path / "store"),
                       "--jobs", "2", "--cache", str(tmp_path / "cache"))
        assert done.returncode == 0, done.stderr
        assert "written to the store" in done.stderr
    back = run_cli("extract", str(tmp_path / "store"), "--format", "jsonl")
    assert back.returncode == 0, back.stderr
    assert back.stdout == plain.stdout
    stdout = run_cli("extract", str(folder), "--format", "parquet")
    assert stdout.returncode == 2 and "-o DIR" in stdout.stderr


def test_cli_reports_a_broken_store_and_an_unreachable_cluster(tmp_path, seeds_corpus, monkeypatch, capsys):
    from desktop import cli
    from desktop.core.events import cluster

    write_store(seeds_corpus, tmp_path / "store")
    _rewrite_events(tmp_path / "store", lambda t: t.drop_columns(["title"]))
    assert cli.main(["extract", str(tmp_path / "store")]) == 2
    assert "column 'title' is missing" in capsys.readouterr().err
    monkeypatch.setattr(cluster, "CONNECT_TIMEOUT", 1)
    assert cli.main(["extract", str(SEEDS), "--dask", "tcp://127.0.0.1:9", "-o", str(tmp_path / "x.json")]) == 3
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in capsys.readouterr().err
    assert not (tmp_path / "x.json").exists()


@needs_corpus
def test_dask_local_cluster_gives_the_one_process_corpus(subset_corpus):
    pytest.importorskip("distributed")
    from desktop.core.events.cluster import extract_on_dask

    same_corpus(subset_corpus, extract_on_dask(SUBSET, "local:2"))


@needs_corpus
def test_a_dask_scheduler_that_dies_mid_run_is_a_clear_error():
    pytest.importorskip("distributed")
    from distributed import LocalCluster

    from desktop.core.events.cluster import ClusterError, extract_on_dask

    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)

    def progress(done: int, _total: int) -> None:
        if done == 1:
            cluster.close(timeout=5)  # the scheduler goes away after the first file

    with pytest.raises(ClusterError, match="failed during the run"):
        extract_on_dask([SUBSET[0]], cluster.scheduler_address, progress=progress)


def test_the_cache_keeps_merging_links_and_discards_a_damaged_entry(tmp_path):
    lines: list[str] = []
    links = [("e-1", "e-2"), ("e-2", "e-3")]
    with ExtractionCache(tmp_path / "cache", log=lines.append) as cache:
        assert cache.get_links("k") is None
        cache.put_links("k", links)
    with ExtractionCache(tmp_path / "cache", log=lines.append) as cache:
        assert cache.get_links("k") == links
    db = sqlite3.connect(tmp_path / "cache" / FILE_NAME)
    with db:
        db.execute("UPDATE links SET result = ?", (codec.dumps_value({"not": "links"}),))
    db.close()
    with ExtractionCache(tmp_path / "cache", log=lines.append) as cache:
        assert cache.get_links("k") is None
        assert cache.get_links("k") is None  # deleted, not read again
    assert len(lines) == 1 and "links were discarded" in lines[0]


def test_a_kept_corpus_reads_back_its_events_table_and_a_damaged_one_is_extracted_again(tmp_path):
    lines: list[str] = []
    with ExtractionCache(tmp_path / "cache", log=lines.append) as cache:
        first = extract([SEEDS], cache=cache)
    with ExtractionCache(tmp_path / "cache", log=lines.append) as cache:
        again = extract([SEEDS], cache=cache)
    same_corpus(first, again)
    pd.testing.assert_frame_equal(again.events, first.events)
    db = sqlite3.connect(tmp_path / "cache" / FILE_NAME)
    with db:
        db.execute("UPDATE corpora SET events = ?", (b"ARROW1 but not really",))
    db.close()
    with ExtractionCache(tmp_path / "cache", log=lines.append) as cache:
        third = extract([SEEDS], cache=cache)
        assert cache.hits == len(first.documents)  # its files, one by one
    same_corpus(first, third)
    assert len(lines) == 1 and "kept corpus was discarded" in lines[0]


def test_reading_an_entry_holds_the_collector_off_and_turns_it_back_on(monkeypatch):
    import gc
    import threading

    seen = []
    real = codec._Unpickler.load

    def load(self):  # noqa: ANN001, ANN202
        seen.append(gc.isenabled())
        return real(self)

    monkeypatch.setattr(codec._Unpickler, "load", load)
    data = codec.dumps_value([{"a": [1, 2]}] * 10)
    assert codec.loads_value(data) == [{"a": [1, 2]}] * 10
    assert seen == [False] and gc.isenabled()
    gc.disable()  # a program that keeps it off has it off afterwards too
    try:
        codec.loads_value(data)
        assert not gc.isenabled()
    finally:
        gc.enable()
    inside, release = threading.Event(), threading.Event()

    def slow_reader() -> None:
        with collector.collector_paused():
            inside.set()
            release.wait(10)

    reader = threading.Thread(target=slow_reader)
    reader.start()
    inside.wait(10)
    codec.loads_value(data)  # another reader ends first: the collector stays off for the slow one
    assert not gc.isenabled()
    release.set()
    reader.join(10)
    assert gc.isenabled()


@needs_corpus
def test_workers_that_pack_their_results_for_the_cache_give_the_one_process_corpus(subset_corpus, monkeypatch,
                                                                                   tmp_path):
    monkeypatch.setattr(parallel, "MIN_PARALLEL_BYTES", 0)
    with ExtractionCache(tmp_path / "cache") as cache:
        packed = extract(SUBSET, jobs=2, cache=cache)
        assert cache.misses == len(packed.documents)
    same_corpus(subset_corpus, packed)
    with ExtractionCache(tmp_path / "cache") as cache:  # what the workers packed reads back file by file
        cache._db.execute("DELETE FROM corpora")
        again = extract(SUBSET, jobs=2, cache=cache)
        assert cache.hits == len(packed.documents) and cache.misses == 0
    same_corpus(subset_corpus, again)


def test_a_store_of_a_merged_corpus_keeps_its_clusters_and_the_app_does_not_merge_it_again(tmp_path, monkeypatch):
    from desktop.core.events import merge
    from desktop.core.events.corpus import Corpus
    from desktop.core.project import clustered

    sys.path.insert(0, str(ROOT / "tests"))
    from test_merge import _write

    corpus = extract([_write(tmp_path / "news")])
    members, _ = clustered(corpus.events, [], {})
    assert (members["cluster_size"] > 1).any()
    merged = Corpus(corpus.documents, corpus.articles, members.drop(columns=["cluster_size"]), corpus.problems)
    write_store(merged, tmp_path / "store")
    back = read_store(tmp_path / "store")
    assert back.events["cluster_id"].tolist() == members["cluster_id"].tolist()

    def no_merging(*_args, **_kwargs):
        raise AssertionError("a stored merged corpus was merged again")

    monkeypatch.setattr(merge, "_link_automatically", no_merging)
    again, _ = clustered(back.events, [], {})
    assert again["cluster_id"].tolist() == members["cluster_id"].tolist()
    split = str(members[members["cluster_size"] > 1]["id"].iat[0])
    apart = merge.cluster_events(back.events, apart=[split])
    assert int(apart.loc[apart["id"] == split, "cluster_size"].iat[0]) == 1  # a split still splits


def test_given_clusters_with_splits_and_merges_give_what_merging_gives(tmp_path):
    """A store's clusters, with the user's splits and merges on top, give the ids and sizes
    merging the same events with the same corrections gives (group codes, not rows)."""
    from desktop.core.events import merge
    from desktop.core.events.corpus import Corpus
    from desktop.core.project import clustered

    sys.path.insert(0, str(ROOT / "tests"))
    from test_merge import _write

    corpus = extract([_write(tmp_path / "news")])
    members, _ = clustered(corpus.events, [], {})
    write_store(Corpus(corpus.documents, corpus.articles, members.drop(columns=["cluster_size"]), corpus.problems),
                tmp_path / "store")
    back = read_store(tmp_path / "store").events
    groups = members[members["cluster_size"] > 1]
    split = str(groups["id"].iat[0])
    alone = members[members["cluster_size"] == 1]["id"].astype(str).tolist()
    cases = [
        ([], []),
        ([], [split]),
        ([(alone[0], alone[1])], []),
        ([(alone[0], split), (alone[1], alone[2])], [str(groups["id"].iat[1])]),
        ([("no-such-event", alone[0])], ["no-such-event"]),
    ]
    for must_link, apart in cases:
        given = merge.cluster_events(back, must_link=must_link, apart=apart)
        computed = merge.cluster_events(corpus.events, must_link=must_link, apart=apart)
        assert given["cluster_id"].tolist() == computed["cluster_id"].tolist(), (must_link, apart)
        assert given["cluster_size"].tolist() == computed["cluster_size"].tolist(), (must_link, apart)
        assert str(given["cluster_id"].dtype) == "string"


def test_the_cache_keeps_the_files_put_last_up_to_its_limit(tmp_path, monkeypatch):
    from desktop.core.store import cache as cache_module

    monkeypatch.setattr(cache_module, "KEEP_FILES", 3)
    corpus_dir = copy_seeds(tmp_path / "news")
    with ExtractionCache(tmp_path / "cache") as cache:
        extract([corpus_dir], cache=cache)
    db = sqlite3.connect(tmp_path / "cache" / FILE_NAME)
    assert db.execute("SELECT COUNT(*) FROM files").fetchone()[0] == 3
    db.close()


def test_a_stored_merged_corpus_keeps_its_clusters_through_the_corrections(tmp_path):
    from desktop.core.events.corpus import Corpus
    from desktop.core.project import apply_project, clustered, make_hide

    sys.path.insert(0, str(ROOT / "tests"))
    from test_merge import _write

    corpus = extract([_write(tmp_path / "news")])
    members, _ = clustered(corpus.events, [], {})
    write_store(Corpus(corpus.documents, corpus.articles, members.drop(columns=["cluster_size"]), corpus.problems),
                tmp_path / "store")
    back = read_store(tmp_path / "store")
    texts = {d.name: d.text for d in back.documents}
    first = back.events.iloc[0]
    hidden = make_hide(first.to_dict(), texts[str(first["file"])])
    applied = apply_project(back, [hidden])
    assert "cluster_id" in applied.frame
    again, _ = clustered(applied.frame, [hidden], texts)
    by_id = dict(zip(members["id"].astype(str), members["cluster_id"].astype(str), strict=True))
    assert all(by_id[str(i)] == str(c) for i, c in zip(again["id"], again["cluster_id"], strict=True))


def test_arrow_buffers_come_from_jemalloc_unless_the_environment_chooses_a_pool():
    """The events table's module picks Arrow's allocator (a million-event store read twice as
    fast as with the wheel's default); ``ARROW_DEFAULT_MEMORY_POOL`` still decides when set."""
    import os

    import pyarrow as pa

    try:
        pa.jemalloc_memory_pool()
    except NotImplementedError:
        pytest.skip("this pyarrow is built without jemalloc")
    code = "import desktop.core.events.table, pyarrow as pa; print(pa.default_memory_pool().backend_name)"
    env = {k: v for k, v in os.environ.items() if k != "ARROW_DEFAULT_MEMORY_POOL"}
    chosen = [subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT,
                             env={**env, **extra}).stdout.strip() for extra in ({}, {"ARROW_DEFAULT_MEMORY_POOL": "system"})]
    assert chosen == ["jemalloc", "system"]


def test_a_slow_full_collection_freezes_what_survived_it(monkeypatch):
    """The collector's policy (the window and the CLI): a full pass slower than SLOW_FULL_PASS
    moves what survived it out of later passes' sight; quick or young passes change nothing."""
    from desktop.core import collector

    frozen: list[bool] = []
    monkeypatch.setattr(collector.gc, "freeze", lambda: frozen.append(True))
    clock = iter([0.0, collector.SLOW_FULL_PASS / 2, 1.0, 1.0 + collector.SLOW_FULL_PASS * 2])
    monkeypatch.setattr(collector.time, "perf_counter", lambda: next(clock))
    for generation in (2, 0, 1):  # a quick full pass, then young ones (not timed)
        collector._after_a_pass("start", {"generation": generation})
        collector._after_a_pass("stop", {"generation": generation})
    assert frozen == []
    collector._after_a_pass("start", {"generation": 2})
    collector._after_a_pass("stop", {"generation": 2})
    assert frozen == [True]


def test_the_cli_watches_the_collector_as_the_window_does(tmp_path, monkeypatch):
    import gc

    from desktop import cli
    from desktop.core import collector

    was_there = collector._after_a_pass in gc.callbacks
    if was_there:
        gc.callbacks.remove(collector._after_a_pass)
    monkeypatch.setattr(collector, "_installed", False)
    try:
        assert cli.main(["extract", str(SEEDS), "--format", "json", "-o", str(tmp_path / "out.json")]) == 0
        assert gc.callbacks.count(collector._after_a_pass) == 1
    finally:
        while collector._after_a_pass in gc.callbacks:
            gc.callbacks.remove(collector._after_a_pass)
        if was_there:
            gc.callbacks.append(collector._after_a_pass)
