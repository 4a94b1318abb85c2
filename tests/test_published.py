"""Publication dates from every form files carry, each with its basis (small inputs written here)."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.core.export.brief import published_text
from desktop.core.reading.articles import split_articles
from desktop.core.reading.published import (
    is_link_list_line,
    is_numeric_stamp,
    parse_stamp,
    stamp_of_line,
)
from desktop.core.reading.reader import read_document

BODY = "某市举行重点项目集中签约仪式，共签约项目二十个，总投资超过三百亿元。各方表示将加快推进项目建设。\n"


def published_of(tmp_path, text: str, name: str = "a.txt", encoding: str = "utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return split_articles(read_document(path))[0].published


@pytest.mark.parametrize(
    ("value", "day", "time"),
    [
        ("2019-09-07T13:43:45+08:00", date(2019, 9, 7), "13:43:45"),
        ("2019-09-07T05:51:23.000Z", date(2019, 9, 7), "13:51:23"),  # UTC → Beijing
        ("2022-02-06T20:30:00-05:00", date(2022, 2, 7), "09:30:00"),  # the next day in Beijing
        ("Mon, 10 Aug 2026 19:00:00 +0800", date(2026, 8, 10), "19:00:00"),
        ("Mon, 10 Aug 2026 19:00:00 GMT", date(2026, 8, 11), "03:00:00"),
        ("2005年03月21日11:21", date(2005, 3, 21), "11:21"),
        ("发布时间：2019-09-26 10:09:11", date(2019, 9, 26), "10:09:11"),
        ("2020 / 03 / 12 星期四", date(2020, 3, 12), None),
        ("２０１２年６月１２日", date(2012, 6, 12), None),  # full-width digits
        ("2007-08-20-23:59:59", date(2007, 8, 20), "23:59:59"),
        ("25/07/2009", date(2009, 7, 25), None),  # day first
        ("2022.01.20 16:31", date(2022, 1, 20), "16:31"),
    ],
)
def test_stamp_forms(value, day, time):
    stamp, _ = parse_stamp(value)
    assert (stamp.date, stamp.time) == (day, time)


def test_a_stamp_line_is_not_a_headline_or_a_sentence():
    assert stamp_of_line("2019-02-09 19:10:03").date == date(2019, 2, 9)
    assert stamp_of_line("2005-04-05 06:40更新 来源：转载文章").date == date(2005, 4, 5)
    assert stamp_of_line("2005-12").date is None and stamp_of_line("2005-12").month == 12
    assert stamp_of_line("关于2020年1月1日起施行新规定的通知发布会在京举行") is None
    assert stamp_of_line("2019年9月26日，某市举行签约仪式。") is None


def test_header_line_beats_a_date_in_the_title(tmp_path):
    p = published_of(tmp_path, "关于2020年元旦春节期间开展活动的通知\n2019-12-15 19:19:03\n央视网\n\n" + BODY)
    assert (p.date, p.time, p.basis, p.label) == (date(2019, 12, 15), "19:19:03", "header", "据文首日期")


def test_rfc_2822_header_in_beijing_time(tmp_path):
    p = published_of(tmp_path, "标题一则\nSun, 09 Aug 2026 23:30:00 GMT\nhttps://example.org/x/20260809/\n\n" + BODY)
    assert (p.date, p.time, p.basis) == (date(2026, 8, 10), "07:30:00", "header")


def test_month_only_header_keeps_the_month(tmp_path):
    p = published_of(tmp_path, "2005-12\n" + BODY)
    assert (p.year, p.month, p.day, p.edtf, p.basis) == (2005, 12, None, "2005-12", "header")


def test_dateline_takes_the_year_of_the_address(tmp_path):
    text = ("<doc>\n<url>http://news.example.com/20120611/n1.shtml</url>\n<content>中新网徐州６月１０日电　（记者　某某）"
            + BODY + "</content>\n</doc>\n")
    p = published_of(tmp_path, text, encoding="gb18030")
    assert (p.date, p.basis, p.year_basis) == (date(2012, 6, 10), "dateline", "url")
    assert p.label == "据电头（年份据原文地址）" and not p.inferred


def test_dateline_far_from_the_address_is_not_combined(tmp_path):
    text = "http://news.example.com/20120611/n1.shtml\n新华网北京3月2日电 " + BODY
    p = published_of(tmp_path, text)
    assert (p.date, p.basis) == (date(2012, 6, 11), "url")


def test_dateline_year_from_a_full_date_naming_that_day_is_inferred(tmp_path):
    text = "路透北京9月27日 " + BODY + "2020年9月27日，有关方面发布了通报。2035年远景目标另行研究。\n"
    p = published_of(tmp_path, text)
    assert (p.date, p.basis, p.year_basis) == (date(2020, 9, 27), "dateline", "inferred")
    assert p.label == "据电头（年份推断）" and p.inferred
    assert published_text(p.date, p.edtf, p.detail).endswith("（推断）")


def test_dateline_year_from_the_latest_year_mentioned(tmp_path):
    text = "新华网北京8月30日电 " + BODY + "该项目于2018年开工，2019年建成投产。\n"
    p = published_of(tmp_path, text)
    assert (p.date, p.label) == (date(2019, 8, 30), "据电头（年份推断）")
    assert p.confidence < 0.6


def test_file_name_date(tmp_path):
    p = published_of(tmp_path, BODY, name="2012-06-12_001.txt")
    assert (p.date, p.basis, p.label) == (date(2012, 6, 12), "filename", "据文件名")


def test_hex_in_a_file_name_is_no_date(tmp_path):
    p = published_of(tmp_path, BODY, name="000_20190926abcdef.txt")
    assert p.basis != "filename"


def _page(tmp_path, head: str = "", body: str = "", name: str = "page.html", before: str = "") -> object:
    paragraphs = "".join(f"<p>{line}</p>" for line in BODY.strip().split("。") if line) * 3
    markup = (f"{before}<html><head><title>项目签约仪式举行_新闻中心_示例网</title>{head}</head><body>"
              "<div class='nav'><a href='/'>首页</a> <a href='/n'>新闻</a> <a href='/c'>财经</a></div>"
              f"<h1>项目签约仪式举行</h1>{body}<div class='content'>{paragraphs}</div>"
              "<div class='footer'>版权所有 示例网 未经授权禁止转载</div></body></html>")
    path = tmp_path / name
    path.write_text(markup, encoding="utf-8")
    return split_articles(read_document(path))


@pytest.mark.parametrize(
    ("head", "body", "day"),
    [
        ('<meta property="article:published_time" content="2019-09-07T13:43:45+08:00">', "", date(2019, 9, 7)),
        ('<meta name="pubdate" content="2019-09-08 10:00">', "", date(2019, 9, 8)),
        ('<meta name="publishdate" content="2019-09-09">', "", date(2019, 9, 9)),
        ('<meta name="PubDate" content="2019-09-10 09:52">', "", date(2019, 9, 10)),
        ('<meta name="firstpublishedtime" content="2007-08-20-23:59:59">', "", date(2007, 8, 20)),
        ('<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2020-01-02T17:11:00+08:00"}'
         "</script>", "", date(2020, 1, 2)),
        ("", '<span itemprop="datePublished" content="2020-03-12T20:19:00"></span>', date(2020, 3, 12)),
        ("<script>var pubDate = '2019-11-25 16:04:30'; var other = 'x';</script>", "", date(2019, 11, 25)),
        ("<script>window.DATA = {publish_time: '2019-09-08 11:42:03'};</script>", "", date(2019, 9, 8)),
    ],
    ids=["article:published_time", "pubdate", "publishdate", "PubDate", "firstpublishedtime", "json-ld",
         "itemprop", "script pubDate", "script publish_time"],
)
def test_page_metadata_forms(tmp_path, head, body, day):
    (article,) = _page(tmp_path, head=head, body=body)
    assert article.published.date == day
    assert article.published.basis == "meta" and article.published.label == "据网页元数据"
    assert article.published.confidence >= 0.9


def test_page_visible_stamp_under_the_headline(tmp_path):
    (article,) = _page(tmp_path, body="<div class='info'>发布时间：2019-09-26 10:09:11　来源：示例日报</div>")
    p = article.published
    assert (p.date, p.time, p.basis, p.label) == (date(2019, 9, 26), "10:09:11", "page-stamp", "据页首日期")
    # the stamp line is shown in the document text, under the headline and above the text
    text = article.doc.text
    assert text.startswith("项目签约仪式举行\n")
    assert 0 < text.index("发布时间：2019-09-26 10:09:11") < text.index("某市举行重点项目")
    assert article.outlet == "示例日报"


def test_page_metadata_beats_the_visible_stamp(tmp_path):
    (article,) = _page(tmp_path, head='<meta name="publishdate" content="2019-09-07">',
                       body="<div>2019年09月08日 08:00</div>")
    assert (article.published.date, article.published.basis) == (date(2019, 9, 7), "meta")


def test_time_element_and_page_address(tmp_path):
    (article,) = _page(tmp_path, body='<time datetime="2021-05-06T08:00:00+08:00">5月6日</time>')
    assert (article.published.date, article.published.basis) == (date(2021, 5, 6), "meta")
    (article,) = _page(tmp_path, head='<link rel="canonical" href="http://news.example.com/2005-03-21/1.shtml">')
    assert (article.published.date, article.published.basis, article.published.label) == (
        date(2005, 3, 21), "url", "据原文地址")


def test_archive_wrapper_names_the_address(tmp_path):
    (article,) = _page(tmp_path, before='<text id="http://biz.example.com/20050114/1.html" title="x">')
    assert (article.published.date, article.published.basis) == (date(2005, 1, 14), "url")


def test_notice_signed_before_it_was_posted(tmp_path):
    paragraphs = "".join(f"<p>{line}。</p>" for line in BODY.strip().split("。") if line)
    markup = ("<html><head><title>关于某事项的通告</title></head><body><h1>关于某事项的通告</h1>"
              f"<div>2022年01月28日</div><div>{paragraphs}<p>某市人民政府</p><p>2022年1月27日</p></div></body></html>")
    (tmp_path / "notice.html").write_text(markup, encoding="utf-8")
    (article,) = split_articles(read_document(tmp_path / "notice.html"))
    assert (article.published.date, article.published.basis) == (date(2022, 1, 27), "signature")
    assert "2022-01-28" in article.published.detail


def test_a_page_is_one_article_of_its_main_text(tmp_path):
    related = "".join(f"<li><a href='/r{i}'>其他新闻标题第{i}条 2019-09-0{i}</a></li>" for i in range(1, 6))
    articles = _page(tmp_path, head='<meta property="og:site_name" content="示例网">',
                     body=f"<h2>项目签约仪式举行</h2><div class='byline'>本报记者 王小明</div>"
                          f"<div class='related'><h3>相关新闻</h3><ul>{related}</ul></div>")
    assert len(articles) == 1
    (article,) = articles
    text = article.doc.text
    assert "共签约项目二十个" in text
    assert "版权所有" not in text and "首页" not in text
    assert (article.title, article.site, article.title_basis) == ("项目签约仪式举行", "示例网", "page headline")
    assert article.doc.page is not None and article.doc.page.extractor in ("trafilatura", "densest text")


def test_site_from_the_title_and_author_from_the_byline(tmp_path):
    (article,) = _page(tmp_path, body="<div class='byline'>本报记者 王小明</div>")
    assert article.site == "示例网"
    assert article.author == "王小明"


@pytest.mark.parametrize(
    ("text", "author"),
    [
        ("标题\n\n" + BODY + "（记者 胡晓蓉）\n", "胡晓蓉"),
        ("标题\n作者：郭励弘\n\n" + BODY, "郭励弘"),
        ("标题\n\n顶端新闻·河南商报记者马俊峰/文\n" + BODY, "马俊峰"),
        ("标题\n\n" + BODY + "（常书香 马丹阳）\n", "常书香 马丹阳"),
        ("标题\n\n" + BODY + "记者采访时了解到，项目进展顺利。\n", None),
    ],
    ids=["bracketed", "label", "slash", "closing names", "no byline"],
)
def test_author_bylines(tmp_path, text, author):
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    assert split_articles(read_document(path))[0].author == author


def test_page_offsets_point_into_the_text_the_source_view_shows(tmp_path):
    from desktop.core.events.corpus import extract

    paragraphs = "".join(f"<p>{line}</p>" for line in (
        "2023年11月29日，某大会在北京召开，来自各地的代表参加了会议。",
        "会上，十个重点项目完成签约，总投资超过一百亿元。",
        "据悉，首批项目将于2024年3月开工建设。",
    ))
    markup = (f"<html><head><title>某大会召开</title><meta name='publishdate' content='2023-11-30'></head>"
              f"<body><div><a href='/'>首页</a></div><h1>某大会召开</h1><div>{paragraphs}</div></body></html>")
    (tmp_path / "p.html").write_text(markup, encoding="utf-8")
    corpus = extract([tmp_path])
    doc = corpus.document("p.html")
    assert len(corpus.events) >= 2
    for row in corpus.events.itertuples():
        assert doc.text[row.date_start:row.date_end] == row.date_text
        assert doc.text[row.sentence_start:row.sentence_end] == row.sentence


def test_a_record_stored_as_markup_names_its_title(tmp_path):
    text = ("<doc>\n<url>http://news.example.com/20120611/1.html</url>\n<contenttitle>江苏某县回应大棚变身荒草地</contenttitle>\n"
            "<content>中新网徐州６月１０日电 " + BODY + "</content>\n</doc>\n")
    path = tmp_path / "r.txt"
    path.write_text(text, encoding="utf-8")
    (article,) = split_articles(read_document(path))
    assert article.title == "江苏某县回应大棚变身荒草地"


def test_a_page_nested_deeper_than_the_recursion_limit_is_read(tmp_path):
    depth = 5000
    markup = ("<html><head><title>深层页面</title></head><body>" + "<div>" * depth
              + "<p>2023年11月29日，某大会在北京召开，来自各地的代表参加了会议。</p>" + "</div>" * depth + "</body></html>")
    (tmp_path / "deep.html").write_text(markup, encoding="utf-8")
    (article,) = split_articles(read_document(tmp_path / "deep.html"))
    assert "某大会在北京召开" in article.doc.text


def test_a_page_whose_title_names_only_the_site_is_dated_by_its_labelled_stamp():
    from desktop.core.reading.reader import read_html

    markup = ("<html><head><title>新闻动态--某学会官网</title></head><body>"
              "<ul><li><a href='/a'>首页</a></li><li><a href='/b'>学会动态</a></li></ul>"
              "<h5>某学术年会在某大学成功举行</h5>"
              "<div><b>发布时间：2019-05-18</b> <i>来源：某学会</i></div>"
              "<div><p>5月10-12日，某学术年会在某大学举行。来自一百余所高校的六百余名专家学者参加会议，"
              "围绕大会主题开展了一系列学术报告和学术对话活动。</p>"
              "<p>5月11日上午，大会开幕式在该校报告厅举行，多位专家学者出席开幕式并先后致辞。</p></div>"
              "<div>版权所有 某学会</div></body></html>")
    text, page = read_html(markup)
    assert page.title == "某学术年会在某大学成功举行"
    assert page.stamp_line and "2019-05-18" in page.stamp_line


@pytest.mark.parametrize(("line", "links"), [
    ("- 海口市委书记落马 2019-09-06 19:41 廉政风暴", True),
    ("- 央视主播祝某某生日快乐 2019-09-07 08:57", True),
    ("* 某地人民日报海外版：守护好“东方之珠” 2019-09-06 21:55 心连心 爱香港", True),
    ("作者最近文章 美国还重要吗？2019-08-27破7之后，我们为什么有信心？2019-08-07", True),
    ("·某地夫妻三月后离婚（2005-04-03 17:19PM） ·某局长被判13年（2005-04-01 15:57PM）", True),
    # the article's opening line under its stamp, not a link
    ("- 王某：某某持久战 最后更新: 2019-09-07 09:27:48 【文/某网专栏作者 王某】“贸易战正在变成持久战。”", False),
    ("2019-09-07 09:25:09 字号：A- A A+", False),
    ("某市于2019年9月6日举行签约仪式，2019年9月7日项目开工。", False),
])
def test_a_line_of_stamped_links_is_told_from_article_text(line, links):
    assert is_link_list_line(line) is links


@pytest.mark.parametrize(("text", "stamp"), [
    ("2019-09-06", True), ("2005/04/01 09:56", True), ("2004-12-11 9:51:00", True),
    ("2019年9月6日", False), ("1991.09-1991.11", False), ("2019-09-06至2019-09-10", False),
])
def test_a_machine_written_date_is_a_stamp(text, stamp):
    assert is_numeric_stamp(text) is stamp
