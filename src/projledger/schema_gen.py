"""JSON Schema for ledger files and the config, generated from the models."""

import json
from pathlib import Path
from typing import Any

from projledger.model import Config, Project

SCHEMA_FILES: dict[str, type[Project] | type[Config]] = {
    "project.schema.json": Project,
    "config.schema.json": Config,
}


def schema_text(model: type[Project] | type[Config]) -> str:
    schema: dict[str, Any] = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        **model.model_json_schema(),
    }
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def expected_schemas() -> dict[str, str]:
    return {name: schema_text(model) for name, model in SCHEMA_FILES.items()}


def stale_schemas(directory: Path) -> list[Path]:
    """Schema files in `directory` that are missing or differ from the models."""
    stale = []
    for name, text in expected_schemas().items():
        path = directory / name
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            stale.append(path)
    return stale


def write_schemas(directory: Path) -> list[Path]:
    """Write the schemas that differ; return them."""
    from projledger.store.atomic import write_text_atomic

    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for path in stale_schemas(directory):
        write_text_atomic(path, expected_schemas()[path.name])
        written.append(path)
    return written
