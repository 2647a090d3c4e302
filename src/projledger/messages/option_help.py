"""The help of each command's own options and arguments in Chinese
(cli/language.translate_help, by `help.param.<command>.<name>`): `en` is the help the code
declares, as it stands, so a reworded English help is shown in English until its
translation is brought up to date."""

from projledger.messages.entry import Entry

E = Entry

ENTRIES: dict[str, Entry] = {
    "help.param.projledger.version": E(
        "显示版本号。",
        "Show the version.",
    ),
    "help.param.projledger.lang": E(
        "信息和帮助所用语言（默认：台账配置中的 `language`；不在台账根目录内时，按系统区域设置）。",
        "Language of messages and help (default: the ledger's `language`; outside a ledger "
        "root, the locale).",
    ),
    "help.param.check.verbose": E(
        "同时说明哪些文件需用较慢的精确 YAML 读取器、原因及各自耗时。",
        "Also say which files needed the slow exact YAML reader, why, and how long each took.",
    ),
    "help.param.schema.directories": E(
        "project.schema.json 和 config.schema.json 的写入位置。默认：台账根目录下的 schemas/。",
        "Where to write project.schema.json and config.schema.json. Default: the ledger "
        "root's schemas/.",
    ),
    "help.param.schema.check_only": E(
        "不写入任何文件；有 schema 过期时退出码为 1。",
        "Write nothing; exit 1 if any schema is out of date.",
    ),
    "help.param.init.directory": E(
        "新建台账根目录的位置。",
        "Where to create the ledger root.",
    ),
    "help.param.init.organisation": E(
        "管理本台账的单位。",
        "The office keeping the ledger.",
    ),
    "help.param.show.item": E(
        "事项编号（或其前缀）。",
        "An item id (or prefix).",
    ),
    "help.param.list.kind": E(
        "projects（项目）、issues（问题）、tasks（任务）、deadlines（时效）或 approvals（审批"
        "手续）。",
        "projects, issues, tasks, deadlines or approvals.",
    ),
    "help.param.list.unit": E(
        "只列该单位的。",
        "Only this unit's.",
    ),
    "help.param.list.leader": E(
        "只列该包抓领导负责的项目。",
        "Only projects this 包抓领导 leads.",
    ),
    "help.param.list.state": E(
        "处于该状态的事项（项目：有问题处于该状态的项目）。",
        "Items in this state (projects with an issue in it).",
    ),
    "help.param.list.project": E(
        "只列该项目（编号或前缀）。",
        "Only this project (id or prefix).",
    ),
    "help.param.list.procedure": E(
        "仅用于 approvals：只列该审批手续（施工许可等）。",
        "approvals: only this procedure (施工许可, ...).",
    ),
    "help.param.list.status": E(
        "仅用于 approvals：该手续（或 --procedure 所指手续）处于该状态的项目：未办理 办理中 "
        "已办结 不涉及 未登记。",
        "approvals: projects with a procedure (the --procedure one) in this status: 未办理 办"
        "理中 已办结 不涉及 未登记.",
    ),
    "help.param.new.project_id": E(
        "新项目的编号：小写拼音、数字、连字符。",
        "The new project's id: lower-case pinyin, digits, hyphens.",
    ),
    "help.param.new.level": E(
        "省级 市级 区级（属多个级别的，重复填写本选项）。",
        "省级 市级 区级 (repeat for several).",
    ),
    "help.param.new.leader": E(
        "包抓领导（须为已声明的人员）。",
        "包抓领导 (a declared person).",
    ),
    "help.param.new.stage": E(
        "阶段，取自 projledger.yaml。",
        "Stage, from projledger.yaml.",
    ),
    "help.param.new.total": E(
        "总投资，单位万元。",
        "Total investment, 万元.",
    ),
    "help.param.new.year": E(
        "计划所属年度（默认：--today 所在年度）。",
        "Year of the plan (default: --today's).",
    ),
    "help.param.new.plan": E(
        "本年度计划投资，单位万元。",
        "This year's planned investment, 万元.",
    ),
    "help.param.new.code": E(
        "项目代码（已赋码的填写）。",
        "National project code, if assigned.",
    ),
    "help.param.new.lead_unit": E(
        "牵头单位（须为已声明的单位）。",
        "牵头单位 (a declared unit).",
    ),
    "help.param.advance.item": E(
        "问题或任务编号；不填则推进项目本身。",
        "Issue or task id; without it, the project.",
    ),
    "help.param.advance.to": E(
        "要推进到的状态或阶段（默认：下一个）。",
        "The state or stage to go to (default: the next).",
    ),
    "help.param.advance.unit": E(
        "交办：责任单位。",
        "交办: responsible unit.",
    ),
    "help.param.advance.person": E(
        "交办：责任人。",
        "交办: responsible person.",
    ),
    "help.param.advance.explanation": E(
        "待核验：解决情况说明。",
        "待核验: how it was solved.",
    ),
    "help.param.advance.verifier": E(
        "销号：核验人。",
        "销号: who verified.",
    ),
    "help.param.advance.pool": E(
        "将项目调入该库别。",
        "Move the project to this pool (库别).",
    ),
    "help.param.advance.maturity": E(
        "调入在谈时的成熟度 A/B/C。",
        "A/B/C when moving to 在谈.",
    ),
    "help.param.advance.code": E(
        "项目代码（赋码后填写）。",
        "National project code, when it is assigned.",
    ),
    "help.param.advance.approval": E(
        "审批手续，如施工许可。",
        "An approval procedure, e.g. 施工许可.",
    ),
    "help.param.advance.status": E(
        "手续状态：办理中 已办结 不涉及。",
        "Its status: 办理中 已办结 不涉及.",
    ),
    "help.param.return.item": E(
        "要退回的待核验或已销号问题。",
        "The issue 待核验 or 已销号 to return.",
    ),
    "help.param.return.reason": E(
        "核验未通过的原因。",
        "Why verification failed.",
    ),
    "help.param.return.by": E(
        "退回人。",
        "Who returned it.",
    ),
    "help.param.withdraw.item": E(
        "要撤销的问题。",
        "The issue to withdraw.",
    ),
    "help.param.withdraw.reason": E(
        "不再需要解决的原因。",
        "Why it no longer needs solving.",
    ),
    "help.param.retire.reason": E(
        "项目退库的原因。",
        "Why the project leaves the pool.",
    ),
    "help.param.retire.reviewer": E(
        "退库审核人。",
        "Who reviewed the retirement.",
    ),
    "help.param.retire.duplicate_of": E(
        "本文件所重复的项目（重复录入）：该项目保留项目代码和名称，本文件不再计入任何数字。",
        "The project this file duplicates (entered twice): it keeps the code and name, and "
        "leaves every figure.",
    ),
    "help.param.extend.item": E(
        "时效编号，或其所属问题、任务的编号。",
        "A deadline id, or the issue or task whose deadline it is.",
    ),
    "help.param.extend.to": E(
        "新的时限。",
        "The new due date.",
    ),
    "help.param.extend.approver": E(
        "延期批准人。",
        "Who approved the extension.",
    ),
    "help.param.set.field": E(
        "如 investment.completed_this_year、description、T-6FJ2RA.note 等。",
        "investment.completed_this_year, description, T-6FJ2RA.note ...",
    ),
    "help.param.set.value": E(
        "新的值。",
        "The new value.",
    ),
    "help.param.set.through": E(
        "investment.completed_this_year：该数字截至的月份（2026-10、10月）；默认为修改日期的"
        "上一个月。",
        "investment.completed_this_year: the last month the figure covers (2026-10, 10月); "
        "default the month before the change's date.",
    ),
    "help.param.log.item": E(
        "问题（编号或前缀）。",
        "The issue (id or prefix).",
    ),
    "help.param.log.note": E(
        "进展内容。",
        "The progress note (进展).",
    ),
    "help.param.log.by": E(
        "报告人。",
        "Who reports it.",
    ),
    "help.param.fix.files": E(
        "项目文件或 projledger.yaml。",
        "Project files or projledger.yaml.",
    ),
    "help.param.rollover.year": E(
        "新的年度，如 2027。",
        "The new year, e.g. 2027.",
    ),
    "help.param.rollover.plans": E(
        "新年度计划：CSV 文件（项目编号、计划数，单位万元）或 YAML 映射（编号: 计划数）。",
        "The new year's plans: a CSV file (project id, plan in 万元) or a YAML mapping (id: plan).",
    ),
    "help.param.rollover.plan": E(
        "单个项目的新年度计划：编号=金额（万元）；可重复。",
        "One project's new plan: ID=AMOUNT (万元); repeatable.",
    ),
    "help.param.history.item": E(
        "事项：编号，编号或连字符后部分的前缀（I-4M8K2P 可写 4M8），或标题片段。默认：整个项目。",
        "The item: its id, a prefix of it or of its part after the dash (4M8 for I-4M8K2P), or "
        "a fragment of its title. Default: the whole project.",
    ),
    "help.param.changes.since": E(
        "起始日期（含当天）。",
        "First day (YYYY-MM-DD), included.",
    ),
    "help.param.changes.until": E(
        "截止日期（含当天）。",
        "Last day (YYYY-MM-DD), included.",
    ),
    "help.param.changes.unit": E(
        "只列与该单位（全称或简称）有关的变更：其负责的事项，以及其承担责任的项目的基本信息。",
        "Only changes concerning this unit (name or short name): items it owns, and records "
        "of projects where it has a responsibility.",
    ),
    "help.param.changes.project": E(
        "只列该项目：名称、名称片段、拼音首字母或编号（或编号前缀）。",
        "Only this project: its name, a fragment of it, its pinyin initials or its id (or a "
        "prefix of the id).",
    ),
    "help.param.audit.revisions": E(
        "要审查的提交范围：起始..结束（BASE..HEAD），或只写起始（至 HEAD）。",
        "The commits to audit: BASE..HEAD, or BASE (then up to HEAD).",
    ),
    "help.param.due.within": E(
        "提前天数，如 7d 或 2w（默认：配置中的 due_soon_days）。",
        "Days ahead, e.g. 7d or 2w (default: the config's due_soon_days).",
    ),
    "help.param.import.file": E(
        "工作簿：台账（.xlsx、.xls、.csv），或由 `export` 导出的工作簿。",
        "The workbook: a 台账 (.xlsx, .xls, .csv), or one `export` wrote.",
    ),
    "help.param.import.sheet": E(
        "要读取的工作表（默认：第一个有表头的）。",
        "The sheet to read (default: the first with a header).",
    ),
    "help.param.import.mapping": E(
        "同义词无法覆盖的版式所用的映射文件。",
        "A mapping file for a layout the synonyms do not cover.",
    ),
    "help.param.import.default": E(
        "表中缺少的内容，写成 键=值：level、pool、industry、locality、owner、stage、leader、"
        "leader_unit、nature、issue.category、issue.source、issue.cause_side、issue.raised（"
        "可重复）。",
        "KEY=VALUE for what the sheet lacks: level, pool, industry, locality, owner, stage, "
        "leader, leader_unit, nature, issue.category, issue.source, issue.cause_side, "
        "issue.raised (repeatable).",
    ),
    "help.param.import.declare": E(
        "表中出现而 projledger.yaml 未声明的单位和人员，在同一提交中一并声明。",
        "Declare the units and people the sheet names and projledger.yaml does not, in the "
        "same commit.",
    ),
    "help.param.import.year": E(
        "“3月底”及各项数字所属年度（默认：取自表格标题）。",
        "The year of 3月底 and of the figures (default: the title's).",
    ),
    "help.param.import.id_prefix": E(
        "新项目编号的前缀，如 laiwu。",
        "Put this before new project ids, e.g. laiwu.",
    ),
    "help.param.import.allow_failed_rows": E(
        "有行无法导入（或单位填报的工作簿中有行无法写入）时仍以 0 退出。这些行照常列出（台账"
        "的同时写入 文件名-未导入.xlsx）；不加本选项时，可导入的行提交后以 1 退出。",
        "Exit 0 when some rows cannot be imported (or, from a unit's workbook, applied). "
        "They are listed all the same (a 台账's also in FILE-未导入.xlsx); without this "
        "option the import exits 1, after committing the rows that could be imported.",
    ),
    "help.param.export.what": E(
        "ledger（台账）、unit（单位）或 units（全部单位）。",
        "ledger, unit or units.",
    ),
    "help.param.export.unit": E(
        "单位（全称或简称），用于 `export unit`。",
        "The unit (full or short name), for `export unit`.",
    ),
    "help.param.export.output": E(
        "要写入的工作簿（`units`：目录）。",
        "The workbook to write (for `units`: a directory).",
    ),
    "help.param.export.all_units": E(
        "`export units`：全部单位。",
        "`export units`: every unit.",
    ),
    "help.param.resolve.target": E(
        "项目（编号或前缀），或 projledger.yaml。",
        "The project (id or prefix), or projledger.yaml.",
    ),
    "help.param.resolve.field": E(
        "冲突所指的字段，如 I-4M8K2P.unit。",
        "The field the conflict names, e.g. I-4M8K2P.unit.",
    ),
    "help.param.resolve.take": E(
        "保留哪一方的值。",
        "Whose value to keep.",
    ),
    "help.param.server-hook.action": E(
        "install：将 pre-receive 钩子写入仓库；script：输出钩子内容（用于 Gitea 或 GitLab 的"
        "钩子设置）；run：钩子所运行的内容。",
        "install: write the pre-receive hook into REPOSITORY; script: print it (for Gitea's "
        "or GitLab's hook settings); run: what the hook runs.",
    ),
    "help.param.server-hook.repository": E(
        "共享裸仓库（用于 install）。",
        "The bare repository (install).",
    ),
    "help.param.server-hook.force": E(
        "替换不属于 projledger 的 pre-receive 钩子。",
        "Replace a pre-receive hook that is not projledger's.",
    ),
    "help.param.merge-driver.base": E(
        "%O：共同祖先的版本。",
        "%O: the common ancestor's version.",
    ),
    "help.param.merge-driver.ours": E(
        "%A：本方版本；合并结果写回该文件。",
        "%A: ours; the result is written over it.",
    ),
    "help.param.merge-driver.shown": E(
        "%P：文件路径，用于提示信息。",
        "%P: the file's path, for messages.",
    ),
    "help.param.merge-driver.renumber": E(
        "双方都新增同一编号时，哪一方的事项改用新编号。",
        "Whose item takes a new id when both added one.",
    ),
    "help.param.add.issue.title": E(
        "问题，一行写明。",
        "The problem, in one line.",
    ),
    "help.param.add.issue.cause": E(
        "责任方：政府或企业。",
        "Which side the cause is on: 政府 or 企业.",
    ),
    "help.param.add.issue.level": E(
        "协调层级 1-4。",
        "Coordination level 1-4.",
    ),
    "help.param.add.issue.unit": E(
        "责任单位（与 --person、--due 一并给出即为交办）。",
        "Responsible unit (交办 with --person and --due).",
    ),
    "help.param.add.issue.person": E(
        "责任人。",
        "Responsible person.",
    ),
    "help.param.add.issue.basis": E(
        "时限的依据。",
        "Where the time limit comes from.",
    ),
    "help.param.add.task.title": E(
        "任务或节点，如 完成300户征迁。",
        "The work or node, e.g. 完成300户征迁.",
    ),
    "help.param.add.task.unit": E(
        "责任单位。",
        "Responsible unit.",
    ),
    "help.param.add.task.amount": E(
        "量化目标。",
        "Quantified target.",
    ),
    "help.param.add.task.measure_unit": E(
        "计量单位：万元、户、亩。",
        "Its unit: 万元, 户, 亩.",
    ),
    "help.param.add.responsibility.duties": E(
        "承担的职责。",
        "What they answer for.",
    ),
    "help.param.add.funding.planned": E(
        "计划数，单位万元。",
        "Planned amount, 万元.",
    ),
    "help.param.add.funding.received": E(
        "已到位数，单位万元；默认 0。",
        "Received so far (到位), 万元; default 0.",
    ),
    "help.param.add.deadline.target": E(
        "问题或任务编号，approval:<手续> 或 milestone:<开工|竣工|投产>。",
        "Issue or task id, approval:<procedure> or milestone:<开工|竣工|投产>.",
    ),
    "help.param.add.deadline.due": E(
        "时限。",
        "Due date.",
    ),
    "help.param.unit.add.name": E(
        "单位全称，如 莱芜区数据局。",
        "The unit's full name, e.g. 莱芜区数据局.",
    ),
    "help.param.unit.add.short": E(
        "简称。",
        "Its short name (简称).",
    ),
    "help.param.unit.rename.old": E(
        "现用名称（或简称）。",
        "Its name (or short name) now.",
    ),
    "help.param.unit.rename.new": E(
        "新名称。",
        "The new name.",
    ),
    "help.param.unit.retire.name": E(
        "单位。",
        "The unit.",
    ),
    "help.param.person.add.name": E(
        "人员姓名。",
        "The person's name.",
    ),
    "help.param.person.move.name": E(
        "人员。",
        "The person.",
    ),
    "help.param.report.weekly.week": E(
        "ISO 周，如 2026-W47（默认：本周）。",
        "ISO week, e.g. 2026-W47 (default: this week).",
    ),
    "help.param.report.monthly.month": E(
        "如 2026-11（默认：本月）。",
        "e.g. 2026-11 (default: this month).",
    ),
    "help.param.report.quarterly.quarter": E(
        "如 2026-Q4（默认：本季度）。",
        "e.g. 2026-Q4 (default: this quarter).",
    ),
    "help.param.report.annual.year": E(
        "如 2026（默认：本年度）。",
        "e.g. 2026 (default: this year).",
    ),
    "help.param.report.unit.unit": E(
        "单位名称或简称（取自 projledger.yaml）。",
        "Unit name or short name (from projledger.yaml).",
    ),
}
