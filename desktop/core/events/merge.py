"""One happening across articles: events that report the same thing, merged into one item.

:func:`cluster_events` is a pure function of the events table: it adds ``cluster_id`` and
``cluster_size`` to every row. Two events are candidates when their date intervals overlap
(each widened by a tolerance; coarse dates such as a whole year are never merged), they come
from different articles and their places do not contradict each other (武汉市 and 湖北省 agree,
浙江省 and 广东省 do not). A candidate pair is scored on the words of its sentences and
titles (jieba, rapidfuzz's ``token_set_ratio``), the places and organizations it shares, and
whether the counts it gives disagree; pairs above the threshold are joined, strongest first,
as long as every pair of the joined item still overlaps in date and agrees in place (so one
loose link cannot chain two happenings together).

Cost: events are blocked by date (groups of :data:`Settings.block_days` days); in a large
group only pairs that share rare words are scored, so the work grows with the number of
events, not its square. Words are segmented once per distinct sentence and kept in a bounded
cache, so re-clustering after a correction is cheap.

The user's corrections: ``must_link`` pairs are always joined, events in ``apart`` take
no automatic link (a split), see :mod:`desktop.core.project.links`.

The automatic links are a pure function of a few columns of the table, the user's splits
and the settings: given a :class:`LinkMemo` (the extraction cache), they are kept under a
digest of exactly those (:func:`link_inputs_key`), so reopening a corpus whose events did not
change joins them again without segmenting a sentence (3 s for the shared corpus, cold).

:func:`collapse_clusters` turns the table into one row per cluster for the views: the
row of its most precise source, with ``sources`` (every member: outlet, article, publication
date, sentence, its date as that source gives it) and the spread of their dates.

Thresholds, weights and stop words live in ``resources/cues/merge.tsv`` and
``merge_stopwords.txt``.
"""

from __future__ import annotations

import hashlib
import re
from array import array
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from typing import Any, Protocol

import numpy as np
import pandas as pd
from rapidfuzz import fuzz, process

from desktop.core.dates import clock_of_edtf
from desktop.core.distinct import per_category, per_value
from desktop.core.events.wording import (  # the words compared, made where events are extracted
    _TOKEN_CACHE_MAX,
    Settings,
    _stopwords,
    settings,
    words_of,
)
from desktop.core.vocab import dated_by_publication_rows

#: Precisions ordered from the finest: the most precise source speaks for a merged item.
_FINEST = ("minute", "hour", "day", "week", "recent", "vague", "month", "range", "quarter", "season",
           "half-year", "year", "decade", "century", "open-range")


def _place_chains(places: Iterable[str]) -> list[frozenset[str]]:
    from desktop.core.text.places import hierarchy

    return [frozenset(hierarchy(p) or [p]) for p in places]


def places_agree(a: Sequence[frozenset[str]], b: Sequence[frozenset[str]]) -> bool:
    """Whether two events' places can be one happening's: either names none, or one place of
    each lies within the other (武汉市 within 湖北省)."""
    if not a or not b:
        return True
    for chain_a in a:
        for chain_b in b:
            if chain_a <= chain_b or chain_b <= chain_a:
                return True
    return False


_NUMBER = re.compile(r"(\d+(?:\.\d+)?)\s*([^\d\s.,，。、；;：:（）()“”\"'%％-])")


_numbers_cache: dict[tuple[str, str], dict[str, set[float]]] = {}


def numbers_of(text: str, ignored_units: str = "") -> dict[str, set[float]]:
    """The numbers of ``text`` by the character that follows them (``确诊13例`` → {例: {13}}),
    those of dates and times (``ignored_units``) left out. Do not modify the result: it is cached."""
    found = _numbers_cache.get((text, ignored_units))
    if found is not None:
        return found
    values: dict[str, set[float]] = defaultdict(set)
    for match in _NUMBER.finditer(text):
        unit = match.group(2)
        if unit not in ignored_units:
            values[unit].add(float(match.group(1)))
    if len(_numbers_cache) >= _TOKEN_CACHE_MAX:
        _numbers_cache.clear()
    _numbers_cache[(text, ignored_units)] = values
    return values


def numbers_shared(a: dict[str, set[float]], b: dict[str, set[float]], at_least: float) -> bool:
    """Both give one number of at least ``at_least`` with one unit (全国新增确诊1737例 / 报告新增确诊病例1737例)."""
    return any(value >= at_least for unit in set(a) & set(b) for value in a[unit] & b[unit])


def numbers_conflict(a: dict[str, set[float]], b: dict[str, set[float]]) -> bool:
    """Both give amounts of one unit and no value agrees (确诊5例 / 确诊4例)."""
    shared = set(a) & set(b)
    return bool(shared) and all(not (a[unit] & b[unit]) for unit in shared)


