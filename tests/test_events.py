"""Event rules: one per dated clause, name-years, quoted speech, discourse year, durations."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from desktop.core.events.corpus import extract
from desktop.core.events.titles import event_title
from desktop.core.export.notes import resolution_text


def corpus_of(tmp_path, text: str, name: str = "a.txt"):  # noqa: ANN201 - Corpus
    """The corpus of one file ``name`` holding ``text``."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return extract([path])


def events_of(tmp_path, text: str, name: str = "a.txt") -> pd.DataFrame:
    return corpus_of(tmp_path, text, name).events


def dated_by_nothing(frame: pd.DataFrame) -> bool:
    """The text dates no event: the article's one event is its report on the day it came out."""
    return frame["resolved_against"].str.startswith("reported|").tolist() == [True]


HEADER = "某地新闻\n来源：某某日报  2024-09-25 10:00\n\n"


def test_two_dates_with_text_between_are_two_events(tmp_path):
    frame = events_of(tmp_path, HEADER + "从2015年1月签约，到2016年10月试生产，如今公司规模扩大了近五倍。\n")
    assert list(frame["date_text"]) == ["2015年1月", "2016年10月"]
    assert list(frame["start"].dt.strftime("%Y-%m")) == ["2015-01", "2016-10"]
    assert list(frame["category"]) == ["签约", "投产/开工/竣工"]


def test_range_is_one_event(tmp_path):
    frame = events_of(tmp_path, HEADER + "2019年至2021年签约的124个项目中有97个落地，项目落地率近80%。\n")
    (row,) = frame.itertuples()
    assert (row.start, row.end, row.precision, row.edtf) == (
        pd.Timestamp("2019-01-01"), pd.Timestamp("2021-12-31"), "range", "2019/2021")


def test_name_year_only_when_sentence_has_no_other_date(tmp_path):
    frame = events_of(tmp_path, HEADER + "9月24日，2024某某产业洽谈会在某区举办。\n在2025某某新材料产业发展大会上，多家企业签约落户。\n")
    assert list(frame["date_text"]) == ["9月24日", "2025"]
    assert frame.iloc[1]["title"] == "2025某某新材料产业发展大会"
    assert frame.iloc[1]["precision"] == "year"


def test_durations_are_not_events(tmp_path):
    frame = events_of(tmp_path, HEADER + "近年来，某区发展迅速。近5年来，累计引进项目100个。十年间变化很大，3年内产值将翻番。\n")
    assert dated_by_nothing(frame)


def test_quoted_today_refers_to_the_lead_event_day(tmp_path):
    frame = events_of(
        tmp_path,
        HEADER + "9月24日，某某洽谈会在某区举办。\n“今天有400多家企业来到现场。”某负责人说。\n今天的报道到此为止。\n",
    )
    quoted = frame[frame["sentence"].str.contains("400多家")].iloc[0]
    assert quoted["start"] == pd.Timestamp("2024-09-24")
    assert "说话的日期" in resolution_text(quoted["resolved_against"], "zh")
    plain = frame[frame["sentence"].str.contains("报道")].iloc[0]
    assert plain["start"] == pd.Timestamp("2024-09-25")


def test_full_year_means_the_year_under_discussion(tmp_path):
    frame = events_of(tmp_path, "某地新闻\n来源：某某日报  2026-02-03 10:00\n\n2025年，某区完成增资8亿元。\n在生态培育上，全年引入实体项目121个。\n")
    full_year = frame[frame["date_text"] == "全年"].iloc[0]
    assert full_year["start"] == pd.Timestamp("2025-01-01") and full_year["end"] == pd.Timestamp("2025-12-31")


def test_unknown_month_widens_day_expressions_to_the_year(tmp_path):
    frame = events_of(tmp_path, "某某客户端 | 记者 某某\n今天(15日)，2022年某某项目推介洽谈会召开，37个合作项目签约。\n")
    (row,) = frame.itertuples()
    assert (row.start, row.end) == (pd.Timestamp("2022-01-01"), pd.Timestamp("2022-12-31"))
    assert row.edtf == "2022-XX-15"
    assert row.title == "2022年某某项目推介洽谈会召开"


def test_undated_article_resolves_relative_dates_against_its_latest_full_date(tmp_path):
    frame = events_of(tmp_path, "一段没有发布日期的文字，去年某地举办了活动。2023年11月29日，某大会在北京召开。\n")
    assert list(frame["date_text"]) == ["去年", "2023年11月29日"]
    last_year = frame[frame["date_text"] == "去年"].iloc[0]
    assert last_year["start"] == pd.Timestamp("2022-01-01")
    assert "推断" in resolution_text(last_year["resolved_against"], "zh") and "2023-11-29" in resolution_text(last_year["resolved_against"], "zh")
    assert last_year["published_confidence"] <= 0.4


def test_undated_article_with_only_a_year_keeps_month_days_in_that_year(tmp_path):
    frame = events_of(tmp_path, "没有日期的报道。2022年全省经济稳中有进。2月7日，某市召开大会；今年要重点抓项目。\n")
    by_text = {row.date_text: row for row in frame.itertuples()}
    assert by_text["2月7日"].start == pd.Timestamp("2022-02-07")
    assert by_text["今年"].start == pd.Timestamp("2022-01-01")
    assert "月份不详" in by_text["今年"].published_basis


def test_undated_article_with_no_year_drops_relative_dates(tmp_path):
    frame = events_of(tmp_path, "没有任何年份的文字，去年某地举办了活动，昨天又开了会。\n")
    assert frame.empty


def test_planned_tense_and_horizon(tmp_path):
    frame = events_of(tmp_path, HEADER + "预计明年6月投产，力争到2030年产值突破500亿元。\n")
    assert list(frame["tense"]) == ["planned", "planned"]
    assert list(frame["start"].dt.year) == [2025, 2030]


