"""Markers that open a headline or a post without being its words.

Pages and feeds put labels in front of what they report: a site's medium tag (``[视频]朝韩商定…``
on every 新闻联播 page), a microblog's topic tags and bracketed lead (``#新冠肺炎最新动态#【#山东新增
5例累计275例#】2020年2月4日…``), an outlet's name (``【第一财经】联合国贸发会议…``). Shown as a title,
they push the happening out of its 30 characters and hide the date that opens the clause; compared
as words (merging), they make two reports of one happening look different. One owner strips them:
the article's headline (:mod:`desktop.core.reading.articles`) and the event's title
(:mod:`desktop.core.events.titles`) both come through :func:`strip_leading_tags`.
"""

from __future__ import annotations

import re

# A leading run of labels: [视频] (a short bracketed tag), #话题# (a topic tag), 【…】 (a lead in
# black lenticular brackets, which may hold topic tags itself; ``…】`` when a feed lost its
# opening bracket). Bounded lengths: a bracket that runs on is text, not a label.
_LEADING_TAGS = re.compile(
    r"^(?:[\s\u3000]*(?:\[[^\[\]\n]{1,6}\]|#[^#\n]{1,40}#|【[^【】\n]{1,60}】|[^【】\[\]#\n]{1,30}】))+[\s\u3000]*"
)


_TOPIC_TAG = re.compile(r"#[^#\s][^#\n]{0,39}#")


def opens_with_topic_tag(text: str) -> bool:
    """Whether ``text`` opens with a microblog topic tag (``#话题#…``), not a Markdown heading
    (``# 标题``, ``## 标题``): a post's first paragraph, which starts with one, is body text."""
    return _TOPIC_TAG.match(text) is not None


def leading_tags_end(text: str) -> int:
    """Where the labels at the start of ``text`` end (0 when it opens with none)."""
    match = _LEADING_TAGS.match(text)
    return match.end() if match else 0


def strip_leading_tags(text: str) -> str:
    """``text`` without the labels at its start — unless nothing would be left (a headline that
    is only a bracketed lead, ``【山东新增5例】``, keeps its words: the brackets go elsewhere)."""
    end = leading_tags_end(text)
    return text[end:] if end and text[end:].strip() else text
