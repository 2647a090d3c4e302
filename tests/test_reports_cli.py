"""The report commands (`report weekly|monthly|quarterly|project|unit`, `overdue`, `due`)
as a user runs them: the real CLI in a subprocess, on copies of the sample ledger made into
real git repositories.

The sample ledger (`ledgers/`) is as of 2026-11-20, in ISO week 2026-W47 (11-16..11-22).
Expected counts below were worked out from the sample files by reading them (every
deadline with its due date in force, its target's state and its owner); each count's
derivation is in a comment next to it.
"""

import csv
import io
import json
import re
import shutil
import subprocess
import sys
import zipfile
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import (
    LUZHONG,
    MATOUSHAN,
    SAMPLE_ROOT,
    WANG,
    Ledger,
    cli_env,
    copy_root,
    git,
    run_cli,
)

TESTER = "测试员 Tester"  # the pinned git author of helpers.cli_env
XINNENGYUAN = "laiwu-xinnengyuan-chanye-yonggang"
XUEYEHU = "laiwu-xueyehu-wenlv-zongheti"
GAOXINQU = "laiwu-gaoxinqu-zhineng-zhizao-biaozhun-changfang"
RENCAI = "laiwu-rencai-gongyu"
ZHONGYAO = "laiwu-shengwugu-zhongyao-peifang-keli"
ZIRAN = "济南市自然资源和规划局莱芜分局"
ZHUJIAN = "莱芜区住房和城乡建设局"

# --- helpers ---------------------------------------------------------------------------------


def dated(day: str, **more: str) -> dict[str, str]:
    """Git env overrides that make the next commit authored and committed at `day`."""
    return {"GIT_AUTHOR_DATE": day, "GIT_COMMITTER_DATE": day, **more}


def run_cli_env(
    *args: str | Path, cwd: Path, env: dict[str, str], binary: bool = False
) -> subprocess.CompletedProcess[Any]:
    """Like helpers.run_cli, with variables added to (or replacing) the pinned env: a
    change command commits with these dates, a report runs in this time zone."""
    return subprocess.run(
        [sys.executable, "-m", "projledger", *map(str, args)],
        cwd=cwd,
        env={**cli_env(), **env},
        capture_output=True,
        text=not binary,
        encoding=None if binary else "utf-8",
        timeout=120,
        check=False,
    )


def head(root: Path) -> str:
    return git(root, "rev-parse", "HEAD").strip()