def test_ids_are_stable_and_unique(tmp_path):
    text = HEADER + "2月1日，某园区揭牌。2月2日，某项目开工。\n"
    first = events_of(tmp_path, text)
    second = events_of(tmp_path, text, "b.txt")
    assert list(first["id"]) == list(second["id"])
    assert first["id"].is_unique


def test_titles_fit_and_are_not_sentence_prefixes(seeds_records):
    for event in seeds_records:
        assert 2 <= len(event["title"]) <= 30, event
    by_text = {(e["file"][:3], e["date_text"]): e["title"] for e in seeds_records}
    assert by_text[("000", "2月28日")] == "京津中关村科技城推介会暨重点项目签约仪式举行"
    assert by_text[("003", "2015年1月")] == "北京金城泰尔制药有限公司沧州分公司签约"
    assert by_text[("001", "明年6月")] == "天津康百洲医疗科技有限公司预计投产"
    assert by_text[("001", "去年以来")] == "京津两市先后两次共同举办产业对接活动"


@pytest.mark.parametrize(
    ("file", "date_text", "category"),
    [
        ("000", "2月28日", "会议/推介会"),
        ("003", "2023年11月29日", "会议/推介会"),
        ("003", "2015年1月", "签约"),
        ("002", "2020年6月", "成立/揭牌"),
        ("004", "“十五五”开局", "规划/目标"),
        ("003", "2023年", "统计/指标"),
    ],
)
def test_categories_of_seed_events(seeds_records, file, date_text, category):
    matches = [e for e in seeds_records if e["file"].startswith(file) and e["date_text"] == date_text]
    assert matches and matches[0]["category"] == category


def test_places_orgs_amounts_keyterms_on_seed_event(seeds_records):
    (event,) = [e for e in seeds_records if e["file"].startswith("000") and e["date_text"] == "2月28日"]
    assert "宝坻区" in event["places"] and "天津市" in event["places"]
    assert "中关村发展集团" in event["orgs"]
    assert any(a["kind"] == "count" and a["value"] == 300 and a["bound"] == "lower" for a in event["amounts"])
    assert "京津中关村科技城" in event["keyterms"]
    (signing,) = [e for e in seeds_records if "207.88亿元" in e["sentence"]] or [None]
    if signing is not None:
        money = [a for a in signing["amounts"] if a["kind"] == "money"][0]
        assert money["value"] == pytest.approx(20_788_000_000) and money["unit"] == "CNY"


def test_frame_is_typed_and_sorted(seeds_corpus):
    frame = seeds_corpus.events
    assert str(frame["start"].dtype).startswith("datetime64") and str(frame["end"].dtype).startswith("datetime64")
    assert isinstance(frame["category"].dtype, pd.CategoricalDtype)
    assert isinstance(frame["precision"].dtype, pd.CategoricalDtype)
    assert frame["start"].is_monotonic_increasing
    assert (frame["start"] <= frame["end"]).all()
    year_events = frame[frame["precision"] == "year"]
    assert ((year_events["end"] - year_events["start"]).dt.days >= 364).all()


def test_every_event_belongs_to_one_article(seeds_corpus):
    ids = {info.article.id for info in seeds_corpus.articles}
    assert set(seeds_corpus.events["article_id"]) <= ids
    for info in seeds_corpus.articles:
        mine = seeds_corpus.events[seeds_corpus.events["article_id"] == info.article.id]
        s, e = info.article.span
        assert ((mine["date_start"] >= s) & (mine["date_end"] <= e)).all()


def test_today_expression_uses_publication_date(tmp_path):
    frame = events_of(tmp_path, HEADER + "今天，某某产业园正式揭牌。\n")
    assert frame.iloc[0]["start"] == pd.Timestamp(date(2024, 9, 25))
    assert frame.iloc[0]["tense"] == "past"


def test_anaphoric_days_follow_the_date_before_them(tmp_path):
    frame = events_of(tmp_path, HEADER + "3月5日，某园区开园，次日首批企业入驻。\n新闻发布会也在当天举行。\n")
    assert list(frame["date_text"]) == ["3月5日", "次日", "当天"]
    assert list(frame["start"].dt.strftime("%m-%d")) == ["03-05", "03-06", "03-06"]
    assert "前文提到的日期" in resolution_text(frame.iloc[1]["resolved_against"], "zh")
    alone = events_of(tmp_path, HEADER + "当天的情况无人知晓，次日也没有消息。\n", "b.txt")
    # nothing before them to count from: the day of the report (its dateline, its publication)
    assert list(alone["start"].dt.strftime("%m-%d")) == ["09-25", "09-26"]
    assert "前文未提具体日期" in resolution_text(alone.iloc[0]["resolved_against"], "zh")


def test_verb_before_since_still_opens_a_range(tmp_path):
    frame = events_of(tmp_path, HEADER + "博览会自二〇〇四年创办以来，已连续举办二十届。\n")
    (row,) = frame.itertuples()
    assert (row.start, row.end, row.precision) == (pd.Timestamp("2004-01-01"), pd.Timestamp("2024-09-25"), "open-range")


def test_month_end_balances_are_the_last_day(tmp_path):
    frame = events_of(tmp_path, HEADER + "截至7月末，全市实有经营主体3万户。5月末，全区实有科技型企业300家，比上年末增长5%。"
                      "上年末，全区实有企业280家。\n")
    by_text = {r.date_text: (r.start, r.end) for r in frame.itertuples()}
    assert by_text["7月末"] == (pd.Timestamp("2024-07-31"), pd.Timestamp("2024-07-31"))
    assert by_text["5月末"] == (pd.Timestamp("2024-05-31"), pd.Timestamp("2024-05-31"))
    assert by_text["上年末"] == (pd.Timestamp("2023-12-31"), pd.Timestamp("2023-12-31"))
    assert list(frame["date_text"]).count("上年末") == 1  # 比上年末: a comparison baseline


