"""Event rules for real news (issue 8), with articles of our own: what words that refer back
resolve to, comparison baselines, start words, headlines, the recent past, holidays as names."""

from __future__ import annotations

import pandas as pd

from desktop.core.events.corpus import extract
from desktop.core.export.notes import resolution_text

HEADER = "某地新闻\n来源：某某日报  2008-10-19 10:00\n\n"


def events_of(tmp_path, text: str, name: str = "a.txt") -> pd.DataFrame:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return extract([path]).events


def by_text(frame: pd.DataFrame) -> dict[str, list]:
    out: dict[str, list] = {}
    for row in frame.itertuples():
        out.setdefault(row.date_text, []).append(row)
    return out


def day(row) -> str:
    return row.start.strftime("%Y-%m-%d")


def test_the_day_of_the_story_is_not_a_day_something_lasted_until(tmp_path):
    frame = events_of(tmp_path, HEADER + "10月17日下午，某小学学生出现中毒症状。经紧急处理，至昨晚，学生均已出院。\n"
                      "当晚10时许，记者赶到医院。一名学生说，当天下午刚上课就肚子疼。\n")
    rows = by_text(frame)
    assert day(rows["昨晚"][0]) == "2008-10-18"
    assert day(rows["当晚10时许"][0]) == "2008-10-17"
    assert day(rows["当天下午"][0]) == "2008-10-17"


def test_the_day_of_the_incident(tmp_path):
    header = "某地新闻\n来源：某某日报  2014-01-21 10:00\n\n"  # a Tuesday
    frame = events_of(tmp_path, header + "某监狱数百名囚犯上周五食物中毒。负责人表示，截至前天上午8时，多数已痊愈。"
                      "调查发现，事发当天上午，食堂提供的特餐出现问题。\n")
    rows = by_text(frame)
    assert day(rows["上周五"][0]) == "2014-01-17"
    assert day(rows["前天上午8时"][0]) == "2014-01-19"
    incident = rows["当天上午"][0]
    assert day(incident) == "2014-01-17" and "事发当天" in resolution_text(incident.resolved_against, "zh")


def test_the_day_of_the_incident_written_out_is_the_day_later_words_count_from(tmp_path):
    # The story opens with the day of its reporting; the incident's own day is written out
    # later (事发当天（9月28日）), and the incident words after it count from that day.
    header = "某地新闻\n来源：某某日报  2019-11-25 10:00\n\n"
    frame = events_of(tmp_path, header + "11月22日，市里有关人士表示，调查组仍在工作。\n"
                      "一名学生称，事发当天（9月28日），她看到老师帮同学处理眼睛。\n"
                      "家长介绍：事发当天，她接到班主任电话，赶到学校。\n"
                      "事发次日，家人又带孩子去了医院。\n")
    rows = by_text(frame)
    assert day(rows["11月22日"][0]) == "2019-11-22"
    assert day(rows["当天（9月28日）"][0]) == "2019-09-28"
    assert day(rows["当天"][0]) == "2019-09-28"
    assert day(rows["次日"][0]) == "2019-09-29"

def test_words_that_refer_back_take_the_date_before_them(tmp_path):
    frame = events_of(tmp_path, HEADER + "1950年6月，新中国开始修建这条铁路。\n当时17岁的他参加了修建的全过程。\n"
                      "昨晚8时30分许，幼儿园大门紧闭。此时，孩子们已全部被送走。\n")
    rows = by_text(frame)
    then = rows["当时"][0]
    assert (then.start, then.end, then.precision) == (pd.Timestamp("1950-06-01"), pd.Timestamp("1950-06-30"), "month")
    assert day(rows["此时"][0]) == "2008-10-18"


def test_a_word_that_refers_back_needs_a_date_in_its_paragraph(tmp_path):
    frame = events_of(tmp_path, HEADER + "2003年，电力开始短缺。\n在煤价上涨的情况下，价格迟迟未动。此时，电厂亏损严重。\n")
    assert "此时" not in set(frame["date_text"])


def test_counts_after_a_date_are_counted_from_it(tmp_path):
    frame = events_of(tmp_path, HEADER + "2019年3月，两地签署协议。两个月后，项目开工。\n")
    row = by_text(frame)["两个月后"][0]
    assert row.start == pd.Timestamp("2019-05-01") and "前文" in resolution_text(row.resolved_against, "zh")


