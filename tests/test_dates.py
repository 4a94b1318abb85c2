"""Table-driven tests of the Chinese temporal-expression engine (desktop.core.dates)."""

from __future__ import annotations

import random
import subprocess
import sys
import time
from datetime import date

import pytest

from desktop.core.dates import PRECISIONS, DateMention, find_dates, parse_date, tense_of
from desktop.core.numerals import digit_string, normalize, to_int, to_int_range

D = date.fromisoformat

# (sentence, ref, expected mention text (str or tuple of accepted texts), start, end, precision,
#  tense or None, kind or None)
ARTICLE_ROWS = [
    # ref 2025-03-01
    ("2月28日,在京津冀协同发展第二个十年的开局之年,由天津市宝坻区人民政府…", "2025-03-01",
     "2月28日", "2025-02-28", "2025-02-28", "day", "past", "point"),
    ("2025年,我们将继续完善“654陪跑”服务模式", "2025-03-01",
     "2025年", "2025-01-01", "2025-12-31", "year", "planned", None),
    # ref 2024-09-25
    ("9月24日,以“加快京津同城化 共促新质生产力”为主题的2024京津产业握手链接洽谈会暨联合招商推介会在我市武清区成功举办。",
     "2024-09-25", "9月24日", "2024-09-24", "2024-09-24", "day", "past", "point"),
    ("9月24日,以“加快京津同城化 共促新质生产力”为主题的2024京津产业握手链接洽谈会暨联合招商推介会在我市武清区成功举办。",
     "2024-09-25", "2024", "2024-01-01", "2024-12-31", "year", None, "name-year"),
    ("认真落实2024年京津冀党政主要领导座谈会部署要求", "2024-09-25",
     "2024年", "2024-01-01", "2024-12-31", "year", "past", None),
    ("去年以来,京津两市围绕落实", "2024-09-25",
     "去年以来", "2023-01-01", "2024-09-25", "open-range", "past", "open"),
    ("是对去年活动的进一步延续与深化", "2024-09-25",
     "去年", "2023-01-01", "2023-12-31", "year", "past", "point"),
    ("今天有400多家京津企业来到现场", "2024-09-25",
     "今天", "2024-09-25", "2024-09-25", "day", None, "point"),
    ("“6年前就来到武清发展", "2024-09-25",
     "6年前", "2018-01-01", "2018-12-31", "year", "past", None),
    ("预计明年6月投产,3年内年产值将达到10亿元", "2024-09-25",
     "明年6月", "2025-06-01", "2025-06-30", "month", "planned", "point"),
    ("预计明年6月投产,3年内年产值将达到10亿元", "2024-09-25",
     "3年内", "2024-09-25", "2027-09-25", "range", None, "duration"),
    # ref 2022-06-15
    ("今天(15日),2022年北京通州·河北廊坊北三县项目推介洽谈会召开", "2022-06-15",
     "今天(15日)", "2022-06-15", "2022-06-15", "day", None, "point"),
    ("今天(15日),2022年北京通州·河北廊坊北三县项目推介洽谈会召开", "2022-06-15",
     "2022年", "2022-01-01", "2022-12-31", "year", None, "name-year"),
    ("2019年至2021年签约的124个项目中有97个落地", "2022-06-15",
     "2019年至2021年", "2019-01-01", "2021-12-31", "range", "past", "span"),
    ("京津冀国家技术创新中心于2020年6月由科技部批复成立", "2022-06-15",
     "2020年6月", "2020-06-01", "2020-06-30", "month", "past", "point"),
    ("预计2025年12月投产", "2022-06-15",
     "2025年12月", "2025-12-01", "2025-12-31", "month", "planned", "point"),
    ("“‘十四五’期间拟建15个产业创新平台", "2022-06-15",
     "‘十四五’期间", "2021-01-01", "2025-12-31", "range", "planned", "span"),
    # ref 2024-02-24
    ("2月1日,走进雄安新区", "2024-02-24", "2月1日", "2024-02-01", "2024-02-01", "day", "past", "point"),
    ("2023年11月29日,京津冀产业链供应链大会在北京召开", "2024-02-24",
     "2023年11月29日", "2023-11-29", "2023-11-29", "day", "past", "point"),
    ("2014年以来,我省累计承接京津转入基本单位4.3万余家", "2024-02-24",
     "2014年以来", "2014-01-01", "2024-02-24", "open-range", "past", "open"),
    ("从2015年1月签约,到2016年10月试生产,如今", "2024-02-24",
     "2015年1月", "2015-01-01", "2015-01-31", "month", "past", "point"),
    ("从2015年1月签约,到2016年10月试生产,如今", "2024-02-24",
     "2016年10月", "2016-10-01", "2016-10-31", "month", "past", "point"),
    ("2023年全省吸纳京津技术合同成交额达810亿元,是2014年的12倍", "2024-02-24",
     "2023年", "2023-01-01", "2023-12-31", "year", "past", None),
    ("2023年全省吸纳京津技术合同成交额达810亿元,是2014年的12倍", "2024-02-24",
     "2014年", "2014-01-01", "2014-12-31", "year", "past", None),
    # ref 2026-02-03
    ("2025年7月，京津中关村科技城被纳入", "2026-02-03",
     "2025年7月", "2025-07-01", "2025-07-31", "month", "past", "point"),
    ("在“京畿宝地汇新能·科创高地启未来”2025宝坻新能源新材料产业发展大会上", "2026-02-03",
     "2025", "2025-01-01", "2025-12-31", "year", "past", "name-year"),
    ("全年引入实体项目121个", "2026-02-03", "全年", "2026-01-01", "2026-12-31", "year", None, None),
    ("“十五五”开局，宝坻区将持续深化协同合作", "2026-02-03",
     "“十五五”开局", "2026-01-01", "2026-12-31", "year", "planned", None),
    ("科技城面向2035年建设规划", "2026-02-03",
     ("2035年", "面向2035年"), "2035-01-01", "2035-12-31", "year", "planned", "point"),
    ("力争到2030年科技城经营主体数量进一步增加", "2026-02-03",
     ("到2030年", "力争到2030年"), "2030-01-01", "2030-12-31", "year", "planned", "point"),
    ("到2035年基本建成", "2026-02-03",
     ("到2035年", "2035年"), "2035-01-01", "2035-12-31", "year", "planned", "point"),
    ("今冬冰雪季，天南海北的游客再度涌入", "2026-02-03",
     ("今冬", "今冬冰雪季"), "2025-12-01", "2026-02-28", "season", "ongoing", None),
    ("截至2025年，通过牙城招商", "2026-02-03",
     ("2025年", "截至2025年"), "2025-01-01", "2025-12-31", "year", "past", None),
    ("2月2日，广西南宁市宾阳县", "2026-02-03", "2月2日", "2026-02-02", "2026-02-02", "day", "past", None),
    ("2025年  \n天津市宝坻区与", "2026-02-03", "2025年", "2025-01-01", "2025-12-31", "year", "past", None),
]  # fmt: skip