def test_general_now_and_plan_documents_are_not_events(tmp_path):
    frame = events_of(tmp_path, HEADER + "“过去要5到7天，现在最快3天。”他说。国家“十四五”规划纲要明确提出建设走廊。\n")
    assert dated_by_nothing(frame)
    frame = events_of(tmp_path, HEADER + "“十四五”期间，园区拟建15个平台。\n", "b.txt")
    assert list(frame["date_text"]) == ["“十四五”期间"]


def test_half_year_sets_the_year_under_discussion(tmp_path):
    text = "某地新闻\n来源：某某日报  2025-01-10 10:00\n\n去年上半年，班列开行2000列。预计全年开行5000列。\n"
    frame = events_of(tmp_path, text)
    full_year = frame[frame["date_text"] == "全年"].iloc[0]
    assert full_year["start"] == pd.Timestamp("2024-01-01")


def test_dates_that_are_part_of_names_or_furniture(tmp_path):
    text = HEADER + (
        "4月18日，“四季十二月”春季购物节启动，市民可点击“春季购物节”横幅领取消费券。\n"
        "今天（4月18日），活动现场人头攢动。\n"
        "市政府印发《行动计划（2022—2024年）》，2022年3月正式实施。\n"
        "【7月外汇储备增加】8月7日，国家外汇管理局公布数据。\n"
        "津政办发〔2021〕7号\n"
        "往期推荐\n▶ 3月29日｜一图读懂民生实事\n▶ 4月12日｜地铁新线开通时间定了！\n"
        "天津市人民政府办公厅\n2023年12月25日\n"
    )
    frame = events_of(tmp_path, text)
    assert sorted(frame["date_text"]) == sorted(["4月18日", "今天（4月18日）", "2022年3月", "8月7日"])
    merged = frame[frame["date_text"] == "今天（4月18日）"].iloc[0]
    assert merged["start"] == pd.Timestamp("2024-04-18")


def test_quoted_words_take_the_day_they_were_spoken(tmp_path):
    text = "某地新闻\n来源：某某日报  2025-07-09 10:00\n\n" + (
        "7月8日，某产业大会在广州召开，多个重点项目现场签约。\n"
        "“今天我们在翠亨新区签约，明年6月投产。”某公司负责人在6月30日举行的湾区推介会上说。\n"
        "7月4日，一列满载汽车零部件的班列从钦州港驶出。“今天这趟班列运的是重庆产的摩托车配件，预计很快抵达。”负责人说。\n"
        "“今天的会议很成功，大家收获满满。”与会代表表示。\n"
    )
    frame = events_of(tmp_path, text)
    today = frame[frame["date_text"] == "今天"].sort_values("sentence_start")
    assert list(today["start"].dt.strftime("%m-%d")) == ["06-30", "07-04", "07-08"]
    assert "引语后注明" in resolution_text(today.iloc[0]["resolved_against"], "zh")
    assert "本段报道" in resolution_text(today.iloc[1]["resolved_against"], "zh")
    assert "导语中的事件" in resolution_text(today.iloc[2]["resolved_against"], "zh")


def test_since_with_a_verb_phrase_in_between(tmp_path):
    frame = events_of(tmp_path, HEADER + "通道自2017年开行首趟海铁联运班列以来，运输网络不断拓展。\n")
    (row,) = frame.itertuples()
    assert (row.start, row.end, row.precision) == (pd.Timestamp("2017-01-01"), pd.Timestamp("2024-09-25"), "open-range")


def test_same_period_last_year(tmp_path):
    text = "某地新闻\n来源：某某日报  2024-09-05 10:00\n\n" + (
        "1—8月，全市规模以上工业增加值同比增长6.1%，去年同期为增长4.2%。\n"
        "“去年同期我们还在亏损，今年H1已经实现扭亏。”公司负责人在业绩说明会上表示。\n")
    frame = events_of(tmp_path, text)
    same = frame[frame["date_text"] == "去年同期"].sort_values("date_start")
    assert [(r.start.date().isoformat(), r.end.date().isoformat()) for r in same.itertuples()] == [
        ("2023-01-01", "2023-08-31"), ("2023-01-01", "2023-06-30")]


def test_signature_date_dates_the_release_and_repeats_and_sentence_year(tmp_path):
    text = ("关于发布某产业数据的通报\n\n"
            "5月27日，某数据产业博览会在贵阳开幕，现场签约项目56个，总投资超300亿元。\n"
            "7月当月产量达到1.2万辆，截至6月末，全市充电桩达到8万个，上年末全市实有充电桩7.4万个。\n"
            "某省大数据发展管理局\n2025年5月28日\n")
    frame = events_of(tmp_path, text)
    assert set(frame["published"].dt.strftime("%Y-%m-%d")) == {"2025-05-28"}
    assert "据落款日期" in frame["published_basis"].iat[0]
    texts = list(frame["date_text"])
    assert "当月" not in texts and "2025年5月28日" not in texts
    year_end = frame[frame["date_text"] == "上年末"].iloc[0]
    assert year_end["start"] == pd.Timestamp("2024-12-31")


def test_a_dateline_and_its_byline_are_no_part_of_an_event_title(tmp_path):
    frame = events_of(tmp_path, "某地发生地震\n2008-05-12 18:00\n\n"
                                "新华社成都5月12日电（记者某某）12日14时28分，某县发生地震，震感强烈。\n"
                                "据新华社北京5月13日电，有关部门13日派出工作组。\n")
    titles = dict(zip(frame["date_text"], frame["title"], strict=True))
    assert titles["12日14时28分"] == "某县发生地震"
    assert not titles["13日"].startswith(("据新华社", "新华社"))
    frame = events_of(tmp_path, "某地发生食物中毒\n来源：某某时报  2008-04-09 10:00\n\n"
                                "据某某网4月9日信息：(记者某某)某国中部9日发生一起集体食物中毒事件。\n", "b.txt")
    assert dict(zip(frame["date_text"], frame["title"], strict=True))["9日"].startswith("某国中部")


