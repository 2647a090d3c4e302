"""Hostile input to the commands added lately (`unit`, `person`, `fix`, `rollover`, `set`
of figures, `retire --duplicate-of`, the reports over a root and a roll-up), through the
real CLI on a committed copy of the sample ledger.

Each refusal must be one readable message naming the value or file, exit 1 (2 for a
usage error), no traceback, and nothing written or committed: every file of the root,
HEAD and `git status` as they were. Messages are not asserted word for word (they are
being translated); what they name is.

The classes, each refused at one mechanism:
- a declared name (unit, short name, kind, person, title...) that is not one printable
  line, is blank, padded, 10,000 characters, or another's name once folded (full-width,
  spaces): `check`'s rule on projledger.yaml (check/config_rules.py), which judges every
  change of the config;
- a file named on the command line that is a pipe or a directory (`fix`, `--plans`):
  store/input_files.py, before anything opens it;
- a root whose projects/ or projledger.yaml is a link, or whose projects/ is a file:
  refused by every command reading it (ledger/config_cache.py), a roll-up's members too;
- uncommitted edits of projledger.yaml under a change of many project files (rollover);
- a number that only Python's int()/float() would read (1_000, a line break, other
  scripts' digits) under `set`: changes/field_types.read_number.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

import pytest

from tests.helpers import Ledger, git, run_cli, run_cli_killed_at_commit

TODAY = ["--today", "2026-11-20"]
MATOUSHAN = "laiwu-matoushan-shuiku"
JINGPINGANG = "laiwu-jingpingang-lvse-zhuanxing"
RETIRED = "laiwu-xueye-kangyang-dujia"
"""A project of the sample whose pool is 退库."""
PREFIXES = ("projledger: error: ", "projledger: 错误：")
RAW_CONTROLS = ("\x1b", "\x07", "\u202e", "\x7f")
"""Characters a message may never print raw (they drive or garble the terminal)."""


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return Ledger.create(tmp_path_factory.mktemp("base") / "ledger").root


@pytest.fixture
def root(base: Path, tmp_path: Path) -> Path:
    """A fresh copy of the committed sample ledger (links kept as links)."""
    copy = tmp_path / "ledger"
    shutil.copytree(base, copy, symlinks=True)
    return copy


def _tree(root: Path) -> dict[str, str]:
    """Every regular file of the root but git's and projledger's own state, by content."""
    found: dict[str, str] = {}
    for path in sorted(root.rglob("*")):
        parts = path.relative_to(root).parts
        if parts[0] in (".git", ".projledger") or path.is_symlink() or not path.is_file():
            continue
        found["/".join(parts)] = hashlib.sha1(path.read_bytes()).hexdigest()
    return found


def refused(root: Path, *args: str, names: tuple[str, ...] = (), exit_code: int = 1) -> str:
    """Run `projledger ARGS` in `root`, which must refuse: one error naming each of `names`,
    exit `exit_code`, no traceback, nothing written, nothing committed. Its stderr."""
    head, tree, status = git(root, "rev-parse", "HEAD"), _tree(root), git(root, "status", "-s")
    result = run_cli(*args, cwd=root, timeout=60)
    err = result.stderr
    assert result.returncode == exit_code, (result.returncode, result.stdout, err)
    assert "Traceback" not in err
    if exit_code == 1 or err.startswith(PREFIXES):
        assert err.startswith(PREFIXES), err
        assert sum(err.count(prefix) for prefix in PREFIXES) == 1, err
    for name in names:
        assert name in err, (name, err)
    assert not any(char in err for char in RAW_CONTROLS), err
    assert git(root, "rev-parse", "HEAD") == head, "nothing committed"
    assert _tree(root) == tree, "nothing written"
    assert git(root, "status", "-s") == status
    return err


def succeeds(root: Path, *args: str) -> None:
    result = run_cli(*args, cwd=root, timeout=60)
    assert result.returncode == 0, result.stderr
    assert git(root, "status", "--porcelain") == ""


# --- declared names ---------------------------------------------------------------------------

BAD_NAMES = {
    "line break": "莱芜区\n数据局",
    "carriage return": "莱芜区\r数据局",
    "ESC sequence": "莱芜区\x1b[31m数据局",
    "BEL": "莱芜区\x07数据局",
    "right-to-left override": "莱芜区\u202e数据局",
    "zero-width space": "莱芜区\u200b数据局",
    "DEL": "莱芜区\x7f数据局",
    "10,000 characters": "数据局" * 3334,
    "only spaces": "   ",
    "spaces around": " 莱芜区数据局 ",
    "an existing name with a space": "莱芜区 发展和改革局",
    "an existing name with an ideographic space": "莱芜区\u3000财政局",
}
"""Each refused as a unit's name; the message names the field (units[24]…) or the name."""


