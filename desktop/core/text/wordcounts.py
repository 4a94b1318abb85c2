"""The candidate-word counts of a whole corpus, kept compactly for its key terms.

The corpus-level IDF needs every article's word counts until the end of extraction. Kept as
one ``Counter`` per article, each batch from a worker process brought its own copy of every
word and a dictionary per article. Here the corpus keeps one vocabulary and, for all articles
together, two arrays of 32-bit integers (the word's number and its count) with the offset
where each article starts: about 8 bytes per word of an article.

:meth:`WordCounts.part` cuts out articles ``first…last`` as a :class:`CountsPart`, which
pickles small (arrays and the vocabulary) for a worker process, and reads as the sequence of
mappings :func:`~desktop.core.text.keyterms.corpus_key_terms` takes, one article's mapping
made at a time.
"""

from __future__ import annotations

from array import array
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence


class CountsPart(Sequence[dict[str, int]]):
    """Articles of a :class:`WordCounts`: each read as a ``word → count`` mapping when asked."""

    def __init__(self, words: Sequence[str], ids: array, counts: array, starts: array) -> None:
        self.words, self.ids, self.counts, self.starts = words, ids, counts, starts

    def __len__(self) -> int:
        return len(self.starts) - 1

    def __getitem__(self, index: int) -> dict[str, int]:  # type: ignore[override]
        if not -len(self) <= index < len(self):
            raise IndexError(index)
        index %= len(self)
        words, start, end = self.words, self.starts[index], self.starts[index + 1]
        return {words[i]: n for i, n in zip(self.ids[start:end], self.counts[start:end], strict=True)}

    def __iter__(self) -> Iterator[dict[str, int]]:
        for index in range(len(self)):
            yield self[index]

    def __reduce__(self) -> tuple:
        # only the vocabulary the part uses travels to a worker, not the corpus's
        import numpy as np  # not at import: the CLI starts its workers before numpy and pandas load

        used = np.unique(np.frombuffer(self.ids, dtype=np.int32)) if len(self.ids) else np.empty(0, np.int32)
        renumber = np.zeros(len(self.words), dtype=np.int32)
        renumber[used] = np.arange(len(used), dtype=np.int32)
        ids = array("i", renumber[np.frombuffer(self.ids, dtype=np.int32)].tobytes()) if len(self.ids) else array("i")
        words = [self.words[i] for i in used.tolist()]
        return CountsPart, (words, ids, self.counts, self.starts)


class WordCounts:
    """Every article's candidate-word counts, in article order (see the module's docstring)."""

    def __init__(self) -> None:
        self.number: dict[str, int] = {}
        self.words: list[str] = []
        self.ids = array("i")
        self.counts = array("i")
        self.starts = array("q", [0])

    def __len__(self) -> int:
        return len(self.starts) - 1

    def extend(self, articles: Iterable[Mapping[str, int]]) -> None:
        """Append the counts of more articles."""
        number, words, ids, counts = self.number, self.words, self.ids, self.counts
        for found in articles:
            for word, count in found.items():
                index = number.get(word)
                if index is None:
                    index = number[word] = len(words)
                    words.append(word)
                ids.append(index)
                counts.append(count)
            self.starts.append(len(ids))

    def part(self, first: int, last: int | None = None) -> CountsPart:
        """Articles ``first`` to ``last`` (exclusive; the end by default)."""
        last = len(self) if last is None else min(last, len(self))
        first = min(first, last)
        begin, end = self.starts[first], self.starts[last]
        starts = array("q", (s - begin for s in self.starts[first:last + 1]))
        return CountsPart(self.words, self.ids[begin:end], self.counts[begin:end], starts)

    def document_frequencies(self) -> Counter[str]:
        """In how many articles each word occurs (a word occurs once in an article's counts)."""
        if not len(self.ids):
            return Counter()
        import numpy as np

        found = np.bincount(np.frombuffer(self.ids, dtype=np.int32), minlength=len(self.words))
        words = self.words
        return Counter({words[i]: int(found[i]) for i in np.flatnonzero(found).tolist()})
