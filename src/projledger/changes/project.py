"""Project-level changes: a new project, stage and pool moves, retirement, approvals, and
setting a field of the record."""

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import Any

from projledger.changes.elements import funding_field, open_section, put_in_section
from projledger.changes.field_types import DATE, INTEGER, NUMBER, TEXT, field_kind, read_number
from projledger.changes.investment import COMPLETED, record_period
from projledger.changes.items import PROJECT_ORDER, project_change
from projledger.changes.new_ids import new_item_id
from projledger.changes.transaction import Change, EditContext
from projledger.changes.yamledit import (
    append,
    choice,
    field_order,
    number,
    parse_date,
    put,
    record,
    sequence,
    text_scalar,
)
from projledger.errors import ProjledgerError
from projledger.messages import msg
from projledger.model.enums import ApprovalStatus, Pool, Role
from projledger.model.project import Approval, ApprovalKind, Project, Schedule
from projledger.refs import resolve_item

HEADER = "yaml-language-server: $schema=../schemas/project.schema.json"


@dataclass
class NewProject:
    id: str
    name: str
    levels: list[str]
    pool: str
    industry: str
    locality: str
    owner: str
    lead_leader: str
    stage: str
    year: int
    total: float
    plan_this_year: float = 0
    code: str | None = None
    maturity: str | None = None
    nature: str | None = None
    description: str | None = None
    lead_unit: str | None = None
    duties: str = "统筹协调项目建设重大问题"
    extra: dict[str, Any] = field(default_factory=dict)


def new_project(new: NewProject) -> Any:
    def edit(ctx: EditContext) -> Change:
        data = ctx.data
        data.yaml_set_start_comment(f"{HEADER}\n{new.name}")
        for key, value in (
            ("schema_version", 1),
            ("id", new.id),
            ("code", new.code),
            ("name", new.name),
            ("levels", _flow_list(new.levels)),
            ("pool", new.pool),
            ("maturity", new.maturity),
            ("industry", new.industry),
            ("locality", new.locality),
            ("nature", new.nature),
            ("owner", new.owner),
            ("stage", new.stage),
            ("description", new.description),
        ):
            if value is not None:
                data[key] = value
        data["investment"] = record(
            {
                "year": new.year,
                "total": number(new.total),
                "plan_this_year": number(new.plan_this_year),
            },
            one_line=False,
        )
        responsibilities = sequence(data, "responsibilities", PROJECT_ORDER)
        taken: set[str] = set()
        leader_id = new_item_id("R", taken, ctx.options.random_bits)
        append(
            responsibilities,
            {
                "id": leader_id,
                "role": Role.LEAD_LEADER.value,
                "person": new.lead_leader,
                "duties": new.duties,
            },
        )
        responsibilities[-1].fa.set_flow_style()
        if new.lead_unit:
            unit_id = new_item_id("R", {leader_id}, ctx.options.random_bits)
            append(
                responsibilities,
                {
                    "id": unit_id,
                    "role": Role.LEAD_UNIT.value,
                    "unit": new.lead_unit,
                    "duties": "项目调度、问题汇总与督办",
                },
            )
        return Change(
            command="new",
            project=new.id,
            project_name=new.name,
            summary=f"新建项目台账: {new.name} ({new.pool}, {'、'.join(new.levels)})",
            new=new.pool,
        )

    return edit


def _flow_list(values: list[str]) -> Any:
    from ruamel.yaml.comments import CommentedSeq

    items = CommentedSeq(values)
    items.fa.set_flow_style()
    return items


def advance_stage(to: str | None, date: dt.date | None) -> Any:
    """The next stage of the config's list (or the one named); reaching 开工 records the
    actual start date."""

    def edit(ctx: EditContext) -> Change:
        stages = (
            list(ctx.config.stages)
            if ctx.data.get("pool") != Pool.CONTINUING
            else list(ctx.config.continuing_stages)
        )
        current = str(ctx.data.get("stage"))
        if to is not None:
            if to not in ctx.config.all_stages():
                stages_known = "|".join(ctx.config.all_stages())
                raise ProjledgerError(msg("refuse.stage_unknown", to=to, stages=stages_known))
            target = to
        elif current in stages and stages.index(current) + 1 < len(stages):
            target = stages[stages.index(current) + 1]
        else:
            raise ProjledgerError(msg("refuse.last_stage", current=current))
        # More than one step at once (only with --to) is recorded as such.
        skipped = (
            stages[stages.index(current) + 1 : stages.index(target)]
            if current in stages and target in stages
            else []
        )
        ctx.data["stage"] = target
        if target == stages[-1] and ctx.data.get("pool") != Pool.CONTINUING:
            schedule = ctx.data.get("schedule")
            if schedule is None:
                put(ctx.data, "schedule", record({}, one_line=True), PROJECT_ORDER)
                schedule = ctx.data["schedule"]
            if not schedule.get("actual_start"):
                put(schedule, "actual_start", date or ctx.today, field_order(Schedule))
        if not skipped:
            return project_change(
                ctx, "advance", f"阶段: {current} → {target}", old=current, new=target
            )
        change = project_change(
            ctx,
            "advance",
            f"阶段: {current} → {target} (跳过 {'、'.join(skipped)})",
            old=current,
            new=target,
        )
        return replace(change, trailers=(("Projledger-Skipped", "、".join(skipped)),))

    return edit


