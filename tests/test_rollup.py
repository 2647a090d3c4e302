"""The roll-up: `report weekly|monthly|quarterly` over several ledgers at once (a city over
its districts), as a user runs it: the real CLI in a subprocess, on three ledgers in their
own git repositories, each with a week of changes made by the CLI.

- 莱芜区: the whole sample; in W47 an issue closed (销号) and a new one added.
- 钢城区: six of the sample's projects (so the same project ids and unit names as 莱芜区's:
  the roll-up must keep them apart), another organisation; in W47 a new issue.
- 章丘区: four projects, its own config: time progress by days, a 3-day due-soon window.

The roll-up's figures must be the sums of the three ledgers' own reports (JSON).
"""

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import (
    JINGPINGANG,
    LUZHONG,
    MATOUSHAN,
    SAMPLE_ROOT,
    Ledger,
    cli_env,
    git,
    run_cli,
)

W47 = ("--week", "2026-W47")
NAMES = ("莱芜区", "钢城区", "章丘区")
GANGCHENG_PROJECTS = (
    JINGPINGANG,
    MATOUSHAN,
    LUZHONG,
    "laiwu-rencai-gongyu",
    "laiwu-s242-kouzhen-yangli-gaijian",
    "laiwu-xinnengyuan-chanye-yonggang",
)
ZHANGQIU_PROJECTS = (
    "laiwu-xueyehu-wenlv-zongheti",
    "laiwu-gongye-jiqiren-jiansuqi",
    "laiwu-wenhe-shuixi-shengtai-zhili",
    "laiwu-shengwugu-zhongyao-peifang-keli",
)


def cli(*args: str | Path, cwd: Path, date: str | None = None) -> subprocess.CompletedProcess[str]:
    env = cli_env()
    if date is not None:
        env.update(GIT_AUTHOR_DATE=date, GIT_COMMITTER_DATE=date)
    return subprocess.run(
        [sys.executable, "-m", "projledger", *map(str, args)],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )


