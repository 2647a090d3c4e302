"""Rules on projledger.yaml itself."""

from collections.abc import Iterator

from projledger.findings import Finding, display_loc
from projledger.messages import Message, msg
from projledger.model import Config


def check_config(config: Config, file: str) -> list[Finding]:
    return [
        *_duplicates(config, file),
        *_people_units(config, file),
        *_thresholds(config, file),
        *_members(config, file),
    ]


Declared = tuple[tuple[str | int, ...], str]
"""Where a name is declared (its path in the file) and the name."""


def _duplicates(config: Config, file: str) -> Iterator[Finding]:
    """Each declaration of a name declared before, at its own entry."""
    groups: tuple[list[Declared], ...] = (
        [(("units", i, "name"), unit.name) for i, unit in enumerate(config.units)],
        [(("units", i, "short"), unit.short) for i, unit in enumerate(config.units) if unit.short],
        [(("people", i, "name"), person.name) for i, person in enumerate(config.people)],
        _stages(config),
    )
    for declared in groups:
        first: dict[str, tuple[str | int, ...]] = {}
        for loc, name in declared:
            if name not in first:
                first[name] = loc
                continue
            yield Finding.of(
                "PL401",
                msg(
                    "PL401.declared_again",
                    name=name,
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