def test_years_of_discourse_follow_the_year_being_told(tmp_path):
    frame = events_of(tmp_path, HEADER + "2001年7月，北京申奥成功。同年10月，工程启动；次年3月，主体开工。\n")
    rows = by_text(frame)
    assert rows["同年10月"][0].start == pd.Timestamp("2001-10-01")
    assert rows["次年3月"][0].start == pd.Timestamp("2002-03-01")


def test_comparison_baselines_are_not_events(tmp_path):
    frame = events_of(tmp_path, HEADER + "今年前三季度，全市产值比2019年增长12%，较上年提高3个百分点，增速比上半年加快0.5个百分点，"
                      "与2018年相比翻了一番，比去年同期多发2亿千瓦时。\n")
    assert list(frame["date_text"]) == ["今年前三季度"]


def test_a_start_word_dates_its_own_unit(tmp_path):
    header = "某地新闻\n来源：某某日报  2015-10-19 10:00\n\n"
    frame = events_of(tmp_path, header + "从4月份开始，工业生产逐步恢复。新规自2009年1月19日起施行。2014年以来，累计引进项目300个。"
                      "自2005年起至今，已举办四届。\n")
    rows = {row.date_text: row for row in frame.itertuples()}
    april = rows["从4月份开始"]
    assert (april.start, april.end, april.precision) == (pd.Timestamp("2015-04-01"), pd.Timestamp("2015-04-30"), "month")
    rule = rows["自2009年1月19日起"]
    assert (rule.start, rule.end, rule.precision) == (pd.Timestamp("2009-01-19"), pd.Timestamp("2009-01-19"), "day")
    since = rows["2014年以来"]
    assert since.precision == "open-range" and since.end == pd.Timestamp("2015-10-19")
    assert rows["自2005年起至今"].end == pd.Timestamp("2015-10-19")


def test_a_date_in_the_headline_of_a_text_file_is_an_event(tmp_path):
    frame = events_of(tmp_path, "上半年财政收入增速放缓\n2013-07-15 19:10:11\n央视网\n\n今天，财政部公布了上半年财政收支情况。\n")
    first = frame.iloc[0]
    assert first.date_text == "上半年" and first.start == pd.Timestamp("2013-01-01") and first.date_start == 0


def test_the_recent_past_is_an_event(tmp_path):
    frame = events_of(tmp_path, HEADER + "近日，两地执法部门联手破获一起案件。\n")
    (row,) = frame.itertuples()
    assert (row.start, row.end, row.precision) == (pd.Timestamp("2008-09-19"), pd.Timestamp("2008-10-19"), "recent")
    assert row.tense == "past"


def test_holidays_named_as_references_are_not_events(tmp_path):
    frame = events_of(tmp_path, HEADER + "铁路国庆中秋假期运输自9月29日开始，至10月10日结束。春节后上班第一天，全市召开大会。"
                      "今年的国庆节格外热闹。\n")
    texts = list(frame["date_text"])
    assert "国庆" not in texts and "中秋" not in texts and "春节" not in texts
    assert "自9月29日开始，至10月10日结束" in texts
    assert by_text(frame)["今年的国庆节"][0].start == pd.Timestamp("2008-10-01")


def test_a_date_restated_as_its_own_predicate_is_one_event(tmp_path):
    frame = events_of(tmp_path, "某地新闻\n来源：某某日报  2026-08-09 10:00\n\n今年是“十五五”开局之年，各地加快推进。\n")
    assert list(frame["date_text"]) == ["今年"]


def test_words_spoken_are_dated_by_the_day_the_speaker_is_reported(tmp_path):
    frame = events_of(tmp_path, "某地新闻\n来源：某某日报  2014-01-21 10:00\n\n"
                      "某官员昨天在声明中说，样本已送检。他说：“厨具及食物样本都已送化验，结果最快五天后出炉。”\n")
    assert day(by_text(frame)["五天后"][0]) == "2014-01-25"


def test_a_time_of_day_keeps_its_hour_and_minute(tmp_path):
    frame = events_of(tmp_path, HEADER + "10月17日，某地发生事故。下午3时许，记者赶到现场。昨晚8时30分许，救援结束。\n")
    rows = by_text(frame)
    afternoon = rows["下午3时许"][0]
    assert (day(afternoon), afternoon.precision, afternoon.edtf) == ("2008-10-17", "hour", "2008-10-17T15")
    evening = rows["昨晚8时30分许"][0]
    assert (day(evening), evening.precision, evening.edtf) == ("2008-10-18", "minute", "2008-10-18T20:30")


