"""Publication dates of the real corpus (``../shared/corpus``) against what its sources state.

Used by ``tests/benchmarks/bench_published.py`` (figures, htmldate beside ours) and by
``tests/test_real_published.py`` (the accuracy must stay at the goal). Nothing here is
copied from the corpus: the expected dates are read from its ``index/*.tsv`` files.

Expected dates per folder:

* ``html_cwced``: the dataset's hand-labelled ``gold_date`` (rows whose label is a date);
* every ``html_*`` page whose markup states a date: the ``meta_date_if_any`` column;
* ``cec``: the file's first line (the report time), read by a plain regex here;
* ``xwlb_cctv`` / ``dxy_newsflash``: the ``pubtime`` / ``pubDate`` column (line 2 of the file);
* ``xwlb_rss``: the RFC 2822 ``pubDate`` column, in Beijing time;
* ``sogou_ca_gbk``: the date of the record's URL (the index has nothing else), and, for the
  records annotated in ``../shared/gold/real_gold.json``, the gold's ``published`` (dateline
  month and day with the URL's year, CONVENTIONS.md rule 1).

A gold date with month precision only (``2003-5``) is matched by any day of that month.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Callable, Iterable
from datetime import timedelta, timezone
from email.utils import parsedate_to_datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
GOLD = SHARED / "gold" / "real_gold.json"

BEIJING = timezone(timedelta(hours=8))
HTML_FOLDERS = ("html_cwced", "html_gerapy", "html_gne", "html_htmldate")


def available() -> bool:
    return (CORPUS / "index").is_dir()


def _rows(name: str) -> list[dict[str, str]]:
    with open(CORPUS / "index" / f"{name}.tsv", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


_YMD = re.compile(r"((?:19|20)\d\d)\s*[-/年.]\s*(\d{1,2})(?:\s*[-/月.]\s*(\d{1,2}))?")


def _prefix(value: str) -> str | None:
    """``2005-3-11 12:12`` → ``2005-03-11``; ``2003-5`` → ``2003-05``; not a date → None."""
    match = _YMD.search(value)
    if not match:
        day_first = re.search(r"(\d{1,2})/(\d{1,2})/((?:19|20)\d\d)", value)  # 25/07/2009
        return f"{day_first[3]}-{int(day_first[2]):02d}-{int(day_first[1]):02d}" if day_first else None
    parts = [match[1], f"{int(match[2]):02d}"] + ([f"{int(match[3]):02d}"] if match[3] else [])
    return "-".join(parts)


def _rfc2822_day(value: str) -> str:
    return parsedate_to_datetime(value).astimezone(BEIJING).date().isoformat()


_FULL_WIDTH = str.maketrans("０１２３４５６７８９", "0123456789")
_LEAD_DATELINE = re.compile(r"<content>[^<]{0,30}?(\d{1,2})月(\d{1,2})日(?:电|讯|消息)(?!称)")


def _rule_one(path: str, url_day: str) -> str:
    """CONVENTIONS.md rule 1 for a SogouCA record: the dateline's month and day with the
    URL's year, when the dateline falls in the week before the URL date; else the URL date."""
    from datetime import date

    text = (CORPUS / path).read_bytes().decode("gb18030").translate(_FULL_WIDTH)
    match = _LEAD_DATELINE.search(text)
    if not match:
        return url_day
    posted = date.fromisoformat(url_day)
    for year in (posted.year, posted.year - 1):
        try:
            day = date(year, int(match[1]), int(match[2]))
        except ValueError:
            continue
        if timedelta(0) <= posted - day <= timedelta(days=7):
            return day.isoformat()
    return url_day


def expected_dates() -> dict[str, dict[str, str]]:
    """``{set name: {path under corpus/: expected date prefix}}``."""
    sets: dict[str, dict[str, str]] = {}
    labelled = {}
    for row in _rows("html_cwced"):
        value = _prefix(row["gold_date (date/<id>.txt)"].strip())
        if value:
            labelled[f"html_cwced/{row['file']}"] = value
    sets["html_labelled"] = labelled
    meta = {}
    for folder in HTML_FOLDERS:
        for row in _rows(folder):
            value = _prefix((row.get("meta_date_if_any") or "").strip())
            if value:
                meta[f"{folder}/{row['file']}"] = value
    sets["html_meta"] = meta
    sets["cec"] = {f"cec/{r['file']}": v for r in _rows("cec") if (v := _prefix(r["first_line"]))}
    sets["xwlb_cctv"] = {f"xwlb_cctv/{r['file']}": _prefix(r["pubtime"]) for r in _rows("xwlb_cctv")}
    sets["xwlb_rss"] = {f"xwlb_rss/{r['file']}": _rfc2822_day(r["pubDate"]) for r in _rows("xwlb_rss")}
    sets["dxy_newsflash"] = {f"dxy_newsflash/{r['file']}": _prefix(r["pubDate"]) for r in _rows("dxy_newsflash")}
    url_day = re.compile(r"/((?:19|20)\d\d)(\d\d)(\d\d)/")
    sogou = {}
    for row in _rows("sogou_ca_gbk"):
        match = url_day.search(row["url"])
        if match:
            sogou[f"sogou_ca_gbk/{row['file']}"] = f"{match[1]}-{match[2]}-{match[3]}"
    sets["sogou_ca_gbk (URL date)"] = sogou
    sets["sogou_ca_gbk (rule 1)"] = {path: _rule_one(path, day) for path, day in sogou.items()}
    if GOLD.is_file():
        gold = json.loads(GOLD.read_text(encoding="utf-8"))["articles"]
        sets["sogou_ca_gbk (gold)"] = {
            a["file"]: a["published"] for a in gold if a["file"].startswith("sogou_ca_gbk/") and a["published"]
        }
    return sets


def engine_dates(paths: Iterable[str]) -> dict[str, tuple[str | None, str]]:
    """``{path: (the first article's publication date or None, its basis)}`` by the engine."""
    from desktop.core.reading.articles import split_articles
    from desktop.core.reading.reader import UnreadableFile, read_document

    found: dict[str, tuple[str | None, str]] = {}
    for path in paths:
        try:
            articles = split_articles(read_document(CORPUS / path))
        except UnreadableFile as exc:
            found[path] = (None, f"unreadable: {exc}")
            continue
        published = articles[0].published
        day = published.date
        found[path] = (day.isoformat() if day else published.edtf, published.basis)
    return found


def htmldate_dates(paths: Iterable[str]) -> dict[str, str | None]:
    """htmldate's ``find_date`` on each page (its default settings), on the same decoded markup."""
    from htmldate import find_date

    from desktop.core.reading.reader import decode_bytes

    found = {}
    for path in paths:
        markup, _ = decode_bytes((CORPUS / path).read_bytes())
        try:
            found[path] = find_date(markup)
        except Exception:  # noqa: BLE001 - a failure of the peer is a miss, not a crash of the benchmark
            found[path] = None
    return found


def accuracy(expected: dict[str, str], predicted: Callable[[str], str | None]) -> tuple[int, int, list[str]]:
    """(right, total, the paths that were wrong); a prediction is right when it starts with the expected prefix."""
    wrong = [path for path, value in sorted(expected.items()) if not (predicted(path) or "").startswith(value)]
    return len(expected) - len(wrong), len(expected), wrong