class _Features:
    """What the comparison needs of each event, computed once per event that needs it."""

    def __init__(self, frame: pd.DataFrame, config: Settings) -> None:
        self.config = config
        self.sentences = frame["sentence"].astype(object).to_numpy()
        self.titles = frame["title"].astype(object).to_numpy()
        self.date_starts = frame["date_start"].to_numpy(dtype=np.int64)
        self.date_ends = frame["date_end"].to_numpy(dtype=np.int64)
        self.sentence_starts = frame["sentence_start"].to_numpy(dtype=np.int64)
        self.places = frame["places"].to_numpy()
        self.orgs = frame["orgs"].to_numpy()
        self.starts = frame["start"].to_numpy(dtype="datetime64[D]").astype(np.int64)
        self.ends = frame["end"].to_numpy(dtype="datetime64[D]").astype(np.int64)
        precision = frame["precision"].astype(object).to_numpy()
        self.clock = np.isin(precision, ["hour", "minute"])
        day_or_finer = self.clock | (precision == "day")
        marks = re.escape(config.explicit_day_marks)
        said = frame["date_text"].astype(str).str.contains(f"[0-9０-９一二三四五六七八九十廿卅][{marks}]", regex=True)
        # a day the text states (20日) is not moved by the tolerance; a derived one (昨天) may be
        self.explicit_day = day_or_finer & said.to_numpy(dtype=bool)
        edtf = frame["edtf"].astype(object).to_numpy()
        # the hour of a clock date (-1 for the others): two clock times agree in the same hour
        self.hours = np.full(len(edtf), -1, dtype=np.int64)
        for k in np.flatnonzero(self.clock).tolist():
            self.hours[k] = (clock_of_edtf(str(edtf[k])) or (-1, None))[0]
        self._clocks: dict[int, frozenset[float]] = {}
        self._words: dict[int, tuple[str, ...]] = {}
        self._title_words: dict[int, tuple[str, ...]] = {}
        self._joined: dict[int, tuple[str, str]] = {}
        self._chains: dict[int, list[frozenset[str]]] = {}
        self._numbers: dict[int, dict[str, set[float]]] = {}

    def clocks(self, i: int) -> frozenset[float]:
        """The clock hours the sentence states (``1月30日8时至20时`` → {8, 20}): a report's window."""
        found = self._clocks.get(i)
        if found is None:
            sentence = str(self.sentences[i]) if self.sentences[i] is not None else ""
            hours = numbers_of(sentence)
            found = self._clocks[i] = frozenset(v for mark in self.config.clock_marks for v in hours.get(mark, ()))
        return found

    def column(self, rows: np.ndarray, value: Callable[[int], Any]) -> np.ndarray:
        """``value(i)`` for each of ``rows``, computed once per distinct row."""
        unique, inverse = np.unique(rows, return_inverse=True)
        return np.array([value(i) for i in unique.tolist()] + [None], dtype=object)[:-1][inverse]

    def dates_agree_many(self, i: np.ndarray, j: np.ndarray) -> np.ndarray:
        """Whether each pair of dates can be one happening's at their precision: the intervals
        overlap, or lie at most the tolerance apart when one of them is not a day the text
        states; two clock times must name the same hour, and two sentences that state clock
        hours (a report's window) the same hours. ``i`` and ``j`` are arrays of rows."""
        def key(row: int) -> str:
            return " ".join(map(str, sorted(self.clocks(row))))

        ki, kj = self.column(i, key), self.column(j, key)
        clash = (ki != "") & (kj != "") & (ki != kj)
        overlap = (self.starts[i] <= self.ends[j]) & (self.starts[j] <= self.ends[i])
        both_clock = self.clock[i] & self.clock[j]
        same_time = ~both_clock | ((self.starts[i] == self.starts[j]) & (self.hours[i] == self.hours[j]))
        tolerance = self.config.date_tolerance_days
        near = (self.starts[i] - tolerance <= self.ends[j]) & (self.starts[j] - tolerance <= self.ends[i])
        moved = near & ~(self.explicit_day[i] & self.explicit_day[j])
        return ~clash & ((overlap & same_time) | (~overlap & moved))

    def words(self, i: int) -> tuple[str, ...]:
        found = self._words.get(i)
        if found is None:
            sentence = str(self.sentences[i]) if self.sentences[i] is not None else ""
            span = (int(self.date_starts[i] - self.sentence_starts[i]), int(self.date_ends[i] - self.sentence_starts[i]))
            found = self._words[i] = words_of(sentence, self.config.min_token_chars, span)
        return found

    def title_words(self, i: int) -> tuple[str, ...]:
        found = self._title_words.get(i)
        if found is None:
            title = str(self.titles[i]) if self.titles[i] is not None else ""
            found = self._title_words[i] = words_of(title, self.config.min_token_chars)
        return found

    def joined(self, i: int) -> tuple[str, str]:
        found = self._joined.get(i)
        if found is None:
            found = self._joined[i] = (" ".join(self.words(i)), " ".join(self.title_words(i)))
        return found

    def chains(self, i: int) -> list[frozenset[str]]:
        found = self._chains.get(i)
        if found is None:
            places = self.places[i] if isinstance(self.places[i], list) else []
            found = self._chains[i] = _place_chains(places)
        return found

    def numbers(self, i: int) -> dict[str, set[float]]:
        found = self._numbers.get(i)
        if found is None:
            sentence = str(self.sentences[i]) if self.sentences[i] is not None else ""
            found = self._numbers[i] = numbers_of(self._without_date(i, sentence), self.config.number_units_ignored)
        return found

    def _without_date(self, i: int, sentence: str) -> str:
        start = int(self.date_starts[i] - self.sentence_starts[i])
        end = int(self.date_ends[i] - self.sentence_starts[i])
        if 0 <= start <= end <= len(sentence):
            return sentence[:start] + " " + sentence[end:]
        return sentence

    def entities(self, i: int, j: int) -> float:
        orgs_i = set(self.orgs[i]) if isinstance(self.orgs[i], list) else set()
        orgs_j = set(self.orgs[j]) if isinstance(self.orgs[j], list) else set()
        chains_i, chains_j = self.chains(i), self.chains(j)
        if orgs_i & orgs_j:
            return 100.0
        if chains_i and chains_j and places_agree(chains_i, chains_j):
            return 100.0
        if not (orgs_i or orgs_j or chains_i or chains_j):
            return 50.0
        return 0.0