def test_a_dateline_ending_in_xinxi_is_a_filing_stamp_not_an_event(tmp_path):
    frame = events_of(tmp_path, "某地发生食物中毒\n来源：某某时报  2007-08-27 10:00\n\n某某时报8月27日信息：(记者某某)昨天上午，某工地部分工人在食用扁豆后出现呕吐症状。\n")
    assert "8月27日" not in set(frame["date_text"])
    assert "昨天上午" in set(frame["date_text"])


def test_a_posts_topic_tags_and_bracketed_lead_are_no_part_of_an_event_title(tmp_path):
    frame = events_of(tmp_path, "某省新增5例\n2020-02-04 15:00\n某某新闻\n\n"
                                "#疫情最新动态#【#某省新增5例累计75例#】2020年2月4日0时至12时，某省新增确诊病例5例。\n"
                                "【某某财经】3月2日，某公司与某集团签署战略合作协议。\n")
    titles = dict(zip(frame["date_text"], frame["title"], strict=True))
    assert titles["2020年2月4日0时至12时"] == "某省新增确诊病例5例"
    assert titles["3月2日"] == "某公司与某集团签署战略合作协议"


def test_a_sites_medium_tag_is_no_part_of_the_headline_or_its_event_title(tmp_path):
    corpus = corpus_of(tmp_path, "[视频]某两国商定16日举行高级别会谈 \u200b\n2018-05-15 19:00\n某某台\n\n某两国今天发表联合新闻公报。\n", "page.txt")
    assert corpus.articles[0].title == "某两国商定16日举行高级别会谈"
    titles = set(corpus.events["title"])
    assert titles and not any("[视频]" in title for title in titles)


def test_labels_at_the_start_of_a_text():
    from desktop.core.text.tags import leading_tags_end, strip_leading_tags

    assert strip_leading_tags("[视频]第136届广交会今天开幕") == "第136届广交会今天开幕"
    assert strip_leading_tags("#话题# 【#某省新增5例#】正文") == "正文"
    assert strip_leading_tags("【某省新增5例】") == "【某省新增5例】"  # nothing would be left
    assert strip_leading_tags("某地[视频]不在开头") == "某地[视频]不在开头"
    assert leading_tags_end("【一个没有收尾的括号，正文") == 0
    assert leading_tags_end("[一个很长的方括号里的文字]正文") == 0


def test_a_lead_whose_opening_bracket_was_lost_is_a_label_too():
    from desktop.core.text.tags import strip_leading_tags

    assert strip_leading_tags("#某省又一例患者治愈# 累计治愈2例】 2月2日，某医院") == "2月2日，某医院"


def test_a_post_that_opens_with_a_topic_tag_is_body_text_not_a_heading(tmp_path):
    corpus = corpus_of(tmp_path, "某省新增 5 例累计 75 例\n2020-02-04 15:18:59\n某某网\nhttp://example.invalid/1\n\n"
                    "#疫情最新动态#【#某省新增5例累计75例#】2020年2月4日0—12时，某省报告新增确诊病例5例，累计确诊病例75例。\n", "post.txt")
    assert corpus.articles[0].title == "某省新增 5 例累计 75 例"
    assert list(corpus.events["date_text"]) == ["2020年2月4日"]
    assert corpus.events["title"].iat[0] == "某省报告新增确诊病例5例"


def test_a_headline_with_a_comma_inside_its_book_title_is_no_body_paragraph(tmp_path):
    corpus = corpus_of(tmp_path, "[视频]《某刊》杂志发表重要文章《坚定某某自信，建设某某强国》\n2019-06-15 19:33:04\n某某网\n\n"
                    "6月16日出版的第12期《某刊》杂志将发表重要文章。\n", "page.txt")
    assert corpus.articles[0].title == "《某刊》杂志发表重要文章《坚定某某自信，建设某某强国》"
    assert corpus.articles[0].article.published.date == date(2019, 6, 15)
    assert list(corpus.events["date_text"]) == ["6月16日"]


def test_a_time_stamp_alone_on_its_line_is_no_event_when_the_header_was_not_recognised(tmp_path):
    # a headline ending in 。 does not look like one: the file is read as body from its first line
    frame = events_of(tmp_path, "某委员会确认某市首例输入性病例。\n2020-01-21 19:42:00\n某某微博\n\n"
                                "某委员会确认我省首例输入性病例\n1月21日，某市报告首例输入性病例。\n")
    assert "2020-01-21 19:42:00" not in set(frame["date_text"])
    assert "1月21日" in set(frame["date_text"])


def test_a_clock_with_colons_is_one_clause_and_a_listed_stamp_no_event(tmp_path):
    from desktop.core.text.sentences import clause_spans

    text = "2004年12月11日 9:51:00 某会议开幕，某代表发言：会议很重要"
    assert [text[s:e] for s, e in clause_spans(text, 0, len(text))] == [
        "2004年12月11日 9:51:00 某会议开幕", "某代表发言", "会议很重要"]
    wide = "截至昨日１９：００，共９８２名网友参与，时间：２０点"  # full-width: the clock is whole too
    assert [wide[s:e] for s, e in clause_spans(wide, 0, len(wide))] == [
        "截至昨日１９：００", "共９８２名网友参与", "时间", "２０点"]
    frame = events_of(tmp_path, "某地新闻\n2020-07-08 10:00\n\n7月7日，某地举行某活动。\n- 2020年07月07日 15:39:10\n")
    assert list(frame["date_text"]) == ["7月7日"]