def edit_once(path: Path, old: str, new: str) -> None:
    """Replace text that occurs exactly once, as a person editing the YAML would."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {path.name}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def ok(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 0, result.stderr
    assert result.stderr == "", result.stderr
    return result.stdout


def report_json(*args: str | Path, cwd: Path) -> dict[str, Any]:
    payload: dict[str, Any] = json.loads(ok(run_cli(*args, "--format", "json", cwd=cwd)))
    return payload


def table(payload: dict[str, Any], key: str) -> list[dict[str, Any]]:
    for found in payload["tables"]:
        if found["key"] == key:
            rows: list[dict[str, Any]] = found["rows"]
            return rows
    raise AssertionError(f"no table {key!r}: {[t['key'] for t in payload['tables']]}")


def figure(payload: dict[str, Any], key: str) -> Any:
    return next(f["value"] for f in payload["figures"] if f["key"] == key)


def one_line_error(result: subprocess.CompletedProcess[str], code: int, *words: str) -> None:
    """A user's mistake: the exit code, one readable line on stderr, no traceback."""
    assert result.returncode == code, (result.returncode, result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(("projledger: error: ", "projledger: 错误：")), result.stderr
    assert "Traceback" not in result.stderr
    for word in words:
        assert word in lines[0], (word, lines[0])


def usage_error(result: subprocess.CompletedProcess[str], *words: str) -> None:
    """A wrong command line: exit 2 with a message naming the problem, no traceback."""
    assert result.returncode == 2, (result.returncode, result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    for word in words:
        assert word in result.stderr, (word, result.stderr)


# --- shared roots ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sample_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample ledger, committed once as it is (read only: tests that change files copy)."""
    return Ledger.create(tmp_path_factory.mktemp("sample") / "root").root


class Week47:
    """The sample committed in W46, then changed in W46, W47 and W48: with the CLI's own
    change commands and with hand edits committed with plain git."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.commits: dict[str, str] = {}
        self.new_issue = ""

    def change(self, name: str, date: str, *args: str) -> str:
        out = ok(run_cli_env(*args, cwd=self.root, env=dated(date)))
        self.commits[name] = head(self.root)
        return out

    def by_hand(
        self, name: str, date: str, project: str, issue: str, author: tuple[str, str]
    ) -> None:
        """Type `state: 办理中` over `state: 已交办` for `issue` and commit with plain git."""
        path = self.root / "projects" / f"{project}.yaml"
        text = path.read_text(encoding="utf-8")
        at = text.index(f"  - id: {issue}\n")
        state = text.index("    state: 已交办\n", at)
        assert text.find("  - id: ", at + 1) > state, "the state line is the issue's own"
        path.write_text(
            text[:state] + "    state: 办理中\n" + text[state + len("    state: 已交办\n") :],
            encoding="utf-8",
        )
        env = dated(date, GIT_AUTHOR_NAME=author[0], GIT_AUTHOR_EMAIL=author[1])
        git(self.root, "commit", "-q", "-am", f"{issue} 开始办理", env=env)
        self.commits[name] = head(self.root)


@pytest.fixture(scope="module")
def week47(tmp_path_factory: pytest.TempPathFactory) -> Week47:
    top = tmp_path_factory.mktemp("w47") / "root"
    w = Week47(Ledger.create(top, date="2026-11-09T09:00:00+08:00").root)
    # W46: a state change by hand and an extension with the CLI. The extension is
    # authored on Sunday 11-15 at 20:00 in UTC-8 (11-16 04:00 UTC, W47 by UTC) and
    # committed on 11-16: the flow goes by the author's own day, so it is W46's.
    w.by_hand("w46_start", "2026-11-12T10:00:00+08:00", ZHONGYAO, "I-XDV9W7", WANG)
    w.change(
        "w46_extend",
        "2026-11-15T20:00:00-08:00",
        "extend", "laiwu-s242", "I-MYT8SN", "--to", "2026-12-25",
        "--reason", "线路迁改方案调整", "--approver", "李振华", "--today", "2026-11-15",
    )  # fmt: skip
    git(
        w.root, "commit", "-q", "--amend", "--no-edit",
        env={"GIT_COMMITTER_DATE": "2026-11-16T12:00:00+08:00"},
    )  # fmt: skip
    w.commits["w46_extend"] = head(w.root)
    # W47, with the CLI: 销号, 退回 (recorded as 李娜's), 延期, a new issue, a stage.
    w.change(
        "close",
        "2026-11-17T10:00:00+08:00",
        "advance", XINNENGYUAN, "I-8J2V7F", "--to", "已销号", "--verifier", "周海涛",
        "--today", "2026-11-17",
    )  # fmt: skip
    w.change(
        "return",
        "2026-11-18T10:00:00+08:00",
        "return", "laiwu-xueyehu", "I-58BDVK", "--reason", "佐证材料不全", "--by", "周海涛",
        "--author", "李娜 <lina@example.gov.cn>", "--today", "2026-11-18",
    )  # fmt: skip
    w.change(
        "extend",
        "2026-11-18T11:00:00+08:00",
        "extend", "laiwu-matoushan", "I-CTXGTS", "--to", "2026-12-20",
        "--reason", "第四批债券发行推迟", "--approver", "杨帆", "--today", "2026-11-18",
    )  # fmt: skip
    added = w.change(
        "new",
        "2026-11-19T10:00:00+08:00",
        "add", "issue", "laiwu-rencai", "--title", "施工围挡占道审批", "--category", "手续",
        "--today", "2026-11-19",
    )  # fmt: skip
    match = re.search(r"\b(I-[0-9A-Z]{6})\b", added)
    assert match is not None, added
    w.new_issue = match[1]
    # W47, by hand: 王强 types a state change into the YAML and commits with plain git.
    w.by_hand("hand", "2026-11-19T16:00:00+08:00", GAOXINQU, "I-9X614A", WANG)
    w.change(
        "stage", "2026-11-20T09:00:00+08:00", "advance", "laiwu-luzhong", "--today", "2026-11-20"
    )
    # W48: 00:30 on Monday 11-23 in UTC+8 is still 11-22 in UTC; it is not W47's.
    w.by_hand("w48_start", "2026-11-23T00:30:00+08:00", "laiwu-gongye-jiqiren-jiansuqi",
              "I-1HWWEP", WANG)  # fmt: skip
    assert git(w.root, "status", "--porcelain", "--", "projects") == ""
    return w


@pytest.fixture(scope="module")
def week47_report(week47: Week47) -> dict[str, Any]:
    return report_json("report", "weekly", "--week", "2026-W47", cwd=week47.root)


# --- 1. the week's flow from git -------------------------------------------------------------


def test_an_issue_raised_before_the_week_counts_as_entered_late_not_new(
    tmp_path: Path,
) -> None:
    """An issue added in the week with an earlier `raised` date (a unit reporting an old
    issue, an office importing its ledger) is 补录, apart from the week's new issues."""
    root = Ledger.create(tmp_path / "root", date="2026-11-09T09:00:00+08:00").root
    for title, raised in (("临时用电报装", "2026-11-17"), ("历史遗留用地问题", "2026-09-01")):
        ok(
            run_cli_env(
                "add", "issue", "laiwu-rencai", "--title", title, "--category", "手续",
                "--date", raised, "--today", "2026-11-17",
                cwd=root, env=dated("2026-11-17T10:00:00+08:00"),
            )
        )  # fmt: skip
    report = report_json("report", "weekly", "--week", "2026-W47", cwd=root)
    flow = {row["event"]: row["count"] for row in table(report, "flow")}
    assert (flow["新增问题"], flow["补录问题（提出早于本期）"]) == (1, 1)
    events = {row["title"]: row["change"] for row in table(report, "issue_events")}
    assert events == {"临时用电报装": "新增问题", "历史遗留用地问题": "补录问题（提出早于本期）"}
    english = report_json("report", "weekly", "--week", "2026-W47", "--lang", "en", cwd=root)
    counts = {row["event"]: row["count"] for row in table(english, "flow")}
    assert (counts["New issues"], counts["Entered late (raised before the period)"]) == (1, 1)


def test_the_text_says_the_weeks_flow_from_its_table(week47_report: dict[str, Any]) -> None:
    """The 通报's words take the flow table's counts (one computation), and leave out the
    moves that did not happen."""
    counts = {row["key"]: row["count"] for row in table(week47_report, "flow")}
    lead = week47_report["narrative"][0]["text"]
    assert (
        f"本周新增问题{counts['new']}个，销号{counts['closed']}个，"
        f"新增逾期事项{counts['became_overdue']}项。"
    ) in lead
    assert "交办" not in lead  # none assigned this week
    issues = week47_report["narrative"].index({"level": 1, "text": "三、问题办理情况"})
    assert week47_report["narrative"][issues + 1]["text"] == (
        f"本周新增问题{counts['new']}个，开始办理{counts['started']}个，销号{counts['closed']}个，"
        f"退回{counts['returned']}个，延期{counts['extended']}项，"
        f"新增逾期事项{counts['became_overdue']}项。"
    )


def test_weekly_flow_counts_what_git_recorded_in_the_week(
    week47: Week47, week47_report: dict[str, Any]
) -> None:
    report = week47_report
    assert report["kind"] == "weekly"
    assert report["period"] == {"start": "2026-11-16", "end": "2026-11-22"}
    assert report["as_of"] == "2026-11-22"  # a past week: as of its last day
    assert report["source"] == f"提交 {head(week47.root)[:12]}"
    assert report["notes"] == []
    flow = {row["event"]: row["count"] for row in table(report, "flow")}
    assert flow == {
        "新增问题": 1,  # add issue (rencai, 11-19)
        "补录问题（提出早于本期）": 0,
        "交办": 0,
        # The hand edit of I-9X614A; those of I-XDV9W7 (W46) and I-1HWWEP (W48) are not W47's.
        "开始办理": 1,
        "提交核验": 0,
        "销号": 1,  # I-8J2V7F
        "退回": 1,  # I-58BDVK
        "撤销": 0,
        "重新打开": 0,
        "延期": 1,  # D-NXGKFH; D-5XQCH7 was extended on the author's 11-15 (W46)
        # Due dates in force whose first overdue day falls in 11-16..11-22: I-9TX3QW (due
        # 11-15 after its extension) and I-AK2FW3 (due 11-18 after its extension).
        "新增逾期": 2,
    }
    c = {name: sha[:8] for name, sha in week47.commits.items()}
    events = [
        (e["date"], e["project_id"], e["item"], e["change"], e["from"], e["to"], e["author"],
         e["commit"])
        for e in table(report, "issue_events")
    ]  # fmt: skip
    assert events == [
        ("2026-11-17", XINNENGYUAN, "I-8J2V7F", "销号", "待核验", "已销号", TESTER, c["close"]),
        (
            "2026-11-18",
            MATOUSHAN,
            "D-NXGKFH",
            "延期",
            "2026-11-25",
            "2026-12-20",
            TESTER,
            c["extend"],
        ),
        ("2026-11-18", XUEYEHU, "I-58BDVK", "退回", "待核验", "办理中", "李娜", c["return"]),
        ("2026-11-19", GAOXINQU, "I-9X614A", "开始办理", "已交办", "办理中", "王强", c["hand"]),
        ("2026-11-19", RENCAI, week47.new_issue, "新增问题", None, "已登记", TESTER, c["new"]),
    ]
    new_issue = table(report, "issue_events")[-1]
    assert (new_issue["project"], new_issue["title"]) == ("莱芜区人才公寓项目", "施工围挡占道审批")
    advances = [
        (a["date"], a["project_id"], a["change"], a["from"], a["to"], a["author"], a["commit"])
        for a in table(report, "advances")
    ]
    assert advances == [
        ("2026-11-20", LUZHONG, "阶段", "已完成用地报批尚未供地", "已供地未完成规划报建", TESTER,
         c["stage"]),
    ]  # fmt: skip
    # Not one W46 or W48 commit shows up in the week's tables.
    shown = {row["commit"] for key in ("issue_events", "advances") for row in table(report, key)}
    assert shown.isdisjoint({c["w46_start"], c["w46_extend"], c["w48_start"]})


def test_weekly_flow_events_name_the_issue_they_concern(week47_report: dict[str, Any]) -> None:
    """The events table has a title column; a state change must say which issue it is about
    as well as a newly added one does (a dispatch meeting reads titles, not ids)."""
    titles = {e["item"]: e["title"] for e in table(week47_report, "issue_events")}
    assert titles["I-8J2V7F"] == "超低排放改造在线监测数据未联网"
    assert titles["I-58BDVK"] == "项目选址与雪野湖饮用水水源保护区边界重叠"
    assert titles["I-9X614A"] == "6号至12号厂房规划条件核实"


def test_weekly_flow_of_the_previous_week_holds_only_its_own_changes(week47: Week47) -> None:
    report = report_json("report", "weekly", "--week", "2026-W46", cwd=week47.root)
    flow = {row["event"]: row["count"] for row in table(report, "flow")}
    # The initial import (11-09, W46) adds every issue: the 35 raised before the week are
    # entered late, not new; 3 are dated in or after it (one on 11-09; two, on 11-16 and
    # 11-18, are the sample's own dates, later than this test's import).
    assert (flow["新增问题"], flow["补录问题（提出早于本期）"]) == (3, 35)
    # The W46 changes: one state change by hand, one extension.
    assert flow["开始办理"] == 1
    assert flow["延期"] == 1
    assert flow["销号"] == flow["退回"] == 0
    dated_changes = {
        (e["date"], e["item"], e["change"])
        for e in table(report, "issue_events")
        if e["change"] not in ("新增问题", "补录问题（提出早于本期）")
    }
    assert dated_changes == {
        # I-MYT8SN, raised on the import's day and imported 已交办, was assigned as it came.
        ("2026-11-09", "I-MYT8SN", "交办"),
        ("2026-11-12", "I-XDV9W7", "开始办理"),
        ("2026-11-15", "D-5XQCH7", "延期"),
    }


# --- 2. determinism --------------------------------------------------------------------------


def test_the_same_week_on_the_same_commit_gives_the_same_bytes(
    week47: Week47, tmp_path: Path
) -> None:
    root = tmp_path / "root"
    shutil.copytree(week47.root, root)
    shutil.rmtree(root / ".projledger", ignore_errors=True)
    formats = ("md", "json", "html", "xlsx")

    def render(run: str, cwd: Path, env: dict[str, str]) -> dict[str, bytes]:
        out = {}
        for fmt in formats:
            path = tmp_path / f"{run}.{fmt}"
            args = ["report", "weekly", "--week", "2026-W47", "--format", fmt, "-o", path]
            if cwd != root:
                args += ["--root", root]
            result = run_cli_env(*args, cwd=cwd, env=env)
            assert result.returncode == 0, result.stderr
            assert result.stdout == ""
            out[fmt] = path.read_bytes()
        return out

    cold = render("cold", root, {"TZ": "UTC"})
    assert (root / ".projledger").is_dir()  # the caches exist now
    warm = render("warm", root, {"TZ": "UTC"})
    # Without the caches, from another directory (--root), in another time zone: in
    # UTC+14 the W46 extension (authored 11-15 20:00 UTC-8) happened on 11-16, in W47.
    shutil.rmtree(root / ".projledger")
    elsewhere = render("elsewhere", tmp_path, {"TZ": "Pacific/Kiritimati"})
    assert (root / ".projledger").is_dir()
    for fmt in formats:
        assert warm[fmt] == cold[fmt], fmt
        assert elsewhere[fmt] == cold[fmt], fmt
    assert cold["xlsx"].startswith(b"PK")
    assert b"I-9X614A" in cold["json"]  # the flow from history is part of what is compared
    assert git(root, "status", "--porcelain", "--", "projects") == ""


# --- 3. invalid files ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def broken_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = Ledger.create(tmp_path_factory.mktemp("broken") / "root").root
    # Not YAML at all (an unclosed flow sequence), and YAML the schema refuses (no levels,
    # pool, industry...).
    (root / "projects" / "laiwu-broken.yaml").write_text(
        "schema_version: 1\nid: laiwu-broken\nname: [未闭合\n  levels: {\n", encoding="utf-8"
    )
    (root / "projects" / "laiwu-zz-invalid.yaml").write_text(
        "schema_version: 1\nid: laiwu-zz-invalid\nname: 缺字段的项目\npool: 不存在的库别\n",
        encoding="utf-8",
    )
    # A project the schema accepts and a rule refuses (`check` errors): its units are not
    # declared in projledger.yaml.
    (root / "projects" / RULES_BROKEN).write_text(rules_broken_project(), encoding="utf-8")
    return root


RULES_BROKEN = "laiwu-zz-rules.yaml"
UNDECLARED_UNIT = "大王庄镇政府办"
INVALID = ["laiwu-broken.yaml", "laiwu-zz-invalid.yaml", RULES_BROKEN]


def rules_broken_project() -> str:
    """The 马头山 project as another one (its own id, code and name, so nothing clashes
    across files), with a unit the config does not declare."""
    text = (SAMPLE_ROOT / "projects" / f"{MATOUSHAN}.yaml").read_text(encoding="utf-8")
    for old, new in (
        (f"id: {MATOUSHAN}", "id: laiwu-zz-rules"),
        ("code: 2023-370116-76-01-009354", "code: 2023-370116-76-01-009355"),
        ("name: 马头山水库工程", "name: 马头山水库二期工程"),
        ("大王庄镇人民政府", UNDECLARED_UNIT),
    ):
        assert old in text, old
        text = text.replace(old, new)
    return text


def test_invalid_files_are_listed_first_and_the_rest_is_reported(broken_root: Path) -> None:
    weekly = report_json("report", "weekly", "--week", "2026-W47", cwd=broken_root)
    assert weekly["invalid_files"] == INVALID
    assert figure(weekly, "projects") == 17  # 18 valid sample files, one of them 退库
    assert figure(weekly, "overdue_items") == 12  # as the sample alone (see the overdue tests)
    overdue = report_json("overdue", "--as-of", "2026-11-20", cwd=broken_root)
    assert overdue["invalid_files"] == INVALID
    assert len(table(overdue, "items")) == 12

    for args in (("report", "weekly", "--week", "2026-W47"), ("overdue", "--as-of", "2026-11-20")):
        text = ok(run_cli(*args, cwd=broken_root))
        # The weekly report's first table is its figures (指标), the overdue report's a grid.
        first_table = min(text.index(mark) for mark in ("┏", "指标") if mark in text)
        for name in INVALID:
            assert text.index(name) < first_table, (args, name)
        assert "3 个项目文件有错误" in text[:first_table]
    weekly_args = ("report", "weekly", "--week", "2026-W47")
    md = ok(run_cli(*weekly_args, "--format", "md", cwd=broken_root))
    for name in INVALID:
        assert md.index(f"> - `{name}`") < md.index("\n## "), name
    page = ok(run_cli(*weekly_args, "--format", "html", cwd=broken_root))
    box = page.index('<div class="warning" role="alert">')
    for name in INVALID:
        assert box < page.index(f"<code>{name}</code>") < page.index("<table"), name
    # check agrees: every file left out has errors.
    checked = json.loads(run_cli("check", "--format", "json", cwd=broken_root).stdout)
    assert {Path(f["file"]).name for f in checked["findings"] if f["severity"] == "error"} == set(
        INVALID
    )


def test_a_file_refused_by_a_rule_that_depends_on_the_config_is_back_once_the_config_is_fixed(
    tmp_path: Path,
) -> None:
    """The reports' caches hold what the rules said of each file under the config they
    ran with: declaring the unit brings the project back without any file changing."""
    root = copy_root(tmp_path / "root")
    (root / "projects" / RULES_BROKEN).write_text(rules_broken_project(), encoding="utf-8")
    args = ("overdue", "--as-of", "2026-11-20")
    before = report_json(*args, cwd=root)
    assert before["invalid_files"] == [RULES_BROKEN]
    assert len(table(before, "items")) == 12
    config = root / "projledger.yaml"
    text = config.read_text(encoding="utf-8")
    unit = "  - {name: 莱芜区财政局, short: 区财政局, kind: 部门}\n"
    assert unit in text
    config.write_text(
        text.replace(unit, unit + f"  - {{name: {UNDECLARED_UNIT}, kind: 镇街}}\n"),
        encoding="utf-8",
    )
    after = report_json(*args, cwd=root)
    assert after["invalid_files"] == []
    # The copy's overdue items count too: the same as 马头山's own three.
    assert len(table(after, "items")) == 12 + 3


def test_projects_that_share_a_national_code_are_all_left_out(tmp_path: Path) -> None:
    """Two files with one national code: `check` fails both (PL301), and the reports
    leave both out (counting both would count one project twice; which code is right is
    for a person to say)."""
    root = copy_root(tmp_path / "root")
    twin = (
        rules_broken_project()
        .replace("code: 2023-370116-76-01-009355", "code: 2023-370116-76-01-009354")
        .replace(UNDECLARED_UNIT, "大王庄镇人民政府")
    )
    (root / "projects" / "laiwu-zz-twin.yaml").write_text(
        twin.replace("id: laiwu-zz-rules", "id: laiwu-zz-twin"), encoding="utf-8"
    )
    both = [f"{MATOUSHAN}.yaml", "laiwu-zz-twin.yaml"]
    checked = json.loads(run_cli("check", "--format", "json", cwd=root).stdout)
    failed = {
        (Path(f["file"]).name, f["code"]) for f in checked["findings"] if f["severity"] == "error"
    }
    assert failed == {(name, "PL301") for name in both}
    for args in (("overdue", "--as-of", "2026-11-20"), ("report", "weekly", "--week", "2026-W47")):
        report = report_json(*args, cwd=root)
        assert report["invalid_files"] == both, args
    overdue = report_json("overdue", "--as-of", "2026-11-20", cwd=root)
    assert len(table(overdue, "items")) == 12 - 3  # 马头山's three are out with it
    at = Ledger.create(tmp_path / "repo").root
    shutil.copy(root / "projects" / "laiwu-zz-twin.yaml", at / "projects")
    git(at, "add", "-A")
    git(at, "commit", "-q", "-m", "手工新增", env=dated("2026-11-20T16:00:00+08:00"))
    at_head = report_json("overdue", "--as-of", "2026-11-20", "--at", "HEAD", cwd=at)
    assert at_head["invalid_files"] == both


def test_a_project_card_shows_a_file_with_rule_errors_and_says_so(tmp_path: Path) -> None:
    """The card is how one looks into a project, so it is shown; a note says the file has
    errors and that the other reports leave it out."""
    root = copy_root(tmp_path / "root")
    (root / "projects" / RULES_BROKEN).write_text(rules_broken_project(), encoding="utf-8")
    card = report_json("report", "project", "laiwu-zz-rules", "--as-of", "2026-11-20", cwd=root)
    checked = json.loads(run_cli("check", "--format", "json", cwd=root).stdout)
    errors = sum(1 for f in checked["findings"] if f["severity"] == "error")
    assert errors > 0
    assert card["notes"][0] == (
        f"本项目文件有 {errors} 处错误（运行 `projledger check` 查看），其他报告暂不计入本项目。"
    )
    sound = report_json("report", "project", MATOUSHAN, "--as-of", "2026-11-20", cwd=root)
    assert not any("错误" in note for note in sound["notes"])


def test_files_with_crlf_line_ends_or_a_byte_order_mark_are_left_out(tmp_path: Path) -> None:
    """YAML that reads, in a file check fails for its form (PL004, PL005)."""
    root = copy_root(tmp_path / "root")
    crlf = root / "projects" / f"{MATOUSHAN}.yaml"
    crlf.write_bytes(crlf.read_bytes().replace(b"\n", b"\r\n"))
    bom = root / "projects" / f"{RENCAI}.yaml"
    bom.write_bytes(b"\xef\xbb\xbf" + bom.read_bytes())
    checked = json.loads(run_cli("check", "--format", "json", cwd=root).stdout)
    failed = {
        (Path(f["file"]).name, f["code"]) for f in checked["findings"] if f["severity"] == "error"
    }
    assert {code for _, code in failed} == {"PL004", "PL005"}
    overdue = report_json("overdue", "--as-of", "2026-11-20", cwd=root)
    assert overdue["invalid_files"] == sorted({name for name, _ in failed})


def test_a_commit_s_file_refused_by_a_rule_is_left_out_too(tmp_path: Path) -> None:
    """`--at REV` reads the files of a commit: the same rules leave the same file out."""
    root = Ledger.create(tmp_path / "root").root
    (root / "projects" / RULES_BROKEN).write_text(rules_broken_project(), encoding="utf-8")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "手工新增", env=dated("2026-11-20T16:00:00+08:00"))
    (root / "projects" / RULES_BROKEN).unlink()  # the work tree no longer has it
    at = report_json("overdue", "--as-of", "2026-11-20", "--at", "HEAD", cwd=root)
    assert at["invalid_files"] == [RULES_BROKEN]
    assert len(table(at, "items")) == 12


# --- 4. overdue and due ----------------------------------------------------------------------

# Overdue on 2026-11-20 (due date in force < 11-20, target not done), 12 in all:
#   s242 milestone:开工 06-30 (143 d) · luzhong milestone:开工 09-30 ·
#   matoushan approval:用地规划许可 09-30 (51 d each) · gaoxinqu milestone:竣工 10-31 ·
#   matoushan I-Q442SQ (ext. 10-31) · matoushan T-RR55VA 10-31 · qiche T-WNWZJK 10-31 ·
#   s242 I-C9XYQG (ext. 10-31) (20 d each) · xinnengyuan I-16279D 11-10 (10 d) ·
#   zhongyao I-XDV9W7 11-12 (8 d) · jingpingang I-9TX3QW (ext. 11-15, 5 d) ·
#   rencai I-AK2FW3 (ext. 11-18, 2 d).
# jieneng I-XW3VQF (due 09-30) is not: extended on 10-16 to 12-15, after its due date
# (逾期后延期, which the ranking still counts: tests/test_issue14_review.py).
OVERDUE_TARGETS = Counter(
    {
        "milestone:开工": 2,
        "approval:用地规划许可": 1,
        "milestone:竣工": 1,
        "I-Q442SQ": 1,
        "T-RR55VA": 1,
        "T-WNWZJK": 1,
        "I-C9XYQG": 1,
        "I-16279D": 1,
        "I-XDV9W7": 1,
        "I-9TX3QW": 1,
        "I-AK2FW3": 1,
    }
)


def groups(payload: dict[str, Any]) -> dict[str, tuple[int, ...]]:
    return {
        row["group"]: tuple(v for k, v in row.items() if k != "group")
        for row in table(payload, "summary")
    }


def test_overdue_fail_on_for_ci(sample_repo: Path) -> None:
    now = run_cli("overdue", "--as-of", "2026-11-20", "--fail-on", "overdue", cwd=sample_repo)
    assert now.returncode == 1, now.stderr
    assert "I-AK2FW3" in now.stdout  # the report is still printed
    # The earliest due dates are 03-20 (both done before), 04-15 (closed 04-10) and 04-30
    # (zhongqi 开工 done 04-16; xinnengyuan T-N4P865 done only on 05-06): nothing is
    # overdue on 04-30, and on 05-01 exactly T-N4P865 is, by one day.
    clean = run_cli("overdue", "--as-of", "2026-04-30", "--fail-on", "overdue", cwd=sample_repo)
    assert clean.returncode == 0, clean.stderr
    late = run_cli(
        "overdue", "--as-of", "2026-05-01", "--fail-on", "overdue", "--format", "json",
        cwd=sample_repo,
    )  # fmt: skip
    assert late.returncode == 1, late.stderr
    rows = table(json.loads(late.stdout), "items")
    assert [(r["target"], r["days_overdue"]) for r in rows] == [("T-N4P865", 1)]


def test_fail_on_follows_the_filters_and_the_other_list(sample_repo: Path) -> None:
    def code(*args: str) -> int:
        result = run_cli(*args, "--as-of", "2026-11-20", "--format", "json", cwd=sample_repo)
        assert result.returncode in (0, 1), result.stderr
        return result.returncode

    # 区住建局 has nothing overdue on 11-20 but two items due within 7 days (the ranking's
    # 临期 column for 莱芜区住房和城乡建设局).
    assert code("overdue", "--unit", "区住建局", "--fail-on", "overdue") == 0
    assert code("overdue", "--unit", "区住建局", "--fail-on", "due-soon") == 1
    assert code("due", "--unit", "区住建局", "--fail-on", "overdue") == 0
    # `due --fail-on overdue` fails on the overdue items it does not list.
    assert code("due", "--fail-on", "overdue") == 1
    assert code("due", "--fail-on", "never") == 0


def test_overdue_csv_is_one_row_per_overdue_deadline(sample_repo: Path) -> None:
    payload = report_json("overdue", "--as-of", "2026-11-20", cwd=sample_repo)
    items = table(payload, "items")
    assert Counter(r["target"] for r in items) == OVERDUE_TARGETS
    assert sum(count for count, _ in groups(payload).values()) == 12
    # By unit (an issue's or task's unit; the project's 牵头单位 for approvals and milestones):
    assert groups(payload) == {
        ZIRAN: (3, 20),  # I-Q442SQ, I-C9XYQG, I-AK2FW3
        "莱芜区工业和信息化局": (1, 10),  # I-16279D
        "国网济南市莱芜区供电公司": (1, 5),
        "大王庄镇人民政府": (1, 20),
        "方下街道办事处": (1, 20),
        "济南市生态环境局莱芜分局": (1, 8),
        "莱芜区交通运输局": (1, 143),
        "莱芜区发展和改革局": (1, 51),
        "莱芜区水务局": (1, 51),
        "莱芜高新技术产业开发区管委会": (1, 20),
    }
    text = ok(run_cli("overdue", "--as-of", "2026-11-20", "--format", "csv", cwd=sample_repo))
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline="")))
    header, body = rows[0], rows[1:]
    assert len(body) == len(items) == 12
    target = header.index("编号")
    assert Counter(row[target] for row in body) == OVERDUE_TARGETS
    assert [row[target] for row in body] == [r["target"] for r in items]
    assert all(len(row) == len(header) for row in body)


