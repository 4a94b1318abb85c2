"""Table tests for desktop.core.text.amounts."""

from __future__ import annotations

import random

import pytest

from desktop.core.text.amounts import Amount, find_amounts, format_amount

# (text, [(amount text, kind, value, unit, bound), ...]) — the full expected list, in order
CASES: list[tuple[str, list[tuple[str, str, float, str, str]]]] = [
    ("计划总投资额为207.88亿元的45个优质项目", [
        ("207.88亿元", "money", 20788000000.0, "CNY", "exact"),
        ("45个优质项目", "count", 45.0, "项目", "exact"),
    ]),
    ("意向投资额超300亿元", [("超300亿元", "money", 3e10, "CNY", "lower")]),
    ("意向投资额约280.66亿元", [("约280.66亿元", "money", 28066000000.0, "CNY", "approx")]),
    ("意向投资额超千亿元", [("超千亿元", "money", 1e11, "CNY", "lower")]),
    ("意向投资额累计1080亿元", [("1080亿元", "money", 1.08e11, "CNY", "exact")]),
    ("累计承接京津转入基本单位4.3万余家", [("4.3万余家", "count", 43000.0, "家", "lower")]),
    ("300多名京津两地政府、企业代表", [("300多名", "count", 300.0, "名", "lower")]),
    ("500余位嘉宾再聚津城", [("500余位", "count", 500.0, "位", "lower")]),
    ("共签约合作项目53个", [("53个", "count", 53.0, "个", "exact")]),
    ("37个合作项目签约", [("37个合作项目", "count", 37.0, "项目", "exact")]),
    ("累计签约项目161个", [("161个", "count", 161.0, "个", "exact")]),
    ("此次计划投资1.2亿元", [("1.2亿元", "money", 1.2e8, "CNY", "exact")]),
    ("年产能5000辆", [("5000辆", "count", 5000.0, "辆", "exact")]),
    ("产值15亿元", [("15亿元", "money", 1.5e9, "CNY", "exact")]),
    ("完成 8亿元 共同增资", [("8亿元", "money", 8e8, "CNY", "exact")]),
    ("完成 8 亿元", [("8 亿元", "money", 8e8, "CNY", "exact")]),
    ("协助企业融资近7000万元", [("近7000万元", "money", 7e7, "CNY", "approx")]),
    ("提供信贷支持超1.8亿元", [("超1.8亿元", "money", 1.8e8, "CNY", "lower")]),
    ("'科技e贷'300万元贷款", [("300万元", "money", 3e6, "CNY", "exact")]),
    ("增长14%、79.8%、35.6%、24.3%", [
        ("14%", "percent", 14.0, "%", "exact"),
        ("79.8%", "percent", 79.8, "%", "exact"),
        ("35.6%", "percent", 35.6, "%", "exact"),
        ("24.3%", "percent", 24.3, "%", "exact"),
    ]),
    ("地区生产总值增长5.1%", [("5.1%", "percent", 5.1, "%", "exact")]),
    ("项目落地率近80%", [("近80%", "percent", 80.0, "%", "approx")]),
    ("入驻率达９０％", [("９０％", "percent", 90.0, "%", "exact")]),
    ("科技城一期4.19平方公里基础设施", [("4.19平方公里", "area", 4190000.0, "m2", "exact")]),
    ("项目规划占地300亩", [("300亩", "area", 200000.0, "m2", "exact")]),
    ("规划建筑面积40万平方米", [("40万平方米", "area", 400000.0, "m2", "exact")]),
    ("市场规模1.5万亿元", [("1.5万亿元", "money", 1.5e12, "CNY", "exact")]),
    ("投资2000万美元", [("2000万美元", "money", 2e7, "USD", "exact")]),
    ("融资500万欧元", [("500万欧元", "money", 5e6, "EUR", "exact")]),
    ("投资三千万元", [("三千万元", "money", 3e7, "CNY", "exact")]),
    ("规模两千亿元", [("两千亿元", "money", 2e11, "CNY", "exact")]),
    ("总投资一百二十亿元", [("一百二十亿元", "money", 1.2e10, "CNY", "exact")]),
    ("总投资３千万元", [("３千万元", "money", 3e7, "CNY", "exact")]),
    ("总投资三千五百万元", [("三千五百万元", "money", 3.5e7, "CNY", "exact")]),
    ("投资２０亿元", [("２０亿元", "money", 2e9, "CNY", "exact")]),
    ("吞吐量可达400万人次", [("400万人次", "count", 4e6, "人次", "exact")]),
    ("突破2000家", [("突破2000家", "count", 2000.0, "家", "lower")]),
    ("今天有400多家京津企业来到现场", [("400多家京津企业", "count", 400.0, "企业", "lower")]),
    ("吸引300家以上企业", [("300家以上企业", "count", 300.0, "企业", "lower")]),
    ("带动就业2000人左右", [("2000人左右", "count", 2000.0, "人", "approx")]),
    ("不足50家", [("不足50家", "count", 50.0, "家", "upper")]),
    ("投资额在1亿元以下", [("1亿元以下", "money", 1e8, "CNY", "upper")]),
    ("近百家企业", [("近百家企业", "count", 100.0, "企业", "approx")]),
    ("数十家企业", [("数十家企业", "count", 10.0, "企业", "lower")]),
    ("百余个服务事项", [("百余个", "count", 100.0, "个", "lower")]),
    ("提高2.3个百分点", [("2.3个百分点", "percent", 2.3, "百分点", "exact")]),
    ("占比百分之二十", [("百分之二十", "percent", 20.0, "%", "exact")]),
    ("金额1,200万元", [("1,200万元", "money", 1.2e7, "CNY", "exact")]),
    ("统一三千万元", [("三千万元", "money", 3e7, "CNY", "exact")]),
    ("签约3个项目", [("3个项目", "count", 3.0, "项目", "exact")]),
    ("发布22条政策措施", [("22条", "count", 22.0, "条", "exact")]),
    # negatives: no amount at all
    ("2025年", []),
    ("2023年11月29日", []),
    ("2月28日,在京津冀协同发展", []),
    ("拨打12345热线", []),
    ("联系电话010-84883777", []),
    ("“4+1”主导产业", []),
    ("推行“654陪跑”政务服务机制", []),
    ("“十四五”规划", []),
    ("十四五个", []),
    ("最近3个月", []),
    ("第3个项目", []),
    ("党的二十届三中全会", []),
    ("打造一个中心、一批项目、一家企业", []),
    ("走进千家万户", []),
    ("京津两市", []),
    ("总投资100亿", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:20] for c in CASES])