# (sentence, ref): no mention at all.
ARTICLE_NONE = [
    ("距离北京不足百公里的京津中关村科技城,十年间,“从0到1”的创新策源", "2025-03-01"),
    ("近年来,宝坻坚持举全区之力", "2025-03-01"),
    ("计划总投资额为207.88亿元的45个优质项目正式签约落户", "2025-03-01"),
    ("请与010-84883777联系", "2025-03-01"),
    ("二十届三中全会", "2024-09-25"),
    ("特别是一批项目实现了当年签约、当年落地", "2022-06-15"),
    ("已连续四年举办通州与北三县推介会", "2022-06-15"),
    ("协同发展十年观察③", "2024-02-24"),
    ("将许可时限从20个工作日压缩至6个工作日", "2026-02-03"),
    ("用5年", "2026-02-03"),
]

# (sentence, ref): at most durations (kind "duration"), never a dated point.
ARTICLE_DURATION_OR_NONE = [
    ("签约后,项目一个月就能投产", "2024-09-25"),
    ("请在30日内与本网联系", "2024-09-25"),
    ("揭牌成立短短6个月时间", "2024-02-24"),
    ("近5年来，天津市宝坻区坚持", "2026-02-03"),
    ("5年来，京津中关村科技城的创新生态", "2026-02-03"),
]