@pytest.mark.parametrize("name", list(BAD_NAMES.values()), ids=list(BAD_NAMES))
def test_unit_add_refuses_a_name_that_is_not_one_clean_line(root: Path, name: str) -> None:
    err = refused(root, "unit", "add", name, *TODAY)
    assert "PL104" in err or "PL401" in err, err


@pytest.mark.parametrize(
    "name",
    ["莱芜区\n水利局", "莱芜区\u202e水利局", "水利局" * 3334, "  ", "莱芜区 财政局", ""],
    ids=["line break", "RLO", "10,000 characters", "only spaces", "folded duplicate", "empty"],
)
def test_unit_rename_refuses_the_same_names(root: Path, name: str) -> None:
    refused(root, "unit", "rename", "莱芜区水务局", name, *TODAY)


@pytest.mark.parametrize(
    "args",
    [
        ["person", "add", "张\n三", "--unit", "区水务局"],
        ["person", "add", "张\u3000伟", "--unit", "区水务局"],  # 张伟 is declared
        ["person", "add", "张三", "--unit", "区水务局", "--title", "\x1b]0;owned\x07"],
        ["person", "move", "张伟", "--unit", "区水务局", "--title", "科长\u202e"],
        ["unit", "add", "莱芜区数据局", "--short", "数据\n局"],
        ["unit", "add", "莱芜区数据局", "--short", ""],
        ["unit", "add", "莱芜区数据局", "--kind", "部门\x07"],
    ],
    ids=[
        "person line break",
        "person folded duplicate",
        "title ESC",
        "title RLO",
        "short line break",
        "short empty",
        "kind BEL",
    ],
)
def test_every_declared_name_has_the_same_rule(root: Path, args: list[str]) -> None:
    refused(root, *args, *TODAY)


def test_check_reports_a_hand_written_name_on_its_line(root: Path) -> None:
    config = root / "projledger.yaml"
    text = config.read_text(encoding="utf-8")
    config.write_text(
        text.replace("units:\n", 'units:\n  - {name: "莱芜区\\u202e数据局"}\n', 1), encoding="utf-8"
    )
    result = run_cli("check", "--format", "json", cwd=root)
    assert result.returncode == 1
    assert '"PL104"' in result.stdout and "U+202E" in result.stdout
    assert "\u202e" not in result.stdout


def test_declared_name_rules_leave_the_other_commands_be(root: Path) -> None:
    """The refusals above are the names, not the commands: clean names go through."""
    succeeds(root, "unit", "add", "莱芜区数据局", "--short", "区数据局", "--kind", "部门", *TODAY)
    succeeds(root, "person", "add", "张三", "--unit", "区数据局", "--title", "科长", *TODAY)
    succeeds(root, "unit", "rename", "区数据局", "区大数据局", *TODAY)


def test_unit_and_person_refusals_name_what_is_wrong(root: Path) -> None:
    refused(root, "unit", "rename", "区水务局", "莱芜区财政局", *TODAY, names=("莱芜区财政局",))
    refused(root, "unit", "retire", "莱芜区水务局", *TODAY, names=(MATOUSHAN,))
    refused(root, "person", "move", "张伟", "--unit", "不存在局", *TODAY, names=("不存在局",))
    refused(root, "person", "move", "不存在", "--unit", "区水务局", *TODAY, names=("不存在",))


@pytest.mark.parametrize(
    "text",
    ["已搬迁\x1b[2J98户", "已搬迁\x0798户", "已搬迁\u202e98户", "已搬迁\u200b98户"],
    ids=["ESC", "BEL", "RLO", "zero-width space"],
)
def test_no_text_a_change_writes_holds_a_control_character(root: Path, text: str) -> None:
    """Not names alone: a note, a progress entry, any text a change writes."""
    refused(root, "set", MATOUSHAN, "T-RR55VA.note", text, *TODAY, names=("U+",))
    refused(root, "log", MATOUSHAN, "I-Z6TQ4H", text, *TODAY, names=("U+",))


# --- files named on the command line ----------------------------------------------------------


