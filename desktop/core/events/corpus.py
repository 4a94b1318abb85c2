"""A corpus: files in, articles and one typed events DataFrame out.

This is the single entry point the CLI and the GUI share. :func:`extract` reads files
and folders; each file is extracted on its own by the pure function
:func:`~desktop.core.events.perfile.extract_file` (in this process, or in worker processes
with ``jobs`` > 1, or taken from an extraction cache when ``cache`` is given), then
:func:`assemble` — cheap, in file order — weighs the key terms with an IDF over the whole
loaded corpus and builds the events as one pandas DataFrame, the table every view and
export reads. However the files were extracted, the result is the same: same ids, same
order, same key terms. Progress is reported through a callback that may ask to stop (the
GUI's Cancel).
"""

from __future__ import annotations

import contextlib
import importlib
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.core import collector
from desktop.core.collector import collector_paused
from desktop.core.events.perfile import (
    CHUNK_CHARS,
    ArticleInfo,
    FileResult,
    extract_file,
    text_chunks,
)
from desktop.core.reading.articles import Published
from desktop.core.reading.reader import (
    DEFAULT_MAX_BYTES,
    Document,
    Problem,
    corpus_root,
    identity_of,
    iter_article_files,
    replacement_warning,
)
from desktop.core.resources import SEEDS_DIR
from desktop.core.text.keyterms import (
    KeyTerm,
    corpus_key_terms,
    key_terms_of,
    key_terms_task,
)
from desktop.core.text.wordcounts import WordCounts

if TYPE_CHECKING:
    import concurrent.futures as futures

    import pandas as pd

    from desktop.core.events.pipeline import Event
    from desktop.core.store.cache import ExtractionCache

__all__ = [
    "CHUNK_CHARS", "SEEDS_DIR", "ArticleInfo", "Cancelled", "Corpus", "FileResult", "Progress",
    "Plan", "article_events_for", "assemble", "extract", "plan", "text_chunks",
]

#: ``progress(done, total, label) -> bool``; returning False cancels.
#:
#: Work is counted in bytes of the files (``total`` = their sizes added up, scaled down to
#: stay below 2**31 for Qt's int signals), ``label`` is the name of the file being
#: processed. ``done`` never decreases; it advances within a big file too (after each
#: piece of about :data:`CHUNK_CHARS` characters is segmented, after each article's
#: events), so a big file reports progress and can be cancelled while it is processed.
#: The last call is ``progress(total, total, "")``.
Progress = Callable[[int, int, str], bool]

#: Progress within a file is reported at most this often (seconds).
PROGRESS_INTERVAL = 0.05
#: Articles weighed between two looks at a cancel in the corpus-level step (the weights do
#: not depend on how the articles are split: :func:`corpus_key_terms`).
FINAL_STEP_ARTICLES = 5_000
#: Fewest articles a worker process weighs in :meth:`_Assembly.corpus_weighed_apart`: below
#: that, sending the document frequencies once more costs what a second worker saves.
WEIGHED_APART_ARTICLES = 1_000
_MAX_QT_INT = 2**31 - 1


class Cancelled(Exception):
    """Raised by :func:`extract` when the progress callback asked to stop."""


@dataclass(slots=True)
class Corpus:
    documents: list[Document]
    articles: list[ArticleInfo]
    events: pd.DataFrame
    problems: list[Problem]
    #: Files that were read but not perfectly (e.g. ``3 invalid bytes replaced (U+FFFD)``).
    warnings: list[Problem] = field(default_factory=list)

    def article(self, article_id: str) -> ArticleInfo | None:
        return next((a for a in self.articles if a.article.id == article_id), None)

    def document(self, file: str) -> Document | None:
        return next((d for d in self.documents if d.name == file), None)


def event_keyterms(article_terms: list[str], sentence: str) -> list[str]:
    """An event's key terms: its article's that its sentence holds, the first eight."""
    return [t for t in article_terms if t in sentence][:8]


