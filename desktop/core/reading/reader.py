"""Reading article files into decoded, normalized text.

Every offset in the project refers to the text this module returns: decoded with the
detected encoding, markup stripped (for HTML), and newlines normalized to ``\\n``.

A file that cannot be used never raises out of :func:`read_paths`; it becomes a
:class:`Problem` with a one-line reason, and the other files are still read.
"""

from __future__ import annotations

import codecs
import hashlib
import html
import os
import re
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.core.reading.webpage import PageInfo

from desktop.core.messages import os_error_text, problem_text

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
HTML_SUFFIXES = (".html", ".htm")

#: Larger files are refused rather than read: a news article is a few kB, a whole
#: newspaper page some tens of kB; the limit keeps a stray log or dump from stalling
#: extraction (``extract --max-mb`` raises it).
DEFAULT_MAX_BYTES = 10 * 1000 * 1000

# Leading bytes of common binary formats that users rename or drop into folders by mistake.
_BINARY_MAGIC = {
    b"\x89PNG": "png",
    b"%PDF": "pdf",
    b"PK\x03\x04": "zip",
    b"\xff\xd8\xff": "jpeg",
    b"GIF8": "gif",
    b"\x1f\x8b": "gzip",
    b"Rar!": "rar",
    b"7z\xbc\xaf": "7z",
    b"\xd0\xcf\x11\xe0": "ole",
    b"\x7fELF": "executable",
    b"MZ": "executable",
}


@dataclass(frozen=True, slots=True)
class Document:
    """One decoded file."""

    path: Path
    text: str
    encoding: str
    sha256: str  # of the raw bytes: identifies the file content for anchors and duplicates
    replaced_bytes: int = 0  # invalid UTF-8 bytes decoded as U+FFFD (see :func:`decode_bytes`)
    page: PageInfo | None = None  # a saved web page: what it says about itself (:mod:`.webpage`)
    identity: str = ""  # the path relative to the corpus root (see :attr:`name`)

    @property
    def name(self) -> str:
        """The document's one identity in the corpus: its path relative to the corpus root
        (``a/index.txt`` and ``b/index.txt`` are two documents), used by events, anchors, the
        source view and the CLI; the file name when it was read on its own."""
        return self.identity or self.path.name


@dataclass(frozen=True, slots=True)
class Problem:
    """A file (or folder) that could not be used: a code and its parameters, worded by
    :func:`desktop.core.messages.problem_text` in the user's language."""

    path: Path
    code: str
    params: dict[str, object] = field(default_factory=dict)

    def text(self, lang: str = "en") -> str:
        """The one-line reason in ``lang``."""
        return problem_text(self.code, self.params, lang)

    @property
    def reason(self) -> str:
        return self.text("en")

    @property
    def skipped_copy(self) -> bool:
        """A word-for-word copy of a file read already: left out, not unreadable."""
        return self.code == "duplicate"

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


def replacement_warning(path: Path, replaced_bytes: int) -> Problem:
    """The note kept for a file read with a few invalid bytes replaced (the file is still used)."""
    return Problem(path, "replaced-bytes", {"count": replaced_bytes})


