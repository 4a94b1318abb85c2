"""Run in a worker process by the tests: what the process had loaded when it was handed a task.

Its own module imports nothing of the engine, so what it reports was there before it came."""

from __future__ import annotations

import sys


def loaded_modules(names: list[str]) -> list[bool]:
    return [name in sys.modules for name in names]