def test_table(text: str, expected: list[tuple[str, str, float, str, str]]) -> None:
    got = find_amounts(text)
    assert [(a.text, a.kind, a.unit, a.bound) for a in got] == [
        (t, k, u, b) for t, k, _, u, b in expected
    ]
    for a, (_, _, value, _, _) in zip(got, expected, strict=True):
        assert a.value == pytest.approx(value, rel=1e-9)
        assert text[a.span[0]:a.span[1]] == a.text


def test_table_size() -> None:
    assert len(CASES) >= 35
    assert sum(1 for _, exp in CASES if not exp) >= 10


def test_left_to_right_non_overlapping() -> None:
    text = "共签约合作项目53个,意向投资额超300亿元;其中45个优质项目投资207.88亿元,落地率近80%。"
    got = find_amounts(text)
    assert [a.text for a in got] == ["53个", "超300亿元", "45个优质项目", "207.88亿元", "近80%"]
    ends = [a.span[1] for a in got]
    starts = [a.span[0] for a in got]
    assert all(e <= s for e, s in zip(ends, starts[1:], strict=False))


def _amount(kind: str, value: float, unit: str, bound: str = "exact") -> Amount:
    return Amount(text="", span=(0, 0), kind=kind, value=value, unit=unit, bound=bound)


@pytest.mark.parametrize(("amount", "expected"), [
    (_amount("money", 20788000000.0, "CNY"), "207.88亿元"),
    (_amount("money", 3e10, "CNY", "lower"), "超300亿元"),
    (_amount("money", 7e7, "CNY", "approx"), "约7000万元"),
    (_amount("money", 1.5e12, "CNY"), "1.5万亿元"),
    (_amount("money", 2e7, "USD"), "2000万美元"),
    (_amount("money", 300.0, "CNY"), "300元"),
    (_amount("count", 45.0, "项目"), "45个项目"),
    (_amount("count", 43000.0, "家", "lower"), "4.3万余家"),
    (_amount("count", 300.0, "名", "lower"), "300余名"),
    (_amount("count", 5000.0, "辆"), "5000辆"),
    (_amount("percent", 5.1, "%"), "5.1%"),
    (_amount("percent", 80.0, "%", "approx"), "约80%"),
    (_amount("area", 4190000.0, "m2"), "4.19平方公里"),
    (_amount("area", 400000.0, "m2"), "40万平方米"),
])
def test_format(amount: Amount, expected: str) -> None:
    assert format_amount(amount) == expected


def test_format_round_trip() -> None:
    for text in ("207.88亿元", "超300亿元", "4.3万余家", "45个项目", "5.1%", "4.19平方公里"):
        (a,) = find_amounts(text)
        assert format_amount(a) == text


def _junk() -> list[str]:
    rng = random.Random(7)
    return [
        "",
        "😀🎉👍" * 50,
        "1" * 10_000,
        "1" * 10_000 + "亿元",
        "一二三四五六七八九十百千万亿" * 500 + "元",
        "".join(chr(rng.randint(0x4E00, 0x9FFF)) for _ in range(20_000)),
        "".join(chr(rng.randint(0x20, 0x2FFF)) for _ in range(20_000)),
        "超约近多余以上亿元万元%%" * 200,
        "\ud800\udfff\x00",
    ]


def test_never_raises_on_junk() -> None:
    for junk in _junk():
        got = find_amounts(junk)
        assert isinstance(got, list)
        for a in got:
            assert junk[a.span[0]:a.span[1]] == a.text
            assert isinstance(format_amount(a), str)
    assert find_amounts(None) == []  # type: ignore[arg-type]


def test_speed_one_megabyte() -> None:
    import sys
    import time
    from pathlib import Path

    seeds = Path(__file__).resolve().parents[1] / "seeds"
    text = "".join(p.read_text(encoding="utf-8") for p in sorted(seeds.glob("*.txt")))
    if not text:
        text = "意向投资额超300亿元,签约项目53个,增长5.1%。" * 10
    big = text * (1_000_000 // len(text.encode("utf-8")) + 1)
    find_amounts("3个")  # load the cue files first
    start = time.perf_counter()
    found = find_amounts(big)
    elapsed = time.perf_counter() - start
    print(f"\nfind_amounts: {len(big.encode('utf-8')) / 1e6:.2f} MB, {len(found)} amounts, "
          f"{elapsed:.3f} s", file=sys.stderr)
    assert found
