"""Every Qt override is guarded: an exception in it becomes the error report, never a dead process.

Qt calls our overrides (``paintEvent``, ``mousePressEvent``, ``data``, ``redo`` …) from C++.
An exception escaping there is fatal in PySide6: the process aborts and unsaved work is
lost. :func:`guard_overrides` wraps every method of a class that overrides a method of one
of its Qt bases; the wrapper hands the exception to :func:`desktop.gui.errors.handle_exception`
(log, dialog) and returns a harmless value of the type Qt expects.

Use it as a class decorator on every QObject subclass in the GUI; a test walks the package
and checks that no override is left bare.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QSize, Qt

_Class = TypeVar("_Class", bound=type)

GUARDED_FLAG = "__guarded_override__"

#: What a failed override returns, by name, when ``None`` is not a valid answer to Qt.
_FALLBACKS: dict[str, Callable[[], Any]] = {
    "event": lambda: False,
    "eventFilter": lambda: False,
    "focusNextPrevChild": lambda: True,  # the focus stays where it is
    "rowCount": lambda: 0,
    "columnCount": lambda: 0,
    "filterAcceptsRow": lambda: True,
    "lessThan": lambda: False,
    "count": lambda: 0,
    "hasHeightForWidth": lambda: False,
    "heightForWidth": lambda: -1,
    "sizeHint": QSize,
    "minimumSizeHint": QSize,
    "minimumSize": QSize,
    "maximumSize": QSize,
    "expandingDirections": lambda: Qt.Orientation(0),
    "id": lambda: -1,
    "mergeWith": lambda: False,
}


def _report_current_exception() -> None:
    from desktop.gui import (
        errors,  # late: errors imports Qt widgets, guard is imported by every widget module
    )

    try:
        errors.handle_exception(*sys.exc_info())
    except Exception:  # noqa: BLE001 - the reporter itself failing must not take the app down
        sys.stderr.write("error while reporting an error\n")


def guarded(method: Callable[..., Any]) -> Callable[..., Any]:
    """``method`` with exceptions reported instead of raised."""
    if getattr(method, GUARDED_FLAG, False):
        return method
    fallback = _FALLBACKS.get(method.__name__, lambda: None)

    @functools.wraps(method)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return method(*args, **kwargs)
        except Exception:  # noqa: BLE001 - turned into the error report, see module docstring
            _report_current_exception()
            return fallback()

    setattr(wrapper, GUARDED_FLAG, True)
    return wrapper


def qt_overrides(cls: type) -> list[str]:
    """Names defined by ``cls`` itself that override a method of a Qt (PySide6) base."""
    qt_bases = [base for base in cls.__mro__[1:] if base.__module__.startswith(("PySide6.", "Shiboken"))]
    names = []
    for name, value in vars(cls).items():
        if name.startswith("__") or not callable(value):
            continue
        if any(name in vars(base) for base in qt_bases):
            names.append(name)
    return names


def guard_overrides(cls: _Class) -> _Class:
    """Class decorator: wrap each Qt override of ``cls`` with :func:`guarded`."""
    for name in qt_overrides(cls):
        setattr(cls, name, guarded(vars(cls)[name]))
    return cls


def is_guarded(method: object) -> bool:
    return bool(getattr(method, GUARDED_FLAG, False))