def test_a_headline_that_reads_like_a_sentence_is_the_title_when_a_stamp_follows_it(tmp_path):
    corpus = corpus_of(tmp_path, "某委员会确认某省某市首例输入性新型病毒感染的肺炎确诊病例，并已开展流行病学调查。\n2020-01-21 19:42:00\n"
                    "某省卫生委员会微博\nhttp://example.invalid/2\n\n1月21日，某委员会确认我省首例输入性病例，患者已隔离治疗。\n", "flash.txt")
    assert corpus.articles[0].title == "某委员会确认某省某市首例输入性新型病毒感染的肺炎确诊病例，并已开展流行病学调查"
    assert list(corpus.events["date_text"]) == ["1月21日"]


def test_a_short_title_names_whom_its_sentence_opens_with(tmp_path):
    frame = events_of(tmp_path, HEADER + "王建国，河北某县人，1958年出生，生前是某农业大学教授。\n"
                      "病例5，女，1986年出生。\n据介绍，该患者1月21日来到深圳。\n")
    titles = dict(zip(frame["date_text"], frame["title"], strict=True))
    assert titles["1958年"] == "王建国出生"
    assert titles["1986年"] == "病例5出生"
    assert not titles["1月21日"].startswith("据介绍")


def test_a_document_that_takes_effect_is_named_in_its_title(tmp_path):
    frame = events_of(tmp_path, HEADER + "近日，某部发布了《某某事业特许经营管理办法》，2004年5月1日起施行。\n"
                      "根据双方签署的《议定书》，《协定》有效期延长10年，自2020年12月15日生效。\n自2012年8月1日起执行。\n")
    titles = dict(zip(frame["date_text"], frame["title"], strict=True))
    assert titles["2004年5月1日起"] == "《某某事业特许经营管理办法》施行"
    assert titles["2020年12月15日"] == "《协定》生效"
    assert titles["自2012年8月1日起"] == "执行"  # no document named: nothing to name


def test_a_title_is_what_starts_not_that_it_starts(tmp_path):
    frame = events_of(tmp_path, HEADER + "随着冬季全面到来，从本周末开始，多项国际冰雪赛事将在国内陆续拉开帷幕。\n"
                      "明天开始，南方降水也将逐渐增多。\n")
    titles = dict(zip(frame["date_text"], frame["title"], strict=True))
    assert titles["从本周末"] == "多项国际冰雪赛事将在国内陆续拉开帷幕"
    assert titles["明天"] == "南方降水也将逐渐增多"


def test_a_bare_verb_the_headline_ends_with_takes_the_headline(tmp_path):
    frame = events_of(tmp_path, "某省首例治愈患者出院\n来源：某某日报  2020-01-27 10:00\n\n"
                      "经医护人员精心诊治和护理，该患者已符合出院标准，今日出院。\n")
    assert frame.set_index("date_text").at["今日", "title"] == "某省首例治愈患者出院"


def test_a_title_is_not_the_one_character_its_date_left(tmp_path):
    frame = events_of(tmp_path, HEADER + "12月7号起，旅客就可上网购买春运第一天的火车票，预售期调整将延续到2015年春运结束。\n")
    assert dict(zip(frame["date_text"], frame["title"], strict=True))["12月7号"] == "旅客就可上网购买春运第一天的火车票"


def test_a_paragraph_s_organization_is_no_doer_of_what_a_person_did(tmp_path):
    # the hospital is the paragraph's organization; the patient, not the hospital, had the fever
    frame = events_of(tmp_path, HEADER + "患者从武汉返津后转至天津市海河医院隔离治疗。1月20日出现发热。\n")
    title = frame.loc[frame["date_text"] == "1月20日", "title"].iloc[0]
    assert "医院" not in title


def test_a_title_keeps_a_book_title_s_pair_and_drops_the_of_after_its_date(tmp_path):
    frame = events_of(tmp_path, HEADER + "《某地核能发展报告2024》今天发布。\n"
                      "那么2020年的城镇人口将达到10亿人，2020年的城市建成区面积可达到7万平方公里。\n")
    titles = list(frame["title"])
    assert "《某地核能发展报告2024》今天发布" in titles  # not 某地核能发展报告2024》今天发布
    assert "城市建成区面积可达到7万平方公里" in titles


def test_a_headline_that_names_reporters_is_no_byline_and_the_page_s_address_no_headline(tmp_path):
    corpus = corpus_of(tmp_path, "[视频]某国总理与来访总理共同会见记者\n2014-12-15 19:17:58\n某某网\n"
                                 "https://tv.example.com/2014/12/15/VIDE1418642277489856.shtml\n\n"
                                 "某某网消息：会晤后，两国总理今天共同会见了记者。\n", "page.txt")
    assert corpus.articles[0].title == "某国总理与来访总理共同会见记者"
    assert not any("example.com" in text for text in corpus.events["sentence"])  # the address dates nothing


def test_a_long_title_drops_an_official_s_posts_and_keeps_the_name(tmp_path):
    frame = events_of(tmp_path, HEADER
                      + "江南省委书记、省人大常委会主任、省军区党委第一书记王建国15日在某市主持召开全省招商引资工作推进会议并讲话。\n"
                      + "市委副书记、市长李明、副市长张华3月2日出席某某产业园区揭牌仪式并为入园企业代表颁发证书。\n"
                      + "省委常委、常务副省长赵强在会见某某集团董事长、总经理钱进时说，双方于5月6日签署的合作协议正在落地。\n")
    titles = dict(zip(frame["date_text"], frame["title"], strict=True))
    assert titles["15日"].startswith("王建国")  # not 某某省委书记等…, which said nothing of who
    assert "召开全省招商引资工作推进会议" in titles["15日"]
    assert titles["3月2日"].startswith("李明、副市长张华")  # posts of two people: the second keeps his
    assert len(titles["5月6日"]) <= 30 and "书记" not in titles["5月6日"]
    frame = events_of(tmp_path, HEADER + "省委书记、省深化国资和国企改革领导小组组长王建国16日上午主持召开"
                                         "省深化国资和国企改革领导小组第一次全体会议并发表重要讲话。\n", "b.txt")
    assert frame["title"].iat[0].startswith("王建国16日上午主持召开")  # the 和 of a body's name is in the post
    frame = events_of(tmp_path, HEADER + "10月12日至13日，王建国在中共中央政治局委员、江南省委书记李希明和省长马兴华陪同下，先后来到某市、某县等地，深入企业、社区等进行调研。\n", "c.txt")
    assert "李希明" in frame["title"].iat[0], frame["title"].iat[0]  # 和 before the next person's post ends the posts


