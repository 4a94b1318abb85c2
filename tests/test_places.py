"""Tests of the place gazetteer, the matcher and the jieba dictionaries."""

from __future__ import annotations

import collections
import itertools
import logging
import time

import pytest

from desktop.core.resources import resource_path
from desktop.core.text import places
from desktop.core.text.places import PlaceMention, find_places, hierarchy, place_names

BEIJING_DISTRICTS = [
    "东城区", "西城区", "朝阳区", "丰台区", "石景山区", "海淀区", "门头沟区", "房山区",
    "通州区", "顺义区", "昌平区", "大兴区", "怀柔区", "平谷区", "密云区", "延庆区",
]  # fmt: skip
TIANJIN_DISTRICTS = [
    "和平区", "河东区", "河西区", "南开区", "河北区", "红桥区", "东丽区", "西青区",
    "津南区", "北辰区", "武清区", "宝坻区", "滨海新区", "宁河区", "静海区", "蓟州区",
]  # fmt: skip
HEBEI_CITIES = [
    "石家庄市", "唐山市", "秦皇岛市", "邯郸市", "邢台市", "保定市",
    "张家口市", "承德市", "沧州市", "廊坊市", "衡水市",
]  # fmt: skip
# county-level units per Hebei city (districts + counties + county-level cities)
HEBEI_COUNTY_COUNTS = {
    "石家庄市": 22, "唐山市": 14, "秦皇岛市": 7, "邯郸市": 18, "邢台市": 18, "保定市": 24,
    "张家口市": 16, "承德市": 11, "沧州市": 16, "廊坊市": 10, "衡水市": 11,
}  # fmt: skip


def names(text: str) -> list[str]:
    return [m.name for m in find_places(text)]


# ---- data file ---------------------------------------------------------------------


def test_tsv_is_well_formed() -> None:
    lines = resource_path("gazetteer", "places.tsv").read_text(encoding="utf-8").splitlines()
    body = [ln for ln in lines if ln.strip() and not ln.startswith("#")]
    assert body[0] == "name\tlevel\tparent\taliases"
    rows = [ln.split("\t") for ln in body[1:]]
    assert all(len(r) == 4 for r in rows), [r for r in rows if len(r) != 4]
    counts = collections.Counter(r[0] for r in rows)
    assert [n for n, c in counts.items() if c > 1] == []
    all_names = set(counts)
    assert all(r[1] in places.LEVELS for r in rows)
    assert [r for r in rows if r[2] and r[2] not in all_names] == []
    # no single-character alias, no alias that is someone else's name, no shared alias
    owners: dict[str, set[str]] = collections.defaultdict(set)
    for name, _level, _parent, aliases in rows:
        for alias in filter(None, aliases.split("|")):
            assert len(alias) >= 2, (name, alias)
            assert alias not in all_names or alias == name, (name, alias)
            owners[alias].add(name)
    assert {a: o for a, o in owners.items() if len(o) > 1} == {}


def test_level_counts() -> None:
    levels = collections.Counter(p.level for p in places.all_places())
    assert levels["province"] == 34
    assert levels["city"] == 333
    # Beijing 16 + Tianjin 16 + Hebei 49 districts
    assert levels["district"] == 81
    assert levels["zone"] >= 80


def test_provinces_and_aliases() -> None:
    provinces = {p.name: p for p in places.all_places() if p.level == "province"}
    for name in (
        "北京市",
        "天津市",
        "河北省",
        "黑龙江省",
        "广西壮族自治区",
        "江西省",
        "广东省",
        "四川省",
        "香港特别行政区",
        "澳门特别行政区",
        "台湾省",
        "新疆维吾尔自治区",
    ):
        assert name in provinces
        assert provinces[name].parent is None
    assert names("北京、天津、河北、龙江、广西") == [
        "北京市",
        "天津市",
        "河北省",
        "黑龙江省",
        "广西壮族自治区",
    ]
    # single-character abbreviations never match on their own
    assert names("京津两地 冀 津城") == ["天津市"]
    assert names("在京举行") == []


