"""The change commands as a user runs them, each against a real git repository.

Every test copies the sample ledger root into a temporary directory, commits it with
`git init -b main` under the pinned identity, and runs the real CLI in a subprocess with a
fixed `--today`. Each successful change is checked the same way (`Ledger.change`): exactly
one new commit whose parent is the old HEAD, touching exactly the one project file, the
work tree's status as it was before, the message's first line and its trailers, the author
and the committer, and the one Chinese line the command prints. The file itself is compared
whole with the old text plus the expected lines, so comments, key order and every untouched
line are byte-identical.

Item ids are random (the CLI draws them from `secrets`), so a new id is read from the
commit's Projledger-Item trailer (a new deadline's from the file) and checked for its shape.

The tests at the end pin where blank lines go when a list's last item grows (they once
moved into the item) and `set` on an item; blank lines that separate sections stay between
them whatever is added where.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.helpers import (
    CROCKFORD,
    JINGPINGANG,
    LUZHONG,
    MATOUSHAN,
    TODAY,
    Ledger,
    copy_root,
    git,
    run_cli,
)

WENHE = "laiwu-wenhe-shuixi-shengtai-zhili"
YINGCHENG = "laiwu-yingcheng-dianzi-xianshi-mozu"
QICHE = "laiwu-qiche-neishi-peitao"

MATOUSHAN_NAME = "[马头山水库工程]"
MATOUSHAN_LAST_ISSUE_LINE = (
    "    closure: {date: 2026-05-27, verifier: 周海涛, evidence: 现场核验记录}"
)
MATOUSHAN_LAST_LINE = (
    "  - {id: D-XEE7CV, target: milestone:竣工, due: 2027-12-31, basis: 可行性研究报告批复工期}"
)


@pytest.fixture
def ledger(tmp_path: Path) -> Ledger:
    return Ledger.create(tmp_path / "repo")


def deadline_of(text: str, target: str) -> str:
    """The id of the one-line deadline bound to `target`."""
    found: list[str] = re.findall(rf"\{{id: (D-{CROCKFORD}{{6}}), target: {target},", text)
    assert len(found) == 1, found
    return found[0]


def put_after(text: str, anchor: str, lines: str) -> str:
    """`text` with `lines` put right after the line(s) `anchor` (found exactly once)."""
    assert text.count(f"\n{anchor}\n") == 1, anchor
    return text.replace(f"\n{anchor}\n", f"\n{anchor}\n{lines}", 1)


def swap_line(text: str, old: str, new: str) -> str:
    assert text.count(f"\n{old}\n") == 1, old
    return text.replace(f"\n{old}\n", f"\n{new}\n", 1)


def assert_text(actual: str, expected: str) -> None:
    """The file is exactly `expected`: the changed lines, and every other line (comments,
    key order, blank lines) byte-identical."""
    assert actual == expected


# --- the issue loop (梳理—交办—跟踪—销号) ----------------------------------------------------


def test_the_whole_issue_loop(ledger: Ledger) -> None:
    """已交办 at once (--unit --person --due, which also makes the deadline), 办理中,
    待核验 (needs --evidence and --explanation), 退回 with a reason, 待核验 again, 已销号
    (needs --verifier); each step one commit with its trailers."""
    base = ledger.text(MATOUSHAN)
    clerk = "王五 <wangwu@example.gov.cn>"
    added = ledger.change(
        "add issue laiwu-matoushan --title 坝址下游施工便道未贯通 --category 配套"
        " --source 督导检查 --level 2 --unit 大王庄镇人民政府 --person 刘志强"
        " --due 2026-12-15 --basis 第47周周调度会议纪要"
        " --measures 镇政府协调临时用地，施工单位加班抢通"
        f" --author '{clerk}'",
        project=MATOUSHAN,
        trailer="add issue",
        item="I-*",
        new="已交办",
        author=clerk,
    )
    issue = added.item
    assert added.subject == (
        f"{MATOUSHAN_NAME} 新增问题 {issue}: 坝址下游施工便道未贯通, 限 2026-12-15"
    )
    deadline = deadline_of(ledger.text(MATOUSHAN), issue)
    assert deadline not in base

    def expected(state: str, records: str = "") -> str:
        block = (
            f"  - id: {issue}\n"
            "    title: 坝址下游施工便道未贯通\n"
            "    category: 配套\n"
            "    source: 督导检查\n"
            "    cause_side: 政府\n"
            "    raised: 2026-11-20\n"
            "    coordination_level: 2\n"
            f"    state: {state}\n"
            "    unit: 大王庄镇人民政府\n"
            "    person: 刘志强\n"
            "    measures: 镇政府协调临时用地，施工单位加班抢通\n"
        )
        text = put_after(base, MATOUSHAN_LAST_ISSUE_LINE, block + records)
        line = (
            f"  - {{id: {deadline}, target: {issue}, due: 2026-12-15, basis: 第47周周调度会议纪要}}"
        )
        return put_after(text, MATOUSHAN_LAST_LINE, line + "\n")

    assert_text(ledger.text(MATOUSHAN), expected("已交办"))

    step = ledger.change(
        f"advance laiwu-matoushan {issue}",
        project=MATOUSHAN,
        trailer="advance",
        item=issue,
        old="已交办",
        new="办理中",
    )
    assert step.subject == f"{MATOUSHAN_NAME} 问题 {issue} 办理中: 已交办 → 办理中"
    assert_text(ledger.text(MATOUSHAN), expected("办理中"))

    # 待核验 needs the evidence and the explanation of how it was solved.
    message = ledger.refused(f"advance {MATOUSHAN} {issue}")
    assert f"{issue} → 待核验 须填写 --evidence、--explanation" in message
    ledger.change(
        f"advance {MATOUSHAN} {issue} --evidence 便道通行照片 --explanation 便道已全线贯通",
        project=MATOUSHAN,
        trailer="advance",
        item=issue,
        old="办理中",
        new="待核验",
        today="2026-11-27",
    )
    first = (
        "    verification: {date: 2026-11-27, evidence: 便道通行照片, "
        "explanation: 便道已全线贯通}\n"
    )
    assert_text(ledger.text(MATOUSHAN), expected("待核验", first))

    # 退回: back to 办理中, with the reason on record.
    returned = ledger.change(
        f"return {MATOUSHAN} {issue} --reason 便道东段仍未硬化 --by 周海涛",
        project=MATOUSHAN,
        trailer="return",
        item=issue,
        old="待核验",
        new="办理中",
        today="2026-11-28",
    )
    assert returned.subject == f"{MATOUSHAN_NAME} 问题 {issue} 退回: 便道东段仍未硬化"
    returns = "    returns:\n      - {date: 2026-11-28, reason: 便道东段仍未硬化, by: 周海涛}\n"
    assert_text(ledger.text(MATOUSHAN), expected("办理中", first + returns))

    ledger.change(
        f"advance {MATOUSHAN} {issue} --to 待核验 --evidence 硬化验收单 --explanation 东段已硬化",
        project=MATOUSHAN,
        trailer="advance",
        item=issue,
        old="办理中",
        new="待核验",
        today="2026-12-04",
    )
    second = "    verification: {date: 2026-12-04, evidence: 硬化验收单, explanation: 东段已硬化}\n"
    assert_text(ledger.text(MATOUSHAN), expected("待核验", second + returns))

    # 销号 needs who verified; the evidence defaults to the verification's.
    assert f"{issue} → 已销号 须填写 --verifier" in ledger.refused(f"advance {MATOUSHAN} {issue}")
    closed = ledger.change(
        f"advance {MATOUSHAN} {issue} --verifier 周海涛",
        project=MATOUSHAN,
        trailer="advance",
        item=issue,
        old="待核验",
        new="已销号",
        today="2026-12-05",
    )
    assert closed.subject == f"{MATOUSHAN_NAME} 问题 {issue} 销号: 待核验 → 已销号"
    closure = "    closure: {date: 2026-12-05, verifier: 周海涛, evidence: 硬化验收单}\n"
    assert_text(ledger.text(MATOUSHAN), expected("已销号", second + returns + closure))
    # Six commits, one per step, each by the pinned committer; the first by the clerk.
    log = git(ledger.top, "log", "--format=%an|%cn|%(trailers:key=Projledger-To,valueonly)")
    assert [line for line in log.splitlines() if line][:6] == [
        "测试员 Tester|测试员 Tester|已销号",
        "测试员 Tester|测试员 Tester|待核验",
        "测试员 Tester|测试员 Tester|办理中",
        "测试员 Tester|测试员 Tester|待核验",
        "测试员 Tester|测试员 Tester|办理中",
        "王五|测试员 Tester|已交办",
    ]


def test_register_then_assign_then_withdraw(ledger: Ledger) -> None:
    """Without an owner an issue is only 已登记 and has no deadline; advancing it with
    --unit --person --due assigns it (交办) and makes the deadline; 撤销 needs a reason."""
    base = ledger.text(MATOUSHAN)
    added = ledger.change(
        f"add issue {MATOUSHAN} --title 库区临时道路扬尘投诉 --category 施工环境",
        project=MATOUSHAN,
        trailer="add issue",
        item="I-*",
        new="已登记",
    )
    issue = added.item
    assert added.subject == f"{MATOUSHAN_NAME} 新增问题 {issue}: 库区临时道路扬尘投诉"
    block = (
        f"  - id: {issue}\n"
        "    title: 库区临时道路扬尘投诉\n"
        "    category: 施工环境\n"
        "    source: 周调度\n"
        "    cause_side: 政府\n"
        "    raised: 2026-11-20\n"
        "    coordination_level: 1\n"
    )
    assert_text(
        ledger.text(MATOUSHAN),
        put_after(base, MATOUSHAN_LAST_ISSUE_LINE, block + "    state: 已登记\n"),
    )

    ledger.change(
        f"advance {MATOUSHAN} {issue} --unit 大王庄镇人民政府 --person 刘志强 --due 2026-11-30",
        project=MATOUSHAN,
        trailer="advance",
        item=issue,
        old="已登记",
        new="已交办",
        today="2026-11-21",
    )
    deadline = deadline_of(ledger.text(MATOUSHAN), issue)
    owner = "    unit: 大王庄镇人民政府\n    person: 刘志强\n"
    due = f"  - {{id: {deadline}, target: {issue}, due: 2026-11-30}}\n"

    def expected(state: str, more: str = "") -> str:
        text = put_after(
            base, MATOUSHAN_LAST_ISSUE_LINE, f"{block}    state: {state}\n{owner}{more}"
        )
        return put_after(text, MATOUSHAN_LAST_LINE, due)

    assert_text(ledger.text(MATOUSHAN), expected("已交办"))

    withdrawn = ledger.change(
        f"withdraw {MATOUSHAN} {issue} --reason 并入I-Z6TQ4H统筹解决",
        project=MATOUSHAN,
        trailer="withdraw",
        item=issue,
        old="已交办",
        new="已撤销",
        today="2026-11-23",
    )
    assert withdrawn.subject == f"{MATOUSHAN_NAME} 问题 {issue} 撤销: 并入I-Z6TQ4H统筹解决"
    record = "    withdrawal: {date: 2026-11-23, reason: 并入I-Z6TQ4H统筹解决}\n"
    assert_text(ledger.text(MATOUSHAN), expected("已撤销", record))


def test_log_adds_a_dated_progress_note(ledger: Ledger) -> None:
    base = ledger.text(MATOUSHAN)
    logged = ledger.change(
        f"log {MATOUSHAN} I-Z6TQ4H 剩余28户已签约10户 --by 刘志强",
        project=MATOUSHAN,
        trailer="log",
        item="I-Z6TQ4H",
    )
    assert logged.subject == f"{MATOUSHAN_NAME} 问题 I-Z6TQ4H 进展: 剩余28户已签约10户"
    assert_text(
        ledger.text(MATOUSHAN),
        put_after(
            base,
            "      - {date: 2026-11-13, note: 宅基地认定方案经镇党委会研究通过，正在逐户入户}",
            "      - {date: 2026-11-20, note: 剩余28户已签约10户, by: 刘志强}\n",
        ),
    )


# --- tasks, responsibilities, deadlines --------------------------------------------------


def test_task_added_with_its_deadline_and_done_only_with_evidence(ledger: Ledger) -> None:
    base = ledger.text(MATOUSHAN)
    added = ledger.change(
        f"add task {MATOUSHAN} --title 溢洪道主体完工 --unit 莱芜区水务局 --person 韩雪"
        " --amount 1 --measure-unit 项 --due 2027-03-31 --basis 水库建设节点计划",
        project=MATOUSHAN,
        trailer="add task",
        item="T-*",
    )
    task = added.item
    assert added.subject == f"{MATOUSHAN_NAME} 新增任务 {task}: 溢洪道主体完工, 限 2027-03-31"
    deadline = deadline_of(ledger.text(MATOUSHAN), task)
    expected = put_after(
        base,
        "    measure: {amount: 38.5, unit: 米}\n    unit: 莱芜区水务局\n"
        "    person: 韩雪\n    state: 进行中",
        f"  - id: {task}\n    title: 溢洪道主体完工\n    measure: {{amount: 1, unit: 项}}\n"
        "    unit: 莱芜区水务局\n    person: 韩雪\n    state: 未开始\n",
    )
    expected = put_after(
        expected,
        MATOUSHAN_LAST_LINE,
        f"  - {{id: {deadline}, target: {task}, due: 2027-03-31, basis: 水库建设节点计划}}\n",
    )
    assert_text(ledger.text(MATOUSHAN), expected)

    before = ledger.text(MATOUSHAN)
    message = ledger.refused(f"advance {MATOUSHAN} T-RR55VA --to 已完成")
    assert "T-RR55VA → 已完成 须填写 --evidence" in message
    done = ledger.change(
        f"advance {MATOUSHAN} T-RR55VA --to 已完成 --evidence 移民搬迁验收单 --date 2026-11-19",
        project=MATOUSHAN,
        trailer="advance",
        item="T-RR55VA",
        old="进行中",
        new="已完成",
    )
    assert done.subject == f"{MATOUSHAN_NAME} 任务 T-RR55VA: 进行中 → 已完成"
    assert_text(
        ledger.text(MATOUSHAN),
        before.replace(
            "    person: 刘志强\n    state: 进行中\n    note: 截至11月13日已搬迁98户\n",
            "    person: 刘志强\n    state: 已完成\n    completed_on: 2026-11-19\n"
            "    evidence: 移民搬迁验收单\n    note: 截至11月13日已搬迁98户\n",
        ),
    )


def test_add_responsibility(ledger: Ledger) -> None:
    base = ledger.text(MATOUSHAN)
    added = ledger.change(
        f"add responsibility {MATOUSHAN} --role 具体责任人 --unit 大王庄镇人民政府"
        " --person 刘志强 --duties 库区搬迁每日调度",
        project=MATOUSHAN,
        trailer="add responsibility",
        item="R-*",
    )
    duty = added.item
    assert added.subject == f"{MATOUSHAN_NAME} 新增责任 {duty}: 具体责任人 大王庄镇人民政府、刘志强"
    assert_text(
        ledger.text(MATOUSHAN),
        put_after(
            base,
            "  - {id: R-ZR3MXK, role: 配合单位, unit: 莱芜区财政局, person: 冯涛, "
            "duties: 地方配套资金及专项债券资金拨付}",
            f"  - {{id: {duty}, role: 具体责任人, unit: 大王庄镇人民政府, person: 刘志强, "
            "duties: 库区搬迁每日调度}\n",
        ),
    )


def test_one_deadline_per_target_and_extensions_keep_the_old_date(ledger: Ledger) -> None:
    base = ledger.text(MATOUSHAN)
    added = ledger.change(
        f"add deadline {MATOUSHAN} --target milestone:投产 --due 2028-06-30"
        " --basis 可行性研究报告批复工期",
        project=MATOUSHAN,
        trailer="add deadline",
        item="D-*",
        new="2028-06-30",
    )
    deadline = added.item
    assert added.subject == f"{MATOUSHAN_NAME} 新增时限 {deadline}: milestone:投产 限 2028-06-30"
    with_deadline = put_after(
        base,
        MATOUSHAN_LAST_LINE,
        f"  - {{id: {deadline}, target: milestone:投产, due: 2028-06-30, "
        "basis: 可行性研究报告批复工期}\n",
    )
    assert_text(ledger.text(MATOUSHAN), with_deadline)

    # A second deadline for one target is refused: a new date is an extension.
    message = ledger.refused(f"add deadline {MATOUSHAN} --target I-Q442SQ --due 2026-12-31")
    assert "I-Q442SQ 已有时限（D-6A52DJ）；新的日期应作为延期办理" in message
    assert f"`projledger extend {MATOUSHAN} D-6A52DJ …`" in message

    # Extending by the issue's id: the old due date and the earlier extensions stay.
    extended = ledger.change(
        f"extend {MATOUSHAN} I-Q442SQ --to 2026-12-31 --reason 省林业局12月上会 --approver 杨帆",
        project=MATOUSHAN,
        trailer="extend",
        item="D-6A52DJ",
        old="2026-10-31",
        new="2026-12-31",
    )
    # Granted after the date in force had passed: allowed, said so, and dated the day it
    # was granted (the days between stay overdue).
    assert extended.subject == (
        f"{MATOUSHAN_NAME} 延期 D-6A52DJ (I-Q442SQ): 2026-10-31 → 2026-12-31 (逾期后延期)"
    )
    assert_text(
        ledger.text(MATOUSHAN),
        put_after(
            with_deadline,
            "      - {date: 2026-09-26, new_due: 2026-10-31, reason: 补进方案需经市林业局转报, "
            "approver: 杨帆}",
            "      - {date: 2026-11-20, new_due: 2026-12-31, reason: 省林业局12月上会, "
            "approver: 杨帆}\n",
        ),
    )
    assert "    due: 2026-07-31\n" in ledger.text(MATOUSHAN)
    # An extension must be later than the date in force (here: the same day).
    message = ledger.refused(
        f"extend {MATOUSHAN} D-6A52DJ --to 2026-12-31 --reason 再延 --approver 杨帆"
    )
    assert "D-6A52DJ 的时限为 2026-12-31；延期后的时限须晚于该日期" in message


def test_extending_a_one_line_deadline_writes_it_as_a_block(ledger: Ledger) -> None:
    """A deadline on one line that an extension would make ~170 characters long becomes
    a block with its extensions one per line; one with a comment after it is left on one
    line (a block has no place that reads as its author meant)."""
    added = ledger.change(
        f"add deadline {MATOUSHAN} --target milestone:投产 --due 2028-06-30 --basis 批复工期",
        project=MATOUSHAN,
        trailer="add deadline",
        item="D-*",
        new="2028-06-30",
    )
    one_line = (
        f"  - {{id: {added.item}, target: milestone:投产, due: 2028-06-30, basis: 批复工期}}\n"
    )
    before = ledger.text(MATOUSHAN)
    assert one_line in before
    for today, old_due, new_due, reason in (
        ("2026-11-20", "2028-06-30", "2028-12-31", "设备到货延迟，经分管领导同意"),
        ("2026-11-21", "2028-12-31", "2029-03-31", "冬季停工"),
    ):
        ledger.change(
            f"extend {MATOUSHAN} {added.item} --to {new_due} --reason {reason} --approver 杨帆",
            today=today,
            project=MATOUSHAN,
            trailer="extend",
            item=added.item,
            old=old_due,
            new=new_due,
        )
    block = (
        f"  - id: {added.item}\n"
        "    target: milestone:投产\n"
        "    due: 2028-06-30\n"
        "    basis: 批复工期\n"
        "    extensions:\n"
        "      - {date: 2026-11-20, new_due: 2028-12-31, reason: 设备到货延迟，经分管领导同意, "
        "approver: 杨帆}\n"
        "      - {date: 2026-11-21, new_due: 2029-03-31, reason: 冬季停工, approver: 杨帆}\n"
    )
    assert_text(ledger.text(MATOUSHAN), before.replace(one_line, block))

    commented = ledger.text(MATOUSHAN).replace(block, one_line.replace("}\n", "}  # 见批复\n"))
    ledger.file(MATOUSHAN).write_text(commented, encoding="utf-8")
    git(ledger.top, "commit", "-q", "-am", "手工备注")
    ledger.change(
        f"extend {MATOUSHAN} {added.item} --to 2028-09-30 --reason 再延 --approver 杨帆",
        project=MATOUSHAN,
        trailer="extend",
        item=added.item,
        old="2028-06-30",
        new="2028-09-30",
    )
    line = next(t for t in ledger.text(MATOUSHAN).splitlines() if added.item in t)
    assert line.startswith(f"  - {{id: {added.item}, ") and line.endswith("# 见批复")
    assert "reason: 再延" in line


# --- the project record ------------------------------------------------------------------


def test_set_a_number_a_date_and_text_in_a_larger_repository(tmp_path: Path) -> None:
    """The ledger root is a subdirectory (with a Chinese name) of a bigger repository with
    other work in progress: a staged file and an edited project. `set` commits only its
    file and leaves the rest as it was."""
    ledger = Ledger.create(tmp_path / "repo", subdir="台账/莱芜区")
    (ledger.top / "README.md").write_text("莱芜区重点项目台账\n", encoding="utf-8")
    git(ledger.top, "add", "README.md")
    other = ledger.file(JINGPINGANG)
    other.write_text(other.read_text(encoding="utf-8") + "# 待核实\n", encoding="utf-8")
    base = ledger.text(MATOUSHAN)

    ledger.change(
        "set laiwu-matoushan investment.completed_this_year 31200",
        project=MATOUSHAN,
        trailer="set",
        old="27500",
        new="31200",
    )
    # The number changes; its comment stays where it was. A completed figure is data for
    # a period: its date, its months (1-10月, the month before the change's date) and the
    # series, which keeps the figure it replaced.
    text = swap_line(
        base,
        "  completed_this_year: 27500    # 库区征迁拖了后腿，大坝填筑未能全面展开",
        "  completed_this_year: 31200    # 库区征迁拖了后腿，大坝填筑未能全面展开",
    )
    text = swap_line(
        text,
        "  updated: 2026-11-08\n  through_month: 10",
        "  updated: 2026-11-20\n  through_month: 10\n  series:\n"
        "    - {through: 10, completed: 27500, reported: 2026-11-08}\n"
        "    - {through: 10, completed: 31200, reported: 2026-11-20}",
    )
    assert_text(ledger.text(MATOUSHAN), text)

    dated = ledger.change(
        f"set {MATOUSHAN} investment.updated 2026-11-19",
        project=MATOUSHAN,
        trailer="set",
        old="2026-11-20",
        new="2026-11-19",
    )
    assert dated.subject == f"{MATOUSHAN_NAME} investment.updated: 2026-11-20 → 2026-11-19"
    text = swap_line(text, "  updated: 2026-11-20", "  updated: 2026-11-19")
    assert_text(ledger.text(MATOUSHAN), text)

    old_description = re.search(r"(?m)^description: (.*)$", base)
    assert old_description
    ledger.change(
        f"set {MATOUSHAN} description"
        " '新建中型水库一座，总库容1260万立方米，兼顾城乡供水和下游防洪。'",
        project=MATOUSHAN,
        trailer="set",
        old=old_description.group(1),
        new="新建中型水库一座，总库容1260万立方米，兼顾城乡供水和下游防洪。",
    )
    text = swap_line(
        text,
        old_description.group(0),
        "description: 新建中型水库一座，总库容1260万立方米，兼顾城乡供水和下游防洪。",
    )
    assert_text(ledger.text(MATOUSHAN), text)
    # The other work is untouched: README still staged, the other project still edited.
    assert git(ledger.top, "diff", "--cached", "--name-only") == "README.md\n"
    assert git(ledger.top, "diff", "--name-only") == f"{ledger.rel(JINGPINGANG)}\n"


def test_new_project_is_one_new_file_that_check_accepts(ledger: Ledger) -> None:
    project = "laiwu-xinxing-chuneng-dianzhan"
    made = ledger.change(
        f"new {project} --name 新型储能电站项目 --level 区级 --level 市级 --pool 谋划储备"
        " --industry 新能源 --locality 口镇 --owner 莱芜新型储能有限公司 --leader 王建国"
        " --stage 前期研究 --total 52000 --plan 3000 --nature 新建"
        " --description 建设100兆瓦/200兆瓦时电化学储能电站 --lead-unit 莱芜区发展和改革局",
        project=project,
        trailer="new",
        new="谋划储备",
        status="A",
    )
    assert (
        made.subject == "[新型储能电站项目] 新建项目台账: 新型储能电站项目 (谋划储备, 区级、市级)"
    )
    text = ledger.text(project)
    ids = re.findall(rf"\{{id: (R-{CROCKFORD}{{6}}),", text)
    assert len(ids) == 2
    assert_text(
        text,
        "# yaml-language-server: $schema=../schemas/project.schema.json\n"
        "# 新型储能电站项目\n"
        "schema_version: 1\n"
        f"id: {project}\n"
        "name: 新型储能电站项目\n"
        "levels: [区级, 市级]\n"
        "pool: 谋划储备\n"
        "industry: 新能源\n"
        "locality: 口镇\n"
        "nature: 新建\n"
        "owner: 莱芜新型储能有限公司\n"
        "stage: 前期研究\n"
        "description: 建设100兆瓦/200兆瓦时电化学储能电站\n"
        "investment:\n"
        "  year: 2026\n"
        "  total: 52000\n"
        "  plan_this_year: 3000\n"
        "responsibilities:\n"
        f"  - {{id: {ids[0]}, role: 包抓领导, person: 王建国, duties: 统筹协调项目建设重大问题}}\n"
        f"  - {{id: {ids[1]}, role: 牵头单位, unit: 莱芜区发展和改革局, "
        "duties: 项目调度、问题汇总与督办}\n",
    )
    checked = ledger.run(f"check projects/{project}.yaml", today=None)
    assert checked.returncode == 0, checked.stdout
    assert "未发现问题" in checked.stdout  # no findings, in the ledger's language (zh)


def test_stage_approval_and_pool_advance(ledger: Ledger) -> None:
    # Stage: the next of the config's stages; reaching 开工 records the actual start.
    base = ledger.text(YINGCHENG)
    # Its 施工许可 is 办理中: 开工 is recorded only with --force (PL225).
    forced = ledger.run("advance laiwu-yingcheng --date 2026-11-18 --force")
    assert forced.returncode == 0 and "PL225" in forced.stderr, forced.stderr
    staged = ledger.show()
    assert staged.trailers["Projledger-Forced"] == "PL225"
    assert staged.subject == "[嬴城电子信息产业园显示模组项目] 阶段: 已完成规划报建 → 开工"
    text = swap_line(base, "stage: 已完成规划报建", "stage: 开工")
    text = put_after(text, "  supplied_mu: 78", "schedule: {actual_start: 2026-11-18}\n")
    assert_text(ledger.text(YINGCHENG), text)

    # An approval: 已办结 needs the permit number (kept as text, though all digits).
    text = ledger.text(YINGCHENG)
    message = ledger.refused(f"advance {YINGCHENG} --approval 施工许可 --status 已办结")
    assert "施工许可 → 已办结 须填写 --permit-no" in message
    ledger.change(
        f"advance {YINGCHENG} --approval 施工许可 --status 已办结 --permit-no 370116202611170201"
        " --date 2026-11-17",
        project=YINGCHENG,
        trailer="advance",
        item="approval:施工许可",
        old="办理中",
        new="已办结",
    )
    assert_text(
        ledger.text(YINGCHENG),
        swap_line(
            text,
            "  施工许可: {status: 办理中, agency: 莱芜区行政审批服务局, "
            "note: 施工图审查合格书待出具}",
            "  施工许可: {status: 已办结, permit_no: '370116202611170201', "
            "agency: 莱芜区行政审批服务局, date: 2026-11-17, note: 施工图审查合格书待出具}",
        ),
    )

    # Pool: 谋划储备 → 在谈 needs the maturity (A/B/C).
    base = ledger.text(WENHE)
    assert "须填写 --maturity（A、B 或 C）" in ledger.refused(f"advance {WENHE} --pool 在谈")
    pooled = ledger.change(
        f"advance {WENHE} --pool 在谈 --maturity B",
        project=WENHE,
        trailer="advance",
        old="谋划储备",
        new="在谈",
    )
    assert pooled.subject == "[汶河莱芜段全域水系生态综合治理项目] 库别: 谋划储备 → 在谈"
    assert_text(ledger.text(WENHE), swap_line(base, "pool: 谋划储备", "pool: 在谈\nmaturity: B"))


def test_retire_needs_reason_and_reviewer(ledger: Ledger) -> None:
    base = ledger.text(QICHE)
    message = ledger.refused(f"retire {QICHE} --reason 企业投资意向取消", exit_code=2)
    assert "缺少选项 --reviewer。" in message
    retired = ledger.change(
        f"retire {QICHE} --reason 企业投资意向取消 --reviewer 孙丽娟 --date 2026-11-19",
        project=QICHE,
        trailer="retire",
        old="在谈",
        new="退库",
    )
    assert retired.subject == "[重汽配套汽车内饰件项目] 退库: 企业投资意向取消"
    text = swap_line(base, "pool: 在谈", "pool: 退库")
    text = put_after(
        text,
        "description: 拟为中国重汽配套生产重卡驾驶室内饰件、座椅面套，年产内饰件总成15万套。",
        "retirement: {date: 2026-11-19, reason: 企业投资意向取消, reviewer: 孙丽娟}\n",
    )
    assert_text(ledger.text(QICHE), text)


# --- ids, --dry-run, --no-commit -------------------------------------------------------------


def test_ids_may_be_abbreviated_and_an_ambiguous_one_is_refused(ledger: Ledger) -> None:
    base = ledger.text(JINGPINGANG)
    logged = ledger.change(
        "log laiwu-jing I-9T 塔基再完成3基",
        project=JINGPINGANG,
        trailer="log",
        item="I-9TX3QW",
    )
    assert logged.subject == "[精品钢绿色转型项目] 问题 I-9TX3QW 进展: 塔基再完成3基"
    text = put_after(
        base,
        "      - {date: 2026-10-30, note: 新建塔基完成12基，剩余6基受雨季影响}  # 周调度会上通报",
        "      - {date: 2026-11-20, note: 塔基再完成3基}\n",
    )
    assert_text(ledger.text(JINGPINGANG), text)
    # The part after the dash, in lower case: the issue's deadline is extended.
    ledger.change(
        "extend laiwu-jingpingang 9tx --to 2026-12-10 --reason 剩余6基受雨季影响 --approver 王建国",
        project=JINGPINGANG,
        trailer="extend",
        item="D-3KD8XP",
        old="2026-11-15",
        new="2026-12-10",
    )
    text = put_after(
        text,
        "      - {date: 2026-10-28, new_due: 2026-11-15, reason: 雨季影响塔基施工, "
        "approver: 王建国}",
        "      - {date: 2026-11-20, new_due: 2026-12-10, reason: 剩余6基受雨季影响, "
        "approver: 王建国}\n",
    )
    assert_text(ledger.text(JINGPINGANG), text)

    # Two ids sharing a prefix (a hand edit, committed): the prefix is refused, listing both.
    ledger.file(JINGPINGANG).write_text(text.replace("I-9TX3QW", "I-4M8QQQ"), encoding="utf-8")
    git(ledger.top, "commit", "-q", "-am", "手工改号")
    message = ledger.refused(f"log {JINGPINGANG} 4M8 复核", exit_code=2)
    listed = f"「4M8」在项目 {JINGPINGANG} 中可指：I-4M8K2P 厂区周边300户居民征迁（已销号）"
    assert listed in message
    assert "I-4M8QQQ 220千伏供电线路迁改滞后（办理中）" in message


def test_dry_run_prints_the_diff_and_changes_nothing(ledger: Ledger) -> None:
    before = ledger.head()
    result = ledger.run(f"log {MATOUSHAN} I-Z6TQ4H 入户签约进度 --dry-run")
    assert result.returncode == 0, result.stderr
    *diff, last = result.stdout.splitlines(keepends=True)
    assert last == "试运行：问题 I-Z6TQ4H 进展: 入户签约进度（未写入）\n"
    assert diff[:2] == [
        f"--- a/projects/{MATOUSHAN}.yaml\n",
        f"+++ b/projects/{MATOUSHAN}.yaml\n",
    ]
    changed = [line for line in diff[2:] if line[0] in "+-"]
    assert changed == ["+      - {date: 2026-11-20, note: 入户签约进度}\n"]
    # It is a real diff of that file: git would apply it cleanly.
    git(ledger.top, "apply", "--check", "-", stdin="".join(diff))
    assert ledger.head() == before
    assert ledger.status() == ""


def test_no_commit_writes_the_file_without_committing(ledger: Ledger) -> None:
    before, base = ledger.head(), ledger.text(MATOUSHAN)
    result = ledger.run(f"log {MATOUSHAN} I-Z6TQ4H 入户签约进度 --no-commit")
    assert result.returncode == 0, result.stderr
    assert result.stdout == (
        f"{MATOUSHAN_NAME} 问题 I-Z6TQ4H 进展: 入户签约进度（未提交：--no-commit）\n"
    )
    assert ledger.head() == before
    assert ledger.status() == f" M projects/{MATOUSHAN}.yaml\n"
    assert_text(
        ledger.text(MATOUSHAN),
        put_after(
            base,
            "      - {date: 2026-11-13, note: 宅基地认定方案经镇党委会研究通过，正在逐户入户}",
            "      - {date: 2026-11-20, note: 入户签约进度}\n",
        ),
    )


# --- blank lines, set on items (once bugs); known bugs ---------------------------------------


def _assign_last_issue(ledger: Ledger) -> None:
    """luzhong's last issue is 已登记 and followed by a blank line, then `tasks:`."""
    ledger.change(
        f"advance {LUZHONG} I-ZA8RYD --unit 济南市自然资源和规划局莱芜分局 --person 陈明"
        " --due 2026-12-10",
        project=LUZHONG,
        trailer="advance",
        item="I-ZA8RYD",
        old="已登记",
        new="已交办",
    )
    expected = (
        "    state: 已交办\n    unit: 济南市自然资源和规划局莱芜分局\n    person: 陈明\n\ntasks:\n"
    )
    assert expected in ledger.text(LUZHONG)


