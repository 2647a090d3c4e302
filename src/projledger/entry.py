"""The command's entry point (`projledger`, `python -m projledger`): start-up with the
cyclic garbage collector paused.

Importing typer, pydantic and the command's modules and registering the command builds
some 100,000 objects that live as long as the process; the collector would scan them
again and again while they are made (~20 ms of a 0.1 s `--help`, ~35 ms of a change
command). They are then frozen out of its sight, and it runs as usual for the command
itself (reports and check pause it where they build many objects; worker processes
always collect), except a change of one file, which keeps it paused to the end
(`cli.changes_one_file`).

It also runs without pydantic plugins: pydantic looks for them (in installed packages'
entry points) when it builds its first validator, which every command does through
typer's parameters, and the look-up imports `importlib.metadata` and `email`: ~15 ms of
every run, for plugins projledger has no use for (a tracing plugin installed beside it
would also see every ledger it validates).
"""

import gc
import sys
import types


def main() -> None:
    gc.disable()  # start-up begins with the error handler's imports (the catalogue)
    try:
        from projledger.error_handler import run
    except KeyboardInterrupt:
        # Ctrl-C before the handler is there to say it: the exit code alone, no traceback.
        sys.exit(130)

    # Start-up inside the handler too: a fault while building the command is a bug like
    # any other (one line and a crash log, never a traceback).
    run(_start_and_run)


def _start_and_run() -> None:
    gc.disable()
    one_file = False  # so an interrupted import leaves `finally` nothing unbound to use
    try:
        _without_pydantic_plugins()
        from projledger.cli import changes_one_file, prepare

        one_file = changes_one_file(sys.argv[1:])
        app = prepare(sys.argv[1:])
    finally:
        gc.freeze()
        if not one_file:
            gc.enable()
    from projledger.cli import run_app

    run_app(app)


def _without_pydantic_plugins() -> None:
    """Stand in for pydantic's plugin loader (`pydantic.plugin._loader`, which only
    `create_schema_validator` imports) with one that finds none. Should pydantic move it,
    this is unused and plugins are looked up as before: slower, not wrong."""
    loader = types.ModuleType("pydantic.plugin._loader")
    loader.get_plugins = lambda: ()  # type: ignore[attr-defined]
    sys.modules.setdefault("pydantic.plugin._loader", loader)
