"""The PDF brief: real, searchable Chinese text with the font embedded, paginated without
cutting event blocks, written atomically; the ``export-pdf`` subcommand."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

pypdf = pytest.importorskip("pypdf")

ROOT = Path(__file__).resolve().parents[1]
THREE = ["29fc796a8d83", "b345ba797d5a", "3b86b95ff1f7"]  # a day, a planned range, a day


@pytest.fixture(scope="module")
def events(seeds_corpus):
    return seeds_corpus.events


def _export(events, ids, path, qapp, **kwargs):
    from desktop.gui.pdf_export import export_pdf

    return export_pdf(events, ids, path, "seeds", generated=date(2025, 3, 1), **kwargs)


def _pages_text(path: Path) -> list[str]:
    """Each page's text, runs of spaces and tabs (pypdf's word gaps) as one space."""
    return [re.sub(r"[ \t]+", " ", page.extract_text() or "") for page in pypdf.PdfReader(str(path)).pages]


def _fonts(path: Path) -> list[dict]:
    """Every font dictionary used by the pages (descendant fonts of Type0 fonts included)."""
    found = []
    for page in pypdf.PdfReader(str(path)).pages:
        resources = page.get("/Resources")
        fonts = resources.get_object().get("/Font") if resources else None
        for ref in (fonts.get_object().values() if fonts else []):
            font = ref.get_object()
            found.append(font)
            for child in font.get("/DescendantFonts", []):
                found.append(child.get_object())
    return found


def _embedded(font: dict) -> bool:
    descriptor = font.get("/FontDescriptor")
    if descriptor is None:
        return False
    descriptor = descriptor.get_object()
    return any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))


def _titles(events, ids):
    return [str(events.loc[i, "title"]) for i in ids]


def test_three_events_text_fonts_header_footer(events, qapp, tmp_path):
    out = _export(events, THREE, tmp_path / "three.pdf", qapp)
    assert out == tmp_path / "three.pdf"
    pages = _pages_text(out)
    assert len(pages) >= 1
    text = "\n".join(pages)
    for title in _titles(events, THREE):
        assert title in text
    assert "事件简报" in pages[0]
    assert "第 1 页" in pages[0] and f"共 {len(pages)} 页" in pages[0]
    assert all("导出日期 2025-03-01" in page and "seeds" in page for page in pages)
    assert "3 个事件" in pages[0]
    fonts = _fonts(out)
    # every font that carries glyphs is embedded (Type0 fonts embed through their descendant)
    descendants = [f for f in fonts if f.get("/Subtype") != "/Type0"]
    assert descendants and all(_embedded(f) for f in descendants)
    assert not list(tmp_path.glob(".*.pdf")), "temp file left behind"


def test_page_one_has_the_timeline_and_summary(events, qapp, tmp_path):
    out = _export(events, THREE, tmp_path / "three.pdf", qapp)
    first = _pages_text(out)[0]
    assert "时间线" in first and "来源" in first and "类别" in first
    assert "会议/推介会 2" in first  # per-category counts
    assert "计划/预期" in first  # the legend
    assert "2022年（月份未载明）15日" in first  # a source's publication date


def test_key_terms_are_bold(events, qapp, tmp_path):
    """The one bundled font is Regular: Qt synthesizes bold by overprinting each bold run,
    marked ``/ActualText <>`` so the copy is not extracted twice by conforming readers.
    The PDF is checked for those runs, and the brief for the key-term spans."""
    from desktop.core.export.brief import build_brief

    brief = build_brief(events, THREE, "seeds", date(2025, 3, 1))
    item = next(i for i in brief.items if i.id == "29fc796a8d83")
    bold = [item.sentence[a:b] for a, b in item.term_spans]
    assert "京津冀产业链供应链" in bold or "产业链供应链" in "".join(bold)
    out = _export(events, ["29fc796a8d83"], tmp_path / "one.pdf", qapp)
    content = b"".join(page.get_contents().get_data() for page in pypdf.PdfReader(str(out)).pages)
    assert b"/ActualText" in content


def test_brief_term_spans_and_published():
    from desktop.core.export.brief import published_text, term_spans

    assert term_spans("京津冀协同发展，京津合作", ["京津", "京津冀"]) == ((0, 3), (8, 10))
    assert term_spans("abc", []) == ()
    assert published_text(pd.Timestamp("2024-02-24"), "2024-02-24", "header stamp") == "2024年2月24日"
    assert published_text(pd.Timestamp("2026-02-03"), "2026-02-03",
                          "no date printed; inferred: …") == "2026-02-03（推断）"
    assert published_text(pd.NaT, "2022-XX-15", "lead day") == "2022年（月份未载明）15日"
    assert published_text(pd.NaT, None, "unknown") == "日期不详"


def test_build_brief_summary(events):
    from desktop.core.export.brief import build_brief

    brief = build_brief(events, None, "seeds", date(2025, 3, 1))
    assert brief.count == len(events) == 40
    assert [i.start for i in brief.items] == sorted(i.start for i in brief.items)
    assert brief.span_text == "2014年—2035年"
    assert sum(n for _, n in brief.category_counts) == 40
    assert sum(s.events for s in brief.sources) == 40
    assert any(s.published.endswith("（推断）") for s in brief.sources)
    year = next(i for i in brief.items if i.precision == "year")
    assert year.date.endswith("年") and year.precision_name == "年"
    with pytest.raises(ValueError, match="没有选中的事件"):
        build_brief(events, [], "seeds", date(2025, 3, 1))


def test_all_events_paginate_without_cutting_blocks(events, qapp, tmp_path):
    out = _export(events, None, tmp_path / "all.pdf", qapp)
    pages = _pages_text(out)
    assert len(pages) >= 2
    for number, page in enumerate(pages, start=1):
        assert f"第 {number} 页 / 共 {len(pages)} 页" in page
    flat = [re.sub(r"\s+", "", p) for p in pages]
    for row in events.itertuples():
        # a block starts with its date and title and ends with its id: both on one page
        title = re.sub(r"\s+", "", str(row.title))
        with_title = [n for n, p in enumerate(flat) if title in p and f"ID{row.id}" in p]
        assert with_title, f"block of {row.id} is cut across pages"


def test_empty_selection_raises_and_writes_nothing(events, qapp, tmp_path):
    from desktop.gui.pdf_export import PdfExportError

    target = tmp_path / "none.pdf"
    with pytest.raises(PdfExportError, match="没有选中的事件，无法导出"):
        _export(events, [], target, qapp)
    with pytest.raises(PdfExportError):
        _export(events, ["no-such-id"], target, qapp)
    assert not target.exists() and not list(tmp_path.iterdir())


@pytest.mark.parametrize("where", ["missing-dir", "parent-is-file"])
def test_unwritable_target(events, qapp, tmp_path, where):
    from desktop.gui.pdf_export import PdfExportError

    if where == "missing-dir":
        target = tmp_path / "no" / "such" / "out.pdf"
        reason = "目录不存在"
    else:
        (tmp_path / "plain").write_text("x")
        target = tmp_path / "plain" / "out.pdf"
        reason = "不是目录"
    with pytest.raises(PdfExportError) as info:
        _export(events, THREE, target, qapp)
    message = str(info.value)
    assert str(target) in message and reason in message and "\n" not in message
    assert sorted(p.name for p in tmp_path.iterdir()) == ([] if where == "missing-dir" else ["plain"])


def test_failed_replace_keeps_earlier_file(events, qapp, tmp_path, monkeypatch):
    from desktop.gui import pdf_export

    target = tmp_path / "brief.pdf"
    _export(events, THREE, target, qapp)
    before = target.read_bytes()

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("desktop.core.atomic.os.replace", broken_replace)
    with pytest.raises(pdf_export.PdfExportError, match="磁盘空间不足"):
        _export(events, None, target, qapp)
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["brief.pdf"]


def test_failed_painting_keeps_earlier_file(events, qapp, tmp_path, monkeypatch):
    from desktop.gui import pdf_export

    target = tmp_path / "brief.pdf"
    _export(events, THREE, target, qapp)
    before = target.read_bytes()
    calls = {"n": 0}
    original = pdf_export.BriefDocument._header_footer

    def failing(self, painter, number, total):
        calls["n"] += 1
        if number == 2:
            raise RuntimeError("painter broke")
        return original(self, painter, number, total)

    monkeypatch.setattr(pdf_export.BriefDocument, "_header_footer", failing)
    with pytest.raises(pdf_export.PdfExportError, match="painter broke"):
        _export(events, None, target, qapp)
    assert calls["n"] == 2
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["brief.pdf"]


def _cli(*args: str, env: dict | None = None, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    full_env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})}
    return subprocess.run([sys.executable, "-m", "desktop", "export-pdf", *args],
                          capture_output=True, text=True, env=full_env, cwd=cwd, timeout=120)


def test_cli_by_category(events, tmp_path):
    out = tmp_path / "meetings.pdf"
    result = _cli("--category", "会议/推介会", "-o", str(out))
    assert result.returncode == 0, result.stderr
    wanted = events[events["category"] == "会议/推介会"]
    assert f"{len(wanted)} events → {out}" in result.stderr
    text = "\n".join(_pages_text(out))
    for title in wanted["title"]:
        assert str(title) in text
    assert f"{len(wanted)} 个事件" in text


def test_cli_by_ids_and_nothing_matched(events, tmp_path):
    out = tmp_path / "ids.pdf"
    result = _cli("--ids", ",".join(THREE), "-o", str(out))
    assert result.returncode == 0, result.stderr
    text = "\n".join(_pages_text(out))
    assert all(title in text for title in _titles(events, THREE))
    none = tmp_path / "none.pdf"
    result = _cli("--query", "不存在的词语", "-o", str(none))
    assert result.returncode == 2 and "Traceback" not in result.stderr and not none.exists()
    result = _cli("--ids", "a", "--category", "签约", "-o", str(none))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    result = _cli("--category", "签约", "-o", str(tmp_path / "missing" / "x.pdf"))
    assert result.returncode == 1 and "目录不存在" in result.stderr and "Traceback" not in result.stderr


def test_cli_with_system_fonts_hidden(events, tmp_path):
    """No system font at all: the bundled font still gives real, embedded Chinese text."""
    empty = tmp_path / "nofonts"
    empty.mkdir()
    cache = tmp_path / "fccache"
    config = tmp_path / "fonts.conf"
    config.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n'
        f"<fontconfig><dir>{empty}</dir><cachedir>{cache}</cachedir></fontconfig>\n",
        encoding="utf-8",
    )
    out = tmp_path / "hidden.pdf"
    result = _cli("--ids", ",".join(THREE), "-o", str(out),
                  env={"FONTCONFIG_FILE": str(config), "FONTCONFIG_PATH": str(tmp_path)})
    assert result.returncode == 0, result.stderr
    text = "\n".join(_pages_text(out))
    assert all(title in text for title in _titles(events, THREE))
    fonts = [f for f in _fonts(out) if f.get("/Subtype") != "/Type0"]
    assert fonts and all(_embedded(f) for f in fonts)


def test_export_pdf_subcommand_listed():
    from desktop.cli import SUBCOMMANDS

    assert "export-pdf" in SUBCOMMANDS