def ok(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 0, result.stderr
    return result.stdout


def report(*args: str | Path, cwd: Path) -> dict[str, Any]:
    payload: dict[str, Any] = json.loads(ok(cli("report", *args, "--format", "json", cwd=cwd)))
    return payload


def rows(payload: dict[str, Any], key: str) -> list[dict[str, Any]]:
    found = [t for t in payload["tables"] if t["key"] == key]
    assert found, (key, [t["key"] for t in payload["tables"]])
    table_rows: list[dict[str, Any]] = found[0]["rows"]
    return table_rows


def figures(payload: dict[str, Any]) -> dict[str, Any]:
    return {f["key"]: f["value"] for f in payload["figures"]}


def _ledger(top: Path, organisation: str, projects: tuple[str, ...] | None, **config: str) -> Path:
    paths = None if projects is None else [SAMPLE_ROOT / "projects" / f"{p}.yaml" for p in projects]
    ledger = Ledger.create(top, projects=paths, date="2026-11-09T09:00:00+08:00")
    text = (ledger.root / "projledger.yaml").read_text(encoding="utf-8")
    text = text.replace("organisation: 济南市莱芜区发展和改革局", f"organisation: {organisation}")
    for key, value in config.items():
        start = text.index(f"\n{key}:") + 1
        end = text.index("\n", start)
        text = text[:start] + f"{key}: {value}" + text[end:]
    (ledger.root / "projledger.yaml").write_text(text, encoding="utf-8")
    ledger.commit("配置", "2026-11-09T10:00:00+08:00")
    return ledger.root


def _add_issue(root: Path, project: str, title: str, day: str) -> None:
    ok(
        cli(
            "add", "issue", project, "--title", title, "--category", "手续", "--today", day,
            cwd=root, date=f"{day}T10:00:00+08:00",
        )
    )  # fmt: skip


@pytest.fixture(scope="module")
def city(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """济南: three district ledgers side by side, each its own repository."""
    top = tmp_path_factory.mktemp("jinan")
    laiwu = _ledger(top / "laiwu", "济南市莱芜区发展和改革局", None)
    gangcheng = _ledger(top / "gangcheng", "济南市钢城区发展和改革局", GANGCHENG_PROJECTS)
    zhangqiu = _ledger(
        top / "zhangqiu",
        "济南市章丘区发展和改革局",
        ZHANGQIU_PROJECTS,
        time_progress="days",
        due_soon_days="3",
    )
    ok(
        cli(
            "advance", "laiwu-xinnengyuan-chanye-yonggang", "I-8J2V7F", "--to", "已销号",
            "--verifier", "周海涛", "--today", "2026-11-17",
            cwd=laiwu, date="2026-11-17T10:00:00+08:00",
        )
    )  # fmt: skip
    _add_issue(laiwu, "laiwu-rencai-gongyu", "施工围挡占道审批", "2026-11-18")
    _add_issue(gangcheng, MATOUSHAN, "移民安置点供水管线迁改", "2026-11-19")
    _add_issue(zhangqiu, "laiwu-xueyehu-wenlv-zongheti", "景区道路用地预审", "2026-11-20")
    for root in (laiwu, gangcheng, zhangqiu):
        assert git(root, "status", "--porcelain", "--", "projects") == ""
    return top


def roots(city: Path) -> list[str]:
    return ["--root", "laiwu", "--root", "gangcheng", "--root", "zhangqiu"]


SUMMED = (
    "projects",
    "planned_starts",
    "started",
    "open_issues",
    "overdue_items",
    "due_soon_items",
    "red_lights",
    "yellow_lights",
)
AMOUNTS = ("total_investment", "plan", "completed")


@pytest.mark.parametrize(
    "period",
    [("weekly", *W47), ("monthly", "--month", "2026-11"), ("quarterly", "--quarter", "2026-Q4")],
)
def test_the_rollup_s_figures_are_the_sums_of_each_ledger_s_own_report(
    city: Path, period: tuple[str, ...]
) -> None:
    whole = report(*period, *roots(city), cwd=city)
    own = [report(*period, "--root", name, cwd=city) for name in ("laiwu", "gangcheng", "zhangqiu")]
    total = figures(whole)
    each = [figures(payload) for payload in own]
    for key in SUMMED:
        assert total[key] == sum(f[key] for f in each), key
    for key in AMOUNTS:
        assert total[key] == pytest.approx(sum(f[key] for f in each), abs=0.011), key
    assert total["completion"] == pytest.approx(total["completed"] / total["plan"], abs=5e-5)
    # Time progress weighted by plan, each ledger's by its own method (章丘: days).
    weighted = sum(f["time_progress"] * f["plan"] for f in each) / total["plan"]
    assert total["time_progress"] == pytest.approx(weighted, abs=1e-4)
    assert total["start_rate"] == pytest.approx(
        total["started"] / total["planned_starts"], abs=5e-5
    )
    # One row per ledger: its own report's figures as they are.
    by_ledger = rows(whole, "by_ledger")
    assert [r["ledger"] for r in by_ledger] == list(NAMES)
    assert [r["source"] for r in by_ledger] == [payload["source"] for payload in own]
    for row, figs in zip(by_ledger, each, strict=True):
        for key, value in row.items():
            if key not in ("ledger", "organisation", "source"):
                assert value == figs[key], (row["ledger"], key)
    # Every listed row of every ledger is there, once, with its ledger.
    for key in ("unit_ranking", "lights", "behind", "project_ids", "quarterly_locality"):
        if not any(t["key"] == key for t in own[0]["tables"]):
            continue
        combined = rows(whole, key)
        assert len(combined) == sum(len(rows(payload, key)) for payload in own), key
        for name, payload in zip(NAMES, own, strict=True):
            assert sum(1 for r in combined if r["ledger"] == name) == len(rows(payload, key))
    assert [r["rank"] for r in rows(whole, "unit_ranking")] == list(
        range(1, len(rows(whole, "unit_ranking")) + 1)
    )
    if period[0] == "quarterly":
        return
    for key in ("overdue", "period_due", "next_due", "coordination", "issue_events", "advances"):
        assert len(rows(whole, key)) == sum(len(rows(payload, key)) for payload in own), key
    # The issue flow: counts summed, and one row per ledger with its own counts.
    flow = {r["key"]: r["count"] for r in rows(whole, "flow")}
    for event, count in flow.items():
        assert count == sum(
            next(r["count"] for r in rows(payload, "flow") if r["key"] == event) for payload in own
        ), event
    for row, payload in zip(rows(whole, "flow_by_ledger"), own, strict=True):
        assert {k: v for k, v in row.items() if k != "ledger"} == {
            r["key"]: r["count"] for r in rows(payload, "flow")
        }
    # Breakdowns by level, pool, industry: each group the sum of the ledgers' groups.
    for key in ("by_level", "by_pool", "by_industry"):
        groups: dict[str, int] = {}
        for payload in own:
            for r in rows(payload, key):
                groups[r["group"]] = groups.get(r["group"], 0) + r["projects"]
        assert {r["group"]: r["projects"] for r in rows(whole, key)} == groups, key


def test_the_weeks_changes_of_every_ledger_are_in_the_rollup(city: Path) -> None:
    whole = report("weekly", *W47, *roots(city), cwd=city)
    flow = {r["key"]: r["count"] for r in rows(whole, "flow")}
    assert flow["new"] == 3 and flow["closed"] == 1
    new = [
        (r["ledger"], r["title"]) for r in rows(whole, "issue_events") if r["change"] == "新增问题"
    ]
    assert sorted(new) == sorted(
        [
            ("莱芜区", "施工围挡占道审批"),
            ("钢城区", "移民安置点供水管线迁改"),
            ("章丘区", "景区道路用地预审"),
        ]
    ), rows(whole, "issue_events")
    text = "".join(p["text"] for p in whole["narrative"])
    assert "全市" in text and "分台账看，莱芜区重点项目17个" in text
    assert whole["organisation"] == "济南市"
    # Two ledgers may name projects alike: the text names each with its ledger.
    assert "马头山水库工程（莱芜区）" in text and "马头山水库工程（钢城区）" in text


def test_units_localities_and_project_ids_of_different_ledgers_are_kept_apart(city: Path) -> None:
    whole = report("weekly", *W47, *roots(city), cwd=city)
    units = [r["unit"] for r in rows(whole, "unit_ranking")]
    assert len(units) == len(set(units))
    assert "莱芜区水务局（莱芜区）" in units or any(u.endswith("（莱芜区）") for u in units)
    shared = {u.rsplit("（", 1)[0] for u in units if u.endswith("（钢城区）")}
    assert shared and all(f"{u}（莱芜区）" in units for u in shared)
    # The same project id in two ledgers: two rows, one per ledger.
    ids = [(r["ledger"], r["project_id"]) for r in rows(whole, "project_ids")]
    assert ("莱芜区", MATOUSHAN) in ids and ("钢城区", MATOUSHAN) in ids
    assert len(ids) == len(set(ids))
    assert all(r["unit"].endswith(f"（{r['ledger']}）") for r in rows(whole, "overdue"))
    localities = [r["group"] for r in rows(whole, "by_locality")]
    assert len(localities) == len(set(localities))
    assert all(g.endswith(("（莱芜区）", "（钢城区）", "（章丘区）")) for g in localities)


def test_every_format_and_the_same_bytes_twice(city: Path, tmp_path: Path) -> None:
    for fmt in ("md", "html", "json", "xlsx", "docx"):
        outputs = []
        for n in (1, 2):
            out = tmp_path / f"r{n}.{fmt}"
            ok(
                cli("report", "weekly", *W47, *roots(city), "--as-of", "2026-11-20",
                    "--format", fmt, "-o", out, cwd=city)
            )  # fmt: skip
            outputs.append(out.read_bytes())
        assert outputs[0] == outputs[1], fmt
        if fmt in ("md", "html", "json"):
            text = outputs[0].decode("utf-8")
            assert "钢城区" in text and "按台账" in text and "所属台账" in text, fmt
        else:
            with zipfile.ZipFile(tmp_path / f"r1.{fmt}") as z:
                xml = "".join(z.read(n).decode("utf-8") for n in z.namelist() if n.endswith(".xml"))
            assert "钢城区" in xml and "按台账" in xml, fmt
    text = ok(cli("report", "weekly", *W47, *roots(city), cwd=city))
    assert "按台账" in text and "章丘区" in text
    # CSV is one table, for `overdue` and `due`: a period report says so, rolled up or not.
    csv = cli("report", "weekly", *W47, *roots(city), "--format", "csv", cwd=city)
    assert csv.returncode == 2 and "CSV 格式只能输出一张表" in csv.stderr


def test_at_takes_a_day_for_every_ledger_and_refuses_a_commit(city: Path) -> None:
    before = report("weekly", *W47, *roots(city), "--at", "2026-11-16", cwd=city)
    now = report("weekly", *W47, *roots(city), cwd=city)
    assert figures(before)["open_issues"] == figures(now)["open_issues"] - 3 + 1
    # Each ledger's commit of that day (not the same in the three repositories).
    sources = [r["source"] for r in rows(before, "by_ledger")]
    assert all(s.startswith("提交 ") for s in sources) and len(set(sources)) == 3
    assert before["source"].startswith("3个台账")
    head = git(city / "laiwu", "rev-parse", "HEAD").strip()
    refused = cli("report", "weekly", *W47, *roots(city), "--at", head, cwd=city)
    assert refused.returncode == 2, refused.stderr
    assert "多个台账的汇总报告须按日期（YYYY-MM-DD）取数" in refused.stderr
    assert "Traceback" not in refused.stderr


def _one_line(result: subprocess.CompletedProcess[str], code: int, *words: str) -> None:
    assert result.returncode == code, (result.returncode, result.stderr)
    lines = result.stderr.strip().splitlines()
    prefixes = ("projledger: error: ", "projledger: 错误：")  # the ledger's language
    assert len(lines) == 1 and lines[0].startswith(prefixes), result.stderr
    for word in words:
        assert word in lines[0], (word, lines[0])


def test_errors_name_the_root(city: Path, tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    not_a_ledger = cli(
        "report", "weekly", "--root", city / "laiwu", "--root", tmp_path / "empty", cwd=city
    )
    _one_line(not_a_ledger, 1, "empty", "不是台账根目录")
    same = cli("report", "weekly", "--root", "laiwu", "--root", "gangcheng/../laiwu", cwd=city)
    _one_line(same, 2, "是同一台账")
    missing = cli("report", "weekly", "--root", "laiwu", "--root", "nowhere", cwd=city)
    assert missing.returncode == 2 and "nowhere" in missing.stderr
    other = tmp_path / "english"
    shutil.copytree(city / "zhangqiu", other)
    config = other / "projledger.yaml"
    text = config.read_text(encoding="utf-8")
    config.write_text(
        text.replace("language: zh", "language: en").replace("章丘区", "历城区"), encoding="utf-8"
    )
    mixed = cli("report", "weekly", *W47, "--root", "laiwu", "--root", other, cwd=city)
    _one_line(mixed, 2, "各台账使用的语言不同", "--lang")  # the first --root's language
    settled = report("weekly", *W47, "--root", "laiwu", "--root", other, "--lang", "en", cwd=city)
    assert [r["ledger"] for r in rows(settled, "by_ledger")] == ["莱芜区", "历城区"]
    assert rows(settled, "by_ledger")[0]["organisation"] == "济南市莱芜区发展和改革局"


def test_a_city_root_lists_its_districts_in_its_config(city: Path, tmp_path: Path) -> None:
    """The config way: the city's own root (its own repository, with the districts as
    member ledgers beside it) reports over them; its own projects count as one more."""
    jinan = tmp_path / "jinan"
    Ledger.create(jinan, projects=[], date="2026-11-09T09:00:00+08:00")
    config = jinan / "projledger.yaml"
    text = config.read_text(encoding="utf-8")
    text = text.replace(
        "organisation: 济南市莱芜区发展和改革局", "organisation: 济南市发展和改革委员会"
    )
    members = "".join(
        f"  - {{path: {os.path.relpath(city / d, jinan)}, name: {n}}}\n"
        for d, n in (("laiwu", "莱芜"), ("gangcheng", "钢城"), ("zhangqiu", "章丘"))
    )
    config.write_text(text + "\nrollup:\n" + members, encoding="utf-8")
    assert ok(cli("check", cwd=jinan)) is not None
    whole = report("weekly", *W47, cwd=jinan)
    by_root = report("weekly", *W47, *roots(city), cwd=city)
    assert [r["ledger"] for r in rows(whole, "by_ledger")] == ["莱芜", "钢城", "章丘"]
    assert whole["organisation"] == "济南市发展和改革委员会"
    assert whole["figures"] == by_root["figures"]
    # A member that is not a ledger: the config's entry is named.
    config.write_text(text + "\nrollup:\n  - {path: nowhere}\n", encoding="utf-8")
    _one_line(cli("report", "weekly", cwd=jinan), 1, "rollup: nowhere")
    # The city's own projects count too, named by its place.
    config.write_text(text + "\nrollup:\n" + members, encoding="utf-8")
    shutil.copy(SAMPLE_ROOT / "projects" / f"{JINGPINGANG}.yaml", jinan / "projects")
    git(jinan, "add", "-A")
    git(jinan, "commit", "-qm", "市级项目")
    withown = report("weekly", *W47, cwd=jinan)
    assert [r["ledger"] for r in rows(withown, "by_ledger")] == ["济南市", "莱芜", "钢城", "章丘"]
    assert figures(withown)["projects"] == figures(whole)["projects"] + 1


def test_one_root_without_members_is_its_own_report(city: Path) -> None:
    payload = report("weekly", *W47, "--root", "laiwu", cwd=city)
    assert not any(t["key"] == "by_ledger" for t in payload["tables"])
    assert payload["organisation"] == "济南市莱芜区发展和改革局"
    assert run_cli("report", "weekly", *W47, cwd=city / "laiwu").stdout == ok(
        cli("report", "weekly", *W47, "--root", "laiwu", cwd=city)
    )


def test_members_as_git_submodules(city: Path, tmp_path: Path) -> None:
    """The city's repository holds the districts' repositories as submodules."""
    jinan = tmp_path / "jinan"
    Ledger.create(jinan, projects=[], date="2026-11-09T09:00:00+08:00")
    allow = ("-c", "protocol.file.allow=always")
    for name in ("laiwu", "gangcheng", "zhangqiu"):
        git(jinan, *allow, "submodule", "add", "-q", str(city / name), f"districts/{name}")
    config = jinan / "projledger.yaml"
    text = config.read_text(encoding="utf-8")
    config.write_text(
        text.replace("济南市莱芜区发展和改革局", "济南市发展和改革委员会")
        + "\nrollup:\n"
        + "".join(f"  - {{path: districts/{n}}}\n" for n in ("laiwu", "gangcheng", "zhangqiu")),
        encoding="utf-8",
    )
    git(jinan, "add", "-A")
    git(jinan, "commit", "-qm", "各区台账")
    whole = report("weekly", *W47, cwd=jinan / "districts")  # found by walking up
    by_root = report("weekly", *W47, *roots(city), cwd=city)
    assert [r["ledger"] for r in rows(whole, "by_ledger")] == list(NAMES)
    assert whole["figures"] == by_root["figures"]
    assert rows(whole, "flow") == rows(by_root, "flow")
    assert rows(whole, "by_ledger") == rows(by_root, "by_ledger")
