"""Article metadata by general rules: header stamp, original address, day in the lead, inference."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from desktop.core.reading.articles import split_articles
from desktop.core.reading.reader import read_document

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def articles_of(name: str):
    return split_articles(read_document(SEEDS / name))


@pytest.mark.parametrize(
    ("name", "published", "basis", "outlet"),
    [
        ("000_60126b80996df276.txt", date(2025, 3, 1), "header", "中国日报网"),
        ("001_882d371ebac972e1.txt", date(2024, 9, 25), "url", "天津市文化和旅游局网站 whly.tj.gov.cn"),
        ("003_334a84f1ee67df80.txt", date(2024, 2, 24), "header", "河北日报"),
        ("004_5b93c930ab0c10b8.txt", date(2026, 2, 3), "inferred", "经济日报"),
    ],
)
def test_publication_date_and_outlet_of_seeds(name, published, basis, outlet):
    first = articles_of(name)[0]
    assert first.published.date == published
    assert first.published.basis == basis
    assert first.outlet == outlet


def test_day_without_month_keeps_year_and_day_only():
    (article,) = articles_of("002_d223a802bbc46e93.txt")
    p = article.published
    assert (p.year, p.month, p.day) == (2022, None, 15)
    assert p.edtf == "2022-XX-15" and p.date is None
    assert p.basis == "lead-day" and "月份未载明" in p.detail and p.label == "据导语日期"
    assert article.outlet == "北京日报客户端"


def test_inferred_date_has_low_confidence_and_says_why():
    first = articles_of("004_5b93c930ab0c10b8.txt")[0]
    assert first.published.confidence < 0.5
    assert "十五五" in first.published.detail and "全年统计" in first.published.detail
    assert first.published.label == "据内容推断" and first.published.inferred


def test_newspaper_page_is_split_into_articles():
    articles = articles_of("004_5b93c930ab0c10b8.txt")
    titles = [a.title for a in articles if a.kind == "article"]
    assert titles[0] == "协同聚势培育新质生产力——京津中关村科技城打造产城融合示范区"
    assert "黑龙江过硬作风激发创新活力" in titles
    captions = [a for a in articles if a.kind == "caption"]
    assert len(captions) == 2
    assert all(a.text.lstrip().startswith("2月2日") for a in captions)
    # captions are carved out of the article whose span holds them
    main = articles[0]
    assert any(s <= captions[0].span[0] < e for s, e in main.excluded)


def test_headlines_and_furniture():
    (a000,) = articles_of("000_60126b80996df276.txt")
    assert a000.title == "京津中关村科技城推介会暨重点项目签约仪式在京举行"
    text = a000.doc.text
    excluded = "".join(text[s:e] for s, e in a000.excluded)
    assert "责任编辑" in excluded and "分享到" in excluded and "2025-03-01 13:56" in excluded
    (a003,) = articles_of("003_334a84f1ee67df80.txt")
    assert a003.title.startswith("协同发展十年观察③")
    (a001,) = articles_of("001_882d371ebac972e1.txt")
    assert a001.title is None  # the file has no headline: derived later from the lead


def _doc(tmp_path, text, name="a.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return read_document(path)


def test_rules_are_general_not_seed_specific(tmp_path):
    doc = _doc(tmp_path, "某某新闻标题\n来源：某某日报  2023年5月6日 08:00\n\n5月5日，某地举行签约仪式，共有十个项目签约落户。\n")
    (article,) = split_articles(doc)
    assert article.published.date == date(2023, 5, 6)
    assert article.outlet == "某某日报"
    assert article.title == "某某新闻标题"
    doc = _doc(tmp_path, "昨日（11日），某某产业大会在某地召开，2019年某某论坛也在此举办过。\n原文链接：http://example.gov.cn/art/2021/5/12/art_1.html\n", "b.txt")
    (article,) = split_articles(doc)
    assert article.published.basis in ("url", "lead-day")


def test_a_source_label_names_the_outlet_without_the_author_after_it(tmp_path):
    doc = _doc(tmp_path, "2008-09-03 16:08:29\n某地发生地震。\n\n8月30日，某地发生地震。(来源：某某网作者：王某某)\n")
    (article,) = split_articles(doc)
    assert article.outlet == "某某网"
    doc = _doc(tmp_path, "某地新闻\n2005-04-05 06:40更新 来源：转载文章\n\n4月4日，某地举行签约仪式。\n", "b.txt")
    (article,) = split_articles(doc)
    assert article.outlet is None


def test_the_short_line_under_the_header_stamp_names_the_source(tmp_path):
    doc = _doc(tmp_path, "截至1月22日24时，某省累计报告病例10例\n2020-01-23 08:21:15\n某某新闻\n"
                         "https://example.com/a/1\n\n截至1月22日24时，某省累计报告病例10例，其中重症2例。\n")
    (article,) = split_articles(doc)
    assert article.outlet == "某某新闻" and "header line" in article.outlet_basis
    # a sentence, an address or a number under the stamp names no source
    for third in ("https://example.com/a/1", "记者从某局获悉，某地签约。", "第3版"):
        doc = _doc(tmp_path, f"某地签约\n2020-01-23 08:21:15\n{third}\n\n1月22日，某地举行签约仪式。\n", "b.txt")
        (article,) = split_articles(doc)
        assert article.outlet is None, third
    doc = _doc(tmp_path, "某地新闻\n2012-06-01\n\n某地签约。(来源：某某网）</content>\n", "c.txt")
    assert split_articles(doc)[0].outlet == "某某网"


def test_a_round_ups_first_heading_under_the_header_is_article_text(tmp_path):
    from desktop.core.events.pipeline import article_events

    header = "[视频]某地联播快讯\n2013-04-15 19:31:01\n某某网\nhttps://example.com/a/1\n\n"
    body = "　　今年一季度某省财政收入增幅降低\n　　某省财政厅消息：全省公共财政收入320亿元，增长6.9%。\n"
    (article,) = split_articles(_doc(tmp_path, header + body))
    assert article.outlet == "某某网"
    assert [e.date_text for e in article_events(article, [])] == ["今年一季度"]
    heading = header.index("某某网")
    assert any(start <= heading < end for start, end in article.excluded)  # the source line stays furniture
    # a short line right under the stamp is still the source, not a heading
    (article,) = split_articles(_doc(tmp_path, "某地签约\n2020-01-23 08:21:15\n某某新闻客户端\n\n1月22日，某地举行签约仪式，共签约十个项目。\n", "b.txt"))
    assert article.outlet == "某某新闻客户端"


def test_no_date_anywhere_is_unknown(tmp_path):
    doc = _doc(tmp_path, "没有任何日期的一段文字，讲述某地的发展情况，内容较长以便成为正文段落。\n")
    (article,) = split_articles(doc)
    assert article.published.year is None and article.published.basis == "unknown"


def test_page_furniture_lines(tmp_path):
    from desktop.core.reading.articles import is_boilerplate

    assert is_boilerplate("《 人民日报 》（ 2024年06月03日 第 01 版）")
    assert is_boilerplate("[08-14] 大连长兴岛石化产业园新签约项目5个")
    assert is_boilerplate("沈阳浑南科技城加快建设 2024-08-10")
    assert is_boilerplate("地址：杭州市省府路8号　电话：0571-12345678")
    assert not is_boilerplate("2024年，全市地区生产总值增长5.1%，规上工业增加值增长6.2%。")


def test_outlet_before_the_date_in_a_page_header(tmp_path):
    doc = _doc(tmp_path, "# 某某日报　2024年7月9日　星期二　第3版：综合新闻\n\n## 标题\n\n本报记者 某某\n7月8日，某产业园揭牌运营，首批企业入驻园区。\n")
    first = split_articles(doc)[0]
    assert first.outlet == "某某日报"
    assert first.published.date == date(2024, 7, 9)


def test_masthead_heading_is_not_the_story_title(tmp_path):
    doc = _doc(tmp_path, "# 某某日报 · 区域新闻\n\n2025年7月9日 星期三　第A05版\n\n## 某合作区上半年生产总值增长5.6%\n\n本报记者 某某\n\n"
                         "7月8日，某合作区统计局发布数据，上半年地区生产总值同比增长5.6%。\n", "page.md")
    first = split_articles(doc)[0]
    assert first.title == "某合作区上半年生产总值增长5.6%"


def test_column_with_its_title_and_author_printed_after_the_text():
    articles = articles_of("004_5b93c930ab0c10b8.txt")
    titles = [a.title for a in articles if a.kind == "article"]
    assert len(titles) == 3
    column = [a for a in articles if a.title and a.title.endswith("（杨阳腾）")][0]
    assert column.text.lstrip().startswith("近期，广东省深圳市坪山区")
    heilongjiang = [a for a in articles if a.title == "黑龙江过硬作风激发创新活力"][0]
    assert "坪山区" not in heilongjiang.text and "用5年" in heilongjiang.text
    main = articles[0]
    assert "2025年" in main.text and "天津市宝坻区与" in main.text  # the info box is no column trailer


def test_a_bulletin_kept_as_paragraph_markup_reads_as_lines_and_keeps_its_story_headlines(tmp_path):
    from desktop.core.events.perfile import extract_file

    body = ("<p>某台消息（联播）：</p><p>上半年某省外贸平稳增长</p>"
            "<p>某省海关最新数据显示，6月末，某省进出口总值同比增长9.6%；出口增长11.1%。</p>"
            "<p>某某隧道主体工程开工</p><p>今天（7月15日），某某隧道主体工程开工，全长约3公里。</p><br/>")
    path = tmp_path / "bulletin.txt"
    path.write_text(f"[视频]某台快讯\n2022-07-15 19:50:04\n某台\n\n{body}\n", encoding="utf-8")
    result = extract_file(path)
    events = [event for found in result.events for event in found]
    assert result.document.text.count("<") == 0
    assert all("<" not in event.title and "<" not in event.sentence for event in events)
    # the first story's headline comes before any sentence: the lead-in line opens the body
    by_text = {event.date_text: event for event in events}
    assert by_text["上半年"].sentence == "上半年某省外贸平稳增长"
    assert {"6月末", "今天（7月15日）"} <= set(by_text)
