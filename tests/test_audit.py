"""`projledger audit BASE..HEAD`: the history rules (PL5xx), each breaking and each kept."""

import json
import re
from pathlib import Path

import pytest

from projledger.findings import CODE_BY_ID
from projledger.history.audit import audit_findings
from projledger.root import LedgerRoot
from tests.helpers import JINGPINGANG, LI, NEW_ISSUE, WANG, Ledger, add_issue, git, hand_ledger

FILE = f"projects/{JINGPINGANG}.yaml"
EXTENSION = (
    "      - {date: 2026-10-28, new_due: 2026-11-15, reason: 雨季影响塔基施工, approver: 王建国}\n"
)
SECOND_EXTENSION = (
    "      - {date: 2026-11-12, new_due: 2026-11-30, reason: 停电窗口顺延, approver: 王建国}\n"
)
CLOSED_ISSUE_END = (
    "    closure: {date: 2026-03-18, verifier: 周海涛, evidence: 现场核验照片及验收单}\n"
)


@pytest.fixture
def ledger(tmp_path: Path) -> Ledger:
    return hand_ledger(tmp_path / "ledger")


def audit(ledger: Ledger, base: str, head: str = "HEAD") -> list[tuple[str, str]]:
    """(code, message) of each finding, from the function the CLI uses."""
    findings = audit_findings(LedgerRoot(ledger.root), base, head, cwd=ledger.root)
    return [(f.code, f.message) for f in findings]


def codes(ledger: Ledger, base: str, head: str = "HEAD") -> list[str]:
    return [code for code, _ in audit(ledger, base, head)]


def test_every_code_is_registered() -> None:
    for code in ("PL500", "PL501", "PL502", "PL503", "PL504", "PL505", "PL506"):
        assert CODE_BY_ID[code].severity.value == "error"


def test_legal_changes_pass(ledger: Ledger) -> None:
    base = ledger.first
    # A progress note, an issue advanced, an extension appended, a new issue.
    ledger.edit(
        "新建塔基完成12基，剩余6基受雨季影响}",
        "新建塔基完成12基，剩余6基受雨季影响}\n      - {date: 2026-11-10, note: 塔基全部完成}",
    )
    ledger.edit(EXTENSION, EXTENSION + SECOND_EXTENSION)
    add_issue(ledger)
    ledger.commit("周调度", "2026-11-10T10:00:00+08:00", LI)
    # The new issue withdrawn, the closed one reopened through a recorded return.
    ledger.edit(
        "    raised: 2026-11-02\n    state: 已登记\n",
        "    raised: 2026-11-02\n    state: 已撤销\n"
        "    withdrawal: {date: 2026-11-12, reason: 已并入I-9TX3QW}\n",
    )
    ledger.edit("    state: 已销号\n", "    state: 办理中\n")
    ledger.edit(
        CLOSED_ISSUE_END,
        "    returns:\n      - {date: 2026-11-12, reason: 仍有5户未腾空, by: 周海涛}\n",
    )
    ledger.commit("退回与撤销", "2026-11-12T10:00:00+08:00", WANG)
    # The reopened issue is worked on and closed again, with a new closure record.
    ledger.edit(
        "      - {date: 2026-11-12, reason: 仍有5户未腾空, by: 周海涛}\n",
        "      - {date: 2026-11-12, reason: 仍有5户未腾空, by: 周海涛}\n"
        "    closure: {date: 2026-11-19, verifier: 周海涛, evidence: 复核照片}\n",
    )
    ledger.edit(
        "    state: 办理中\n    unit: 高庄街道办事处", "    state: 已销号\n    unit: 高庄街道办事处"
    )
    # A project retired rather than deleted.
    ledger.edit(
        "pool: 续建",
        "pool: 退库\nretirement: {date: 2026-11-19, reason: 项目终止, reviewer: 王建国}",
    )
    ledger.commit("再次销号；退库", "2026-11-19T10:00:00+08:00", LI)

    assert audit(ledger, base) == []
    result = ledger.cli("audit", f"{base[:10]}..HEAD")
    assert result.returncode == 0, result.stdout + result.stderr
    # the ledger's language; what was checked: the commits, and the files they changed
    assert result.stdout.strip() == "已检查 3 次提交、1 个文件：未发现问题"


