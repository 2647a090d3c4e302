"""The change commands' refusals in the ledger's language (issue 18): in a zh ledger each
is said in Chinese, exit 1, nothing written or committed; `--lang en` says it in English."""

import pytest

from tests.helpers import JINGPINGANG, MATOUSHAN, Ledger

WENHE = "laiwu-wenhe-shuixi-shengtai-zhili"
YINGCHENG = "laiwu-yingcheng-dianzi-xianshi-mozu"
LUZHONG = "laiwu-luzhong-pijiu-zhihui-cangchu-wuliu"
RETIRED = "laiwu-xueye-kangyang-dujia"

NEW_AGAIN = (
    f"new {MATOUSHAN} --name 新型储能电站项目 --level 区级 --pool 谋划储备"
    " --industry 新能源 --locality 口镇 --owner 莱芜新型储能有限公司 --leader 王建国"
    " --stage 前期研究 --total 52000 --plan 3000 --nature 新建"
    " --description 建设储能电站 --lead-unit 莱芜区发展和改革局"
)

# name: (command, what the zh message says, what the en message says)
CASES: dict[str, tuple[str, str, str]] = {
    "amount-without-unit": (
        f"add task {MATOUSHAN} --title 溢洪道完工 --unit 莱芜区水务局 --amount 1",
        "--amount 与 --measure-unit 须同时填写",
        "give both --amount and --measure-unit",
    ),
    "second-deadline": (
        f"add deadline {MATOUSHAN} --target I-Q442SQ --due 2026-12-31",
        "I-Q442SQ 已有时限（D-6A52DJ）；新的日期应作为延期办理",
        "I-Q442SQ has a deadline already (D-6A52DJ)",
    ),
    "extension-not-later": (
        f"extend {MATOUSHAN} D-6A52DJ --to 2026-10-01 --reason 再延 --approver 杨帆",
        "D-6A52DJ 的时限为 2026-10-31；延期后的时限须晚于该日期",
        "D-6A52DJ is due 2026-10-31; an extension must be later than that",
    ),
    "extend-closed": (
        f"extend {JINGPINGANG} T-8H3J2Q --to 2026-12-31 --reason 补办 --approver 王建国",
        "T-8H3J2Q 于 2026-03-14 已完成：已办结事项的时限不再延期",
        "T-8H3J2Q is 已完成 since 2026-03-14: the deadline of a closed item is not extended",
    ),
    "no-deadline": (
        f"extend {LUZHONG} I-ZA8RYD --to 2026-12-31 --reason 补办 --approver 王建国",
        "I-ZA8RYD 没有可延期的时限；请先添加",
        "I-ZA8RYD has no deadline to extend",
    ),
    "pool-backward": (
        f"advance {LUZHONG} --pool 签约",
        "本项目当前为新建；库别只能依次向前推进",
        "the project is 新建; pools move forward",
    ),
    "retire-by-advance": (
        f"advance {LUZHONG} --pool 退库",
        "退库须写明原因和审核人",
        "退库 needs a reason and a reviewer",
    ),
    "no-maturity": (
        f"advance {WENHE} --pool 在谈",
        "转入在谈的项目须填写 --maturity（A、B 或 C）",
        "a project 在谈 needs --maturity A, B or C",
    ),
    "retired-already": (
        f"retire {RETIRED} --reason 重复 --reviewer 王建国",
        "本项目已退库",
        "the project is 退库 already",
    ),
    "project-exists": (
        NEW_AGAIN,
        f"项目 {MATOUSHAN} 已存在",
        f"project {MATOUSHAN} exists already",
    ),
    "nothing-to-change": (
        f"set {MATOUSHAN} I-Z6TQ4H.title 库区126户移民搬迁安置",
        "无需修改：",
        "nothing to change: ",
    ),
    "forceable-finding": (
        f"advance {YINGCHENG} --date 2026-11-18",
        f"拒绝修改：本次修改将使 {YINGCHENG} 不能通过 `projledger check` 的检查规则",
        f"refused: the change would make {YINGCHENG} fail a rule of `projledger check`",
    ),
    "through-not-a-month": (
        f"set {JINGPINGANG} investment.completed_this_year 1 --through 13月",
        "--through 13月：13 不是有效月份（1-12）",
        "--through 13月: 13 is not a month (1-12)",
    ),
    "through-not-over": (
        f"set {JINGPINGANG} investment.completed_this_year 1 --through 2026-11",
        "截至本次修改日期 2026-11-20 该月尚未结束",
        "the month is not over on the change's date 2026-11-20",
    ),
    "rollover-early": (
        "rollover 2028",
        "结转 2028 年：本次修改日期 2026-11-20 早于 2028 年",
        "rollover 2028: the change's date 2026-11-20 is before 2028",
    ),
    "rollover-done": (
        "rollover 2026",
        "结转 2026 年：无可结转项目，已结转过",
        "rollover 2026: nothing to roll over: it was done already",
    ),
    "rollover-bad-plan": (
        "rollover 2026 --plan nosuch",
        "--plan nosuch：请写成 项目=金额（万元）",
        "--plan nosuch: give PROJECT=AMOUNT (万元)",
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_refused_in_chinese_then_in_english(name: str, ledger: Ledger) -> None:
    command, zh, en = CASES[name]
    said = ledger.refused(command)
    assert said.startswith("projledger: 错误："), said
    assert zh in said, said
    assert en not in said, said
    said = ledger.refused(f"--lang en {command}")
    assert said.startswith("projledger: error: "), said
    assert en in said, said
    assert zh not in said, said


def test_a_forced_finding_lists_it_and_the_hint_in_chinese(ledger: Ledger) -> None:
    said = ledger.refused(f"advance {YINGCHENG} --date 2026-11-18")
    assert f"  {YINGCHENG}: PL225 " in said, said
    assert "如确属无误，请加 --force 重新运行本命令" in said, said
