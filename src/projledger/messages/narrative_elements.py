"""The 通报's sentences on stages (the weekly report's 分阶段: how many projects stand at
each stage, which started this period) and on 要素保障 (the monthly bulletin's funding,
land and the issues of each category), written from the report's tables
(report/narrative.py)."""

from projledger.messages.entry import Entry

E = Entry

ENTRIES: dict[str, Entry] = {
    # --- （五）分阶段, in 二、分领域推进情况 of the weekly report --------------------------
    "narrative.stage.heading": E("分阶段", "By stage"),
    "narrative.stage.count": E("{stage}{n}个", "{n} at {stage}"),
    "narrative.stage.sentence": E(
        "从所处阶段看，{parts}。", "By stage, the projects stand as follows: {parts}."
    ),
    "narrative.stage.started": E(
        "{this}新开工项目{n}个：{names}。",
        "{n} projects started {this}: {names}.",
        "{n} project started {this}: {names}.",
    ),
    "narrative.stage.started_project": E("{project}（{day}开工）", "{project} (on {day})"),
    "narrative.stage.none_started": E("{this}无新开工项目。", "No project started {this}."),
    # --- 要素保障情况: the monthly bulletin's section on funding and land -------------------
    "narrative.elements.heading": E("要素保障情况", "Funding and land"),
    "narrative.elements.funding": E(
        "资金方面，登记资金来源的项目{n}个，计划资金{planned}，已到位{received}，资金到位率{rate}",
        "Funding: the {n} projects that record their sources planned {planned} and have "
        "received {received}, a received rate of {rate}",
        "Funding: the {n} project that records its sources planned {planned} and has received "
        "{received}, a received rate of {rate}",
    ),
    "narrative.elements.funding_low": E(
        "，到位率较低的是{names}", "; the lowest rates are those of {names}"
    ),
    "narrative.elements.funding_source": E("{source}（{rate}）", "{source} ({rate})"),
    "narrative.elements.land": E(
        "用地方面，登记用地的项目{n}个，需用地{needed}亩，已供地{supplied}亩，供地率{rate}",
        "Land: the {n} projects that record their land need {needed} mu and have been "
        "supplied {supplied} mu ({rate})",
        "Land: the {n} project that records its land needs {needed} mu and has been supplied "
        "{supplied} mu ({rate})",
    ),
    "narrative.elements.land_unsupplied": E(
        "；尚未供地{unsupplied}亩", "; {unsupplied} mu are not yet supplied"
    ),
    "narrative.elements.land_approved": E(
        "，其中批而未供{approved}亩", ", {approved} mu of them approved (批而未供)"
    ),
    "narrative.elements.land_most": E("，未供地较多的是{names}", ", most of it for {names}"),
    "narrative.elements.land_project": E("{project}（{mu}亩）", "{project} ({mu} mu)"),
    "narrative.elements.issues": E(
        "要素保障问题中，未销号{n}个，其中政府方面{government}个、企业方面{enterprise}个；"
        "分类别看，{parts}。",
        "Of the issues by category, {n} are open, {government} caused on the government side "
        "and {enterprise} on the enterprise side: {parts}.",
        "Of the issues by category, {n} is open, {government} caused on the government side "
        "and {enterprise} on the enterprise side: {parts}.",
    ),
    "narrative.elements.issues_category": E("{category}{n}个", "{category} {n}"),
}
