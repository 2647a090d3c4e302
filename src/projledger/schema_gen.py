"""JSON Schema for ledger files and the config, generated from the models."""

import json
from pathlib import Path
from typing import Any

from projledger.model import Config, Project

SCHEMA_FILES: dict[str, type[Project] | type[Config]] = {
    "project.schema.json": Project,
    "config.schema.json": Config,
}


def _attribute_docstrings(module_path: Path) -> dict[str, dict[str, str]]:
    """Class → field → the string literal right after the field's annotation: what
    pydantic's `use_attribute_docstrings` reads, parsed only when schemas are written."""
    import ast
    import inspect

    found: dict[str, dict[str, str]] = {}
    tree = ast.parse(module_path.read_text(encoding="utf-8"))
    for node in tree.body:
        if not isinstance(node, ast.ClassDef):
            continue
        fields = found.setdefault(node.name, {})
        for before, after in zip(node.body, node.body[1:], strict=False):
            if (
                isinstance(before, ast.AnnAssign)
                and isinstance(before.target, ast.Name)
                and isinstance(after, ast.Expr)
                and isinstance(after.value, ast.Constant)
                and isinstance(after.value.value, str)
            ):
                fields[before.target.id] = inspect.cleandoc(after.value.value)
    return found


_described = False


def _describe_fields() -> None:
    """Give every model field without a description its attribute docstring, once."""
    global _described  # noqa: PLW0603 - a one-time, idempotent setup of the model classes
    if _described:
        return
    import projledger.model as package
    from projledger.model.common import LedgerModel

    docstrings: dict[str, dict[str, str]] = {}
    for module in sorted(Path(package.__file__).parent.glob("*.py")):
        docstrings.update(_attribute_docstrings(module))
    models = _subclasses(LedgerModel)
    for model in models:
        for name, field in model.model_fields.items():
            text = docstrings.get(model.__name__, {}).get(name)
            if field.description is None and text:
                field.description = text
    for model in models:
        model.model_rebuild(force=True)
    _described = True


def _subclasses(base: type[Any]) -> list[type[Any]]:
    found = []
    for sub in base.__subclasses__():
        found.append(sub)
        found.extend(_subclasses(sub))
    return found


def schema_text(model: type[Project] | type[Config]) -> str:
    _describe_fields()
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
