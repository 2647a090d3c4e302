"""The ledger root's configuration, `projledger.yaml`."""

import datetime as dt
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import Field, PrivateAttr

from projledger.model.common import Integer, LedgerModel, SchemaVersion, Text, new_list
from projledger.model.enums import TimeProgressMethod

# Guangzhou's split of the stages of a new project, and of a continuing one (DOMAIN.md).
DEFAULT_STAGES = (
    "前期研究",
    "已立项但规划红线未稳定",
    "红线稳定但未完成用地报批",
    "已完成用地报批尚未供地",
    "已供地未完成规划报建",
    "已完成规划报建",
    "开工",
)
DEFAULT_CONTINUING_STAGES = ("已完成用地保障", "还需要用地保障", "尚未完成规划条件核实")


class Unit(LedgerModel):
    """A unit (单位) of the organisation: bureau, town, street office, company."""

    name: Text
    short: str | None = None
    """Short name used in tables (简称)."""
    kind: str | None = None
    """E.g. 部门, 镇街, 国企."""
    former: list[Text] = Field(default_factory=new_list)
    """Names it had before (`projledger unit rename`): issues closed (已销号) under a former
    name keep it, as their record is never changed."""
    retired: dt.date | None = None
    """The day it was retired (`projledger unit retire`): its name stays valid for what it
    did, and nothing open may name it."""


class Person(LedgerModel):
    """A person who can lead, own or verify items."""

    name: Text
    unit: Text
    title: str | None = None
    """Post, e.g. 副区长, 局长."""


class MemberRole(StrEnum):
    """What a member may change (权限), as `projledger audit` judges each commit's author."""

    OFFICE = "办公室"
    """The ledger's keeper and its verifiers (核验人): every change to project files; 销号
    and 退回 only by them."""
    TASK_FORCE = "专班"
    """A task force: on its own projects, new issues (已登记) and what a unit reports."""
    REPORTER = "单位填报人"
    """A unit's reporter: on its unit's items, progress notes, 申请核验 (→ 待核验), the
    quantity done and 申请延期 (a request), nothing else."""
    ADMIN = "管理员"
    """An administrator: `projledger.yaml` (units, people, members, thresholds)."""


class Member(LedgerModel):
    """A git identity and what it may change (成员与权限)."""

    who: Text
    """The git identity: an email (any name), or 'Name <email>' (that name and email);
    emails are compared without regard to case."""
    roles: Annotated[list[MemberRole], Field(min_length=1)]
    """办公室, 专班, 单位填报人, 管理员: one or more."""
    unit: Text | None = None
    """The member's unit (full or short name); a 单位填报人 reports for it."""
    task_force: Text | None = None
    """For 专班: the task force's name, as projects' `task_force.name` give it."""
    person: Text | None = None
    """The declared person this identity is: as a project's 包抓领导, they may extend its
    deadlines."""

    def identity(self) -> tuple[str | None, str]:
        """(name or None, email in lower case) of `who`."""
        name, bracket, rest = self.who.partition("<")
        if not bracket:
            return None, self.who.strip().casefold()
        return name.strip() or None, rest.strip().removesuffix(">").strip().casefold()

    def matches(self, name: str, email: str) -> bool:
        own_name, own_email = self.identity()
        return own_email == email.strip().casefold() and own_name in (None, name.strip())


Points = Annotated[float, Field(ge=0, le=100, allow_inf_nan=False, strict=True)]
"""Percentage points behind time progress: a project is at most 100 behind."""


class InvestmentLights(LedgerModel):
    """Investment lights: percentage points behind time progress."""

    yellow_behind_points: Points = 10
    red_behind_points: Points = 30


class MonthLights(LedgerModel):
    """Lights by months without the expected event (start, progress)."""

    yellow_after_months: Integer = Field(ge=0)
    red_after_months: Integer = Field(ge=0)


class Lights(LedgerModel):
    """Red/yellow thresholds (亮灯)."""

    investment: InvestmentLights = Field(default_factory=InvestmentLights)
    start: MonthLights = Field(
        default_factory=lambda: MonthLights(yellow_after_months=0, red_after_months=3)
    )
    """Not started after the planned month: yellow, and red after N months."""
    negotiation: MonthLights = Field(
        default_factory=lambda: MonthLights(yellow_after_months=2, red_after_months=3)
    )
    """Projects under negotiation without progress for N months."""


