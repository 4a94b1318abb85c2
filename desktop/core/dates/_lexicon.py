"""Vocabulary and compiled regexes of the date grammar (words, numerals, cue lists)."""

from __future__ import annotations

import re
from functools import cache

from desktop.core.resources import resource_path, rows_of, word_list


@cache
def _relative_words() -> dict[str, dict[str, int]]:
    """``resources/cues/date_relative.tsv``: table -> word -> offset, in file order."""
    found: dict[str, dict[str, int]] = {}
    for line in resource_path("cues", "date_relative.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            table, word, offset = line.split("\t")
            found.setdefault(table, {})[word] = int(offset)
    return found


def _relative(table: str) -> dict[str, int]:
    return dict(_relative_words()[table])


@cache
def _blocker_table() -> dict[str, str]:
    rows = resource_path("cues", "date_blockers.tsv").read_text(encoding="utf-8").splitlines()
    return {row.split("\t")[0]: row.split("\t")[1] for row in rows if row.strip() and not row.startswith("#")}


def _blockers(name: str) -> str:
    """Characters of ``resources/cues/date_blockers.tsv`` (escaped for a character class)."""
    return "".join(re.escape(ch) if ch in "]\\^-" else ch for ch in _blocker_table()[name])



# ---------------------------------------------------------------- vocabulary
CN = "〇零一二两三四五六七八九十百廿卅仨俩"
N = rf"(?:\d+|[{CN}]+)"
# counts may be vague, and run to thousands (一千三百多年前: not 三百多年前)
NF = rf"(?:\d+|[{CN}几千]+)"
WD = "一二三四五六日天"  # weekday characters (日/天 = Sunday)

REL_DAY = _relative("REL_DAY")
# 今（30）日, 昨（29）日: the relative day with its day of month in brackets
PAREN_REL = _relative("PAREN_REL")
REL_YEAR = _relative("REL_YEAR")
# 当年 alone is generic in news (当年签约、当年落地); only 当年3月, 当年年底 … are dates
YEAR_NEEDS_PART = frozenset(("当年",))
# Words that take the date of what the text was just talking about (当时17岁, 此时, 到那时):
# kind "antecedent", resolved by the caller against the latest dated event before them.
ANTECEDENT = word_list("cues", "date_antecedent_words.txt")
BEFORE_COMMON_ERA = tuple(word_list("cues", "date_before_common_era.txt"))
REL_MONTH = _relative("REL_MONTH")
REL_QUARTER = _relative("REL_QUARTER")
# Anaphoric day words: the day (or the next day) of an event the story is talking about.  They
# are resolved against ``ref`` and marked kind "anaphoric" for the caller to re-resolve.
ANA_DAY = _relative("ANA_DAY")
# "the other day" / "a couple of years back": 前两天, 前两年 standing alone (see VAGUE_PAST_LEFT)
VAGUE_PAST = {"天": (1, 5), "年": (1, 4)}
SEASON = {"春": 0, "夏": 1, "秋": 2, "冬": 3}
REL_SEASON = _relative("REL_SEASON")
# 早些时候 before 早: 当天早些时候 is earlier that day, not 当天早 and a title 些时候
TOD = (
    "早些时候|晚些时候|稍早时候|稍晚时候|上午|下午|中午|晚上|早上|早晨|凌晨|傍晚|夜间|夜里|夜晚|黎明|午夜|后半夜|前半夜|下半夜|"
    "上半夜|半夜|深夜|清晨|白天|晚间|早间|午后|早|晚|夜"
)


def _alt(words) -> str:
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


def _load_holidays() -> dict[str, str]:
    return dict(row.split("=", 1) for row in word_list("cues", "date_holidays.txt"))


HOLIDAYS = _load_holidays()
def _load_recent() -> tuple[dict[str, int], dict[str, str], dict[str, re.Pattern[str]]]:
    """``date_recent.txt``: word -> days; word -> the characters it may not stand before (``!``);
    word -> what may not come before it in its clause (``~`` characters, unless the character
    before one of them is in the ``^`` list, which makes it part of another word)."""
    days, not_next, not_after = {}, {}, {}
    for entry, *rest in rows_of("cues", "date_recent.txt"):
        word, count = entry.split("=", 1)
        days[word] = int(count)
        fields = {field[0]: field[1:] for field in rest if field[0] in "!~^"}
        if fields.get("!"):
            not_next[word] = fields["!"]
        if fields.get("~"):
            inside = f"(?<![{re.escape(fields['^'])}])" if fields.get("^") else ""
            not_after[word] = re.compile(rf"{inside}[{re.escape(fields['~'])}][^，,。；;！!？?\n]*$")
    return days, not_next, not_after


RECENT, RECENT_NOT_NEXT, RECENT_NOT_AFTER = _load_recent()
#: how far back in its clause a recent word looks for what may not come before it
RECENT_CLAUSE_BACK = 12
HORIZONS = word_list("cues", "date_horizon_prefixes.txt")
NAME_SUFFIXES = word_list("cues", "name_suffixes.txt")
NAME_NOT = word_list("cues", "date_name_not_words.txt")
NAME_BREAKERS = frozenset("".join(word_list("cues", "date_name_breakers.txt")))
BARE_DAY_STOPS = "".join(word_list("cues", "date_bare_day_stops.txt"))
HAO_VERBS = tuple(word_list("cues", "date_hao_verbs.txt"))
HAO_NAME_CLOSE = frozenset(_blocker_table()["HAO_NAME_CLOSE"])
HAO_ORDINAL_LEFT = frozenset(_blocker_table()["HAO_ORDINAL_LEFT"])
HAO_DAY_LEFT = frozenset(_blocker_table()["HAO_DAY_LEFT"])
HAO_DAY_NEXT = frozenset(_blocker_table()["HAO_DAY_NEXT"])

# ---------------------------------------------------------------- regexes
_C = re.compile
# 前年/后年/前天/后天 after a word that takes 前/后 as a postposition (达产后年产值, 提前天数)
_POSTPOSITION = _blockers("POSTPOSITION")
_AMBIGUOUS = rf"(?<![{_POSTPOSITION}])(?=[前后][年天]|前[日晚])|(?![前后][年天]|前[日晚])"
# 明天/明日/明早 not inside a word ending in 明 (光明日报, 文明, 说明, 透明)
_MING_LEFT = f"(?=明)(?<=[{_blockers('MING_LEFT_CHARS')}])"
# 前日 is the day before yesterday, but not in 前日本首相 (the former Japanese …)
# 今起 is from today, but not in 至今起着作用 or 如今起步; 今日 is today, but not in 如今日本
_JIN_LEFT = f"[{_blockers('JIN_LEFT')}](?=今起)|[{_blockers('JIN_DAY_LEFT')}](?=今[日天])"
REL_DAY_RE = _C(rf"(?:{_AMBIGUOUS})(?<!{_MING_LEFT})(?<!{_JIN_LEFT})(?:{_alt(REL_DAY)})(?!候)(?!(?<=前日)本)")
PAREN_REL_RE = _C(rf"(?P<w>[{''.join(PAREN_REL)}])\s*\(\s*(?P<n>\d{{1,2}}|[{CN}]{{1,3}})\s*\)\s*[日号]")
# 上年 (last year) not inside a verb with 上 (马上年底, 赶上年末, 登上年度…) nor before a word
# starting with 年 (北上年轻人, 上年纪, 买上年货, 吃上年夜饭, 线上年会…)
_UP_LEFT = _blockers("UP_LEFT")
_UP_NEXT = _blockers("UP_NEXT")
_UP_YEAR = rf"(?<![{_UP_LEFT}])(?=上年(?![{_UP_NEXT}]))|(?!上年)"
# 去年 after 过 is last year in 超过去年, but not in 过去年代 (past eras); 同年 not in 同年龄/同年级
# 新的一年 / 新一年: the year just begun, or the coming one when said from November on
NEW_YEAR_RE = _C(r"新的?一年(?![级度])")
# a 年 that starts the next word: 年龄 after any of them (这一年龄段, 同年龄), 年级 and 年纪 after
# 同年 and 这一年 / 那一年 (这一年级的学生), not after 今年 (今年级别最高, 今年纪念活动); 年轻,
# 年化, 年限 after 是年/同年/该年 (不仅是年轻人, 指标是年化日均存款)
REL_YEAR_RE = _C(rf"(?:{_AMBIGUOUS})(?:{_UP_YEAR})(?:{_alt(REL_YEAR)})(?!代(?<=过去年代))(?!龄)"
                 r"(?!(?<=同年|一年)[级纪])"
                 rf"(?!(?<=是年|同年|该年)[{_blockers('DISCOURSE_YEAR_NEXT')}])"
                 r"(?<![相应充适担恰理正妥每]当年)")
# 本年度/上年度/今年度 (not 今年度过, 今年度假); 去年同期/上年同期 (the comparison base)
YEAR_DU_RE = _C(r"度(?![过假日])")
SAME_PERIOD_RE = _C(r"同期")
# 上上个月, 下下个季度, 上上年: each repeated 上/下 one more unit (weeks: WEEK_RE)
REPEAT_RE = _C(r"上{2,}|下{2,}")
REL_MONTH_RE = _C(_alt(REL_MONTH))
REL_QUARTER_RE = _C(rf"(?P<w>{_alt(REL_QUARTER)})(?P<qp>末|初)?")
TWO_YEARS_RE = _C("今明两年")
PAREN_DAY_RE = _C(rf"\(\s*(?:(?P<mo>{N})月)?(?P<n>{N})[日号]\s*\)")
YEAR_RE = _C(
    # 二00二年: a year in characters typed with the digit 0 for 〇
    r"(?P<y>\d{4}|\d{2}|(?=[0-9]*[〇零一二三四五六七八九])[〇零一二三四五六七八九0]{4}|[〇零一二三四五六七八九]{2})"
    r"(?: (?=年))?(?:年度|年份|年)"
)
BARE_YEAR_RE = _C(r"(?P<y>\d{4}|[〇零一二三四五六七八九]{4})(?![\d年])")
# 两 counts (前两月 is two months) but never names a month; 10月龄 is an age in months
MONTH_RE = _C(rf"(?!两)(?P<n>{N})(?: (?=月))?(?:月份|月)(?![份龄])")
DAY_RE = _C(rf"(?P<n>{N})(?: (?=[日号]))?(?P<u>日|号)")
BARE_DAY_RE = _C(
    r"(?P<n>[一二三四五六七八九十廿卅]{1,3})(?=$|[\s,.;:!?)\]、，。；！？~\-—至到起前])"
)
# an Arabic bare day (10月22出生): not followed by a digit, a decimal, a unit or a measure word
BARE_DAY_NUM_RE = _C(rf"(?P<n>\d{{1,2}})(?!\d|\.\d|[%‰℃°A-Za-z_/{BARE_DAY_STOPS}])")
_BLOCK = _blockers("BLOCK")
# 年中 (mid-year) not the start of a word (2024年中国, 今年中秋, 年中考, 年中小企业…)
_MID_BLOCK = _blockers("MID_BLOCK")
# after a year without a second 年 (2023年中, 今年中) 年中 must end the phrase: 2023年中，
# relative years that take 年中 without a second 年 (今年中, 去年中; not 这一年中 "during the year")
MID_YEAR_WORDS = frozenset(("今年", "去年", "明年", "前年", "后年", "上年"))
MID_OK_RE = _C(r"$|[\s，,。；;：:！!？?、)\]”\"]|以来|以前|之前|前后|左右|时|开始|起|至|到")
# 年终 not in a series or an appraisal (年终奖, 年终总结, 年终经济观察)
_YEAR_END_NOT = "奖|总结|考核|盘点|述职|决算|评|报|回顾|经济|专|特|大|综|汇|结|岁末"
# a holiday name inside a place or an institution's name (五一路, 国庆广场, 元旦小学), a food
# (清明果), a name ending in 年 whose 年 starts the next word (最小年龄, 小年轻), or 韩国庆尚北道
_HOLIDAY_NOT_NEXT = "[路街村桥站镇乡巷龄轻果尚]|广场|大道|大街|公园|小学|中学|大学|劳动奖|奖章|剧场|大厦"
_LUNAR_MONTH = "正|冬|腊|十一|十二|[一二三四五六七八九十]"
_LUNAR_DAY = "初[一二三四五六七八九十]|二十[一二三四五六七八九]?|廿[一二三四五六七八九]|十[一二三四五六七八九]|三十|十五"
LUNAR_MONTHS = {"正": 1, "冬": 11, "腊": 12}
#: a day of the lunar calendar named by its month and day as YPART_RE reads one (农历八月十五,
#: 正月初三, 腊月二十八, 大年初一; not 十月二十日, a solar date in numerals)
LUNAR_DAY_RE = re.compile(rf"(?:农历|阴历)(?:{_LUNAR_MONTH})月(?:{_LUNAR_DAY})|(?:正|腊)月(?:{_LUNAR_DAY})|大年初")
# 半年内, 数年内: 年 is counted years, not the start of a part of this year
YEAR_PART_COUNT_LEFT = frozenset(_blockers("YEAR_PART_COUNT_LEFT"))
YPART_RE = _C(
    r"(?P<hy>[上下])半年|H(?P<hy2>[12])(?![0-9A-Za-z])"
    rf"|(?P<ny>年)?(?P<yw>初|底|末|内|终(?!{_YEAR_END_NOT}))(?![{_BLOCK}])"
    r"|(?P<yi>伊始|开局之年|开局|收官之年|收官|全年)"
    rf"|(?P<nym>年)?(?P<mid>中)(?![{_MID_BLOCK}])"
    r"|(?P<ss>入[春夏秋冬]|开春)(?=以来)"
    r"|(?:第)?(?P<q>[一二三四1-4])个?季度(?P<qp>末|初)?"
    r"|首季度?(?P<qp1>末|初)?"
    r"|Q(?P<q2>[1-4])(?:季度)?"
    r"|前(?P<fq>[一二三两23])个?季度"
    rf"|(?P<fl>前|后)(?P<nm>{N})个?月份?"
    r"|(?P<first>首月)"
    rf"|第(?P<ordm>{N})个月"
    rf"|第(?P<ordd>{N})天"
    rf"|第(?P<ordw>{N})个?(?:周|星期|礼拜)"
    r"|(?P<sea>[春夏秋冬])(?:季|天)"
    rf"|(?:农历|阴历)?(?P<hol>{_alt(HOLIDAYS)})(?P<hp>期间)?(?!{_HOLIDAY_NOT_NEXT})"
    rf"|(?:农历|阴历)(?P<lm>{_LUNAR_MONTH})月(?P<ld>{_LUNAR_DAY})"
    rf"|(?:农历|阴历)?(?P<lm2>正|腊)月(?P<ld2>{_LUNAR_DAY})|(?:农历|阴历)?大年(?P<ld3>初[一二三四五六七八九十])"
)
MPART_RE = _C(
    r"(?P<xun>上中|中下|[上中下])旬"
    rf"|(?P<mw>月初|月中|月底|月末|初|底|末)(?![{_BLOCK}])"
    rf"|(?P<fl>前|最后|后)(?P<nd>{N})天"
    rf"|的?第(?P<wk>{N})个?(?:周|星期|礼拜)(?P<wd>[{WD}])?(?!期|年)"
)
WEEK_RE = _C(
    rf"(?P<r>上+|下+|这|本)(?:个|一)?(?:周|星期|礼拜)(?:(?P<we>末)|(?P<wb>初))?(?!期|年|边|岁|刊|报|末)"
    rf"(?:(?:周|星期|礼拜)?(?P<wd>[{WD}]))?"
    rf"|(?<![每隔一两几数])(?:周|星期|礼拜)(?P<wd2>[{WD}])"
)
SEASON_RE = _C(r"(?P<r>[今去明])(?P<s>[春夏秋冬])(?!天|季|节|风|雨|装|令|运|耕|播|种|游)")
PLAN_RE = _C(
    r"(?P<q>[“‘\"「『])?十(?P<n>[一二三四五六七八九])五(?P<qc>[”’\"」』])?"
    r"(?![个人家岁天年分元万亿次名位项米吨倍条只辆号日月度%])"
)
PLAN_TAIL_RE = _C(
    r"(?:期间|时期|规划期)?"
    rf"(?:(?P<p>开局之年|开局|收官之年|收官|末期|末|初期)|的?(?P<fl>前|头|后)(?P<fn>{N})个?年(?![代度级]))?"
)
QUOTES = {"“": "”", "‘": "’", '"': '"', "「": "」", "『": "』"}
_CENTURY_LEFT = _blockers("CENTURY_LEFT")
CENT_RE = _C(
    rf"(?:(?P<rel>上个?|本|这个|下个?)|(?<![{_CENTURY_LEFT}])(?P<c>{N}))世纪(?:(?P<d>{N})年代)?"
    rf"(?P<p>初期|初|前期|早期|中期|中叶|末期|末|后期|晚期|上半叶|下半叶)?(?![{_BLOCK}])"
    r"(?!经济|网|报|大道|公园|坛|城|广场|大厦|酒店|中学|小学|公司|集团|出版)"  # 21世纪经济报道: a name
)
DECADE_RE = _C(
    r"(?P<d>(?:1[5-9]|20)\d0|\d0|[一二三四五六七八九]十)年代(?P<p>初期|初|前期|早期|中期|末期|末|后期|晚期)?"
)
NUM_YMD_RE = _C(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:(?!\d)|(?=\d{1,2}:))")
# 20240925, not an ICP or licence number (苏ICP备13020714号)
NUM_YMD8_RE = _C(r"(?<![备证])((?:19|20)\d\d)(\d{2})(\d{2})(?![\dA-Za-z_号])")
NUM_YMD_SP_RE = _C(r"(\d{4}) (\d{1,2}) (\d{1,2})(?![\d.])")
NUM_YM_RE = _C(r"(\d{4})[-/.](\d{2})(?![\d.%万亿千百元])")
# 10-15 is October 15 unless a unit follows it (发言10-15分钟: a range of counts)
NUM_MD_RE = _C(rf"(\d{{2}})-(\d{{2}})(?![\d\-{_blockers('RANGE_UNIT')}])|(\d{{1,2}})·(\d{{1,2}})(?!\d)|(\d{{1,2}})/(\d{{1,2}})[号日]")
# 06/02/2022 (day first, as pages written in Europe and Hong Kong give it; month first when
# only that reading is a date), and 13/02 only before a clock time (13/02 13:48), since a
# bare N/N in Chinese text is a fraction (约1/4的面积)
NUM_DMY_RE = _C(r"(\d{1,2})/(\d{1,2})/(\d{4})(?![\d/])")
NUM_DM_RE = _C(r"(\d{1,2})/(\d{1,2})(?=\s+\d{1,2}:\d{2})")
# a 4-digit year without 年 before a part of the year (2004下半年, 2020前三季度) or after a
# preposition of time before punctuation or 以来/起 (截至2020，; 自2015以来)
BARE_YEAR_PART_RE = _C(r"((?:19|20)\d\d)(?=上半年|下半年|前三季度|[一二三四]季度|第[一二三四]季度|全年)")
BARE_YEAR_AFTER = ("在", "于", "到", "至", "自", "从", "截至", "截止", "直到", "直至")
BARE_YEAR_TIME_RE = _C(r"((?:19|20)\d\d)(?=\s*(?:[，,。；;、）)]|以来|起|开始|之前|以前|之后|以后))")
# 9:30 may be written 9:30分 (the minutes named), or 9:30时
HM = rf"(?:\d{{1,2}}:\d{{2}}(?::\d{{2}})?[时分]?|{N}(?:点钟?|时)(?:{N}(?:分钟?|刻|秒)?|半|整)*)"
CLK = rf"(?:{TOD})?\s*{HM}(?:许|左右)?"
CLK_START = rf"(?:(?:{TOD})?\s*(?:{HM}(?:许|左右)?|{N}(?=\s*[~\-至到]\s*(?:{TOD})?\s*{N}\s*[点时:]))|(?:{TOD}))"
CLOCK_RE = _C(rf"\s*-?\s*{CLK_START}(?:\s*[~\-至到—]+\s*{CLK})?")
WEEKDAY_AFTER_RE = _C(rf"\s*[,，(]?\s*(?:周|星期|礼拜)[{WD}]\)?")
CONN_RE = _C(r"\s*(?:至|到|—+|-+|~)\s*")
# 自9月29日开始，至10月10日结束: the start word may stand before a comma
START_WORD_RE = _C(r"(?:起|开始)(?:\s*[，,])?(?=\s*(?:至|到))")
STOP_RE = _C(r"止|为止|结束")
AFTER_RE = _C(r"之后|以后")
NOW_RE = _C(r"今(?![年天日后晚早晨春夏秋冬])")
OPEN_RE = _C(r"以来|起(?![草步飞诉点源来到着航跑])|开始")
DEADLINE_RE = _C(r"之前|以前|前(?![往来夕进行景列期身任沿线端述提后三四五六七八九十两一二几\d])")
APPROX_RE = _C(r"左右|前后|许")
FROM_RE = _C(r"从|自")
HORIZON_RE = _C(rf"(?<!截)(?:{_alt(HORIZONS)})")
COUNT_RE = _C(
    # not the 近 of 附近/邻近/靠近/接近/临近 (日惹市附近27日早晨发生的地震: the 27th, near a place)
    r"(?P<pre>(?<![附邻靠接临])近|最近|过去的?|未来的?|今后的?|接下来的?|往后的?|此后|其后)?"
    rf"(?<![{CN}千])(?P<n>{NF})(?P<ge>个)?(?P<h1>半)?(?P<mo1>多)?"  # not inside a numeral: 两千|三百年前
    r"(?P<u>年|月|天|日|周|星期|礼拜|季度|工作日)(?P<h2>半)?(?P<mo2>多)?"
    r"(?P<suf>以来|来|以内|之内|内|之前|以前|前|之后|以后|后)?"
)
# A state word before 第N天 makes it the count of a state (中断进入第三天, 今天已经是第21天: the
# day it is said on, not a day after the one in context; 大轰炸的第二天 stays one). The words are
# those the event layer reads between a happening and its count (今天是春运第六天).
_STATE_LEFT = "".join(f"(?<!{re.escape(word)})" for word in word_list("cues", "day_count_state_words.txt"))
# anaphoric day words; 当 not inside 相当/应当/担当…, 第N天/第N年 not after 连续 (a count), 第N天 not
# after a state word
ANA_RE = _C(
    r"(?<![相应充适担恰理正妥每])(?:当日(?![益渐趋常])|当天(?![然气空才]|使(?!用))|当晚|当夜)"
    r"|(?<![共相协])同日|同一[天日]|次日|翌日|隔日|隔天|(?:(?<=[此其])|(?<![\u4e00-\u9fff]))前一[天日]"
    rf"|(?<!连续)(?<![前后至到]){_STATE_LEFT}第(?P<nd>{N})[天日](?![报])|(?<!连续)第(?P<ny>{N})年(?![代度级])"
)
SAME_DAY_RE = _C(r"当日(?![益渐趋常])|当天(?![然气空才]|使(?!用))|当晚|当夜")
# a clock or part of the day, then a connector: the left end of 13:20~次日05:40, 夜间至次日上午
CLOCK_LEFT_RE = _C(
    rf"(?:(?:{TOD})\s*)?{HM}(?:许|左右)?\s*(?:至|到|—+|-+|~)\s*|(?:{TOD})\s*(?:至|到|—+|-+|~)\s*"
)
# what a bare day of a list (9月10日、11日和12日) is separated by
LIST_SEP_RE = _C(r"\s*(?:[，,、]|以及|和|及|与)\s*")
LIST_STOP_RE = _C(r"以?内|之内|以?来|之?前|以前|之?后|以后")
VAGUE_PAST_RE = _C(r"前(?P<n>两)(?P<u>天|年)(?![代度级])")
# 前两天/前两年 are "the other day / a couple of years back" only at the start of a clause or
# after a pronoun or adverb; after a noun or period (会议前两天, “十四五”前两年) they are not.
VAGUE_PAST_LEFT = frozenset(
    ' \t\n，,。.；;：:！!？?（(【[、“"‘《他她它我你们咱就也都还才刚已曾早而但又'
)
# 近日/日前/不久前 …: not 5日前 (a count), 节日前 / 生日前 (before a day named by a word), 近日内
_RECENT_LEFT = _blockers("RECENT_LEFT")
RECENT_RE = _C(
    rf"(?<![\d{CN}几{_RECENT_LEFT}])(?:"
    + "|".join(re.escape(word) + (f"(?![{re.escape(RECENT_NOT_NEXT[word])}])" if word in RECENT_NOT_NEXT else "")
               for word in sorted(RECENT, key=len, reverse=True))
    + r")(?!来|以来|[天日])"
)
RECENT_FUTURE_RE = _C(r"内|以内|之内|\s*(?:将|拟|要|会|计划|准备|即将|有望|可望)")
# 当时/此时/届时 …, not inside 适当时, 随时, 同时 (at the same time, a conjunction)
ANTECEDENT_RE = _C(rf"(?<![适相应恰正随每按准临及堪担在])(?:{_alt(ANTECEDENT)})(?![间期候段刻辰效代令])")
# a clock or part of the day standing alone at the start of a clause (下午3时许，记者赶到):
# the day the text is talking about; not 每天上午, not a bare number
LONE_CLOCK_LEFT = frozenset(" \t\n，,。；;：:！!？?（(、“\"")
#: a bound before a date (截至下午3时，…; date_up_to.txt), longest first
UP_TO_WORDS = tuple(sorted(word_list("cues", "date_up_to.txt"), key=len, reverse=True))
#: adverbs that read as a clock time alone (一时难以控制)
LONE_CLOCK_NOT = frozenset(word_list("cues", "date_lone_clock_not.txt"))
#: the clock a time is told in (当地时间下午1时许): a time after one opens its clause too;
#: longest first, so 协调世界时 is not read as 世界时
CLOCK_LABELS = tuple(sorted(word_list("cues", "date_clock_labels.txt"), key=len, reverse=True))
#: what may stand before a clock label that opens a clause: a clause break, 于 or 在
CLOCK_LABEL_LEFT = LONE_CLOCK_LEFT | {"于", "在"}
LONE_TOD = "上午|下午|中午|晚上|早上|早晨|凌晨|傍晚|夜间|夜里|深夜|清晨|午夜|晚间|早间"
LONE_CLOCK_RE = _C(rf"(?:{LONE_TOD})\s*(?:{HM})?(?:许|左右)?|{HM}(?:许|左右)?")
BARE_LEFT_RE = _C(rf"(?P<n>{N})(?=\s*(?:至|到|—+|-+|~)\s*)")
NAME_YEAR_RE = _C(r"(?P<y>(?:19|20)\d\d)(?=[^\x00-\u2fff])")

_TRIG_WORDS = (
    list(REL_DAY) + [word for word in REL_YEAR if word != "上年"] + list(REL_MONTH)
    + list(REL_QUARTER) + list(HOLIDAYS)
    + list(HORIZONS) + ["今明两年", "上世纪", "上个世纪", "本世纪", "这个世纪", "下世纪", "下个世纪",
    "近", "最近", "过去", "未来", "今后", "接下来", "往后", "此后", "其后", "从", "自", "上半年", "下半年", "年初",
    "年底", "年末", "年内", "首季", "第", "Q", "H", "今春", "今夏", "今秋", "今冬", "去春", "去夏",
    "去秋", "去冬", "明春", "明夏", "明秋", "明冬", "春季", "夏季", "秋季", "冬季", "春天", "夏天",
    "秋天", "冬天", "入春", "入夏", "入秋", "入冬", "开春", "农历", "阴历", "正月", "腊月", "大年", "年终", "新的一年", "新一年"]
    + list(ANA_DAY) + list(RECENT) + list(ANTECEDENT)
)  # fmt: skip
# Zero-width (a lookahead) so that overlapping triggers all count: in 超过去年, the
# trigger 过去 must not hide the trigger 去年 that starts inside it.
TRIGGER_RE = _C(
    rf"(?=(?<![\d{CN}几])[\d{CN}几]|[“‘\"「『](?=十)|前(?=[一二三两23]个?季度|两[天年]|{N}个?月)"
    r"|(?:上+|下+|这|本)(?:个|一)?(?:周|星期|礼拜)|(?:周|星期|礼拜)(?=[一二三四五六日天])"
    rf"|{_alt(_TRIG_WORDS)}"
    rf"|上(?=上|年)|下(?=下)|(?<![\d{CN}几多半每这那全整当同本近历往些])年中|(?<![每天日])(?:{LONE_TOD})"
    rf"|(?:{TOD})(?=[\s\d{CN}点时:分钟刻秒半整许左右]*(?:至|到|~|-|—))|[今昨明](?=\s*\())"
)

# The characters a trigger can start with (every alternative of TRIGGER_RE above): the scan
# looks for these first, a fast character-set search, and tries TRIGGER_RE only there.
_TRIGGER_FIRST = (
    set(CN + "几“‘\"「『前上下这本周星礼年今昨明")
    | {word[0] for word in _TRIG_WORDS}
    | {word[0] for word in TOD.split("|")}
    | {word[0] for word in LONE_TOD.split("|")}
)
TRIGGER_FIRST_RE = _C(rf"[\d{re.escape(''.join(sorted(_TRIGGER_FIRST)))}]")
