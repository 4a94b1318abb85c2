"""Scoring predicted events against a gold file of dated events.

Two kinds of gold share one schema (``{"articles": [{"file", "events": [{"anchor", "timex",
"start", "end", ...}]}]}``):

* the seeds' and the held-out sets' gold (``tests/data/seeds_gold.json``, ``tests/data/heldout*/``),
  whose ``file`` is a file name of the extracted corpus;
* real-text gold such as ``../shared/gold/real_gold.json`` (conventions in
  ``../shared/gold/CONVENTIONS.md``), whose ``file`` is a path under ``../shared/corpus/`` and
  which may carry ``published`` and ``precision``.

A gold event is placed through its anchor, a unique substring of the file; its expression is
the timex inside the anchor. For an HTML page the anchor was written against the raw markup,
while the engine's document text is the page reduced to text, so the anchor is looked for in
that text (exactly, else with any run of white space matching any other). A predicted event
*matches* a gold event when it is in the same file and its ``date_span`` overlaps the gold
expression's span. Matching is one-to-one, a strict candidate preferred, then a lenient one.

* **strict**: equal start and end;
* **span**: any overlapping prediction;
* **lenient**: strict, or an interval inside the gold unit where the timex narrows it with a
  modifier (年底, 月初, 上旬, 上午 …: CONVENTIONS rule 3), or, for a vague expression of the
  recent past (近日, 日前, 近期, 前几天 …, rule 7), an interval that ends on the publication day
  or lies inside the gold envelope.

Run as a script: ``python tests/gold_scoring.py`` scores the seeds; ``python tests/gold_scoring.py
--gold PATH`` scores any gold file of that schema (real-text gold is extracted from the corpus
folder beside the gold's own folder, or ``--corpus DIR``). It prints per-file scores, every miss,
wrong date and extra event, and a JSON object as its last line.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOLD_PATH = ROOT / "tests" / "data" / "seeds_gold.json"
SHARED = ROOT.parent / "shared"
REAL_GOLD_PATH = SHARED / "gold" / "real_gold.json"

#: Modifiers that narrow the unit they modify; the gold keeps the whole unit (CONVENTIONS
#: rule 3), a system may give the narrower part inside it.
NARROWING = (
    "年初", "年底", "年末", "年终", "年中", "岁末", "伊始", "月初", "月底", "月末", "月中", "上旬",
    "中旬", "下旬", "初", "底", "末", "前后", "左右", "上午", "下午", "中午", "晚上", "早上", "凌晨",
    "傍晚", "夜间", "深夜", "清晨", "晚", "夜", "早", "时", "点", "分", "许", "前",
)
#: Vague expressions of the recent past (CONVENTIONS rule 7).
RECENT = (
    "近日", "日前", "近期", "前几天", "前几日", "前些天", "前些日子", "不久前", "前不久", "日来",
    "近来", "最近", "前段时间", "前一段时间", "这几天", "连日来", "近段时间",
)


@dataclass
class GoldEvent:
    file: str
    anchor: str
    timex: str
    start: str
    end: str
    span: tuple[int, int]
    precision: str = ""
    published: str | None = None

    @property
    def narrowed(self) -> bool:
        return any(word in self.timex for word in NARROWING)

    @property
    def recent(self) -> bool:
        return any(word in self.timex for word in RECENT)


@dataclass
class FileScore:
    file: str
    gold: int = 0
    predicted: int = 0
    span_matched: int = 0
    strict_matched: int = 0
    lenient_matched: int = 0
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

    @property
    def lenient(self) -> tuple[float, float, float]:
        return self.prf(self.lenient_matched, self.predicted, self.gold)


def place_anchor(text: str, anchor: str) -> int:
    """Position of the anchor in the text, or -1: exactly, else with white space relaxed
    (a page reduced to text may break or join lines inside a text node)."""
    position = text.find(anchor)
    if position >= 0:
        return position
    if not anchor.split():
        return -1
    loose = r"\s*".join(r"\s*".join(re.escape(ch) for ch in piece) for piece in anchor.split())
    m = re.search(loose, text)
    return m.start() if m else -1


def load_gold(texts: dict[str, str], path: Path | None = None) -> list[GoldEvent]:
    """Gold events of the files in ``texts`` (every file of the gold must be there).

    An anchor that cannot be placed raises, except in a reduced HTML page, where it gets the
    span ``(-1, -1)`` and counts as a miss (the text may really be gone from the page text).
    """
    data = json.loads((path or GOLD_PATH).read_text(encoding="utf-8"))
    events = []
    for article in data["articles"]:
        text = texts[article["file"]]
        for item in article["events"]:
            position = place_anchor(text, item["anchor"])
            if position < 0:
                assert article["file"].endswith((".html", ".htm")), f"anchor not found: {item['anchor']!r}"
                span = (-1, -1)
            else:
                window = text[position : position + len(item["anchor"]) + 8]
                offset = window.find(item["timex"])
                start = position + max(offset, 0)
                end = start + len(item["timex"]) if offset >= 0 else position + len(item["anchor"])
                span = (start, end)
            events.append(GoldEvent(article["file"], item["anchor"], item["timex"], item["start"],
                                    item["end"], span, item.get("precision", ""),
                                    article.get("published")))  # fmt: skip
    return events


def lenient_ok(g: GoldEvent, e: dict) -> bool:
    """Whether the prediction is right under the lenient reading (see the module doc)."""
    if e["start"] == g.start and e["end"] == g.end:
        return True
    if e["start"] is None or e["end"] is None:
        return False
    inside = g.start <= e["start"] <= e["end"] <= g.end
    if inside and (g.narrowed or g.precision == "vague"):
        return True
    published = g.published or e.get("published")
    return g.recent and published is not None and e["end"] == published and e["start"] <= e["end"]


def score(predicted: list[dict], texts: dict[str, str], gold_path: Path | None = None) -> dict[str, FileScore]:
    """Per-file scores of predicted events (dicts with file, date_span, start, end, date_text, title)."""
    # called with one argument when no path is given (tests replace load_gold)
    gold = load_gold(texts) if gold_path is None else load_gold(texts, gold_path)
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
        lenient = [(i, e) for i, e in candidates if lenient_ok(g, e)]
        chosen = (strict or lenient or candidates or [None])[0]
        if chosen is None:
            where = " (anchor not in the page text)" if g.span[0] < 0 else ""
            scores[g.file].misses.append(f"MISS   {g.timex!r} ({g.start}..{g.end}) at {g.anchor!r}{where}")
            continue
        used.add(chosen[0])
        scores[g.file].span_matched += 1
        if strict:
            scores[g.file].strict_matched += 1
        if strict or lenient:
            scores[g.file].lenient_matched += 1
        if not strict:
            e = chosen[1]
            label = "LENIENT" if lenient else "WRONG "
            scores[g.file].misses.append(
                f"{label} {g.timex!r}: expected {g.start}..{g.end}, got {e['start']}..{e['end']} "
                f"({e['date_text']!r}) at {g.anchor!r}"
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
        total.lenient_matched += s.lenient_matched
    return total


def report(scores: dict[str, FileScore]) -> str:
    width = max([28, *(len(name) + 1 for name in scores)])
    lines = [f"{'file':{width}} {'gold':>4} {'pred':>4}  strict P/R/F1        span P/R/F1"
             "          lenient P/R/F1"]  # fmt: skip
    for s in [*scores.values(), totals(scores)]:
        cells = "  ".join("{:.3f}/{:.3f}/{:.3f}".format(*t) for t in (s.strict, s.span, s.lenient))
        lines.append(f"{s.file:{width}} {s.gold:4d} {s.predicted:4d}  {cells}")
    for s in scores.values():
        for line in s.misses + s.spurious:
            lines.append(f"  {s.file} {line}")
    return "\n".join(lines)


def summary(scores: dict[str, FileScore], **extra) -> dict:
    """The overall figures as plain data (the JSON last line of the script)."""
    total = totals(scores)

    def block(prf: tuple[float, float, float]) -> dict:
        return {"p": round(prf[0], 4), "r": round(prf[1], 4), "f1": round(prf[2], 4)}

    return {**extra, "files": len(scores), "gold": total.gold, "predicted": total.predicted,
            "strict": block(total.strict), "span": block(total.span),
            "lenient": block(total.lenient)}  # fmt: skip


def seeds_score() -> dict[str, FileScore]:
    sys.path.insert(0, str(ROOT))
    from desktop.core.corpus import extract
    from desktop.core.serialize import event_records

    corpus = extract([ROOT / "seeds"])
    texts = {doc.name: doc.text for doc in corpus.documents}
    return score(event_records(corpus.events), texts)


def corpus_of(gold_path: Path) -> Path:
    """The corpus folder real-text gold refers to: ``corpus/`` beside the gold's folder."""
    return gold_path.resolve().parent.parent / "corpus"


