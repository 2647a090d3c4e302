"""Authority (the config's `members`): `audit` judges each commit's author against what the
commit changed (PL510-PL516), hand edits included; change commands refuse up front what
audit would reject for their author; the server hook refuses such a push. Real git
repositories, the real CLI in a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from projledger.findings import CODE_BY_ID
from projledger.history.audit import audit_findings
from projledger.root import LedgerRoot
from tests.helpers import (
    JINGPINGANG,
    TESTER,
    TODAY,
    Ledger,
    cli_env,
    copy_root,
    git,
    hand_ledger,
    run_cli,
)

OFFICE = ("周海涛", "zhouhaitao@laiwu.gov.cn")
ADMIN = ("信息科", "admin@laiwu.gov.cn")
POWER = ("马强", "maqiang@gongdian.example.cn")
"""The reporter of 国网济南市莱芜区供电公司 (declared by its short name), which owns I-9TX3QW."""
GAOZHUANG = ("张伟", "zhangwei@gaozhuang.gov.cn")
TASK_FORCE = ("征迁专班", "zhuanban@laiwu.gov.cn")
LEADER = ("王建国", "wangjianguo@laiwu.gov.cn")
STRANGER = ("路人", "someone@example.com")

MEMBERS = """
# 成员与权限
members:
  - who: 周海涛 <zhouhaitao@laiwu.gov.cn>
    roles: [办公室]
    unit: 莱芜区发展和改革局
    person: 周海涛
  - {who: admin@laiwu.gov.cn, roles: [管理员]}
  - {who: MaQiang@GongDian.example.cn, roles: [单位填报人], unit: 莱芜供电公司}
  - {who: zhangwei@gaozhuang.gov.cn, roles: [单位填报人], unit: 高庄街道办事处}
  - {who: zhuanban@laiwu.gov.cn, roles: [专班], task_force: 精品钢项目征迁专班}
  - {who: wangjianguo@laiwu.gov.cn, roles: [单位填报人], unit: 莱芜区发展和改革局, person: 王建国}
