"""The core never imports Qt, and importing the package loads neither jieba nor pandas."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORE = sorted(
    ".".join(p.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
    for p in (ROOT / "desktop" / "core").rglob("*.py")
)


def _loaded_after(code: str) -> set[str]:
    script = code + "\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"
    output = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=ROOT)
    return set(json.loads(output.stdout.strip().splitlines()[-1]))


def test_core_modules_import_no_qt():
    assert "desktop.core.events.pipeline" in CORE and "desktop.core.dates" in CORE
    imports = "\n".join(f"import {name}" for name in CORE)
    modules = _loaded_after(imports + "\nfrom desktop.core.events.corpus import extract\nextract()")
    assert not any(m.startswith(("PySide6", "shiboken6")) for m in modules)


def test_importing_the_package_is_light():
    modules = _loaded_after("import desktop, desktop.cli, desktop.core.events.corpus")
    assert "jieba" not in modules
    assert "PySide6" not in modules


def test_dates_command_does_not_load_jieba():
    modules = _loaded_after("from desktop.cli import main\nmain(['dates', '--ref', '2025-03-01', '2月28日'])")
    assert "jieba" not in modules and "pandas" not in modules
