"""A change refused for the findings of its file (changes/refusals.py,
store/document.py, ledger/load.py: `findings.Quoting`): the finding as `check` words it,
in the run's language, and what to do."""

from projledger.messages.entry import Entry

E = Entry

ENTRIES: dict[str, Entry] = {
    "refusal.first_finding": E(
        "{place}: {finding}（运行 `projledger check` 可列出全部问题）",
        "{place}: {finding} (run `projledger check` for every problem)",
    ),
    "refusal.first_error": E(
        "{place}: {code} {finding}（运行 `projledger check` 可列出全部问题）",
        "{place}: {code} {finding} (run `projledger check` for every problem)",
    ),
    "refusal.fails_check": E(
        "{place}: {code} {finding}（该文件未通过 `projledger check`：请先修正；"
        "运行 `projledger check` 可列出全部问题）",
        "{place}: {code} {finding} (the file fails `projledger check`: fix it first; run "
        "`projledger check` for every problem)",
    ),
    "refusal.invalid": E(
        "拒绝修改：{what!t}将使 {file} 无法通过检查，未写入任何内容。\n{findings}",
        "refused: {what!t} would leave {file} invalid; nothing was written.\n{findings}",
    ),
    "term.refusal.change": E("本次修改", "the change"),
    "term.refusal.hand_edits": E("手工修改", "the hand edits"),
}