class UnreadableFile(Exception):
    """Raised by :func:`decode_bytes` with a problem code fit to show a user."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(problem_text(code, params, "en"))
        self.code = code
        self.params = params

    @classmethod
    def from_os_error(cls, error: OSError) -> UnreadableFile:
        return cls("cannot-read", error_en=os_error_text(error, "en"), error_zh=os_error_text(error, "zh"))


def normalize_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _binary_kind(data: bytes) -> str | None:
    for magic, kind in _BINARY_MAGIC.items():
        if data.startswith(magic):
            return kind
    return None


def _decode_with_bom(data: bytes) -> tuple[str, str] | None:
    boms = (
        (b"\xef\xbb\xbf", "utf-8-sig"),
        (b"\xff\xfe\x00\x00", "utf-32"),
        (b"\x00\x00\xfe\xff", "utf-32"),
        (b"\xff\xfe", "utf-16"),
        (b"\xfe\xff", "utf-16"),
    )
    for bom, encoding in boms:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError:
                return None
    return None


def _looks_like_text(text: str) -> bool:
    """Reject decodings that are mostly control characters (binary data that decoded)."""
    if not text:
        return True
    sample = text[:20000]
    bad = sum(1 for _ in _CONTROL_OR_REPLACED.finditer(sample))
    return bad / len(sample) < 0.01


#: control characters other than \t \n \v \f \r, and the replacement character
_CONTROL_OR_REPLACED = re.compile("[\x00-\x08\x0e-\x1f\ufffd]")


#: A file that is valid UTF-8 but for a few bad bytes (a truncated download, a bad copy)
#: is read as UTF-8 with U+FFFD for them — not as GB18030, which would turn the whole
#: file into mojibake — when the replacements stay under this share of the characters.
MAX_REPLACED_SHARE = 0.005

_counter = threading.local()


def _count_and_replace(exc: UnicodeError) -> tuple[str, int]:
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    _counter.bytes = getattr(_counter, "bytes", 0) + (exc.end - exc.start)
    return "\ufffd", exc.end


codecs.register_error("desktop-count-replace", _count_and_replace)


def _is_cjk_or_ascii(ch: str) -> bool:
    code = ord(ch)
    return (
        code < 0x80
        or 0x4E00 <= code <= 0x9FFF  # CJK unified ideographs
        or 0x3400 <= code <= 0x4DBF  # extension A
        or 0x3000 <= code <= 0x303F  # CJK punctuation
        or 0xFF00 <= code <= 0xFFEF  # full-width forms
        or 0x2000 <= code <= 0x206F  # general punctuation (“ ” — …)
        or 0xF900 <= code <= 0xFAFF  # compatibility ideographs
        or code == 0xFFFD
    )


def _lenient_utf8(data: bytes) -> tuple[str, int] | None:
    """UTF-8 with the few invalid bytes replaced, if the file is that; else None."""
    _counter.bytes = 0
    try:
        text = data.decode("utf-8", errors="desktop-count-replace")
    finally:
        replaced, _counter.bytes = getattr(_counter, "bytes", 0), 0
    marks = text.count("\ufffd") - data.count("\ufffd".encode())
    if not text or marks <= 0 or marks / len(text) >= MAX_REPLACED_SHARE:
        return None
    # Mostly ASCII with a few non-UTF-8 bytes is more likely a GB18030 file with a word or
    # two of Chinese: UTF-8 needs real multi-byte characters around the bad bytes.
    step = max(1, len(text) // 200_000)  # a sample is enough for megabyte files
    sample = text[::step]
    non_ascii = sum(1 for ch in sample if ord(ch) >= 0x80 and ch != "\ufffd") * step
    if non_ascii < 20 * marks:
        return None
    if sum(1 for ch in sample if _is_cjk_or_ascii(ch)) < 0.95 * len(sample):
        return None
    return text, replaced


def decode_bytes_counted(data: bytes) -> tuple[str, str, int]:
    """Like :func:`decode_bytes`, plus how many invalid UTF-8 bytes were replaced by U+FFFD."""
    kind = _binary_kind(data)
    if kind:
        raise UnreadableFile("binary", what=kind)
    replaced = 0
    decoded = _decode_with_bom(data)
    if decoded is None:
        if b"\x00" in data[:4096]:
            raise UnreadableFile("nul-bytes")
        try:
            decoded = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            lenient = _lenient_utf8(data)
            if lenient is not None:
                decoded, replaced = (lenient[0], "utf-8"), lenient[1]
            else:
                try:
                    decoded = data.decode("gb18030"), "gb18030"
                except UnicodeDecodeError:
                    decoded = None
    if decoded is None:
        from charset_normalizer import from_bytes  # imported lazily: only odd files need it

        best = from_bytes(data).best()
        if best is None:
            raise UnreadableFile("undecodable")
        decoded = str(best), best.encoding
    text, encoding = decoded
    if not _looks_like_text(text):
        raise UnreadableFile("control-characters", encoding=encoding)
    return text, encoding, replaced


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode raw file bytes to text; returns ``(text, encoding)``.

    Order: BOM; strict UTF-8 (most news downloads); UTF-8 with a few invalid bytes
    replaced by U+FFFD (under :data:`MAX_REPLACED_SHARE` of the text, the rest CJK/ASCII);
    GB18030 (a superset of GBK/GB2312, the other common case, and strict decoding rarely
    succeeds by accident on other data); then charset-normalizer for the rest. Raises
    :class:`UnreadableFile`.
    """
    text, encoding, _ = decode_bytes_counted(data)
    return text, encoding