def _log_on_last_issue(ledger: Ledger) -> None:
    """jingpingang's last issue ends with a progress entry carrying a comment."""
    ledger.change(
        f"log {JINGPINGANG} I-9TX3QW 剩余6基塔基浇筑完成",
        project=JINGPINGANG,
        trailer="log",
        item="I-9TX3QW",
    )
    expected = (
        "      - {date: 2026-10-30, note: 新建塔基完成12基，剩余6基受雨季影响}  # 周调度会上通报\n"
        "      - {date: 2026-11-20, note: 剩余6基塔基浇筑完成}\n"
        "\n"
        "tasks:\n"
    )
    assert expected in ledger.text(JINGPINGANG)


def _add_issue_after_a_comment(ledger: Ledger) -> None:
    ledger.change(
        f"add issue {JINGPINGANG} --title 厂区北侧道路占用 --category 用地",
        project=JINGPINGANG,
        trailer="add issue",
        item="I-*",
        new="已登记",
    )
    text = ledger.text(JINGPINGANG)
    assert "    state: 已登记\n\ntasks:\n" in text, "the next section stays apart"


def _add_task_between_tasks(ledger: Ledger) -> None:
    """matoushan's tasks have no blank lines between them: a new one gets none either."""
    base = ledger.text(MATOUSHAN)
    task = ledger.change(
        f"add task {MATOUSHAN} --title 溢洪道主体完工 --unit 莱芜区水务局",
        project=MATOUSHAN,
        trailer="add task",
        item="T-*",
    ).item
    expected = put_after(
        base,
        "    measure: {amount: 38.5, unit: 米}\n    unit: 莱芜区水务局\n"
        "    person: 韩雪\n    state: 进行中",
        f"  - id: {task}\n    title: 溢洪道主体完工\n    unit: 莱芜区水务局\n    state: 未开始\n",
    )
    assert_text(ledger.text(MATOUSHAN), expected)


