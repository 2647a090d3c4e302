"""Names, not ids (issue 18): projects by name, fragment, pinyin; items by title; units by
their short names and variants; 交办 bringing its responsibility."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import JINGPINGANG, MATOUSHAN, SAMPLE_ROOT, Ledger, git, run_cli

SHENGWUGU = ("laiwu-shengwugu-yimei-zhongshi-pingtai", "laiwu-shengwugu-zhongyao-peifang-keli")


@pytest.fixture
def ledger(tmp_path: Path) -> Ledger:
    return Ledger.create(tmp_path / "repo")


def shown_id(root: Path, *args: str) -> str:
    result = run_cli("show", *args, "--json", cwd=root)
    assert result.returncode == 0, result.stderr
    return str(json.loads(result.stdout)["id"])


@pytest.mark.parametrize(
    "typed",
    [
        "马头山水库工程",  # the name
        "马头山",  # a fragment of it
        "水库",
        "mtssk",  # pinyin initials
        "MTSS",
        "matoushan",  # pinyin / the id without its hyphens
        "laiwu-matou",  # an id prefix
        MATOUSHAN,
    ],
)
def test_a_project_by_its_name_a_fragment_or_its_pinyin(sample_root: Path, typed: str) -> None:
    assert shown_id(sample_root, typed) == MATOUSHAN


def test_an_ambiguous_name_lists_the_candidates_and_exits_2(sample_root: Path) -> None:
    result = run_cli("show", "生物谷", cwd=sample_root)
    assert result.returncode == 2, result.stderr
    assert result.stdout == ""
    line = result.stderr.strip()
    assert line.count("\n") == 0 and "「生物谷」可指多个项目" in line
    # name, id and pool of each
    assert (
        "鲁中国际生物谷医美抗衰中试平台项目（laiwu-shengwugu-yimei-zhongshi-pingtai，在谈）；"
        in line
    )
    assert f"（{SHENGWUGU[1]}，新建）" in line
    # The whole name, though a fragment of no other, is no longer ambiguous.
    assert shown_id(sample_root, "鲁中国际生物谷医美抗衰中试平台项目") == SHENGWUGU[0]


def test_a_retired_duplicate_does_not_make_a_name_ambiguous(sample_root: Path) -> None:
    """The sample's retired duplicate keeps the name of 新能源产业用钢项目: the name (or a
    fragment) means the live project; the duplicate is still there by its id."""
    from projledger.model.enums import Pool
    from projledger.refs import RETIRED_STATE

    assert Pool.RETIRED.value == RETIRED_STATE
    assert shown_id(sample_root, "新能源") == "laiwu-xinnengyuan-chanye-yonggang"
    duplicate = "laiwu-chongfu-xinnengyuan-yonggang"
    assert shown_id(sample_root, duplicate) == duplicate


def test_an_unknown_name_names_the_closest(sample_root: Path) -> None:
    result = run_cli("show", "马头山水库二期工程", cwd=sample_root)
    assert result.returncode == 1
    assert "台账中没有项目「马头山水库二期工程」" in result.stderr
    assert f"是否指：马头山水库工程（{MATOUSHAN}，续建）" in result.stderr
    assert "Traceback" not in result.stderr


def test_messages_follow_the_ledgers_language(sample_root: Path) -> None:
    config = sample_root / "projledger.yaml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("language: zh", "language: en"),
        encoding="utf-8",
    )
    result = run_cli("show", "生物谷", cwd=sample_root)
    assert result.returncode == 2
    assert "'生物谷' is ambiguous: 鲁中国际生物谷医美抗衰中试平台项目" in result.stderr


def test_an_item_by_a_fragment_of_its_title(sample_root: Path) -> None:
    assert shown_id(sample_root, "马头山", "林地审核") == "I-Q442SQ"
    ambiguous = run_cli("show", "精品钢", "迁", cwd=sample_root)
    assert ambiguous.returncode == 2
    assert "I-4M8K2P 厂区周边300户居民征迁（已销号）；" in ambiguous.stderr
    assert "I-9TX3QW 220千伏供电线路迁改滞后（办理中）" in ambiguous.stderr


def test_the_names_cache_sees_a_renamed_project(sample_root: Path) -> None:
    assert shown_id(sample_root, "马头山") == MATOUSHAN
    assert (sample_root / ".projledger" / "names-cache.json").is_file()
    path = sample_root / "projects" / f"{MATOUSHAN}.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("name: 马头山水库工程", "name: 牛泉水库工程"),
        encoding="utf-8",
    )
    assert shown_id(sample_root, "牛泉水库") == MATOUSHAN
    assert shown_id(sample_root, "nqsk") == MATOUSHAN
    assert run_cli("show", "马头山", cwd=sample_root).returncode == 1


def test_changes_take_names_too(ledger: Ledger) -> None:
    commit = ledger.change(
        "log 马头山 林地审核 省林业局已受理",
        project=MATOUSHAN,
        trailer="log",
        item="I-Q442SQ",
    )
    assert commit.subject == "[马头山水库工程] 问题 I-Q442SQ 进展: 省林业局已受理"


# --- units by their short names ----------------------------------------------------------


def test_the_unit_resolver() -> None:
    from projledger.ledger.load import config_from_bytes
    from projledger.model.unit_names import UnitNames

    config = config_from_bytes((SAMPLE_ROOT / "projledger.yaml").read_bytes(), "config")
    names = UnitNames(config)
    assert names.full_name("高庄街道") == "高庄街道办事处"
    assert names.full_name("区发改局") == "莱芜区发展和改革局"
    assert names.full_name("发改局") == "莱芜区发展和改革局"
    assert names.full_name("大王庄镇政府") == "大王庄镇人民政府"
    assert names.full_name("发改委") is None
    assert names.closest("发改委") == ["莱芜区发展和改革局"]
    assert names.same("高庄街道", "高庄街道办事处")
    # A declared name with full-width brackets names itself, and NFKC's forms of it.
    config.units[0].name = "莱芜区水务局（新）"
    renamed = UnitNames(config)
    assert renamed.full_name("莱芜区水务局（新）") == "莱芜区水务局（新）"
    assert renamed.full_name("莱芜区水务局(新)") == "莱芜区水务局（新）"


def test_pl205_accepts_a_short_name_for_the_listed_unit(ledger: Ledger) -> None:
    # 精品钢's responsibility names 高庄街道办事处; its issue may say 高庄街道.
    text = ledger.text(JINGPINGANG)
    assert "    unit: 高庄街道办事处\n" in text
    ledger.file(JINGPINGANG).write_text(
        text.replace("    unit: 高庄街道办事处\n", "    unit: 高庄街道\n"), encoding="utf-8"
    )
    checked = ledger.cli("check", "--format", "json")
    assert "PL205" not in checked.stdout, checked.stdout


def test_unit_filters_resolve_short_names_and_refuse_unknown_ones(sample_root: Path) -> None:
    def listed(unit: str) -> list[str]:
        result = run_cli("list", "issues", "--unit", unit, "--json", cwd=sample_root)
        assert result.returncode == 0, result.stderr
        return sorted(row["id"] for row in json.loads(result.stdout))

    full = listed("莱芜区发展和改革局")
    assert full
    assert listed("区发改局") == full == listed("发改局")
    for command in (["list", "issues"], ["overdue"], ["due"]):
        unknown = run_cli(*command, "--unit", "发改委", cwd=sample_root)
        assert unknown.returncode == 1, command
        assert "--unit 发改委：projledger.yaml 中没有声明这个单位" in unknown.stderr
        assert "是否指：莱芜区发展和改革局？" in unknown.stderr


def test_a_change_stores_the_declared_full_name(ledger: Ledger) -> None:
    commit = ledger.change(
        f"add task {MATOUSHAN} --title 库区道路硬化 --unit 区水务局",
        project=MATOUSHAN,
        trailer="add task",
        item="T-*",
    )
    assert "unit: 莱芜区水务局\n    state: 未开始" in ledger.text(MATOUSHAN), commit.item


# --- 交办 adds the responsibility -------------------------------------------------------


def test_assigning_to_a_new_unit_adds_its_responsibility(ledger: Ledger) -> None:
    commit = ledger.change(
        f"add issue {MATOUSHAN} --title 景区连接线占用林地 --category 用地 --unit 区文旅局"
        " --person 彭丽 --due 2026/12/10",
        project=MATOUSHAN,
        trailer="add issue",
        item="I-*",
        new="已交办",
    )
    text = ledger.text(MATOUSHAN)
    assert (
        "; 新增责任 R-" in commit.subject and "责任单位 莱芜区文化和旅游局、彭丽" in commit.subject
    )
    assert (
        f"role: 责任单位, unit: 莱芜区文化和旅游局, person: 彭丽, "
        f"duties: {commit.item} 景区连接线占用林地}}" in text
    )
    assert ledger.cli("check").returncode == 0


def test_advance_to_assigned_adds_it_too(ledger: Ledger) -> None:
    issue = ledger.change(
        f"add issue {MATOUSHAN} --title 库区供电线路迁改 --category 配套",
        project=MATOUSHAN,
        trailer="add issue",
        item="I-*",
        new="已登记",
    ).item
    commit = ledger.change(
        "advance 马头山 供电线路 --unit 莱芜供电公司 --person 马强 --due 2026年12月10日",
        project=MATOUSHAN,
        trailer="advance",
        item=issue,
        old="已登记",
        new="已交办",
    )
    assert "新增责任 R-" in commit.subject
    assert "unit: 国网济南市莱芜区供电公司, person: 马强" in ledger.text(MATOUSHAN)


def test_no_auto_responsibility_refuses_naming_the_command(ledger: Ledger) -> None:
    message = ledger.refused(
        f"add issue {MATOUSHAN} --title 景区连接线 --category 用地 --unit 区文旅局 --person 彭丽"
        " --due 2026-12-10 --no-auto-responsibility"
    )
    assert "莱芜区文化和旅游局 在本项目的责任清单中还没有责任" in message
    assert (
        f"projledger add responsibility {MATOUSHAN} --role 责任单位 --unit 莱芜区文化和旅游局 "
        "--person 彭丽 --duties" in message
    )


def test_a_listed_unit_adds_nothing(ledger: Ledger) -> None:
    before = ledger.text(JINGPINGANG).count("role:")
    ledger.change(
        f"add issue {JINGPINGANG} --title 厂区南侧围挡 --category 施工环境 --unit 高庄街道"
        " --person 张伟 --due 2026-12-10",
        project=JINGPINGANG,
        trailer="add issue",
        item="I-*",
        new="已交办",
    )
    assert ledger.text(JINGPINGANG).count("role:") == before
    assert git(ledger.top, "show", "--format=%s", "-s").count("新增责任") == 0


def test_history_takes_a_name(ledger: Ledger) -> None:
    by_name = ledger.cli("history", "马头山", "--format", "json")
    by_id = ledger.cli("history", MATOUSHAN, "--format", "json")
    assert by_name.returncode == 0, by_name.stderr
    assert json.loads(by_name.stdout) == json.loads(by_id.stdout)
    assert json.loads(by_name.stdout)["project"] == MATOUSHAN