def test_prefecture_short_aliases() -> None:
    text = "哈尔滨、佳木斯、南宁、南昌、深圳、资阳、赤峰"
    assert names(text) == ["哈尔滨市", "佳木斯市", "南宁市", "南昌市", "深圳市", "资阳市", "赤峰市"]
    assert hierarchy("佳木斯") == ["佳木斯市", "黑龙江省"]
    assert hierarchy("延边朝鲜族自治州") == ["延边朝鲜族自治州", "吉林省"]
    assert hierarchy("锡林郭勒盟") == ["锡林郭勒盟", "内蒙古自治区"]


# ---- BTH coverage ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("parent", "children"), [("北京市", BEIJING_DISTRICTS), ("天津市", TIANJIN_DISTRICTS)]
)
def test_municipality_districts(parent: str, children: list[str]) -> None:
    assert len(children) == 16
    for child in children:
        place = places.get_place(child)
        assert place is not None, child
        assert (place.name, place.level, place.parent) == (child, "district", parent)
    listed = [p.name for p in places.all_places() if p.parent == parent and p.level == "district"]
    assert sorted(listed) == sorted(children)


def test_hebei_cities_and_counties() -> None:
    for city in HEBEI_CITIES:
        place = places.get_place(city)
        assert place is not None and place.level == "city" and place.parent == "河北省", city
    hebei_cities = [
        p.name for p in places.all_places() if p.parent == "河北省" and p.level == "city"
    ]
    assert sorted(hebei_cities) == sorted(HEBEI_CITIES)
    per_city = collections.Counter(
        p.parent
        for p in places.all_places()
        if p.level in ("district", "county") and p.parent in HEBEI_CITIES
    )
    assert dict(per_city) == HEBEI_COUNTY_COUNTS
    assert sum(per_city.values()) == 167


@pytest.mark.parametrize(
    ("text", "name", "parent"),
    [
        ("三河市", "三河市", "廊坊市"),
        ("大厂回族自治县", "大厂回族自治县", "廊坊市"),
        ("大厂", "大厂回族自治县", "廊坊市"),
        ("香河", "香河县", "廊坊市"),
        ("宝坻", "宝坻区", "天津市"),
        ("武清", "武清区", "天津市"),
        ("通州", "通州区", "北京市"),
        ("海淀", "海淀区", "北京市"),
        ("东丽区", "东丽区", "天津市"),
        ("和平区", "和平区", "天津市"),
        ("滨海新区", "滨海新区", "天津市"),
        ("张北县", "张北县", "张家口市"),
        ("滦县", "滦州市", "唐山市"),
        ("蓟县", "蓟州区", "天津市"),
        ("石家庄市桥西区", "石家庄市桥西区", "石家庄市"),
        ("张家口桥西区", "张家口市桥西区", "张家口市"),
    ],
)
def test_county_level_examples(text: str, name: str, parent: str) -> None:
    [mention] = find_places(text)
    assert (mention.text, mention.name, mention.parent) == (text, name, parent)


# ---- zones -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "parent"),
    [
        ("雄安新区", "雄安新区", "河北省"),
        ("中关村科技园区", "中关村", "北京市"),
        ("中关村科技园区海淀园", "中关村科技园区海淀园", "海淀区"),
        ("中关村通州园", "中关村通州园", "通州区"),
        ("京津中关村科技城", "京津中关村科技城", "宝坻区"),
        ("天开园", "天开高教科创园", "南开区"),
        ("滨海—中关村科技园", "滨海—中关村科技园", "滨海新区"),
        ("滨海-中关村科技园", "滨海—中关村科技园", "滨海新区"),
        ("北三县", "北三县", "廊坊市"),
        ("燕郊高新区", "燕郊高新技术产业开发区", "三河市"),
        ("燕郊", "燕郊高新技术产业开发区", "三河市"),
        ("大厂高新技术产业开发区", "大厂高新技术产业开发区", "大厂回族自治县"),
        ("武清京津产业新城", "武清京津产业新城", "武清区"),
        ("京冀曹妃甸协同发展示范区", "京冀曹妃甸协同发展示范区", "曹妃甸区"),
        ("津冀芦台·汉沽协同发展示范区", "津冀芦台·汉沽协同发展示范区", "京津冀"),
        ("津冀芦台•汉沽协同发展示范区", "津冀芦台·汉沽协同发展示范区", "京津冀"),
        ("大兴机场临空经济区", "北京大兴国际机场临空经济区", "京津冀"),
        ("北京·沧州渤海新区生物医药产业园", "北京·沧州渤海新区生物医药产业园", "沧州渤海新区"),
        ("海河教育园区", "海河教育园区", "津南区"),
        ("中国(天津)自由贸易试验区", "中国（天津）自由贸易试验区", "天津市"),
        ("浦东新区", "浦东新区", "上海市"),
        ("两江新区", "两江新区", "重庆市"),
    ],
)
def test_zones(text: str, name: str, parent: str) -> None:
    [mention] = find_places(text)
    assert (mention.name, mention.parent) == (name, parent)
    assert mention.span == (0, len(text))


