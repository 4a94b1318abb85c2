"""How a date was resolved, recorded as a code and said in the user's language.

The engine records in each event's ``resolved_against`` *what* its date was resolved against
as a code with its parameters (``day-before|2024-02-28``, ``publication|2024-03-01|header|``);
:func:`resolution_text` says it as a reader would, in Chinese or English — one wording for
the detail pane, the PDF and the exports, whatever language the user reads.
"""

from __future__ import annotations

from desktop.core.language import language

SEPARATOR = "|"

_TEXTS = {
    "absolute": ("原文写明的日期", "written out in full"),
    "speech-attributed": ("引语后注明的说话日期", "the day named where the speaker is reported"),
    "speech-paragraph": ("本段报道的日期", "the day its paragraph reports"),
    "speech-lead": ("导语中的事件日期", "the day of the lead event"),
    "date-before": ("前文的日期（“{0}”）", "the date mentioned before (“{0}”)"),
    "day-before": ("前文提到的日期（{0}）", "the day mentioned before ({0})"),
    "incident-day": ("事发当天（{0}）", "the day of the incident ({0})"),
    "counted-from": ("“{1}”的第一天（{0}）", "the first day of “{1}” ({0})"),
    "publication-no-day": ("发布日期 {1}（前文未提具体日期）", "the publication date {1} (no day named before)"),
    "year-under-discussion": ("所述年份（{0}年）", "the year under discussion ({0})"),
    "spoken": ("说话的日期（{0}，{1}）", "the day the words were spoken ({0}, {1})"),
    "year-before": ("前一日期的年份（“{0}”）", "the year of the date before (“{0}”)"),
    "publication-widened": ("发布日期 {0}（月份不详，放宽到全年）",
                            "the publication date {0} (month unknown: widened to the year)"),
    "publication": ("发布日期 {0}（{basis}）", "the publication date {0} ({basis})"),
    "reported": ("文中未写日期：发布日期 {0}（{basis}）", "no date in the text: the publication date {0} ({basis})"),
    "no-year": ("年份不详（文章无日期；设定发布日期后推算）",
                "year unknown (the article has no date; set its publication date to place it)"),
    "user": ("用户添加，日期由用户给出", "added by the user, who gave the date"),
}


def note(code: str, *params: str) -> str:
    """The record of a resolution: the code and its parameters."""
    return SEPARATOR.join((code, *(str(p).replace(SEPARATOR, "/") for p in params)))


def resolution_text(record: str, lang: str | None = None) -> str:
    """The resolution as a reader says it; a record that is not a known code shows as it is."""
    code, *params = str(record).split(SEPARATOR)
    texts = _TEXTS.get(code)
    if texts is None:
        return str(record)
    english = (lang or language()) == "en"
    params = [resolution_text(p, lang) if p in _TEXTS else p for p in params]
    basis = ""
    if code in ("publication", "reported"):
        from desktop.core.reading.published import basis_label

        basis = basis_label(params[1] if len(params) > 1 else "", params[2] if len(params) > 2 else "", lang)
    padded = params + [""] * 3
    return texts[english].format(*padded, basis=basis)
