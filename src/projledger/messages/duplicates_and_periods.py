"""Messages of a retired duplicate that names no real project (PL303), of an investment
figure that is not its series' latest (PL226), and of an imported 台账's data period."""

from projledger.messages.entry import Entry

E = Entry

ENTRIES: dict[str, Entry] = {
    # --- PL303: `retirement.duplicate_of` (check/duplicates.py) ---------------------------
    "PL303.itself": E(
        "退库记录“重复于”（duplicate_of）填写的是本项目 {real}；应填写被重复录入的项目编号",
        "retirement.duplicate_of names this project itself ({real}); name the project this "
        "file duplicates",
    ),
    "PL303.missing": E(
        "退库记录“重复于”（duplicate_of）所填项目 {real} 在台账中不存在；应填写被重复录入的"
        "项目编号",
        "retirement.duplicate_of names {real}, which is no project of the ledger; name the "
        "project this file duplicates",
    ),
    "PL303.chain": E(
        "退库记录“重复于”（duplicate_of）所填项目 {real} 本身已作为 {further} 的重复项目退库；"
        "应直接填写 {further}",
        "retirement.duplicate_of names {real}, itself retired as a duplicate of {further}; "
        "name {further} instead",
    ),
    "PL303.named_by": E(
        "本项目已作为 {further} 的重复项目退库，但 {duplicate} 登记为本项目的重复项目；应先将 "
        "{duplicate} 的“重复于”改为 {further}",
        "this project is retired as a duplicate of {further}, but {duplicate} is retired as a "
        "duplicate of it; first point {duplicate}'s duplicate_of to {further}",
    ),
    "PL303.cycle": E(
        "本项目与 {real} 互为“重复于”；二者只有一个是重复录入的项目，另一个不应退库为重复项目",
        "this project and {real} name each other as duplicate_of; only one of them was "
        "entered twice, the other is the real project",
    ),
    # --- PL226: the figure shown and its series (check/rules.py) ---------------------------
    "PL226.latest": E(
        "本年完成投资 {shown} 万元（数据期 {months}）与月度数据（series）最后一条 {latest} 万元"
        "（数据期 {latest_months}）不一致；请用 `projledger set 项目 "
        "investment.completed_this_year 数值 --through 月份` 录入，该命令同时记入月度数据",
        "completed this year {shown} 万元 (data period {months}) is not the latest figure of "
        "its series, {latest} 万元 ({latest_months}); enter a figure with `projledger set "
        "PROJECT investment.completed_this_year VALUE --through MONTH`, which keeps both",
    ),
    "PL226.not_over": E(
        "月度数据（series）第{number}条数据期截至{through}月，但录入日期为 {reported}，当时该月"
        "尚未结束；数据期只能是已结束的月份",
        "series entry {number} covers the months to {through} but was entered on {reported}, "
        "before that month was over; a figure covers whole months",
    ),
    # --- An imported 台账's data period (excel/figures.py) ---------------------------------
    "import_period.given": E(
        "“{column}”列为 {months} 完成投资，按数据期 {months} 记入各项目（含月度数据 series）",
        "column {column}: completed investment for {months}, recorded as each project's "
        "figure for those months (with its entry in the series)",
    ),
    "import_period.none": E(
        "“{column}”列未注明数据期（如“1-10月完成投资”）：完成投资按原方式导入，不记月份，"
        "报告按报告日已结束的月份计算；已有月度数据（series）的项目，记为截至导入日期上月的数据。"
        "需记录数据期的，请在列标题中注明月份",
        "column {column} names no data period (as 1-10月完成投资 does): the figures are "
        "imported as before, without their months (a report counts them as covering the "
        "months complete on its date; a project that keeps a series records its figure as "
        "January to the month before the import's date); name the months in the header to "
        "record them",
    ),
}
