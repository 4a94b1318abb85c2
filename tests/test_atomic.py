"""One atomic writer for every file the app writes: whole or old, and the mode of the file it replaces."""

from __future__ import annotations

import os
import stat
import subprocess
import sys

import pytest
from conftest import ROOT, SEEDS

from desktop.core.atomic import current_umask, write_pieces_atomic, write_text_atomic


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.mark.parametrize("bits", [0o644, 0o640, 0o664])
def test_a_replaced_file_keeps_its_mode(tmp_path, bits):
    target = tmp_path / "out.json"
    target.write_text("old", encoding="utf-8")
    os.chmod(target, bits)
    write_text_atomic(target, "new")
    assert target.read_text(encoding="utf-8") == "new"
    assert mode(target) == bits


def test_a_new_file_gets_the_umask_default_not_private(tmp_path):
    target = tmp_path / "fresh.json"
    write_text_atomic(target, "{}")
    assert mode(target) == 0o666 & ~current_umask()
    assert mode(target) != 0o600 or current_umask() == 0o066


def test_a_failed_write_leaves_the_old_file_and_no_temp(tmp_path, monkeypatch):
    target = tmp_path / "out.json"
    target.write_text("old", encoding="utf-8")

    def fail(*_args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("desktop.core.atomic.os.replace", fail)
    with pytest.raises(OSError):
        write_text_atomic(target, "new")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


def test_cli_output_keeps_the_mode_of_the_file_it_replaces(tmp_path):
    out = tmp_path / "events.json"
    out.write_text("[]", encoding="utf-8")
    os.chmod(out, 0o644)
    result = subprocess.run([sys.executable, "-m", "desktop", "extract", str(SEEDS), "-o", str(out)],
                            capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert result.returncode == 0, result.stderr
    assert mode(out) == 0o644 and out.stat().st_size > 100


def test_text_written_in_pieces_is_the_whole_text_and_keeps_the_mode(tmp_path):
    target = tmp_path / "events.jsonl"
    target.write_text("old", encoding="utf-8")
    os.chmod(target, 0o640)
    write_pieces_atomic(target, iter(["第一行\n", "", "second\r\n", "三"]))
    assert target.read_bytes() == "第一行\nsecond\r\n三".encode()
    assert mode(target) == 0o640


def test_pieces_that_fail_half_way_leave_the_old_file_and_no_temp(tmp_path):
    target = tmp_path / "events.jsonl"
    target.write_text("old", encoding="utf-8")

    def pieces():
        yield "a line that was written\n"
        raise RuntimeError("the events could not be made")

    with pytest.raises(RuntimeError):
        write_pieces_atomic(target, pieces())
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["events.jsonl"]