def test_the_timeline_core_places_hours_within_their_day(tmp_path):
    from desktop.core.export.formatting import readable_date
    from desktop.core.timeline.index import build_index
    from desktop.core.timeline.scale import day_number

    frame = events_of(tmp_path, HEADER + "10月17日，某地发生事故。下午3时许，记者赶到现场。昨晚8时30分许，救援结束。\n")
    index = build_index(frame)
    rows = {text: i for i, text in enumerate(frame["date_text"])}
    day17 = day_number(pd.Timestamp("2008-10-17").date())
    assert index.start[rows["10月17日"]] == day17 and index.end[rows["10月17日"]] == day17 + 1
    assert abs(index.start[rows["下午3时许"]] - (day17 + 15 / 24)) < 1e-9
    assert abs(index.end[rows["下午3时许"]] - (day17 + 16 / 24)) < 1e-9
    assert abs(index.start[rows["昨晚8时30分许"]] - (day17 + 1 + (20 * 60 + 30) / 1440)) < 1e-9
    row = frame.iloc[rows["昨晚8时30分许"]]
    assert readable_date(row["start"].date(), row["end"].date(), row["precision"], row["edtf"]) == "2008年10月18日20:30"


def test_rules_read_traditional_text_too(tmp_path):
    frame = events_of(tmp_path, "某地新聞\n來源：某某日報  2015-10-19 10:00\n\n從4月份開始，工業生產逐步恢復。產值比去年增長5%。"
                      "2019年3月，兩地簽約。兩個月後，項目開工。\n")
    rows = by_text(frame)
    assert rows["從4月份開始"][0].precision == "month"
    assert "去年" not in rows  # 比去年: a baseline
    assert rows["兩個月後"][0].start == pd.Timestamp("2019-05-01")


def test_dates_opening_a_published_documents_name_are_not_events(tmp_path):
    header = "某地新闻\n来源：某某日报  2019-09-25 10:00\n\n"
    frame = events_of(tmp_path, header + "交通运输部印发“十四五”现代综合交通运输体系发展规划，提出目标。"
                      "生态环境部发布2018-2019年秋冬季大气污染综合治理攻坚行动方案。"
                      "2020年底前完成规划编制。科技城面向2035年建设规划。“十四五”期间，将建设新区。\n")
    assert set(frame["date_text"]) == {"2020年底前", "面向2035年", "“十四五”期间"}


def test_recurring_and_generic_periods_are_not_events(tmp_path):
    header = "某地新闻\n来源：某某日报  2019-09-25 10:00\n\n"
    frame = events_of(tmp_path, header + "冬天来了，秋冬季是污染高发期。每年11月上旬，候鸟迁徙至此。每逢春节，人们团聚。"
                      "每年的3月，这里花开。今冬明春，供暖保障有力。\n")
    assert list(frame["date_text"]) == ["今冬", "明春"]


def test_years_counted_from_a_founding_are_not_calendar_years(tmp_path):
    header = "某地新闻\n来源：某某日报  2026-08-22 10:00\n\n"
    frame = events_of(tmp_path, header + "广州建城2240年得名1800年专题展开展。这座城得名于1800年，该校建校120年。"
                      "1998年，博物馆开馆。\n")
    assert sorted(frame["date_text"]) == ["1800年", "1998年"]
    assert frame.loc[frame["date_text"] == "1800年", "sentence"].iloc[0].startswith("这座城得名于")


def test_a_deadline_dates_the_unit_it_names(tmp_path):
    header = "某地新闻\n来源：某某日报  2012-06-01 10:00\n\n"
    frame = events_of(tmp_path, header + "６月底前完成城区餐饮单位分级管理，１１月底前，完成大型餐馆改造，2030年前建成新城。\n")
    rows = by_text(frame)
    june = rows["６月底前"][0]
    assert (june.start, june.end, june.precision) == (pd.Timestamp("2012-06-01"), pd.Timestamp("2012-06-30"), "month")
    november = rows["１１月底前"][0]
    assert (november.start, november.end, november.tense) == (pd.Timestamp("2012-11-01"), pd.Timestamp("2012-11-30"),
                                                           "planned")
    year = rows["2030年前"][0]
    assert (year.start, year.end, year.precision) == (pd.Timestamp("2030-01-01"), pd.Timestamp("2030-12-31"), "year")