def test_regions() -> None:
    found = find_places("京津冀、长三角、珠三角、粤港澳大湾区和首都都市圈，通武廊")
    assert [(m.name, m.level) for m in found] == [
        ("京津冀", "region"), ("长三角", "region"), ("珠三角", "region"),
        ("粤港澳大湾区", "region"), ("首都都市圈", "region"), ("通武廊", "region"),
    ]  # fmt: skip


# ---- matching rules ----------------------------------------------------------------


def test_mention_fields_and_spans() -> None:
    text = "由天津市宝坻区人民政府主办"
    found = find_places(text)
    assert found == [
        PlaceMention("天津市", (1, 4), "天津市", "province", None),
        PlaceMention("宝坻区", (4, 7), "宝坻区", "district", "天津市"),
    ]
    for m in found:
        assert text[m.span[0] : m.span[1]] == m.text


def test_longest_match_wins() -> None:
    assert names("北京大兴国际机场临空经济区") == ["北京大兴国际机场临空经济区"]
    assert names("北京市海淀区中关村论坛中心") == ["北京市", "海淀区", "中关村"]
    assert names("京津中关村科技城推介会") == ["京津中关村科技城"]
    assert names("黑龙江省") == ["黑龙江省"]
    assert names("大兴安岭地区") == ["大兴安岭地区"]
    assert names("雄安新区中关村科技园") == ["雄安新区中关村科技园"]


def test_non_overlapping_left_to_right() -> None:
    found = find_places("北京通州·河北廊坊北三县项目推介洽谈会")
    assert [m.name for m in found] == ["北京市", "通州区", "河北省", "廊坊市", "北三县"]
    ends = [m.span for m in found]
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(ends))


def test_common_words_are_not_places() -> None:
    assert names("和平发展") == []
    assert names("坚持走和平发展道路") == []
    assert names("大兴土木") == []
    assert names("大兴调查研究之风") == []
    assert names("长治久安") == []
    assert names("大同小异") == []
    assert names("三明治") == []
    assert names("大城市") == []
    assert names("新华社") == []
    assert names("复兴之路") == []
    assert names("黄河的出海口") == []
    assert names("巩固安全") == []


def test_context_rules_fall_back_to_shorter_key() -> None:
    assert names("河北区域协同") == ["河北省"]
    assert names("天津市河北区") == ["天津市", "河北区"]
    assert names("大兴区") == ["大兴区"]
    assert names("长治市") == ["长治市"]
    assert [m.text for m in find_places("北京市场监管局")] == ["北京"]
    assert names("乘坐京津城际列车") == []


def test_dachang_in_project_count() -> None:
    [m] = find_places("大厂县项目10个")
    assert (m.text, m.name, m.level, m.parent) == ("大厂县", "大厂回族自治县", "county", "廊坊市")


def test_place_names_deduplicates_in_order() -> None:
    text = "宝坻区与宝坻经济开发区，宝坻、天津、北京市和天津市"
    assert place_names(text) == ["宝坻区", "宝坻经济开发区", "天津市", "北京市"]


def test_hierarchy() -> None:
    assert hierarchy("宝坻区") == ["宝坻区", "天津市"]
    assert hierarchy("宝坻") == ["宝坻区", "天津市"]
    assert hierarchy("京津中关村科技城") == ["京津中关村科技城", "宝坻区", "天津市"]
    assert hierarchy("北京·沧州渤海新区生物医药产业园") == [
        "北京·沧州渤海新区生物医药产业园", "沧州渤海新区", "沧州市", "河北省",
    ]  # fmt: skip
    assert hierarchy("大厂回族自治县") == ["大厂回族自治县", "廊坊市", "河北省"]
    assert hierarchy("北京市") == ["北京市"]
    assert hierarchy("不存在的地方") == []
    assert hierarchy("") == []


