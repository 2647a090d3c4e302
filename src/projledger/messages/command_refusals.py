"""What the reading and report commands refuse or warn of (`report`'s formats and
template, `list approvals`, the roll-up, `show`, `overdue`/`due`'s filters), and git's
refusals (gitrepo.py), whose own words stay as git printed them."""

from projledger.messages.entry import Entry

E = Entry

ENTRIES: dict[str, Entry] = {
    # A problem said about something: a file, an option, a member ledger.
    "about": E("{subject}：{problem}", "{subject}: {problem}"),
    # --- report output (commands/report.py, report/render_csv.py, docx_template.py) -------
    "report.template_needs_docx": E(
        "--template 仅适用于 --format docx",
        "--template is for --format docx",
    ),
    "report.output_needs_file_format": E(
        "--output 须与文件格式同用：--format md、html、json、csv、xlsx 或 docx",
        "--output needs a file format: --format md, html, json, csv, xlsx or docx",
    ),
    "report.binary_not_terminal": E(
        ".{ext} 文件不能输出到终端：请加 --output 文件名.{ext}",
        "a .{ext} file is not for the terminal: add --output FILE.{ext}",
    ),
    "report.cannot_write": E(
        "{file}：无法写入报告（{reason}）",
        "{file}: cannot write the report ({reason})",
    ),
    "report.template_unreadable": E(
        "--template {template}：无法读取该文件（{reason}）",
        "--template {template}: cannot read it ({reason})",
    ),
    "report.template.not_word": E(
        "不是 Word 文档（.docx 或 .dotx）",
        "not a Word document (.docx or .dotx)",
    ),
    "report.template.broken": E(
        "无法作为 Word 文档读取（{detail}）",
        "cannot be read as a Word document ({detail})",
    ),
    "report.csv.several_tables": E(
        "`report {kind}` 有 {n} 张表，CSV 格式只能输出一张表；请改用 --format xlsx 或其他格式",
        "`report {kind}` has {n} tables, and a CSV file holds one: use --format xlsx or "
        "another format",
    ),
    "report.csv.no_table": E(
        "`report {kind}` 没有表格，无法输出为 CSV",
        "`report {kind}` has no table to write as CSV",
    ),
    "report.csv.unknown_table": E(
        "`report {kind}` 中没有表 {table}；现有表：{tables}",
        "no table {table} in `report {kind}`; tables: {tables}",
    ),
    # --- list approvals (commands/approvals.py) -----------------------------------------
    "approvals.unknown_procedure": E(
        "--procedure “{procedure}” 不是审批手续；可选：{procedures}",
        "--procedure '{procedure}' is not an approval procedure: {procedures}",
    ),
    "approvals.unknown_status": E(
        "--status “{status}” 不是可选状态；可选：{statuses}",
        "--status '{status}' is none of {statuses}",
    ),
    # --- overdue / due filters (report/build_due.py) --------------------------------------
    "due.unknown_leader": E(
        "--leader “{leader}” 不是 projledger.yaml 中声明的人员",
        "--leader '{leader}' is not a person declared in projledger.yaml",
    ),
    "due.unknown_level": E(
        "--level “{level}”：请使用{levels!o}",
        "--level '{level}': use {levels!o}",
    ),
    # --- show (commands/views.py) ----------------------------------------------------------
    "views.show_has_errors": E(
        "projledger: 警告：{file} 有 {n} 个错误：未通过 `projledger check`，"
        "修正前各类报告均不含该文件",
        "projledger: warning: {file} has {n} error(s): `projledger check` fails it and "
        "the reports leave it out until it is fixed",
    ),
    # --- roll-up (commands/rollup.py) -------------------------------------------------------
    "rollup.not_a_ledger": E(
        "{shown}：不是台账根目录（其中没有 {config}）；汇总报告的成员须为台账根目录，"
        "即 `projledger init` 建立的目录",
        "{shown}: not a ledger root (no {config} there); a roll-up reports over ledger "
        "roots, the directories `projledger init` makes",
    ),
    "rollup.no_such_directory": E(
        "{shown}：目录不存在（汇总报告的成员须为台账根目录）",
        "{shown}: no such directory (a roll-up's ledgers are ledger roots)",
    ),
    "rollup.nested": E(
        "{shown} 本身是汇总台账（其 {config} 在 `rollup:` 下列有成员台账）：请改为列出其成员台账",
        "{shown} is itself a roll-up (its {config} lists ledgers under `rollup:`): name "
        "its member ledgers instead",
    ),
    "rollup.same_ledger": E(
        "{first} 与 {second} 是同一台账（{path}）",
        "{first} and {second} are the same ledger ({path})",
    ),
    "rollup.same_name": E(
        "{first} 与 {second} 名称相同（“{name}”）：汇总报告以名称区分各台账"
        "（在配置中可为每个成员写明 `name`）",
        "{first} and {second} are both named '{name}': a roll-up tells its ledgers apart "
        "by name (in a config, give each member a `name`)",
    ),
    "rollup.languages": E(
        "各台账使用的语言不同（{each}）：请为汇总报告指定 --lang zh 或 --lang en",
        "the ledgers are written in different languages ({each}): give --lang zh or "
        "--lang en for the roll-up",
    ),
    "rollup.at_day": E(
        "--at {at}：多个台账的汇总报告须按日期（YYYY-MM-DD）取数，即各台账当日的最后一次提交；"
        "提交编号只对应一个仓库",
        "--at {at}: a roll-up over several ledgers takes a day (YYYY-MM-DD), each ledger "
        "as its last commit of that day had it; a commit names one repository",
    ),
    # --- git (gitrepo.py) -----------------------------------------------------------------
    "git.not_a_repository": E(
        "{path} 不在 git 仓库中；台账的每次修改都是一次提交，历史与审计都取自 git。请在该目录"
        "运行 `git init`（或 `projledger init`）；修改命令也可加 --no-commit（只写文件、不提交）",
        "{path} is not in a git repository; every change is a commit, and history and audit "
        "read git. Run `git init` there (or `projledger init`); a change command may also "
        "pass --no-commit (write the file, commit nothing).",
    ),
    "git.in_the_middle": E(
        "仓库中有未完成的{what!t}；请先完成或中止",
        "the repository is in the middle of {what!t}; finish or abort it first",
    ),
    "term.git.merge": E("合并（merge）", "a merge"),
    "term.git.rebase": E("变基（rebase）", "a rebase"),
    "term.git.cherry_pick": E("拣选（cherry-pick）", "a cherry-pick"),
    "term.git.revert": E("还原（revert）", "a revert"),
    "git.detached": E(
        "HEAD 处于分离状态；修改台账前请先切换到分支（`git switch main`）",
        "HEAD is detached; check out a branch (`git switch main`) before changing the ledger",
    ),
    "git.no_identity": E(
        "git 尚未设置提交人身份；请设置一次：\n"
        '  git config --global user.name "张三"\n'
        '  git config --global user.email "zhangsan@example.gov.cn"',
        "git does not know who you are; set it once with\n"
        '  git config --global user.name "张三"\n'
        '  git config --global user.email "zhangsan@example.gov.cn"',
    ),
    "git.not_an_identity": E(
        "“{text}” 不是有效的身份；请写成“姓名 <邮箱>”的形式",
        "'{text}' is not an identity; write it as 'Name <email>'",
    ),
    "git.status_failed": E(
        "git status 执行失败：仓库是否完好？（可用 git fsck 检查）",
        "git status failed: is the repository intact? (git fsck)",
    ),
    "git.failed": E("git {command} 执行失败：{detail}", "git {command} failed: {detail}"),
    "git.failed_exit": E(
        "git {command} 执行失败（退出码 {code}）",
        "git {command} failed: exit {code}",
    ),
    "git.no_object": E("git cat-file：找不到对象 {object}", "git cat-file: no object {object}"),
}