def test_a_month_and_day_continue_the_year_of_the_full_date_before_them(tmp_path):
    header = "某地新闻\n来源：某某日报  2012-06-12 10:00\n\n"
    frame = events_of(tmp_path, header + "２０１１年８月２５日，海关查获手枪９支。专案组于８月２６日抓获嫌疑人。\n"
                      "另讯，３月５日，某市召开大会。\n")
    rows = by_text(frame)
    assert day(rows["８月２６日"][0]) == "2011-08-26" and "前一日期的年份" in resolution_text(rows["８月２６日"][0].resolved_against, "zh")
    assert day(rows["３月５日"][0]) == "2012-03-05"  # another paragraph: the publication year


def test_incident_names_and_ages_are_not_events(tmp_path):
    header = "某地新闻\n来源：某某日报  2022-02-15 10:00\n\n"
    frame = events_of(tmp_path, header + "美方将资产用于赔偿“9·11”事件受害者。今年２８岁的他结婚已３年。7·23动车事故发生后，各方关注。"
                      "今年，全市投资增长。\n")
    assert list(frame["date_text"]) == ["今年"]
    assert "投资" in frame.iloc[0]["sentence"]


def test_holidays_listed_together_are_a_reference(tmp_path):
    header = "某地新闻\n来源：某某日报  2024-09-15 10:00\n\n"
    frame = events_of(tmp_path, header + "全力保障广大旅客中秋、国庆双节出行。中秋节当天，游客众多。\n")
    assert list(frame["date_text"]) == ["中秋节当天"] and day(frame.iloc[0]) == "2024-09-17"


def test_offsets_from_the_events_told(tmp_path):
    header = "某地新闻\n来源：某某日报  2020-06-03 10:00\n\n"
    frame = events_of(tmp_path, header + "2001年7月13日，北京申奥成功。申奥成功后第二年，场馆开工。此后一年，规划出台。\n"
                      "2019年5月，项目签约。几天之后，企业入驻。彼时，园区还很荒凉。\n")
    rows = by_text(frame)
    assert rows["第二年"][0].start == pd.Timestamp("2002-01-01")
    assert rows["此后一年"][0].start == pd.Timestamp("2003-01-01")
    later = rows["几天之后"][0]
    assert (later.start, later.end) == (pd.Timestamp("2019-05-03"), pd.Timestamp("2019-05-10"))
    assert rows["彼时"][0].start == later.start


def test_a_holiday_named_as_a_reference_is_not_the_day_of_the_story(tmp_path):
    header = "某地新闻\n来源：某某日报  2022-02-13 10:00\n\n"
    frame = events_of(tmp_path, header + "2月7日，春节后首个工作日，多地召开大会。春节后上班第一天，扬州召开大会。\n")
    rows = by_text(frame)
    assert day(rows["第一天"][0]) == "2022-02-07"


def test_days_counted_in_a_row_count_from_the_same_day(tmp_path):
    # 第二天…第三天 after the day of the story: one and two days after it, not the third day
    # counted from the second
    frame = events_of(tmp_path, HEADER + "10月10日，孩子在医院做了检查。“第二天出，第三天又出。”她说。\n")
    rows = by_text(frame)
    assert day(rows["第二天"][0]) == "2008-10-11"
    assert day(rows["第三天"][0]) == "2008-10-12"


LATE_HEADER = "某地新闻\n来源：某某周刊  2005-03-21 10:00\n\n"


def test_a_lunar_day_continues_the_year_just_written(tmp_path):
    # 正月初三 of 2001 is 2001-01-26; the one nearest 2001-12-31 would be 2002-02-14
    frame = events_of(tmp_path, LATE_HEADER + "2001年农历除夕夜，他买了15注彩票。 正月初三早上，他路过销售点。"
                      "正月初十，他赶到南京领奖。\n")
    rows = by_text(frame)
    assert day(rows["2001年农历除夕夜"][0]) == "2001-01-23"
    assert day(rows["正月初三早上"][0]) == "2001-01-26"
    assert day(rows["正月初十"][0]) == "2001-02-02"
    assert rows["正月初十"][0].resolved_against.startswith("year-before|")


def test_the_year_written_before_ends_when_the_story_comes_back_to_now(tmp_path):
    frame = events_of(tmp_path, LATE_HEADER + "2001年1月23日，他中了大奖；然而4年后的今天，他一贫如洗。3月5日，记者来到他的山庄。\n")
    rows = by_text(frame)
    assert day(rows["3月5日"][0]) == "2005-03-05"