R = "2024-09-25"
# Own cases for section A: (text, ref, mention text, start, end, precision, tense, kind).
OWN_ROWS = [
    ("2023年11月29号", R, "2023年11月29号", "2023-11-29", "2023-11-29", "day", "past", "point"),
    ("发布于2019/04/19。", R, "2019/04/19", "2019-04-19", "2019-04-19", "day", "past", "point"),
    ("2019-05-27 09:36:46", R, "2019-05-27 09:36:46", "2019-05-27", "2019-05-27", "day", "past", None),
    ("2019.9.6", R, "2019.9.6", "2019-09-06", "2019-09-06", "day", "past", None),
    ("编号20240307的文件", R, "20240307", "2024-03-07", "2024-03-07", "day", "past", None),
    ("2022 11 23", R, "2022 11 23", "2022-11-23", "2022-11-23", "day", "past", None),
    ("2024年9月", R, "2024年9月", "2024-09-01", "2024-09-30", "month", "ongoing", "point"),
    ("98年4月", R, "98年4月", "1998-04-01", "1998-04-30", "month", "past", None),
    ("2022年", R, "2022年", "2022-01-01", "2022-12-31", "year", "past", "point"),
    ("15日召开", R, "15日", "2024-09-15", "2024-09-15", "day", "past", "point"),
    ("十月", R, "十月", "2024-10-01", "2024-10-31", "month", "planned", None),
    ("3月份", R, "3月份", "2024-03-01", "2024-03-31", "month", "past", None),
    ("今天（15日）", R, "今天（15日）", "2024-09-15", "2024-09-15", "day", "past", None),
    ("昨天(24日)", R, "昨天(24日)", "2024-09-24", "2024-09-24", "day", "past", None),
    ("今日", R, "今日", "2024-09-25", "2024-09-25", "day", "ongoing", None),
    ("前天", R, "前天", "2024-09-23", "2024-09-23", "day", "past", None),
    ("预计后年投产", R, "后年", "2026-01-01", "2026-12-31", "year", "planned", None),
    ("大后天", R, "大后天", "2024-09-28", "2024-09-28", "day", "planned", None),
    ("前年", R, "前年", "2022-01-01", "2022-12-31", "year", "past", None),
    ("大前年", R, "大前年", "2021-01-01", "2021-12-31", "year", "past", None),
    ("次年", R, "次年", "2025-01-01", "2025-12-31", "year", "planned", None),
    ("上一个月", R, "上一个月", "2024-08-01", "2024-08-31", "month", "past", None),
    ("下个月", R, "下个月", "2024-10-01", "2024-10-31", "month", "planned", None),
    ("上个季度", R, "上个季度", "2024-04-01", "2024-06-30", "quarter", "past", None),
    ("3天后", R, "3天后", "2024-09-28", "2024-09-28", "day", "planned", "point"),
    ("3个月前", R, "3个月前", "2024-06-01", "2024-06-30", "month", "past", "point"),
    ("二十几年前", R, "二十几年前", "1995-01-01", "2003-12-31", "range", "past", None),
    ("2017年8月11日至8月22日", R, "2017年8月11日至8月22日", "2017-08-11", "2017-08-22", "range", "past", "span"),
    ("2017年8月至11月", R, "2017年8月至11月", "2017-08-01", "2017-11-30", "range", "past", "span"),
    ("2018年2——4月", R, "2018年2——4月", "2018-02-01", "2018-04-30", "range", "past", "span"),
    ("2019年4月12-19日", R, "2019年4月12-19日", "2019-04-12", "2019-04-19", "range", "past", "span"),
    ("2018年1－9月份", R, "2018年1－9月份", "2018-01-01", "2018-09-30", "range", "past", "span"),
    ("1985到89年9月", R, "1985到89年9月", "1985-01-01", "1989-09-30", "range", "past", "span"),
    ("自2020-05-26起至2020-05-29止", R, "自2020-05-26起至2020-05-29止", "2020-05-26", "2020-05-29", "range", "past", "span"),
    ("前年11月到去年3月", R, "前年11月到去年3月", "2022-11-01", "2023-03-31", "range", "past", "span"),
    ("从2001年起至今", R, "从2001年起至今", "2001-01-01", "2024-09-25", "range", None, None),
    ("从去年9月起", R, "从去年9月起", "2023-09-01", "2024-09-25", "open-range", "past", "open"),
    ("二〇一九年5月8日起", R, "二〇一九年5月8日起", "2019-05-08", "2024-09-25", "open-range", "past", "open"),
    ("2030年起实施", R, "2030年", "2030-01-01", "2030-12-31", "year", "planned", "point"),
    ("9月上旬", R, "9月上旬", "2024-09-01", "2024-09-10", "vague", "past", None),
    ("9月中下旬", R, "9月中下旬", "2024-09-11", "2024-09-30", "vague", "ongoing", None),
    ("11月下旬", R, "11月下旬", "2024-11-21", "2024-11-30", "vague", "planned", None),
    ("2018年10月底", R, "2018年10月底", "2018-10-25", "2018-10-31", "vague", "past", None),
    ("年初", R, "年初", "2024-01-01", "2024-02-29", "vague", "past", None),
    ("年底前完成", R, "年底前", "2024-09-25", "2024-12-31", "range", None, "span"),
    ("1993年上半年", R, "1993年上半年", "1993-01-01", "1993-06-30", "half-year", "past", None),
    ("一季度", R, "一季度", "2024-01-01", "2024-03-31", "quarter", "past", None),
    ("Q3", R, "Q3", "2024-07-01", "2024-09-30", "quarter", "ongoing", None),
    ("前三季度", R, "前三季度", "2024-01-01", "2024-09-30", "range", None, None),
    ("二季度末", R, "二季度末", "2024-06-01", "2024-06-30", "month", "past", None),
    ("2024年内", R, "2024年内", "2024-01-01", "2024-12-31", "year", None, None),
    ("今年夏天", R, "今年夏天", "2024-06-01", "2024-08-31", "season", "past", None),
    ("去冬", R, "去冬", "2023-12-01", "2024-02-29", "season", "past", None),
    ("今冬", R, "今冬", "2024-12-01", "2025-02-28", "season", "planned", None),
    ("2024年冬季", R, "2024年冬季", "2024-12-01", "2025-02-28", "season", "planned", None),
    ("18世纪", R, "18世纪", "1700-01-01", "1799-12-31", "century", "past", None),
    ("上世纪80年代", R, "上世纪80年代", "1980-01-01", "1989-12-31", "decade", "past", None),
    ("二十世纪九十年代末期", R, "二十世纪九十年代末期", "1997-01-01", "1999-12-31", "vague", "past", None),
    ("11世纪初", R, "11世纪初", "1000-01-01", "1019-12-31", "vague", "past", None),
    ("“十三五”时期", R, "“十三五”时期", "2016-01-01", "2020-12-31", "range", "past", "span"),
    ("「十四五」规划", R, "「十四五」", "2021-01-01", "2025-12-31", "range", None, "span"),
    ("十五五开局", R, "十五五开局", "2026-01-01", "2026-12-31", "year", "planned", None),
    ("十四五末", R, "十四五末", "2025-01-01", "2025-12-31", "year", "planned", None),
    ("至2030年", R, "至2030年", "2030-01-01", "2030-12-31", "year", "planned", "point"),
    ("2025年前", R, "2025年前", "2024-09-25", "2025-12-31", "range", None, "span"),
    ("二〇三五年前", R, "二〇三五年前", "2024-09-25", "2035-12-31", "range", None, "span"),
    ("明年6月之前", R, "明年6月之前", "2024-09-25", "2025-06-30", "range", None, "span"),
    ("近三个月", R, "近三个月", "2024-06-25", "2024-09-25", "range", None, "duration"),
    ("未来5年内", R, "未来5年内", "2024-09-25", "2029-09-25", "range", None, "duration"),
    ("过去的一年", R, "过去的一年", "2023-09-25", "2024-09-25", "range", None, "duration"),
    ("17天内", R, "17天内", "2024-09-25", "2024-10-12", "range", None, "duration"),
    ("两个半月以内", R, "两个半月以内", "2024-09-25", "2024-12-10", "range", None, "duration"),
    ("２０２５年３月", R, "２０２５年３月", "2025-03-01", "2025-03-31", "month", "planned", None),
    ("二〇二五年三月十五日", R, "二〇二五年三月十五日", "2025-03-15", "2025-03-15", "day", "planned", None),
    ("貳零貳伍年", R, "貳零貳伍年", "2025-01-01", "2025-12-31", "year", "planned", None),
    ("二零零三年十二月", R, "二零零三年十二月", "2003-12-01", "2003-12-31", "month", "past", None),
    ("零七年八月二十九号", R, "零七年八月二十九号", "2007-08-29", "2007-08-29", "day", "past", None),
    ("2019年6月28日下午3:00", R, "2019年6月28日下午3:00", "2019-06-28", "2019-06-28", "day", "past", None),
    ("明天下午3点至下午8点", R, "明天下午3点至下午8点", "2024-09-26", "2024-09-26", "day", "planned", "point"),
    ("2020年3月左右", R, "2020年3月左右", "2020-03-01", "2020-03-31", "month", "past", None),
    ("1-9月", R, "1-9月", "2024-01-01", "2024-09-30", "range", None, "span"),
    ("国庆节", R, "国庆节", "2024-10-01", "2024-10-01", "day", "planned", None),
    ("去年暑假", R, "去年暑假", "2023-07-01", "2023-08-31", "vague", "past", None),
    ("母亲节", R, "母亲节", "2024-05-12", "2024-05-12", "day", "past", None),
    ("上周", R, "上周", "2024-09-16", "2024-09-22", "week", "past", None),
    ("下周六", R, "下周六", "2024-10-05", "2024-10-05", "day", "planned", None),
    ("星期天", R, "星期天", "2024-09-29", "2024-09-29", "day", "planned", None),
    ("今明两年", R, "今明两年", "2024-01-01", "2025-12-31", "range", None, "span"),
    ("2022年北京冬奥会", R, "2022年", "2022-01-01", "2022-12-31", "year", "past", "name-year"),
    ("2025年全市节能降耗", R, "2025年", "2025-01-01", "2025-12-31", "year", "planned", "point"),
    ("2025年经济发展目标", R, "2025年", "2025-01-01", "2025-12-31", "year", "planned", "point"),
    ("三年前", R, "三年前", "2021-01-01", "2021-12-31", "year", "past", "point"),
    ("2021年前两个月", R, "2021年前两个月", "2021-01-01", "2021-02-28", "range", "past", "span"),
    ("今年前五个月", R, "今年前五个月", "2024-01-01", "2024-05-31", "range", "past", "span"),
]  # fmt: skip