def test_a_deleted_project_file(ledger: Ledger) -> None:
    ledger.file().unlink()
    deleted = ledger.commit("删除项目", "2026-11-03T10:00:00+08:00", LI)
    found = audit(ledger, ledger.first)
    assert [code for code, _ in found] == ["PL500"]
    message = found[0][1]
    assert f'{FILE} was deleted in commit {deleted[:8]} (李娜, 2026-11-03, "删除项目")' in message
    assert f"git checkout {deleted[:8]}^ -- {FILE}" in message
    assert "退库" in message

    result = ledger.cli("audit", ledger.first)
    assert result.returncode == 1
    assert result.stdout.startswith(f"{FILE}:1:1: 错误 PL500 ")

    git(ledger.top, "checkout", f"{deleted}^", "--", FILE)
    ledger.commit("恢复", "2026-11-04T10:00:00+08:00")
    assert audit(ledger, ledger.first) == []


def test_a_deleted_item(ledger: Ledger) -> None:
    task = (
        "  - id: T-6FJ2RA\n    title: 完成年度投资42亿元\n"
        "    measure: {amount: 420000, unit: 万元}\n"
        "    unit: 莱芜区发展和改革局\n    person: 周海涛\n    state: 进行中\n"
    )
    ledger.edit(task, "")
    removed = ledger.commit("删任务", "2026-11-03T10:00:00+08:00", WANG)
    found = audit(ledger, ledger.first)
    assert [code for code, _ in found] == ["PL501"]
    assert found[0][1] == (
        f"task T-6FJ2RA (完成年度投资42亿元) was removed from tasks in commit {removed[:8]} "
        '(王强, 2026-11-03, "删任务"); items are never deleted: restore it as it was and '
        "keep it instead, and say in its note why it no longer applies"
    )
    issue = "    closure: {date: 2026-03-18"
    assert issue in ledger.file().read_text(encoding="utf-8")

    ledger.edit("tasks:\n", "tasks:\n" + task)
    ledger.commit("恢复任务", "2026-11-04T10:00:00+08:00")
    assert audit(ledger, ledger.first) == []
    # Withdrawing an issue is the way to drop it: no finding.
    ledger.edit(
        "    state: 办理中\n",
        "    state: 已撤销\n    withdrawal: {date: 2026-11-05, reason: 不再迁改}\n",
    )
    ledger.commit("撤销", "2026-11-05T10:00:00+08:00")
    assert audit(ledger, ledger.first) == []


def test_an_id_that_came_back_for_another_item(ledger: Ledger) -> None:
    add_issue(ledger)
    ledger.commit("新增", "2026-11-02T10:00:00+08:00")
    ledger.edit(NEW_ISSUE, "")
    ledger.commit("删除（范围之前）", "2026-11-03T10:00:00+08:00")
    base = ledger.head()
    ledger.edit(
        "\ntasks:\n", NEW_ISSUE.replace("厂区南侧排水管网接入", "厂区北门道路硬化") + "\ntasks:\n"
    )
    reused = ledger.commit("新问题", "2026-11-05T10:00:00+08:00", LI)
    found = audit(ledger, base)
    assert [code for code, _ in found] == ["PL502"]
    assert found[0][1].startswith(
        "id I-7WQ3NB was used by another issue (厂区南侧排水管网接入), which was removed, "
        f"and is used again in commit {reused[:8]}"
    )
    assert "give the new item a new id" in found[0][1]
    # The deletion itself happened before the range: not reported here.
    assert "PL501" not in codes(ledger, base)


def test_a_restored_item_is_not_a_reused_id(ledger: Ledger) -> None:
    add_issue(ledger)
    ledger.commit("新增", "2026-11-02T10:00:00+08:00")
    ledger.edit(NEW_ISSUE, "")
    ledger.commit("误删", "2026-11-03T10:00:00+08:00")
    base = ledger.head()
    add_issue(ledger)
    ledger.edit(
        "    raised: 2026-11-02\n    state: 已登记\n",
        "    raised: 2026-11-02\n    state: 已撤销\n"
        "    withdrawal: {date: 2026-11-04, reason: 重复登记}\n",
    )
    ledger.commit("恢复并撤销", "2026-11-04T10:00:00+08:00")
    assert audit(ledger, base) == []


