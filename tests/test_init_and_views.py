"""init, show and list as a user runs them."""

import json
from pathlib import Path

import pytest

from tests.helpers import git, run_cli


def test_init_makes_a_root_that_check_accepts_and_commits_it(tmp_path: Path) -> None:
    root = tmp_path / "新台账"
    result = run_cli("init", root, "--organisation", "测试区发展和改革局", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "(a new git repository)" in result.stdout
    assert sorted(p.name for p in root.iterdir() if p.name != ".git") == [
        ".gitattributes",
        ".gitignore",
        "projects",
        "projledger.yaml",
        "schemas",
    ]
    config = (root / "projledger.yaml").read_text(encoding="utf-8")
    assert config.startswith("# yaml-language-server: $schema=schemas/config.schema.json\n")
    assert "organisation: 测试区发展和改革局" in config
    assert run_cli("check", cwd=root).returncode == 0
    assert git(root, "status", "--porcelain") == ""
    log = git(root, "log", "--format=%s").splitlines()
    assert log == ["[测试区发展和改革局] 初始化重点项目台账 (ledger root)"]
    # The new root takes projects at once.
    new = run_cli(
        "new",
        "ceshi-xiangmu",
        "--name",
        "测试项目",
        "--level",
        "区级",
        "--pool",
        "新建",
        "--industry",
        "文旅",
        "--locality",
        "某街道",
        "--owner",
        "某公司",
        "--leader",
        "张三",
        "--stage",
        "前期研究",
        "--total",
        "5000",
        "--lead-unit",
        "区发展和改革局",
        "--today",
        "2026-11-20",
        cwd=root,
    )
    assert new.returncode == 0, new.stderr
    assert run_cli("check", cwd=root).returncode == 0


def test_init_refuses_an_existing_root_and_changes_nothing(tmp_path: Path) -> None:
    root = tmp_path / "root"
    assert run_cli("init", root, cwd=tmp_path).returncode == 0
    before = (root / "projledger.yaml").read_bytes()
    again = run_cli("init", root, "--lang", "en", cwd=tmp_path)
    assert again.returncode == 1
    assert "is a ledger root already" in again.stderr
    assert (root / "projledger.yaml").read_bytes() == before
    assert len(git(root, "log", "--format=%h").split()) == 1


def test_init_inside_an_existing_repository_commits_only_its_files(tmp_path: Path) -> None:
    git(tmp_path, "init", "-q", "-b", "main")
    (tmp_path / "notes.txt").write_text("未提交的笔记\n", encoding="utf-8")
    assert run_cli("init", "ledgers", cwd=tmp_path).returncode == 0
    committed = git(tmp_path, "show", "--name-only", "--format=", "HEAD").split()
    assert all(name.startswith("ledgers/") for name in committed)
    assert "?? notes.txt" in git(tmp_path, "status", "--porcelain")


def test_show_and_list_on_the_sample(sample_root: Path) -> None:
    shown = run_cli("show", "laiwu-jingpingang", "--as-of", "2026-11-20", cwd=sample_root)
    assert shown.returncode == 0, shown.stderr
    assert "精品钢绿色转型项目" in shown.stdout
    assert "逾期 5 天" in shown.stdout  # I-9TX3QW, extended to 11-15
    item = run_cli("show", "laiwu-jingpingang", "9tx", "--json", cwd=sample_root)
    assert json.loads(item.stdout)["id"] == "I-9TX3QW"
    listed = run_cli("list", "--json", "--pool", "在谈", cwd=sample_root)
    assert sorted(p["maturity"] for p in json.loads(listed.stdout)) == ["A", "B", "C"]
    issues = run_cli(
        "list", "issues", "--state", "待核验", "--json", "--as-of", "2026-11-20", cwd=sample_root
    )
    assert {i["state"] for i in json.loads(issues.stdout)} == {"待核验"}
    unknown = run_cli("show", "no-such-project", cwd=sample_root)
    assert unknown.returncode == 1
    assert "台账中没有项目「no-such-project」" in unknown.stderr  # the sample's language: zh


def test_show_reads_the_one_project_and_says_when_check_fails_it(sample_root: Path) -> None:
    """`show` reads one file: a project with a rule's error is still shown (it is how one
    looks into it), with a warning; a file that is no project is one error naming its
    line; a broken file elsewhere in the ledger is not `show`'s business."""
    projects = sample_root / "projects"
    (projects / "laiwu-zz-broken.yaml").write_text("id: [\n", encoding="utf-8")
    path = projects / "laiwu-matoushan-shuiku.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("role: 牵头单位, unit: 莱芜区水务局", "role: 牵头单位, unit: 未申报的单位", 1),
        encoding="utf-8",
    )
    shown = run_cli("show", "laiwu-matoushan", "--as-of", "2026-11-20", cwd=sample_root)
    assert shown.returncode == 0, shown.stderr
    assert "未申报的单位" in shown.stdout
    assert shown.stderr.startswith("projledger: 警告：laiwu-matoushan-shuiku.yaml 有 ")
    assert "修正前各类报告均不含该文件" in shown.stderr
    clean = run_cli("show", "laiwu-jingpingang", "--as-of", "2026-11-20", cwd=sample_root)
    assert clean.returncode == 0 and clean.stderr == ""
    broken = run_cli("show", "laiwu-zz-broken", cwd=sample_root)
    assert broken.returncode == 1
    assert broken.stderr.count("\n") == 1
    assert "laiwu-zz-broken.yaml:2:" in broken.stderr and "Traceback" not in broken.stderr