def test_a_long_title_keeps_a_quoted_name_and_drops_a_slogan_before_a_name(tmp_path):
    frame = events_of(tmp_path, HEADER
                      + "今年第9号台风“海燕”今天上午在某省某市某县沿海地区登陆并给当地带来大风和强降雨天气。\n"
                      + "某市今年6月举办“共建美好家园 共享幸福生活”主题宣传月启动仪式和志愿服务系列活动。\n")
    titles = dict(zip(frame["date_text"], frame["title"], strict=True))
    assert "“海燕”" in titles["今天上午"]  # the typhoon's name is what the event is about
    assert "共建美好家园" not in titles["今年6月"] and "主题宣传月" in titles["今年6月"]


def test_an_outlet_s_lead_in_is_no_part_of_a_title_nor_the_是_its_date_left(tmp_path):
    frame = events_of(tmp_path, HEADER + "某某网消息（晚间新闻）：今天是第九个全民读书日。\n"
                      "晚报讯（记者王小明）昨天上午10时30分左右，某区某路与某街的十字路口处发生一起两车相撞事故。\n")
    titles = dict(zip(frame["date_text"], frame["title"], strict=True))
    assert titles["今天"] == "第九个全民读书日"  # not 某某网消息（晚间新闻）：是…
    assert titles["昨天上午10时30分左右"] == "某区某路与某街的十字路口处发生一起两车相撞事故"


def test_a_title_drops_the_从_起_around_its_date_and_keeps_a_name_that_opens_with_也(tmp_path):
    frame = events_of(tmp_path, HEADER + "会议决定，从2021年1月1日起，对某类担保在全国实行统一登记。\n"
                      "也门某武装运营的媒体14日报道，某地当天遭到空袭。\n")
    titles = dict(zip(frame["date_text"], frame["title"], strict=True))
    assert titles["从2021年1月1日起"] == "对某类担保在全国实行统一登记"
    # a date read without its 从…起 (as the grammar reads 从16日零时起) leaves neither in the title
    sentence = "从16日零时起，某机场暂停起降所有航班。"
    assert event_title(sentence, (1, 6)) == "某机场暂停起降所有航班"  # not 从起某机场…
    assert titles["14日"].startswith("也门")  # 也 there is no "also"


def test_a_title_skips_a_report_frame_for_the_news_it_reports(tmp_path):
    frame = events_of(tmp_path, HEADER + "据某国媒体20日报道，某号航母在某地区此轮部署已超过260天。\n"
                      "记者21日从某省卫生健康委员会获悉，某省报告新增确诊病例5例。\n"
                      "据某国媒体22日报道，受低压影响，某州等地遭遇大风天气。\n"
                      "某部发言人23日表示，某方对此表示欢迎。\n")
    titles = dict(zip(frame["date_text"], frame["title"], strict=True))
    assert titles["20日"] == "某号航母在某地区此轮部署已超过260天"  # not 据某国媒体20日报道
    assert titles["21日"] == "某省报告新增确诊病例5例"
    assert titles["22日"] == "某州等地遭遇大风天气"  # past the adverbial 受低压影响
    assert titles["23日"] == "某部发言人23日表示"  # a speaker's statement is the event


def test_a_title_leaves_out_the_clock_a_date_is_told_in(tmp_path):
    frame = events_of(tmp_path, HEADER + "北京时间2008年5月12日14时28分，在某省某市某县某镇交界地区（北纬31.0度，东经103.4度）发生里氏7.6级地震。\n"
                      "2008年5月13日，北京时间14点28分，某区发生强烈震感，房子摇晃。\n"
                      "当地时间14日中午12点02分(北京时间15日凌晨2点02分)，某国南部发生里氏7.6级地震。\n")
    titles = dict(zip(frame["date_text"], frame["title"], strict=True))
    # a bracket is one piece of its clause, and an aside dropped when the title is too long
    assert titles["2008年5月12日14时28分"] == "某省某市某县某镇交界地区发生里氏7.6级地震"
    # the clock that opens the next clause is the day's time: one event, not two
    assert titles["2008年5月13日，北京时间14点28分"] == "某区发生强烈震感"
    assert frame.set_index("date_text").at["2008年5月13日，北京时间14点28分", "edtf"] == "2008-05-13T14:28"
    assert titles["14日中午12点02分"] == "某国南部发生里氏7.6级地震"  # not the bracketed time again
    assert len(frame) == 3  # the time told again by Beijing's clock is no event of its own


def test_a_short_bracket_is_one_piece_of_its_clause():
    from desktop.core.text.sentences import clause_spans

    text = "在某县（北纬31.0度，东经103.4度）发生地震，房子摇晃"
    assert [text[s:e] for s, e in clause_spans(text, 0, len(text))] == ["在某县（北纬31.0度，东经103.4度）发生地震", "房子摇晃"]


