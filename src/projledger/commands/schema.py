"""`projledger schema`: write or verify the JSON Schemas."""

import sys
from pathlib import Path


def run(directories: list[Path], check_only: bool) -> int:
    from projledger.schema_gen import stale_schemas, write_schemas

    if check_only:
        stale = [path for directory in directories for path in stale_schemas(directory)]
        for path in stale:
            sys.stdout.write(f"{path}: out of date; run `projledger schema` to regenerate\n")
        if not stale:
            sys.stdout.write("schemas are up to date\n")
        return 1 if stale else 0
    for directory in directories:
        written = write_schemas(directory)
        for path in written:
            sys.stdout.write(f"wrote {path}\n")
        if not written:
            sys.stdout.write(f"{directory}: up to date\n")
    return 0