def pair_score(features: _Features, i: int, j: int) -> float | None:
    """The similarity of events ``i`` and ``j`` (0–100 and the adjustments), None when they
    cannot be one happening (too few shared words, places that disagree) or cannot reach the
    threshold. Dates are checked apart (:meth:`_Features.dates_agree_many`)."""
    found = _scores(np.array([[i, j]], dtype=np.int64), features, features.config)
    return found[0][0] if found else None


def _scores(pairs: np.ndarray, features: _Features, config: Settings) -> list[tuple[float, int, int]]:
    """:func:`pair_score` of many pairs: the word scores in one rapidfuzz call (C++, all cores),
    the rest only for pairs that can still reach the threshold."""
    if not len(pairs):
        return []
    first, second = pairs[:, 0].tolist(), pairs[:, 1].tolist()

    def sentence(row: int) -> str:
        return features.joined(row)[0]

    def title(row: int) -> str:
        return features.joined(row)[1]

    words = np.zeros(len(pairs))
    for weight, text in ((config.weight_sentence, sentence), (config.weight_title, title)):
        a = features.column(pairs[:, 0], text).tolist()
        b = features.column(pairs[:, 1], text).tolist()
        words += weight * process.cpdist(a, b, scorer=fuzz.token_set_ratio, workers=-1)
    reachable = np.flatnonzero(words + config.weight_entities * 100.0 + config.shared_number_bonus >= config.min_score)
    found = []
    for k in reachable.tolist():
        i, j = first[k], second[k]
        if len(set(features.words(i)) & set(features.words(j))) < config.min_shared_tokens:
            continue
        if not places_agree(features.chains(i), features.chains(j)):
            continue
        score = float(words[k]) + config.weight_entities * features.entities(i, j)
        if numbers_conflict(features.numbers(i), features.numbers(j)):
            score -= config.number_conflict_penalty
        elif numbers_shared(features.numbers(i), features.numbers(j), config.distinctive_number):
            score += config.shared_number_bonus
        found.append((score, i, j))
    return found