def test_an_id_used_by_another_list(ledger: Ledger) -> None:
    ledger.edit("  - id: T-8H3J2Q\n", "  - id: T-8H3J2X\n")
    ledger.edit("\ntasks:\n", NEW_ISSUE.replace("I-7WQ3NB", "T-8H3J2Q") + "\ntasks:\n")
    moved = ledger.commit("换号", "2026-11-03T10:00:00+08:00")
    found = dict(audit(ledger, ledger.first))
    assert sorted(found) == ["PL502"]
    assert found["PL502"].startswith(
        f"id T-8H3J2Q belongs to tasks (完成300户征迁清表) but is used in issues since commit "
        f"{moved[:8]}"
    )


def test_a_closed_issue_changed(ledger: Ledger) -> None:
    ledger.edit("    title: 厂区周边300户居民征迁\n", "    title: 厂区周边300户居民征迁安置\n")
    ledger.edit("    coordination_level: 3\n", "    coordination_level: 4\n")
    changed = ledger.commit("改已销号问题", "2026-11-03T10:00:00+08:00")
    found = audit(ledger, ledger.first)
    assert [code for code, _ in found] == ["PL503"]
    assert found[0][1].startswith(
        "issue I-4M8K2P (厂区周边300户居民征迁安置) is closed (已销号) but coordination_level, "
        f"title changed afterwards in commit {changed[:8]}"
    )
    assert "reopen the issue through a recorded return" in found[0][1]

    ledger.edit("    title: 厂区周边300户居民征迁安置\n", "    title: 厂区周边300户居民征迁\n")
    ledger.edit("    coordination_level: 4\n", "    coordination_level: 3\n")
    ledger.commit("撤回修改", "2026-11-04T10:00:00+08:00")
    assert audit(ledger, ledger.first) == []


def test_a_closed_issue_reopened_without_a_return(ledger: Ledger) -> None:
    ledger.edit("    state: 已销号\n", "    state: 办理中\n")
    ledger.edit(CLOSED_ISSUE_END, "")
    ledger.commit("重开", "2026-11-03T10:00:00+08:00")
    assert codes(ledger, ledger.first) == ["PL503"]


def test_an_issue_closed_within_the_range_is_not_changed_afterwards(ledger: Ledger) -> None:
    ledger.edit("    state: 办理中\n    unit: 国网", "    state: 已销号\n    unit: 国网")
    ledger.edit(
        "剩余6基受雨季影响}  # 周调度会上通报\n",
        "剩余6基受雨季影响}\n    closure: {date: 2026-11-10, verifier: 周海涛, evidence: 验收单}\n",
    )
    ledger.commit("销号", "2026-11-10T10:00:00+08:00")
    assert audit(ledger, ledger.first) == []
    ledger.edit("evidence: 验收单}", "evidence: 验收单及照片}")
    ledger.commit("补充佐证", "2026-11-11T10:00:00+08:00")
    found = audit(ledger, ledger.first)
    assert [code for code, _ in found] == ["PL503"]
    assert "closure.evidence changed afterwards" in found[0][1]