"""

PROGRESS_END = (
    "      - {date: 2026-10-30, note: 新建塔基完成12基，剩余6基受雨季影响}  # 周调度会上通报\n"
)
EXTENSION = (
    "      - {date: 2026-10-28, new_due: 2026-11-15, reason: 雨季影响塔基施工, approver: 王建国}\n"
)


def with_members(ledger: Ledger, extra: str = "") -> str:
    """The members declared (by the tester: no members before, so anyone may); the commit."""
    config = ledger.root / "projledger.yaml"
    config.write_text(config.read_text(encoding="utf-8") + MEMBERS + extra, encoding="utf-8")
    return ledger.commit("声明成员", "2026-11-02T09:00:00+08:00", TESTER)


def findings(ledger: Ledger, base: str) -> list[tuple[str, str]]:
    found = audit_findings(LedgerRoot(ledger.root), base, "HEAD", cwd=ledger.root)
    return [(f.code, f.text("zh")) for f in found]  # as the zh ledger's CLI shows them


def short(ledger: Ledger) -> str:
    return ledger.head()[:8]


@pytest.fixture
def ledger(tmp_path: Path) -> Ledger:
    return hand_ledger(tmp_path / "ledger")


def test_codes_are_registered() -> None:
    for code in ("PL510", "PL511", "PL512", "PL513", "PL514", "PL515", "PL516", "PL404"):
        assert CODE_BY_ID[code].severity.value == "error"


def test_without_members_anyone_may_change_anything(ledger: Ledger) -> None:
    base = ledger.head()
    ledger.edit("    state: 办理中\n", "    state: 已销号\n")
    ledger.edit(
        PROGRESS_END,
        PROGRESS_END + "    closure: {date: 2026-11-10, verifier: 周海涛, evidence: 现场照片}\n",
    )
    ledger.commit("自己销号", "2026-11-10T10:00:00+08:00", STRANGER)
    assert findings(ledger, base) == []


def test_what_each_role_may_do_passes(ledger: Ledger) -> None:
    base = with_members(ledger)
    # The unit's reporter: a progress note, then 申请核验, then a request for more time.
    ledger.edit(PROGRESS_END, PROGRESS_END + "      - {date: 2026-11-05, note: 塔基完成15基}\n")
    ledger.commit("供电公司进展", "2026-11-05T10:00:00+08:00", ("马强 (另一写法)", POWER[1]))
    ledger.edit("    state: 办理中\n", "    state: 待核验\n")
    ledger.edit(
        "      - {date: 2026-11-05, note: 塔基完成15基}\n",
        "      - {date: 2026-11-05, note: 塔基完成15基}\n"
        "    verification: {date: 2026-11-08, evidence: 竣工验收单, explanation: 迁改完成}\n",
    )
    ledger.commit("申请核验", "2026-11-08T10:00:00+08:00", POWER)
    ledger.edit(
        EXTENSION,
        EXTENSION + "    requests:\n"
        "      - {date: 2026-11-08, new_due: 2026-11-30, reason: 等待验收, by: 莱芜供电公司}\n",
    )
    ledger.commit("申请延期", "2026-11-08T11:00:00+08:00", POWER)
    # The task force: a new issue on its project.
    ledger.edit(
        "\ntasks:\n",
        "\n  - {id: I-7WQ3NB, title: 厂区南侧排水管网接入, category: 配套, source: 周调度, "
        "cause_side: 政府, raised: 2026-11-09, state: 已登记}\n\ntasks:\n",
    )
    ledger.commit("专班梳理问题", "2026-11-09T10:00:00+08:00", TASK_FORCE)
    # The office closes it after verification, and extends a deadline.
    ledger.edit("    state: 待核验\n", "    state: 已销号\n")
    ledger.edit(
        "迁改完成}\n",
        "迁改完成}\n    closure: {date: 2026-11-10, verifier: 周海涛, evidence: 现场核验}\n",
    )
    ledger.commit("销号", "2026-11-10T10:00:00+08:00", OFFICE)
    ledger.edit(
        "  - {id: D-8MCQ6T, target: milestone:竣工, due: 2027-06-30, basis: 项目建设计划}",
        "  - id: D-8MCQ6T\n    target: milestone:竣工\n    due: 2027-06-30\n"
        "    basis: 项目建设计划\n"
        "    extensions:\n      - {date: 2026-11-11, new_due: 2027-09-30, reason: 设备到货推迟, "
        "approver: 王建国}",
    )
    ledger.commit("延期", "2026-11-11T10:00:00+08:00", OFFICE)
    # The administrator changes the config.
    config = ledger.root / "projledger.yaml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("due_soon_days: 7", "due_soon_days: 10")
        if "due_soon_days: 7" in config.read_text(encoding="utf-8")
        else config.read_text(encoding="utf-8") + "due_soon_days: 10\n",
        encoding="utf-8",
    )
    ledger.commit("临期天数", "2026-11-12T10:00:00+08:00", ADMIN)
    assert findings(ledger, base) == []
    assert ledger.cli("audit", f"{base}..HEAD").returncode == 0


def test_each_breach_is_a_finding_naming_commit_author_item_and_rule(ledger: Ledger) -> None:
    base = with_members(ledger)
    # A unit's reporter closes its own issue.
    ledger.edit("    state: 办理中\n", "    state: 已销号\n")
    ledger.edit(
        PROGRESS_END,
        PROGRESS_END + "    closure: {date: 2026-11-10, verifier: 马强, evidence: 自查}\n",
    )
    closed = ledger.commit("自己销号", "2026-11-10T10:00:00+08:00", POWER)
    found = findings(ledger, base)
    assert [code for code, _ in found] == ["PL513"]
    message = found[0][1]
    assert f"提交 {closed[:8]}" in message and "自己销号" in message
    assert POWER[1] in message and "I-9TX3QW" in message and "220千伏供电线路迁改滞后" in message
    assert "销号只能由办公室（核验人）作出" in message


def test_other_breaches_each_have_their_code(ledger: Ledger) -> None:
    # Another unit's reporter logs progress on an issue; its own reporter edits its title
    # and extends its deadline; a stranger commits; a reporter edits the config.
    base = with_members(ledger)
    ledger.edit(PROGRESS_END, PROGRESS_END + "      - {date: 2026-11-11, note: 代为填报}\n")
    other = ledger.commit("代填", "2026-11-11T10:00:00+08:00", GAOZHUANG)
    ledger.edit("    title: 220千伏供电线路迁改滞后\n", "    title: 220千伏供电线路迁改\n")
    titled = ledger.commit("改标题", "2026-11-11T11:00:00+08:00", POWER)
    ledger.edit(
        EXTENSION,
        EXTENSION
        + "      - {date: 2026-11-12, new_due: 2026-11-30, reason: 自定, approver: 王建国}\n",
    )
    extended = ledger.commit("自己延期", "2026-11-12T10:00:00+08:00", POWER)
    ledger.edit("    coordination_level: 2\n", "    coordination_level: 3\n")
    stranger = ledger.commit("路人修改", "2026-11-12T11:00:00+08:00", STRANGER)
    config = ledger.root / "projledger.yaml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "roles: [单位填报人], unit: 莱芜供电公司", "roles: [办公室], unit: 莱芜供电公司"
        ),
        encoding="utf-8",
    )
    elevated = ledger.commit("给自己加权限", "2026-11-12T12:00:00+08:00", POWER)
    found = findings(ledger, base)
    by_code = dict(found)
    assert sorted(by_code) == ["PL510", "PL511", "PL512", "PL515", "PL516"], found
    assert other[:8] in by_code["PL511"] and "属于国网济南市莱芜区供电公司" in by_code["PL511"]
    assert "单位填报人只能填报本单位（高庄街道办事处）的事项" in by_code["PL511"]
    assert titled[:8] in by_code["PL512"] and "的标题；" in by_code["PL512"]
    assert extended[:8] in by_code["PL515"] and "D-3KD8XP" in by_code["PL515"]
    assert "包抓领导王建国" in by_code["PL515"]
    assert stranger[:8] in by_code["PL510"] and STRANGER[1] in by_code["PL510"]
    assert elevated[:8] in by_code["PL516"] and "配置只能由管理员修改" in by_code["PL516"]
    # The CLI prints them like check's findings and exits 1.
    result = ledger.cli("audit", f"{base}..HEAD")
    assert result.returncode == 1
    assert "错误 PL516" in result.stdout and "projledger.yaml" in result.stdout
    assert "错误 PL511" in result.stdout and f"projects/{JINGPINGANG}.yaml:" in result.stdout


def test_a_task_force_works_on_its_own_projects_only(ledger: Ledger) -> None:
    base = with_members(
        ledger, "  - {who: other@laiwu.gov.cn, roles: [专班], task_force: 马头山水库专班}\n"
    )
    ledger.edit(PROGRESS_END, PROGRESS_END + "      - {date: 2026-11-05, note: 专班现场调度}\n")
    ledger.commit("专班进展", "2026-11-05T10:00:00+08:00", TASK_FORCE)
    assert findings(ledger, base) == []
    base = ledger.head()
    ledger.edit(
        "      - {date: 2026-11-05, note: 专班现场调度}\n",
        "      - {date: 2026-11-05, note: 专班现场调度}\n      - {date: 2026-11-06, note: 越界}\n",
    )
    ledger.commit("别的专班", "2026-11-06T10:00:00+08:00", ("别的专班", "other@laiwu.gov.cn"))
    ledger.edit("    person: 马强\n", "    person: 张伟\n")
    ledger.commit("专班改责任人", "2026-11-07T10:00:00+08:00", TASK_FORCE)
    by_code = dict(findings(ledger, base))
    assert sorted(by_code) == ["PL511", "PL512"]
    assert "专班只能修改本专班（马头山水库专班）的项目" in by_code["PL511"]
    assert "它属于精品钢项目征迁专班" in by_code["PL511"]
    assert "的责任人；专班只能在本专班的项目中登记问题" in by_code["PL512"]


def test_a_role_counts_from_the_commit_after_it_was_granted(ledger: Ledger) -> None:
    base = with_members(ledger)
    config = ledger.root / "projledger.yaml"
    text = config.read_text(encoding="utf-8")
    config.write_text(
        text.replace(
            "{who: zhangwei@gaozhuang.gov.cn, roles: [单位填报人]",
            "{who: zhangwei@gaozhuang.gov.cn, roles: [单位填报人, 办公室]",
        ),
        encoding="utf-8",
    )
    ledger.commit("授权", "2026-11-03T09:00:00+08:00", ADMIN)
    ledger.edit("    coordination_level: 2\n", "    coordination_level: 3\n")
    ledger.commit("提级", "2026-11-04T09:00:00+08:00", GAOZHUANG)
    assert findings(ledger, base) == []


def test_the_lead_leader_and_configured_approvers_extend(ledger: Ledger) -> None:
    base = with_members(ledger, "extension_approvers: [管理员]\n")
    ledger.edit(
        EXTENSION,
        EXTENSION
        + "      - {date: 2026-11-12, new_due: 2026-11-30, reason: 停电窗口, approver: 王建国}\n",
    )
    ledger.commit("包抓领导批准延期", "2026-11-12T10:00:00+08:00", LEADER)
    assert findings(ledger, base) == []
    base = ledger.head()
    ledger.edit(
        "      - {date: 2026-11-12, new_due: 2026-11-30, reason: 停电窗口, approver: 王建国}\n",
        "      - {date: 2026-11-12, new_due: 2026-11-30, reason: 停电窗口, approver: 王建国}\n"
        "      - {date: 2026-11-13, new_due: 2026-12-10, reason: 再延, approver: 王建国}\n",
    )
    ledger.commit("办公室延期", "2026-11-13T10:00:00+08:00", OFFICE)
    assert [code for code, _ in findings(ledger, base)] == ["PL515"]


def test_messages_follow_the_run_language(ledger: Ledger) -> None:
    config = ledger.root / "projledger.yaml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("language: zh", "language: en"),
        encoding="utf-8",
    )
    base = with_members(ledger)
    ledger.edit("    state: 办理中\n", "    state: 已销号\n")
    ledger.edit(
        PROGRESS_END,
        PROGRESS_END + "    closure: {date: 2026-11-10, verifier: 马强, evidence: 自查}\n",
    )
    ledger.commit("close it", "2026-11-10T10:00:00+08:00", POWER)
    ((code, _),) = findings(ledger, base)
    assert code == "PL513"
    english = ledger.cli("audit", base)  # the ledger's language
    assert f"error PL513 commit {short(ledger)} (马强, 2026-11-10" in english.stdout
    assert "only a verifier (办公室) closes an issue" in english.stdout
    chinese = ledger.cli("--lang", "zh", "audit", base)  # another asked for: every word in it
    assert f"错误 PL513 提交 {short(ledger)}（马强，2026-11-10，“close it”）" in chinese.stdout
    assert "销号只能由办公室（核验人）作出" in chinese.stdout


# --- the change commands ---------------------------------------------------------------------


def test_change_commands_refuse_what_audit_would_reject_for_their_author(ledger: Ledger) -> None:
    base = with_members(ledger)
    power = f"--author '{POWER[0]} <{POWER[1]}>'"
    office = f"--author '{OFFICE[0]} <{OFFICE[1]}>'"
    count = ledger.count()
    # The unit: a note and 申请核验 pass; closing its own issue is refused, before writing.
    assert ledger.run(f"log {JINGPINGANG} I-9TX3QW 塔基完成15基 {power}").returncode == 0
    asked = ledger.run(
        f"advance {JINGPINGANG} I-9TX3QW --evidence 验收单 --explanation 迁改完成 {power}"
    )
    assert asked.returncode == 0, asked.stderr
    before = ledger.text(JINGPINGANG)
    refused = ledger.run(f"advance {JINGPINGANG} I-9TX3QW --verifier 周海涛 {power}")
    assert refused.returncode == 1
    assert refused.stderr.startswith("projledger: 错误：拒绝修改：这一修改：马强 <")
    assert "销号只能由办公室（核验人）作出" in refused.stderr
    assert "`projledger audit` 将报告 PL513" in refused.stderr
    assert "Traceback" not in refused.stderr
    assert ledger.text(JINGPINGANG) == before and ledger.count() == count + 2
    # Nor return it, nor extend its deadline, nor change another unit's item.
    refused = ledger.run(f"return {JINGPINGANG} I-9TX3QW --reason 重做 {power}")
    assert refused.returncode == 1 and "PL514" in refused.stderr
    refused = ledger.run(
        f"extend {JINGPINGANG} I-9TX3QW --to 2026-12-31 --reason 等待 --approver 王建国 {power}"
    )
    assert refused.returncode == 1 and "PL515" in refused.stderr
    gaozhuang = f"--author '{GAOZHUANG[0]} <{GAOZHUANG[1]}>'"
    refused = ledger.run(f"log {JINGPINGANG} I-9TX3QW 代填 {gaozhuang}")
    assert refused.returncode == 1 and "PL511" in refused.stderr
    # The git identity (the tester) is not a member: refused, --dry-run too.
    refused = ledger.run(f"log {JINGPINGANG} I-9TX3QW 测试")
    assert refused.returncode == 1 and "PL510" in refused.stderr and TESTER[1] in refused.stderr
    refused = ledger.run(f"log {JINGPINGANG} I-9TX3QW 测试 --dry-run")
    assert refused.returncode == 1 and "PL510" in refused.stderr
    # The office closes it.
    closed = ledger.run(f"advance {JINGPINGANG} I-9TX3QW --verifier 周海涛 {office}")
    assert closed.returncode == 0, closed.stderr
    assert ledger.count() == count + 3
    assert ledger.cli("audit", f"{base}..HEAD").returncode == 0


def test_hand_edits_committed_by_a_command_are_judged_for_git_identity(ledger: Ledger) -> None:
    with_members(ledger)
    ledger.edit("    coordination_level: 2\n", "    coordination_level: 3\n")
    office = f"--author '{OFFICE[0]} <{OFFICE[1]}>'"
    refused = ledger.run(f"log {JINGPINGANG} I-9TX3QW 塔基完成15基 {office} --commit-hand-edits")
    assert refused.returncode == 1
    assert "手工修改：" in refused.stderr and "PL510" in refused.stderr


def test_an_import_is_judged_for_its_author(tmp_path: Path) -> None:
    ledger = Ledger.create(tmp_path / "root", projects=[])
    with_members(ledger)
    sheet = tmp_path / "台账.csv"
    sheet.write_text(
        "项目名称,总投资（万元）,项目阶段,包抓领导\n城东污水处理厂,5000,前期研究,王建国\n",
        encoding="utf-8",
    )
    defaults = (
        "--default level=区级 --default industry=先进制造 --default pool=新建 "
        "--default locality=凤城街道 --default owner=城投公司"
    )
    refused = ledger.run(f"import {sheet} {defaults} --author '{POWER[0]} <{POWER[1]}>'")
    assert refused.returncode == 1 and "PL512" in refused.stderr, refused.stderr
    assert not list((ledger.root / "projects").glob("*.yaml"))
    imported = ledger.run(f"import {sheet} {defaults} --author '{OFFICE[0]} <{OFFICE[1]}>'")
    assert imported.returncode == 0, imported.stderr
    assert list((ledger.root / "projects").glob("*.yaml"))


def test_the_config_declares_members_correctly(tmp_path: Path) -> None:
    root = copy_root(tmp_path / "root", projects=False)
    config = root / "projledger.yaml"
    declared = config.read_text(encoding="utf-8")
    config.write_text(
        declared + "members:\n"
        "  - {who: a@x.cn, roles: [单位填报人]}\n"
        "  - {who: A@X.cn, roles: [办公室]}\n"
        "  - {who: b@x.cn, roles: [专班], unit: 无此单位}\n",
        encoding="utf-8",
    )
    result = run_cli("check", cwd=root)
    assert result.returncode == 1
    assert "PL404 成员 a@x.cn：单位填报人为某一单位填报" in result.stdout
    assert "PL401 A@X.cn 重复声明" in result.stdout
    result = run_cli("check", "--lang", "en", cwd=root)
    assert result.returncode == 1
    out = result.stdout
    assert "PL404 member a@x.cn: a 单位填报人 reports for a unit" in out
    assert "PL401 A@X.cn is declared again" in out
    assert "PL404 member b@x.cn: a 专班 works on its projects" in out
    assert "its unit 无此单位 is not declared" in out
    # A role that is not one of the four: the schema's enumeration.
    config.write_text(declared + "members:\n  - {who: c@x.cn, roles: [领导]}\n", encoding="utf-8")
    result = run_cli("check", cwd=root)
    assert result.returncode == 1 and "PL104" in result.stdout and "单位填报人" in result.stdout


# --- the server hook -------------------------------------------------------------------------


def _as(clone: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`projledger ARGS` in a clone, as its own git identity (`git config user.*`)."""
    return subprocess.run(
        [sys.executable, "-m", "projledger", *args],
        cwd=clone,
        env=_own_identity(),
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )


