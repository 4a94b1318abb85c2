"""The headless CLI: extract and dates, run as a user would (a subprocess)."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
REQUIRED = {
    "id", "file", "article_title", "outlet", "published", "published_basis", "start", "end",
    "precision", "edtf", "tense", "date_text", "date_span", "sentence", "sentence_span", "title",
    "category", "places", "orgs", "amounts", "keyterms",
}


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args], capture_output=True, text=True, cwd=ROOT, input=stdin,
        timeout=300,
    )


def test_extract_json_on_default_seeds_has_every_field():
    result = run("extract")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert {a["file"] for a in data["articles"]} == {p.name for p in (ROOT / "seeds").iterdir()}
    assert len(data["events"]) >= 30
    for event in data["events"]:
        assert event.keys() >= REQUIRED
        text = (ROOT / "seeds" / event["file"]).read_text(encoding="utf-8")
        start, end = event["date_span"]
        assert text[start:end] == event["date_text"]
        s, e = event["sentence_span"]
        assert text[s:e] == event["sentence"]
        assert event["start"] <= event["end"]
        assert len(event["title"]) <= 30


def test_extract_is_deterministic_and_ids_stable():
    first = json.loads(run("extract").stdout)
    second = json.loads(run("extract").stdout)
    assert [e["id"] for e in first["events"]] == [e["id"] for e in second["events"]]
    assert len({e["id"] for e in first["events"]}) == len(first["events"])


def test_extract_csv_and_jsonl_to_file(tmp_path):
    out = tmp_path / "events.csv"
    result = run("extract", "--format", "csv", "-o", str(out))
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert rows and rows[0].keys() >= REQUIRED
    result = run("extract", str(ROOT / "seeds" / "000_60126b80996df276.txt"), "--format", "jsonl")
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert lines and all(line["file"] == "000_60126b80996df276.txt" for line in lines)
    assert [line for line in lines if line["date_text"] == "2月28日"][0]["start"] == "2025-02-28"


def test_bad_files_reported_rest_processed(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    (tmp_path / "good.txt").write_text("2023年11月29日,京津冀产业链供应链大会在北京召开。\n", encoding="utf-8")
    result = run("extract", str(tmp_path))
    assert result.returncode == 0
    assert "Traceback" not in result.stderr
    problem_lines = [line for line in result.stderr.splitlines() if "skipped" in line]
    assert len(problem_lines) == 2
    data = json.loads(result.stdout)
    assert [e["start"] for e in data["events"]] == ["2023-11-29"]


def test_nothing_readable_exits_2(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    result = run("extract", str(tmp_path / "empty.txt"), str(tmp_path / "missing"))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "no article could be read" in result.stderr


def test_unwritable_output_exits_1(tmp_path):
    result = run("extract", "-o", str(tmp_path / "no" / "such" / "dir" / "out.json"))
    assert result.returncode == 1
    assert "cannot write" in result.stderr and "Traceback" not in result.stderr


def test_dates_command_arguments_and_stdin():
    result = run("dates", "--ref", "2025-03-01", "2月28日,会议举行", "去年以来")
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert lines[0]["text"] == "2月28日,会议举行"
    (found,) = lines[0]["dates"]
    assert (found["start"], found["end"], found["precision"], found["edtf"]) == (
        "2025-02-28", "2025-02-28", "day", "2025-02-28")
    assert found["date_span"] == [0, 5]
    assert lines[1]["dates"][0]["start"] == "2024-01-01"
    result = run("dates", "--ref", "2024-09-25", "-", stdin="明年6月\n2019年至2021年\n没有日期\n")
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [len(line["dates"]) for line in lines] == [1, 1, 0]
    assert lines[1]["dates"][0]["edtf"] == "2019/2021"


def test_dates_bad_ref_is_a_usage_error():
    result = run("dates", "--ref", "2025-13-01", "今天")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


def test_bad_input_each_reported_on_one_line(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 64)
    (tmp_path / "undecodable.txt").write_bytes(b"\x81\x30\xff\xfe\xfd" * 2000 + b"\x00\x01" * 100)
    big = tmp_path / "big.txt"
    with big.open("wb") as stream:
        line = "2023年11月29日,京津冀产业链供应链大会在北京召开。\n".encode()
        stream.write(line * (20_000_000 // len(line) + 1))
    nothing = tmp_path.parent / f"{tmp_path.name}-nothing"
    nothing.mkdir()
    (nothing / "picture.png").write_bytes(b"\x89PNG")
    (tmp_path / "good.txt").write_text("2025年2月28日,某推介会在北京举行。\n", encoding="utf-8")
    result = run("extract", str(tmp_path), str(nothing), "--format", "jsonl")
    assert result.returncode == 0 and "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 5
    reasons = {Path(line.split(": ", 1)[1].split(":")[0]).name: line for line in lines}
    assert "empty" in reasons["empty.txt"]
    assert "not a text file" in reasons["binary.txt"]
    assert "not a text file" in reasons["undecodable.txt"] or "undecodable" in reasons["undecodable.txt"]
    assert "too large: 20.0 MB" in reasons["big.txt"]
    assert "no article files" in reasons[nothing.name]
    events = [json.loads(line) for line in result.stdout.splitlines()]
    assert [e["file"] for e in events] == [f"{tmp_path.name}/good.txt"]  # named by its path under both folders


def test_extract_starts_the_worker_processes_before_importing_pandas(tmp_path):
    """Nothing the CLI imports before the extraction needs pandas (0.4 s the workers would
    wait for: the project's code, the event store's): checked in a fresh interpreter."""
    seeds = str(ROOT / "seeds")
    script = (
        "import sys\n"
        "import desktop.cli as cli\n"
        "from desktop.core.events import parallel\n"
        "parallel.MIN_PARALLEL_BYTES = 0\n"
        "real = parallel.run_in_processes\n"
        "def run(*a, **k):\n"
        "    print('pandas before the workers:', 'pandas' in sys.modules, file=sys.stderr)\n"
        "    yield from real(*a, **k)\n"
        "parallel.run_in_processes = run\n"
        f"sys.exit(cli.main(['extract', {seeds!r}, '--jobs', '2', '-o', {str(tmp_path / 'out.json')!r}]))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "pandas before the workers: False" in done.stderr
    assert json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))["events"]


@pytest.mark.parametrize("project", [False, True])
def test_extract_with_worker_processes_writes_what_one_process_writes(tmp_path, project):
    """With worker processes the merging runs while a worker weighs the key terms (without a
    project; with one, after them, as the corrections may re-extract articles): the same
    clusters and key terms as one process."""
    seeds = str(ROOT / "seeds")
    extra = []
    if project:
        from desktop.core.project import Project

        extra = ["--project", str(Project([], [seeds]).save(tmp_path / "p.timeline.json"))]
    outputs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}.jsonl"
        script = (
            "import sys\n"
            "import desktop.cli as cli\n"
            "from desktop.core.events import parallel\n"
            "parallel.MIN_PARALLEL_BYTES = 0\n"
            f"sys.exit(cli.main(['extract', {seeds!r}, '--jobs', {jobs!r}, '--format', 'jsonl', '-o', {str(out)!r}]"
            f" + {extra!r}))\n"
        )
        done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=300)
        assert done.returncode == 0, done.stderr
        outputs.append(out.read_text(encoding="utf-8"))
    assert outputs[0] == outputs[1]
    events = [json.loads(line) for line in outputs[1].splitlines()]
    assert all(e["cluster_id"] for e in events) and any(e["keyterms"] for e in events)