def test_fix_refuses_what_is_not_a_ledger_file(root: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside.yaml"
    outside.write_bytes((root / "projects" / f"{JINGPINGANG}.yaml").read_bytes())
    (root / "projects" / "evil.yaml").symlink_to(outside)
    os.mkfifo(root / "projects" / "pipe.yaml")
    (root / "projects" / "dir.yaml").mkdir()
    git(root, "add", "-A")  # nothing: a link, a pipe and an empty directory are not files
    refused(root, "fix", "projects/evil.yaml", *TODAY, names=("evil.yaml",))
    refused(root, "fix", "projects/pipe.yaml", *TODAY, names=("pipe.yaml",))
    refused(root, "fix", "projects/dir.yaml", *TODAY, names=("dir.yaml",))
    refused(root, "fix", str(outside), *TODAY, names=("outside.yaml",))
    refused(root, "fix", "projects", *TODAY, names=("projects",))


def test_fix_refuses_a_binary_file(root: Path) -> None:
    (root / "projects" / "laiwu-binary.yaml").write_bytes(bytes(range(256)) * 8)
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "binary")
    refused(root, "fix", "projects/laiwu-binary.yaml", *TODAY, names=("laiwu-binary.yaml",))


def test_rollover_refuses_a_pipe_for_its_plans(root: Path) -> None:
    os.mkfifo(root / "plans.csv")
    refused(
        root,
        "rollover",
        "2027",
        "--plans",
        "plans.csv",
        "--today",
        "2027-01-05",
        names=("plans.csv",),
    )


def test_import_and_reports_refuse_a_pipe_for_their_files(root: Path) -> None:
    for name in ("rows.csv", "map.yaml", "letterhead.docx"):
        os.mkfifo(root / name)
    (root / "empty.csv").write_text("", encoding="utf-8")
    refused(root, "import", "rows.csv", "--dry-run", *TODAY, names=("rows.csv",))
    refused(root, "import", "empty.csv", "--mapping", "map.yaml", *TODAY, names=("map.yaml",))
    refused(
        root, "report", "weekly", "--week", "2026-W47", "--format", "docx",
        "--template", "letterhead.docx", "--output", str(root.parent / "out.docx"),
        names=("letterhead.docx",),
    )  # fmt: skip


# --- rollover ---------------------------------------------------------------------------------


@pytest.mark.parametrize("year", ["0", "-1", "99999", "2026.5", "", str(10**30)])
def test_rollover_refuses_a_year_that_is_no_year(root: Path, year: str) -> None:
    refused(root, "rollover", year, "--today", "2027-01-05", exit_code=2)


def test_rollover_twice_and_on_a_dirty_config(root: Path) -> None:
    config = root / "projledger.yaml"
    config.write_text(config.read_text(encoding="utf-8") + "# 手工修改\n", encoding="utf-8")
    refused(root, "rollover", "2027", "--today", "2027-01-05", names=("projledger.yaml",))
    git(root, "checkout", "--", "projledger.yaml")
    succeeds(root, "rollover", "2027", "--today", "2027-01-05")
    refused(root, "rollover", "2027", "--today", "2027-01-05", names=("2027",))


def test_rollover_reads_a_csv_as_excel_saves_it_and_refuses_what_is_not_text(root: Path) -> None:
    """Excel on a Chinese Windows saves "CSV (逗号分隔)" in GBK: read as it is. A workbook
    or a GBK YAML given as plans is refused by name, never a crash (exit 3)."""
    workbook = root / "plans.csv"
    workbook.write_bytes(b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00\x97")
    refused(root, "rollover", "2027", "--plans", "plans.csv", *TODAY_2027, names=("plans.csv",))
    workbook.unlink()
    (root / "plans.yaml").write_bytes(f"{MATOUSHAN}: 5000  # 计划\n".encode("gbk"))
    refused(root, "rollover", "2027", "--plans", "plans.yaml", *TODAY_2027, names=("plans.yaml",))
    (root / "plans.yaml").unlink()
    (root / "plans.csv").write_bytes(f"项目编号,年度计划\n{MATOUSHAN},65000\n".encode("gbk"))
    succeeds_except_plans(root, "rollover", "2027", "--plans", "plans.csv", *TODAY_2027)
    project = (root / "projects" / f"{MATOUSHAN}.yaml").read_text(encoding="utf-8")
    assert "plan_this_year: 65000" in project


TODAY_2027 = ("--today", "2027-01-05")


def succeeds_except_plans(root: Path, *args: str) -> None:
    """As `succeeds`, the plans file (not the ledger's) left untracked."""
    result = run_cli(*args, cwd=root, timeout=60)
    assert result.returncode == 0, result.stderr
    assert git(root, "status", "--porcelain") == "?? plans.csv\n"


# --- numbers ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    ["1_000", "12\n", "\u0663", "1" * 5000, "1e309", "NaN", str(10**30), "0x10", "3万"],
    ids=[
        "underscore",
        "line break",
        "arabic-indic",
        "5000 digits",
        "1e309",
        "NaN",
        "10**30",
        "hex",
        "with unit",
    ],
)
def test_set_refuses_what_is_not_a_number(root: Path, value: str) -> None:
    refused(root, "set", MATOUSHAN, "investment.completed_this_year", value, *TODAY)