def test_overdue_grouped_by_leader_project_and_level(sample_repo: Path) -> None:
    def by(what: str) -> dict[str, tuple[int, ...]]:
        payload = report_json("overdue", "--as-of", "2026-11-20", "--by", what, cwd=sample_repo)
        return groups(payload)

    # 包抓领导 of each overdue item's project (see the list above).
    assert by("leader") == {
        "李振华": (3, 143),  # s242 开工 + I-C9XYQG, xinnengyuan I-16279D
        "杨帆": (3, 51),  # matoushan ×3
        "王建国": (3, 51),  # luzhong 开工, qiche T-WNWZJK, jingpingang I-9TX3QW
        "赵志刚": (2, 20),  # gaoxinqu 竣工, zhongyao I-XDV9W7
        "崔凯": (1, 2),  # rencai I-AK2FW3
    }
    projects = by("project")
    assert projects[f"{MATOUSHAN} 马头山水库工程"] == (3, 51)
    assert projects["laiwu-s242-kouzhen-yangli-gaijian 省道S242口镇至羊里段改建工程"] == (2, 143)
    assert len(projects) == 9
    assert sum(count for count, _ in projects.values()) == 12
    # Levels as written in each file: s242 ×2, luzhong, matoushan ×3, zhongyao are 市级、区级;
    # gaoxinqu, qiche, rencai are 区级; xinnengyuan and jingpingang 省级、市级.
    assert by("level") == {"市级、区级": (7, 143), "区级": (3, 20), "省级、市级": (2, 10)}


