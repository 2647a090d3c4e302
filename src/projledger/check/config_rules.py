"""Rules on projledger.yaml itself."""

from collections.abc import Iterator

from projledger.findings import Finding, display_loc
from projledger.messages import Message, msg
from projledger.model import Config
from projledger.model.name_form import name_problem, visible
from projledger.model.unit_names import fold


def check_config(config: Config, file: str) -> list[Finding]:
    return [
        *_name_forms(config, file),
        *_duplicates(config, file),
        *_people_units(config, file),
        *_thresholds(config, file),
        *_members(config, file),
    ]


Declared = tuple[tuple[str | int, ...], str]
"""Where a name is declared (its path in the file) and the name."""


def _declared_names(config: Config) -> Iterator[Declared]:
    """Every name the config declares or refers to, where it is."""
    yield ("organisation",), config.organisation
    for i, unit in enumerate(config.units):
        yield ("units", i, "name"), unit.name
        for key in ("short", "kind"):
            value = getattr(unit, key)
            if value is not None:
                yield ("units", i, key), value
        for j, former in enumerate(unit.former):
            yield ("units", i, "former", j), former
    for i, person in enumerate(config.people):
        yield ("people", i, "name"), person.name
        yield ("people", i, "unit"), person.unit
        if person.title is not None:
            yield ("people", i, "title"), person.title
    yield from _stages(config)
    for i, member in enumerate(config.rollup):
        if member.name is not None:
            yield ("rollup", i, "name"), member.name
    for i, approver in enumerate(config.ranking.approvers):
        yield ("ranking", "approvers", i), approver
    for i, entry in enumerate(config.members or ()):
        for key in ("who", "unit", "person", "task_force"):
            value = getattr(entry, key)
            if value is not None:
                yield ("members", i, key), value


def _name_forms(config: Config, file: str) -> Iterator[Finding]:
    """Each declared name is one printable line (model/name_form.py)."""
    for loc, name in _declared_names(config):
        problem = name_problem(name)
        if problem is not None:
            kind, args = problem
            message = msg(f"name_form.{kind}", field=display_loc(loc), name=visible(name), **args)
            yield Finding.of("PL104", message, file, loc)


def _unit_names(config: Config) -> list[Declared]:
    """A unit's name, short name and former names: no two units may share one. A unit may
    repeat its own (a short name that is its name): that names no other unit."""
    declared: list[Declared] = []
    for i, unit in enumerate(config.units):
        names: list[Declared] = [(("units", i, "name"), unit.name)]
        names += [(("units", i, "short"), unit.short)] if unit.short else []
        names += [(("units", i, "former", j), f) for j, f in enumerate(unit.former)]
        own: set[str] = set()
        for loc, name in names:
            if fold(name) not in own:
                own.add(fold(name))
                declared.append((loc, name))
    return declared


def _duplicates(config: Config, file: str) -> Iterator[Finding]:
    """Each declaration of a name declared before, at its own entry. Names are compared
    as the unit resolver compares them (`fold`: NFKC, without white space), so 区 水务局
    or a full-width 莱芜区（新） is the name declared before, not a second unit."""
    groups: tuple[list[Declared], ...] = (
        _unit_names(config),
        [(("people", i, "name"), person.name) for i, person in enumerate(config.people)],
        _stages(config),
    )
    for declared in groups:
        first: dict[str, tuple[str | int, ...]] = {}
        for loc, written in declared:
            name = fold(written)
            if name not in first:
                first[name] = loc
                continue
            yield Finding.of(
                "PL401",
                msg(
                    "PL401.declared_again",
                    name=visible(written),
                    at=display_loc(loc),
                    first=display_loc(first[name]),
                ),
                file,
                loc,
            )


def _stages(config: Config) -> list[Declared]:
    """Both lists of stages: a stage is in one of them, once."""
    declared: list[Declared] = [(("stages", i), stage) for i, stage in enumerate(config.stages)]
    declared += [(("continuing_stages", i), s) for i, s in enumerate(config.continuing_stages)]
    return declared


def _people_units(config: Config, file: str) -> Iterator[Finding]:
    units = config.unit_names()
    for index, person in enumerate(config.people):
        if person.unit not in units:
            yield Finding.of(
                "PL402",
                msg("PL402", name=person.name, unit=person.unit),
                file,
                ("people", index, "unit"),
            )


def _thresholds(config: Config, file: str) -> Iterator[Finding]:
    lights = config.lights
    pairs = (
        ("investment", lights.investment.yellow_behind_points, lights.investment.red_behind_points),
        ("start", lights.start.yellow_after_months, lights.start.red_after_months),
        (
            "negotiation",
            lights.negotiation.yellow_after_months,
            lights.negotiation.red_after_months,
        ),
    )
    for name, yellow, red in pairs:
        if red < yellow:
            yield Finding.of(
                "PL403",
                msg("PL403", name=name, red=red, yellow=yellow),
                file,
                ("lights", name),
            )


def _members(config: Config, file: str) -> Iterator[Finding]:
    """Each member names a declared unit and person, what its roles need, and an identity
    no earlier member has."""
    from projledger.model.config import MemberRole

    units, people = config.unit_names(), config.person_names()
    seen: dict[tuple[str | None, str], int] = {}
    for index, member in enumerate(config.members or ()):
        identity = member.identity()
        if identity in seen:
            yield Finding.of(
                "PL401",
                msg("PL401.member_again", who=member.who, index=index, first=seen[identity]),
                file,
                ("members", index, "who"),
            )
        seen.setdefault(identity, index)
        needs: list[tuple[str, Message]] = []
        who = member.who
        if MemberRole.REPORTER in member.roles and member.unit is None:
            needs.append(("unit", msg("PL404.reporter_unit", who=who)))
        if MemberRole.TASK_FORCE in member.roles and member.task_force is None:
            needs.append(("task_force", msg("PL404.task_force", who=who)))
        if member.unit is not None and member.unit not in units:
            needs.append(("unit", msg("PL404.unit", who=who, unit=member.unit)))
        if member.person is not None and member.person not in people:
            needs.append(("person", msg("PL404.person", who=who, person=member.person)))
        for key, what in needs:
            loc: tuple[str | int, ...] = ("members", index, key)
            if getattr(member, key) is None:
                loc = ("members", index)
            yield Finding.of("PL404", what, file, loc)