POOL_ORDER = [
    Pool.RESERVE,
    Pool.NEGOTIATING,
    Pool.SIGNED,
    Pool.NEW,
    Pool.CONTINUING,
    Pool.COMPLETED,
]


def move_pool(to: str, maturity: str | None, code: str | None, date: dt.date | None) -> Any:
    """Pool moves forward (谋划储备 → 在谈 → 签约 → 新建 → 续建 → 竣工); 退库 is `retire`."""

    def edit(ctx: EditContext) -> Change:
        current = Pool(ctx.data.get("pool"))
        target = choice(Pool, to, "choice.pool")
        if target == Pool.RETIRED:
            raise ProjledgerError(msg("refuse.retire_via_advance"))
        if current == Pool.RETIRED or POOL_ORDER.index(target) <= POOL_ORDER.index(current):
            forward = " → ".join(p.value for p in POOL_ORDER)
            raise ProjledgerError(msg("refuse.pool_backward", pool=current.value, order=forward))
        ctx.data["pool"] = target.value
        if target == Pool.NEGOTIATING:
            if not (maturity or ctx.data.get("maturity")):
                raise ProjledgerError(msg("refuse.needs_maturity"))
            put(ctx.data, "maturity", maturity or ctx.data.get("maturity"), PROJECT_ORDER)
        elif "maturity" in ctx.data and target in (Pool.NEW, Pool.CONTINUING, Pool.COMPLETED):
            del ctx.data["maturity"]
        if code:
            put(ctx.data, "code", code, PROJECT_ORDER)
        if target == Pool.COMPLETED:
            schedule = ctx.data.get("schedule")
            if schedule is None:
                put(ctx.data, "schedule", record({}, one_line=True), PROJECT_ORDER)
                schedule = ctx.data["schedule"]
            put(schedule, "actual_completion", date or ctx.today, field_order(Schedule))
        return project_change(
            ctx,
            "advance",
            f"库别: {current.value} → {target.value}",
            old=current.value,
            new=target.value,
        )

    return edit


def retire(
    reason: str, reviewer: str, date: dt.date | None, duplicate_of: str | None = None
) -> Any:
    """退库, with the reason and who reviewed it; a project entered twice names the real
    one (`duplicate_of`): it keeps the code and name and leaves every figure."""

    def edit(ctx: EditContext) -> Change:
        current = str(ctx.data.get("pool"))
        if current == Pool.RETIRED:
            raise ProjledgerError(msg("refuse.retired_already"))
        ctx.data["pool"] = Pool.RETIRED.value
        values: dict[str, Any] = {"date": date or ctx.today, "reason": reason, "reviewer": reviewer}
        if duplicate_of is not None:
            values["duplicate_of"] = duplicate_of
        put(ctx.data, "retirement", record(values), PROJECT_ORDER)
        summary = f"退库: {reason}" + (f" (重复录入, 同 {duplicate_of})" if duplicate_of else "")
        return project_change(ctx, "retire", summary, old=current, new=Pool.RETIRED.value)

    return edit


def advance_approval(
    name: str, status: str, permit_no: str | None, agency: str | None, date: dt.date | None
) -> Any:
    def edit(ctx: EditContext) -> Change:
        if name not in ApprovalKind.ALL:
            names = "|".join(ApprovalKind.ALL)
            raise ProjledgerError(msg("refuse.approval_unknown", name=name, names=names))
        approvals = ctx.data.get("approvals")
        if approvals is None:
            put(ctx.data, "approvals", record({}, one_line=False), PROJECT_ORDER)
            approvals = ctx.data["approvals"]
        old = (approvals.get(name) or {}).get("status")
        values: dict[str, Any] = {"status": status}
        if status == ApprovalStatus.DONE:
            if not permit_no:
                what = f"{name} → 已办结"
                raise ProjledgerError(msg("step.needs", what=what, flag="--permit-no"))
            values |= {"permit_no": permit_no, "agency": agency, "date": date or ctx.today}
        if name in approvals and approvals[name] is not None:
            entry = approvals[name]
            for key, value in values.items():
                if value is not None:
                    put(entry, key, value, field_order(Approval))
        else:
            order = list(ApprovalKind.ALL)
            position = sum(
                1 for key in approvals if key in order and order.index(key) < order.index(name)
            )
            approvals.insert(position, name, record(values, one_line=True))
        return project_change(
            ctx,
            "advance",
            f"审批 {name}: {old or '未登记'} → {status}",
            item=f"approval:{name}",
            old=old,
            new=status,
        )

    return edit


