"""`projledger schema`: write or verify the JSON Schemas."""

import sys
from pathlib import Path

from projledger.messages import Lang, text


def run(directories: list[Path], check_only: bool, lang: Lang = "en") -> int:
    from projledger.schema_gen import stale_schemas, write_schemas

    def say(key: str, **args: object) -> None:
        sys.stdout.write(text(f"schema.{key}", lang, **args) + "\n")

    if check_only:
        stale = [path for directory in directories for path in stale_schemas(directory)]
        for path in stale:
            say("stale", path=path)
        if not stale:
            say("all_current")
        return 1 if stale else 0
    for directory in directories:
        written = write_schemas(directory)
        for path in written:
            say("wrote", path=path)
        if not written:
            say("current", directory=directory)
    return 0
