"""Messages that were still English in a Chinese ledger: report periods, the files left
out of `list`, an uncommitted `init`, the `--dry-run` detail, `audit`'s unreadable
versions, and `advance`'s option help."""

from projledger.messages.entry import Entry

E = Entry

ENTRIES: dict[str, Entry] = {
    "period.week_and_dates": E(
        "--week 与 --from/--to 只能选用一种",
        "give either --week or --from/--to, not both",
    ),
    "period.half_range": E(
        "自定义报告期须同时指定 --from 和 --to",
        "a custom period needs both --from and --to",
    ),
    "views.files_left_out": E(
        "projledger: 警告：{n} 个文件有错误（无法读取或未通过 `projledger check`），"
        "已略去：{names}{more}；请运行 `projledger check`",
        "projledger: warning: {n} file(s) have errors (cannot be read, or `projledger check`"
        " fails them) and are left out: {names}{more}; run `projledger check`",
    ),
    "views.files_left_out.more": E(
        " 等，另有 {n} 个",
        " and {n} more",
    ),
    "init.uncommitted_config_fails": E(
        "{file} 由一次未提交的 init 写入，且未通过 `projledger check`（第 {detail}）；"
        "请改正后重新运行 init",
        "{file} was written by an init that was not committed, and fails `projledger check`"
        " (line {detail}); fix it, then run init again",
    ),
    "init.uncommitted_config_unreadable": E(
        "无法读取",
        "unreadable",
    ),
    "stage.and_more": E(
        "…… 另有 {n} 处",
        "… and {n} more",
    ),
    "help.param.advance.evidence": E(
        "待核验、销号或任务完成时的佐证材料。",
        "待核验/销号/任务完成: evidence.",
    ),
    "help.param.advance.basis": E(
        "时限依据（文件或会议）。",
        "Where the time limit comes from.",
    ),
    "help.param.advance.permit_no": E(
        "审批手续：批文或证照文号。",
        "Approval: the permit's number.",
    ),
    "help.param.advance.agency": E(
        "审批手续：审批部门。",
        "Approval: the approving agency.",
    ),
}
