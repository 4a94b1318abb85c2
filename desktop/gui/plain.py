"""Showing article text where Qt would guess at rich text (tooltips, message boxes).

Qt renders a tooltip as HTML when it *looks* like HTML (``Qt::mightBeRichText``), so an
article title containing ``<b>`` or ``<img src=…>`` would be interpreted. Article text
goes through :func:`tooltip_text`, which escapes it and marks it as rich text
explicitly, so it always shows literally.
"""

from __future__ import annotations

import html


def tooltip_text(text: str) -> str:
    """``text`` escaped for a tooltip: shown exactly as written, line breaks kept."""
    escaped = html.escape(text, quote=False).replace("\n", "<br>")
    return f"<qt>{escaped}</qt>"
