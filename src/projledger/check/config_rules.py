"""Rules on projledger.yaml itself."""

from collections import Counter
from collections.abc import Iterator

from projledger.findings import Finding
from projledger.model import Config


def check_config(config: Config, file: str) -> list[Finding]:
    return [*_duplicates(config, file), *_people_units(config, file), *_thresholds(config, file)]


def _duplicates(config: Config, file: str) -> Iterator[Finding]:
    lists: tuple[tuple[str, list[str]], ...] = (
        ("units", [u.name for u in config.units]),
        ("units", [u.short for u in config.units if u.short]),
        ("people", [p.name for p in config.people]),
        ("stages", list(config.all_stages())),
    )
    for list_name, names in lists:
        for name, count in Counter(names).items():
            if count > 1:
                yield Finding.of(
                    "PL401",
                    f"{name} is declared {count} times in {list_name}; names must be unique so "
                    "rankings do not split",
                    file,
                    (list_name,),
                )


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