class _Clusters:
    """Union-find over rows, with each root's members kept for the joining checks."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))
        self.members: dict[int, list[int]] = {}

    def find(self, i: int) -> int:
        root = i
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[i] != root:
            self.parent[i], i = root, self.parent[i]
        return root

    def group(self, root: int) -> list[int]:
        return self.members.get(root, [root])

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        if len(self.group(ra)) < len(self.group(rb)):
            ra, rb = rb, ra
        self.members[ra] = self.group(ra) + self.group(rb)
        self.members.pop(rb, None)
        self.parent[rb] = ra


def _eligible(frame: pd.DataFrame, config: Settings, days_start: np.ndarray, days_end: np.ndarray) -> np.ndarray:
    precision = frame["precision"].astype(object).to_numpy()
    excluded = np.isin(precision, list(config.excluded_precisions))
    long = (days_end - days_start + 1) > config.max_interval_days
    return ~excluded & ~long


def _candidate_pairs(rows: np.ndarray, features: _Features, config: Settings) -> np.ndarray:
    """Pairs of rows ``(i, j)``, i < j, that share words within a block of days and whose dates
    agree, as an (n, 2) array. Built with a pandas self-join over (block, word): the work
    follows the number of events and words, not its square."""
    size = max(config.block_days, 1)
    vocabulary: dict[str, int] = {}
    word_ids = array("i")
    lengths = np.empty(len(rows), dtype=np.int64)
    for k, i in enumerate(rows.tolist()):
        found = features.words(i)
        lengths[k] = len(found)
        word_ids.extend(vocabulary.setdefault(word, len(vocabulary)) for word in found)
    empty = np.empty((0, 2), dtype=np.int64)
    if not len(word_ids):
        return empty
    # one (row, block, word) per word of an event and block its widened interval touches, made
    # with numpy in 32-bit integers: built in Python lists it was the merging's peak (a
    # gigabyte at 100,000 articles)
    first_block = (features.starts[rows] - config.date_tolerance_days) // size
    blocks_per_word = np.repeat(features.ends[rows] // size - first_block + 1, lengths)
    total = int(blocks_per_word.sum())
    word_starts = np.cumsum(blocks_per_word) - blocks_per_word
    within = np.arange(total, dtype=np.int64) - np.repeat(word_starts, blocks_per_word)
    long = pd.DataFrame({
        "row": np.repeat(np.repeat(rows.astype(np.int32), lengths), blocks_per_word),
        "block": (np.repeat(np.repeat(first_block, lengths), blocks_per_word) + within).astype(np.int32),
        "word": np.repeat(np.frombuffer(word_ids, dtype=np.int32), blocks_per_word),
    })
    del within, word_starts
    # how crowded each block is, and how many of its events hold each word
    members = long.drop_duplicates(["row", "block"]).groupby("block")["row"].size()
    long["members"] = long["block"].map(members).to_numpy()
    long["holders"] = long.groupby(["block", "word"])["row"].transform("size").to_numpy()
    crowded = long["members"].to_numpy() > config.large_block
    cap = np.where(crowded, np.maximum(config.rare_floor, (config.rare_share * long["members"]).astype(np.int64)),
                   long["members"].to_numpy())
    cap = np.minimum(cap, config.max_holders)
    keep = (long["holders"].to_numpy() > 1) & (long["holders"].to_numpy() <= cap)
    long = long.loc[keep, ["row", "block", "word"]]
    long["crowded"] = crowded[keep]
    if long.empty:
        return empty
    joined = long.merge(long[["row", "block", "word"]], on=["block", "word"], suffixes=("", "_b"))
    joined = joined[joined["row"].to_numpy() < joined["row_b"].to_numpy()]
    counts = joined.groupby(["row", "row_b", "block"], sort=False).agg(
        shared=("word", "size"), crowded=("crowded", "first")).reset_index()
    needed = np.where(counts["crowded"].to_numpy(), config.min_shared_rare, config.min_shared_tokens)
    counts = counts[counts["shared"].to_numpy() >= needed]
    pairs = np.unique(np.stack([counts["row"].to_numpy(dtype=np.int64), counts["row_b"].to_numpy(dtype=np.int64)],
                               axis=1), axis=0)
    if not len(pairs):
        return empty
    return pairs[features.dates_agree_many(pairs[:, 0], pairs[:, 1])]


def _joinable(clusters: _Clusters, a: int, b: int, score: float, articles: np.ndarray,
              features: _Features, config: Settings) -> bool:
    """Whether the items of ``a`` and ``b`` may become one: every pair across them overlaps in
    date and agrees in place, and an article gives two sources only when the link is close to
    a restatement (a headline and the sentence it sums up)."""
    group_a, group_b = clusters.group(clusters.find(a)), clusters.group(clusters.find(b))
    if (not config.same_article and score < config.same_article_min_score
            and set(articles[group_a].tolist()) & set(articles[group_b].tolist())):
        return False
    across = np.array([(i, j) for i in group_a for j in group_b], dtype=np.int64).reshape(-1, 2)
    if not features.dates_agree_many(across[:, 0], across[:, 1]).all():
        return False
    return all(places_agree(features.chains(i), features.chains(j)) for i, j in across.tolist())


class LinkMemo(Protocol):
    """Where the automatic links of a table are kept between runs (the extraction cache)."""

    def get_links(self, key: str) -> list[tuple[str, str]] | None: ...

    def put_links(self, key: str, links: list[tuple[str, str]]) -> None: ...


#: The columns the automatic links are computed from (:func:`_link_automatically` and what
#: it calls read nothing else of the table).
LINK_INPUTS = ("id", "article_id", "sentence", "title", "date_text", "edtf", "precision", "start", "end",
               "date_start", "date_end", "sentence_start", "places", "orgs")


def link_inputs_key(frame: pd.DataFrame, apart: Iterable[str], config: Settings) -> str:
    """A digest of everything the automatic links of ``frame`` depend on (the engine's code
    and resources aside: the memo that keeps them is stamped with the engine's version)."""
    digest = hashlib.sha256(repr(config).encode())
    digest.update("\x1e".join(sorted(_stopwords())).encode())
    digest.update(("\x1d" + "\x1e".join(sorted(map(str, apart)))).encode("utf-8", "surrogatepass"))
    digest.update(str(len(frame)).encode())
    for column in LINK_INPUTS:
        values = frame[column]
        if values.dtype == object:  # lists (places, orgs): their text, which hashing can take
            values = values.map(lambda v: "\x1f".join(map(str, v)) if isinstance(v, list) else str(v))
        digest.update(column.encode())
        digest.update(pd.util.hash_pandas_object(values.astype(str), index=False).to_numpy().tobytes())
    return digest.hexdigest()


def _cluster_key(ids: Sequence[str]) -> str:
    digest = hashlib.sha1("\n".join(sorted(ids)).encode("utf-8", "surrogatepass")).hexdigest()
    return "c-" + digest[:12]


def cluster_events(
    frame: pd.DataFrame,
    must_link: Iterable[tuple[str, str]] = (),
    apart: Iterable[str] = (),
    config: Settings | None = None,
    enabled: bool = True,
    memo: LinkMemo | None = None,
) -> pd.DataFrame:
    """The events with ``cluster_id`` (string) and ``cluster_size`` (int) added, in the same
    order and index. ``enabled=False`` gives every event its own cluster (``--no-merge``);
    ``must_link`` pairs of event ids are joined whatever their score, events in ``apart``
    take no automatic link; ``memo`` keeps the automatic links between runs. A frame that
    comes with a ``cluster_id`` (an event store of a merged corpus) keeps those clusters as
    its automatic links. The input is not modified."""
    config = config or settings()
    result = frame.copy(deep=False)  # copy-on-write: the columns added below are the result's own
    n = len(frame)
    if n and enabled and "cluster_id" in frame and frame["cluster_id"].notna().any():
        # clusters given with the events (an event store of a merged corpus): kept, not
        # computed again — but a split event takes no automatic link
        cluster_ids, sizes = _given_clusters(frame, list(must_link), set(map(str, apart)))
        result["cluster_id"] = cluster_ids
        result["cluster_size"] = pd.Series(sizes, index=frame.index, dtype="int64")
        return result
    ids = [str(i) for i in frame["id"].astype(object).to_numpy()] if n else []
    clusters = _Clusters(n)
    position = {event_id: row for row, event_id in enumerate(ids)}
    if n and enabled:
        apart = set(map(str, apart))
        key = link_inputs_key(frame, apart, config) if memo is not None else None
        links = memo.get_links(key) if key is not None else None
        if links is None:
            links = _link_automatically(frame, clusters, apart, ids, config)
            if key is not None:
                memo.put_links(key, links)
        else:
            for first, second in links:
                a, b = position.get(first), position.get(second)
                if a is not None and b is not None:
                    clusters.union(a, b)
    for first, second in must_link:
        a, b = position.get(str(first)), position.get(str(second))
        if a is not None and b is not None:
            clusters.union(a, b)
    roots = [clusters.find(i) for i in range(n)]
    members: dict[int, list[str]] = defaultdict(list)
    for row, root in enumerate(roots):
        members[root].append(ids[row])
    keys = {root: _cluster_key(group) for root, group in members.items()}
    result["cluster_id"] = pd.Series([keys[r] for r in roots], index=frame.index, dtype="string")
    result["cluster_size"] = pd.Series([len(members[r]) for r in roots], index=frame.index, dtype="int64")
    return result


def _given_clusters(frame: pd.DataFrame, must_link: list[tuple[str, str]],
                    apart: set[str]) -> tuple[pd.Series, np.ndarray]:
    """``cluster_id`` and ``cluster_size`` of a frame that came with its clusters: the given
    groups, an event of ``apart`` alone, the ``must_link`` pairs joined. A group the user's
    corrections leave as it was keeps its given id (a store written by this app gave it the
    id :func:`_cluster_key` gives); a changed one gets the id of its new members. Done with
    group codes, not row by row: a store of a million events is opened without merging."""
    from desktop.core.events.table import values_in

    n = len(frame)
    codes, uniques = pd.factorize(frame["cluster_id"])
    groups = len(uniques)
    node = np.where(codes >= 0, codes, groups + np.arange(n))  # no given cluster: alone
    wanted = apart | {str(i) for pair in must_link for i in pair}
    if wanted:
        rows = np.flatnonzero(values_in(frame["id"], wanted))
        position = dict(zip(frame["id"].astype(object).to_numpy()[rows].tolist(), rows.tolist(), strict=True))
    else:
        position = {}
    changed = {int(node[position[i]]) for i in apart if i in position}
    for i in apart:
        if i in position:
            node[position[i]] = groups + position[i]
    linked = [(position[str(a)], position[str(b)]) for a, b in must_link
              if str(a) in position and str(b) in position]
    if linked:  # the user's merges: a union-find over the groups, not the rows
        over_groups = _Clusters(groups + n)
        for a, b in linked:
            changed.update((over_groups.find(int(node[a])), over_groups.find(int(node[b]))))
            over_groups.union(int(node[a]), int(node[b]))
        joined = np.flatnonzero(np.isin(node, np.fromiter(changed, dtype=np.int64, count=len(changed))))
        node[joined] = [over_groups.find(int(x)) for x in node[joined].tolist()]
        changed = {int(x) for x in node[joined].tolist()}
    _, inverse, counts = np.unique(node, return_inverse=True, return_counts=True)
    sizes = counts[inverse]
    # ids: the given one of an unchanged group, else made from the members (as merging does)
    fresh = np.flatnonzero((node >= groups) | np.isin(node, np.fromiter(changed, dtype=np.int64, count=len(changed))))
    if not len(fresh):
        return frame["cluster_id"].copy(), sizes
    cluster_ids = np.asarray(uniques, dtype=object)[np.where(node < groups, node, 0)] if groups else \
        np.empty(n, dtype=object)
    members: dict[int, list[str]] = defaultdict(list)
    event_ids = frame["id"].astype(object).to_numpy()[fresh].tolist()
    for row, event_id in zip(fresh.tolist(), event_ids, strict=True):
        members[int(node[row])].append(str(event_id))
    keys = {label: _cluster_key(group) for label, group in members.items()}
    cluster_ids[fresh] = [keys[int(node[row])] for row in fresh.tolist()]
    return pd.Series(cluster_ids, index=frame.index, dtype="string"), sizes


def _join_groups(rows: np.ndarray, group: np.ndarray, clusters: _Clusters, ids: list[str],
                 joined: list[tuple[str, str]] | None = None) -> np.ndarray:
    """Join each of ``rows`` to the first row of its group (``group``: codes 0..n-1, one per
    row), noting the pairs in ``joined``; the first row of every group, in table order."""
    _, first = np.unique(group, return_index=True)
    head = rows[first][group]
    for row, lead in zip(rows.tolist(), head.tolist(), strict=True):
        if row != lead:
            clusters.union(lead, row)
            if joined is not None:
                joined.append((ids[lead], ids[row]))
    return np.sort(rows[first])


def _join_restatements(frame: pd.DataFrame, rows: np.ndarray, clusters: _Clusters, ids: list[str],
                       joined: list[tuple[str, str]]) -> np.ndarray:
    """Events that restate one another word for word — the same sentence, the same date
    expression at the same place in it, the same interval (a wire report reprinted) — are
    one happening: joined at once, and only the first of them is compared with the others.
    Comparing each copy with every other made the pairs grow with the square of the copies
    (15 GB for a corpus of 100,000 articles made of copies). The rows left to compare."""
    chosen = frame.iloc[rows]
    key = pd.DataFrame({
        "sentence": chosen["sentence"].astype(object).to_numpy(),
        "date_text": chosen["date_text"].astype(object).to_numpy(),
        "offset": (chosen["date_start"] - chosen["sentence_start"]).to_numpy(dtype=np.int64),
        "start": chosen["start"].to_numpy(dtype="datetime64[D]").astype(np.int64),
        "end": chosen["end"].to_numpy(dtype="datetime64[D]").astype(np.int64),
        "precision": chosen["precision"].astype(object).to_numpy(),
    })
    group = key.groupby(list(key.columns), sort=False, dropna=False).ngroup().to_numpy()
    return _join_groups(rows, group, clusters, ids, joined)


def _link_automatically(frame: pd.DataFrame, clusters: _Clusters, apart: set[str], ids: list[str],
                        config: Settings) -> list[tuple[str, str]]:
    """Join the events that report one happening in ``clusters``; the pairs joined (event ids)."""
    days_start = frame["start"].to_numpy(dtype="datetime64[D]").astype(np.int64)
    days_end = frame["end"].to_numpy(dtype="datetime64[D]").astype(np.int64)
    valid = (days_start > np.iinfo(np.int64).min) & (days_end > np.iinfo(np.int64).min)
    eligible = _eligible(frame, config, days_start, days_end) & valid
    if apart:
        eligible &= ~np.isin(np.array(ids, dtype=object), list(apart))
    rows = np.flatnonzero(eligible)
    if len(rows) < 2:
        return []
    articles = frame["article_id"].astype(object).to_numpy()
    features = _Features(frame, config)
    joined: list[tuple[str, str]] = []
    rows = _join_restatements(frame, rows, clusters, ids, joined)
    pairs = _candidate_pairs(rows, features, config)
    scored = [(-score, i, j) for score, i, j in _scores(pairs, features, config) if score >= config.min_score]
    scored.sort()
    for negative, i, j in scored:
        if clusters.find(i) != clusters.find(j) and _joinable(clusters, i, j, -negative, articles, features, config):
            clusters.union(i, j)
            joined.append((ids[i], ids[j]))
    return joined


def _representative_order(frame: pd.DataFrame) -> np.ndarray:
    """A rank per row: lower speaks for its cluster (shown first; not hidden, finest date,
    a date its text states before one only its publication gives, the surest publication date,
    the earliest published, the table's order)."""
    finest = {name: rank for rank, name in enumerate(_FINEST)}
    precision = per_category(frame["precision"].astype("category"), finest, len(_FINEST))
    hidden = frame["hidden"].to_numpy(dtype=bool) if "hidden" in frame else np.zeros(len(frame), dtype=bool)
    confidence = frame["published_confidence"].to_numpy(dtype=float)
    published = frame["published"].to_numpy(dtype="datetime64[D]").astype(np.int64)
    published = np.where(published == np.iinfo(np.int64).min, np.iinfo(np.int64).max, published)
    reported = dated_by_publication_rows(frame["date_text"])
    order = np.lexsort((np.arange(len(frame)), published, -np.nan_to_num(confidence), reported, precision, hidden))
    rank = np.empty(len(frame), dtype=np.int64)
    rank[order] = np.arange(len(frame))
    return rank


#: The fields each source of a merged item keeps (``sources`` of :func:`collapse_clusters`).
SOURCE_FIELDS = ("id", "file", "article_id", "article_title", "outlet", "published", "published_edtf",
                 "published_basis", "start", "end", "precision", "edtf", "date_text", "date_start",
                 "date_end", "sentence", "sentence_start", "sentence_end", "hidden")


def _plain(value: Any) -> Any:
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, np.generic):
        return value.item()
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    return value