def test_overdue_filters(sample_repo: Path) -> None:
    def targets(*filters: str) -> list[tuple[str, str]]:
        payload = report_json("overdue", "--as-of", "2026-11-20", *filters, cwd=sample_repo)
        return [(r["project_id"], r["target"]) for r in table(payload, "items")]

    full = targets("--unit", ZIRAN)
    assert sorted(t for _, t in full) == ["I-AK2FW3", "I-C9XYQG", "I-Q442SQ"]
    assert targets("--unit", "莱芜自然资源分局") == full  # its short name in projledger.yaml
    assert sorted(t for _, t in targets("--leader", "杨帆")) == [
        "I-Q442SQ",
        "T-RR55VA",
        "approval:用地规划许可",
    ]
    # 省级 among the levels: xinnengyuan's and jingpingang's (省级、市级) only.
    assert sorted(t for _, t in targets("--level", "省级")) == ["I-16279D", "I-9TX3QW"]
    matoushan = targets("--project", "laiwu-matou")
    assert sorted(matoushan) == [
        (MATOUSHAN, "I-Q442SQ"),
        (MATOUSHAN, "T-RR55VA"),
        (MATOUSHAN, "approval:用地规划许可"),
    ]


def test_overdue_and_due_refuse_bad_input(sample_repo: Path) -> None:
    unknown = run_cli("overdue", "--unit", "区不存在局", cwd=sample_repo)
    one_line_error(unknown, 1, "区不存在局", "projledger.yaml")
    assert unknown.stdout == ""
    one_line_error(run_cli("overdue", "--leader", "无此人", cwd=sample_repo), 1, "无此人")
    ambiguous = run_cli("overdue", "--project", "laiwu-s", cwd=sample_repo)  # exit 2: usage
    one_line_error(ambiguous, 2, "「laiwu-s」可指多个项目", "laiwu-s242-kouzhen-yangli-gaijian")
    usage_error(run_cli("overdue", "--as-of", "2026-02-30", cwd=sample_repo), "--as-of")
    usage_error(run_cli("due", "--within", "banana", cwd=sample_repo), "banana")


