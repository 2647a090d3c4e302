"""The ledger root's configuration, `projledger.yaml`."""

from typing import Annotated, Literal

from pydantic import Field, PrivateAttr

from projledger.model.common import Integer, LedgerModel, SchemaVersion, Text
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


class Person(LedgerModel):
    """A person who can lead, own or verify items."""

    name: Text
    unit: Text
    title: str | None = None
    """Post, e.g. 副区长, 局长."""


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


class Config(LedgerModel):
    """projledger.yaml: what the organisation declares, and how reports compute."""

    schema_version: SchemaVersion
    organisation: Text
    """The office keeping the ledger, e.g. 济南市莱芜区发展和改革局."""
    language: Literal["zh", "en"] = "zh"
    """Language of report labels."""
    units: Annotated[list[Unit], Field(min_length=1)]
    people: list[Person] = Field(default_factory=list)
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

    # The rules ask for these once per project file: computed once per config (a config
    # is read, validated and used; nothing edits the model afterwards).
    _unit_names: frozenset[str] | None = PrivateAttr(default=None)
    _person_names: frozenset[str] | None = PrivateAttr(default=None)

    def unit_names(self) -> frozenset[str]:
        """Every name a file may give a unit: full names and short names."""
        if self._unit_names is None:
            self._unit_names = frozenset(u.name for u in self.units) | frozenset(
                u.short for u in self.units if u.short
            )
        return self._unit_names

    def person_names(self) -> frozenset[str]:
        if self._person_names is None:
            self._person_names = frozenset(p.name for p in self.people)
        return self._person_names

    def all_stages(self) -> tuple[str, ...]:
        return (*self.stages, *self.continuing_stages)
