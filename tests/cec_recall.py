"""Recall of the CEC corpus's own time annotation (``../shared/corpus/cec_annotated/*.xml``).

CEC (shijiebei2009/CEC-Corpus) marks every time expression of its 332 emergency reports with
``<Time>``. Those that name a calendar day, month or year (年, 月, 日/号 after a numeral, 昨/今,
前天/前日/前晚, a weekday, 当天/当日/次日 …; not durations such as ``50年`` or ``近3年``, nor the
deictic 目前) must each be the date of an event the engine extracts from the raw article
(``cec/NNNN.txt``): an event whose ``date_span`` overlaps the expression. A time of day
(``昨晚8时``, ``27日下午3时许``) must moreover be dated to its day: the event is one day long.
A time of day standing alone (``下午3时许``, ``当晚7时50分``, no calendar word) is measured
apart: found as an event one day long (the day in context).

The annotated text is the raw text with tags added, so the k-th occurrence of an expression in
the XML is its k-th occurrence in the raw text. Run as a script (``python tests/cec_recall.py``)
to print every miss and a JSON object as the last line.
"""

from __future__ import annotations

import html
import json
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CEC = ROOT.parent / "shared" / "corpus"

_D = r"[\d０-９〇○零一二三四五六七八九十两廿卅]"
CALENDAR = re.compile(
    rf"{_D}{{4}}\s*年|{_D}{{1,2}}\s*月|{_D}{{1,3}}\s*[日号]|[昨]|今[天日晚年早晨夜(（]|今\s*[(（]|"
    r"前[天日晚夜]|明[天日晚早]|星期[一二三四五六日天]|礼拜[一二三四五六日天]|周[一二三四五六日末]|"
    r"当[天日晚夜]|[次翌]日|第二[天日]|[本上下]个?月|[去明]年|元旦|除夕|春节|国庆|中秋|圣诞|新年"
)
TIME_OF_DAY = re.compile(
    r"\d\s*[时点:：]|[〇零一二三四五六七八九十]\s*[时点]|上午|下午|中午|晚|凌晨|早|夜|傍晚|清晨|午"
)
#: ``新华社昆明12月26日电``, ``京华时报8月27日信息``: a dateline (the filing date, never an event)
DATELINE = re.compile(r"\s*(?:电|讯|消息|信息[:：]|报道[:：])")
#: a time of day and nothing else (下午3时许, 当晚7时50分, 凌晨4点20分左右)
LONE_TIME = re.compile(
    r"(?:当天|当日|当晚|当夜)?(?:上午|下午|中午|晚上|早上|早晨|凌晨|傍晚|夜间|夜里|深夜|清晨|晚间|晚|早)?"
    r"[\d０-９〇零一二两三四五六七八九十]{1,3}[时点:：][\d０-９〇零一二三四五六七八九十]{0,3}分?(?:许|左右|多|过)?"
)
TIME_TAG = re.compile(r"<Time\b[^>]*>(.*?)</Time>", re.S)


@dataclass
class Expression:
    file: str
    text: str
    span: tuple[int, int]
    time_of_day: bool
    alone: bool = False  # a time of day with no calendar word (下午3时许)


@dataclass
class Recall:
    expressions: int = 0
    found: int = 0
    time_of_day: int = 0
    time_of_day_to_day: int = 0
    unplaced: int = 0
    datelines: int = 0
    alone: int = 0  # times of day standing alone
    alone_to_day: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.expressions if self.expressions else 1.0

    @property
    def day_share(self) -> float:
        return self.time_of_day_to_day / self.time_of_day if self.time_of_day else 1.0

    @property
    def alone_share(self) -> float:
        return self.alone_to_day / self.alone if self.alone else 1.0


