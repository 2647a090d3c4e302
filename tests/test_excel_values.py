"""Reading cells as the ledger holds them: days in every form sheets write, amounts in
万元 exactly, a cell of several problems, units by their 简称, ids from names."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from projledger.dates import NotADayError, day_from_excel_serial, parse_day
from projledger.excel.values import CellError, amount, day, names, split_items, yaml_number
from tests.helpers import SAMPLE_ROOT

D = dt.date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-03-05", D(2026, 3, 5)),
        ("2026/3/5", D(2026, 3, 5)),
        ("2026.3.5", D(2026, 3, 5)),
        ("2026年3月5日", D(2026, 3, 5)),
        ("3月5日", D(2026, 3, 5)),
        ("3月底", D(2026, 3, 31)),
        ("2月底前", D(2026, 2, 28)),
        ("2028年2月底", D(2028, 2, 29)),
        ("2026年3月", D(2026, 3, 31)),
        ("年底", D(2026, 12, 31)),
        ("2026年12月31日前", D(2026, 12, 31)),
    ],
)
def test_the_days_sheets_write(text: str, expected: dt.date) -> None:
    assert parse_day(text, year=2026) == expected


def test_a_month_without_its_year_needs_one() -> None:
    with pytest.raises(NotADayError, match="names no year"):
        parse_day("3月底")
    with pytest.raises(NotADayError, match="not a day that exists"):
        parse_day("13月底", year=2026)


def test_excel_serials_and_numbers_typed_as_year_and_month() -> None:
    assert day_from_excel_serial(46086) == D(2026, 3, 5)
    assert day_from_excel_serial(1) == D(1900, 1, 1)
    assert day(46387.0, None) == D(2026, 12, 31)
    assert day("46387", None) == D(2026, 12, 31)
    assert day(2026.3, None) == D(2026, 3, 31)
    assert day(2026.12, None) == D(2026, 12, 31)
    with pytest.raises(CellError, match="January or"):
        day(2026.1, None)


@pytest.mark.parametrize(
    ("value", "unit", "expected"),
    [
        (1.1, "亿元", Decimal(11000)),
        ("12.8", "亿元", Decimal(128000)),
        ("0.12345亿元", "万元", Decimal("1234.5")),
        ("3,500万", "亿元", Decimal(3500)),
        (12000000.0, "元", Decimal(1200)),
        ("约 5000", "万元", Decimal(5000)),
    ],
)
def test_amounts_in_wanyuan_exactly(value: object, unit: str, expected: Decimal) -> None:
    assert amount(value, unit) == expected  # type: ignore[arg-type]


def test_amounts_as_files_write_them() -> None:
    assert yaml_number(Decimal(11000)) == 11000 and isinstance(yaml_number(Decimal(11000)), int)
    assert yaml_number(Decimal("1234.5")) == 1234.5
    with pytest.raises(CellError):
        amount("待定", "万元")


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("1.征迁未完成；2.供电线路迁改", ["征迁未完成", "供电线路迁改"]),
        ("（1）用地指标\n（2）资金缺口", ["用地指标", "资金缺口"]),
        ("①环评 ②能评", ["环评", "能评"]),
        ("主要问题：1.甲；2.乙。", ["甲", "乙"]),
        ("用地未批\n资金未到位", ["用地未批", "资金未到位"]),
        ("暂无", []),
        ("单独一个问题", ["单独一个问题"]),
    ],
)
def test_a_cell_of_several_problems(cell: str, expected: list[str]) -> None:
    assert split_items(cell) == expected


def test_names_in_a_cell() -> None:
    assert names("张伟（主任）13800000000、李明") == ["张伟", "李明"]
    assert names("张伟 李明") == ["张伟", "李明"]
    # A two-character name spaced to the width of three, as 台账 align them: one person.
    assert names("韩 雪") == ["韩雪"]
    assert names("韩\u3000雪、张伟") == ["韩雪", "张伟"]
    assert names("欧阳 明") == ["欧阳明"]


def test_units_written_by_their_short_names_and_variants() -> None:
    from projledger.excel.names import UnitResolver
    from projledger.ledger.load import config_from_bytes

    config = config_from_bytes((SAMPLE_ROOT / "projledger.yaml").read_bytes(), "config")
    resolve = UnitResolver(config).resolve
    assert resolve("区发改局") == "区发改局"  # declared short name: kept as written
    assert resolve("发改局") == "莱芜区发展和改革局"
    assert resolve("住建局") == "莱芜区住房和城乡建设局"
    assert resolve("供电公司") == "国网济南市莱芜区供电公司"
    assert resolve("发改委") is None
    assert resolve("区局") is None


def test_project_ids_from_names() -> None:
    from projledger.excel.project_ids import project_id

    assert project_id("马头山水库工程", set()) == "matoushan-shuiku"
    assert project_id("马头山水库工程", {"matoushan-shuiku"}) == "matoushan-shuiku-2"
    assert project_id("2026年城乡供水一体化", set(), "laiwu") == "laiwu-chengxiang-gongshui-yitihua"
    assert project_id("<script>", set()) == "script"
