"""What the engine tells a user about files it could not use — in the user's language.

The engine reports a problem as a code with parameters (:class:`~desktop.core.reading.reader.Problem`,
:class:`~desktop.core.project.ProjectError`); this module owns the wording, in Chinese
(``"zh"``) and English (``"en"``), so the window, the CLI and the log say the same thing in
the language each of them speaks.
"""

from __future__ import annotations

import errno
from collections.abc import Mapping

LANGUAGES = ("zh", "en")

_PROBLEMS: dict[str, dict[str, str]] = {
    "binary": {"zh": "不是文本文件：看起来是{what}", "en": "not a text file: looks like {what}"},
    "nul-bytes": {"zh": "不是文本文件：含有 NUL 字节（二进制数据？）",
                  "en": "not a text file: contains NUL bytes (binary data?)"},
    "undecodable": {"zh": "无法解码：没有一种文本编码与它的字节相符",
                    "en": "undecodable: no text encoding fits its bytes"},
    "control-characters": {"zh": "不是文本文件：按 {encoding} 解码后大多是控制字符",
                           "en": "not a text file: decodes as {encoding} but is mostly control characters"},
    "cannot-read": {"zh": "无法读取：{error}", "en": "cannot read: {error}"},
    "empty": {"zh": "空文件", "en": "empty file"},
    "too-large": {"zh": "文件过大：{size_mb:.1f} MB（单个文章文件上限 {limit_mb:.0f} MB）",
                  "en": "too large: {size_mb:.1f} MB (limit {limit_mb:.0f} MB for one article file)"},
    "no-text": {"zh": "没有文字：文件只有空白或标记", "en": "no text: the file holds only whitespace or markup"},
    "missing": {"zh": "文件或文件夹不存在", "en": "no such file or folder"},
    "no-article-files": {"zh": "文件夹里没有文章文件（{suffixes}）",
                         "en": "folder holds no article files ({suffixes})"},
    "replaced-bytes": {"zh": "{count} 个无效字节已替换为 U+FFFD",
                       "en": "{count} invalid {noun} replaced (U+FFFD)"},
    "duplicate": {"zh": "与 {original} 内容相同：已跳过", "en": "duplicate of {original}: skipped"},
    "changed-while-read": {"zh": "读取时文件被改动（正在写入或复制？）：已跳过",
                           "en": "the file changed while it was read (being written or copied?): skipped"},
    "project-unreadable": {"zh": "无法读取项目文件 {path}：{error}", "en": "cannot read project file {path}: {error}"},
    "project-newer": {
        "zh": "项目文件 {path} 由较新版本的程序创建（格式 {version}，本程序最多读取 {supported}），未作改动",
        "en": "project file {path} was made by a newer version of the app (format {version}, this one reads "
              "up to {supported}); it was left untouched"},
    "project-damaged": {
        "zh": "项目文件 {path} 已损坏（{where}：{what}）；已移到 {backup}，并新建了一个项目",
        "en": "project file {path} is damaged ({where}: {what}); it was moved to {backup} and a new project "
              "was started"},
    "project-damaged-stuck": {
        "zh": "项目文件 {path} 已损坏（{where}：{what}），且无法移开：{error}",
        "en": "project file {path} is damaged ({where}: {what}) and could not be moved aside: {error}"},
    "project-missing": {"zh": "找不到项目文件 {path}", "en": "project file {path} not found"},
}

#: What a binary file looks like, by the name :mod:`desktop.core.reading.reader` gives its magic bytes.
_BINARY_KINDS: dict[str, dict[str, str]] = {
    "png": {"zh": "PNG 图片", "en": "a PNG image"},
    "pdf": {"zh": "PDF 文档", "en": "a PDF document"},
    "zip": {"zh": "ZIP 压缩包（或 Office 文档）", "en": "a ZIP archive (or Office document)"},
    "jpeg": {"zh": "JPEG 图片", "en": "a JPEG image"},
    "gif": {"zh": "GIF 图片", "en": "a GIF image"},
    "gzip": {"zh": "gzip 压缩包", "en": "a gzip archive"},
    "rar": {"zh": "RAR 压缩包", "en": "a RAR archive"},
    "7z": {"zh": "7-Zip 压缩包", "en": "a 7-Zip archive"},
    "ole": {"zh": "旧版 Office 文档", "en": "an old Office document"},
    "executable": {"zh": "可执行程序", "en": "an executable"},
}

#: Operating-system errors a user meets when reading files, said in Chinese.
_OS_ERRORS_ZH = {
    errno.EACCES: "没有读取权限",
    errno.EPERM: "没有读取权限",
    errno.ENOENT: "文件不存在",
    errno.EISDIR: "这是一个文件夹",
    errno.EIO: "读写错误",
    errno.ENAMETOOLONG: "文件名过长",
}


def os_error_text(error: OSError, lang: str) -> str:
    """An OS error as the user's language says it (the system's own English as a fallback)."""
    if lang == "zh" and error.errno in _OS_ERRORS_ZH:
        return _OS_ERRORS_ZH[error.errno]
    return error.strerror or str(error)


def problem_text(code: str, params: Mapping[str, object], lang: str = "en") -> str:
    """The one-line reason for problem ``code`` in ``lang`` ("zh" or "en")."""
    lang = lang if lang in LANGUAGES else "en"
    template = _PROBLEMS.get(code)
    if template is None:
        return str(params.get("text", code))
    values = dict(params)
    if code == "binary":
        kind = _BINARY_KINDS.get(str(values.get("what")), {})
        values["what"] = kind.get(lang, str(values.get("what")))
    if code == "replaced-bytes":
        values["noun"] = "byte" if values.get("count") == 1 else "bytes"
    if code in ("cannot-read", "project-unreadable", "project-damaged-stuck"):
        values["error"] = values.get(f"error_{lang}", values.get("error_en", values.get("error", "")))
    return template[lang].format(**values)
