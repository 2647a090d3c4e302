"""Report labels in Chinese and English (`--lang zh|en`). Data stays as the ledger has it."""

LABELS: dict[str, tuple[str, str]] = {
    # titles
    "weekly": ("重点项目周调度报告", "Key projects: weekly dispatch report"),
    "monthly": ("重点项目月通报", "Key projects: monthly bulletin"),
    "quarterly": ("重点项目季度督查排名", "Key projects: quarterly inspection ranking"),
    "overdue": ("逾期事项清单", "Overdue items"),
    "due": ("临期事项清单", "Items due soon"),
    "project_card": ("项目卡片", "Project card"),
    "unit_report": ("单位责任清单", "Unit report"),
    # report header
    "source_worktree": ("工作区（含未提交修改）", "work tree (with uncommitted changes)"),
    "source_none": ("不在 git 仓库中", "not in a git repository"),
    "source_commit": ("提交 ", "commit "),
    "no_history": (
        "该台账不在 git 仓库中或没有提交，本期问题流转与推进情况无法从历史中统计。",
        "The ledger is not in a git repository or has no commits: the period's issue flow "
        "and advances cannot be taken from history.",
    ),
    "card_has_errors": (
        "本项目文件有 {n} 处错误（运行 `projledger check` 查看），其他报告暂不计入本项目。",
        "This project file has {n} error(s) (run `projledger check` to see them); the other "
        "reports leave the project out until they are fixed.",
    ),
    # figures
    "projects": ("项目总数", "Projects"),
    "total_investment": ("总投资（万元）", "Total (10k CNY)"),
    "completed_before_year": ("截至上年底累计完成（万元）", "Completed before this year"),
    "plan": ("年度计划投资（万元）", "Plan this year"),
    "completed": ("本年完成投资（万元）", "Done this year"),
    "completion": ("投资完成率", "Completion"),
    "time_progress": ("时间进度", "Time progress"),
    "data_period": ("数据期", "Data period"),
    "gap": ("较时间进度（百分点）", "Gap (points)"),
    "planned_starts": ("计划开工项目", "Planned to start"),
    "started": ("已开工项目", "Started"),
    "start_rate": ("开工率", "Start rate"),
    "open_issues": ("未销号问题", "Open issues"),
    "overdue_items": ("逾期事项", "Overdue items"),
    "due_soon_items": ("临期事项", "Items due soon"),
    "red_lights": ("红灯项目", "Red lights"),
    "yellow_lights": ("黄灯项目", "Yellow lights"),
    # common columns
    "project": ("项目", "Project"),
    "project_id": ("项目编号", "Project id"),
    "name": ("项目名称", "Name"),
    "level": ("级别", "Level"),
    "pool": ("库别", "Pool"),
    "maturity": ("成熟度", "Maturity"),
    "industry": ("行业领域", "Industry"),
    "locality": ("属地", "Locality"),
    "stage": ("阶段", "Stage"),
    "current_progress": ("进展情况", "Progress"),
    "leader": ("包抓领导", "Lead leader"),
    "unit": ("责任单位", "Responsible unit"),
    "person": ("责任人", "Person"),
    "item": ("事项", "Item"),
    "item_id": ("编号", "Id"),
    "target_kind": ("类型", "Kind"),
    "due_date": ("时限", "Due"),
    "original_due": ("原定时限", "Originally due"),
    "days_overdue": ("逾期天数", "Days overdue"),
    "days_left": ("剩余天数", "Days left"),
    "max_days_overdue": ("最长逾期天数", "Most days overdue"),
    "extensions": ("延期次数", "Extensions"),
    "light": ("亮灯", "Light"),
    "deadline_status": ("时效", "Deadline"),
    "status": ("状态", "Status"),
    "count": ("数量", "Count"),
    "rank": ("排名", "Rank"),
    "date": ("日期", "Date"),
    "change": ("变化", "Change"),
    "from": ("原", "From"),
    "to": ("新", "To"),
    "author": ("操作人", "By"),
    "commit": ("提交", "Commit"),
    "reason": ("说明", "Reason"),
    "done_on": ("完成日期", "Done on"),
    "quantity_done": ("完成量", "Done / target"),
    "retirement": ("退库", "Retired"),
    "retirement_text": (
        "{date} {reason}（审核：{reviewer}）",
        "{date} {reason} (reviewed by {reviewer})",
    ),
    "retired_duplicate": ("；重复录入，同 {project}", "; a duplicate of {project}"),
    "retired_open": ("已退库", "retired"),
    "coordination_level": ("协调层级", "Coordination level"),
    # target kinds
    "issue": ("问题", "issue"),
    "task": ("任务", "task"),
    "approval": ("审批手续", "approval"),
    "milestone": ("项目节点", "milestone"),
    # breakdown tables
    "by_level": ("按级别", "By level"),
    "by_pool": ("按类别（新建/续建等）", "By pool (new, continuing...)"),
    "by_maturity": ("在谈项目按成熟度", "Projects under negotiation by maturity"),
    "by_industry": ("按行业领域", "By industry"),
    "by_locality": ("按属地", "By locality"),
    "breakdown_note": (
        "退库项目不计入。一个项目列入多个级别时，在每个级别中各计一次。",
        "Retired projects are left out. A project on several levels counts in each.",
    ),
    # unit ranking
    "unit_ranking": ("责任单位排名（红黑榜）", "Ranking of responsible units"),
    "unit_ranking_note": (
        "按逾期事项少、按时销号率高、销号多排序。按时销号：销号日期不晚于当时有效的时限。",
        "Ranked by fewest overdue items, then highest on-time closure rate, then most "
        "closures. On time: closed no later than the due date in force.",
    ),
    "issues_total": ("问题总数", "Issues"),
    "closed_total": ("累计销号", "Closed"),
    "closed_in_period": ("本期销号", "Closed this period"),
    "closed_on_time": ("按时销号", "Closed on time"),
    "on_time_rate": ("按时销号率", "On-time closure rate"),
    "closure_rate": ("问题办结率", "Closure rate"),
    # lights
    "lights_table": ("红黄灯项目", "Red and yellow lights"),
    "lights_note": (
        "投资：落后时间进度{yellow}—{red}个百分点黄灯，超过{red}个百分点红灯；"
        "开工：计划开工月份结束后未开工黄灯，满{start_red}个月红灯；"
        "在谈：{neg_yellow}个月无进展黄灯，{neg_red}个月红灯。",
        "Investment: yellow {yellow}-{red} points behind time progress, red beyond {red}; "
        "start: yellow once the planned month has ended without a start, red after "
        "{start_red} months; under negotiation: yellow after {neg_yellow} months without "
        "progress, red after {neg_red}.",
    ),
    "light_kind": ("亮灯类别", "Light for"),
    "light_investment": ("投资进度", "investment"),
    "light_start": ("开工", "start"),
    "light_negotiation": ("在谈推进", "negotiation"),
    "behind_points": ("落后时间进度{0:.1f}个百分点", "{0:.1f} points behind time progress"),
    "start_late": ("计划{0}开工，已逾{1}个月未开工", "planned to start {0}, {1} month(s) late"),
    "start_late_month": ("计划{0}开工，当月未开工", "planned to start {0}, not started"),
    "no_progress": ("{0}个月无进展（最近进展{1}）", "{0} month(s) without progress (last {1})"),
    # behind time progress
    "behind_table": ("慢于时间进度的项目（慢序时）", "Projects behind time progress"),
    "behind_note": (
        "本年完成投资占年度计划的比例低于时间进度的项目，差距大者在前。",
        "Projects whose completion this year is below time progress, the largest gap first.",
    ),
    # issue flow
    "flow_table": ("本期问题流转", "Issue flow this period"),
    "flow_note": (
        "取自 git 历史：按提交的作者日期（变化发生之日）统计本期内的变化；新增逾期按时限计算。",
        "From git history, by each commit's author date (the day the change happened); "
        "'became overdue' is computed from the due dates.",
    ),
    "event_key": ("代码", "Key"),
    "flow_new": ("新增问题", "New issues"),
    "flow_entered_late": ("补录问题（提出早于本期）", "Entered late (raised before the period)"),
    "flow_assigned": ("交办", "Assigned"),
    "flow_started": ("开始办理", "In progress"),
    "flow_submitted": ("提交核验", "Submitted for verification"),
    "flow_closed": ("销号", "Closed"),
    "flow_returned": ("退回", "Returned"),
    "flow_withdrawn": ("撤销", "Withdrawn"),
    "flow_reopened": ("重新打开", "Reopened"),
    "flow_extended": ("延期", "Deadlines extended"),
    "flow_overdue": ("新增逾期", "Became overdue"),
    "flow_progress": ("进展", "Progress note"),
    "open_issues_table": ("未结问题最新进展", "Open issues: latest progress"),
    "open_issues_note": (
        "报告日未销号的问题及其最新一条进展（日期与内容）；退回过的问题列出最近一次退回理由。",
        "Issues open on the report date with their latest progress note (date and text); "
        "a returned issue with its latest return's reason.",
    ),
    "latest_note_date": ("进展日期", "Note date"),
    "latest_note": ("最新进展", "Latest progress"),
    "returned_on": ("退回日期", "Returned on"),
    "return_reason": ("退回理由", "Return reason"),
    "events_table": ("本期问题变化明细", "Issue changes this period"),
    "event_detail": ("说明", "Details"),
    "recorded_late": ("补录（录入日期）", "Entered late (recorded on)"),
    "recorded_late_note": (
        "标注“补录”的变化在本期报告日之后才录入台账（录入日期为提交日期），"
        "本期报告首次生成时未计入。",
        "Changes marked 'entered late' were recorded in the ledger after this period's "
        "report date (recorded on: the commit date); the report first made for the period "
        "did not count them.",
    ),
    "advances_table": ("本期阶段、库别与审批推进", "Stage, pool and approval advances"),
    "advance_stage": ("阶段", "stage"),
    "advance_pool": ("库别", "pool"),
    "advance_approval": ("审批：{0}", "approval: {0}"),
    "advance_start": ("实际开工", "actual start"),
    "advance_completion": ("实际竣工", "actual completion"),
    "advance_operation": ("实际投产", "actual operation"),
    "advance_retired": ("退库", "retired"),
    "advance_new_project": ("新增项目", "new project"),
    # deadlines
    "overdue_table": ("逾期事项", "Overdue items"),
    "overdue_note": (
        "截至报告日期仍未完成且时限已过的事项；时限当天到期不算逾期。",
        "Not done and past the due date in force on the report date; an item due on the "
        "report date is not overdue yet.",
    ),
    "period_due_table": ("本期到期事项落实情况", "Items due this period"),
    "next_due_table": ("{0}到期事项", "Due {0}"),
    "upcoming_table": ("未到期事项", "Not yet due"),
    "target": ("对象", "Target"),
    "milestone_item": ("{0}节点", "{0} milestone"),
    "project_ids": ("项目编号对照", "Project ids"),
    "project_ids_note": (
        "正文各表只写项目名称；按项目编号可在台账中查到项目文件（projects/<编号>.yaml）。",
        "The tables name projects; a project's id names its file in the ledger "
        "(projects/<id>.yaml).",
    ),
    "coordination_table": ("需领导协调的问题", "Issues needing a leader's coordination"),
    "coordination_note": (
        "协调层级为 3（联系县/区领导专题协调）或 4（主要领导督办）的未销号问题。",
        "Open issues at coordination level 3 (topic meeting of the district leader) or 4 "
        "(supervised by the principal leader).",
    ),
    "none": ("无", "None"),
    "group_by": ("分组：{0}", "Group: {0}"),
    # project card
    "record": ("项目基本信息", "Record"),
    "field": ("项目", "Field"),
    "value": ("内容", "Value"),
    "issues_list": ("问题清单", "Issues"),
    "tasks_list": ("任务清单", "Tasks"),
    "responsibilities_list": ("责任清单", "Responsibilities"),
    "deadlines_list": ("时效清单", "Deadlines"),
    "approvals_list": ("审批手续", "Approvals"),
    "history_table": ("近期变化", "Recent history"),
    "role": ("角色", "Role"),
    "duties": ("职责", "Duties"),
    "title": ("名称", "Title"),
    "category": ("类别", "Category"),
    "raised": ("提出日期", "Raised"),
    "permit": ("批复文号", "Permit"),
    "owner": ("实施主体", "Owner"),
    "actual_start": ("实际开工", "Actual start"),
    "quarterly_locality": ("属地排名", "Ranking of localities"),
    "quarterly_locality_note": (
        "按投资完成率较时间进度的差距排序。",
        "Ranked by investment completion against time progress.",
    ),
    # the fair ranking (排名规则) and the annual review (年度考评)
    "annual": ("重点项目年度考评", "Key projects: annual review"),
    "late_extended": ("逾期后延期", "Extended after due"),
    "late_days": ("延期前逾期天数", "Days overdue before extension"),
    "awaiting": ("待核验", "Awaiting verification"),
    "awaiting_days": ("待核验天数", "Days awaiting verification"),
    "annual_units": ("责任单位年度考评", "Responsible units over the year"),
    "annual_localities": (
        "属地年度考评（年观摩排名）",
        "Localities over the year (annual review ranking)",
    ),
    "annual_localities_note": (
        "按投资完成率较时间进度的差距、开工率、逾期事项少排序。",
        "Ranked by investment completion against time progress, then start rate, then "
        "fewest overdue items.",
    ),
    "closed_in_year": ("本年销号", "Closed this year"),
}


def label(key: str, lang: str) -> str:
    zh, en = LABELS[key]
    return en if lang == "en" else zh
