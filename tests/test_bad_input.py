"""Bad and odd input: every case is reported with a one-line reason (or read correctly),
the other files are still loaded, and no traceback ever reaches the user."""

from __future__ import annotations

import errno
import inspect
import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop.core.events.corpus import extract
from desktop.core.reading.reader import DEFAULT_MAX_BYTES, Document

ROOT = Path(__file__).resolve().parents[1]
GOOD = "2023年11月29日，京津冀产业链供应链大会在北京召开。\n"
SAMPLE = "2025年2月28日，京津中关村科技城推介会在北京举行。\n第二段没有日期。\n"


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "desktop", "extract", *args],
        capture_output=True, text=True, cwd=ROOT, timeout=300,
    )


def good_file(folder: Path) -> Path:
    path = folder / "good.txt"
    path.write_text(GOOD, encoding="utf-8")
    return path


def day(value) -> str:
    """``YYYY-MM-DD`` of a date or timestamp of the events frame."""
    return str(value)[:10]


def starts(corpus) -> list[str]:
    return sorted(day(d) for d in corpus.events["start"])


def assert_reported(corpus, name: str, reason: str) -> None:
    """The file is a problem whose one-line reason says ``reason``; the good file was read."""
    problems = {p.path.name: p.reason for p in corpus.problems}
    assert name in problems, problems
    assert reason in problems[name]
    assert "\n" not in problems[name]
    assert "good.txt" in [d.name for d in corpus.documents]
    assert "2023-11-29" in starts(corpus)


def assert_cli_reports(folder: Path, name: str, reason: str) -> None:
    result = run_cli(str(folder))
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if name in line]
    assert len(lines) == 1 and reason in lines[0], result.stderr
    assert "2023-11-29" in [e["start"] for e in json.loads(result.stdout)["events"]]


# --------------------------------------------------------------------------- not text


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", "  \n\t\r\n \u3000\n".encode(), "only whitespace"),
        ("image.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "PNG image"),
        ("doc.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + bytes(range(256)) * 4, "PDF document"),
        ("archive.txt", b"PK\x03\x04\x14\x00" + bytes(range(256)) * 4, "ZIP archive"),
    ],
    ids=["empty", "whitespace", "png", "pdf", "zip"],
)
def test_not_an_article_is_reported_rest_loaded(tmp_path, name, data, reason):
    """Empty, blank and binary files (renamed .txt) are skipped with a reason; the good one is read."""
    (tmp_path / name).write_bytes(data)
    good_file(tmp_path)
    assert_reported(extract([tmp_path]), name, reason)
    assert_cli_reports(tmp_path, name, reason)


# --------------------------------------------------------------------------- encodings


def test_invalid_utf8_bytes_mid_file_read_with_a_warning(tmp_path):
    """A few bad bytes in a UTF-8 file: read as UTF-8 (no GB18030 mojibake), bytes → U+FFFD, a warning."""
    body = SAMPLE * 20
    path = tmp_path / "broken.txt"
    path.write_bytes(body.encode() + b"\xff\xfe\xfa" + SAMPLE.encode())
    good_file(tmp_path)
    corpus = extract([tmp_path])
    doc = corpus.document("broken.txt")
    assert doc is not None and doc.encoding == "utf-8"
    assert doc.text == body + "\ufffd\ufffd\ufffd" + SAMPLE
    assert [(w.path.name, w.reason) for w in corpus.warnings] == [
        ("broken.txt", "3 invalid bytes replaced (U+FFFD)")
    ]
    assert not corpus.problems
    # offsets stay consistent: each event's span slices to its text
    for row in corpus.events.itertuples():
        if row.file == "broken.txt":
            assert doc.text[row.sentence_start:row.sentence_end] == row.sentence
    result = run_cli(str(tmp_path))
    assert result.returncode == 0 and "Traceback" not in result.stderr
    assert "skipped" not in result.stderr
    assert "broken.txt" in {e["file"] for e in json.loads(result.stdout)["events"]}


def _cli_prints_warnings() -> bool:
    from desktop import cli

    return "warnings" in inspect.getsource(cli)