def test_due_within_weeks_or_days(sample_repo: Path) -> None:
    def due(within: str) -> list[tuple[str, str, str]]:
        payload = report_json("due", "--as-of", "2026-11-20", "--within", within, cwd=sample_repo)
        return [(r["project_id"], r["target"], r["due"]) for r in table(payload, "items")]

    # Not done and due 11-20..11-27: I-9X614A, I-GKG76Q (11-23), I-4DKTAV (11-24),
    # I-CTXGTS, rencai 开工 (11-25), T-ZZ8CGB, T-6AER2J, yingcheng 施工许可 (11-26),
    # rencai 工程规划许可 (11-22) → 9.
    week = due("7d")
    assert len(week) == 9
    assert all("2026-11-20" <= d <= "2026-11-27" for _, _, d in week)
    # To 12-04 adds the five due 11-30: I-1HWWEP, I-NCTY54 (ext.), T-YB5PYN, xueyehu
    # 核准备案, I-Q8BNJZ → 14; nothing falls on 12-01..12-04. (I-8J2V7F and I-58BDVK, due
    # 11-30 too, were submitted in time and wait for the office: 待核验, not due.)
    fortnight = due("2w")
    assert len(fortnight) == 14
    assert due("14d") == fortnight
    assert sum(1 for _, _, d in fortnight if d == "2026-11-30") == 5