def test_a_due_date_changed(ledger: Ledger) -> None:
    ledger.edit("due: 2026-12-31", "due: 2027-01-31")
    changed = ledger.commit("改期", "2026-11-03T10:00:00+08:00", LI)
    found = audit(ledger, ledger.first)
    assert [code for code, _ in found] == ["PL504"]
    assert found[0][1] == (
        f"the due date of deadline D-7YB4CG was changed from 2026-12-31 to 2027-01-31 in "
        f'commit {changed[:8]} (李娜, 2026-11-03, "改期"); a due date is never changed: set due '
        "back to 2026-12-31 and append an extension (date, new_due: 2027-01-31, reason, approver)"
    )
    result = ledger.cli("audit", f"{ledger.first}..HEAD", "--format", "json")
    assert result.returncode == 1
    payload = json.loads(result.stdout)
    [finding] = payload["findings"]
    assert (finding["code"], finding["file"], finding["path"]) == (
        "PL504",
        FILE,
        "deadlines[2].due",
    )
    line = ledger.file().read_text(encoding="utf-8").splitlines()[finding["line"] - 1]
    assert "D-7YB4CG" in line and finding["column"] == line.index("due") + 1

    text = ledger.cli("audit", ledger.first)
    found = rf"^{re.escape(FILE)}:\d+:\d+: 错误 PL504 时效 D-7YB4CG 的时限在提交 "
    assert re.match(found, text.stdout)
    assert "| " in text.stdout.splitlines()[1]  # the offending line is shown
    assert re.fullmatch(
        "已检查 1 次提交、1 个文件：1 个错误、0 个警告，涉及 1 个文件",
        text.stdout.splitlines()[-1],
    )


def test_an_extension_is_the_legal_way_to_move_a_due_date(ledger: Ledger) -> None:
    ledger.edit(
        "  - {id: D-7YB4CG, target: T-6FJ2RA, due: 2026-12-31, basis: 2026年区重点项目投资计划}",
        "  - id: D-7YB4CG\n    target: T-6FJ2RA\n    due: 2026-12-31\n"
        "    basis: 2026年区重点项目投资计划\n"
        "    extensions:\n"
        "      - {date: 2026-11-03, new_due: 2027-01-31, reason: 统计口径调整, approver: 王建国}",
    )
    ledger.commit("延期", "2026-11-03T10:00:00+08:00")
    assert audit(ledger, ledger.first) == []


def test_an_extension_edited_or_removed(ledger: Ledger) -> None:
    ledger.edit(EXTENSION, EXTENSION.replace("2026-11-15", "2026-11-20"))
    edited = ledger.commit("改延期", "2026-11-03T10:00:00+08:00")
    found = audit(ledger, ledger.first)
    assert [code for code, _ in found] == ["PL505"]
    assert found[0][1].startswith(
        f"extension 1 of deadline D-3KD8XP was edited in commit {edited[:8]}"
    )
    assert "restore it as it was ({date: 2026-10-28, new_due: 2026-11-15," in found[0][1]

    ledger.edit("    extensions:\n      # 雨季停工，经包抓领导同意延期\n", "")
    ledger.edit(EXTENSION.replace("2026-11-15", "2026-11-20"), "")
    ledger.commit("删延期", "2026-11-04T10:00:00+08:00")
    found = audit(ledger, ledger.first)
    assert [code for code, _ in found] == ["PL505"]
    assert f"was removed in commit {edited[:8]}" in found[0][1]  # first broken there


def test_an_appended_extension_is_then_kept(ledger: Ledger) -> None:
    ledger.edit(EXTENSION, EXTENSION + SECOND_EXTENSION)
    ledger.commit("延期", "2026-11-12T10:00:00+08:00")
    ledger.edit(SECOND_EXTENSION, SECOND_EXTENSION.replace("停电窗口顺延", "停电窗口推迟"))
    ledger.commit("改理由", "2026-11-13T10:00:00+08:00")
    assert codes(ledger, ledger.first) == ["PL505"]


def test_only_the_range_is_reported(ledger: Ledger) -> None:
    ledger.edit("due: 2026-12-31", "due: 2027-01-31")
    ledger.commit("改期（早先）", "2026-11-03T10:00:00+08:00")
    base = ledger.head()
    ledger.edit("stage: 已完成用地保障", "stage: 还需要用地保障")
    ledger.commit("阶段", "2026-11-04T10:00:00+08:00")
    assert codes(ledger, ledger.first) == ["PL504"]
    assert audit(ledger, base) == []
    assert audit(ledger, "HEAD") == []
    result = ledger.cli("audit", "HEAD..HEAD")
    assert result.returncode == 0
    assert "已检查 0 次提交：未发现问题" in result.stdout