class Ranking(LedgerModel):
    """The unit ranking's rules (红黑榜排名规则): who may verify and approve what a unit is
    ranked on, and what counts against it. Each report writes them out (排名规则)."""

    verifier_outside_unit: bool = True
    """销号 is verified by someone other than the issue's responsible person and outside its
    responsible unit (the office verifies): `check` PL230, refused by `advance`."""
    approvers: list[Text] = Field(default_factory=new_list)
    """People who may approve an extension (延期) besides the project's 包抓领导; never a
    person of the unit whose item it is. Empty: the 包抓领导 alone."""
    approver_rule: bool = True
    """Whether extensions are held to that (`check` PL231, refused by `extend`)."""
    late_extension_counts: bool = True
    """逾期后延期: an extension granted after the due date does not erase the overdue; the
    item counts against its unit as overdue (and a closure is not on time)."""
    submitted_in_time_not_overdue: bool = True
    """A unit that submitted (待核验) by its due date is not overdue while the office has not
    verified; the days the issue waits are shown apart (待核验)."""


class RollupMember(LedgerModel):
    """A ledger this root's period reports cover too (a city's over its districts')."""

    path: Text
    """The member's root, relative to this root (a git submodule, a sibling clone)."""
    name: Text | None = None
    """How the roll-up names it (莱芜区); default: the member's `organisation`."""


class Config(LedgerModel):
    """projledger.yaml: what the organisation declares, and how reports compute."""

    schema_version: SchemaVersion
    organisation: Text
    """The office keeping the ledger, e.g. 济南市莱芜区发展和改革局."""
    language: Literal["zh", "en"] = "zh"
    """Language of report labels."""
    units: Annotated[list[Unit], Field(min_length=1)]
    people: list[Person] = Field(default_factory=new_list)
    stages: Annotated[list[Text], Field(min_length=1)] = Field(
        default_factory=lambda: list(DEFAULT_STAGES)
    )
    """Stages of a project before it starts, in order."""
    continuing_stages: list[Text] = Field(default_factory=lambda: list(DEFAULT_CONTINUING_STAGES))
    """Stages of a continuing (续建) project."""
    due_soon_days: Integer = Field(default=7, ge=0, le=366)
    """A deadline within this many days is due soon (临期)."""
    time_progress: TimeProgressMethod = TimeProgressMethod.MONTHS
    lights: Lights = Field(default_factory=Lights)
    members: list[Member] | None = None
    """Who may change what (成员与权限): git identities with their roles. Absent, anyone
    may change anything; declared, `projledger audit`, the server hook and the change
    commands judge every commit's author."""
    extension_approvers: Annotated[list[MemberRole], Field(min_length=1)] = Field(
        default_factory=lambda: [MemberRole.OFFICE]
    )
    """Roles that may grant extensions (延期); a project's 包抓领导 (a member whose `person`
    is that leader) may too."""
    ranking: Ranking = Field(default_factory=Ranking)
    """The unit ranking's rules (红黑榜): who verifies, who approves extensions, what counts."""
    rollup: list[RollupMember] = Field(default_factory=new_list)
    """Member ledgers: `report weekly|monthly|quarterly` on this root reports over them
    (and over this root's own projects, if it has any), with a breakdown by ledger."""

    # The rules ask for these once per project file: computed once per config (a config
    # is read, validated and used; nothing edits the model afterwards).
    _unit_names: frozenset[str] | None = PrivateAttr(default=None)
    _person_names: frozenset[str] | None = PrivateAttr(default=None)

    def unit_names(self) -> frozenset[str]:
        """Every name a file may give a unit: full names and short names."""
        if self._unit_names is None:
            self._unit_names = (
                frozenset(u.name for u in self.units)
                | frozenset(u.short for u in self.units if u.short)
                | frozenset(name for u in self.units for name in u.former)
            )
        return self._unit_names

    def person_names(self) -> frozenset[str]:
        if self._person_names is None:
            self._person_names = frozenset(p.name for p in self.people)
        return self._person_names

    def member(self, name: str, email: str) -> Member | None:
        """The member a git identity is (the first that matches); None if none does."""
        return next((m for m in self.members or () if m.matches(name, email)), None)

    def all_stages(self) -> tuple[str, ...]:
        return (*self.stages, *self.continuing_stages)