def is_real_gold(gold_path: Path) -> bool:
    """Whether the gold's files are paths under a corpus folder (``xwlb_cctv/…``)."""
    data = json.loads(gold_path.read_text(encoding="utf-8"))
    return any("/" in article["file"] for article in data["articles"])


def real_score(gold_path: Path, corpus: Path | None = None) -> dict[str, FileScore]:
    """Scores of a gold whose ``file`` is a path under ``corpus``: each file is extracted on its
    own (so two folders may hold the same file name) and keyed by that path."""
    sys.path.insert(0, str(ROOT))
    from desktop.core.corpus import extract
    from desktop.core.serialize import event_records

    corpus = corpus or corpus_of(gold_path)
    data = json.loads(gold_path.read_text(encoding="utf-8"))
    texts: dict[str, str] = {}
    predicted: list[dict] = []
    for article in data["articles"]:
        rel = article["file"]
        result = extract([corpus / rel])
        if not result.documents:
            raise FileNotFoundError(f"{corpus / rel}: {[str(p) for p in result.problems]}")
        texts[rel] = result.documents[0].text
        for record in event_records(result.events):
            predicted.append(dict(record, file=rel))
    return score(predicted, texts, gold_path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold", type=Path, help="gold JSON (default: the seeds' gold)")
    parser.add_argument("--corpus", type=Path, help="corpus folder of a real-text gold")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    if args.gold is None:
        scores, name = seeds_score(), str(GOLD_PATH.relative_to(ROOT))
    elif is_real_gold(args.gold):
        scores, name = real_score(args.gold, args.corpus), str(args.gold)
    else:
        sys.path.insert(0, str(ROOT))
        from desktop.core.corpus import extract
        from desktop.core.serialize import event_records

        result = extract([args.corpus or args.gold.parent])
        texts = {doc.name: doc.text for doc in result.documents}
        scores, name = score(event_records(result.events), texts, args.gold), str(args.gold)
    print(report(scores))
    print(json.dumps(summary(scores, gold_file=name, seconds=round(time.perf_counter() - started, 2)),
                     ensure_ascii=False))  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