@pytest.mark.parametrize(
    "junk",
    [
        "",
        " ",
        "\x00\x01\ufffd",
        "🙂" * 50,
        "a" * 1000,
        "京",
        "\ud800",
        "区域区域",
        "——··（（",
        None,
        123,
        b"\xe5\x8c\x97",
    ],
)
def test_never_raises(junk: object) -> None:
    assert isinstance(find_places(junk), list)  # type: ignore[arg-type]
    assert isinstance(place_names(junk), list)  # type: ignore[arg-type]
    assert isinstance(hierarchy(junk), list)  # type: ignore[arg-type]


def test_speed_one_megabyte(capsys: pytest.CaptureFixture[str]) -> None:
    chunk = (
        "2月28日，在京津冀协同发展第二个十年的开局之年，由天津市宝坻区人民政府联合中关村发展集团"
        "共同主办的京津中关村科技城推介会在北京市海淀区中关村论坛中心举行，300多名京津两地政府、"
        "企业、高校代表齐聚一堂。北三县与通州区一体化高质量发展示范区建设持续推进。Some ASCII text. "
    )
    text = (chunk * (1_000_000 // len(chunk.encode("utf-8")) + 1)).encode("utf-8")[:1_000_000]
    text_str = text.decode("utf-8", errors="ignore")
    places.find_places("预热")  # load the gazetteer outside the timing
    start = time.perf_counter()
    found = find_places(text_str)
    elapsed = time.perf_counter() - start
    with capsys.disabled():
        print(
            f"\nfind_places: 1 MB ({len(text_str)} chars) in {elapsed:.3f} s, {len(found)} mentions"
        )
    assert len(found) > 10_000


# ---- jieba dictionaries ------------------------------------------------------------


def test_jieba_userdict_keeps_domain_terms_whole() -> None:
    jieba = pytest.importorskip("jieba")
    jieba.setLogLevel(logging.WARNING)
    tok = jieba.Tokenizer()
    tok.load_userdict(str(resource_path("jieba", "userdict.txt")))
    words = tok.lcut("京津中关村科技城推介会在天开高教科创园举行，培育新质生产力，服务北三县")
    for term in ("京津中关村科技城", "天开高教科创园", "新质生产力", "北三县"):
        assert term in words, words
    words = tok.lcut(
        "大厂回族自治县推动京津同城化，建设武清京津产业新城，发展低空经济和专精特新企业"
    )
    for term in ("大厂回族自治县", "京津同城化", "武清京津产业新城", "低空经济", "专精特新"):
        assert term in words, words


def test_userdict_format_and_coverage() -> None:
    lines = resource_path("jieba", "userdict.txt").read_text(encoding="utf-8").splitlines()
    entries = {}
    for line in lines:
        word, freq, pos = line.split(" ")
        assert int(freq) > 0 and pos.isalpha()
        entries[word] = pos
    assert len(entries) == len(lines)
    for term in (
        "京津冀",
        "中关村",
        "北三县",
        "新质生产力",
        "雏鹰企业",
        "瞪羚企业",
        "京数津算",
        "首席陪跑员",
    ):
        assert term in entries
    assert entries["宝坻区"] == "ns"
    assert entries["燕郊高新区"] == "ns"


def test_userdict_is_up_to_date() -> None:
    import importlib.util

    path = resource_path("jieba", "build_userdict.py")
    spec = importlib.util.spec_from_file_location("build_userdict", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    expected = module.build()
    actual = resource_path("jieba", "userdict.txt").read_text(encoding="utf-8").splitlines()
    assert actual == expected, "run resources/jieba/build_userdict.py"


def test_stopwords() -> None:
    words = resource_path("jieba", "stopwords.txt").read_text(encoding="utf-8").splitlines()
    words = [w.strip() for w in words if w.strip() and not w.startswith("#")]
    assert len(words) == len(set(words))
    for w in ("责任编辑", "分享到", "原文链接", "免责声明", "资料图", "表示", "记者", "进一步"):
        assert w in words
    for content in ("发展", "协同", "产业", "创新", "京津冀"):
        assert content not in words
