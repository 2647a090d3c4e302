"""Completion offers what a clerk types (issue 18): projects by their Chinese names, items
of a project named by name or pinyin, and the fixed choices (states, stages, levels,
pools, roles, categories, sources, procedures), each as bash asks for it."""

from pathlib import Path

import pytest

from tests.helpers import MATOUSHAN, completions, run_cli

RETIRED_TWIN = "laiwu-chongfu-xinnengyuan-yonggang"
"""A retired duplicate that keeps the live project's name, 新能源产业用钢项目."""


def test_a_project_is_offered_by_its_chinese_name(sample_root: Path) -> None:
    assert completions(sample_root, "projledger show 马头") == ["马头山水库工程"]
    # what is offered is what the command takes
    shown = run_cli("show", "马头山水库工程", "--json", cwd=sample_root)
    assert shown.returncode == 0, shown.stderr
    assert MATOUSHAN in shown.stdout


def test_ids_are_offered_when_an_id_is_being_typed(sample_root: Path) -> None:
    assert completions(sample_root, "projledger show laiwu-matou") == [MATOUSHAN]


def test_nothing_typed_offers_names_and_an_id_where_a_name_is_shared(
    sample_root: Path,
) -> None:
    offered = completions(sample_root, "projledger show ")
    assert "马头山水库工程" in offered and MATOUSHAN not in offered
    # the live project takes the shared name; its retired twin is offered by its id
    assert offered.count("新能源产业用钢项目") == 1
    assert RETIRED_TWIN in offered


@pytest.mark.parametrize("project", ["马头山水库工程", "马头山", "mtssk"])
def test_items_of_a_project_named_by_name_or_pinyin(sample_root: Path, project: str) -> None:
    offered = completions(sample_root, f"projledger advance {project} I-")
    assert "I-Q442SQ" in offered
    assert all(item.startswith("I-") for item in offered)


@pytest.mark.parametrize(
    ("line", "wanted", "unwanted"),
    [
        ("projledger advance 马头山 I-Q442SQ --to 办", {"办理中"}, set()),
        ("projledger advance 马头山 --to 已", {"已立项但规划红线未稳定"}, {"已销号"}),
        ("projledger list issues --state 已", {"已交办", "已销号", "已完成"}, {"办理中"}),
        ("projledger list projects --level ", {"省级", "市级", "区级"}, set()),
        ("projledger list projects --pool 续", {"续建"}, {"新建"}),
        ("projledger list approvals --procedure 施工", {"施工许可"}, set()),
        ("projledger overdue --level 区", {"区级"}, set()),
        ("projledger new x --stage 前期", {"前期研究"}, set()),
        ("projledger new x --pool 在", {"在谈"}, set()),
        ("projledger add issue 马头山 --category 征", {"征迁"}, set()),
        ("projledger add responsibility 马头山 --role 配合", {"配合单位"}, set()),
        ("projledger add funding 马头山 --source 地方", {"地方政府专项债券", "地方财政"}, set()),
        ("projledger advance 马头山 --approval 施工许可 --status 已", {"已办结"}, set()),
    ],
)
def test_fixed_choices_complete(
    sample_root: Path, line: str, wanted: set[str], unwanted: set[str]
) -> None:
    offered = set(completions(sample_root, line))
    assert wanted <= offered, offered
    assert not unwanted & offered


@pytest.mark.parametrize(
    "line",
    [
        "projledger history 马头",
        "projledger changes --project 马头",
        "projledger overdue --project 马头",
        "projledger list issues --project 马头",
    ],
)
def test_every_project_argument_and_option_completes_names(sample_root: Path, line: str) -> None:
    assert completions(sample_root, line) == ["马头山水库工程"]


def test_units_and_people_of_a_responsibility_complete(sample_root: Path) -> None:
    line = "projledger add responsibility 马头山 --role 责任单位 --duties x --unit 高庄"
    assert {"高庄街道", "高庄街道办事处"} & set(completions(sample_root, line))


def test_the_project_card_and_the_unit_report_complete_their_argument(sample_root: Path) -> None:
    assert completions(sample_root, "projledger report project 马头") == ["马头山水库工程"]
    assert "莱芜区水务局" in completions(sample_root, "projledger report unit 莱芜区水")