class _TextExtractor(HTMLParser):
    """HTML → plain text. Nothing is fetched or executed: script/style bodies are dropped."""

    _SKIP = {"script", "style", "noscript", "template", "head", "svg", "iframe", "object"}
    _BLOCK = {
        "p", "div", "br", "li", "ul", "ol", "tr", "table", "section", "article", "header",
        "footer", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "hr", "title",
        "dd", "dt", "figcaption", "figure",
    }

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title_parts: list[str] = []
        self._skip_depth = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self._in_title = True
        if tag in self._SKIP:
            self._skip_depth += 1
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        if tag in self._SKIP:
            self._skip_depth = max(0, self._skip_depth - 1)
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title_parts.append(data)
        if self._skip_depth == 0:
            self.parts.append(data)


_SPACES_RUN = re.compile(r"[ \t\u3000]+")
_BLANK_LINES = re.compile(r"\n{3,}")


def html_to_text(markup: str) -> str:
    """Visible text of an HTML page, one block per paragraph, title first."""
    parser = _TextExtractor()
    try:
        parser.feed(markup)
        parser.close()
    except Exception:  # noqa: BLE001 - html.parser is lenient; a failure means garbage in
        return html.unescape(re.sub(r"<[^>]*>", " ", markup))
    title = "".join(parser.title_parts).strip()
    lines = [_SPACES_RUN.sub(" ", line).strip() for line in "".join(parser.parts).split("\n")]
    body = _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip("\n")
    if title and not body.startswith(title):
        body = f"{title}\n\n{body}"
    return body + "\n"


#: Paragraph and line-break tags: the bodies a feed or a news database keeps as markup
#: (新闻联播's stories stored as ``<p>…</p>``) inside an otherwise plain text file.
_PARAGRAPH_TAG = re.compile(r"</?p(?:\s[^<>]*)?>|<br\s*/?>|<br\s[^<>]*>", re.I)


def paragraph_markup_to_lines(text: str) -> str:
    """``text`` with its paragraph and line-break tags made lines: each piece of a line between
    tags on a line of its own, a line holding only tags gone; the other lines (a header, the
    blank line after it) as they were. Text with fewer than two such tags is returned as it is
    (a ``<p>`` in running text is a character, not markup)."""
    found = _PARAGRAPH_TAG.search(text)
    if found is None or _PARAGRAPH_TAG.search(text, found.end()) is None:
        return text
    lines = []
    for line in text.split("\n"):
        pieces = _PARAGRAPH_TAG.split(line)
        if len(pieces) == 1:
            lines.append(line)
        else:
            lines.extend(piece for piece in pieces if piece.strip())
    return "\n".join(lines)


#: A feed or corpus dump's record (SogouCA/CS ``<doc><url>…</url><contenttitle>…</contenttitle>
#: <content>…</content></doc>``): a wrapping element whose children are plain-text fields.
# every run of white space has one place in the pattern: a long text that is not a record fails fast
_RECORD = re.compile(r"\A\s*<(\w+)>\s*(?P<fields>(?:<(\w+)>[^<]*</\3>\s*)+)</\1>\s*\Z")
_RECORD_FIELD = re.compile(r"<(\w+)>([^<]*)</\1>")


def read_record(text: str) -> tuple[str, PageInfo] | None:
    """A record of plain-text fields laid out as an article — its title field first, the other
    short fields (an address, an id) under it, a blank line, then its longest field, the body —
    and what its fields say (title, address), as a saved page would; None for other text."""
    from desktop.core.reading.webpage import PageInfo

    record = _RECORD.match(text)
    if record is None:
        return None
    fields = [(name.lower(), value.strip()) for name, value in _RECORD_FIELD.findall(record["fields"])]
    fields = [(name, value) for name, value in fields if value]
    if len(fields) < 2:
        return None
    addresses = [value for _, value in fields if re.match(r"https?://\S+$", value)]
    texts = [field for field in fields if field[1] not in addresses]
    if not texts:
        return None
    body = max(texts, key=lambda field: len(field[1]))
    heads = [field for field in fields if field != body]
    titles = [value for name, value in heads if name.endswith("title")]
    others = [value for name, value in heads if not name.endswith("title")]
    url = addresses[0] if addresses else None
    page = PageInfo(title=titles[0] if titles else None, url=url, extractor="record fields")
    return "\n".join([*titles, *others, "", body[1], ""]), page


