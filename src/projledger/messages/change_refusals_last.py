"""The change commands' last English refusals, in both languages: stages, approvals and
`set`'s paths (changes/project.py), funding sources (changes/elements.py), one-line
fields (changes/one_line.py), values the YAML would misread (changes/yamledit.py), what
`audit` would reject (changes/guard.py), a file changed under a change of many files
(changes/many_files.py), notes of a forced change (changes/refusals.py) and `init`
(changes/init.py, cli/views.py)."""

from projledger.messages.entry import Entry

E = Entry

ENTRIES: dict[str, Entry] = {
    # --- advance: stages and approvals (changes/project.py) --------------------------------
    "refuse.stage_unknown": E(
        "{to} 不是 projledger.yaml 中声明的阶段；可选：{stages!l}",
        "{to} is not a stage of projledger.yaml: {stages!l}",
    ),
    "refuse.last_stage": E(
        "{current} 已是最后一个阶段；如需变更，请用 --to 指定阶段",
        "{current} is the last stage; name one with --to",
    ),
    "refuse.approval_unknown": E(
        "{name} 不是审批手续；可选：{names!l}",
        "{name} is not an approval procedure: {names!l}",
    ),
    "refuse.not_one_of": E(
        "“{value}”不是有效的{what!t}；可选：{allowed!l}",
        "{value!r} is not {what!t}: {allowed!l}",
    ),
    "term.choice.issue_state": E("问题状态", "an issue state"),
    "term.choice.pool": E("库别", "a pool"),
    "term.choice.source": E("资金来源（--source）", "a --source"),
    "refuse.withdrawn_already": E("{item} 当前为{state}，不能再撤销", "{item} is {state} already"),
    # --- set: the path of a field (changes/project.py) -------------------------------------
    "refuse.set_no_measure": E(
        "{label!f}：任务 {item} 未设任务量（目标数量和计量单位，如 300 户），无从填写已完成数量",
        "{label!f}: task {item} has no quantity to count against (its measure: amount and "
        "unit, e.g. 300 户)",
    ),
    "refuse.set_no_field": E(
        "{path!f}：请写明要修改的字段，如 investment.completed_this_year",
        "{path!f}: name a field to set, such as investment.completed_this_year",
    ),
    "refuse.set_not_section": E(
        "{path!f}：{part!k}不是本记录中可逐项填写的部分",
        "{path!f}: {part} is not a section of this record",
    ),
    "refuse.set_guarded": E(
        "{label!f}须通过 {via!t} 修改（该命令会核对办理步骤）",
        "{label!f} changes through {via!t}, which checks the step",
    ),
    "term.via.pool": E(
        "`projledger advance {project} --pool`（或 `projledger retire`）",
        "`projledger advance {project} --pool (or retire)`",
    ),
    "term.via.stage": E(
        "`projledger advance {project} --to 阶段`", "`projledger advance {project} --to STAGE`"
    ),
    "term.via.retire": E("`projledger retire`", "`projledger retire`"),
    "term.via.approval": E(
        "`projledger advance {project} --approval`", "`projledger advance {project} --approval`"
    ),
    "term.via.state": E(
        "`projledger advance`、`return` 或 `withdraw`", "`projledger advance / return / withdraw`"
    ),
    "term.via.advance": E("`projledger advance`", "`projledger advance`"),
    "term.via.withdraw": E("`projledger withdraw`", "`projledger withdraw`"),
    "term.via.return": E("`projledger return`", "`projledger return`"),
    "term.via.extend": E("`projledger extend`", "`projledger extend`"),
    "term.via.add_deadline": E("`projledger add deadline`", "`projledger add deadline`"),
    "refuse.set_section": E(
        "{path!f}包含多个字段，不是单个值；请逐项填写其中的字段",
        "{path!f} is a section, not a single value; set its fields one by one",
    ),
    "refuse.through_other": E(
        "--through 只用于{figure!k}所截至的月份，不适用于{label!f}",
        "--through names the months of {figure}, not of {label!f}",
    ),
    # --- add responsibility (changes/items.py) ---------------------------------------------
    "refuse.responsibility_owner": E(
        "责任须写明 --unit（责任单位）或 --person（责任人），也可两者都写",
        "a responsibility names a --unit, a --person, or both",
    ),
    # --- funding sources (changes/elements.py) ---------------------------------------------
    "refuse.funding_exists": E(
        "{source} 已是本项目的资金来源；到位资金请用 "
        "`projledger set {project} funding.{source}.received 金额` 记录"
        "（修改计划金额用 funding.{source}.planned）",
        "{source} is already a funding source of this project; record what was received "
        "with `projledger set {project} funding.{source}.received N` (or change the plan "
        "with funding.{source}.planned)",
    ),
    "refuse.negative_amount": E(
        "{what} 为金额（万元），不能为负数（{value}）",
        "{what} is an amount in 万元 and may not be negative ({value})",
    ),
    "refuse.funding_field": E(
        "{path!f}：资金来源只有 planned（计划）、received（到位）和 note（说明）三项，"
        "金额单位为万元",
        "{path!f}: a funding source has planned, received and note (万元)",
    ),
    "refuse.funding_unknown": E(
        "{path!f}：{source} 不是本项目的资金来源（现有：{known!l}）；请先添加："
        "`projledger add funding {project} --source {source} --planned 金额`",
        "{path!f}: {source} is not a funding source of this project (it has: {known!l}); "
        "add it with `projledger add funding {project} --source {source} --planned N`",
    ),
    "refuse.funding_unknown_none": E(
        "{path!f}：{source} 不是本项目的资金来源（本项目尚无资金来源）；请先添加："
        "`projledger add funding {project} --source {source} --planned 金额`",
        "{path!f}: {source} is not a funding source of this project (it has none yet); "
        "add it with `projledger add funding {project} --source {source} --planned N`",
    ),
    # --- one-line fields (changes/one_line.py) ---------------------------------------------
    "refuse.line_break": E(
        "{name!f}“{shown}”…含有换行，而{name!f}只能写一行：请写在一行内（较长的内容请写入描述）",
        "{name!f} {shown!r}… has a line break, and a {name!f} is one line: write it on one "
        "line (longer text goes in a description)",
    ),
    "refuse.line_break.item": E(
        "{item} 的{name!f}“{shown}”…含有换行，而{name!f}只能写一行："
        "请写在一行内（较长的内容请写入描述）",
        "{item} {name!f} {shown!r}… has a line break, and a {name!f} is one line: write it on "
        "one line (longer text goes in a description)",
    ),
    # --- values as the YAML reads them (changes/yamledit.py) -------------------------------
    "refuse.read_back_date": E(
        "{what!f}：“{text}”会被读作日期，而不是这段文字；"
        "请换一种写法（日期作为文字可写成 2026年11月20日）",
        "{what!f}: {text!r} would be read back as a date, not as this text; write it another "
        "way (a date as text: 2026年11月20日)",
    ),
    "refuse.read_back": E(
        "{what!f}：“{text}”会被读作 {kind} 值 {value}，而不是这段文字；"
        "请换一种写法（日期作为文字可写成 2026年11月20日）",
        "{what!f}: {text!r} would be read back as {kind} {value}, not as this text; write it "
        "another way (a date as text: 2026年11月20日)",
    ),
    "refuse.not_iso_date": E(
        "{what!f}：“{text}”不是日期；请写成 2026-11-20",
        "{what!f}: {text!r} is not a date; write it as 2026-11-20",
    ),
    # --- what `projledger audit` would reject (changes/guard.py) ---------------------------
    "refuse.audit": E(
        "拒绝修改：{advice}（`projledger audit` 将报告 {code}）；未写入任何内容",
        "refused: {advice} (`projledger audit` would report {code}); nothing was written",
    ),
    "refuse.audit.in": E(
        "拒绝修改：{what!t}中，{advice}（`projledger audit` 将报告 {code}）；未写入任何内容",
        "refused: in {what!t}, {advice} (`projledger audit` would report {code}); nothing "
        "was written",
    ),
    "audit.advice.PL503": E(
        "{item} 已销号，已销号的问题不能修改：请先退回"
        "（`projledger return {project} {item} --reason …`），再作修改",
        "{item} is closed (已销号) and a closed issue is not changed: reopen it through a "
        "return (退回) first, `projledger return {project} {item} --reason …`, then change it",
    ),
    "audit.advice.PL506": E(
        "{item} 的对象已于 {closed_on} 办结：办结后批准的延期会把逾期办结算作按期办结，"
        "故已办结对象的时限不再延期",
        "the target of {item} was closed on {closed_on}: an extension granted after the "
        "closure would count a late closure as on time, so a closed target's deadline is "
        "not extended",
    ),
    "audit.advice.PL504": E(
        "{item} 的时限（{due}）不能直接修改：请办理延期，"
        "`projledger extend {project} {item} --to 日期 --reason … --approver …`",
        "the due date of {item} ({due}) is never changed: extend it with "
        "`projledger extend {project} {item} --to DATE --reason … --approver …`",
    ),
    "audit.advice.PL505": E(
        "{item} 的第{position}次延期须保持原样；延期记录只能追加",
        "extension {position} of {item} stays as it was; extensions are only appended",
    ),
    "audit.advice.PL501": E(
        "{list!f}中的 {item} 将被删除；已登记的事项不得删除",
        "{item} of {list!f} would be removed; items are never deleted",
    ),
    "audit.advice.PL502": E(
        "编号 {item} 已用于另一事项；编号不得重复使用",
        "the id {item} names another item already; ids are never reused",
    ),
    "audit.advice.deleted": E(
        "项目文件将被删除；如需撤出，请办理退库（`projledger retire`）",
        "the project file would be deleted; retire the project instead (`projledger retire`)",
    ),
    # --- a change of many files (changes/many_files.py) and the config ---------------------
    "refuse.changed_meanwhile": E(
        "拒绝修改：准备修改期间 {file} 已被改动；未写入任何内容，请重新运行本命令",
        "refused: {file} changed while the change was prepared; nothing was written, run it again",
    ),
    "refuse.dirty_config": E(
        "projledger.yaml 有未提交的修改（手工编辑？），本次修改不会以其为基础。请先提交"
        "（`git commit projledger.yaml`）或放弃这些修改"
        "（`git checkout -- projledger.yaml`），再运行本命令",
        "projledger.yaml has changes that are not committed (edits by hand?), and no change "
        "is built on them. Commit them (`git commit projledger.yaml`) or discard them "
        "(`git checkout -- projledger.yaml`), then run the command again",
    ),
    # --- a change forced through a warning (changes/refusals.py) ---------------------------
    "note.forced": E(
        "{code} {finding}（已按 --force 记录）", "{code} {finding} (recorded with --force)"
    ),
    # --- a change a killed command left, finished or undone (changes/recovery.py) ---------
    "recovery.damaged_journal": E(
        "已删除损坏的修改日志（{path}）", "removed a damaged change journal ({path})"
    ),
    "recovery.completed": E(
        "已完成一项提交前被中断的修改：{subject}（提交 {commit}）",
        "completed a change that was interrupted before its commit: {subject} (commit {commit})",
    ),
    "recovery.undone": E(
        "一项在写入文件时被中断的修改（{n} 个文件中已写入 {written} 个）已撤回，各文件均恢复原状；"
        "请重新运行：{subject}",
        "a change interrupted while it wrote its files ({written} of {n} written) was undone, "
        "leaving every file as it was; run it again: {subject}",
    ),
    "recovery.dropped.one": E(
        "一项在替换 {file} 之前被中断的修改未作任何改动，已丢弃：{subject}",
        "a change interrupted before it replaced {file} changed nothing, and was dropped: "
        "{subject}",
    ),
    "recovery.dropped.many": E(
        "一项在替换其 {n} 个文件之前被中断的修改未作任何改动，已丢弃：{subject}",
        "a change interrupted before it replaced its {n} files changed nothing, and was "
        "dropped: {subject}",
    ),
    "recovery.left.one": E(
        "一项在提交前被中断的修改未予完成，因 {file} 或其最近一次提交此后已有变动；"
        "该文件保持现状：{subject}",
        "a change interrupted before its commit was not completed, as {file} or its last "
        "commit has changed since; the file is left as it is: {subject}",
    ),
    "recovery.left.many": E(
        "一项在提交前被中断的修改未予完成，因其 {n} 个文件或其最近一次提交此后已有变动；"
        "这些文件保持现状：{subject}",
        "a change interrupted before its commit was not completed, as its {n} files or its "
        "last commit have changed since; the files are left as they are: {subject}",
    ),
    # --- retire --duplicate-of (cli/changes.py) --------------------------------------------
    "retire.duplicate_of_self": E(
        "--duplicate-of {real}：请指定另一个项目，而不是本项目",
        "--duplicate-of {real}: name the other project, not this one",
    ),
    # --- init (changes/init.py, cli/views.py) ----------------------------------------------
    "init.clashes": E(
        "{directory} 中已有 {names!l}；未写入任何内容",
        "{directory} already has {names!l}; nothing was written",
    ),
    "init.not_committed": E(
        "{failed}\n台账根目录的文件已写入但未提交：请再次运行 `projledger init` 提交",
        "{failed}\nThe ledger root's files are written but not committed: run "
        "`projledger init` again to commit them",
    ),
    "init.root_exists": E(
        "{root} 已是台账根目录（{config}，{projects}/ 中有 {n} 个项目）；未作任何修改",
        "{root} is a ledger root already ({config}, {n} projects in {projects}/); nothing "
        "was changed",
        "{root} is a ledger root already ({config}, {n} project in {projects}/); nothing "
        "was changed",
    ),
    "init.not_empty": E(
        "{existing} 已存在且不为空，而 init 需向其中写入；请另选目录",
        "{existing} exists and is not empty; init writes there. Choose another directory",
    ),
    "init.created": E("已在 {root} 新建台账根目录", "created a ledger root in {root}"),
    "init.resumed": E(
        "已完成 {root} 台账根目录的初始化（补作提交）",
        "finished the ledger root (its commit) in {root}",
    ),
    "init.new_repository": E("（新建 git 仓库）", "(a new git repository)"),
    "init.committed": E("已提交 {commit}", "committed {commit}"),
    "init.next": E(
        "下一步：在 projledger.yaml 中声明单位和人员，然后运行 `projledger new`。",
        "next: declare your units and people in projledger.yaml, then `projledger new`.",
    ),
    "init.not_a_directory": E(
        "{directory}：{file} 是文件，不是目录；请为台账根目录另选一个目录",
        "{directory}: {file} is a file, not a directory; choose another directory for the "
        "ledger root",
    ),
    "init.cannot_create": E(
        "无法创建 {directory}（{reason}）；请另选一个可写的目录",
        "cannot create {directory} ({reason}); choose a directory you may write to",
    ),
    "usage.advance_stray": E(
        "{options!l} 不适用于{step!t}（{step!t}只用 {allowed!l}）；推进事项请写明事项编号，"
        "调整库别请用 --pool，推进审批手续请用 --approval",
        "{options!l}: not an option of {step!t} (which takes {allowed!l}); name the item to "
        "advance an item, --pool to move the pool, --approval for an approval",
    ),
    "term.advance.item": E("推进事项", "advancing an item"),
    "term.advance.approval": E("推进审批手续", "advancing an approval"),
    "term.advance.pool": E("调整库别", "moving the pool"),
    "term.advance.stage": E("推进项目阶段", "advancing the stage"),
}