def _source_values(column: pd.Series, chosen: np.ndarray, order: np.ndarray, rows: np.ndarray) -> list[Any]:
    """The values of ``column`` at ``rows`` (the rows ``chosen`` marks, in ``order``) as plain
    Python values, missing ones None: an Arrow-backed column (the strings) straight from Arrow,
    any other as :func:`_plain_values` makes them."""
    from desktop.core.events.table import arrow_rows_in_order

    values = arrow_rows_in_order(column.array, chosen, order)
    # the array, not the Series: a Series's iloc takes its index too (the ids, strings)
    return values if values is not None else _plain_values(pd.Series(column.array[rows], copy=False))


def _plain_values(column: pd.Series) -> list[Any]:
    """A column as :func:`_plain` makes its values (missing ones None), the whole column at
    once; a date column makes a Timestamp per distinct date, not per row."""
    if pd.api.types.is_datetime64_any_dtype(column):
        return per_value(column, _plain)
    return column.astype(object).where(column.notna(), None).tolist()


def collapse_clusters(frame: pd.DataFrame) -> pd.DataFrame:
    """One row per cluster of a :func:`cluster_events` table: its representative's row (see
    :func:`_representative_order`) with ``sources`` (for a merged item a list of dicts of
    :data:`SOURCE_FIELDS`, the representative first, then by publication date; None for an
    event that stands alone, whose row is its only source), ``spread_start``/``spread_end``
    (the earliest start and latest end its sources give) and ``hidden`` true only when every
    source is hidden. Sorted and indexed like the events table."""
    if "cluster_id" not in frame:
        frame = cluster_events(frame, enabled=False)
    sizes = frame["cluster_size"].to_numpy(dtype=np.int64)
    keep = sizes <= 1
    in_merged = ~keep
    spread_start = frame["start"].to_numpy(dtype="datetime64[s]").copy()
    spread_end = frame["end"].to_numpy(dtype="datetime64[s]").copy()
    hidden = (frame["hidden"].to_numpy(dtype=bool) if "hidden" in frame else np.zeros(len(frame), bool)).copy()
    sources: list[Any] = [None] * len(frame)
    merged = np.flatnonzero(in_merged)
    if len(merged):
        rank = _representative_order(frame)[merged]
        published = frame["published"].to_numpy(dtype="datetime64[D]").astype(np.int64)[merged]
        group, _ = pd.factorize(frame["cluster_id"].iloc[merged].astype(object).to_numpy())
        # the rows of each cluster together, its representative first (lowest rank), then the
        # others by publication date: numpy sorts, not a Python loop per cluster (a million
        # events hold ~30,000 merged items)
        by_rank = np.lexsort((rank, group))
        starts = np.flatnonzero(np.r_[True, group[by_rank][1:] != group[by_rank][:-1]])
        heads = merged[by_rank[starts]]
        is_head = np.zeros(len(merged), dtype=bool)
        is_head[by_rank[starts]] = True
        order = np.lexsort((rank, published, ~is_head, group))
        rows = merged[order]
        keep[heads] = True
        spread_start[heads] = np.minimum.reduceat(spread_start[rows], starts)
        spread_end[heads] = np.maximum.reduceat(spread_end[rows], starts)
        hidden[heads] = np.logical_and.reduceat(hidden[rows], starts)
        # the sources' fields as Python values of the merged rows only: of a million-event
        # store, converting whole columns (a Timestamp per date) took 8 s for 6% of its rows
        fields = [name for name in SOURCE_FIELDS if name in frame]
        records = [dict(zip(fields, values, strict=True))
                   for values in zip(*(_source_values(frame[name], in_merged, order, rows) for name in fields),
                                     strict=True)]
        bounds = [*starts.tolist(), len(rows)]
        for head, first, last in zip(heads.tolist(), bounds[:-1], bounds[1:], strict=True):
            sources[head] = records[first:last]
    kept = np.flatnonzero(keep)
    from desktop.core.events.table import keep_rows

    result = keep_rows(frame, keep)
    result["sources"] = pd.Series([sources[r] for r in kept.tolist()], index=result.index, dtype=object)
    result["spread_start"] = spread_start[kept]
    result["spread_end"] = spread_end[kept]
    result["hidden"] = hidden[kept]
    return result