def test_a_title_skips_the_time_phrase_its_date_left(tmp_path):
    frame = events_of(tmp_path, HEADER + "他自称，到5月7日结束时，体重降至49公斤。\n今年春运期间，某站首次启用了移动通讯车。\n")
    titles = dict(zip(frame["date_text"], frame["title"], strict=True))
    assert titles["5月7日"] == "体重降至49公斤"  # not 结束时
    assert titles["今年"] == "春运期间某站首次启用了移动通讯车"  # a named period says when it was


def test_a_dateline_in_characters_or_with_its_year_is_a_filing_stamp(tmp_path):
    frame = events_of(tmp_path, "某地发生火灾\n2004-06-14 18:00\n\n"
                                "中新社北京六月十四日电(记者某某)某购物中心十四日凌晨发生火灾，所幸未有人员伤亡。\n"
                                "某某网杭州2004年6月14日电今天14时40分左右，某市许多市民感觉到摇晃。\n")
    titles = dict(zip(frame["date_text"], frame["title"], strict=True))
    assert "六月十四日" not in titles and "2004年6月14日" not in titles
    assert titles["十四日凌晨"] == "某购物中心十四日凌晨发生火灾"  # no dateline in front
    assert titles["今天14时40分左右"] == "某市许多市民感觉到摇晃"


def test_a_date_alone_in_its_clause_takes_the_next_clause_that_tells_what_happened(tmp_path):
    frame = events_of(tmp_path, HEADER + "昨天（9月24日），2024年某市招飞定选工作全面展开。\n"
                      "8月15日下午，在立案后的第二天，民警就在某市抓获犯罪嫌疑人。\n")
    titles = dict(zip(frame["date_text"], frame["title"], strict=True))
    # the next clause has a date of its own (2024年) but says what happened; it was the sentence
    assert titles["昨天（9月24日）"] == "2024年某市招飞定选工作全面展开"
    assert titles["8月15日下午"] != "立案后的第二天"  # a clause its own date fills is no title


def test_a_heading_with_a_byline_on_the_first_line_is_one_article(tmp_path):
    # found by the property test: the heading's start and the document's start were both 0,
    # and sorting them compared a title with None
    corpus = corpus_of(tmp_path, "## 凸显科创属性\n(中国日报天津记者站 杨成)\n", "a.txt")
    assert len(corpus.documents) == 1 and len(corpus.articles) == 1


def test_the_present_age_and_other_countries_national_days_date_nothing(tmp_path):
    text = ("某地新闻\n2019-09-09 10:00\n\n"
            "污染和脏乱可能是过去，但绝不是今天的中国。今天的会议在某地举行。"
            "某领导人就朝鲜国庆71周年致贺电。法国国庆音乐会在巴黎举行。日来，韩国庆尚北道发生山火。"
            "今年国庆，各地举行庆祝活动。\n")
    events = events_of(tmp_path, text)
    assert sorted(zip(events["date_text"], events["edtf"], strict=True)) == [("今天", "2019-09-09"), ("今年国庆", "2019-10-01")]
    assert "会议" in events.loc[events["date_text"] == "今天", "title"].iat[0]


def test_every_item_of_a_list_a_recurring_word_opens_recurs(tmp_path):
    frame = events_of(tmp_path, HEADER + "这类产品每当季末、年底、大的节日之前就特别火爆。每当临近季末、年末，银行都会揽储。"
                                         "今年年底，某地将建成新园区。\n")
    assert frame["date_text"].tolist() == ["今年年底"]


def test_a_count_of_time_after_an_action_runs_from_the_action(tmp_path):
    frame = events_of(tmp_path, "某地新闻\n2005-03-11 10:00\n\n使用4周后，肌肤年轻12年。相识一年后，他们结婚了。"
                                "项目预计两年后建成。\n闭幕式邀请四年后重聚某市。\n")
    assert sorted(zip(frame["date_text"], frame["edtf"], strict=True)) == [("两年后", "2007"), ("四年后", "2009")]


def test_a_page_s_stamps_and_its_lists_of_stamped_links_date_nothing(tmp_path):
    body = ("<p>某市新区9月5日举行项目签约仪式，总投资120亿元的新能源项目落户。</p>"
            "<p>项目建成后将带动上下游企业集聚发展，形成完整的产业链条，并提供大量就业岗位。</p>")
    links = ("<ul><li>海口市委书记落马 2019-09-06 19:41 廉政风暴</li>"
             "<li>某铁路预计年底通车 2019-09-07 07:23 高铁世纪</li></ul>"
             "<p>作者最近文章 美国还重要吗？2019-08-27破7之后，我们为什么有信心？2019-08-07</p>"
             "<p>相关报道：</p><p>·某地夫妻三月后离婚（2005-04-03 17:19PM） ·某局长被判13年（2005-04-01 15:57PM）</p>")
    page = (f"<html><head><title>新区签约</title></head><body><h1>新区签约</h1><p>发表时间：2019-09-07 9:51:00</p>"
            f"<article>{body}</article>{links}</body></html>")
    frame = events_of(tmp_path, page, "page.html")
    assert frame["date_text"].tolist() == ["9月5日"]
    text = corpus_of(tmp_path, page, "page.html").documents[0].text
    assert "作者最近文章" in text  # the links stay in the text shown: only no event comes from them


def test_a_dateline_of_an_outlet_named_news_or_home_is_a_filing_stamp(tmp_path):
    frame = events_of(tmp_path, "某手机发布\n2019-09-30 10:00\n\n"
                                "IT之家9月30日消息据外媒报道，某公司29日发布了新款手机。\n"
                                "某某新闻9月30日电 某地30日举行新品发布会。\n")
    assert sorted(frame["date_text"]) == ["29日", "30日"]


def test_a_part_of_the_day_before_de_is_that_part_of_the_story_s_day(tmp_path):
    frame = events_of(tmp_path, HEADER + "8月22日，某论坛在某市举行。某专家在上午的沙龙环节演示了新技术，下午的分享中他阐述了原理。"
                                         "会后大家喝下午茶。\n")
    assert sorted(zip(frame["date_text"], frame["edtf"], strict=True)) == [
        ("8月22日", "2024-08-22"), ("上午", "2024-08-22"), ("下午", "2024-08-22")]