def set_field(path: str, raw_value: str, through: str | None = None) -> Any:
    """Set one field of the record (investment.completed_this_year) or of an item
    (T-6FJ2RA.note); the value is read as the field's type (text, a number, a date).
    investment.completed_this_year is data for a period: `through` names its last month
    (default: the month before the change's date), kept with it (investment.py)."""

    def edit(ctx: EditContext) -> Change:
        parts = path.split(".")
        target = ctx.data
        label = path
        item_id: str | None = None
        list_name: str | None = None
        if parts[0] not in ctx.data and parts[0] not in field_order(Project):
            # Not a field of the record: an item's id (or an abbreviation of one).
            ref = resolve_item(ctx.data, parts[0])
            target = ctx.data[ref.list_name][ref.index]
            parts = parts[1:]
            item_id = ref.id
            list_name = ref.list_name
            label = f"{ref.id}.{'.'.join(parts)}"
            if list_name == "tasks" and parts == ["done"]:
                # The quantity done so far (已完成数量): of the task's measure, 120 of 300 户.
                if not isinstance(target.get("measure"), dict):
                    raise ProjledgerError(msg("refuse.set_no_measure", label=label, item=ref.id))
                parts = ["measure", "done"]
        if not parts or parts[0] in ("id", "schema_version"):
            raise ProjledgerError(msg("refuse.set_no_field", path=path))
        kind: str | None = None  # a funding source's field (funding.自筹.received)
        funding = funding_field(ctx.data, parts, path) if item_id is None else None
        if funding is not None:
            target, parts, kind = funding
        for part in parts[:-1]:
            if target is ctx.data:  # land.needed_mu on a file without land: a new section
                open_section(target, part)
            if not isinstance(target.get(part), dict):
                raise ProjledgerError(msg("refuse.set_not_section", path=path, part=part))
            target = target[part]
        key = parts[-1]
        guarded = GUARDED_FIELDS.get(parts[0] if item_id is None else f"item.{parts[0]}")
        if guarded is not None:
            raise ProjledgerError(
                msg("refuse.set_guarded", label=label, via=guarded, project=ctx.data.get("id"))
            )
        old = target.get(key)
        if isinstance(old, (dict, list)):
            raise ProjledgerError(msg("refuse.set_section", path=path))
        value = _typed(raw_value, kind or field_kind(list_name, parts), label)
        figure = item_id is None and parts == ["investment", COMPLETED]
        if through is not None and not figure:
            raise ProjledgerError(
                msg("refuse.through_other", figure=f"investment.{COMPLETED}", label=label)
            )
        if target is ctx.data:  # a new key of the record goes where the model puts it
            put(target, key, value, field_order(Project))
        else:
            put_in_section(target, key, value, parts[0] if item_id is None else None)
        period = record_period(target, value, through, ctx.today, old) if figure else None
        return project_change(
            ctx,
            "set",
            f"{label}: {old if old is not None else '—'} → {value}"
            + (f"（{period}）" if period else ""),
            item=item_id,
            old=None if old is None else str(old),
            new=str(value),
        )

    return edit


GUARDED_FIELDS = {
    "pool": "via.pool",
    "stage": "via.stage",
    "retirement": "via.retire",
    "approvals": "via.approval",
    "item.state": "via.state",
    "item.verification": "via.advance",
    "item.closure": "via.advance",
    "item.withdrawal": "via.withdraw",
    "item.returns": "via.return",
    "item.completed_on": "via.advance",
    "item.due": "via.extend",
    "item.extensions": "via.extend",
    "item.target": "via.add_deadline",
}
"""Fields that move only through the command that checks the step (set would skip it):
each field's command, as a catalogue term (`term.via.*`)."""


def _typed(text: str, kind: str | None, label: str) -> Any:
    """The value as the field holds it: text as text, however it looks (a description
    that reads 2026-11-20, a permit number of digits), numbers and dates as such."""
    if kind == TEXT:
        return text_scalar(text, label)
    if kind == DATE:
        return parse_date(text, label)
    if kind in (INTEGER, NUMBER):
        number = read_number(text)
        return text if number is None else number  # `check` says what is wrong with text
    return _value(text)


def _value(text: str) -> Any:
    """A value for a field the model does not know (refused by `check`, which names it)."""
    for convert in (int, float):
        try:
            return convert(text)
        except ValueError:
            pass
    if len(text) == 10 and text[4] == "-" and text[7] == "-":
        return parse_date(text, "value")
    return text