def item_sources(row: Any) -> list[dict[str, Any]]:
    """The sources of a row of :func:`collapse_clusters` (a mapping or a named tuple): its
    ``sources``, or the row itself as its only source."""
    value = row.get("sources") if hasattr(row, "get") else getattr(row, "sources", None)
    if isinstance(value, list) and value:
        return value
    get = row.get if hasattr(row, "get") else (lambda name, default=None: getattr(row, name, default))
    return [{name: _plain(get(name, None)) for name in SOURCE_FIELDS}]


def other_sources_by_file(items: pd.DataFrame) -> dict[str, list[tuple[int, int, int, int, int]]]:
    """Where the sources of merged items other than their representative lie, by file:
    ``(item row, date_start, date_end, sentence_start, sentence_end)``. An item's row stands
    at its representative's file only; a text view showing another source's article finds its
    date and sentence here. Hidden sources are left out."""
    found: dict[str, list[tuple[int, int, int, int, int]]] = defaultdict(list)
    if "sources" not in items:
        return {}
    listed = items["sources"].to_numpy(dtype=object)
    for row in np.flatnonzero(pd.notna(listed)).tolist():  # None: an event that stands alone
        for source in listed[row][1:]:
            if source.get("hidden"):
                continue
            found[str(source["file"])].append((row, int(source["date_start"]), int(source["date_end"]),
                                               int(source["sentence_start"]), int(source["sentence_end"])))
    return dict(found)


def source_event_ids(items: pd.DataFrame, members: pd.DataFrame, ids: Sequence[str]) -> list[str]:
    """The events behind the items of ``ids`` (rows of :func:`collapse_clusters`), for the
    formats that list events one by one (CSV, Excel, JSON): every source of a merged item,
    each with its ``cluster_id``, instead of its representative alone. Hidden sources stay out."""
    if "cluster_id" not in members or not len(ids):
        return list(ids)
    from desktop.core.events.table import values_in

    chosen = items[values_in(items["id"], ids)]
    clusters = set(chosen["cluster_id"].astype(str))
    keep = values_in(members["cluster_id"], clusters)
    if "hidden" in members:
        keep = keep & ~members["hidden"].to_numpy(dtype=bool)
    return members["id"][keep].astype(str).tolist()
