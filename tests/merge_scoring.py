"""Scoring the merge of events across articles against a merge gold (pairwise precision/recall).

Two gold layouts are read:

* ``{"happenings": [{"id", "mentions": [{"file", "start", "end"}]}], "distinct_pairs": [{"a", "b"}]}``
  (``tests/data/merge_gold.json``, a copy of ``/work/merge_gold/merge_gold.json``; conventions in
  its ``CONVENTIONS.md``): offsets into the file read with ``open(path, encoding='utf-8',
  newline='')``;
* ``{"articles": [{"file", "events": [{"anchor", "happening"}]}]}`` (``tests/data/merge/``): a
  mention is the first occurrence of its anchor in the file.

``file`` is a path under the corpus folder (``../shared/corpus``). An engine event *maps* to a
gold mention of its file when the event's sentence, located in the raw file text, overlaps the
mention's offsets (the largest overlap when it touches several). Two mentions are *predicted*
merged when events mapped to them share a ``cluster_id``. Gold positive pairs are the pairs of
mentions of one happening; a predicted pair of mentions of two happenings (or of a
``distinct_pairs`` entry) counts against precision. Pairs involving events the gold does not
know are not counted either way.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
GOLD_PATH = ROOT / "tests" / "data" / "merge_gold.json"
ANCHOR_GOLD_PATH = ROOT / "tests" / "data" / "merge" / "merge_gold.json"


@dataclass(frozen=True)
class Mention:
    file: str  # path under the corpus folder
    start: int
    end: int
    happening: str


@dataclass
class Gold:
    mentions: list[Mention]
    distinct: set[frozenset[int]] = field(default_factory=set)  # pairs of mention indices

    @property
    def files(self) -> list[str]:
        return sorted({m.file for m in self.mentions})

    def folders(self) -> list[str]:
        return sorted({m.file.split("/", 1)[0] for m in self.mentions})

    def positive_pairs(self) -> set[frozenset[int]]:
        by_happening: dict[str, list[int]] = defaultdict(list)
        for index, mention in enumerate(self.mentions):
            by_happening[mention.happening].append(index)
        return {frozenset(p) for group in by_happening.values() for p in combinations(group, 2)}


def raw_text(corpus: Path, file: str) -> str:
    with open(corpus / file, encoding="utf-8", newline="") as handle:
        return handle.read()


def load_gold(path: Path, corpus: Path = CORPUS) -> Gold:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    mentions: list[Mention] = []
    index: dict[tuple[str, int, int], int] = {}

    def add(item: dict[str, Any], happening: str) -> int:
        key = (str(item["file"]), int(item["start"]), int(item["end"]))
        if key not in index:
            index[key] = len(mentions)
            mentions.append(Mention(*key, happening))
        return index[key]

    if "happenings" in data and isinstance(data["happenings"], list):
        for happening in data["happenings"]:
            for mention in happening["mentions"]:
                add(mention, str(happening["id"]))
        distinct = set()
        for number, pair in enumerate(data.get("distinct_pairs", [])):
            a = add(pair["a"], f"distinct-{number}-a")
            b = add(pair["b"], f"distinct-{number}-b")
            distinct.add(frozenset((a, b)))
        return Gold(mentions, distinct)
    for article in data["articles"]:
        text = raw_text(corpus, article["file"])
        for number, event in enumerate(article["events"]):
            start = text.find(event["anchor"])
            if start < 0:
                continue
            happening = event.get("happening") or f"{article['file']}#{number}"
            add({"file": article["file"], "start": start, "end": start + len(event["anchor"])}, str(happening))
    return Gold(mentions)


def _raw_offsets(raw: str) -> list[int]:
    """For each character of the text as the engine reads it (BOM dropped, CRLF and CR as
    LF), its offset in the raw text; one more entry for the end."""
    offsets: list[int] = []
    position = 1 if raw.startswith("\ufeff") else 0
    while position < len(raw):
        offsets.append(position)
        position += 2 if raw.startswith("\r\n", position) else 1
    offsets.append(len(raw))
    return offsets


def _gold_file(engine_file: str, gold_files: list[str]) -> str | None:
    for gold_file in gold_files:
        if gold_file == engine_file or gold_file.endswith("/" + engine_file) or engine_file.endswith("/" + gold_file):
            return gold_file
    return None


def map_events(gold: Gold, events: Any, corpus: Path = CORPUS) -> dict[str, int]:
    """Engine event id → index of the gold mention it maps to (events that map to none are left out)."""
    files = gold.files
    by_file: dict[str, list[int]] = defaultdict(list)
    for index, mention in enumerate(gold.mentions):
        by_file[mention.file].append(index)
    offsets_of: dict[str, list[int]] = {}
    mapped: dict[str, int] = {}
    for row in events[["id", "file", "sentence_start", "sentence_end"]].itertuples(index=False):
        gold_file = _gold_file(str(row.file), files)
        if gold_file is None:
            continue
        if gold_file not in offsets_of:
            offsets_of[gold_file] = _raw_offsets(raw_text(corpus, gold_file))
        offsets = offsets_of[gold_file]
        start = offsets[min(int(row.sentence_start), len(offsets) - 1)]
        end = offsets[min(int(row.sentence_end), len(offsets) - 1)]
        best, best_overlap = None, 0
        for index in by_file[gold_file]:
            mention = gold.mentions[index]
            overlap = min(end, mention.end) - max(start, mention.start)
            if overlap > best_overlap:
                best, best_overlap = index, overlap
        if best is not None:
            mapped[str(row.id)] = best
    return mapped


def score(gold: Gold, events: Any, corpus: Path = CORPUS) -> dict[str, Any]:
    """Pairwise precision and recall of ``events`` (with ``cluster_id``) against ``gold``."""
    mapped = map_events(gold, events, corpus)
    clusters: dict[str, set[int]] = defaultdict(set)
    outlets: dict[int, set[str]] = defaultdict(set)
    for row in events[["id", "cluster_id", "outlet"]].itertuples(index=False):
        mention = mapped.get(str(row.id))
        if mention is not None:
            clusters[str(row.cluster_id)].add(mention)
            outlets[mention].add(str(row.outlet))
    predicted = {frozenset(p) for group in clusters.values() for p in combinations(sorted(group), 2)}
    positives = gold.positive_pairs()
    happening = [m.happening for m in gold.mentions]
    true = predicted & positives
    false = {p for p in predicted if len({happening[i] for i in p}) == 2}
    found = {m for m in mapped.values()}

    def kind(pair: frozenset[int]) -> str:
        """By the outlets of the two mentions' articles: the one the engine read, else the
        source line the file states (third line of the DXY and 新闻联播 layouts)."""
        a, b = (outlets[i] - {"<NA>", "None", "nan", ""} or {stated_source(corpus, gold.mentions[i].file)} - {""}
                for i in sorted(pair))
        if not a or not b:
            return "outlet unknown"
        return "same outlet" if a & b else "different outlets"

    reachable = {p for p in positives if p <= found}  # both mentions have an engine event
    by_kind: dict[str, dict[str, int]] = {}
    for name in ("same outlet", "different outlets", "outlet unknown"):
        chosen = {p for p in positives if kind(p) == name}
        by_kind[name] = {"gold": len(chosen), "reachable": len(chosen & reachable), "found": len(chosen & predicted)}
    precision = len(true) / (len(true) + len(false)) if true or false else 1.0
    recall = len(true) / len(positives) if positives else 1.0
    return {
        "precision": round(precision, 3),
        "recall": round(recall, 3),
        "f1": round(2 * precision * recall / (precision + recall), 3) if precision + recall else 0.0,
        "true_pairs": len(true),
        "false_pairs": len(false),
        "gold_pairs": len(positives),
        "reachable_pairs": len(reachable),
        "recall_reachable": round(len(true & reachable) / len(reachable), 3) if reachable else 1.0,
        "distinct_pairs_merged": len(false & gold.distinct),
        "distinct_pairs": len(gold.distinct),
        "mentions": len(gold.mentions),
        "mentions_found": len(found),
        "by_kind": by_kind,
        "misses": [[_describe(gold.mentions[i]) for i in sorted(p)] for p in sorted(positives - predicted, key=sorted)],
        "false": [[_describe(gold.mentions[i]) for i in sorted(p)] for p in sorted(false, key=sorted)],
    }


def stated_source(corpus: Path, file: str) -> str:
    """The source line of a file laid out as title / date / source / address (else "")."""
    lines = raw_text(corpus, file).split("\n", 4)
    return lines[2].strip() if len(lines) > 3 and lines[3].startswith("http") else ""


def _describe(mention: Mention) -> str:
    return f"{mention.file}:{mention.start}-{mention.end} ({mention.happening})"