def article_events_for(info: ArticleInfo, published: Published | None = None) -> list[Event]:
    """The events of one extracted article again, with its key terms, resolved against
    ``published`` when given (a publication date the user set) instead of its own."""
    from desktop.core.events.pipeline import article_events

    words = [t.term for t in info.keyterms]
    found = article_events(info.article, words, info.title, published=published)
    for event in found:
        event.article_title = info.title
        event.keyterms = event_keyterms(words, event.sentence)
    return found


def _file_size(path: Path) -> int:
    try:
        return max(path.stat().st_size, 1)
    except OSError:
        return 1


class _Progress:
    """Turns (file, fraction of it) into the ``progress(done, total, label)`` calls.

    Files may finish in any order (worker processes, cache hits): ``done`` is the bytes of
    the files finished plus the part done of the one being worked on here."""

    def __init__(self, callback: Progress | None, sizes: list[int]) -> None:
        self.callback = callback
        total = sum(sizes)
        self.scale = max(1, -(-total // _MAX_QT_INT))
        self.total = total // self.scale
        self.sizes = sizes
        self.finished = 0  # bytes of the files already done
        self.done = 0
        self.last = 0.0

    def start(self, index: int, label: str) -> None:
        self._report(self.finished, label, force=True)

    def within(self, index: int, fraction: float, label: str) -> None:
        self._report(self.finished + int(self.sizes[index] * min(max(fraction, 0.0), 1.0)), label)

    def completed(self, index: int, label: str, force: bool = False) -> None:
        self.finished += self.sizes[index]
        self._report(self.finished, label, force=force)

    def poll(self, label: str = "") -> None:
        """Ask the callback again (it may cancel) while waiting for other processes or
        finishing the corpus."""
        self._report(self.finished, label, force=True)

    def finish(self) -> None:
        """All files done (the corpus-level step follows: the callback may still cancel)."""
        self.done = self.total
        if self.callback and not self.callback(self.total, self.total, ""):
            raise Cancelled

    def _report(self, done_bytes: int, label: str, force: bool = False) -> None:
        if self.callback is None:
            return
        now = time.monotonic()
        if not force and now - self.last < PROGRESS_INTERVAL:
            return
        self.last = now
        self.done = max(self.done, min(done_bytes // self.scale, self.total))
        if not self.callback(self.done, self.total, label):
            raise Cancelled


class _Assembly:
    """Takes the files' results in file order and keeps what the corpus is built from."""

    def __init__(self, problems: list[Problem],
                 partial: Callable[[list[Event], list[ArticleInfo]], None] | None) -> None:
        self.problems = problems
        self.partial = partial
        self.documents: list[Document] = []
        self.warnings: list[Problem] = []
        self.seen: dict[str, Path] = {}
        self.infos: list[ArticleInfo] = []
        self.counted = WordCounts()  # one vocabulary and integer arrays, not a Counter per article
        self.per_article: list[list[Event]] = []
        self.events: list[Event] = []  # per_article flattened as it grows (partial gets it)
        self.idf: dict[str, float] = {}

    def add(self, result: FileResult, announce: bool = True) -> None:
        doc = result.document
        if doc is None:
            if result.problem is not None:
                self.problems.append(result.problem)
            return
        if doc.sha256 in self.seen:
            self.problems.append(Problem(result.path, "duplicate", {"original": str(self.seen[doc.sha256])}))
            return
        self.seen[doc.sha256] = result.path
        self.documents.append(doc)
        if doc.replaced_bytes:
            self.warnings.append(replacement_warning(result.path, doc.replaced_bytes))
        if result.words:
            from desktop.core.events.wording import remember_words

            remember_words(result.words)
        self.infos.extend(result.articles)
        self.counted.extend(result.counts)
        self.idf.update(result.idf)
        self.per_article.extend(result.events)
        for found in result.events:
            self.events.extend(found)
        if self.partial and announce:
            # the lists themselves, not copies: a copy per file made reading thousands of
            # cached files quadratic; the callback copies what it keeps
            self.partial(self.events, self.infos)

    def corpus(self, document_frequency: Counter[str] | None = None,
               check: Callable[[], None] | None = None) -> Corpus:
        """The corpus-level step: key terms weighed with the IDF of all loaded articles (their
        ``document_frequency`` when it was reduced elsewhere), each event's key terms, the
        one events table. ``check()`` is called between parts of the work (every
        :data:`FINAL_STEP_ARTICLES` articles) and may raise to stop: at 100,000 articles this
        step takes half a minute, which a cancel should not have to wait for."""
        if document_frequency is None:
            document_frequency = self.counted.document_frequencies()
        n_docs = len(self.counted)
        for first in range(0, n_docs, FINAL_STEP_ARTICLES):
            if check is not None:
                check()
            last = first + FINAL_STEP_ARTICLES
            weighed = corpus_key_terms(self.counted.part(first, last), candidates=True, document_frequency=document_frequency,
                                       n_docs=n_docs, base_idf=self.idf)
            self._give(first, weighed)
        if check is not None:
            check()
        return self._corpus()

    def corpus_weighed_apart(self, pool: futures.ProcessPoolExecutor, workers: int,
                             then: Callable[[Corpus], None], check: Callable[[], None]) -> Corpus:
        """:meth:`corpus`, with the key terms weighed by the ``workers`` processes of ``pool``
        while ``then(corpus)`` — work that does not read the key terms, such as the merging —
        runs here on the corpus whose events still have their key terms of their own file;
        they are replaced, by event id, when both are done. Apart, the weighing leaves this
        process the time to build the table and merge (a second of the shared corpus's that
        the worker processes' speed-up lost), at the cost of sending the word counts (a fifth
        of that). The articles are weighed in one part per worker, at least
        :data:`WEIGHED_APART_ARTICLES` a part (the weights do not depend on the split): one
        worker took 45 s over 100,000 articles, half a minute after the merging was done."""
        import pandas as pd

        from desktop.core.events.parallel import result_of

        n_docs = len(self.counted)
        frequency = self.counted.document_frequencies()
        parts = max(1, min(workers, n_docs // WEIGHED_APART_ARTICLES))
        size = max(1, -(-n_docs // parts))
        pending = [pool.submit(key_terms_task, (self.counted.part(first, first + size), frequency, n_docs, self.idf))
                   for first in range(0, n_docs, size)]
        corpus = self._corpus()
        # the table holds the events now: their objects go before the merging, which reuses
        # their memory (at 100,000 articles they were 0.7 GB beside the table at the peak)
        self.per_article, self.events = [], []
        then(corpus)
        weighed = [key_terms_of(plain) for future in pending for plain in result_of(future, check)]
        words_of: dict[str, list[str]] = {}
        for info, terms in zip(self.infos, weighed, strict=True):
            info.weighed(terms)
            words_of[info.article.id] = [t.term for t in terms]
        table = corpus.events
        keyterms = [event_keyterms(words_of.get(article, []), sentence)
                    for article, sentence in zip(table["article_id"].tolist(), table["sentence"].tolist(), strict=True)]
        table["keyterms"] = pd.Series(keyterms, index=table.index, dtype=object)
        return corpus

    def _give(self, first: int, weighed: list[list[KeyTerm]]) -> None:
        """Articles ``first``… their corpus-level key terms, and their events theirs."""
        end = first + len(weighed)
        for info, terms, found in zip(self.infos[first:end], weighed, self.per_article[first:end], strict=True):
            words = [t.term for t in terms]
            info.weighed(terms)
            for event in found:
                event.keyterms = event_keyterms(words, event.sentence)

    def _corpus(self) -> Corpus:
        from desktop.core.events.table import events_frame

        events = [e for found in self.per_article for e in found]
        return Corpus(self.documents, self.infos, events_frame(events), self.problems, self.warnings)


def assemble(results: Iterable[FileResult], problems: Iterable[Problem] = (),
             document_frequency: Counter[str] | None = None) -> Corpus:
    """The corpus of the files' results, given in file order (``problems``: those found
    before any file was read, such as a missing folder; ``document_frequency``: the key
    terms' document frequencies over the results' kept articles, when reduced elsewhere)."""
    assembly = _Assembly(list(problems), None)
    for result in results:
        assembly.add(result)
    return assembly.corpus(document_frequency)


@dataclass(slots=True)
class Plan:
    """The files of a corpus to extract, in order, with their names in the corpus."""

    files: list[Path]
    identities: list[str]
    sizes: list[int]
    #: found before any file is read (a missing folder, a folder without article files)
    problems: list[Problem]


def plan(paths: Iterable[Path | str] | None = None) -> Plan:
    """What :func:`extract` will read for ``paths`` (default: the bundled seeds)."""
    paths = [Path(p) for p in (paths or [SEEDS_DIR])]
    found = list(iter_article_files(paths))
    problems: list[Problem] = [f for f in found if isinstance(f, Problem)]
    files = [f for f in found if not isinstance(f, Problem)]
    root = corpus_root([p for p in paths if p.exists()])
    return Plan(files, _identities(files, root), [_file_size(f) for f in files], problems)


def _identities(files: list[Path], root: Path | None) -> list[str]:
    """:func:`identity_of` each file, resolving each folder once rather than every file's whole
    path (half a second for the shared corpus); a file that is a link is resolved itself."""
    folders: dict[Path, Path] = {}
    names = []
    for path in files:
        if root is None or path.is_symlink():
            names.append(identity_of(path, root))
            continue
        parent = folders.get(path.parent)
        if parent is None:
            parent = folders[path.parent] = path.parent.resolve()
        try:
            names.append((parent / path.name).relative_to(root).as_posix())
        except ValueError:
            names.append(path.name)
    return names


def _prepare_corpus_step() -> None:
    """Import what the corpus-level step needs (the merging, and with it pandas)
    while the worker processes extract, not after the last file: a third of a second."""
    threading.Thread(target=importlib.import_module, args=("desktop.core.events.merge",),
                     name="import corpus step", daemon=True).start()


def _in_order(pending: Iterator[tuple[int, FileResult] | None], ready: dict[int, FileResult],
              order: list[int]) -> Iterator[tuple[int, FileResult] | None]:
    """``(index, result)`` of ``order`` (file indexes) in that order as soon as each and all
    before it are known; None whenever ``pending`` yields None (a pause to check for a cancel)."""
    position = 0
    while position < len(order) and order[position] in ready:
        yield order[position], ready.pop(order[position])
        position += 1
    for item in pending:
        if item is None:
            yield None
            continue
        index, result = item
        ready[index] = result
        while position < len(order) and order[position] in ready:
            yield order[position], ready.pop(order[position])
            position += 1


def extract(
    paths: Iterable[Path | str] | None = None,
    progress: Progress | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    partial: Callable[[list[Event], list[ArticleInfo]], None] | None = None,
    *,
    jobs: int = 1,
    cache: ExtractionCache | None = None,
    then: Callable[[Corpus], None] | None = None,
) -> Corpus:
    """Read the paths (default: the bundled seeds) and extract every dated event.

    Files are extracted one by one (``jobs`` > 1: in that many worker processes, see
    :mod:`desktop.core.events.parallel`; a small corpus stays in this process); a file
    found in ``cache`` (same content, same name in the corpus, same engine) is not
    extracted again, and every file extracted is put in it. ``partial(events, articles)``
    (if given) gets the events so far, in file order, with key terms weighed within their
    own document (the lists grow as extraction goes on: copy what is kept). At the end key
    terms are weighed again over the whole corpus (IDF of the loaded articles) and every
    event's ``keyterms`` follows.

    Memory stays bounded for big files: of each article only the counts of its candidate
    words are kept for the corpus IDF (not its word list), and long texts are segmented in
    pieces of about :data:`CHUNK_CHARS` characters. See :data:`Progress` for the callback;
    returning False from it raises :class:`Cancelled`.

    ``then(corpus)``: more work on the corpus before it is returned that does not read the
    key terms of its events or articles (the CLI's merging; it may replace ``corpus.events``
    by a table of the same events with more columns). When worker processes extracted the
    files and no cache keeps the corpus, it runs while a worker weighs the key terms
    (:meth:`_Assembly.corpus_weighed_apart`); otherwise after them. The result is the same.
    """
    from desktop.core.events.parallel import (
        run_in_processes,
        use_processes,
        worker_count,
        worker_pool,
    )

    planned = plan(paths)
    files, identities, sizes = planned.files, planned.identities, planned.sizes
    meter = _Progress(progress, sizes)
    assembly = _Assembly(planned.problems, partial)
    ready: dict[int, FileResult] = {}
    from_cache: set[int] = set()  # file indexes whose results the cache gave
    keys: dict[int, str] = {}
    whole = None  # the key of the whole corpus, when every file has one
    if cache is not None:
        all_keys = [cache.key_of(path, identity, max_bytes) for path, identity in zip(files, identities, strict=True)]
        if all_keys and all(all_keys):
            whole = cache.corpus_key(files, all_keys, planned.problems)
            kept = cache.get_corpus(whole)
            if kept is not None:
                meter.finish()
                if then is not None:
                    then(kept)
                return kept
        for index, (path, key) in enumerate(zip(files, all_keys, strict=True)):
            if key is None:
                continue
            hit = cache.get(key, path)
            if hit is None:
                keys[index] = key
            else:
                ready[index] = hit
                from_cache.add(index)
                meter.completed(index, path.name)
    todo = [i for i in range(len(files)) if i not in ready]
    order = list(range(len(files)))

    def remember(index: int, result: FileResult, packed: bytes | None = None) -> None:
        if cache is not None and index in keys and result.document is not None \
                and result.document.sha256 == keys[index].split(":", 1)[0]:
            if packed is None:
                cache.put(keys[index], result)
            else:
                cache.put_packed(keys[index], packed)

    tasks = [(i, (str(files[i]), identities[i], max_bytes)) for i in todo]
    workers = worker_count(jobs, tasks, sizes) if use_processes(jobs, [sizes[i] for i in todo]) else 0
    with worker_pool(workers) if workers else contextlib.nullcontext() as pool:
        try:
            if pool is not None:
                from desktop.core.events.perfile import extract_task

                _prepare_corpus_step()
                from desktop.core.store import codec

                work = extract_task
                if cache is not None and cache.usable:
                    from desktop.core.store.cache import packed_extraction as work

                def pending() -> Iterator[tuple[int, FileResult] | None]:
                    if partial is None:
                        # nobody watches the events arrive: the biggest files first, so no worker
                        # is left with a big one while the other has finished (results are put
                        # back in file order all the same)
                        tasks.sort(key=lambda task: -sizes[task[0]])
                    for item in run_in_processes(tasks, jobs, work, sizes, pool):
                        if item is None:
                            meter.poll()
                        else:
                            index, result = item
                            packed = None
                            if isinstance(result, bytes):  # packed for the cache by the worker
                                packed, result = result, codec.loads(result)
                                item = index, result
                            remember(index, result, packed)
                            meter.completed(index, files[index].name)
                        yield item
            else:
                def pending() -> Iterator[tuple[int, FileResult] | None]:
                    for index in todo:
                        path = files[index]
                        meter.start(index, path.name)
                        result = extract_file(path, identities[index], max_bytes,
                                              lambda f, i=index, n=path.name: meter.within(i, f, n))
                        remember(index, result)
                        meter.completed(index, path.name)
                        yield index, result
            # results unpickled from worker processes are a corpus arriving: with the collector
            # walking the growing heap as they come, the main process spent on it a core's
            # second the workers needed (the single process makes them and keeps its collector).
            # Not while someone builds views from them (``partial``, the window): the garbage of
            # those views could hold reference cycles, and a corpus frozen with them keeps them.
            quiet = partial is None
            with collector_paused() if pool is not None and quiet else contextlib.nullcontext():
                for item in _in_order(pending(), ready, order):
                    if item is not None:
                        index, result = item
                        # results from the cache come all at once, the whole corpus a moment
                        # later: showing them piecemeal would only slow that moment down
                        assembly.add(result, announce=index not in from_cache)
        finally:
            if cache is not None:
                cache.commit()
        meter.finish()
        if quiet:
            collector.settle()
        if pool is not None and then is not None and whole is None:
            return assembly.corpus_weighed_apart(pool, workers, then, meter.poll)
    corpus = assembly.corpus(check=meter.poll)
    # a file caught changing is read again next time, not remembered as changing
    if whole is not None and cache is not None and not any(p.code == "changed-while-read" for p in corpus.problems):
        cache.put_corpus(whole, corpus)
        cache.commit()
    if then is not None:
        then(corpus)
    return corpus
