"""The unit ranking's rules (排名规则) as the report writes them under the ranking, from
the config's `ranking`, so a unit can check its place: one text, in every format."""

from projledger.model.config import Ranking


def ranking_rules(rules: Ranking, lang: str) -> str:
    """排名规则：… / Ranking rules: … (the sentences the config's switches make true)."""
    if lang == "en":
        parts = [
            "Ranking rules: units are ranked by fewest overdue items",
            "; then the highest on-time closure rate (closed no later than the due date "
            "in force); then the most closures; then by name.",
        ]
        if rules.late_extension_counts:
            parts.append(
                " An extension granted after the due date (extended after due) does not "
                "erase the overdue: the item counts as overdue, and a closure after the "
                "original date is not on time."
            )
        if rules.submitted_in_time_not_overdue:
            parts.append(
                " An issue submitted for verification by its due date is not overdue "
                "while the office verifies it; its days awaiting verification are shown "
                "apart, and its submission date decides whether it was on time."
            )
        if rules.verifier_outside_unit:
            parts.append(
                " Issues are closed only when verified by someone outside the responsible unit."
            )
        if rules.approver_rule:
            who = "the project's lead leader" + (
                " or " + "、".join(rules.approvers) if rules.approvers else ""
            )
            parts.append(f" Extensions are approved by {who}, never by the unit asking.")
        return "".join(parts)
    parts = [
        "排名规则：按逾期事项少、按时销号率高（销号日期不晚于当时有效的时限）、销号多的顺序排名，"
        "仍相同的按单位名称排列。"
    ]
    if rules.late_extension_counts:
        parts.append("逾期后延期的事项不消除逾期，计入逾期事项；在原时限后销号的不计按时销号。")
    if rules.submitted_in_time_not_overdue:
        parts.append(
            "时限内提请核验（待核验）的问题，办公室核验期间不计逾期，待核验天数单列；"
            "是否按时以提请核验日期为准。"
        )
    if rules.verifier_outside_unit:
        parts.append("问题销号须经责任单位以外的人员核验。")
    if rules.approver_rule:
        who = "项目包抓领导" + ("或" + "、".join(rules.approvers) if rules.approvers else "")
        parts.append(f"延期须经{who}批准，责任单位不得自行批准。")
    return "".join(parts)
