"""Table tests for desktop.core.text.orgs."""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

import pytest

from desktop.core.text.orgs import OrgMention, find_orgs, org_names

SEEDS = Path(__file__).resolve().parents[1] / "seeds"

# (text, expected org_names(text)); a tuple of lists means "any of these is acceptable"
CASES: list[tuple[str, list[str] | tuple[list[str], ...]]] = [
    ("由天津市宝坻区人民政府联合中关村发展集团共同主办",
     ["天津市宝坻区人民政府", "中关村发展集团"]),
    ("中科精数(北京)科技有限公司与三河经济开发区管委会合作建设",
     ["中科精数(北京)科技有限公司", "三河经济开发区管委会"]),
    ("北京津鸣科技有限公司与我市东丽区华明高新区管委会",
     ["北京津鸣科技有限公司", "东丽区华明高新区管委会"]),
    ("天津市发展改革委副局级领导", ["天津市发展改革委"]),
    ("京津冀国家技术创新中心和三河市政府签订合作协议",
     ["京津冀国家技术创新中心", "三河市政府"]),
    ("农业银行天津宝坻支行", ["农业银行天津宝坻支行"]),
    ("中国交通建设集团有限公司、北控水务集团有限公司分别与三河市、香河县签订合作协议",
     ["中国交通建设集团有限公司", "北控水务集团有限公司"]),
    ("由科技部批复成立", ["科技部"]),
    ("通州区教委与三河、大厂、香河三县市教育和体育局签订协议",
     (["通州区教委", "三县市教育和体育局"], ["通州区教委", "教育和体育局"], ["通州区教委"])),
    ("北京金城泰尔制药有限公司沧州分公司党支部书记", ["北京金城泰尔制药有限公司沧州分公司"]),
    ("华新绿云(集团)有限责任公司与京津科技谷产业园有限公司合作实施废铅储电池回收项目",
     ["华新绿云(集团)有限责任公司", "京津科技谷产业园有限公司"]),
    ("科峰航智电气科技(天津)有限公司总经理", ["科峰航智电气科技(天津)有限公司"]),
    ("总部在北京的海林自控科技股份有限公司将自控阀门业务板块落户到武清开发区",
     ["海林自控科技股份有限公司"]),
    ("天津市武清区人民政府、北京市海淀区人民政府承办",
     ["天津市武清区人民政府", "北京市海淀区人民政府"]),
    ("此次活动由京津两市推进京津冀协同发展领导小组办公室主办",
     ["京津冀协同发展领导小组办公室"]),
    ("北京市发展改革委党组成员、北京市协同办副主任、京津冀联合办常务副主任刘伯正表示",
     ["北京市发展改革委", "北京市协同办", "京津冀联合办"]),
    ("北京外企人力资源服务有限公司与中国天津人力资源服务产业园和平园区合作共建",
     ["北京外企人力资源服务有限公司"]),
    ("天津市文化和旅游局网站", ["天津市文化和旅游局"]),
    ("国家发展和改革委员会印发通知", ["国家发展和改革委员会"]),
    ("中华人民共和国商务部发布", ["中华人民共和国商务部"]),
    ("和平区人民政府", ["和平区人民政府"]),
    ("华为技术有限公司", ["华为技术有限公司"]),
    ("2025年天津市人民政府工作报告", ["天津市人民政府"]),
    ("宝坻区与中关村发展集团完成8亿元共同增资", ["中关村发展集团"]),
    ("北京科技大学无人机智能系统创新中心入驻科技城", ["北京科技大学无人机智能系统创新中心"]),
    ("京津中关村科技城综合服务中心", ["京津中关村科技城综合服务中心"]),
    ("赤峰市人民政府作了现场推介", ["赤峰市人民政府"]),
    ("京津冀高端装备产业链联盟、京津冀生物医药产业链联盟发布了供需信息",
     ["京津冀高端装备产业链联盟", "京津冀生物医药产业链联盟"]),
    ("北京九曜智能科技有限公司落户唐山市高新区管委会",
     ["北京九曜智能科技有限公司", "唐山市高新区管委会"]),
    ("通州区中医协会与香河县中医医院合作", ["通州区中医协会", "香河县中医医院"]),
    # generic phrases and non-names
    ("该支行负责人说", []),
    ("本公司", []),
    ("这家公司", []),
    ("北京市的某公司", []),
    ("地方政府", []),
    ("综合服务中心", []),
    ("京津两地政府", []),
    ("市区两级政府", []),
    ("构建新发展格局", []),
    ("开局之年", []),
    ("科技部门", []),
    ("提升中心城区服务能级", []),
    ("局长", []),
    ("公司", []),
    ("经国务院批准，延长2020年春节假期", ["国务院"]),
    ("经疾控中心复核，确诊为新冠肺炎病例", ["疾控中心"]),
    ("患者被送到北京同仁医院救治，后转至连江县医院", ["北京同仁医院", "连江县医院"]),
    ("北京经济技术开发区管委会与天坛医院神经外科合作", ["北京经济技术开发区管委会", "天坛医院"]),
]