J = "2021-06-14"
# Day lists, 前两天/前两年, first/last N years of a plan, anaphoric day words.
NEW_ROWS = [
    ("9月10号，11号，12号，13号", J, "9月10号，11号，12号，13号", "2021-09-10", "2021-09-13", "range", "planned", "span"),
    ("3月1日、5日和8日举行", R, "3月1日、5日和8日", "2024-03-01", "2024-03-08", "range", "past", "span"),
    ("2020年5月6日及7日", R, "2020年5月6日及7日", "2020-05-06", "2020-05-07", "range", "past", "span"),
    ("9月1日、2号线开通", J, "9月1日", "2021-09-01", "2021-09-01", "day", None, "point"),
    ("3月1日，5日内完成", R, "3月1日", "2024-03-01", "2024-03-01", "day", "past", "point"),
    ("3月5日、2日", R, "3月5日", "2024-03-05", "2024-03-05", "day", "past", "point"),
    ("前两天，他来到北京", J, "前两天", "2021-06-09", "2021-06-13", "vague", "past", "point"),
    ("我们前两天开会", J, "前两天", "2021-06-09", "2021-06-13", "vague", "past", "point"),
    ("前两年", J, "前两年", "2017-01-01", "2020-12-31", "vague", "past", "point"),
    ("“十四五”前两年", J, "“十四五”前两年", "2021-01-01", "2022-12-31", "range", None, "span"),
    ("十四五的前两年", J, "十四五的前两年", "2021-01-01", "2022-12-31", "range", None, "span"),
    ("十四五后三年", J, "十四五后三年", "2023-01-01", "2025-12-31", "range", "planned", "span"),
    ("前年", J, "前年", "2019-01-01", "2019-12-31", "year", "past", "point"),
    ("2025年前", J, "2025年前", "2021-06-14", "2025-12-31", "range", None, "span"),
    ("2025年前两年", J, "2025年", "2025-01-01", "2025-12-31", "year", None, "point"),
    ("当日", J, "当日", "2021-06-14", "2021-06-14", "day", None, "anaphoric"),
    ("当天下午3点", J, "当天下午3点", "2021-06-14", "2021-06-14", "day", None, "anaphoric"),
    ("当晚", J, "当晚", "2021-06-14", "2021-06-14", "day", None, "anaphoric"),
    ("当晚十时", J, "当晚十时", "2021-06-14", "2021-06-14", "day", None, "anaphoric"),
    ("当日午夜", J, "当日午夜", "2021-06-14", "2021-06-14", "day", None, "anaphoric"),
    ("次日", J, "次日", "2021-06-15", "2021-06-15", "day", "planned", "anaphoric"),
    ("翌日凌晨", J, "翌日凌晨", "2021-06-15", "2021-06-15", "day", "planned", "anaphoric"),
    ("第二天", J, "第二天", "2021-06-15", "2021-06-15", "day", "planned", "anaphoric"),
    ("第三天上午", J, "第三天上午", "2021-06-16", "2021-06-16", "day", "planned", "anaphoric"),
    ("第七年", J, "第七年", "2027-01-01", "2027-12-31", "year", "planned", "anaphoric"),
    ("13:20~次日05:40", J, "13:20~次日05:40", "2021-06-14", "2021-06-15", "range", None, "anaphoric"),
    ("夜间至次日上午", J, "夜间至次日上午", "2021-06-14", "2021-06-15", "range", None, "anaphoric"),
    # a written day makes 次日/当天 definite
    ("3月5日13:20至次日05:40", J, "3月5日13:20至次日05:40", "2021-03-05", "2021-03-06", "range", "past", "span"),
    ("6月10日当天", J, "6月10日当天", "2021-06-10", "2021-06-10", "day", "past", "point"),
    ("当天（12日）下午", J, "当天（12日）下午", "2021-06-12", "2021-06-12", "day", "past", "point"),
]  # fmt: skip