@pytest.mark.parametrize(
    "edit",
    [_assign_last_issue, _log_on_last_issue, _add_issue_after_a_comment, _add_task_between_tasks],
    ids=["advance-last-issue", "log-last-issue", "add-issue-after-comment", "add-task"],
)
def test_blank_lines_stay_where_they_were(ledger: Ledger, edit: Callable[[Ledger], None]) -> None:
    edit(ledger)


def test_set_on_an_item_names_the_item_in_its_commit(ledger: Ledger) -> None:
    ledger.change(
        f"set {MATOUSHAN} T-RR55VA.note 截至11月20日已搬迁108户",
        project=MATOUSHAN,
        trailer="set",
        item="T-RR55VA",
        old="截至11月13日已搬迁98户",
        new="截至11月20日已搬迁108户",
    )


def test_set_takes_a_lower_case_abbreviation(ledger: Ledger) -> None:
    ledger.change(
        f"set {JINGPINGANG} 9tx.measures 供电公司分段迁改",
        project=JINGPINGANG,
        trailer="set",
        item="I-9TX3QW",
        old="供电公司编制迁改方案，区发改局协调停电窗口。",
        new="供电公司分段迁改",
    )


LUZHONG_RETURNED = """\
    state: 待核验
    unit: 济南市自然资源和规划局莱芜分局
    person: 陈明
    verification: {date: 2026-11-19, evidence: 规划条件调整函, explanation: 容积率按立体库层高折算}
    returns:
      - {date: 2026-11-18, reason: 未附规划委员会意见, by: 周海涛}
"""


