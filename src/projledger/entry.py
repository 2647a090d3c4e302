"""The command's entry point (`projledger`, `python -m projledger`): start-up with the
cyclic garbage collector paused.

Importing typer, pydantic and the command's modules and registering the command builds
some 100,000 objects that live as long as the process; the collector would scan them
again and again while they are made (~20 ms of a 0.1 s `--help`, ~35 ms of a change
command). They are then frozen out of its sight, and it runs as usual for the command
itself (reports and check pause it where they build many objects; worker processes
always collect).
"""

import gc
import sys


def main() -> None:
    gc.disable()
    try:
        from projledger.cli import prepare
        from projledger.error_handler import run

        app = prepare(sys.argv[1:])
    finally:
        gc.freeze()
        gc.enable()
    run(app)
