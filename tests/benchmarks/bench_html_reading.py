"""Benchmark: what the reader keeps of the 106 saved pages of ``../shared/corpus/html_*``.

Run as ``python tests/benchmarks/bench_html_reading.py`` (not collected by pytest; needs
``../shared``). Three readers, on the same decoded markup:

* ``whole page`` — the visible text of the whole page (the reader before pages were cut to
  their main text: :func:`desktop.core.reading.reader.html_to_text`), split into articles as before;
* ``trafilatura`` — trafilatura's main text alone (``extract``, txt, no comments);
* ``ours`` — what :func:`desktop.core.reading.reader.read_document` now makes of a page: headline,
  the page's stamp line, trafilatura's main text, or the page's densest run of sentences
  where trafilatura took a menu or a link list for the article.

Figures per reader: articles the 106 pages become; the gold anchors of the pages annotated
in ``../shared/gold/real_gold.json`` that are still in the text (recall of what matters);
the share of lines that are page furniture (menu items: short lines with no punctuation,
and lines the article splitter already calls boilerplate); pages left with under 50
characters of sentences; characters kept; and, for ours, titles and authors found (authors
against ``html_cwced``'s hand labels). The last line is a JSON object with all of it.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

import published_scoring as scoring  # noqa: E402

_PUNCT = re.compile(r"[，。！？；：,.!?;:“”]")


def furniture_share(text: str) -> float:
    from desktop.core.reading.articles import is_boilerplate

    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if not lines:
        return 0.0
    bad = sum(1 for line in lines if (len(line) <= 12 and not _PUNCT.search(line)) or is_boilerplate(line))
    return bad / len(lines)


def sentence_chars(text: str) -> int:
    return sum(len(line) for line in text.split("\n") if len(line) >= 20 and re.search(r"[。！？!?]", line))


def main() -> None:
    if not scoring.available():
        print(json.dumps({"error": f"no corpus at {scoring.CORPUS}"}))
        return
    import trafilatura

    from desktop.core.reading.articles import split_articles
    from desktop.core.reading.reader import (
        Document,
        decode_bytes,
        html_to_text,
        normalize_newlines,
        read_document,
    )

    pages = sorted(p for p in scoring.CORPUS.glob("html_*/*.html"))
    gold = json.loads(scoring.GOLD.read_text(encoding="utf-8"))["articles"] if scoring.GOLD.is_file() else []
    anchors = {a["file"]: [e["anchor"] for e in a["events"]] for a in gold if a["file"].startswith("html_")}
    authors = {}
    for row in scoring._rows("html_cwced"):
        label = row["gold_author (author/<id>.txt)"].strip()
        if label and label != "UNKNOWN":
            authors[f"html_cwced/{row['file']}"] = label
    readers = ("whole page", "trafilatura", "ours")
    figures = {name: {"articles": 0, "anchors_found": 0, "furniture": 0.0, "chars": 0, "empty_pages": 0,
                      "seconds": 0.0} for name in readers}
    extractors: dict[str, int] = {}
    titles = authors_right = 0
    for path in pages:
        key = str(path.relative_to(scoring.CORPUS))
        data = path.read_bytes()
        markup, encoding = decode_bytes(data)
        markup = normalize_newlines(markup)
        texts = {}
        started = time.perf_counter()
        whole = html_to_text(markup)
        doc = Document(path=path, text=whole, encoding=encoding, sha256=hashlib.sha256(data).hexdigest())
        figures["whole page"]["articles"] += len([a for a in split_articles(doc) if a.kind == "article"])
        figures["whole page"]["seconds"] += time.perf_counter() - started
        texts["whole page"] = whole
        started = time.perf_counter()
        texts["trafilatura"] = trafilatura.extract(markup, include_comments=False, include_tables=True) or ""
        figures["trafilatura"]["seconds"] += time.perf_counter() - started
        figures["trafilatura"]["articles"] += 1 if texts["trafilatura"].strip() else 0
        started = time.perf_counter()
        ours = read_document(path)
        articles = split_articles(ours)
        figures["ours"]["seconds"] += time.perf_counter() - started
        figures["ours"]["articles"] += len(articles)
        texts["ours"] = ours.text
        extractors[ours.page.extractor if ours.page else "no page"] = extractors.get(
            ours.page.extractor if ours.page else "no page", 0) + 1
        titles += 1 if articles[0].title else 0
        if key in authors and articles[0].author:
            wanted = set(authors[key].split())
            authors_right += 1 if set(articles[0].author.split()) & wanted else 0
        for name in readers:
            text = texts[name]
            squashed = re.sub(r"\s+", "", text)
            figures[name]["anchors_found"] += sum(1 for a in anchors.get(key, []) if re.sub(r"\s+", "", a) in squashed)
            figures[name]["furniture"] += furniture_share(text)
            figures[name]["chars"] += len(text)
            figures[name]["empty_pages"] += 1 if sentence_chars(text) < 50 else 0
    total_anchors = sum(len(v) for v in anchors.values())
    for name in readers:
        row = figures[name]
        row["furniture"] = round(row["furniture"] / len(pages), 3)
        row["seconds"] = round(row["seconds"], 2)
        print(f"{name:12s} articles {row['articles']:4d}  gold anchors {row['anchors_found']}/{total_anchors}  "
              f"furniture lines {row['furniture']:.3f}  pages without sentences {row['empty_pages']}  "
              f"chars {row['chars']}  {row['seconds']:.1f} s")
    print(f"ours: main text by {extractors}; titles {titles}/{len(pages)}; "
          f"authors {authors_right}/{len(authors)} of html_cwced's labelled authors")
    print(json.dumps({"pages": len(pages), "gold_anchors": total_anchors, "readers": figures,
                      "extractors": extractors, "titles": titles,
                      "authors": {"right": authors_right, "labelled": len(authors)}}, ensure_ascii=False))


if __name__ == "__main__":
    main()