def test_closure_after_returns_keeps_the_blank_line_before_the_next_section(
    ledger: Ledger,
) -> None:
    # luzhong's last issue, by hand (committed): 待核验 after one 退回.
    path = ledger.file(LUZHONG)
    text = path.read_text(encoding="utf-8").replace("    state: 已登记\n", LUZHONG_RETURNED)
    text += "  - {id: D-Q0ZA8R, target: I-ZA8RYD, due: 2026-11-30, basis: 第46周周调度会议纪要}\n"
    path.write_text(text, encoding="utf-8")
    git(ledger.top, "commit", "-q", "-am", "退回后再次提请核验")
    ledger.change(
        f"advance {LUZHONG} I-ZA8RYD --verifier 孙丽娟",
        project=LUZHONG,
        trailer="advance",
        item="I-ZA8RYD",
        old="待核验",
        new="已销号",
    )
    closure = "    closure: {date: 2026-11-20, verifier: 孙丽娟, evidence: 规划条件调整函}\n"
    expected = text.replace(LUZHONG_RETURNED, LUZHONG_RETURNED + closure).replace(
        "    state: 待核验\n", "    state: 已销号\n"
    )
    assert_text(ledger.text(LUZHONG), expected)


def _start_records_the_schedule(ledger: Ledger) -> None:
    """yingcheng: `land:` then a blank line then `responsibilities:`; reaching 开工 adds
    `schedule:` between them."""
    base = ledger.text(YINGCHENG)
    forced = ledger.run(f"advance {YINGCHENG} --date 2026-11-18 --force")  # 施工许可 办理中
    assert forced.returncode == 0, forced.stderr
    text = swap_line(base, "stage: 已完成规划报建", "stage: 开工")
    text = put_after(text, "  supplied_mu: 78", "schedule: {actual_start: 2026-11-18}\n")
    assert_text(ledger.text(YINGCHENG), text)