@pytest.mark.parametrize("through", ["13", "0", "-1", "10.5", "abc"])
def test_set_refuses_a_period_that_is_no_month(root: Path, through: str) -> None:
    refused(
        root,
        "set",
        MATOUSHAN,
        "investment.completed_this_year",
        "30000",
        "--through",
        through,
        *TODAY,
        names=(through,),
    )


def test_set_reads_full_width_digits_as_the_import_does(root: Path) -> None:
    succeeds(root, "set", MATOUSHAN, "T-RR55VA.done", "１０２", *TODAY)
    assert "done: 102}" in (root / "projects" / f"{MATOUSHAN}.yaml").read_text(encoding="utf-8")


def test_numbers_out_of_bounds_are_refused_everywhere(root: Path) -> None:
    for field in ("land.needed_mu", "T-RR55VA.done", "funding.地方财政.received"):
        refused(root, "set", MATOUSHAN, field, "1e309", *TODAY)
    refused(root, "add", "funding", MATOUSHAN, "--source", "自筹", "--planned", "NaN", *TODAY)


# --- retire --duplicate-of --------------------------------------------------------------------


@pytest.mark.parametrize(
    "real", [MATOUSHAN, "laiwu-no-such-project", RETIRED], ids=["itself", "missing", "retired"]
)
def test_retire_duplicate_of_names_a_project_that_stays(root: Path, real: str) -> None:
    refused(
        root,
        "retire",
        MATOUSHAN,
        "--reason",
        "重复录入",
        "--reviewer",
        "王建国",
        "--duplicate-of",
        real,
        *TODAY,
        names=(real,),
    )


# --- reading a root -----------------------------------------------------------------------------


def _move_out_and_link(root: Path, name: str) -> None:
    target = root.parent / f"elsewhere-{name}"
    shutil.move(root / name, target)
    (root / name).symlink_to(target)


@pytest.mark.parametrize("entry", ["projects", "projledger.yaml"])
def test_reports_refuse_a_linked_root(root: Path, entry: str) -> None:
    _move_out_and_link(root, entry)
    for command in (
        ["report", "weekly", "--week", "2026-W47"],
        ["report", "annual", "--year", "2026"],
        ["list", "approvals"],
    ):
        refused(root, *command, names=(entry,))


def test_reports_refuse_a_projects_that_is_a_file(root: Path) -> None:
    shutil.rmtree(root / "projects")
    (root / "projects").write_text("not a directory\n", encoding="utf-8")
    refused(root, "report", "weekly", "--week", "2026-W47", names=("projects",))
    refused(root, "list", "approvals", names=("projects",))
    checked = run_cli("check", cwd=root)
    assert checked.returncode == 1 and "PL001" in checked.stdout, checked.stdout


def test_rollup_refuses_a_member_read_through_a_link(root: Path, base: Path) -> None:
    member = root.parent / "member"
    shutil.copytree(base, member, symlinks=True)
    _move_out_and_link(member, "projects")
    config = root / "projledger.yaml"
    text = config.read_text(encoding="utf-8") + "\nrollup:\n  - {path: ../member, name: 乙区}\n"
    config.write_text(text, encoding="utf-8")
    git(root, "commit", "-q", "-am", "roll-up")
    refused(root, "report", "weekly", "--week", "2026-W47", names=("projects",))


# --- a unit rename killed before its commit ---------------------------------------------------


def test_a_rename_killed_at_its_commit_is_finished_by_the_next_command(
    root: Path, tmp_path: Path
) -> None:
    run_cli_killed_at_commit(
        "unit", "rename", "莱芜区水务局", "莱芜区水利局", *TODAY, cwd=root, shims=tmp_path / "shims"
    )
    after = run_cli("person", "add", "张三", "--unit", "区财政局", *TODAY, cwd=root)
    assert after.returncode == 0, after.stderr
    assert "莱芜区水利局" in after.stderr  # the note of the change it completed
    assert git(root, "status", "--porcelain") == ""
    renamed = git(root, "show", "--name-only", "--format=%s", "HEAD~1").split("\n")
    assert "莱芜区水利局" in renamed[0]
    assert sorted(line for line in renamed[1:] if line) == [
        "projects/laiwu-chengxiang-gongshui-yitihua.yaml",
        f"projects/{MATOUSHAN}.yaml",
        "projects/laiwu-wenhe-shuixi-shengtai-zhili.yaml",
        "projledger.yaml",
    ]
    assert run_cli("check", cwd=root).returncode == 0