OWN_NONE = [
    "2月30日", "2025年13月", "2025年2月30日", "0月", "32日", "13月", "公元前221年", "3000年", "300亿元", "4.3万余家", "2000家",
    "12345热线", "5000辆", "(1+1+N)×2", "第二个十年", "十分之一", "一日之计", "二十一", "零点五",
    "6738538", "3个规划的主题景观公园", "10多家", "十年间", "多年来", "2016 36号文", "9号线",
    "20241399", "连续15年举办", "上午", "一周三次", "大陆队伍年轻",
    "达产后年产值将达4亿元", "提前天数",
    # 前两天 after a noun is "two days before it", not "the other day"; 当年 is generic
    "会议前两天", "提前两天", "此前两年", "当年签约、当年落地", "连续第三年举办",
    "应当日益重视", "相当天真", "上午9点至下午5点",
]  # fmt: skip


def _find(text: str, ref: str, expected) -> DateMention:
    alts = (expected,) if isinstance(expected, str) else expected
    got = find_dates(text, D(ref))
    for m in got:
        if m.text in alts:
            return m
    raise AssertionError(f"{alts} not among {[m.text for m in got]}")


@pytest.mark.parametrize(("text", "ref", "mention", "start", "end", "precision", "tense", "kind"),
                         ARTICLE_ROWS + OWN_ROWS + NEW_ROWS)  # fmt: skip