def test_a_branch_is_audited_from_where_it_forked(ledger: Ledger) -> None:
    git(ledger.top, "switch", "-q", "-c", "feature")
    ledger.edit("due: 2026-12-31", "due: 2027-01-31")
    ledger.commit("分支改期", "2026-11-03T10:00:00+08:00")
    git(ledger.top, "switch", "-q", "main")
    ledger.edit("stage: 已完成用地保障", "stage: 还需要用地保障")
    ledger.commit("主线", "2026-11-04T10:00:00+08:00")
    assert codes(ledger, "main", "feature") == ["PL504"]
    assert codes(ledger, "feature", "main") == []


def test_an_unknown_revision_is_an_error(ledger: Ledger) -> None:
    result = ledger.cli("audit", "no-such-rev..HEAD")
    assert result.returncode == 1
    assert "no-such-rev 不是本仓库的提交" in result.stderr
    result = ledger.cli("audit", "..HEAD")
    assert result.returncode == 2


# --- every commit of the range, not only its ends ---------------------------------------------

TASK = (
    "  - id: T-6FJ2RA\n    title: 完成年度投资42亿元\n"
    "    measure: {amount: 420000, unit: 万元}\n"
    "    unit: 莱芜区发展和改革局\n    person: 周海涛\n    state: 进行中\n"
)
OTHER_TASK = TASK.replace("完成年度投资42亿元", "完成厂区道路硬化")


def test_a_removal_then_a_reuse_is_two_findings_whatever_the_ends_show(ledger: Ledger) -> None:
    """Once a bug: BASE..HEAD compared only the ends (the same id, another title: an edit)
    and found nothing, while HEAD~1..HEAD found the reuse."""
    ledger.edit(TASK, "")
    removed = ledger.commit("删任务", "2026-11-03T10:00:00+08:00", WANG)
    ledger.edit("tasks:\n", "tasks:\n" + OTHER_TASK)
    reused = ledger.commit("新任务", "2026-11-04T10:00:00+08:00", LI)
    found = audit(ledger, ledger.first)
    assert [code for code, _ in found] == ["PL501", "PL502"]
    assert f"was removed from tasks in commit {removed[:8]}" in found[0][1]
    assert found[1][1].startswith(
        "id T-6FJ2RA was used by another task (完成年度投资42亿元), which was removed, and is "
        f'used again in commit {reused[:8]} (李娜, 2026-11-04, "新任务") for 完成厂区道路硬化'
    )
    assert codes(ledger, "HEAD~1") == ["PL502"]
    result = ledger.cli("audit", f"{ledger.first}..HEAD")
    assert result.returncode == 1

    # The put-back: the new task gets a new id, the old one comes back as it was.
    ledger.edit(OTHER_TASK, OTHER_TASK.replace("T-6FJ2RA", "T-6FJ2RB") + TASK)
    ledger.commit("改号并恢复", "2026-11-05T10:00:00+08:00")
    assert audit(ledger, ledger.first) == []


def test_an_item_added_and_removed_within_the_range_was_deleted(ledger: Ledger) -> None:
    add_issue(ledger)
    ledger.commit("新增", "2026-11-02T10:00:00+08:00")
    ledger.edit(NEW_ISSUE, "")
    removed = ledger.commit("删除", "2026-11-03T10:00:00+08:00")
    found = audit(ledger, ledger.first)
    assert [code for code, _ in found] == ["PL501"]
    assert (
        f"I-7WQ3NB (厂区南侧排水管网接入) was removed from issues in commit {removed[:8]}"
        in (found[0][1])
    )


def test_a_later_commit_that_does_not_put_back_does_not_clear(ledger: Ledger) -> None:
    """A closed issue edited, then reopened through a return: the edit stays a finding
    (the return reopens the edited issue, not the one that was closed)."""
    ledger.edit("    title: 厂区周边300户居民征迁\n", "    title: 厂区周边300户居民征迁安置\n")
    edited = ledger.commit("改已销号问题", "2026-11-03T10:00:00+08:00")
    ledger.edit("    state: 已销号\n", "    state: 办理中\n")
    ledger.edit(CLOSED_ISSUE_END, "    returns:\n      - {date: 2026-11-04, reason: 复查}\n")
    ledger.commit("退回", "2026-11-04T10:00:00+08:00")
    found = audit(ledger, ledger.first)
    assert [code for code, _ in found] == ["PL503"]
    assert f"changed afterwards in commit {edited[:8]}" in found[0][1]