# --- 5. report weekly: bad input, odd outputs, no git, language --------------------------------


def test_weekly_refuses_a_bad_period(sample_repo: Path) -> None:
    usage_error(
        run_cli("report", "weekly", "--week", "2026-W54", cwd=sample_repo), "2026-W54", "54"
    )
    usage_error(
        run_cli(
            "report", "weekly", "--week", "2026-W47", "--from", "2026-11-16", "--to",
            "2026-11-22", cwd=sample_repo,
        ),
        "--week", "--from",
    )  # fmt: skip
    usage_error(
        run_cli(
            "report", "weekly", "--from", "2026-11-22", "--to", "2026-11-16", cwd=sample_repo
        ),
        "2026-11-22", "2026-11-16",
    )  # fmt: skip


def test_weekly_xlsx_to_stdout_and_to_a_missing_directory(
    sample_repo: Path, tmp_path: Path
) -> None:
    piped = run_cli_env(
        "report", "weekly", "--week", "2026-W47", "--format", "xlsx",
        cwd=sample_repo, env={}, binary=True,
    )  # fmt: skip
    assert piped.returncode == 0, piped.stderr
    assert piped.stdout.startswith(b"PK")
    with zipfile.ZipFile(io.BytesIO(piped.stdout)) as workbook:
        assert workbook.testzip() is None
        assert "xl/workbook.xml" in workbook.namelist()
    written = tmp_path / "weekly.xlsx"
    args = ("report", "weekly", "--week", "2026-W47", "--format", "xlsx")
    ok(run_cli(*args, "-o", written, cwd=sample_repo))
    assert written.read_bytes() == piped.stdout

    missing = tmp_path / "no-such-dir" / "weekly.xlsx"
    failed = run_cli(*args, "-o", missing, cwd=sample_repo)
    one_line_error(failed, 1, str(missing), "无法写入报告")
    assert not missing.parent.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["weekly.xlsx"]


