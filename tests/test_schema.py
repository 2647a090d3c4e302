"""The committed JSON Schemas match the models and validate ledger files with a standard
JSON Schema validator."""

import datetime as dt
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from projledger.schema_gen import expected_schemas
from tests.helpers import REPO, SAMPLE_ROOT, run_cli


@pytest.mark.parametrize("directory", [REPO / "schemas", SAMPLE_ROOT / "schemas"])
def test_committed_schemas_match_the_models(directory: Path) -> None:
    for name, text in expected_schemas().items():
        committed = (directory / name).read_text(encoding="utf-8")
        assert committed == text, (
            f"{directory / name} is stale: run `projledger schema {directory}`"
        )


def test_schema_check_command_reports_stale_schemas(tmp_path: Path) -> None:
    assert run_cli("schema", tmp_path, cwd=tmp_path).returncode == 0
    assert run_cli("schema", "--check", tmp_path, cwd=tmp_path).returncode == 0
    (tmp_path / "project.schema.json").write_text("{}\n", encoding="utf-8")
    stale = run_cli("schema", "--check", tmp_path, cwd=tmp_path)
    assert stale.returncode == 1
    assert "project.schema.json: out of date" in stale.stdout
    stale = run_cli("schema", "--check", tmp_path, "--lang", "zh", cwd=tmp_path)
    assert "project.schema.json：已过期；请运行 `projledger schema` 重新生成" in stale.stdout
    written = run_cli("schema", tmp_path, "--lang", "zh", cwd=tmp_path)
    assert written.stdout.startswith("已写入 "), written.stdout


def as_json(value: Any) -> Any:
    """What an editor's YAML language server sees: dates as ISO strings."""
    return json.loads(
        json.dumps(value, default=lambda v: v.isoformat() if isinstance(v, dt.date) else v)
    )


def load(path: Path) -> Any:
    # PyYAML is a different YAML library from the two projledger uses: a fair outsider.
    return as_json(yaml.safe_load(path.read_text(encoding="utf-8")))


def validator(name: str) -> jsonschema.protocols.Validator:
    schema = json.loads((REPO / "schemas" / name).read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


@pytest.mark.parametrize(
    "path", sorted((SAMPLE_ROOT / "projects").glob("*.yaml")), ids=lambda p: p.name
)
def test_standard_validator_accepts_sample_projects(path: Path) -> None:
    errors = list(validator("project.schema.json").iter_errors(load(path)))
    assert errors == []


def test_standard_validator_accepts_sample_config() -> None:
    assert (
        list(validator("config.schema.json").iter_errors(load(SAMPLE_ROOT / "projledger.yaml")))
        == []
    )


def test_standard_validator_rejects_what_check_rejects() -> None:
    project = load(SAMPLE_ROOT / "projects" / "laiwu-jingpingang-lvse-zhuanxing.yaml")
    project["issues"][0]["titel"] = project["issues"][0].pop("title")
    project["levels"] = ["县级"]
    project["deadlines"][0]["due"] = "2024-02-30"
    messages = [e.message for e in validator("project.schema.json").iter_errors(project)]
    assert any("titel" in m for m in messages)
    assert any("县级" in m for m in messages)
    assert any("2024-02-30" in m for m in messages)


# --- a validated config rebuilt from its dump (the reports' cached config) ----------------


def _sample_config() -> Any:
    from projledger.model import Config

    return Config.model_validate(yaml.safe_load((SAMPLE_ROOT / "projledger.yaml").read_text()))


def test_a_config_rebuilt_from_its_dump_equals_the_validated_one() -> None:
    from projledger.model import Config
    from projledger.model.config import Lights, Unit
    from projledger.model.enums import TimeProgressMethod

    sample = _sample_config()
    rich = sample.model_copy(
        update={
            "language": "en",
            "time_progress": TimeProgressMethod.MONTHLY_PLAN,
            "due_soon_days": 3,
            "lights": Lights.model_validate(
                {"investment": {"yellow_behind_points": 5.5, "red_behind_points": 20}}
            ),
        }
    )
    for config in (sample, rich):
        dump = json.loads(json.dumps(config.model_dump(mode="json")))  # as a cache keeps it
        rebuilt = Config.from_dump(dump)
        assert rebuilt == config
        assert rebuilt.model_dump(mode="json") == dump
        assert isinstance(rebuilt.units[0], Unit)
        assert isinstance(rebuilt.time_progress, TimeProgressMethod)
        assert isinstance(rebuilt.lights.investment.red_behind_points, float)
        assert rebuilt.unit_names() == config.unit_names()


@pytest.mark.parametrize(
    "damage",
    [
        lambda d: d.update(extra_field=1),
        lambda d: d.update(language="fr"),
        lambda d: d.update(time_progress="weekly"),
        lambda d: d.update(units=[{"name": "区发改局", "nickname": "x"}]),
        lambda d: d.update(due_soon_days="7"),
        lambda d: d["lights"].update(investment=[1, 2]),
    ],
)
def test_a_config_dump_that_does_not_fit_is_refused(damage: Any) -> None:
    from projledger.model import Config

    dump = _sample_config().model_dump(mode="json")
    damage(dump)
    with pytest.raises(ValueError):
        Config.from_dump(dump)
