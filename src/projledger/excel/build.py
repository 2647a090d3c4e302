"""A 台账 draft as the project data to merge into its file: the record, and the items of
the four lists it implies, matched to what the file has.

- Problems are issues, matched by title. A new one is 已交办 when its row names the unit,
  the person and the time limit (with its deadline), else 已登记. Its category is
  guessed from its words (rows.CATEGORY_WORDS); source and cause side are 周调度 and 政府
  unless `--default issue.source=… issue.cause_side=…` say otherwise; raised is the
  sheet's 截至 date (or `--default issue.raised=…`, else today).
- Owners get responsibilities (PL205): 责任单位 for a unit (and its person), 具体责任人
  for a person of a unit already there, 配合单位 for the other units of a problem.
- The 包抓领导 is the one responsibility of that role; 计划开工/计划竣工 are deadlines of
  milestone:开工/竣工. A time limit that differs from the deadline in force is not
  changed by an import: that is an extension (`projledger extend`), so the row fails.
"""

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from projledger.changes.new_ids import RandomBits, new_item_id
from projledger.errors import ProjledgerError
from projledger.excel.rows import ProjectDraft
from projledger.messages import msg
from projledger.model.enums import CauseSide, IssueSource, IssueState, Role

Plain = Any

REQUIRED = {
    "levels": ("level", "级别"),
    "pool": ("pool", "库别"),
    "industry": ("industry", "行业领域"),
    "locality": ("locality", "属地"),
    "owner": ("owner", "项目单位"),
    "stage": ("stage", "项目阶段"),
}
"""Record fields a new project must have: field → (--default key, what sheets call it)."""
LEADER_DUTIES = "统筹协调项目建设重大问题"
UNIT_DUTIES = "存在问题协调解决"


class DraftError(ProjledgerError):
    """The draft cannot become a valid project; the message says why (for its rows), in
    the import's language (`text(lang)`)."""


@dataclass
class BuildContext:
    defaults: dict[str, str]
    today: dt.date
    raised: dt.date
    basis: str
    """The deadlines' basis (依据): the sheet's file name."""
    random_bits: RandomBits
    unit: Any
    """Written unit name → declared name (UnitResolver.resolve, with --declare's)."""
    missing: dict[str, list[int]] = field(default_factory=dict)
    """Required fields no column and no default gives → rows of new projects."""


def desired_project(
    draft: ProjectDraft, current: Plain | None, project_id: str, context: BuildContext
) -> dict[str, Plain]:
    """What the file should hold after the import (only what the sheet says)."""
    desired: dict[str, Plain] = dict(draft.record)
    if current is None:
        desired = {"schema_version": 1, "id": project_id, **_new_record(draft, context)}
    items = _Items(current or {}, context)
    leader = draft.leader or (context.defaults.get("leader") if current is None else None)
    if leader:
        items.leader(leader)
    elif current is None:
        _require(context, draft, "leader", "包抓领导")
    if draft.lead_unit:
        items.unit_role(
            Role.LEAD_UNIT, context.unit(draft.lead_unit), None, "项目调度、问题汇总与督办"
        )
    for written in draft.row_units:
        items.unit_role(Role.RESPONSIBLE_UNIT, context.unit(written), None, "项目推进")
    for person in draft.row_people:
        items.person(person, None)
    for issue in draft.issues:
        items.issue(issue)
    for milestone, due in draft.milestones.items():
        items.deadline(f"milestone:{milestone}", due)
    for list_name in ("responsibilities", "issues", "deadlines"):
        if items.lists[list_name]:
            desired[list_name] = items.lists[list_name]
    return desired


def _new_record(draft: ProjectDraft, context: BuildContext) -> dict[str, Plain]:
    record = dict(draft.record)
    for name, (key, label) in REQUIRED.items():
        if record.get(name):
            continue
        value = context.defaults.get(key)
        if value is None:
            _require(context, draft, name, label)
            continue
        record[name] = (
            [v for v in value.replace("、", ",").split(",") if v] if name == "levels" else value
        )
    if "nature" not in record and context.defaults.get("nature"):
        record["nature"] = context.defaults["nature"]
    investment = record.get("investment") or {}
    if "total" not in investment:
        _require(context, draft, "investment.total", "总投资")
    return record


def _require(context: BuildContext, draft: ProjectDraft, name: str, label: str) -> None:
    context.missing.setdefault(f"{label} ({name})", []).extend(draft.rows)