def read_raw(path: Path) -> str:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("gb18030")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def expressions(xml_path: Path, raw: str, name: str) -> tuple[list[Expression], int, int]:
    """The calendar expressions of one annotated file placed in its raw text, how many could
    not be placed, and how many datelines were left out."""
    xml = xml_path.read_text(encoding="utf-8-sig")
    out: list[Expression] = []
    unplaced = datelines = 0
    cursor = raw.find("\n") + 1  # the first line is the report time, <ReportTime> in the XML
    for m in TIME_TAG.finditer(xml):
        value = html.unescape(re.sub(r"<[^>]+>", "", m.group(1))).strip()
        value = re.sub(r"\s+", "", value)
        if not value:
            continue
        loose = r"\s*".join(re.escape(ch) for ch in value)
        hit = re.compile(loose).search(raw, cursor) or re.compile(loose).search(raw)
        alone = not CALENDAR.search(value) and bool(LONE_TIME.fullmatch(value))
        if (not CALENDAR.search(value) and not alone) or re.fullmatch(r"截[至止]?目前|目前", value):
            if hit and hit.start() >= cursor:
                cursor = hit.end()
            continue
        if hit is None:
            unplaced += 1
            continue
        if hit.start() >= cursor:
            cursor = hit.end()
        if DATELINE.match(raw, hit.end()):
            datelines += 1
            continue
        out.append(Expression(name, value, (hit.start(), hit.end()), bool(TIME_OF_DAY.search(value)), alone))
    return out, unplaced, datelines


def measure(corpus: Path = CEC) -> Recall:
    sys.path.insert(0, str(ROOT))
    from desktop.core.corpus import extract
    from desktop.core.serialize import event_records

    result = extract([corpus / "cec"])
    events: dict[str, list[dict]] = {}
    for record in event_records(result.events):
        events.setdefault(record["file"], []).append(record)
    texts = {doc.name: doc.text for doc in result.documents}
    out = Recall()
    for xml_path in sorted((corpus / "cec_annotated").glob("*.xml")):
        name = xml_path.with_suffix(".txt").name
        raw = texts.get(name)
        if raw is None:
            raw = read_raw(corpus / "cec" / name)
        found, unplaced, datelines = expressions(xml_path, raw, name)
        out.unplaced += unplaced
        out.datelines += datelines
        for ex in found:
            over = [e for e in events.get(name, [])
                    if e["date_span"][0] < ex.span[1] and ex.span[0] < e["date_span"][1]]  # fmt: skip
            if ex.alone:
                out.alone += 1
                if any(e["start"] == e["end"] for e in over):
                    out.alone_to_day += 1
                else:
                    context = raw[max(ex.span[0] - 12, 0) : ex.span[1] + 12].replace("\n", " ")
                    out.misses.append(f"ALONE {name} {ex.text!r} … {context}")
                continue
            out.expressions += 1
            if over:
                out.found += 1
            else:
                context = raw[max(ex.span[0] - 12, 0) : ex.span[1] + 12].replace("\n", " ")
                out.misses.append(f"MISS  {name} {ex.text!r} … {context}")
            if ex.time_of_day:
                out.time_of_day += 1
                if any(e["start"] == e["end"] for e in over):
                    out.time_of_day_to_day += 1
                elif over:
                    e = over[0]
                    out.misses.append(f"NODAY {name} {ex.text!r}: {e['start']}..{e['end']} ({e['date_text']!r})")
    return out


def main() -> int:
    started = time.perf_counter()
    r = measure()
    for line in r.misses:
        print(line)
    print(f"calendar expressions {r.expressions}, found {r.found} (recall {r.recall:.3f}); "
          f"times of day {r.time_of_day}, dated to their day {r.time_of_day_to_day} ({r.day_share:.3f}); "
          f"not placed {r.unplaced}; datelines left out {r.datelines}; times of day alone {r.alone}, "
          f"dated to a day {r.alone_to_day} ({r.alone_share:.3f})")  # fmt: skip
    print(json.dumps({"expressions": r.expressions, "found": r.found, "recall": round(r.recall, 4),
                      "time_of_day": r.time_of_day, "time_of_day_to_day": r.time_of_day_to_day,
                      "day_share": round(r.day_share, 4), "unplaced": r.unplaced, "datelines": r.datelines,
                      "alone": r.alone, "alone_to_day": r.alone_to_day, "alone_share": round(r.alone_share, 4),
                      "seconds": round(time.perf_counter() - started, 2)}))  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
