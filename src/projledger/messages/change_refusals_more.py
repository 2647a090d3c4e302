"""The change commands' other refusals: items and deadlines (changes/items.py), pools
and 退库 (changes/project.py), the transaction (changes/transaction.py), a forceable
finding (changes/refusals.py), the investment's months (changes/investment.py) and the
year's rollover (changes/rollover.py)."""

from projledger.messages.entry import Entry

E = Entry

ENTRIES: dict[str, Entry] = {
    "refuse.task_measure": E(
        "--amount 与 --measure-unit 须同时填写（如 300 和 户），或均不填写",
        "give both --amount and --measure-unit (e.g. 300 and 户), or neither",
    ),
    "refuse.deadline_exists": E(
        "{target} 已有时限（{deadline}）；新的日期应作为延期办理："
        "`projledger extend {project} {deadline} …`",
        "{target} has a deadline already ({deadline}); a new date is an extension: "
        "`projledger extend {project} {deadline} ...`",
    ),
    "refuse.extension_not_later": E(
        "{deadline} 的时限为 {due}；延期后的时限须晚于该日期",
        "{deadline} is due {due}; an extension must be later than that",
    ),
    "refuse.extend_closed": E(
        "{target} 于 {date} {state}：已办结事项的时限不再延期"
        "（此时延期会把逾期办结算作按期办结；逾期办结的时限仍记为逾期）",
        "{target} is {state} since {date}: the deadline of a closed item is not extended "
        "(an extension now would count a late closure as on time; a deadline met late stays "
        "late)",
    ),
    "refuse.extend_closed.approval": E("已办结（{name}）", "已办结 ({name})"),
    "refuse.extend_closed.milestone": E("已达成（{name}）", "reached ({name})"),
    "refuse.no_deadline": E(
        "{item} 没有可延期的时限；请先添加："
        "`projledger add deadline {project} --target {item} --due 日期`",
        "{item} has no deadline to extend; add one with `projledger add deadline "
        "{project} --target {item} --due DATE`",
    ),
    "refuse.retire_via_advance": E(
        "退库须写明原因和审核人：请使用 `projledger retire`",
        "退库 needs a reason and a reviewer: use `projledger retire`",
    ),
    "refuse.pool_backward": E(
        "本项目当前为{pool}；库别只能依次向前推进：{order}",
        "the project is {pool}; pools move forward: {order}",
    ),
    "refuse.needs_maturity": E(
        "转入在谈的项目须填写 --maturity（A、B 或 C）",
        "a project 在谈 needs --maturity A, B or C",
    ),
    "refuse.retired_already": E("本项目已退库", "the project is 退库 already"),
    "refuse.project_exists": E(
        "项目 {project} 已存在（{path}）",
        "project {project} exists already ({path})",
    ),
    "refuse.nothing_to_change": E(
        "无需修改：{summary} 已是如此",
        "nothing to change: {summary} is already so",
    ),
    "refuse.forceable": E(
        "拒绝修改：本次修改将使 {project} 不能通过 `projledger check` 的检查规则，未写入任何内容。",
        "refused: the change would make {project} fail a rule of `projledger check`; "
        "nothing was written.",
    ),
    "refuse.forceable.hint": E(
        "如确属无误，请加 --force 重新运行本命令，照常记录",
        "if it is right, run the command again with --force to record it anyway",
    ),
    "refuse.through_form": E(
        "--through {text}：请写明数字所截至的月份，如 2026-10 或 10月",
        "--through {text}: give the last month the figure covers, as 2026-10 or 10月",
    ),
    "refuse.through_month": E(
        "--through {text}：{month} 不是有效月份（1-12）",
        "--through {text}: {month} is not a month (1-12)",
    ),
    "refuse.investment_no_year": E(
        "investment.year：记录未写明数字所属年度",
        "investment.year: the record names no year for its figures",
    ),
    "refuse.through_other_year": E(
        "该数字为 {at_year} 年 1-{month}月，但记录中为 {year} 年的数字（investment.year）；"
        "请按 {year} 年填写 --through",
        "the figure covers 1-{month}月 of {at_year}, but the record holds {year}'s figures "
        "(investment.year); give --through for {year}",
    ),
    "refuse.through_other_year.rollover": E(
        "该数字为 {at_year} 年 1-{month}月，但记录中为 {year} 年的数字（investment.year）；"
        "请按 {year} 年填写 --through，或先运行 `projledger rollover`",
        "the figure covers 1-{month}月 of {at_year}, but the record holds {year}'s figures "
        "(investment.year); give --through for {year}, or run `projledger rollover` first",
    ),
    "refuse.through_not_over": E(
        "--through {year}-{month}：截至本次修改日期 {today} 该月尚未结束（数字按整月统计）",
        "--through {year}-{month}: the month is not over on the change's date {today} "
        "(a figure covers whole months)",
    ),
    "refuse.plans_unreadable": E(
        "--plans {path}：无法读取（{reason}）",
        "--plans {path}: cannot read it ({reason})",
    ),
    "refuse.plans_row": E(
        "{where}：请填写项目编号及其年度计划",
        "{where}: give a project id and its plan",
    ),
    "refuse.plans_mapping": E(
        "{path}：请写成“项目编号: 年度计划（万元）”的映射",
        "{path}: give a mapping of project id to plan (万元)",
    ),
    "refuse.plans_kind": E(
        "--plans {path}：请提供 .csv 或 .yaml 文件",
        "--plans {path}: give a .csv or .yaml file",
    ),
    "refuse.plan_pair": E(
        "--plan {pair}：请写成 项目=金额（万元）",
        "--plan {pair}: give PROJECT=AMOUNT (万元)",
    ),
    "refuse.plan_not_amount": E(
        "{where}：“{text}”不是金额（万元）",
        "{where}: '{text}' is not an amount (万元)",
    ),
    "refuse.plan_negative": E(
        "{where}：年度计划须为 0 或以上的金额（万元）",
        "{where}: a plan is an amount of 0 or more (万元)",
    ),
    "refuse.rollover_early": E(
        "结转 {year} 年：本次修改日期 {today} 早于 {year} 年",
        "rollover {year}: the change's date {today} is before {year}",
    ),
    "refuse.rollover_done": E(
        "结转 {year} 年：无可结转项目，已结转过（{n} 个项目已为 {year} 年数字）",
        "rollover {year}: nothing to roll over: it was done already ({n} projects hold {year}'s)",
    ),
    "refuse.rollover_none": E(
        "结转 {year} 年：无可结转项目，没有项目为 {last} 年数字",
        "rollover {year}: nothing to roll over: no project holds {last}'s figures",
    ),
    "refuse.rollover_unknown": E(
        "结转 {year} 年：年度计划所列项目不结转至 {year} 年：{projects!l}",
        "rollover {year}: plans name projects that do not move to {year}: {projects!l}",
    ),
}