def corpus_root(paths: Iterable[Path]) -> Path | None:
    """The folder the documents of ``paths`` are named relative to: one folder itself, else
    the deepest folder that holds every given file and folder."""
    resolved = [Path(p).resolve() for p in paths]
    if not resolved:
        return None
    if len(resolved) == 1:
        return resolved[0] if resolved[0].is_dir() else resolved[0].parent
    return Path(os.path.commonpath([p if p.is_dir() else p.parent for p in resolved]))


def identity_of(path: Path, root: Path | None) -> str:
    """``path`` relative to the corpus root, with forward slashes (its name when outside)."""
    if root is not None:
        try:
            return Path(path).resolve().relative_to(root).as_posix()
        except ValueError:
            pass
    return Path(path).name


def read_document(path: Path, max_bytes: int = DEFAULT_MAX_BYTES, identity: str = "") -> Document:
    """Read one file (named ``identity`` in its corpus). Raises :class:`UnreadableFile` with a
    user-facing reason."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise UnreadableFile.from_os_error(exc) from None
    if size == 0:
        raise UnreadableFile("empty")
    if size > max_bytes:
        raise UnreadableFile("too-large", size_mb=size / 1e6, limit_mb=max_bytes / 1e6)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UnreadableFile.from_os_error(exc) from None
    text, encoding, replaced = decode_bytes_counted(data)
    sha256 = hashlib.sha256(data).hexdigest()
    del data  # a big file: keep the text only
    text = normalize_newlines(text)
    page = None
    if path.suffix.lower() in HTML_SUFFIXES or re.match(r"\s*<(!doctype\s+html|html)", text[:200], re.I):
        text, page = read_html(text)
    else:
        record = read_record(text)
        if record is not None:
            text, page = record
        # the sentences, titles and source view of such a file would show its tags
        text = paragraph_markup_to_lines(text)
    if not text.strip():
        raise UnreadableFile("no-text")
    return Document(path=path, text=text, encoding=encoding, sha256=sha256, replaced_bytes=replaced, page=page,
                    identity=identity)


def read_html(markup: str) -> tuple[str, PageInfo | None]:
    """A saved page's article text and what the page says about itself (:mod:`.webpage`);
    the whole visible text when the markup cannot be parsed as a page."""
    from desktop.core.reading.webpage import (  # loaded only when a page is read
        MIN_SENTENCE_CHARS,
        read_page,
        sentence_chars,
    )

    read = read_page(markup)
    if read is None or not read[0].strip():
        return html_to_text(markup), None
    text, page = read
    kept = sentence_chars(text.split("\n"))
    if kept < MIN_SENTENCE_CHARS:
        # lxml drops what is nested deeper than it parses: the whole visible text, read by
        # html.parser, rather than a page without its article
        whole = html_to_text(markup)
        if sentence_chars(whole.split("\n")) > kept:
            return whole, replace(page, extractor="whole page")
    return text, page


def iter_article_files(paths: Iterable[Path]) -> Iterator[Path | Problem]:
    """Files to read, in a stable order: given files as they are, folders walked sorted.

    Symlinked folders are not followed (no loops); files of other types inside folders
    are skipped silently, but a folder with no article file at all is a problem.
    """
    for path in paths:
        path = Path(path)
        if not path.exists():
            yield Problem(path, "missing")
        elif path.is_dir():
            found = False
            for root, dirs, files in os.walk(path, followlinks=False):
                dirs.sort()
                for name in sorted(files):
                    if name.lower().endswith(ARTICLE_SUFFIXES) and not name.startswith("."):
                        found = True
                        yield Path(root) / name
            if not found:
                yield Problem(path, "no-article-files", {"suffixes": ", ".join(ARTICLE_SUFFIXES)})
        else:
            yield path


def read_paths(paths: Iterable[Path], max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Document | Problem]:
    """Documents and problems for the given files and folders, in order."""
    for item in iter_article_files(paths):
        if isinstance(item, Problem):
            yield item
            continue
        try:
            yield read_document(item, max_bytes=max_bytes)
        except UnreadableFile as exc:
            yield Problem(item, exc.code, exc.params)
