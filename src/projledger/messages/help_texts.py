"""The help texts in Chinese (cli/language.translate_help): `en` is the help the code
declares, as it stands, so a reworded English help without its Chinese fails a test."""

from projledger.messages.entry import Entry

E = Entry

ENTRIES: dict[str, Entry] = {
    # --- Help (cli/language.translate_help): `en` is the help the code declares, as it
    # reads; a translation is used only while the two agree (a test checks them) -----
    "help.cmd.check": E(
        "检查台账文件：YAML 格式、字段规范与业务规则。发现错误时退出码为 1。",
        "Check ledger files: YAML, schema and rules. Exit 1 when any error is found.",
    ),
    "help.cmd.schema": E(
        "生成台账文件的 JSON Schema（由数据模型生成）。",
        "Write the JSON Schemas of ledger files, generated from the models.",
    ),
    "help.cmd.init": E(
        "新建台账根目录：配置文件、schemas/、projects/，并作首次提交（必要时 git init）。",
        "Create a ledger root: config, schemas, projects/, and a first commit (git init"
        " if needed).",
    ),
    "help.cmd.show": E(
        "显示一个项目的基本信息与四张清单，或其中一个事项。",
        "Show a project's record and four lists, or one item.",
    ),
    "help.cmd.list": E(
        "列出项目，或跨项目列出问题、任务、时效（可筛选）；`list approvals` 以矩阵列"
        "出各项目的审批手续。",
        "List projects, or issues, tasks or deadlines across projects, with filters; or"
        " the approval procedures (审批手续) of every project as a matrix (`list approvals"
        "`).",
    ),
    "help.cmd.new": E(
        "新建项目台账文件（一个项目一个文件）。",
        "Create a project's ledger file (one project, one file).",
    ),
    "help.cmd.advance": E(
        "将问题或任务推进到下一状态，或推进项目的阶段、库别或审批手续。",
        "Advance an issue or task to its next state, or the project's stage, pool or an approval.",
    ),
    "help.cmd.return": E(
        "将待核验的问题退回办理中，或重新打开已销号的问题，并写明原因。",
        "Return (退回) an issue awaiting verification to 办理中, or reopen a closed ("
        "已销号) one, with the reason.",
    ),
    "help.cmd.withdraw": E(
        "撤销一个未办结的问题，并写明原因。",
        "Withdraw (撤销) an open issue, with the reason.",
    ),
    "help.cmd.retire": E(
        "将项目退库，写明原因与审核人；重复录入的项目用 --duplicate-of 指明真正的项目。",
        "Retire a project from the pool (退库), with the reason and the reviewer; a projec"
        "t entered twice with --duplicate-of the real one.",
    ),
    "help.cmd.extend": E(
        "延期：原时限保留在记录中。",
        "Extend a deadline (延期): the old date stays in the record.",
    ),
    "help.cmd.set": E(
        "设置项目或事项的一个字段（任务完成量：T-….done 120；带月份的完成数：--through 10月）。",
        "Set one field of a project's record or of an item (a task's quantity done: T-"
        "….done 120; a completed figure with its months: --through 10月).",
    ),
    "help.cmd.log": E(
        "为问题添加一条带日期的进展。（一段时间内的变更：`changes`。）",
        "Add a dated progress note (进展) to an issue. (The changes of a period: `changes`.)",
    ),
    "help.cmd.fix": E(
        "就地修正 CRLF 换行、BOM、缩进中的制表符和缺少的 schema 首行，显示差异并提交"
        "；其他问题一律拒绝并指明。",
        "Fix CRLF line ends, a byte-order mark, tabs in indentation and a missing schema"
        " header in place, show the diff and commit it; anything else is refused, named.",
    ),
    "help.cmd.rollover": E(
        "将全部项目转入新年度：本年完成数转入截至上年底累计，填入新年度计划，保留上年"
        "数字供其报告使用。该年度已转过则拒绝。",
        "Move every project to the new year: this year's completed figure into completed"
        " before the year, the new year's plan in, the old year's figures kept for its"
        " reports. Refused when it was done for that year already.",
    ),
    "help.cmd.history": E(
        "项目或其事项的变更记录：每个字段的新旧值、操作人、时间与提交，含手工修改。",
        "The timeline of a project or one of its items: each field changed, old → new,"
        " by whom, when, in which commit, hand edits included.",
    ),
    "help.cmd.changes": E(
        "一段时间内台账的全部变更（按提交日期，整日、含首尾），含手工修改。",
        "Every change to the ledger in a period, by author date (whole days, inclusive),"
        " hand edits included.",
    ),
    "help.cmd.audit": E(
        "检查一段提交范围内台账的变化：未删除内容、编号未复用、已销号问题未改动、时限"
        "未改（延期须追加）。有错误时退出码为 1。",
        "Check how the ledger changed in a range of commits: nothing deleted, ids never"
        " reused, closed issues untouched, due dates kept (extensions appended). Exit"
        " 1 on errors.",
    ),
    "help.cmd.overdue": E(
        "全部逾期事项：事项、责任方、逾期起始日、已延期次数。",
        "Every overdue deadline (逾期): what, whose, since when, extensions so far.",
    ),
    "help.cmd.due": E(
        "N 天内到期（临期）的未完成事项，含统计当日。",
        "Deadlines not yet done and due within N days (临期), the report date included.",
    ),
    "help.cmd.import": E(
        "导入台账表格（一次提交），或单位填报回来的表格（每个事项一次提交）。",
        "Import a 台账 workbook as one commit, or a unit's filled-in workbook, one commit"
        " per item.",
    ),
    "help.cmd.export": E(
        "将台账导出为台账表格，或导出单位的未办结事项供其填报。",
        "Write the ledger as a 台账 workbook, or a unit's open items as a workbook to fill in.",
    ),
    "help.cmd.setup": E(
        "在本克隆中按事项合并台账文件：在 .git/config 与 .gitattributes 中配置合并驱"
        "动（后者缺少时作一次提交）。",
        "Merge ledger files item by item in this clone: the merge driver in .git/config,"
        " and in .gitattributes (one commit, if it lacks it).",
    ),
    "help.cmd.sync": E(
        "拉取、按事项合并、检查、推送；有人先推送时再次拉取合并。不丢失本地提交，不推"
        "送 `check` 不通过的内容。",
        "Fetch, merge item by item, check, push; fetch and merge again if someone pushed"
        " first. Never loses a local commit, never pushes what `check` fails.",
    ),
    "help.cmd.resolve": E(
        "处理合并记录的冲突（PL019）：保留本方或对方的值；一次提交。",
        "Settle a conflict a merge recorded (PL019): keep ours' or theirs' value; one commit.",
    ),
    "help.cmd.server-hook": E(
        "服务端钩子：拒绝 `audit` 或 `check` 不通过的推送，并列出问题。",
        "A server-side hook that refuses pushes `audit` or `check` rejects, with the findings.",
    ),
    "help.cmd.merge-driver": E(
        "按事项编号与字段合并台账文件的三个版本（由 git 调用）。",
        "Merge three versions of a ledger file by item id and field (git runs this).",
    ),
    "help.cmd.add": E(
        "向项目的四张清单之一添加事项。",
        "Add an item to one of a project's four lists.",
    ),
    "help.cmd.add.issue": E(
        "登记问题（问题清单）；同时给出 --unit、--person 和 --due 即为已交办。",
        "Register an issue (问题清单); with --unit, --person and --due it is assigned at once.",
    ),
    "help.cmd.add.task": E(
        "添加任务（任务清单）；给出 --due 时同时建立其时效。",
        "Add a task (任务清单); with --due also its deadline.",
    ),
    "help.cmd.add.responsibility": E(
        "添加责任（责任清单）：某单位或人员担任某角色及其职责。",
        "Add a responsibility (责任清单): a unit or person in a role, with duties.",
    ),
    "help.cmd.add.funding": E(
        "添加资金来源及其计划数与到位数；此后的到位数用 set PROJECT funding.<来源>.received N。",
        "Add a funding source (资金来源) with its planned amount and what has been receive"
        "d; later receipts: set PROJECT funding.<source>.received N.",
    ),
    "help.cmd.add.deadline": E(
        "为问题、任务、审批手续或节点添加时效（时效清单）。",
        "Add a deadline (时效清单) for an issue, task, approval or milestone.",
    ),
    "help.cmd.unit": E(
        "在 projledger.yaml 中声明、改名或撤销单位。",
        "Declare, rename or retire a unit (单位) in projledger.yaml.",
    ),
    "help.cmd.unit.add": E(
        "声明一个新单位。",
        "Declare a new unit.",
    ),
    "help.cmd.unit.rename": E(
        "单位改名：projledger.yaml 及所有提到它的项目一并修改（一次提交）；以旧名销号"
        "的问题保留旧名，旧名作为曾用名继续有效。",
        "Rename a unit, in projledger.yaml and every project naming it (one commit); issue"
        "s closed under the old name keep it, which stays declared as a former name.",
    ),
    "help.cmd.unit.retire": E(
        "自 --today 起将单位标为撤销；仍有未办结事项、在库项目的责任或人员属于该单位时拒绝。",
        "Mark a unit retired (撤销) as of --today; refused while open items, responsibilit"
        "ies of live projects or people name it.",
    ),
    "help.cmd.person": E(
        "在 projledger.yaml 中声明人员，或将其调到另一单位。",
        "Declare a person (人员) in projledger.yaml, or move them to another unit.",
    ),
    "help.cmd.person.add": E(
        "在已声明的单位中声明一名人员。",
        "Declare a person, in a declared unit.",
    ),
    "help.cmd.person.move": E(
        "将人员调到另一单位（用 --title 同时改职务）。",
        "Move a person to another unit (and post, with --title).",
    ),
    "help.cmd.report": E(
        "报告：周调度、月通报、季督查排名、年度考评、项目卡片、单位责任清单。",
        "Reports: the weekly dispatch (周调度), monthly bulletin (月通报), quarterly ranki"
        "ng (季督查排名), the annual review (年度考评), a project's card, a unit's items.",
    ),
    "help.cmd.report.weekly": E(
        "周调度报告：主要指标、分项统计、排名、亮灯、本周问题流转（取自 git 历史）及下周到期事项。",
        "The weekly dispatch report (周调度): figures, breakdowns, ranking, lights, the"
        " week's issue flow from git history, and next week's due items.",
    ),
    "help.cmd.report.monthly": E(
        "月通报：按月汇总周调度报告的各部分。",
        "The monthly bulletin (月通报): the weekly report's sections over a month.",
    ),
    "help.cmd.report.quarterly": E(
        "季督查排名：对单位与属地排名。",
        "The quarterly inspection ranking (季督查排名): units and localities ranked.",
    ),
    "help.cmd.report.annual": E(
        "年度考评（年观摩）：按单位和属地统计全年按时销号与逾期问题、开工与投资完成情况。",
        "The annual review (年度考评, 年观摩): per unit and per locality over the year,"
        " issues closed on time and overdue, starts and investment against plan.",
    ),
    "help.cmd.report.project": E(
        "项目卡片：基本信息、四张清单及其时效、亮灯、近期变更。",
        "One project's card: record, four lists with their deadlines, lights, recent history.",
    ),
    "help.cmd.report.unit": E(
        "单位负责的全部内容：责任、问题、任务及其时效。",
        "Everything a unit answers for: responsibilities, issues, tasks and their deadlines.",
    ),
    "help.param.root": E(
        "台账根目录（含 projledger.yaml 的目录）。默认：当前目录或其上级中最近的一个。",
        "Ledger root (the directory with projledger.yaml). Default: the nearest one at"
        " or above the current directory.",
    ),
    "help.param.lang": E(
        "信息所用语言（默认：台账配置中的 `language`）。",
        "Language of the messages (default: the ledger's `language`).",
    ),
    "help.param.output": E(
        "输出格式。",
        "Output format.",
    ),
    "help.param.strict": E(
        "将警告视为错误。",
        "Treat warnings as errors.",
    ),
    "help.param.no_cache": E(
        "重新检查每个文件，不使用缓存。",
        "Check every file again; ignore the cache.",
    ),
    "help.param.paths": E(
        "台账根目录、projects/ 目录或文件。默认：台账根目录。",
        "Ledger roots, projects/ folders or files. Default: the ledger root.",
    ),
    "help.param.project": E(
        "项目：名称（马头山水库工程）、名称片段（马头山）、拼音首字母（mtssk）、编号"
        "或编号的唯一前缀。",
        "The project: its name (马头山水库工程), a fragment of it (马头山), its pinyin"
        " initials (mtssk), its id or an unambiguous prefix of the id.",
    ),
    "help.param.as_json": E(
        "以 JSON 输出，而非表格。",
        "Print JSON instead of tables.",
    ),
    "help.param.today": E(
        "本次修改的日期（默认：今天）。",
        "The date of the change (default: today).",
    ),
    "help.param.author": E(
        "以他人名义记录本次修改：'姓名 <邮箱>'。",
        "Record the change as someone else's: 'Name <email>'.",
    ),
    "help.param.dry_run": E(
        "只显示差异，不做任何修改。",
        "Print the diff; change nothing.",
    ),
    "help.param.no_commit": E(
        "写入文件，但不提交。",
        "Write the file but do not commit.",
    ),
    "help.param.commit_hand_edits": E(
        "先将文件中未提交的修改单独提交。",
        "Commit uncommitted edits of the file first, as their own commit.",
    ),
}