def test_a_due_date_put_back_clears_and_changed_further_stays(ledger: Ledger) -> None:
    ledger.edit("due: 2026-12-31", "due: 2027-01-31")
    changed = ledger.commit("改期", "2026-11-03T10:00:00+08:00")
    ledger.edit("due: 2027-01-31", "due: 2027-02-28")
    ledger.commit("再改期", "2026-11-04T10:00:00+08:00")
    found = audit(ledger, ledger.first)
    assert [code for code, _ in found] == ["PL504"]
    assert found[0][1].startswith(
        "the due date of deadline D-7YB4CG was changed from 2026-12-31 to 2027-02-28 in "
        f"commit {changed[:8]}"
    )
    ledger.edit("due: 2027-02-28", "due: 2026-12-31")
    ledger.commit("改回", "2026-11-05T10:00:00+08:00")
    assert audit(ledger, ledger.first) == []


# --- an extension after the closure (PL506) ---------------------------------------------------


def test_an_extension_dated_after_its_target_was_closed(ledger: Ledger) -> None:
    """I-4M8K2P was due 2026-03-20 and closed 2026-03-18; task T-8H3J2Q was completed
    2026-03-14. An extension granted after either closure rewrites history."""
    late = (
        "  - {id: D-2NQ7VK, target: I-4M8K2P, due: 2026-03-20, "
        "basis: 区重点项目推进会议纪要〔2026〕3号}\n"
    )
    ledger.edit(
        late,
        "  - id: D-2NQ7VK\n    target: I-4M8K2P\n    due: 2026-03-20\n"
        "    basis: 区重点项目推进会议纪要〔2026〕3号\n    extensions:\n"
        "      - {date: 2026-11-03, new_due: 2026-04-30, reason: 补办延期, approver: 王建国}\n",
    )
    extended = ledger.commit("补办延期", "2026-11-03T10:00:00+08:00", LI)
    found = audit(ledger, ledger.first)
    assert [code for code, _ in found] == ["PL506"]
    assert found[0][1] == (
        "extension 1 of deadline D-2NQ7VK (I-4M8K2P) is dated 2026-11-03, after its target "
        f'was closed on 2026-03-18, in commit {extended[:8]} (李娜, 2026-11-03, "补办延期"); '
        "an extension after the closure would count a late closure as on time: remove it (a "
        "deadline met late stays late)"
    )
    result = ledger.cli("audit", f"{ledger.first}..HEAD", "--format", "json")
    [finding] = json.loads(result.stdout)["findings"]
    line = ledger.file().read_text(encoding="utf-8").splitlines()[finding["line"] - 1]
    assert "补办延期" in line
    # Removing it is the put-back (not an extension removed: it never should have been).
    ledger.edit(
        "    extensions:\n"
        "      - {date: 2026-11-03, new_due: 2026-04-30, reason: 补办延期, approver: 王建国}\n",
        "",
    )
    ledger.commit("撤回延期", "2026-11-04T10:00:00+08:00")
    assert audit(ledger, ledger.first) == []


def test_an_extension_granted_before_the_closure_is_legal(ledger: Ledger) -> None:
    ledger.edit(
        "  - {id: D-5RW9HM, target: T-8H3J2Q, due: 2026-03-20, basis: 征迁专班工作方案}\n",
        "  - id: D-5RW9HM\n    target: T-8H3J2Q\n    due: 2026-03-20\n    basis: 征迁专班工作方案\n"
        "    extensions:\n"
        "      - {date: 2026-03-10, new_due: 2026-03-31, reason: 补录, approver: 王建国}\n",
    )
    ledger.commit("补录延期", "2026-11-03T10:00:00+08:00")
    assert audit(ledger, ledger.first) == []