def _expected_options(expected: list[str] | tuple[list[str], ...]) -> tuple[list[str], ...]:
    return expected if isinstance(expected, tuple) else (expected,)


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:20] for c in CASES])
def test_table(text: str, expected: list[str] | tuple[list[str], ...]) -> None:
    assert org_names(text) in _expected_options(expected)
    for m in find_orgs(text):
        assert text[m.span[0]:m.span[1]] == m.text


def test_table_size() -> None:
    assert len(CASES) >= 25


def test_left_to_right_non_overlapping_and_distinct() -> None:
    text = "中关村发展集团与宝坻区政府合作。中关村发展集团党委书记表示,宝坻区政府将继续支持。"
    mentions = find_orgs(text)
    assert [m.text for m in mentions] == ["中关村发展集团", "宝坻区政府", "中关村发展集团", "宝坻区政府"]
    assert all(a.span[1] <= b.span[0] for a, b in zip(mentions, mentions[1:], strict=False))
    assert org_names(text) == ["中关村发展集团", "宝坻区政府"]
    assert mentions[0] == OrgMention("中关村发展集团", (0, 7))


def test_max_length() -> None:
    text = "甲" * 40 + "有限公司"
    (m,) = find_orgs(text)
    assert len(m.text) == 25


def _junk() -> list[str]:
    rng = random.Random(11)
    return [
        "",
        "😀🎉👍" * 50,
        "1" * 10_000,
        "((((((((" * 100 + "公司" + "))))" * 100,
        "".join(chr(rng.randint(0x4E00, 0x9FFF)) for _ in range(20_000)),
        "".join(rng.choice("公司集团中心政府局与和的(（)）") for _ in range(20_000)),
        "\ud800\udfff\x00",
    ]


def test_never_raises_on_junk() -> None:
    for junk in _junk():
        got = find_orgs(junk)
        assert isinstance(got, list)
        assert isinstance(org_names(junk), list)
        for m in got:
            assert junk[m.span[0]:m.span[1]] == m.text
    assert find_orgs(None) == []  # type: ignore[arg-type]


def test_speed_one_megabyte() -> None:
    text = "".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))
    if not text:
        text = "由天津市宝坻区人民政府联合中关村发展集团共同主办。" * 10
    big = text * (1_000_000 // len(text.encode("utf-8")) + 1)
    find_orgs("预热有限公司")  # load the rule files first
    start = time.perf_counter()
    found = find_orgs(big)
    elapsed = time.perf_counter() - start
    print(f"\nfind_orgs: {len(big.encode('utf-8')) / 1e6:.2f} MB, {len(found)} names, "
          f"{elapsed:.3f} s", file=sys.stderr)
    assert found