@pytest.mark.skipif(not _cli_prints_warnings(), reason="desktop/cli.py does not print Corpus.warnings yet")
def test_invalid_utf8_warning_line_on_stderr(tmp_path):
    """The CLI shows the replacement as one warning line (the file is not skipped)."""
    path = tmp_path / "broken.txt"
    path.write_bytes(SAMPLE.encode() * 20 + b"\xff\xfe\xfa" + SAMPLE.encode())
    result = run_cli(str(path))
    assert result.returncode == 0
    assert f"desktop: warning {path}: 3 invalid bytes replaced (U+FFFD)" in result.stderr.splitlines()


def test_gb18030_file_is_not_taken_for_broken_utf8(tmp_path):
    """Mostly ASCII with a little GBK Chinese: GB18030, not UTF-8 with replacements."""
    text = "Report 2025: " + "x" * 3000 + "\n2025年3月1日，会议召开。\n"
    path = tmp_path / "gbk.txt"
    path.write_bytes(text.encode("gb18030"))
    corpus = extract([path])
    assert corpus.documents[0].text == text
    assert corpus.documents[0].encoding == "gb18030"
    assert not corpus.warnings


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [("gb18030", b""), ("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff")],
    ids=["gb18030", "utf16le-bom", "utf16be-bom"],
)
def test_other_encodings_read_correctly(tmp_path, encoding, bom):
    """GB18030 and UTF-16 (LE and BE, with BOM) decode to the same text and the same events."""
    path = tmp_path / f"{encoding}.txt"
    path.write_bytes(bom + SAMPLE.encode(encoding))
    good_file(tmp_path)
    corpus = extract([tmp_path])
    doc = corpus.document(path.name)
    assert doc is not None
    assert doc.text.lstrip("\ufeff") == SAMPLE
    assert "2025-02-28" in starts(corpus) and "2023-11-29" in starts(corpus)
    assert not corpus.problems and not corpus.warnings
    result = run_cli(str(tmp_path))
    assert result.returncode == 0 and "Traceback" not in result.stderr
    assert "2025-02-28" in [e["start"] for e in json.loads(result.stdout)["events"]]


# --------------------------------------------------------------------------- size


def _big_file(path: Path, megabytes: float) -> int:
    """Lines of rare (CJK extension B, 4-byte) characters, cheap to segment, with a dated
    Chinese sentence every 500 lines."""
    filler = "".join(chr(0x20000 + i) for i in range(60)) + "\n"
    dated = "2024年5月%d日，京津冀协同发展项目第%d批签约。\n"
    with path.open("w", encoding="utf-8") as out:
        written, number = 0, 0
        while written < megabytes * 1_000_000:
            line = dated % (number % 28 + 1, number) if number % 500 == 0 else filler
            out.write(line)
            written += len(line.encode())
            number += 1
    return path.stat().st_size


def test_big_file_read_when_the_limit_is_raised_refused_by_default(tmp_path):
    """12 MB (the 50 MB case is tests/benchmarks/bench_big_file.py): read with max_bytes raised, refused by default."""
    path = tmp_path / "big.txt"
    size = _big_file(path, 12)
    assert size > DEFAULT_MAX_BYTES
    good_file(tmp_path)
    calls: list[tuple[int, int, str]] = []
    started = time.perf_counter()
    corpus = extract([tmp_path], max_bytes=20_000_000, progress=lambda *a: calls.append(a) or True)
    assert time.perf_counter() - started < 60
    assert not corpus.problems
    assert sum(1 for f in corpus.events["file"] if f == "big.txt") >= 50
    # progress is reported within the big file, not only between files
    within = [c for c in calls if c[2] == "big.txt"]
    assert len({c[0] for c in within}) > 2
    assert [c[0] for c in calls] == sorted(c[0] for c in calls)

    refused = extract([tmp_path])
    assert_reported(refused, "big.txt", f"too large: {size / 1e6:.1f} MB")
    result = run_cli(str(tmp_path))
    assert result.returncode == 0 and "Traceback" not in result.stderr
    assert f"too large: {size / 1e6:.1f} MB (limit 10 MB" in result.stderr


def test_big_file_cancel_is_prompt(tmp_path):
    """Returning False from progress during a big file cancels it long before the end."""
    from desktop.core.events.corpus import Cancelled

    path = tmp_path / "big.txt"
    _big_file(path, 12)
    calls: list[tuple[int, int]] = []

    def progress(done, total, label):
        calls.append((done, total))
        return len(calls) < 3  # the third call (within the file) cancels

    started = time.perf_counter()
    with pytest.raises(Cancelled):
        extract([path], max_bytes=20_000_000, progress=progress)
    assert time.perf_counter() - started < 20
    assert len(calls) == 3
    assert 0 < calls[-1][0] < calls[-1][1]