def _own_identity() -> dict[str, str]:
    env = cli_env()
    for name in ("NAME", "EMAIL"):
        env.pop(f"GIT_AUTHOR_{name}", None)
        env.pop(f"GIT_COMMITTER_{name}", None)
    return env


def _git_as(clone: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["git", *args], cwd=clone, env=_own_identity(), capture_output=True, text=True, check=False
    )


def test_the_server_hook_refuses_a_unit_closing_its_own_issue(tmp_path: Path) -> None:
    remote = tmp_path / "ledger.git"
    git(tmp_path, "init", "-q", "--bare", "-b", "main", str(remote))
    seed = hand_ledger(tmp_path / "seed")
    with_members(seed)
    git(seed.top, "remote", "add", "origin", str(remote))
    git(seed.top, "push", "-q", "-u", "origin", "main")
    installed = run_cli("server-hook", "install", remote, cwd=tmp_path)
    assert installed.returncode == 0, installed.stderr
    clones = {}
    for name, (person, email) in {"office": OFFICE, "unit": POWER}.items():
        clone = tmp_path / name
        git(tmp_path, "clone", "-q", str(remote), str(clone))
        git(clone, "config", "user.name", person)
        git(clone, "config", "user.email", email)
        clones[name] = clone
    unit, office = clones["unit"], clones["office"]

    # The unit asks for verification with the command: allowed, pushed.
    asked = _as(
        unit,
        "advance",
        JINGPINGANG,
        "I-9TX3QW",
        "--evidence",
        "验收单",
        "--explanation",
        "迁改完成",
        "--today",
        TODAY,
    )
    assert asked.returncode == 0, asked.stderr
    assert _git_as(unit, "push", "-q", "origin", "main").returncode == 0
    allowed = git(remote, "rev-parse", "main").strip()

    # Its own close, by the command: refused before any commit.
    refused = _as(
        unit, "advance", JINGPINGANG, "I-9TX3QW", "--verifier", "周海涛", "--today", TODAY
    )
    assert refused.returncode == 1 and "PL513" in refused.stderr
    # By hand, committed with plain git: the server refuses the push, naming commit and rule.
    path = unit / "projects" / f"{JINGPINGANG}.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("    state: 待核验\n")
    text = text[:start] + "    state: 已销号\n" + text[start + len("    state: 待核验\n") :]
    text = text.replace(
        "explanation: 迁改完成}\n",
        "explanation: 迁改完成}\n"
        "    closure: {date: 2026-11-20, verifier: 周海涛, evidence: 验收单}\n",
    )
    path.write_text(text, encoding="utf-8")
    assert _git_as(unit, "commit", "-q", "-am", "自行销号").returncode == 0
    commit = git(unit, "rev-parse", "--short=8", "HEAD").strip()
    pushed = _git_as(unit, "push", "origin", "main")
    assert pushed.returncode != 0
    assert "pre-receive hook declined" in pushed.stderr
    assert "错误 PL513" in pushed.stderr and f"提交 {commit}" in pushed.stderr
    assert "销号只能由办公室（核验人）作出" in pushed.stderr and POWER[1] in pushed.stderr
    assert git(remote, "rev-parse", "main").strip() == allowed
    # The unit drops its commit; the office closes the issue, and its push goes through.
    git(unit, "reset", "-q", "--hard", "origin/main")
    assert _git_as(office, "pull", "-q", "origin", "main").returncode == 0
    closed = _as(
        office, "advance", JINGPINGANG, "I-9TX3QW", "--verifier", "周海涛", "--today", TODAY
    )
    assert closed.returncode == 0, closed.stderr
    accepted = _git_as(office, "push", "origin", "main")
    assert accepted.returncode == 0, accepted.stderr
    assert git(remote, "rev-parse", "main").strip() == git(office, "rev-parse", "HEAD").strip()
    assert os.access(remote / "hooks" / "pre-receive", os.X_OK)
