"""Date forms of real news (issue 8), each rule with sentences of our own: relative days of
news reports, festivals and the lunar calendar, the recent past, words that refer back, times
of day, year parts without a year, starts and ranges."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.core.dates import find_dates, parse_date
from desktop.core.dates._calendar import clock_of, holiday, lunar_day, solar_term

D = date.fromisoformat


def first(text: str, ref: str):
    found = find_dates(text, D(ref))
    assert found, text
    return found[0]


def spans(text: str, ref: str) -> list[tuple[str, str, str, str]]:
    return [(m.text, m.start.isoformat(), m.end.isoformat(), m.precision) for m in find_dates(text, D(ref))]


@pytest.mark.parametrize(("text", "ref", "expected_text", "start"), [
    ("前日下午，在某街道一家饭店就餐后", "2008-06-11", "前日下午", "2008-06-09"),
    ("前晚11时许，又有一些学生", "2008-06-11", "前晚11时许", "2008-06-09"),
    ("昨晨6点过，某区一居民楼起火", "2008-06-11", "昨晨6点", "2008-06-10"),
    ("今（30）日上午，城区一大厦发生火灾", "2014-03-30", "今（30）日上午", "2014-03-30"),
    ("昨（29）日，当地警方通报", "2014-03-30", "昨（29）日", "2014-03-29"),
    ("高速公路八日中午发生事故", "2014-03-09", "八日中午", "2014-03-08"),
])
def test_relative_days_of_news_reports(text, ref, expected_text, start):
    m = first(text, ref)
    assert (m.text, m.start.isoformat(), m.end.isoformat()) == (expected_text, start, start)


@pytest.mark.parametrize("text", ["前日本首相访问", "节前日程安排", "三日游线路", "光明日报评论", "21世纪经济报道记者",
                                  "患者最小年龄是3个月", "几个小年轻在街头", "选取这一年龄段儿童", "这一年级的学生",
                                  "吃过艾米古(清明果)的职工"])
def test_words_that_only_look_like_days(text):
    assert find_dates(text, D("2020-05-05")) == []


@pytest.mark.parametrize("text", ["公元前2世纪，张骞出使西域", "前3世纪的陶器", "公元前1046年，武王伐纣"])
def test_dates_before_the_common_era_are_no_dates(text):
    # 公元前2世纪 is not the 2nd century: a date the timeline cannot show is no date, not a wrong one
    assert find_dates(text, D("2024-05-01")) == []


def test_a_century_of_the_common_era_is_still_read():
    found = first("公元2世纪的遗址", "2024-05-01")
    assert (found.text, found.start, found.end) == ("2世纪", D("0100-01-01"), D("0199-12-31"))

@pytest.mark.parametrize(("text", "start", "end"), [
    ("600多年前，郑和船队到访", "1325-04-15", "1425-04-15"),  # between 600 and 700 years
    ("二十多年前，这里还是滩涂", "1995-04-15", "2005-04-15"),  # between 20 and 30
    ("三年多前，项目签约", "2021-04-15", "2022-04-15"),  # between three and four
    ("30多天前，工地开工", "2025-03-06", "2025-03-16"),
])
def test_more_than_a_round_number_counts_in_its_last_place(text, start, end):
    found = first(text, "2025-04-15")
    assert (found.start.isoformat(), found.end.isoformat(), found.precision) == (start, end, "vague")

def test_this_year_before_a_word_of_its_own_is_still_this_year():
    assert [m.text for m in find_dates("今年级别最高的赛事，今年纪念活动将举行", D("2020-01-27"))] == ["今年", "今年"]

def test_lunar_calendar_and_solar_terms():
    assert lunar_day(2022, 1, 1) == D("2022-02-01")
    assert lunar_day(2021, 8, 15) == D("2021-09-21")
    assert solar_term(2022, "清明") == D("2022-04-05")
    assert solar_term(2022, "冬至") == D("2022-12-22")
    eve = holiday("除夕", 2022, "year")
    assert (eve.start, eve.prec) == (D("2022-01-31"), "day")
    week = holiday("春节假期", 2022, "year")
    assert (week.start, week.end, week.prec) == (D("2022-01-31"), D("2022-02-06"), "range")



@pytest.mark.parametrize("year", [1900, 1949, 1984, 2000, 2017, 2020, 2023, 2033, 2061, 2100])
def test_the_calendar_tables_give_the_library_s_days(year):
    # The tables under resources/calendar stand in for lunar-python's computation: every lunar
    # day and solar term of these years is the day the library computes (leap years included).
    from lunar_python import Lunar, Solar

    for month in range(1, 13):
        for day in (1, 15, 29, 30):
            try:
                solar = Lunar.fromYmd(year, month, day).getSolar()
                expected = date(solar.getYear(), solar.getMonth(), solar.getDay())
            except Exception:  # noqa: BLE001 - a day 30 the month does not have
                expected = None
            if expected is not None and expected.year == year:
                assert lunar_day(year, month, day) == expected, (year, month, day)
    table = Solar.fromYmd(year, 6, 1).getLunar().getJieQiTable()
    for name in ("立春", "清明", "夏至", "立秋", "冬至"):
        term = table[name]
        if term.getYear() == year:
            assert solar_term(year, name) == date(term.getYear(), term.getMonth(), term.getDay())


def test_years_outside_the_calendar_tables_are_computed():
    assert lunar_day(1850, 1, 1) == D("1850-02-12")
    assert lunar_day(2150, 8, 15) is not None
    assert solar_term(1850, "冬至") == D("1850-12-22")

@pytest.mark.parametrize(("text", "ref", "expected_text", "start", "end", "precision"), [
    ("春节期间，各地加强值守", "2022-01-20", "春节期间", "2022-01-31", "2022-02-06", "range"),
    ("大年初三，亲友相聚", "2022-01-20", "大年初三", "2022-02-03", "2022-02-03", "day"),
    ("农历八月十五那天", "2021-09-01", "农历八月十五", "2021-09-21", "2021-09-21", "day"),
    ("去年中秋节，他回到家乡", "2022-01-20", "去年中秋节", "2021-09-21", "2021-09-21", "day"),
    ("国庆长假期间，景区游客如织", "2020-09-20", "国庆长假期间", "2020-10-01", "2020-10-07", "range"),
    ("双十一当天，快递包裹激增", "2015-12-15", "双十一当天", "2015-11-11", "2015-11-11", "day"),
    ("今年的国庆节格外热闹", "2020-10-04", "今年的国庆节", "2020-10-01", "2020-10-01", "day"),
    ("清明节前后，祭扫人数增加", "2023-03-20", "清明节前后", "2023-04-05", "2023-04-05", "day"),
    ("618大促期间销量翻番", "2023-06-25", "618大促期间", "2023-06-18", "2023-06-18", "day"),
])
def test_festivals_and_holidays(text, ref, expected_text, start, end, precision):
    m = first(text, ref)
    assert (m.text, m.start.isoformat(), m.end.isoformat(), m.precision) == (expected_text, start, end, precision)


def test_a_festival_without_a_year_is_the_nearest_one():
    # said in November: the coming Spring Festival; said in March: the one just past
    assert first("春节前要完成", "2021-11-20").end == D("2022-02-01")
    assert first("春节时他回了家", "2021-03-10").start == D("2021-02-12")


@pytest.mark.parametrize("text", ["五一路上车流不断", "国庆广场举行升旗", "元旦小学开学"])
def test_holiday_names_inside_place_names(text):
    assert find_dates(text, D("2020-05-05")) == []


@pytest.mark.parametrize(("text", "start", "end"), [
    ("近日，两地签署合作协议", "2020-05-06", "2020-06-05"),
    ("省政府日前印发通知", "2020-05-06", "2020-06-05"),
    ("不久前召开的会议", "2020-03-07", "2020-06-05"),
    ("前几天，他去了现场", "2020-05-26", "2020-06-05"),
    ("近期将召开推介会", "2020-06-05", "2020-07-05"),
    ("近日内将完成验收", "2020-06-05", "2020-07-05"),
    ("最近，两地签署合作协议", "2020-05-06", "2020-06-05"),
    ("该车最近又被评为最可靠汽车", "2020-05-06", "2020-06-05"),
    ("离职员工近日表示", "2020-05-06", "2020-06-05"),
    ("居家隔离人员最近出现发热症状", "2020-05-06", "2020-06-05"),
    ("两地差距最近明显缩小", "2020-05-06", "2020-06-05"),
    ("欧洲近来高温干旱持续", "2020-05-06", "2020-06-05"),
])
def test_recent_past_is_a_vague_span_before_publication(text, start, end):
    m = first(text, "2020-06-05")
    assert (m.start.isoformat(), m.end.isoformat(), m.precision) == (start, end, "recent")
    assert "~" in m.edtf


@pytest.mark.parametrize("text", ["节日前夕", "生日前一天", "连日来降雨", "5日前报名", "离这里最近的医院",
                                  "离灾难最近离家人最远", "两者最近时仅相隔3公里", "最近几年，产量翻番",
                                  "他们离灾难最近，离家人最远", "海豚距离帆船最近只有一米五"])
def test_no_recent_past(text):
    assert all(m.precision != "recent" for m in find_dates(text, D("2020-06-05")))


@pytest.mark.parametrize(("text", "kind"), [
    ("当时17岁的他", "antecedent"), ("此时，孩子们已被送走", "antecedent"), ("到那时，电价将", "antecedent"),
    ("届时，两地车程缩短", "antecedent"), ("同一时期，价格上涨", "antecedent"),
])
def test_words_that_refer_back_are_marked(text, kind):
    assert first(text, "2020-06-05").kind == kind


@pytest.mark.parametrize("text", ["同时，他指出", "适当时候再议", "堪当时代重任", "在当时的条件下", "随时可以办理"])
def test_no_reference_back(text):
    assert all(m.kind != "antecedent" for m in find_dates(text, D("2020-06-05")))


@pytest.mark.parametrize(("text", "ref", "expected_text", "start"), [
    ("同年10月，项目开工", "2020-06-05", "同年10月", "2020-10-01"),
    ("当年3月，工厂投产", "2020-06-05", "当年3月", "2020-03-01"),
    ("翌年，他回到北京", "2020-06-05", "翌年", "2021-01-01"),
    ("新的一年，我们继续努力", "2022-01-10", "新的一年", "2022-01-01"),
    ("新的一年即将到来", "2021-12-20", "新的一年", "2022-01-01"),
])
def test_years_of_discourse(text, ref, expected_text, start):
    m = first(text, ref)
    assert (m.text, m.start.isoformat()) == (expected_text, start)


def test_generic_that_year_is_no_date():
    assert find_dates("当年签约、当年投产", D("2020-06-05")) == []


@pytest.mark.parametrize(("text", "clock"), [
    ("昨日下午2时许", (14, None)), ("当晚10时许", (22, None)), ("昨晚8时30分许", (20, 30)),
    ("中午12时17分", (12, 17)), ("凌晨4点20", (4, 20)), ("13:20", (13, 20)), ("2月2日24时", (23, 59)),
    ("2月2日0-24时", None), ("上午", None), ("11日上午至中午", None),
    # the part of the day before a bracketed day still holds for the hour after it
    ("今晚（7月15日）8点", (20, None)), ("今天（7月15日）8点", (8, None)),
])
def test_clock_of(text, clock):
    assert clock_of(text) == clock


def test_a_day_keeps_its_time_of_day():
    m = first("昨日下午2时许，有8名孩子出现症状", "2007-09-07")
    assert (m.start, m.precision, m.clock) == (D("2007-09-06"), "day", (14, None))


@pytest.mark.parametrize(("text", "clock"), [
    ("下午3时许，记者赶到医院", (15, None)), ("凌晨4点20，火被扑灭", (4, 20)), ("于晚上8时，警方赶到", None),
    ("火灾于九时被基本控制", (9, None)), ("起火时间为晚上11点左右，火势蔓延", (23, None)),
])
def test_a_time_of_day_opening_a_clause_is_the_day_in_context(text, clock):
    m = first(text, "2008-10-19")
    assert m.kind == "anaphoric" and m.precision == "day"
    if clock:
        assert m.clock == clock


@pytest.mark.parametrize("text", ["每天上午9时开放", "上午9点至下午5点开放", "零点五个百分点", "涨幅为3时", "下午茶时间到了"])
def test_no_time_of_day_alone(text):
    assert all(m.kind != "anaphoric" for m in find_dates(text, D("2008-10-19")))


@pytest.mark.parametrize(("text", "expected"), [
    ("前10个月，全国进出口增长", ("前10个月", "2020-01-01", "2020-10-31", "range")),
    ("前两月，班列开行量增长", ("前两月", "2020-01-01", "2020-02-29", "range")),
    ("行至年终，多家机构上调预期", ("至年终", "2020-11-01", "2020-12-31", "vague")),
])
def test_year_parts_without_a_year(text, expected):
    assert spans(text, "2020-12-15")[0] == expected


@pytest.mark.parametrize("text", ["会议前10个月", "年终奖发放", "前两月份的", "两月"])
def test_no_year_part(text):
    assert all(not m.text.startswith(("前10", "年终", "两月")) for m in find_dates(text, D("2020-12-15")))


@pytest.mark.parametrize(("text", "expected"), [
    ("自9月29日开始，至10月10日结束", ("自9月29日开始，至10月10日结束", "2025-09-29", "2025-10-10", "range")),
    ("2004年之后开工建设的项目", ("2004年之后", "2004-01-01", "2025-09-15", "open-range")),
    ("两天之后的1月6日，公司发布公告", ("两天之后的1月6日", "2025-01-06", "2025-01-06", "day")),
    ("几年前，这里还是荒滩", ("几年前", "2016-09-15", "2023-09-15", "vague")),
    ("三年多前，他来到这里", ("三年多前", "2021-09-15", "2022-09-15", "vague")),
])
def test_ranges_starts_and_counts(text, expected):
    assert spans(text, "2025-09-15")[0] == expected


def test_a_relative_day_with_its_date_in_brackets_opens_a_range():
    assert spans("从今天（10月1日）到下周四，预计出游6亿人次", "2020-10-04")[0] == (
        "从今天（10月1日）到下周四", "2020-10-01", "2020-10-08", "range")


@pytest.mark.parametrize("text", ["早在百年前，人们就期盼", "开车前第20天至第17天可购票", "1号、2号、3号入口通往大厅"])
def test_counts_and_numbers_that_are_no_dates(text):
    assert find_dates(text, D("2025-09-15")) == []


def test_peer_reading_of_a_start_word_is_kept_by_the_parser():
    # the parser reads 起 as "from then on" (JioNLP's reading); the event layer dates its unit
    m = parse_date("从去年9月起", D("2024-09-25"))
    assert (m.start, m.end, m.precision) == (D("2023-09-01"), D("2024-09-25"), "open-range")


def test_the_first_character_search_finds_every_trigger():
    from pathlib import Path

    from desktop.core.dates import _lexicon as lexicon
    from desktop.core.text.numerals import normalize

    texts = [normalize(p.read_text(encoding="utf-8")) for p in sorted((Path(__file__).parents[1] / "seeds").iterdir())]
    texts.append("，".join(lexicon._TRIG_WORDS + list(lexicon.TOD.split("|")) + ["“十四五”", "前3个月", "今(5)日", "年中"]))
    for text in texts:
        every = [m.start() for m in lexicon.TRIGGER_RE.finditer(text)]
        fast = [m.start() for m in lexicon.TRIGGER_FIRST_RE.finditer(text) if lexicon.TRIGGER_RE.match(text, m.start())]
        assert fast == every


@pytest.mark.parametrize(("text", "expected"), [
    ("发表时间： 06/02/2022 - 13:48", ("2022-02-06", "day")),
    ("12/25/2021 圣诞夜", ("2021-12-25", "day")),
    ("13/02 13:48 发布", ("2022-02-13", "day")),
    ("2019/05/22 本报讯", ("2019-05-22", "day")),
    ("结果2004下半年库存高企", ("2004-07-01", "half-year")),
    ("2020前三季度，全市增长", ("2020-01-01", "range")),
    ("截至2020，全市累计", ("2020-01-01", "year")),
    ("自2015以来，累计引进", ("2015-01-01", "open-range")),
])
def test_numeric_dates_and_bare_years_in_running_text(text, expected):
    m = first(text, "2022-03-01")
    assert (m.start.isoformat(), m.precision) == expected


@pytest.mark.parametrize("text", ["约1/4的面积", "占2/3，女性", "2000多名学生", "海拔2000米", "1922例确诊"])
def test_numbers_that_are_no_years(text):
    assert find_dates(text, D("2022-03-01")) == []


@pytest.mark.parametrize("text", ["每篇文章发言10-15分钟", "适合10-12岁儿童", "气温10-15℃", "增长10-15%", "约10-20万元"])
def test_a_range_of_counts_is_no_month_and_day(text):
    assert find_dates(text, D("2004-12-01")) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("发布时间：10-15 14:30", ("2004-10-15", "day")),
    ("05-20来源：新华网", ("2004-05-20", "day")),
])
def test_a_month_and_day_with_a_dash_stays_a_date(text, expected):
    m = first(text, "2004-12-01")
    assert (m.start.isoformat(), m.precision) == expected


@pytest.mark.parametrize(("text", "expected_text", "start"), [
    ("上週五，兩岸簽署協議", "上週五", "2020-03-06"),
    ("一年後，他回到家鄉", "一年後", "2021-01-01"),
    ("下個月將舉行", "下個月", "2020-04-01"),
    ("春節期間，各地", "春節期間", "2020-01-24"),
    ("１２日晚間受訪時表示", "１２日晚間", "2020-03-12"),
    ("２０１２年６月１０日，徐州", "２０１２年６月１０日", "2012-06-10"),
])
def test_traditional_characters_and_full_width_digits(text, expected_text, start):
    m = first(text, "2020-03-12")
    assert (m.text, m.start.isoformat()) == (expected_text, start)


def test_normalised_text_keeps_offsets():
    from desktop.core.text.numerals import normalize

    text = "上週五，兩岸簽署協議；１２日晚間"
    plain = normalize(text)
    assert len(plain) == len(text) and plain.startswith("上周五，两岸签署协议；12日晚间")


@pytest.mark.parametrize(("text", "expected"), [
    ("据韩国媒体 27 日报道", ("27 日", "2020-06-27", "2020-06-27")),
    ("1 月 26 日，全省", ("1 月 26 日", "2020-01-26", "2020-01-26")),
    ("2026 年春季招聘会", ("2026 年春季", "2026-03-01", "2026-05-31")),
    ("据彭博社14号援引消息", ("14号", "2020-06-14", "2020-06-14")),
    ("俄罗斯总统普京14号与美国总统通话", ("14号", "2020-06-14", "2020-06-14")),
    ("世界卫生组织14号在日内瓦表示", ("14号", "2020-06-14", "2020-06-14")),
    ("麦凯恩14号也表示", ("14号", "2020-06-14", "2020-06-14")),
    ("古巴外交部官员14号发表声明说", ("14号", "2020-06-14", "2020-06-14")),
    ("该组织当天使用无人机", ("当天", "2020-06-03", "2020-06-03")),
    ("此前一天，研究所发布", ("前一天", "2020-06-02", "2020-06-02")),
    ("本周末到下周初，华东沿海", ("本周末到下周初", "2020-06-06", "2020-06-10")),
    ("截止到上周末，已有4100人", ("上周末", "2020-05-30", "2020-05-31")),
])
def test_spaced_numerals_numbered_days_weekends(text, expected):
    m = first(text, "2020-06-03")
    assert (m.text, m.start.isoformat(), m.end.isoformat()) == expected


@pytest.mark.parametrize("text", ["5号线开通", "长征二号丁运载火箭", "天使之城", "会议前一天", "3号楼在施工",
                                  "长征十号首次系留点火试验取得成功"])
def test_numbers_and_words_that_are_not_days(text):
    assert find_dates(text, D("2020-06-03")) == []


def test_a_licence_number_is_no_date():
    assert find_dates("苏ICP备13020714号", D("2022-02-13")) == []
    assert first("编号20240307的文件", "2024-09-25").start == D("2024-03-07")


@pytest.mark.parametrize(("text", "date_text", "clock"), [
    ("今日下午14：30分左右，重庆出现明显震动。", "今日下午14：30分左右", (14, 30)),
    ("而实际开庭的时间在９：３０分。", "９：３０分", (9, 30)),
    ("８月３１日下午16：45分左右，在S206线发生一起交通事故", "８月３１日下午16：45分左右", (16, 45)),
])
def test_a_clock_written_with_its_minutes_named_keeps_them(text, date_text, clock):
    # the 分 after 14:30 is the clock's: left out, the title read 分左右
    m = first(text, "2008-05-12")
    assert (m.text, m.clock) == (date_text, clock)


@pytest.mark.parametrize(("text", "date_text"), [
    ("截至北京时间19日晚些时候，已造成至少56人死亡", "19日晚些时候"),
    ("当天早些时候，某地政府举行记者会", "当天早些时候"),
])
def test_earlier_or_later_that_day_is_one_part_of_the_day(text, date_text):
    # not 19日晚 and a title 些时候…
    assert first(text, "2015-04-20").text == date_text


@pytest.mark.parametrize("text", ["不仅是年轻人，连老年人都很有活力", "任务指标是年化日均存款1000万元", "无论是年轻小将还是老兵"])
def test_a_word_starting_with_year_after_是_is_no_that_year(text):
    assert find_dates(text, D("2012-06-01")) == []


@pytest.mark.parametrize(("text", "start", "end"), [
    ("1300多年前，中国唐代义净法师渡海求法", "0625-04-15", "0725-04-15"),  # was no date
    ("1300年前，义净法师途经马来半岛", "0725-01-01", "0725-12-31"),  # was the year 1300
    ("2025年前建成", "2025-04-15", "2025-12-31"),  # a deadline still
    ("一千三百多年前，义净法师途经马来半岛", "0625-04-15", "0725-04-15"),  # was 三百多年前, 1625–1725
    ("一千多年前，这里是一片荒地", "0025-04-15", "1025-04-15"),  # was no date
    ("二〇二五年前建成", "2025-04-15", "2025-12-31"),  # a year in characters is no count
])
def test_a_four_digit_count_of_years_ago(text, start, end):
    m = first(text, "2025-04-15")
    assert (m.start.isoformat(), m.end.isoformat()) == (start, end)


@pytest.mark.parametrize("text", ["两千三百年前，这里是一片海", "两千多年前，张骞出使西域"])
def test_a_count_before_the_common_era_is_no_date_nor_its_last_digits(text):
    # before the common era the timeline cannot show it; 三百年前 inside it is no date either
    assert find_dates(text, D("2025-04-15")) == []


@pytest.mark.parametrize(("text", "expected_text", "expected"), [
    ("五部动物保护纪录片今起播出", "今起", ("2013-04-15", "day")),
    ("A股市场新退市制度明起施行", "明起", ("2013-04-16", "day")),
    ("这几天，庆祝中国共产党成立100周年特展开幕", "这几天", ("2013-04-05", "recent")),
    ("二00二年九月开工的高速公路", "二00二年九月", ("2002-09-01", "month")),
    ("不少于１９９０年代在外州开餐馆", "１９９０年代", ("1990-01-01", "decade")),
    ("西汉高速公路八日发生重大交通事故", "八日", ("2013-04-08", "day")),
    ("记者八日获悉", "八日", ("2013-04-08", "day")),
])
def test_more_forms_of_real_news(text, expected_text, expected):
    m = first(text, "2013-04-15")
    assert (m.text, m.start.isoformat(), m.precision) == (expected_text, *expected)


@pytest.mark.parametrize("text", ["至今起着重要作用", "如今起步较晚", "但是暂时还未探明起火原因", "三日游线路", "七日年化收益率",
                                  "如今日本强化国家情报体制", "如今天津的发展", "当今日本社会",
                                  "七成网民在过去半年内曾经使用手机上网", "数年内不会改变",
                                  "通信和互联网服务中断进入第三天", "停摆已经是第21天", "罢工步入第三天",
                                  "地址：北京市朝阳区大屯路甲11号", "某市中山路11号", "年龄介于10月龄-86岁之间"])
def test_words_that_only_look_like_today_or_a_day(text):
    assert find_dates(text, D("2013-04-15")) == []


def test_but_today_is_today():
    m = first("而今天，带动产业链运转的动力也不再是传统制造业", "2016-08-15")
    assert (m.text, m.start.isoformat()) == ("今天", "2016-08-15")


def test_a_whole_day_of_hours_is_the_day_not_midnight():
    m = first("2020年1月31日0时-24时，湖北省新增病例1347例。", "2020-02-01")
    assert (m.text, m.edtf, m.clock) == ("2020年1月31日0时-24时", "2020-01-31", None)
    assert first("1月30日8时至20时，某省新增病例5例。", "2020-02-01").clock is None


@pytest.mark.parametrize(("text", "expected_text"), [("七夕晚会今晚播出", "七夕"), ("3日晚会见了来访客人", "3日晚")])
def test_a_holidays_gala_is_no_evening(text, expected_text):
    assert first(text, "2026-08-19").text == expected_text


@pytest.mark.parametrize(("text", "expected_text", "expected"), [
    ("他家迎来了贵客，那是2014年的3月17日", "2014年的3月17日", ("2014-03-17", "day")),
    ("国际奥委会将在2015年的7月31号投票", "2015年的7月31号", ("2015-07-31", "day")),
    ("今年的6月16日是父亲节", "今年的6月16日", ("2013-06-16", "day")),
    ("去年的12月份", "去年的12月份", ("2012-12-01", "month")),
])
def test_a_year_then_de_then_a_month_is_one_date(text, expected_text, expected):
    m = first(text, "2013-04-15")
    assert (m.text, m.start.isoformat(), m.precision) == (expected_text, *expected)


def test_a_year_then_de_then_a_count_of_months_is_the_year():
    m = first("2014年的3个月里", "2015-04-15")
    assert (m.text, m.precision) == ("2014年", "year")


@pytest.mark.parametrize("text", ["一时间，直播间充满了弹幕", "火势较猛，一时难以控制"])
def test_an_adverb_is_no_clock_time(text):
    assert find_dates(text, D("2020-06-05")) == []


def test_one_oclock_with_its_part_of_the_day_or_about_is_a_clock_time():
    assert [m.text for m in find_dates("凌晨一时，记者赶到。一时许，火被扑灭", D("2020-06-05"))] == ["凌晨一时", "一时许"]


def test_a_clock_time_after_a_quoted_sentence_opens_its_clause():
    text = "标语：“为强国建设而不懈奋斗！”上午10时，大会开始。他说“好”上午10时"
    assert [m.text for m in find_dates(text, D("2026-08-17"))] == ["上午10时"]


@pytest.mark.parametrize(("text", "clock"), [
    ("市场发生大火，至下午2时火场明火基本扑灭", "下午2时"), ("截至下午3时，火被扑灭", "下午3时"),
    ("直到晚上8时，他才回家", "晚上8时"),
])
def test_a_clock_time_after_a_bound_that_opens_its_clause(text, clock):
    assert [m.text for m in find_dates(text, D("2013-05-13"))] == [clock]


def test_a_bound_inside_a_clause_leaves_a_bare_clock_alone():
    assert find_dates("会议持续至下午3时结束", D("2013-05-13")) == []


def test_the_near_of_a_place_word_is_no_recent_count():
    assert [(m.text, m.start) for m in find_dates("日惹市附近27日早晨发生地震", D("2006-05-28"))] == [
        ("27日早晨", D("2006-05-27"))]
    assert first("近8日，全市降雨", "2006-05-28").kind == "duration"