def test_rows(text, ref, mention, start, end, precision, tense, kind):
    m = _find(text, ref, mention)
    assert (m.start, m.end, m.precision) == (D(start), D(end), precision)
    if tense is not None:
        assert m.tense == tense
    if kind is not None:
        assert m.kind == kind
    assert text[m.span[0] : m.span[1]] == m.text
    assert m.ref == D(ref)


@pytest.mark.parametrize(("text", "ref"), ARTICLE_NONE + [(t, R) for t in OWN_NONE])
def test_no_mention(text, ref):
    assert find_dates(text, D(ref)) == []


@pytest.mark.parametrize(("text", "ref"), ARTICLE_DURATION_OR_NONE)
def test_duration_or_nothing(text, ref):
    assert all(m.kind == "duration" for m in find_dates(text, D(ref)))


def test_article_sentence_has_no_extra_mentions():
    text = "2月28日,在京津冀协同发展第二个十年的开局之年,由天津市宝坻区人民政府…"
    assert [m.text for m in find_dates(text, D("2025-03-01"))] == ["2月28日"]
    text = "今天(15日),2022年北京通州·河北廊坊北三县项目推介洽谈会召开"
    assert [m.text for m in find_dates(text, D("2022-06-15"))] == ["今天(15日)", "2022年"]


