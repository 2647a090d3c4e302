"""What the terminal says around the commands: usage errors and the fixed words of `-h`
(cli/usage_errors.py, in English click's own words), and the outcomes and errors of
`sync`, `setup`, `resolve`, `server-hook` and `audit`."""

from projledger.messages.entry import Entry

E = Entry

ENTRIES: dict[str, Entry] = {
    # --- Usage errors (cli/usage_errors.py): the English is click's ---------------------
    "usage.usage": E("用法：", "Usage: "),
    "usage.try_help": E("运行 `{command}` 查看帮助。", "Try '{command}' for help."),
    "usage.error": E("错误：{message}", "Error: {message}"),
    "usage.aborted": E("已中止。", "Aborted!"),
    "usage.missing_argument": E("缺少参数 {name}。", "Missing argument '{name}'."),
    "usage.missing_option": E("缺少选项 {name}。", "Missing option '{name}'."),
    "usage.missing_parameter": E("缺少参数 {name}。", "Missing parameter '{name}'."),
    "usage.bad_value": E("值无效：{problem}", "Invalid value: {problem}"),
    "usage.bad_value_for": E("{name} 的值无效：{problem}", "Invalid value for '{name}': {problem}"),
    "usage.no_such_option": E("没有 {name} 这一选项。", "No such option: {name}"),
    "usage.possible_options": E("可能要用的选项：{options}。", " (Possible options: {options})"),
    "usage.option_takes_no_value": E(
        "选项 {name} 不带值。", "Option '{name}' does not take a value."
    ),
    "usage.option_needs_value": E(
        "选项 {name} 后须填写值。", "Option '{name}' requires an argument."
    ),
    "usage.extra": E(
        "多余的参数：{args}（含空格的值请加引号）。", "Got unexpected extra argument(s) ({args})"
    ),
    "usage.no_such_command": E(
        "没有 {name} 这一命令（`projledger -h` 列出全部命令）。", "No such command '{name}'."
    ),
    "usage.missing_command": E("缺少命令（`projledger -h` 列出全部命令）。", "Missing command."),
    "usage.argument_values": E(
        "参数 {name} 须填写 {n} 个值。", "Argument '{name}' takes {n} values."
    ),
    "usage.value.no_such_path": E("{path} 不存在", "{path} does not exist"),
    "usage.value.is_a_file": E("{path} 是文件，应为目录", "{path} is a file"),
    "usage.value.is_a_directory": E("{path} 是目录，应为文件", "{path} is a directory"),
    "usage.value.not_readable": E("{path} 无读取权限", "{path} is not readable"),
    "usage.value.not_writable": E("{path} 无写入权限", "{path} is not writable"),
    "usage.value.not_valid": E("{value} 不是有效的值", "{value} is not a valid value"),
    "usage.value.not_an_integer": E("{value} 不是整数", "{value} is not an integer"),
    "usage.value.not_a_number": E("{value} 不是数字", "{value} is not a number"),
    "usage.value.not_a_boolean": E(
        "{value} 不是有效的是否值（可填 true 或 false）", "{value} is not a boolean"
    ),
    "usage.value.greater_than_equal": E("{value} 不得小于 {limit}", "{value} is less than {limit}"),
    "usage.value.less_than_equal": E("{value} 不得大于 {limit}", "{value} is more than {limit}"),
    "usage.value.greater_than": E("{value} 须大于 {limit}", "{value} is not more than {limit}"),
    "usage.value.less_than": E("{value} 须小于 {limit}", "{value} is not less than {limit}"),
    "usage.value.not_a_choice": E(
        "{value} 不在可选值之列，应为{choices!o}", "{value} is not one of {choices!l}"
    ),
    "date.forms": E(
        "2026-12-10、2026/12/10、2026.12.10 或 2026年12月10日",
        "2026-12-10, 2026/12/10, 2026.12.10 or 2026年12月10日",
    ),
    # --- advance's questions on a terminal (changes/loop.py) ------------------------------
    "step.ask.unit": E("责任单位", "责任单位 unit"),
    "step.ask.person": E("责任人", "责任人 person"),
    "step.ask.due": E("办结时限（如 {forms}）", "办结时限 due date ({forms})"),
    "step.ask.evidence": E("佐证材料", "佐证材料 evidence"),
    "step.ask.explanation": E("办理情况", "办理情况 explanation"),
    "step.ask.verifier": E("核验人", "核验人 verifier"),
    "step.needs": E("{what} 须填写 {flag!l}", "{what} needs {flag!l}"),
    "step.again": E("{problem}；请重新输入", "{problem}; try again"),
    # --- projledger's own usage errors (cli/) -----------------------------------------------
    "usage.approval_needs_status": E(
        "给出 --approval 时须同时给出 --status", "--approval needs --status"
    ),
    "usage.value.not_days": E(
        "{text}：请写天数，如 7d（或周数，如 2w）", "{text!r}: give days like 7d (or weeks like 2w)"
    ),
    "usage.hook_needs_repository": E("请给出共享裸仓库的路径", "give the bare repository's path"),
    "usage.only_for_approvals": E(
        "--procedure 和 --status 仅用于 `list approvals`",
        "--procedure and --status are for `list approvals`",
    ),
    # --- sync, setup, resolve, the merge driver (sync/, commands/sync.py) ----------------
    "sync.no_commits": E(
        "仓库中还没有任何提交；请先提交一次，再同步",
        "the repository has no commits yet; make one, then sync",
    ),
    "sync.no_attributes": E(
        ".gitattributes 未将台账文件交由 projledger 的合并程序处理；请先运行 "
        "`projledger setup`（产生一次提交），再同步",
        ".gitattributes does not send ledger files to projledger's merge driver; run "
        "`projledger setup` (one commit), then sync",
    ),
    "sync.kept_moving": E(
        "{remote} 持续有人推送：{attempts} 次推送均被他人抢先；本地提交已保留并已合并；"
        "请再次运行 `projledger sync`",
        "{remote} kept moving: {attempts} pushes were overtaken by others' pushes; your "
        "commits are kept and merged; run `projledger sync` again",
    ),
    "sync.no_remote": E(
        "本克隆没有可同步的远程仓库；请用 `git remote add origin 地址` 添加共享仓库",
        "this clone has no remote to sync with; add the shared repository with "
        "`git remote add origin URL`",
    ),
    "sync.uncommitted": E(
        "{files} 有未提交的修改；请先提交（或用 `git restore` 撤销），再同步",
        "uncommitted changes in {files}; commit them (or `git restore` them) before syncing",
    ),
    "sync.uncommitted_more": E(
        "{files} 等 {more} 个文件有未提交的修改；请先提交（或用 `git restore` 撤销），再同步",
        "uncommitted changes in {files} and {more} more; commit them (or `git restore` them) "
        "before syncing",
    ),
    "sync.unreachable": E(
        "无法连接 {remote}（{url}）：{detail}；未作任何改动，本地提交均已保留；"
        "待可以连接时再次运行 `projledger sync`",
        "cannot reach {remote} ({url}): {detail}; nothing was changed and your commits are "
        "kept: run `projledger sync` again when it can be reached",
    ),
    "sync.merge_failed": E(
        "合并 {remote} 失败：{detail}；未作任何改动。请手工合并（`git merge {remote}`），"
        "运行 `projledger check`，提交后再运行 `projledger sync`",
        "the merge of {remote} failed: {detail}; nothing was changed. Merge by hand "
        "(`git merge {remote}`), run `projledger check`, commit, then `projledger sync`",
    ),
    "sync.merge_failed_in": E(
        "合并 {remote} 时 {files} 失败：{detail}；未作任何改动。请手工合并（`git merge "
        "{remote}`），运行 `projledger check`，提交后再运行 `projledger sync`",
        "the merge of {remote} failed in {files}: {detail}; nothing was changed. Merge by "
        "hand (`git merge {remote}`), run `projledger check`, commit, then `projledger sync`",
    ),
    "sync.push_refused": E(
        "{remote} 拒绝了推送 {reason}：请以新的提交改正上面列出的问题，再运行 `projledger sync`",
        "{remote} refused the push {reason}: fix what it names above with new commits, then "
        "run `projledger sync` again",
    ),
    "sync.conflicts": E(
        "已从 {remote} 合并 {merged} 个提交，但双方改动了 {files!l} 中的同一字段；请用上面列出的"
        "命令逐一解决，再运行 `projledger sync`（未推送任何内容）",
        "merged {merged} commit(s) from {remote}, but both sides changed the same fields in "
        "{files!l}; settle each with the command named above, then run `projledger sync` "
        "again (nothing was pushed)",
    ),
    "sync.check_failed": E(
        "未推送：`check` 在将推送到 {remote} 的内容中发现错误（见上）；请以新的提交改正后，"
        "再运行 `projledger sync`",
        "nothing was pushed: `check` finds errors in what {remote} would receive (above); "
        "fix them with new commits, then run `projledger sync` again",
    ),
    "sync.synced": E(
        "已与 {remote} 同步：拉取 {n} 个提交，推送 {pushed} 个",
        "synced with {remote}: {n} commit(s) in, {pushed} out",
    ),
    "sync.head": E("（HEAD {commit}）", " (HEAD {commit})"),
    "sync.after_tries": E("（共尝试 {attempts} 次）", ", after {attempts} tries"),
    "sync.git_failed": E("git {command} 失败：{detail}", "git {command} failed: {detail}"),
    "sync.setup_committed": E(
        "已将合并程序写入 .gitattributes（提交 {commit}）",
        "added the merge driver to .gitattributes (commit {commit})",
    ),
    "sync.set_up": E(
        "本克隆将按事项合并台账文件（已配置合并程序）",
        "this clone merges ledger files item by item (merge driver configured)",
    ),
    "sync.already_set_up": E(
        "本克隆将按事项合并台账文件（此前已配置）",
        "this clone merges ledger files item by item (already set up)",
    ),
    "sync.setup_uncommitted": E(
        "{file} 有未提交的修改；请先提交，再运行 `projledger setup`",
        "{file} has uncommitted edits; commit them first, then run `projledger setup` again",
    ),
    "sync.no_such_conflict": E(
        "{file} 中没有记录 {field} 的冲突（已记录：{recorded}）；`projledger check` 可列出全部冲突",
        "no conflict is recorded for {field} in {file} (recorded: {recorded}); "
        "`projledger check` lists them",
    ),
    "sync.resolve_uncommitted": E(
        "{file} 有未提交的修改；请先提交", "{file} has uncommitted edits; commit them first"
    ),
    "sync.resolve_by_hand": E(
        "在 {file} 中找不到 {field}，无法写入对方的值；请手工编辑该文件，并删除 `{line}…` 这一行",
        "cannot find {field} in {file} to write theirs' value; edit the file by hand and "
        "delete the line `{line}…`",
    ),
    "sync.resolve_invalid": E(
        "已拒绝：这样会使 {file} 不合规，未写入任何内容。请手工编辑该文件，删除该冲突行。"
        "\n{findings}",
        "refused: that would leave {file} invalid; nothing was written. Edit the file by "
        "hand and delete the conflict's line instead.\n{findings}",
    ),
    "sync.side.ours": E("本方", "ours"),
    "sync.side.theirs": E("对方", "theirs"),
    "sync.resolved": E(
        "{file}：{field} 已取{kept}的值（{done}）",
        "{file}: {field} settled with {kept}' value ({done})",
    ),
    "sync.resolved_commit": E("提交 {commit}", "commit {commit}"),
    "sync.resolved_staged": E("已暂存，随本次合并提交", "staged for the merge's commit"),
    "sync.resolved_left": E("；文件中还记录有 {n} 处冲突", "; {n} more recorded in the file"),
    "sync.driver_fell_back": E(
        "{file}：已改为逐行合并（{error}）", "{file}: merged line by line ({error})"
    ),
    "sync.driver_renumbered": E(
        "{file}：双方为不同事项新增了同一编号 {old}；{side}的事项改为 {new}",
        "{file}: both sides added {old} for different items; {side} is now {new}",
    ),
    "sync.driver_conflict": E(
        "{file}：双方都改动了 {field}；保留本方的值并记录冲突（PL019：`projledger check` "
        "会给出解决冲突的命令）",
        "{file}: both sides changed {field}; ours kept, the conflict recorded (PL019: "
        "`projledger check` names the command that settles it)",
    ),
    "sync.driver_line_merge": E(
        "{file}：不是规范的台账 YAML，已逐行合并",
        "{file}: not clean ledger YAML, merged line by line",
    ),
    # --- server-hook (sync/server_hook.py, sync/receive.py) --------------------------------
    "hook.installed": E(
        "已安装 {path}：推送到本仓库的内容须通过 `audit` 和 `check`",
        "installed {path}: pushes to this repository now pass `audit` and `check`",
    ),
    "hook.refused": E(
        "推送被拒绝：上述问题违反了台账在 {branches!l} 上的规则；请以新的提交改正（不得改写历史），"
        "再推送",
        "push refused: the findings above break the ledger's rules on {branches!l}; fix them "
        "with new commits (never rewrite history), then push again",
    ),
    "hook.not_a_directory": E(
        "{path} 不是目录；请给出共享裸仓库的路径",
        "{path} is not a directory; give the path of the bare repository",
    ),
    "hook.not_a_repository": E(
        "{path} 不是 git 仓库：{detail}", "{path} is not a git repository: {detail}"
    ),
    "hook.not_bare": E(
        "{path} 是带工作区的克隆；请将钩子安装在大家推送到的共享裸仓库"
        "（即 `git clone` 所用的仓库）",
        "{path} is a clone with a work tree; install the hook in the shared bare repository "
        "people push to (the one `git clone` was given)",
    ),
    "hook.not_ours": E(
        "{path} 已存在且不是 projledger 的钩子；请在其中加入一行 `{command}`（它读取相同的"
        "标准输入），或加 --force 替换它",
        "{path} exists and is not projledger's; add the line `{command}` to it (it reads "
        "the same stdin), or pass --force to replace it",
    ),
    "hook.unreadable_tree": E(
        "无法读取推送的目录树 {commit}：{detail}", "cannot read the pushed tree {commit}: {detail}"
    ),
    # --- audit and changes (history/audit.py, commands/history.py) ------------------------
    "audit.not_a_commit": E(
        "{revision} 不是本仓库的提交", "{revision!r} is not a commit of this repository"
    ),
    "audit.no_base": E(
        "{revisions} 没有给出起始提交；请写成 起始..结束（BASE..HEAD）",
        "{revisions!r} names no starting commit; write it as BASE..HEAD",
    ),
    "history.until_before_since": E(
        "--until {last} 早于 --since {first}", "--until {last} is before --since {first}"
    ),
    "usage.list_what": E(
        "请指明要列出的内容：projects（项目）、issues（问题）、tasks（任务）、deadlines（时效）"
        "或 approvals（审批手续），而不是 {kind}",
        "list what? projects, issues, tasks, deadlines or approvals (not {kind!r})",
    ),
    # --- Report periods (report/period.py) ------------------------------------------------
    "period.not_a_week": E(
        "--week {text}：请写 ISO 周，如 2026-W47", "--week {text!r}: give an ISO week like 2026-W47"
    ),
    "period.no_such_week": E(
        "--week {text}：{year} 年没有第 {week} 周", "--week {text!r}: {year} has no week {week}"
    ),
    "period.not_a_month": E(
        "--month {text}：请写月份，如 2026-11", "--month {text!r}: give a month like 2026-11"
    ),
    "period.not_a_quarter": E(
        "--quarter {text}：请写季度，如 2026-Q4", "--quarter {text!r}: give a quarter like 2026-Q4"
    ),
    "period.not_a_year": E(
        "--year {text}：请写年份，如 2026", "--year {text!r}: give a year like 2026"
    ),
    "period.from_after_to": E(
        "--from {start} 晚于 --to {end}", "--from {start} is after --to {end}"
    ),
    # --- The fixed words of -h (typer's) ------------------------------------------------
    "usage.heading.Arguments": E("参数", "Arguments"),
    "usage.heading.Options": E("选项", "Options"),
    "usage.heading.Commands": E("命令", "Commands"),
    "usage.help.help": E("显示本帮助并退出。", "Show this message and exit."),
    "usage.help.install_completion": E(
        "为当前 shell 安装命令补全。", "Install completion for the current shell."
    ),
    "usage.help.show_completion": E(
        "显示当前 shell 的补全脚本，以便复制或自行安装。",
        "Show completion for the current shell, to copy it or customize the installation.",
    ),
    "usage.help.required": E("必填", "required"),
    "usage.help.default": E("默认：{value}", "default: {value}"),
}
