"""Reading files: encodings, HTML, newlines, and files that are not articles."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.reading.reader import (
    Document,
    Problem,
    decode_bytes,
    html_to_text,
    read_document,
    read_paths,
)

SAMPLE = "2月28日,京津中关村科技城推介会在北京举行。\n第二段。\n"


@pytest.mark.parametrize(
    ("data", "encoding_family"),
    [
        (SAMPLE.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + SAMPLE.encode("utf-8"), "utf-8-sig"),
        (SAMPLE.encode("gb18030"), "gb18030"),
        (SAMPLE.encode("gbk"), "gb18030"),
        (SAMPLE.encode("utf-16"), "utf-16"),
    ],
)
def test_encodings_decode_to_the_same_text(data, encoding_family):
    text, encoding = decode_bytes(data)
    assert text.lstrip("\ufeff") == SAMPLE
    assert encoding == encoding_family


def test_newlines_are_normalized(tmp_path):
    path = tmp_path / "crlf.txt"
    path.write_bytes(SAMPLE.replace("\n", "\r\n").encode("utf-8"))
    (doc,) = read_paths([path])
    assert isinstance(doc, Document)
    assert "\r" not in doc.text
    assert doc.text == SAMPLE


def test_html_is_stripped_and_nothing_is_executed(tmp_path):
    markup = (
        "<html><head><title>标题</title><style>p{color:red}</style>"
        "<script>alert('x')</script></head><body><p>2月28日,会议&amp;签约举行。</p>"
        "<!-- 注释 --><img src='http://example.com/a.png'><p>第二段</p></body></html>"
    )
    text = html_to_text(markup)
    assert "alert" not in text and "color" not in text and "注释" not in text
    assert "2月28日,会议&签约举行。" in text
    assert text.startswith("标题")
    path = tmp_path / "page.html"
    path.write_text(markup, encoding="utf-8")
    (doc,) = read_paths([path])
    assert "第二段" in doc.text


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\t \n", "whitespace"),
        ("image.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "PNG"),
        ("doc.txt", b"%PDF-1.7\n" + bytes(range(256)) * 4, "PDF"),
        ("archive.txt", b"PK\x03\x04" + bytes(range(256)) * 4, "ZIP"),
        ("binary.txt", bytes(range(256)) * 8, "not a text file"),
    ],
)
def test_bad_files_become_problems_with_a_reason(tmp_path, name, data, reason):
    path = tmp_path / name
    path.write_bytes(data)
    good = tmp_path / "good.txt"
    good.write_text(SAMPLE, encoding="utf-8")
    items = list(read_paths([path, good]))
    assert isinstance(items[0], Problem)
    assert reason in items[0].reason
    assert "\n" not in str(items[0])
    assert isinstance(items[1], Document)


def test_invalid_utf8_bytes_mid_file_still_decode(tmp_path):
    path = tmp_path / "broken.txt"
    path.write_bytes(SAMPLE.encode("utf-8") * 20 + b"\xff\xfe\xfa" + SAMPLE.encode("utf-8"))
    (item,) = read_paths([path])
    if isinstance(item, Document):
        assert "京津中关村科技城" in item.text
    else:
        assert "undecodable" in item.reason or "not a text file" in item.reason


def test_too_large_file_is_refused_with_its_size(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(SAMPLE.encode("utf-8") * 2000)
    (item,) = read_paths([path], max_bytes=10_000)
    assert isinstance(item, Problem)
    assert "too large" in item.reason and "MB" in item.reason


def test_folder_walk_is_sorted_and_skips_other_types(tmp_path):
    (tmp_path / "b.txt").write_text(SAMPLE, encoding="utf-8")
    (tmp_path / "a.md").write_text(SAMPLE, encoding="utf-8")
    (tmp_path / "c.jpg").write_bytes(b"\xff\xd8\xff")
    names = [item.path.name for item in read_paths([tmp_path])]
    assert names == ["a.md", "b.txt"]


def test_folder_without_articles_and_missing_path_are_problems(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    items = list(read_paths([empty, tmp_path / "missing.txt"]))
    assert [type(i) for i in items] == [Problem, Problem]
    assert "no article files" in items[0].reason
    assert "no such file" in items[1].reason


def test_seed_files_are_read_byte_for_byte(tmp_path):
    seeds = Path(__file__).resolve().parents[1] / "seeds"
    docs = list(read_paths([seeds]))
    assert len(docs) == 5 and all(isinstance(d, Document) for d in docs)
    assert all(d.encoding == "utf-8" for d in docs)


def test_paragraph_markup_in_a_text_file_becomes_lines():
    from desktop.core.reading.reader import paragraph_markup_to_lines

    text = "标题\n2022-07-15\n\n<p>第一段。</p><p>第二段。<br/>第三段。</p><br>\n"
    assert paragraph_markup_to_lines(text) == "标题\n2022-07-15\n\n第一段。\n第二段。\n第三段。\n"
    assert paragraph_markup_to_lines('<P class="x">甲。</P>') == "甲。"
    # one tag-like string in running text is a character, not markup
    assert paragraph_markup_to_lines("排版用<p>标签分段。\n下一行") == "排版用<p>标签分段。\n下一行"
    assert paragraph_markup_to_lines("没有标签。") == "没有标签。"


def test_a_text_file_of_paragraph_markup_is_read_without_its_tags(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("标题\n\n<p>某地举行签约仪式。</p><p>项目总投资10亿元。</p>\n", encoding="utf-8")
    assert read_document(path).text == "标题\n\n某地举行签约仪式。\n项目总投资10亿元。\n"


def test_a_dump_record_of_fields_reads_as_an_article_with_its_title_and_address(tmp_path):
    from desktop.core.reading.articles import split_articles

    record = ("<doc>\n<url>http://news.example.com/20120605/1.html</url>\n<docno>1eea982e</docno>\n"
              "<contenttitle>某地新区开工建设（图）</contenttitle>\n"
              "<content>某网６月５日电　４日，某地新区开工建设，总投资１０亿元。项目预计明年建成。</content>\n</doc>\n")
    path = tmp_path / "r.txt"
    path.write_bytes(record.encode("gb18030"))
    doc = read_document(path)
    assert "<" not in doc.text and doc.text.startswith("某地新区开工建设（图）\n")
    assert doc.page.title == "某地新区开工建设（图）" and doc.page.url == "http://news.example.com/20120605/1.html"
    (article,) = split_articles(doc)
    assert article.title == "某地新区开工建设（图）"
    # the lines above the body (title, address, id) are furniture, not text to take events from
    body_at = doc.text.index("某网６月５日电")
    covered = {i for start, end in article.excluded for i in range(start, end)}
    assert {i for i, ch in enumerate(doc.text[:body_at]) if not ch.isspace()} <= covered
    assert article.published.date.isoformat() == "2012-06-05"
    # markup that is not a record of plain fields stays as it was
    path.write_text("<doc>\n<p>甲。</p>\n<b>乙</b>丙\n</doc>\n", encoding="utf-8")
    assert read_document(path).page is None


def test_a_long_text_that_is_almost_a_record_is_refused_at_once():
    from desktop.core.reading.reader import read_record

    # thousands of fields, then no closing tag: a pattern with two ways to match each blank
    # line would try them all
    text = "<doc>\n" + "".join(f"<f{i}>值</f{i}>\n\n" for i in range(3000)) + "<b>未完"
    assert read_record(text) is None