def test_megabyte_line_without_punctuation(tmp_path):
    """A 1 MB line of CJK with a date in the middle: fast, one event, a bounded sentence."""
    filler = "京津冀协同发展产业园区建设持续推进科技创新成果转化"
    half = filler * (500_000 // len(filler))
    line = half + "2025年3月15日京津中关村科技城重点项目签约" + half
    path = tmp_path / "line.txt"
    path.write_text(line, encoding="utf-8")
    good_file(tmp_path)
    started = time.perf_counter()
    corpus = extract([tmp_path], max_bytes=20_000_000)
    assert time.perf_counter() - started < 10
    events = corpus.events[corpus.events["file"] == "line.txt"]
    assert len(events) == 1
    event = events.iloc[0]
    assert day(event["start"]) == "2025-03-15"
    assert len(event["sentence"]) <= 2000
    assert line[event["sentence_start"]:event["sentence_end"]] == event["sentence"]
    assert "2025年3月15日" in event["sentence"]
    assert len(event["title"]) <= 30


# --------------------------------------------------------------------------- markup


def test_html_scripts_entities_comments_and_nothing_fetched(tmp_path, monkeypatch):
    """HTML: no script/style text, entities decoded, comments dropped, no socket opened."""
    markup = (
        "<!DOCTYPE html><html><head><title>推介会</title><style>p{color:red}</style>"
        "<script>document.write('2099年1月1日 evil')</script>"
        "<link rel='stylesheet' href='http://example.com/a.css'></head><body>"
        "<p>2025年2月28日，京津&amp;冀&#x4E2D;关村科技城&nbsp;推介会举行。</p>"
        "<!-- 2098年1月1日 注释 --><img src='http://example.com/a.png'>"
        "<script src='http://example.com/x.js'></script><p>第二段</p></body></html>"
    )
    (tmp_path / "page.html").write_text(markup, encoding="utf-8")
    good_file(tmp_path)

    def no_network(*args, **kwargs):
        raise AssertionError("a socket was created while reading")

    # The page reader's libraries are imported first, as they are once a session has read a
    # page: urllib3 (imported by trafilatura) subclasses socket.socket at import.
    import trafilatura  # noqa: F401

    import desktop.core.reading.webpage  # noqa: F401

    monkeypatch.setattr(socket, "socket", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    corpus = extract([tmp_path])
    text = corpus.document("page.html").text
    assert "document.write" not in text and "color" not in text and "注释" not in text
    assert "京津&冀中关村科技城\u00a0推介会举行" in text or "京津&冀中关村科技城 推介会举行" in text
    assert "2099" not in "".join(corpus.events["date_text"]) and "2098" not in "".join(corpus.events["date_text"])
    assert "2025-02-28" in starts(corpus)


def test_rich_text_markup_in_txt_is_kept_literally(tmp_path):
    """Markup in a .txt file is text: kept as is in the document and in the events' sentences."""
    sentence = "2025年2月28日，<b>京津中关村科技城</b>推介会<img src=\"a.png\">在<a href=\"http://x.cn\">北京</a>举行。"
    (tmp_path / "rich.txt").write_text(sentence + "\n", encoding="utf-8")
    corpus = extract([tmp_path])
    assert corpus.documents[0].text == sentence + "\n"
    (row,) = corpus.events.itertuples()
    assert row.sentence == sentence
    assert day(row.start) == "2025-02-28"


# --------------------------------------------------------------------------- dates


def test_impossible_dates_give_no_event_and_no_error(tmp_path):
    """2月30日, 2025年13月, 0月: no event, no problem; the valid date beside them is found."""
    text = "2025年2月30日，项目开工。\n2025年13月，园区揭牌。\n0月，签约。\n2025年3月1日，大会在北京召开。\n"
    (tmp_path / "bad_dates.txt").write_text(text, encoding="utf-8")
    corpus = extract([tmp_path])
    assert not corpus.problems
    assert starts(corpus) == ["2025-03-01"]


def test_far_years_give_no_event(tmp_path):
    """公元前221年 and 3000年 are not dates of news events."""
    text = "公元前221年，秦统一六国。\n3000年，城市建成。\n2025年3月1日，大会在北京召开。\n"
    (tmp_path / "far.txt").write_text(text, encoding="utf-8")
    corpus = extract([tmp_path])
    assert not corpus.problems
    assert starts(corpus) == ["2025-03-01"]


def test_full_width_digits_and_traditional_numerals(tmp_path):
    """２０２５年３月, 二〇二五年三月十五日 and 貳零貳伍年 are read as the right dates."""
    lines = ["２０２５年３月，园区揭牌。", "二〇二五年三月十五日，项目开工。", "貳零貳伍年，产业园投产。"]
    for number, line in enumerate(lines):
        (tmp_path / f"numerals{number}.txt").write_text(f"园区动态\n{line}\n", encoding="utf-8")
    corpus = extract([tmp_path])
    got = {row.date_text: (day(row.start), day(row.end)) for row in corpus.events.itertuples()}
    assert got == {
        "２０２５年３月": ("2025-03-01", "2025-03-31"),
        "二〇二五年三月十五日": ("2025-03-15", "2025-03-15"),
        "貳零貳伍年": ("2025-01-01", "2025-12-31"),
    }


# --------------------------------------------------------------------------- files and folders


def test_duplicate_articles_not_doubled(tmp_path):
    """The same text under two names: events once, the duplicate reported."""
    (tmp_path / "a.txt").write_text(SAMPLE, encoding="utf-8")
    (tmp_path / "b_copy.txt").write_text(SAMPLE, encoding="utf-8")
    corpus = extract([tmp_path])
    assert starts(corpus) == ["2025-02-28"]
    assert [(p.path.name, "duplicate of" in p.reason) for p in corpus.problems] == [("b_copy.txt", True)]
    result = run_cli(str(tmp_path))
    assert result.returncode == 0 and "Traceback" not in result.stderr
    assert "b_copy.txt: duplicate of" in result.stderr
    assert len(json.loads(result.stdout)["events"]) == 1


def test_symlink_loop_terminates(tmp_path):
    """A folder holding a link to itself is walked once, without error."""
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text(SAMPLE, encoding="utf-8")
    os.symlink(folder, folder / "loop")
    corpus = extract([folder])
    assert [d.name for d in corpus.documents] == ["a.txt"]
    assert not corpus.problems
    result = run_cli(str(folder))
    assert result.returncode == 0 and "Traceback" not in result.stderr


def test_unreadable_file_reported(tmp_path, monkeypatch):
    """A file that cannot be opened (Permission denied) is reported; the rest is read."""
    locked = tmp_path / "locked.txt"
    locked.write_text(SAMPLE, encoding="utf-8")
    good_file(tmp_path)
    original = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self.name == "locked.txt":
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(self))
        return original(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    corpus = extract([tmp_path])
    assert_reported(corpus, "locked.txt", "cannot read: Permission denied")


def test_folder_of_5000_small_files(tmp_path):
    """5,000 small files: all read, progress monotonic and ending at its total."""
    folder = tmp_path / "many"
    folder.mkdir()
    for number in range(5000):
        day = number % 28 + 1
        (folder / f"{number:05d}.txt").write_text(f"2024年3月{day}日，第{number}号项目签约。\n", encoding="utf-8")
    calls: list[tuple[int, int, str]] = []
    started = time.perf_counter()
    corpus = extract([folder], progress=lambda *a: calls.append(a) or True)
    assert time.perf_counter() - started < 60
    assert len(corpus.documents) == 5000 and not corpus.problems
    assert len(corpus.events) == 5000
    done = [c[0] for c in calls]
    assert done == sorted(done)
    assert calls[-1][0] == calls[-1][1] and len({c[1] for c in calls}) == 1
    assert {c[2] for c in calls} - {""} == {f"{n:05d}.txt" for n in range(5000)}


def test_read_document_keeps_no_replaced_count_for_clean_files(tmp_path):
    """A clean file has no warning (the count is 0)."""
    path = good_file(tmp_path)
    corpus = extract([path])
    assert isinstance(corpus.documents[0], Document)
    assert corpus.documents[0].replaced_bytes == 0 and not corpus.warnings