class _Items:
    """The lists' entries the draft implies: existing ones (by their keys) with changes,
    and new ones with new ids."""

    def __init__(self, current: Plain, context: BuildContext) -> None:
        self.context = context
        self.current = {
            name: list(current.get(name) or [])
            for name in ("responsibilities", "issues", "deadlines")
        }
        self.lists: dict[str, list[dict[str, Plain]]] = {
            "responsibilities": [],
            "issues": [],
            "deadlines": [],
        }
        self.taken = {
            str(item.get("id"))
            for name in ("responsibilities", "issues", "tasks", "deadlines")
            for item in current.get(name) or ()
        }

    def _new_id(self, prefix: str) -> str:
        item_id = new_item_id(prefix, self.taken, self.context.random_bits)
        self.taken.add(item_id)
        return item_id

    def _all(self, name: str) -> list[dict[str, Plain]]:
        return self.current[name] + self.lists[name]

    def _put(self, name: str, entry: dict[str, Plain]) -> None:
        listed = self.lists[name]
        for index, existing in enumerate(listed):
            if existing["id"] == entry["id"]:
                listed[index] = {**existing, **entry}
                return
        listed.append(entry)

    # --- responsibilities --------------------------------------------------------------

    def leader(self, person: str) -> None:
        leaders = [r for r in self._all("responsibilities") if r.get("role") == Role.LEAD_LEADER]
        if leaders:
            if leaders[0].get("person") != person:
                self._put("responsibilities", {"id": leaders[0]["id"], "person": person})
            return
        self._put(
            "responsibilities",
            {
                "id": self._new_id("R"),
                "role": Role.LEAD_LEADER.value,
                "person": person,
                "duties": LEADER_DUTIES,
            },
        )

    def unit_role(self, role: Role, unit: str, person: str | None, duties: str) -> None:
        entries = self._all("responsibilities")
        if any(r.get("unit") == unit for r in entries):
            if person:
                self.person(person, unit)
            return
        self._put(
            "responsibilities",
            {
                "id": self._new_id("R"),
                "role": role.value,
                "unit": unit,
                "person": person,
                "duties": duties,
            },
        )

    def person(self, person: str, unit: str | None) -> None:
        if any(r.get("person") == person for r in self._all("responsibilities")):
            return
        self._put(
            "responsibilities",
            {
                "id": self._new_id("R"),
                "role": Role.CONTACT.value,
                "unit": unit,
                "person": person,
                "duties": UNIT_DUTIES,
            },
        )

    # --- issues and deadlines ----------------------------------------------------------

    def issue(self, draft: Any) -> None:
        unit = self.context.unit(draft.unit) if draft.unit else None
        if unit:
            self.unit_role(Role.RESPONSIBLE_UNIT, unit, draft.person, UNIT_DUTIES)
        elif draft.person:
            self.person(draft.person, None)
        for helper in draft.helpers:
            self.unit_role(
                Role.SUPPORTING_UNIT, self.context.unit(helper), None, "配合解决存在问题"
            )
        existing = next((i for i in self._all("issues") if i.get("title") == draft.title), None)
        if existing is None:
            self._new_issue(draft, unit)
        else:
            self._update_issue(existing, draft, unit)

    def _new_issue(self, draft: Any, unit: str | None) -> None:
        defaults = self.context.defaults
        assigned = bool(unit and draft.person and draft.due)
        issue_id = self._new_id("I")
        self._put(
            "issues",
            {
                "id": issue_id,
                "title": draft.title,
                "category": draft.category,
                "source": defaults.get("issue.source", IssueSource.WEEKLY_DISPATCH.value),
                "cause_side": defaults.get("issue.cause_side", CauseSide.GOVERNMENT.value),
                "raised": self.context.raised,
                "state": (IssueState.ASSIGNED if assigned else IssueState.REGISTERED).value,
                "unit": unit,
                "person": draft.person,
                "measures": draft.measures,
            },
        )
        if draft.due is not None:
            self.deadline(issue_id, draft.due)

    def _update_issue(self, existing: dict[str, Plain], draft: Any, unit: str | None) -> None:
        state = existing.get("state")
        if state in (IssueState.CLOSED, IssueState.WITHDRAWN):
            return  # the loop is closed for it: the sheet's words are history
        change: dict[str, Plain] = {"id": existing["id"]}
        for key, value in (("unit", unit), ("person", draft.person), ("measures", draft.measures)):
            if value and existing.get(key) != value:
                change[key] = value
        owner = change.get("unit", existing.get("unit")) and change.get(
            "person", existing.get("person")
        )
        if state == IssueState.REGISTERED and owner and draft.due is not None:
            change["state"] = IssueState.ASSIGNED.value
        if len(change) > 1:
            self._put("issues", change)
        if draft.due is not None:
            self.deadline(str(existing["id"]), draft.due)

    def deadline(self, target: str, due: dt.date) -> None:
        existing = next((d for d in self._all("deadlines") if d.get("target") == target), None)
        if existing is None:
            self._put(
                "deadlines",
                {
                    "id": self._new_id("D"),
                    "target": target,
                    "due": due,
                    "basis": self.context.basis,
                },
            )
            return
        extensions = existing.get("extensions") or []
        in_force = extensions[-1]["new_due"] if extensions else existing.get("due")
        if in_force != due:
            raise DraftError(
                msg(
                    "excel.fail.due_changed",
                    target=target,
                    had=in_force,
                    due=due,
                    id=existing["id"],
                )
            )
