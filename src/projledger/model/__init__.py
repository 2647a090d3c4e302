"""The ledger's data model: pydantic types with no I/O.

A project file holds one `Project`; the ledger root's `projledger.yaml` holds a `Config`.
Rules that need more than one field or list (references, the issue loop, dates in order)
live in `projledger.rules`, so each problem becomes a finding with its own code.

`Config` and `Project` are imported when first asked for: building the project models'
classes takes ~8 ms, which `overdue` and the other commands that read only the config and
the enums (`projledger.model.enums`) need not pay.
"""

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from projledger.model.config import Config
    from projledger.model.project import Project

SCHEMA_VERSION = 1

__all__ = ["SCHEMA_VERSION", "Config", "Project"]


def __getattr__(name: str) -> Any:
    if name == "Config":
        from projledger.model.config import Config

        return Config
    if name == "Project":
        from projledger.model.project import Project

        return Project
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