@pytest.mark.parametrize(("text", "ref", "edtf"), [
    ("2025年2月28日", R, "2025-02-28"),
    ("2024年9月", R, "2024-09"),
    ("2022年", R, "2022"),
    ("2019年至2021年", R, "2019/2021"),
    ("2015年1月至2016年10月", R, "2015-01/2016-10"),
    ("2017年8月11日至8月22日", R, "2017-08-11/2017-08-22"),
    ("2014年以来", "2024-02-24", "2014/2024-02-24"),
    ("2021年三季度", R, "2021-35"),
    ("2021年春季", R, "2021-21"),
    ("今冬", "2026-02-03", "2025-24"),
    ("2021年下半年", R, "2021-41"),
    ("上世纪80年代", R, "198X"),
    ("18世纪", R, "17XX"),
    ("2021年第24周", R, "2021-W24"),
    ("2020年3月左右", R, "2020-03~"),
    ("2021年年底", R, "2021-11-01/2021-12-31"),
    ("9月10号，11号，12号，13号", J, "2021-09-10/2021-09-13"),
    ("前两天", J, "2021-06-09/2021-06-13"),
    ("前两年", J, "2017/2020"),
    ("“十四五”前两年", J, "2021/2022"),
    ("13:20~次日05:40", J, "2021-06-14/2021-06-15"),
    ("十四五", R, "2021/2025"),
])  # fmt: skip
def test_edtf(text, ref, edtf):
    m = parse_date(text, D(ref))
    assert m is not None and m.edtf == edtf


@pytest.mark.parametrize(("text", "ref", "anchor"), [
    ("2023年11月29日", R, "absolute"), ("2月28日", R, "year"), ("今年", R, "year"),
    ("全年", R, "year"), ("一季度", R, "year"), ("15日", R, "month"), ("本月", R, "month"),
    ("上月", R, "month"), ("今天", R, "day"), ("昨日", R, "day"), ("去年", R, "year"),
    ("近三个月", R, "day"), ("3年内", R, "day"), ("6年前", R, "year"), ("今天(15日)", R, "month"),
    ("前两天", R, "day"), ("前两年", R, "year"), ("当日", R, "day"), ("次日", R, "day"),
    ("第七年", R, "year"), ("9月10号，11号", R, "year"),
])  # fmt: skip
def test_anchor(text, ref, anchor):
    m = parse_date(text, D(ref))
    assert m is not None and m.anchor == anchor


def test_parse_date_whole_text_only():
    assert parse_date("2018", D(R)).start == D("2018-01-01")
    assert parse_date("  24年 ", D("2021-06-14")).end == D("2024-12-31")
    assert parse_date("三三年", D("2021-06-14")).start == D("1933-01-01")
    assert parse_date("2023年11月29日召开", D(R)) is None
    assert parse_date("", D(R)) is None
    m = parse_date(" 去年 ", D(R))
    assert m.text == "去年" and m.span == (1, 3)


def test_tense_cues():
    ref = D("2025-03-01")
    assert _find("2025年,我们将继续完善", "2025-03-01", "2025年").tense == "planned"
    assert _find("2025年,我们继续完善", "2025-03-01", "2025年").tense == "ongoing"
    assert _find("2025年主要任务", "2025-03-01", "2025年").tense == "ongoing"
    assert _find("计划于2025年完成", "2025-03-01", "2025年").tense == "planned"
    assert _find("计划2024年完成", "2025-03-01", "2024年").tense == "past"
    text = "今年将建成"
    assert tense_of(D("2025-01-01"), D("2025-12-31"), ref, text, (0, 2)) == "planned"
    assert tense_of(D("2024-01-01"), D("2024-12-31"), ref, text, (0, 2)) == "past"
    assert tense_of(D("2026-01-01"), D("2026-12-31"), ref, "", (0, 0)) == "planned"


