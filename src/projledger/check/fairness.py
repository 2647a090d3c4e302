"""Rules that keep the unit ranking (红黑榜) fair, from the config's `ranking`: a unit does
not strike off its own issues (PL230) nor approve its own extensions (PL231). `check`
reports them in a file edited by hand; every change command refuses them (it runs the
same rules), so `advance … --verifier` and `extend … --approver` say why."""

from collections.abc import Iterator
from typing import TYPE_CHECKING

from projledger.findings import Finding
from projledger.messages import Message, msg
from projledger.model import Config, Project
from projledger.model.enums import IssueState, Role

if TYPE_CHECKING:
    from projledger.check.rules import RuleContext


def verifier_outside_unit(project: Project, ctx: "RuleContext") -> Iterator[Finding]:
    """PL230: an issue closed (已销号) with its verifier the issue's own responsible person
    or a person of its responsible unit. The office's own issues (its unit is the
    `organisation`) are verified inside the office, by someone else than its person."""
    config = ctx.config
    if config is None or not config.ranking.verifier_outside_unit:
        return
    for index, issue in enumerate(project.issues):
        if issue.state != IssueState.CLOSED or issue.closure is None:
            continue
        verifier = issue.closure.verifier
        message: Message
        if issue.person is not None and verifier == issue.person:
            message = msg("PL230.person", id=issue.id, verifier=verifier, person=issue.person)
        elif (
            issue.unit is not None
            and not _is_office(config, issue.unit)
            and _in_unit(config, verifier, issue.unit)
        ):
            message = msg("PL230.unit", id=issue.id, verifier=verifier, unit=issue.unit)
        else:
            continue
        yield ctx.finding("PL230", message, ("issues", index, "closure", "verifier"))


def extension_approver(project: Project, ctx: "RuleContext") -> Iterator[Finding]:
    """PL231: an extension approved by someone other than the project's 包抓领导 and the
    config's `ranking.approvers`, or by a person of the unit whose item it is."""
    config = ctx.config
    if config is None or not config.ranking.approver_rule:
        return
    leader = next(
        (r.person for r in project.responsibilities if r.role == Role.LEAD_LEADER and r.person),
        None,
    )
    owners = {i.id: i.unit for i in project.issues} | {t.id: t.unit for t in project.tasks}
    allowed = set(config.ranking.approvers)
    for index, deadline in enumerate(project.deadlines):
        unit = owners.get(deadline.target)
        for number, extension in enumerate(deadline.extensions):
            approver = extension.approver
            if approver == leader:
                continue
            granted = {"id": deadline.id, "new_due": extension.new_due, "approver": approver}
            if approver not in allowed:
                message = msg("PL231.not_approver", leader=leader or "—", **granted)
            elif unit is not None and _in_unit(config, approver, unit):
                message = msg("PL231.own_unit", unit=unit, **granted)
            else:
                continue
            yield ctx.finding(
                "PL231", message, ("deadlines", index, "extensions", number, "approver")
            )


def _in_unit(config: Config, person: str, unit: str) -> bool:
    """Whether a declared person belongs to `unit` (by any name the unit goes by)."""
    from projledger.model.unit_names import unit_names_of

    names = unit_names_of(config)
    return any(p.name == person and names.same(p.unit, unit) for p in config.people)


def _is_office(config: Config, unit: str) -> bool:
    """Whether `unit` is the office keeping the ledger: the organisation, or the unit it
    names after its place (莱芜区发展和改革局 in 济南市莱芜区发展和改革局)."""
    from projledger.model.unit_names import unit_names_of

    full = unit_names_of(config).full_name(unit) or unit
    return config.organisation.endswith(full)
