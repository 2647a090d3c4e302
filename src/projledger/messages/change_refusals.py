"""The change commands' refusals: a step the loop does not allow (changes/loop.py), a
change that would break a rule across the ledger's files (changes/refusals.py)."""

from projledger.messages.entry import Entry

E = Entry

ENTRIES: dict[str, Entry] = {
    "loop.closed": E(
        "{item} 已是“{state}”状态，不能再变更",
        "{item} is {state}: the loop is closed for it",
    ),
    "loop.not_directly": E(
        "{item} 当前为{state}，不能直接转为{target}（流程：{loop}）；其下一状态为{next}",
        "{item} is {state}; it cannot go to {target} directly (the loop is {loop}); its next "
        "state is {next}",
    ),
    "loop.not_returnable": E(
        "只有待核验的问题可退回、已销号的问题可重新打开；{item} 当前为{state}",
        "only an issue 待核验 can be returned, or one 已销号 reopened; {item} is {state}",
    ),
    "loop.task_order": E(
        "{item} 当前为{state}；任务状态依次为 {order}",
        "{item} is {state}; tasks go {order}",
    ),
    "loop.task_needs_evidence": E(
        "{item} → 已完成 须填写 --evidence（验收单、照片、文号）",
        "{item} → 已完成 needs --evidence (验收单, 照片, 文号)",
    ),
    "refusal.across": E(
        "拒绝修改：本次修改将违反台账文件之间的规则，未写入任何内容。",
        "refused: the change would break a rule across the ledger's files; nothing was written.",
    ),
    "refusal.across.duplicate_hint": E(
        "如系同一项目重复录入，请将重复的一个退库：`projledger retire DUPLICATE --duplicate-of "
        "PROJECT --reason … --reviewer …`",
        "If one project was entered twice, retire the duplicate: `projledger retire DUPLICATE "
        "--duplicate-of PROJECT --reason … --reviewer …`",
    ),
}