def test_long_lists_print_as_aligned_columns_with_names_as_written(
    sample_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """From LONG_TABLE_ROWS rows (lowered here to 1) `list` prints plain columns aligned
    by display width instead of rich's table (seconds at 10,000 projects); either way a
    name that looks like markup prints as written."""
    import datetime as dt

    from rich.cells import cell_len
    from rich.console import Console

    from projledger.ledger.facts_cache import FACTS, load_view
    from projledger.render import views
    from projledger.root import LedgerRoot

    projects = list(load_view(LedgerRoot(sample_root), FACTS).projects.values())
    projects[0] = projects[0]._replace(name="[bold]改造[/bold]工程")
    for rows in (1, 10_000):
        monkeypatch.setattr(views, "LONG_TABLE_ROWS", rows)
        console = Console(record=True, width=300, color_system=None)
        views.list_projects(console, projects, dt.date(2026, 11, 20), 7)
        text = console.export_text()
        assert "[bold]改造[/bold]工程" in text
        lines = text.splitlines()
        if rows == 1:
            assert lines[0] == f"{len(projects)} 个项目"
            body = lines[1:]
            assert len(body) == len(projects) + 1
            # Every line ends at the same display column: the last column is right-aligned.
            assert len({cell_len(line.rstrip()) for line in body}) == 1
            assert all(p.id in line for p, line in zip(projects, body[1:], strict=True))


def test_list_leaves_out_and_names_what_check_fails_as_the_reports_do(
    sample_root: Path,
) -> None:
    """`list` chooses on the reports' facts: a project `check` fails (here an undeclared
    unit) is left out and named, in the table and in --json alike, as `overdue` does."""
    every = sorted(p.stem for p in (sample_root / "projects").glob("*.yaml"))
    path = sample_root / "projects" / "laiwu-matoushan-shuiku.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("unit: 莱芜区水务局", "unit: 未申报的单位", 1), encoding="utf-8")
    table = run_cli("list", "--as-of", "2026-11-20", cwd=sample_root)
    assert table.returncode == 0, table.stderr
    assert table.stdout.startswith(f"{len(every) - 1} 个项目")
    assert "laiwu-matoushan-shuiku" not in table.stdout
    assert "1 个文件有错误" in table.stderr
    assert "laiwu-matoushan-shuiku.yaml" in table.stderr
    listed = run_cli("list", "--json", cwd=sample_root)
    records = json.loads(listed.stdout)
    assert [r["id"] for r in records] == [p for p in every if p != "laiwu-matoushan-shuiku"]
    assert all("investment" in r and "responsibilities" in r for r in records)  # full records
    overdue = run_cli("overdue", "--as-of", "2026-11-20", "--format", "json", cwd=sample_root)
    assert json.loads(overdue.stdout)["invalid_files"] == ["laiwu-matoushan-shuiku.yaml"]
    # Items: the table and --json choose the same ones.
    unit = "济南市自然资源和规划局莱芜分局"
    shown = run_cli("list", "issues", "--unit", unit, "--as-of", "2026-11-20", cwd=sample_root)
    dumped = json.loads(run_cli("list", "issues", "--unit", unit, "--json", cwd=sample_root).stdout)
    assert dumped and all(i["unit"] == unit for i in dumped)
    assert shown.stdout.startswith(f"{len(dumped)} 条问题")
    assert all(i["id"] in shown.stdout for i in dumped)


def test_list_as_of_a_commit_shows_the_ledger_as_it_was(sample_root: Path) -> None:
    git(sample_root, "init", "-q", "-b", "main")
    git(sample_root, "add", "-A")
    git(sample_root, "commit", "-q", "-m", "台账")
    path = sample_root / "projects" / "laiwu-jingpingang-lvse-zhuanxing.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("name: 精品钢绿色转型项目", "name: 精品钢绿色转型二期项目"), encoding="utf-8"
    )
    for args in ((), ("--at", "HEAD")):
        listed = run_cli("list", "--project", "laiwu-jingpingang", *args, cwd=sample_root)
        dumped = run_cli("list", "--project", "laiwu-jingpingang", "--json", *args, cwd=sample_root)
        assert listed.returncode == dumped.returncode == 0, listed.stderr + dumped.stderr
        name = "精品钢绿色转型项目" if args else "精品钢绿色转型二期项目"
        assert [r["name"] for r in json.loads(dumped.stdout)] == [name]
        assert name in listed.stdout
        shown = run_cli(
            "show", "laiwu-jingpingang", "--as-of", "2026-11-20", *args, cwd=sample_root
        )
        assert shown.returncode == 0, shown.stderr
        assert name in shown.stdout