# --- unreadable versions ------------------------------------------------------------------------


CONFLICT = (
    "<<<<<<< HEAD\n      - {date: 2026-03-06, note: 签约完成210户}\n=======\n"
    "      - {date: 2026-03-06, note: 签约完成215户}\n>>>>>>> 专班\n"
)


def test_a_commit_that_leaves_the_file_unreadable_is_reported(ledger: Ledger) -> None:
    """Once a bug: a version with merge-conflict markers passed the audit unjudged."""
    ledger.edit("      - {date: 2026-03-06, note: 签约完成210户}\n", CONFLICT)
    broken = ledger.commit("合并", "2026-11-03T10:00:00+08:00", LI)
    found = audit_findings(LedgerRoot(ledger.root), ledger.first, cwd=ledger.root)
    assert [(f.code, f.file) for f in found] == [("PL016", FILE)]
    assert found[0].message.startswith(
        f'commit {broken[:8]} (李娜, 2026-11-03, "合并") left the file unreadable: git '
        "merge-conflict markers"
    )
    line = ledger.file().read_text(encoding="utf-8").splitlines()[(found[0].line or 0) - 1]
    assert line == "<<<<<<< HEAD"
    result = ledger.cli("audit", ledger.first)
    assert result.returncode == 1
    where = f"该文件自提交 {broken[:8]}（李娜，2026-11-03，“合并”）起无法读取"
    said = f"{FILE}:{found[0].line}:1: 错误 PL016 {where}：文件中留有 git 合并冲突"
    assert said in result.stdout, result.stdout

    # The next version is judged against the last readable one: resolving the conflict
    # by dropping both notes changes the closed issue.
    ledger.edit(CONFLICT, "")
    fixed = ledger.commit("解决冲突", "2026-11-04T10:00:00+08:00")
    found = audit_findings(LedgerRoot(ledger.root), ledger.first, cwd=ledger.root)
    assert [f.code for f in found] == ["PL503"]
    assert f"progress[1] changed afterwards in commit {fixed[:8]}" in found[0].message
    ledger.edit(
        "    progress:\n      - {date: 2026-03-14",
        "    progress:\n      - {date: 2026-03-06, note: 签约完成210户}\n      - {date: 2026-03-14",
    )
    ledger.commit("恢复", "2026-11-05T10:00:00+08:00")
    assert audit(ledger, ledger.first) == []


def test_each_branch_is_judged_against_its_own_parent(ledger: Ledger) -> None:
    """Two branches change the file, then merge: no commit is judged against the other
    branch's version (which lacks its changes); a change made by the merge itself is
    judged too, as a merge's."""
    git(ledger.top, "switch", "-q", "-c", "feature")
    add_issue(ledger)
    ledger.commit("分支新问题", "2026-11-03T10:00:00+08:00")
    git(ledger.top, "switch", "-q", "main")
    ledger.edit(EXTENSION, EXTENSION + SECOND_EXTENSION)
    ledger.commit("主线延期", "2026-11-04T10:00:00+08:00")
    git(ledger.top, "merge", "-q", "--no-edit", "feature")
    assert audit(ledger, ledger.first) == []

    # A merge whose resolution drops an item.
    git(ledger.top, "switch", "-q", "-c", "other")
    ledger.edit("stage: 已完成用地保障", "stage: 还需要用地保障")
    ledger.commit("分支阶段", "2026-11-05T10:00:00+08:00")
    git(ledger.top, "switch", "-q", "main")
    ledger.edit("evidence: 现场核验照片及验收单}", "evidence: 现场核验照片及验收单}  # 主线")
    ledger.commit("主线", "2026-11-05T11:00:00+08:00")
    git(ledger.top, "merge", "-q", "--no-commit", "other")
    ledger.edit(NEW_ISSUE, "")
    ledger.commit("合并", "2026-11-06T10:00:00+08:00")
    found = audit(ledger, ledger.first)
    assert [code for code, _ in found] == ["PL501"]
    assert (
        "I-7WQ3NB (厂区南侧排水管网接入) was removed from issues in a merge between "
        in (found[0][1])
    )