def _retire_records_the_retirement(ledger: Ledger) -> None:
    """qiche: the record's one-line keys, a blank line, `investment:`; `retirement:` joins
    the record's keys (as in the README's annotated file)."""
    base = ledger.text(QICHE)
    ledger.change(
        f"retire {QICHE} --reason 企业投资意向取消 --reviewer 孙丽娟 --date 2026-11-19",
        project=QICHE,
        trailer="retire",
        old="在谈",
        new="退库",
    )
    text = swap_line(base, "pool: 在谈", "pool: 退库")
    text = put_after(
        text,
        "description: 拟为中国重汽配套生产重卡驾驶室内饰件、座椅面套，年产内饰件总成15万套。",
        "retirement: {date: 2026-11-19, reason: 企业投资意向取消, reviewer: 孙丽娟}\n",
    )
    assert_text(ledger.text(QICHE), text)


@pytest.mark.parametrize(
    "edit",
    [_start_records_the_schedule, _retire_records_the_retirement],
    ids=["schedule", "retirement"],
)
def test_a_new_top_level_key_goes_before_the_blank_line(
    ledger: Ledger, edit: Callable[[Ledger], None]
) -> None:
    edit(ledger)


def test_a_change_in_a_repository_without_commits_commits_just_its_file(tmp_path: Path) -> None:
    """`git init` done, nothing committed yet: the first change commits its file alone
    (git add, then commit --only); the next commits it as a tracked file."""
    top = tmp_path / "repo"
    root = copy_root(top)
    git(top, "init", "-q", "-b", "main")
    path = f"projects/{MATOUSHAN}.yaml"
    for title in ("第一个问题", "第二个问题"):
        result = run_cli(
            "add", "issue", MATOUSHAN, "--title", title, "--category", "用地",
            "--today", TODAY, cwd=root,
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
    assert git(top, "log", "--format=%s").count("新增问题") == 2
    assert git(top, "log", "--name-only", "--format=").split() == [path, path]
    assert git(top, "status", "--porcelain", "--", path) == ""
    assert "?? projects/" in git(top, "status", "--porcelain", "--untracked-files=normal")


# --- what `projledger audit` would reject is refused; the proper way works -----------------


def test_a_closed_issue_is_reopened_through_a_return_then_changed(ledger: Ledger) -> None:
    """A closed issue (已销号) changes only after a return reopens it; the commits pass
    `projledger audit`."""
    base_commit, base = ledger.head(), ledger.text(JINGPINGANG)
    message = ledger.refused(f"log {JINGPINGANG} I-4M8K2P 复查发现2户未腾空")
    assert "已销号的问题不能修改：请先退回" in message
    reopened = ledger.change(
        f"return {JINGPINGANG} I-4M8K2P --reason 复查发现2户未腾空 --by 周海涛",
        project=JINGPINGANG,
        trailer="return",
        item="I-4M8K2P",
        old="已销号",
        new="办理中",
    )
    assert (
        reopened.subject == "[精品钢绿色转型项目] 问题 I-4M8K2P 重新打开 (退回): 复查发现2户未腾空"
    )
    # The closure record goes (the history keeps it); the blank line after the issue stays.
    text = base.replace(
        "    state: 已销号\n    unit: 高庄街道办事处", "    state: 办理中\n    unit: 高庄街道办事处"
    )
    text = text.replace(
        "    closure: {date: 2026-03-18, verifier: 周海涛, evidence: 现场核验照片及验收单}\n",
        "    returns:\n      - {date: 2026-11-20, reason: 复查发现2户未腾空, by: 周海涛}\n",
    )
    assert_text(ledger.text(JINGPINGANG), text)
    ledger.change(
        f"log {JINGPINGANG} I-4M8K2P 2户已腾空",
        project=JINGPINGANG,
        trailer="log",
        item="I-4M8K2P",
    )
    audited = ledger.cli("audit", f"{base_commit}..HEAD")
    assert audited.returncode == 0, audited.stdout


def test_trailers_cannot_be_forged_by_a_value(ledger: Ledger) -> None:
    """A description may hold several lines; the commit's subject and trailers stay one
    line each, so a value can never add a trailer."""
    value = "新建中型水库一座\n\nProjledger-Item: I-FAKE00\nProjledger-Command: new"
    result = run_cli("set", MATOUSHAN, "description", value, "--today", TODAY, cwd=ledger.root)
    assert result.returncode == 0, result.stderr
    commit = ledger.show()
    assert commit.trailers == {
        "Projledger-Command": "set",
        "Projledger-Project": MATOUSHAN,
        "Projledger-From": commit.trailers["Projledger-From"],
        "Projledger-To": "新建中型水库一座  Projledger-Item: I-FAKE00 Projledger-Command: new",
    }
    assert "\n" not in commit.subject
    assert result.stdout == f"{commit.subject}（提交 {commit.sha[:8]}）\n"
    body = git(ledger.top, "show", "-s", "--format=%B", "HEAD").rstrip("\n").split("\n")
    assert body[:2] == [commit.subject, ""]
    assert [line.partition(":")[0] for line in body[2:]] == [
        "Projledger-Command",
        "Projledger-Project",
        "Projledger-From",
        "Projledger-To",
    ]


def test_change_message_keeps_every_value_on_its_line() -> None:
    from projledger.changes.transaction import Change

    change = Change(
        command="set",
        project="p",
        project_name="项目\nProjledger-Item: X",
        summary="a\rb\u2028c",
        item="I-1\nProjledger-To: x",
        old="o\n",
        new="\n\nProjledger-Command: forged",
    )
    subject, _, trailers = change.message().partition("\n\n")
    assert subject == "[项目 Projledger-Item: X] a b c"
    assert trailers.splitlines() == [
        "Projledger-Command: set",
        "Projledger-Project: p",
        "Projledger-Item: I-1 Projledger-To: x",
        "Projledger-From: o",
        "Projledger-To:   Projledger-Command: forged",
    ]


# --- text fields are text ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "value", "written"),
    [
        ("description", "12:30:00", "description: 12:30:00"),
        ("I-CTXGTS.description", "123", "    description: '123'"),
        ("T-Z24R3Y.note", "true", "    note: 'true'"),
        ("T-G335MA.note", "1e3", "    note: '1e3'"),
        ("T-RR55VA.note", "null", "    note: 'null'"),
        ("T-Z24R3Y.note", "12:30", "    note: 12:30"),
    ],
)
def test_set_writes_a_text_field_as_text(
    ledger: Ledger, field: str, value: str, written: str
) -> None:
    """Once a bug: a value that looks like a number, a boolean or a time was written as
    one into a text field (refused as the wrong type), with no way to write it as text."""
    result = run_cli("set", MATOUSHAN, field, value, "--today", TODAY, cwd=ledger.root)
    assert result.returncode == 0, result.stderr
    assert written in ledger.text(MATOUSHAN).splitlines()
    assert ledger.cli("check").returncode == 0
    shown = ledger.cli("show", MATOUSHAN, *field.split(".")[:-1], "--json")
    assert shown.returncode == 0, shown.stderr
    assert f'"{field.rsplit(".", maxsplit=1)[-1]}": "{value}"' in shown.stdout


def test_set_writes_a_date_like_text_as_text(ledger: Ledger) -> None:
    result = run_cli(
        "set", MATOUSHAN, "description", "2026-11-20", "--today", TODAY, cwd=ledger.root
    )
    assert result.returncode == 0, result.stderr
    assert "description: '2026-11-20'" in ledger.text(MATOUSHAN).splitlines()