def test_mention_invariants_on_a_paragraph():
    text = ("2019年至2021年签约的124个项目中，2020年6月批复成立；预计明年6月投产，3年内年产值将达到10亿元。"
            "“十四五”期间拟建15个平台，今天(15日)召开，去年以来累计承接4.3万余家。")  # fmt: skip
    ms = find_dates(text, D("2022-06-15"))
    assert len(ms) == 7
    last = 0
    for m in ms:
        assert text[m.span[0] : m.span[1]] == m.text
        assert m.span[0] >= last and m.start <= m.end
        assert m.precision in PRECISIONS
        assert m.tense in ("past", "ongoing", "planned")
        assert m.kind in ("point", "span", "open", "duration", "name-year", "anaphoric")
        assert m.anchor in ("absolute", "year", "month", "day")
        last = m.span[1]


def test_never_raises_on_junk():
    rng = random.Random(7)
    alphabet = "0123456789一二三四五六七八九十百廿卅年月日号至到-~（）()前后今明去上下周季度半个多几近内以来起“”‘’：:. \n😀貳"
    samples = ["", " ", "\x00", "😀" * 50, "9" * 5000, "二" * 3000, "年月日" * 500, "\ud800", "1" * 8,
               "2025年" * 300, "十四五" * 100, "从" * 100 + "2020年"]  # fmt: skip
    samples += [
        "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 60))) for _ in range(3000)
    ]
    for s in samples:
        for m in find_dates(s, D(R)):
            assert s[m.span[0] : m.span[1]] == m.text and m.start <= m.end
        parse_date(s, D(R))
    assert find_dates(None, D(R)) == []  # type: ignore[arg-type]


def test_speed(capsys):
    base = ["2月28日,在京津冀协同发展第二个十年的开局之年,由天津市宝坻区人民政府主办的大会召开。",
            "预计明年6月投产,3年内年产值将达到10亿元,计划总投资额为207.88亿元的45个优质项目正式签约落户。",
            "2014年以来,我省累计承接京津转入基本单位4.3万余家,“十四五”期间拟建15个产业创新平台。",
            "距离北京不足百公里的京津中关村科技城,十年间,“从0到1”的创新策源能力不断增强。"]  # fmt: skip
    sentences = base * 250
    t0 = time.perf_counter()
    n = sum(len(find_dates(s, D(R))) for s in sentences)
    dt = time.perf_counter() - t0
    with capsys.disabled():
        print(f"\nfind_dates: {len(sentences)} sentences, {n} mentions in {dt * 1000:.1f} ms")
    assert n > 0


def test_import_time(capsys):
    code = (
        "import time;t=time.perf_counter();import desktop.core.dates;print(time.perf_counter()-t)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    with capsys.disabled():
        print(f"\nimport desktop.core.dates: {float(out.stdout) * 1000:.1f} ms")
    mods = subprocess.run([sys.executable, "-c", "import sys, desktop.core.dates; print(' '.join(sys.modules))"],
                          capture_output=True, text=True, check=True).stdout.split()  # fmt: skip
    assert not {"jieba", "pandas", "PySide6"} & set(mods)


# ---------------------------------------------------------------- numerals
@pytest.mark.parametrize(("text", "value"), [
    ("二〇二五", 2025), ("十二", 12), ("二十一", 21), ("两", 2), ("廿", 20), ("廿一", 21), ("卅", 30),
    ("十", 10), ("一百零五", 105), ("两百", 200), ("２０２５", 2025), ("貳零貳伍", 2025), ("拾", 10),
    ("壹佰", 100), ("玖", 9), ("2024", 2024), ("零", 0), ("年", None), ("", None), ("十十", None),
])  # fmt: skip
def test_to_int(text, value):
    assert to_int(text) == value


def test_digit_string_and_ranges():
    assert digit_string("零七") == "07"
    assert digit_string("二〇二五") == "2025"
    assert digit_string("十二") is None
    assert to_int_range("二十几") == (21, 29)
    assert to_int_range("几十") == (20, 90)
    assert to_int_range("几") == (2, 9)
    assert to_int_range("三四") == (3, 4)
    assert to_int_range("五") == (5, 5)


def test_normalize_keeps_length_and_words():
    for s in ["２０２５年３月（１５日）", "貳零貳伍年", "队伍建设", "大陆", "壹月"]:
        assert len(normalize(s)) == len(s)
    assert normalize("２０２５年３月（１５日）") == "2025年3月(15日)"
    assert normalize("貳零貳伍年") == "二零二五年"
    assert normalize("队伍建设") == "队伍建设"