def test_weekly_outside_git_says_the_flow_needs_history(tmp_path: Path) -> None:
    root = copy_root(tmp_path / "root")
    # Never look for a repository above tmp_path, whatever the machine's layout.
    env = {"GIT_CEILING_DIRECTORIES": str(tmp_path)}
    result = run_cli_env(
        "report", "weekly", "--week", "2026-W47", "--format", "json", cwd=root, env=env
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["notes"] == [
        "该台账不在 git 仓库中或没有提交，本期问题流转与推进情况无法从历史中统计。"
    ]
    assert report["source"] == "不在 git 仓库中"
    assert table(report, "issue_events") == table(report, "advances") == []
    flow = {row["event"]: row["count"] for row in table(report, "flow")}
    assert flow["新增逾期"] == 2  # from due dates, not history (I-9TX3QW, I-AK2FW3)
    assert sum(flow.values()) == 2
    assert figure(report, "projects") == 17


def test_weekly_language_follows_the_config_unless_given(sample_repo: Path, tmp_path: Path) -> None:
    zh = report_json("report", "weekly", "--week", "2026-W47", cwd=sample_repo)
    assert (zh["lang"], zh["title"]) == ("zh", "重点项目周调度报告")
    assert zh["subtitle"] == "2026年第47周（11月16日—11月22日）"
    assert zh["tables"][0]["title"] == "按级别"
    en = report_json("report", "weekly", "--week", "2026-W47", "--lang", "en", cwd=sample_repo)
    assert (en["lang"], en["title"]) == ("en", "Key projects: weekly dispatch report")
    assert en["subtitle"] == "Week 47 of 2026 (16–22 November)"
    assert en["tables"][0]["title"] == "By level"
    assert [t["key"] for t in en["tables"]] == [t["key"] for t in zh["tables"]]

    # The same figures; the data period (数据期) is written in the report's language.
    def figures(report: dict[str, Any]) -> list[list[dict[str, Any]]]:
        return [
            [{k: v for k, v in row.items() if k != "data_period"} for row in t["rows"]]
            for t in report["tables"][:5]
        ]

    assert figures(en) == figures(zh)
    periods = [r["tables"][0]["rows"][0]["data_period"] for r in (zh, en)]
    assert periods == ["1-10月", "Jan–Oct"]

    english = copy_root(tmp_path / "english")
    edit_once(english / "projledger.yaml", "\nlanguage: zh\n", "\nlanguage: en\n")
    assert report_json("report", "weekly", "--week", "2026-W47", cwd=english)["lang"] == "en"
    back = report_json("report", "weekly", "--week", "2026-W47", "--lang", "zh", cwd=english)
    assert back["title"] == zh["title"]


# --- 6. monthly, quarterly, project, unit ------------------------------------------------------

PERIOD_TABLES = [
    "by_level", "by_pool", "by_maturity", "by_industry", "by_locality",
    "funding", "land", "element_issues", "unit_ranking",
    "lights", "behind", "flow", "issue_events", "advances", "open_issues", "overdue",
    "period_due",
    "coordination", "next_due", "project_ids",
]  # fmt: skip


def test_monthly_and_quarterly_reports(sample_repo: Path) -> None:
    monthly = report_json(
        "report", "monthly", "--month", "2026-11", "--as-of", "2026-11-20", cwd=sample_repo
    )
    assert monthly["kind"] == "monthly"
    assert (monthly["title"], monthly["subtitle"]) == ("重点项目月通报", "2026年11月份")
    assert monthly["period"] == {"start": "2026-11-01", "end": "2026-11-30"}
    assert [t["key"] for t in monthly["tables"]] == PERIOD_TABLES
    assert len(table(monthly, "overdue")) == 12
    # Due in November (due date in force as of 11-20): I-16279D 11-10, T-FRNEVY 11-10 (done
    # 11-06), I-XDV9W7 11-12, I-9TX3QW 11-15, I-AK2FW3 11-18, 工程规划许可 11-22, the eight
    # of 11-23..11-26 and the seven of 11-30 → 21.
    assert len(table(monthly, "period_due")) == 21
    # The ledger was committed on 11-20, so the month's history is that one commit: it
    # added every issue, 37 in the 17 reported files (2+2+1+3+2+3+4+2+3+3+6+2+2+2): the 4
    # raised in November are new (11-02 yingcheng, 11-09 s242, 11-16 xinnengyuan, 11-18
    # luzhong), the 33 raised before it entered late; of the 4 new, 2 came in assigned
    # (已交办), which counts as 交办 too.
    events = table(monthly, "issue_events")
    reported = [e for e in events if e["project_id"] != "laiwu-xueye-kangyang-dujia"]
    assert Counter(e["change"] for e in reported) == {
        "新增问题": 4,
        "补录问题（提出早于本期）": 33,
        "交办": 2,
    }

    quarterly = report_json(
        "report", "quarterly", "--quarter", "2026-Q4", "--as-of", "2026-11-20", cwd=sample_repo
    )
    assert quarterly["kind"] == "quarterly"
    assert quarterly["period"] == {"start": "2026-10-01", "end": "2026-12-31"}
    assert [t["key"] for t in quarterly["tables"]] == [
        "unit_ranking",
        "quarterly_locality",
        "lights",
        "behind",
        "project_ids",
    ]
    assert quarterly["subtitle"] == "2026年四季度"
    assert figure(quarterly, "overdue_items") == 12
    # Localities of the 17 reported projects: 10 different ones.
    assert len(table(quarterly, "quarterly_locality")) == 10
    assert sum(r["projects"] for r in table(quarterly, "quarterly_locality")) == 17


def test_project_card_by_prefix_with_its_history(week47: Week47) -> None:
    card = report_json("report", "project", "laiwu-matou", "--as-of", "2026-11-20",
                       cwd=week47.root)  # fmt: skip
    assert card["title"] == "项目卡片：马头山水库工程"
    # The file's lists: 5 responsibilities, 4 issues, 3 tasks, 9 deadlines, 6 approvals.
    assert [(t["key"], len(t["rows"])) for t in card["tables"][1:6]] == [
        ("responsibilities", 5),
        ("issues", 4),
        ("tasks", 3),
        ("deadlines", 9),
        ("approvals", 6),
    ]
    deadlines = {r["id"]: r for r in table(card, "deadlines")}
    assert (deadlines["D-NXGKFH"]["due"], deadlines["D-NXGKFH"]["extensions"]) == (
        "2026-12-20",
        1,
    )
    assert deadlines["D-6A52DJ"]["status"] == "逾期 20 天"  # I-Q442SQ, due 10-31 after two
    history = table(card, "history")
    # Newest first: the W47 extension, then the import (the project and its 5 + 4 + 3 + 9
    # items added): 1 + 22 rows.
    assert len(history) == 23
    latest = history[0]
    assert (latest["date"], latest["item"], latest["author"], latest["commit"]) == (
        "2026-11-18 11:00",
        "D-NXGKFH",
        TESTER,
        week47.commits["extend"][:8],
    )
    first = git(week47.root, "rev-list", "--max-parents=0", "HEAD")
    assert {r["commit"] for r in history[1:]} == {first[:8]}


def test_project_card_refuses_an_unknown_or_ambiguous_prefix(sample_repo: Path) -> None:
    ambiguous = run_cli("report", "project", "laiwu-s", cwd=sample_repo)
    one_line_error(ambiguous, 2, "「laiwu-s」可指多个项目", "laiwu-s242-kouzhen-yangli-gaijian")
    unknown = run_cli("report", "project", "no-such-project", cwd=sample_repo)
    one_line_error(unknown, 1, "no-such-project")


def test_unit_report_lists_only_that_units_items(sample_repo: Path) -> None:
    short = report_json("report", "unit", "区住建局", "--as-of", "2026-11-20", cwd=sample_repo)
    full = report_json("report", "unit", ZHUJIAN, "--as-of", "2026-11-20", cwd=sample_repo)
    assert short == full
    assert short["title"] == f"单位责任清单：{ZHUJIAN}"
    # The unit appears in two files only: gaoxinqu (配合单位; issue I-1FMNVZ, closed 06-22)
    # and rencai (牵头单位; task T-YB5PYN; as 牵头单位 it owns rencai's approval and
    # milestone deadlines).
    duties = [(r["project_id"], r["role"]) for r in table(short, "responsibilities")]
    assert sorted(duties) == [(GAOXINQU, "配合单位"), (RENCAI, "牵头单位")]
    assert [(r["project_id"], r["id"]) for r in table(short, "issues")] == [(GAOXINQU, "I-1FMNVZ")]
    assert [(r["project_id"], r["id"]) for r in table(short, "tasks")] == [(RENCAI, "T-YB5PYN")]
    assert table(short, "overdue") == []
    upcoming = table(short, "upcoming")
    assert [(r["target"], r["due"]) for r in upcoming] == [
        ("approval:工程规划许可", "2026-11-22"),
        ("milestone:开工", "2026-11-25"),
        ("T-YB5PYN", "2026-11-30"),
    ]
    assert {r["unit"] for r in upcoming} == {ZHUJIAN}
    assert figure(short, "due_soon") == 2  # 11-22 and 11-25 are within 7 days of 11-20
    one_line_error(
        run_cli("report", "unit", "区不存在局", cwd=sample_repo), 1, "区不存在局", "projledger.yaml"
    )


# --- 7. HTML escaping ---------------------------------------------------------------------------


def test_a_script_in_a_project_name_is_escaped_in_html_and_markdown(tmp_path: Path) -> None:
    week46 = "2026-11-10T09:00:00+08:00"  # no history in W47: only the tables below
    root = Ledger.create(tmp_path / "root", date=week46).root
    edit_once(
        root / "projects" / f"{MATOUSHAN}.yaml",
        "\nname: 马头山水库工程\n",
        '\nname: "<script>alert(1)</script>"\n',
    )
    git(root, "commit", "-q", "-am", "改名", env=dated(week46))
    page = ok(run_cli("report", "weekly", "--week", "2026-W47", "--format", "html", cwd=root))
    assert "<script" not in page.lower()
    assert "alert(1)</" not in page
    escaped = "&lt;script&gt;alert(1)&lt;/script&gt;"
    # matoushan's rows: lights 1, behind 1, overdue 3 (I-Q442SQ, T-RR55VA, 用地规划许可),
    # coordination 2 (I-Z6TQ4H level 3, I-Q442SQ level 4), next week's due 1 (I-CTXGTS),
    # open issues with their latest progress 3 (I-Z6TQ4H, I-Q442SQ, I-CTXGTS), the
    # appendix of ids 1; and the text names it three times (用地规划许可 among the three
    # longest overdue, a red light behind time progress, I-Q442SQ supervised by the
    # principal leader).
    assert page.count(escaped) == 15
    # Markdown renderers pass raw HTML through, so the Markdown escapes it too.
    markdown = ok(run_cli("report", "weekly", "--week", "2026-W47", "--format", "md", cwd=root))
    assert "<script" not in markdown.lower()
    assert markdown.count(escaped) == 15
    as_data = report_json("report", "weekly", "--week", "2026-W47", cwd=root)
    assert "<script>alert(1)</script>" in {r["project"] for r in table(as_data, "overdue")}


def _damage_facts(entries: list[list[Any]]) -> None:
    entries[0][1] = [1, 2, 3]  # not the project's id
    entries[1][1] = {"a": 1}  # not an id at all
    # The facts are kept as bytes after the JSON, each project's decoded as it is read:
    # one ends a byte early, and each later entry points one byte into its facts.
    entries[2][4] -= 1
    for entry in entries[3:]:
        if len(entry) == 5 and entry[4]:
            entry[3] += 1


def _damage_due_index(entries: list[list[Any]]) -> None:
    entries[0][1] = [1, 2, 3]  # not the length of a header
    entries[1][1] = {"a": 1}  # not a number at all
    entries[2][1] -= 1  # a header a byte short
    # Each project's header and deadlines are kept as bytes after the JSON, the deadlines
    # parsed only when the listing needs them, after the cache was read: each later entry
    # now keeps one byte of its deadlines.
    for entry in entries[3:]:
        if len(entry) == 5:
            entry[4] = entry[1] + 1


def read_cache(path: Path) -> tuple[dict[str, Any], bytes]:
    """A cache file's JSON and the bytes kept after it (`BlobCache`)."""
    header, _, attached = path.read_bytes().partition(b"\n")
    return json.loads(header), attached


def write_cache(path: Path, data: dict[str, Any], attached: bytes) -> None:
    path.write_bytes(json.dumps(data, ensure_ascii=False).encode() + b"\n" + attached)


@pytest.mark.parametrize(
    ("args", "cache_file", "damage"),
    [
        (("overdue", "--as-of", "2026-11-20"), "due-cache.json", _damage_due_index),
        (("due", "--within", "30d", "--as-of", "2026-11-20"), "due-cache.json", _damage_due_index),
        (("report", "weekly", "--week", "2026-W47"), "facts-cache.json", _damage_facts),
    ],
)
def test_a_damaged_cache_is_read_around(
    tmp_path: Path,
    args: tuple[str, ...],
    cache_file: str,
    damage: Callable[[list[list[Any]]], None],
) -> None:
    """The caches are files in the work tree anyone can break: damaged entries, or a file
    that is not JSON at all, cost a re-parse and change nothing in the report; and the
    next run finds the cache whole again."""
    root = copy_root(tmp_path / "root")
    args = (*args, "--format", "json")
    first = ok(run_cli(*args, cwd=root))
    cache = root / ".projledger" / cache_file
    data, attached = read_cache(cache)
    damage([data["files"][name] for name in sorted(data["files"])])
    write_cache(cache, data, attached)
    damaged = cache.read_bytes()
    assert ok(run_cli(*args, cwd=root)) == first
    assert cache.read_bytes() != damaged  # written anew
    again = cache.read_bytes()
    assert ok(run_cli(*args, cwd=root)) == first
    assert cache.read_bytes() == again  # whole: nothing to write
    cache.write_text("garbage{", encoding="utf-8")
    assert ok(run_cli(*args, cwd=root)) == first


def test_at_reports_on_the_ledger_as_a_commit_had_it(tmp_path: Path) -> None:
    """`--at REV|DATE` reads the projects of that commit (the work tree can be ahead),
    and the report names that commit as its source."""
    root = Ledger.create(tmp_path / "root", date="2026-11-10T10:00:00+08:00").root
    first = head(root)
    # I-AK2FW3 is 办理中 and overdue since 11-18; it is then settled and committed on 11-20.
    path = root / "projects" / "laiwu-rencai-gongyu.yaml"
    ok(
        run_cli(
            "advance", "laiwu-rencai-gongyu", "I-AK2FW3", "--to", "待核验",
            "--evidence", "修改后的设计方案", "--explanation", "日照间距已满足规范",
            "--today", "2026-11-19", cwd=root,
        )
    )  # fmt: skip
    ok(
        run_cli(
            "advance", "laiwu-rencai-gongyu", "I-AK2FW3", "--to", "已销号",
            "--verifier", "周海涛", "--today", "2026-11-19", cwd=root,
        )
    )  # fmt: skip
    assert "已销号" in path.read_text(encoding="utf-8")
    now = report_json("overdue", "--as-of", "2026-11-20", cwd=root)
    then = report_json("overdue", "--as-of", "2026-11-20", "--at", first, cwd=root)
    by_day = report_json("overdue", "--as-of", "2026-11-20", "--at", "2026-11-15", cwd=root)
    assert "I-AK2FW3" not in {r["target"] for r in table(now, "items")}
    assert "I-AK2FW3" in {r["target"] for r in table(then, "items")}
    assert then == by_day  # the last commit on or before 11-15 is the first one
    assert then["source"] == f"提交 {first[:12]}"
    assert len(table(then, "items")) == len(table(now, "items")) + 1
    one_line_error(run_cli("overdue", "--at", "2026-11-01", cwd=root), 1, "及以前没有提交")


def test_a_project_card_of_a_broken_file_names_its_first_problem(tmp_path: Path) -> None:
    root = copy_root(tmp_path / "root")
    path = root / "projects" / f"{MATOUSHAN}.yaml"
    text = path.read_text(encoding="utf-8")
    line = next(n for n, t in enumerate(text.splitlines(), 1) if t.strip().startswith("raised:"))
    edit_once(path, text.splitlines()[line - 1], "    raised: 2026-02-30")
    before = path.read_bytes()
    result = run_cli("report", "project", MATOUSHAN, cwd=root)
    one_line_error(result, 1, f"{MATOUSHAN}.yaml:{line}:", "PL012", "2026-02-30")
    assert path.read_bytes() == before


def test_the_source_line_follows_the_repository(tmp_path: Path) -> None:
    """The source line is read by one `git status` that runs while the ledger is read:
    before the first commit, clean, with a changed or a new project file, and for a
    ledger root in a subdirectory of the repository (changes outside it do not count)."""
    top = tmp_path / "repo"
    root = copy_root(top / "ledger")
    git(top, "init", "-q", "-b", "main")

    def source() -> str:
        return str(report_json("overdue", "--as-of", "2026-11-20", cwd=root)["source"])

    assert source() == "不在 git 仓库中"  # a repository without a commit
    git(top, "add", "-A")
    git(top, "commit", "-q", "-m", "台账初始化", env=dated("2026-11-20T15:00:00+08:00"))
    commit = f"提交 {head(top)[:12]}"
    assert source() == commit
    (top / "README.txt").write_text("outside the ledger root", encoding="utf-8")
    assert source() == commit
    path = root / "projects" / f"{MATOUSHAN}.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "# 手工备注\n", encoding="utf-8")
    assert source() == f"{commit} + 工作区（含未提交修改）"
    git(top, "checkout", "-q", "--", ".")
    assert source() == commit
    shutil.copy(path, root / "projects" / "xin-xiangmu.yaml")  # untracked (and invalid: id)
    assert source() == f"{commit} + 工作区（含未提交修改）"


def test_a_changed_config_is_read_again_though_the_cache_holds_the_old_one(
    tmp_path: Path,
) -> None:
    """The reports keep the validated config in their caches, keyed by its bytes: an edit
    of projledger.yaml takes effect at once, and a config made invalid is refused."""
    root = copy_root(tmp_path / "root")
    args = ("due", "--as-of", "2026-11-20")
    week = report_json(*args, cwd=root)
    assert week["period"]["end"] == "2026-11-27"  # due_soon_days: 7
    config = root / "projledger.yaml"
    text = config.read_text(encoding="utf-8")
    assert "due_soon_days: 7" in text
    config.write_text(text.replace("due_soon_days: 7", "due_soon_days: 30"), encoding="utf-8")
    month = report_json(*args, cwd=root)
    assert month["period"]["end"] == "2026-12-20"
    assert len(table(month, "items")) > len(table(week, "items"))
    config.write_text(text.replace("due_soon_days: 7", "due_soon_days: -1"), encoding="utf-8")
    one_line_error(run_cli(*args, cwd=root), 1, "配置文件有误，命令无法执行")

    # A damaged config cache is read around: the file is validated again.
    config.write_text(text, encoding="utf-8")
    assert report_json(*args, cwd=root) == week
    cache = root / ".projledger" / "config-cache.json"
    data = json.loads(cache.read_text(encoding="utf-8"))
    (entry,) = data["files"].values()
    entry[1]["units"] = [{"name": "区发改局", "nickname": "x"}]
    cache.write_text(json.dumps(data), encoding="utf-8")
    assert report_json(*args, cwd=root) == week
    cache.write_text("garbage{", encoding="utf-8")
    assert report_json(*args, cwd=root) == week
    assert json.loads(cache.read_text(encoding="utf-8"))["files"]  # written anew
