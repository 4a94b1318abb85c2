"""The app as a wheel: a plain install carries its data (cue lists, gazetteer, font, seeds) and works
outside the source tree."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
import tomllib
from pathlib import Path

from conftest import ROOT


def test_the_package_list_names_every_subpackage():
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"])
    on_disk = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "desktop").rglob("__init__.py")}
    assert on_disk <= listed, on_disk - listed


def test_a_wheel_installed_in_a_fresh_venv_extracts_the_seeds(tmp_path):
    wheels = tmp_path / "wheels"
    build = subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(wheels), str(ROOT)],
                           capture_output=True, text=True, timeout=600)
    assert build.returncode == 0, build.stderr[-2000:]
    wheel = next(wheels.glob("desktop_timeline-*.whl"))
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
    python = venv / ("Scripts" if os.name == "nt" else "bin") / "python"
    site = Path(subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                               capture_output=True, text=True, check=True).stdout.strip())
    # the wheel itself, unpacked as pip would; its dependencies from this test run's environment
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(site), str(wheel)],
                   check=True, capture_output=True, timeout=300)
    (site / "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    script = ("import json, desktop.core.resources as r; "
              "print(json.dumps({'resources': str(r.RESOURCES_DIR), 'seeds': str(r.SEEDS_DIR)}))")
    where = subprocess.run([str(python), "-c", script], capture_output=True, text=True, cwd=elsewhere, timeout=120)
    assert where.returncode == 0, where.stderr[-2000:]
    located = json.loads(where.stdout)
    assert all(str(site) in value for value in located.values()), located  # not the source tree
    out = elsewhere / "events.json"
    result = subprocess.run([str(python), "-m", "desktop", "extract", "-o", str(out)], capture_output=True, text=True,
                            cwd=elsewhere, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    events = json.loads(out.read_text(encoding="utf-8"))
    events = events["events"] if isinstance(events, dict) else events
    assert len(events) > 30
    for part in ("fonts/NotoSansSC-Regular-GBK.otf", "gazetteer/places.tsv", "cues/categories.tsv",
                 "i18n/qt_extra_zh_CN.qm", "icons/app.png"):
        assert (Path(located["resources"]) / part).is_file(), part
