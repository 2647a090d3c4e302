"""Shared field types: ids, non-empty text, money and the strict base model."""

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

Text = Annotated[str, StringConstraints(min_length=1)]
"""A required piece of text: an empty string is as good as missing."""

Amount = Annotated[float, Field(ge=0, allow_inf_nan=False)]
"""Money in 万元 (ten thousand yuan), or any other non-negative quantity."""


class LedgerModel(BaseModel):
    """Base of every ledger type: unknown keys are errors (a typo must not pass silently)."""

    model_config = ConfigDict(
        extra="forbid",
        validate_assignment=True,
        populate_by_name=True,
        # Every command pays for building the models: build a model's validator when it is
        # first used, and leave attribute docstrings to `projledger schema`, which adds
        # them (schema_gen.py); reading them means parsing these modules' source.
        defer_build=True,
    )