def test_a_clock_time_after_the_clock_it_is_told_in_opens_its_clause(tmp_path):
    frame = events_of(tmp_path, "某地新闻\n来源：某某日报  2016-10-15 10:00\n\n"
                      "10月15日，国家主席抵达果阿，出席会晤。\n当地时间下午1时许，专机抵达果阿海军机场。\n")
    rows = by_text(frame)
    assert day(rows["下午1时许"][0]) == "2016-10-15"
    assert rows["下午1时许"][0].edtf == "2016-10-15T13"


def test_a_count_of_a_happening_after_a_day_restates_that_day(tmp_path):
    frame = events_of(tmp_path, HEADER + "8月13日，自接通那通陌生来电的第25天后，她到银行查账，当日下午前往派出所报警。\n")
    rows = by_text(frame)
    assert "第25天" not in rows
    assert day(rows["当日下午"][0]) == "2008-08-13"


def test_a_sentence_the_page_repeats_word_for_word_is_one_event(tmp_path):
    # the page holds the article's paragraphs a second time (a copy in its markup)
    repeated = "警方介绍了案情。\n截至8月25日，全市立电信网络诈骗案件1187宗，同比下降25%。\n"
    frame = events_of(tmp_path, HEADER + repeated + "相关新闻\n" + repeated +
                      "第98例：湖北人，1月19日从武汉到玉溪探亲。\n第99例：湖北人，1月19日从武汉到玉溪探亲。\n")
    rows = by_text(frame)
    assert len(rows["8月25日"]) == 1
    assert len(rows["1月19日"]) == 2  # the same words after the date, two people


def test_a_clock_time_right_after_a_written_day_is_its_time(tmp_path):
    frame = events_of(tmp_path, HEADER + "5月14日，14点28分，某区发生强烈震感，房子摇晃。\n")
    assert frame["date_text"].tolist() == ["5月14日，14点28分"]
    assert frame["edtf"].tolist() == ["2008-05-14T14:28"]
    assert frame["title"].tolist() == ["某区发生强烈震感"]


def test_a_part_of_the_year_takes_the_past_year_its_sentence_wrote(tmp_path):
    frame = events_of(tmp_path, LATE_HEADER + "2004年国内汽车厂几乎都完成了年初雄心勃勃的增产计划。\n"
                      "2003年，该厂上半年产量增长。\n新厂2006年建成，年初已开工建设。\n")
    rows = by_text(frame)
    assert [r.start.year for r in rows["年初"]] == [2004, 2005]  # not of a year forecast
    assert rows["年初"][0].resolved_against == "year-under-discussion|2004"
    assert (day(rows["上半年"][0]), rows["上半年"][0].end.strftime("%Y-%m-%d")) == ("2003-01-01", "2003-06-30")


def test_a_day_looked_back_to_keeps_the_year_written_before(tmp_path):
    frame = events_of(tmp_path, HEADER + "2007年8月25日，警方接到报案。此前的8月20日，嫌疑人已潜逃。8月26日，专案组成立。\n")
    assert day(by_text(frame)["8月26日"][0]) == "2007-08-26"


def test_a_lunar_day_after_a_december_date_is_in_the_lunar_year_that_follows(tmp_path):
    frame = events_of(tmp_path, LATE_HEADER + "2001年12月30日，他离开工地。腊月二十八，他回到老家。\n")
    assert day(by_text(frame)["腊月二十八"][0]) == "2002-02-09"


def test_a_holiday_or_a_baseline_year_is_no_year_part_rule(tmp_path):
    frame = events_of(tmp_path, "某地新闻\n来源：某某日报  2004-08-19 10:00\n\n与2003年相比，上半年出口增长15%。\n"
                      "2003年，该厂春节期间停产。\n")
    rows = by_text(frame)
    assert rows["上半年"][0].start.year == 2004
    assert not rows["春节期间"][0].resolved_against.startswith("year-under-discussion")


def test_a_line_that_opens_with_the_lead_in_is_the_story_not_the_header(tmp_path):
    frame = events_of(tmp_path, "两省市党委主要负责同志职务调整\n2017-07-15 19:25:31\n央视网\n"
                      "https://tv.cctv.com/2017/07/15/x.shtml\n\n央视网消息（新闻联播）：日前，中共中央决定：\n"
                      "甲同志不再兼任某市委书记、常委、委员职务；\n乙同志任某市委委员、常委、书记，不再担任某省委书记、"
                      "常委、委员职务；\n丙同志任某省委书记。\n")
    assert frame["date_text"].tolist() == ["日前"]  # not the article's publication day alone
    assert frame["title"].tolist() == ["中共中央决定"]
