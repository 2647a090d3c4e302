"""The ledger's data model: pydantic types with no I/O.

A project file holds one `Project`; the ledger root's `projledger.yaml` holds a `Config`.
Rules that need more than one field or list (references, the issue loop, dates in order)
live in `projledger.rules`, so each problem becomes a finding with its own code.
"""

from projledger.model.config import Config
from projledger.model.project import Project

SCHEMA_VERSION = 1

__all__ = ["SCHEMA_VERSION", "Config", "Project"]