def test_counts_of_the_days_of_one_happening_all_count_from_its_first_day(tmp_path):
    text = ("某地新闻\n2019-09-09 10:00\n\n男孩在景区失联的第32天，9月2日，父亲启程返回。\n"
            "8月8日早上，救援犬到达。\n孩子失联第十一天，父母收到了救援队的消息。\n"
            "男孩失联第十四天上午，救援队回到现场。\n第二天，救援队撤离。\n")
    frame = events_of(tmp_path, text)
    days = dict(zip(frame["date_text"], frame["edtf"], strict=True))
    assert "第32天" not in days and days["9月2日"] == "2019-09-02"  # the count names the day beside it
    assert days["第十一天"] == "2019-08-12" and days["第十四天上午"].startswith("2019-08-15")
    assert days["第二天"] == "2019-08-16"  # a bare count: the day after the story's day
    note = frame.loc[frame["date_text"] == "第十一天", "resolved_against"].iat[0]
    assert "失联" in resolution_text(note, "en") and "2019-08-02" in resolution_text(note, "en")


def test_a_count_said_of_a_written_day_is_that_day(tmp_path):
    text = ("某地新闻\n2020-01-15 10:00\n\n今天（1月15日）是春运第六天，全国铁路预计发送旅客1126万人次。"
            "春运第十天，客流将达到高峰。\n")
    frame = events_of(tmp_path, text)
    assert sorted(zip(frame["date_text"], frame["edtf"], strict=True)) == [
        ("今天（1月15日）", "2020-01-15"), ("第十天", "2020-01-19")]


def test_a_count_of_years_dates_only_from_a_year_the_text_gives(tmp_path):
    text = ("某地新闻\n2017-08-15 10:00\n\n入伍第二年，他成为集团军的技术骨干。\n"
            "长江十年禁渔今年进入第四年。\n"
            "2013年，他开始养鸡。还没缓过劲的时候，第二年，也就是2014年3月17日，他又遭受损失。\n")
    frame = events_of(tmp_path, text)
    assert sorted(zip(frame["date_text"], frame["edtf"], strict=True)) == [
        ("2013年", "2013"), ("2014年3月17日", "2014-03-17"), ("今年", "2017")]


def test_an_article_whose_text_dates_nothing_is_news_of_the_day_it_came_out(tmp_path):
    frame = events_of(tmp_path, "某区开通24小时热线接收捐赠\n来源：某某日报  2024-09-25 10:00\n\n"
                                "为做好捐赠物资接收工作，某区开通24小时电话。目前已接到电话300多个。\n")
    (row,) = frame.itertuples()
    assert (row.start, row.end, row.precision, row.edtf) == (
        pd.Timestamp("2024-09-25"), pd.Timestamp("2024-09-25"), "day", "2024-09-25")
    assert row.date_text == "" and row.date_start == row.sentence_start
    assert row.title == "某区开通24小时热线接收捐赠"  # the headline
    assert row.sentence == "为做好捐赠物资接收工作，某区开通24小时电话。"  # the lead
    assert resolution_text(row.resolved_against, "en").startswith("no date in the text: the publication date 2024-09-25")
    assert resolution_text(row.resolved_against, "zh").startswith("文中未写日期：发布日期 2024-09-25")


def test_no_report_beside_a_dated_event_nor_without_a_whole_publication_date(tmp_path):
    dated = events_of(tmp_path, HEADER + "某区开通热线。昨天已接到电话300多个。\n")
    assert list(dated["date_text"]) == ["昨天"]
    undated = events_of(tmp_path, "某区开通热线\n\n某区开通24小时电话，已接到电话300多个。\n", "b.txt")
    assert undated.empty  # no publication date: nothing to place it on
    from desktop.core.events.pipeline import article_events
    from desktop.core.reading.published import Published

    article = corpus_of(tmp_path, HEADER + "某区开通24小时电话，已接到电话300多个。\n", "c.txt").articles[0].article
    assert len(article_events(article, [])) == 1
    month_only = Published(2024, 9, None, "header", "据文首：2024年9月", 0.9)
    assert article_events(article, [], published=month_only) == []  # no day to place it on


def test_a_year_said_under_every_year_is_no_year_of_its_own(tmp_path):
    frame = events_of(tmp_path, HEADER + "2023年，电站每年发电量超过3亿度，可以满足一个县城的全年用电。\n"
                                         "每年的缴费上限是12000元，在第二年计算个人所得税的时候可以扣除。\n全年完成投资50亿元。\n")
    assert list(frame["date_text"]) == ["2023年", "全年"]
    assert frame["sentence"].iat[1] == "全年完成投资50亿元。"  # without 每年 before it, 全年 is the year told


@pytest.mark.parametrize(("sentence", "date", "title"), [
    ("中国人民对外友好协会成立于1954年5月3日。", "1954年5月3日", "中国人民对外友好协会成立于1954年5月3日"),
    ("这个爆炸装置已经被启动，时间设在9点30分。", "9点30分", "时间设在9点30分"),
    ("湖北企业复工不早于2月13日。", "2月13日", "湖北企业复工不早于2月13日"),
    ("该中心于2020年6月由市政府批准设立。", "2020年6月", "中心由市政府批准设立"),  # with something after: dropped
    ("全国查办案件2.3万余件自去年4月。", "去年4月", "全国查办案件2.3万余件"),
])
def test_a_date_its_verb_governs_at_the_end_of_a_clause_stays_in_the_title(sentence, date, title):
    start = sentence.index(date)
    assert event_title(sentence, (start, start + len(date))) == title
