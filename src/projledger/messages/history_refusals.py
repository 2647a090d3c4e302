"""What `history`, `changes`, `audit` and the `--at` readers refuse or say about the
ledger's past (history/asof.py, history/timeline.py, history/audit_messages.py,
commands/history.py)."""

from projledger.messages.entry import Entry

E = Entry

_CLOSED_FIX = (
    "已销号问题不得修改：请撤回这一修改，或先按规定退回该问题（在 returns 中追加日期和原因，"
    "状态改为办理中）",
    "a closed issue is not edited: undo the change, or first reopen the issue through a "
    "recorded return (append to returns with date and reason, state: 办理中)",
)

ENTRIES: dict[str, Entry] = {
    # --- The ledger as a commit or a day had it (history/asof.py) ----------------------
    "asof.no_commits": E(
        "仓库中尚无提交，无法查看 {text} 时的台账",
        "the repository has no commits yet, so there is no ledger as of {text}",
    ),
    "asof.before_first": E(
        "{day} 及以前没有提交：台账建立于该日之后",
        "no commit on or before {day}: the ledger is younger",
    ),
    "asof.not_a_revision": E(
        "{text} 既不是日期（如 2026-12-10），也不是本仓库的提交",
        "{text!r} is neither a date (YYYY-MM-DD) nor a commit of this repository",
    ),
    # --- Projects and items in the history (history/timeline.py) ------------------------
    "history.no_item": E(
        "项目 {project} 的变更记录中没有事项「{typed}」；"
        "`projledger history {project}` 列出其全部变更",
        "no item {typed!r} in the history of project {project}; "
        "`projledger history {project}` lists every change to it",
    ),
    # --- audit (history/audit_messages.py, commands/history.py) -------------------------
    "audit.left_unreadable": E(
        "该文件自提交 {short}（{author}，{day}，“{subject}”）起无法读取：{finding}；"
        "请在新的提交中改正",
        'commit {short} ({author}, {day}, "{subject}") left the file unreadable: '
        "{finding}; fix it in a new commit",
    ),
    "audit.left_unreadable.merge": E(
        "该文件自 {fork} 与 {head} 之间的合并起无法读取：{finding}；请在新的提交中改正",
        "a merge between {fork} and {head} left the file unreadable: {finding}; fix it in "
        "a new commit",
    ),
    "PL503.whole": E(
        "问题 {id}（{title}）已销号，但在提交 {short}（{author}，{day}，“{subject}”）中被整条修改；"
        + _CLOSED_FIX[0],
        "issue {id} ({title}) is closed (已销号) but was changed as a whole afterwards in "
        'commit {short} ({author}, {day}, "{subject}"); ' + _CLOSED_FIX[1],
    ),
    "PL503.whole.merge": E(
        "问题 {id}（{title}）已销号，但在 {fork} 与 {head} 之间的合并中被整条修改；"
        + _CLOSED_FIX[0],
        "issue {id} ({title}) is closed (已销号) but was changed as a whole afterwards in a "
        "merge between {fork} and {head}; " + _CLOSED_FIX[1],
    ),
    "audit.checked": E("{commits}、{files}", "{commits}, {files}"),
}
