"""Scoring predicted events against ``tests/data/seeds_gold.json``.

A predicted event *matches* a gold event when it is in the same file and its
``date_span`` overlaps the gold expression's span (found through the gold anchor, a
unique substring of the file). A *strict* match also needs equal start and end. Matching
is one-to-one (a strict candidate is preferred). Run as a script to print the report:
``python tests/gold_scoring.py``.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOLD_PATH = ROOT / "tests" / "data" / "seeds_gold.json"


@dataclass
class GoldEvent:
    file: str
    anchor: str
    timex: str
    start: str
    end: str
    span: tuple[int, int]


@dataclass
class FileScore:
    file: str
    gold: int = 0
    predicted: int = 0
    span_matched: int = 0
    strict_matched: int = 0
    misses: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)

    @staticmethod
    def prf(matched: int, predicted: int, gold: int) -> tuple[float, float, float]:
        p = matched / predicted if predicted else (1.0 if not gold else 0.0)
        r = matched / gold if gold else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f

    @property
    def strict(self) -> tuple[float, float, float]:
        return self.prf(self.strict_matched, self.predicted, self.gold)

    @property
    def span(self) -> tuple[float, float, float]:
        return self.prf(self.span_matched, self.predicted, self.gold)


def load_gold(texts: dict[str, str]) -> list[GoldEvent]:
    data = json.loads(GOLD_PATH.read_text(encoding="utf-8"))
    events = []
    for article in data["articles"]:
        text = texts[article["file"]]
        for item in article["events"]:
            position = text.find(item["anchor"])
            assert position >= 0, f"anchor not found: {item['anchor']!r}"
            offset = item["anchor"].find(item["timex"])
            start = position + max(offset, 0)
            end = start + len(item["timex"]) if offset >= 0 else position + len(item["anchor"])
            events.append(GoldEvent(article["file"], item["anchor"], item["timex"], item["start"], item["end"], (start, end)))
    return events


def score(predicted: list[dict], texts: dict[str, str]) -> dict[str, FileScore]:
    """Per-file scores of predicted events (dicts with file, date_span, start, end, date_text, title)."""
    gold = load_gold(texts)
    scores = {name: FileScore(name) for name in sorted(texts)}
    for event in predicted:
        scores[event["file"]].predicted += 1
    used: set[int] = set()
    for g in gold:
        scores[g.file].gold += 1
        candidates = [
            (i, e) for i, e in enumerate(predicted)
            if i not in used and e["file"] == g.file
            and e["date_span"][0] < g.span[1] and g.span[0] < e["date_span"][1]
        ]
        strict = [(i, e) for i, e in candidates if e["start"] == g.start and e["end"] == g.end]
        chosen = (strict or candidates or [None])[0]
        if chosen is None:
            scores[g.file].misses.append(f"MISS   {g.timex!r} ({g.start}..{g.end}) at {g.anchor!r}")
            continue
        used.add(chosen[0])
        scores[g.file].span_matched += 1
        if strict:
            scores[g.file].strict_matched += 1
        else:
            e = chosen[1]
            scores[g.file].misses.append(
                f"WRONG  {g.timex!r}: expected {g.start}..{g.end}, got {e['start']}..{e['end']} at {g.anchor!r}"
            )
    for i, e in enumerate(predicted):
        if i not in used:
            scores[e["file"]].spurious.append(
                f"EXTRA  {e['date_text']!r} {e['start']}..{e['end']} → {e['title']}"
            )
    return scores


def totals(scores: dict[str, FileScore]) -> FileScore:
    total = FileScore("overall")
    for s in scores.values():
        total.gold += s.gold
        total.predicted += s.predicted
        total.span_matched += s.span_matched
        total.strict_matched += s.strict_matched
    return total


def report(scores: dict[str, FileScore]) -> str:
    lines = [f"{'file':28} {'gold':>4} {'pred':>4}  strict P/R/F1        span P/R/F1"]
    for s in [*scores.values(), totals(scores)]:
        sp, sr, sf = s.strict
        pp, pr, pf = s.span
        lines.append(
            f"{s.file:28} {s.gold:4d} {s.predicted:4d}  {sp:.3f}/{sr:.3f}/{sf:.3f}  {pp:.3f}/{pr:.3f}/{pf:.3f}"
        )
    for s in scores.values():
        for line in s.misses + s.spurious:
            lines.append(f"  {s.file[:3]} {line}")
    return "\n".join(lines)


def seeds_score() -> dict[str, FileScore]:
    sys.path.insert(0, str(ROOT))
    from desktop.core.corpus import extract
    from desktop.core.serialize import event_records

    corpus = extract([ROOT / "seeds"])
    texts = {doc.name: doc.text for doc in corpus.documents}
    return score(event_records(corpus.events), texts)


if __name__ == "__main__":
    print(report(seeds_score()))
