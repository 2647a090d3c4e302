"""Rules on projledger.yaml itself."""

from collections.abc import Iterator

from projledger.findings import Finding, display_loc
from projledger.model import Config


def check_config(config: Config, file: str) -> list[Finding]:
    return [*_duplicates(config, file), *_people_units(config, file), *_thresholds(config, file)]


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
                f"{name} is declared again: {display_loc(loc)} repeats {display_loc(first[name])}; "
                "remove one or rename it, so rankings do not split",
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
                f"{person.name}'s unit {person.unit} is not declared in units",
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
                f"lights.{name}: the red threshold ({red}) is below the yellow one ({yellow})",
                file,
                ("lights", name),
            )
