"""Shell completion of the values a clerk types: projects by name (or id), items,
units, people, and the fixed choices (states, stages, levels, pools, roles, ...).

Each completer is called by typer's completion (`projledger --install-completion`) with
what has been typed so far; it reads as little as it can: the names cache of projects/
(not the files), one project file's ids and titles, the config's declarations. Nothing
here may raise: a completer that fails offers nothing.

A request for a value is answered before typer builds the command (`answer`, called by
`cli.prepare`): typer's parsing of the words costs more than the completers.
"""

import importlib.util
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any, cast

import typer

_ITEM_LINE = re.compile(r"\bid:\s*([ITRD]-[0-9A-Z]{4,12})\b(?:[^\n]*?\btitle:\s*([^,}\n]+))?")
_TITLE_LINE = re.compile(r"^\s+title:\s*(.+?)\s*$", re.M)
_SPACE = re.compile(r"\s")
_PLAIN = re.compile(r"[^\s\[\]:\\]+(?: [^\s\[\]:\\]+)*")
"""Printable text rich renders as it is (no markup, no emoji code, no space at either end
or twice), given room."""


def _root(ctx: typer.Context) -> Path | None:
    from projledger.root import find_root

    given = ctx.params.get("root")
    try:
        return Path(given).resolve() if given else find_root(Path.cwd()).path
    except Exception:
        return None


def _safely(complete: Callable[[typer.Context, str], list[Any]]) -> Callable[..., list[Any]]:
    def guarded(ctx: typer.Context, incomplete: str) -> list[Any]:
        try:
            return complete(ctx, incomplete)
        except Exception:
            return []

    guarded.__name__ = complete.__name__
    return guarded


@_safely
def projects(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Projects as a clerk names them: the ids that begin with what was typed (with the
    name as help), and the names that do (with the id as help); typed nothing, the names.
    A name the command would not take back (two live projects share it, or the shell
    would split it) is offered as its id. From the names cache: no project file is read.

    Only what begins with the typed text: typer drops any other offer (and zsh and fish
    would). The shells that show any offer get names by their pinyin initials from
    `answer` (`projects_or_initials`)."""
    return _projects(_remembered(ctx), incomplete, initials=False)


@_safely
def projects_or_initials(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """What `projects` offers; if nothing, the projects whose names' pinyin initials begin
    with `incomplete` (`mtssk` for 马头山水库工程), by name where the command takes the
    name back, else by id, the initials in the help (fish shows an offer whose help
    matches the typed word)."""
    known = _remembered(ctx)
    return _projects(known, incomplete, initials=False) or _projects(
        known, incomplete.lower(), initials=True
    )


def _remembered(ctx: typer.Context) -> list[tuple[str, str, str, str]]:
    from projledger.ledger.names import remembered_names
    from projledger.root import LedgerRoot

    root = _root(ctx)
    return [] if root is None else remembered_names(LedgerRoot(root))


def _projects(
    known: list[tuple[str, str, str, str]], incomplete: str, initials: bool
) -> list[tuple[str, str]]:
    from projledger.refs import RETIRED_STATE

    named = Counter(name for _, name, _, _ in known)
    live = Counter(name for _, name, pool, _ in known if pool != RETIRED_STATE)
    offered = []
    for project_id, name, pool, spelled in known:
        if initials:
            if not (name and spelled.startswith(incomplete)):
                continue
        elif incomplete and project_id.startswith(incomplete):
            offered.append((project_id, name))
            continue
        elif not name.startswith(incomplete):
            continue
        # a name picks its one live project, or a retired one that shares it with none
        sharing = live if pool != RETIRED_STATE else named
        if name and sharing[name] == 1 and not _SPACE.search(name):
            offered.append((name, f"{project_id} ({spelled})" if initials else project_id))
        elif initials:
            offered.append((project_id, f"{name} ({spelled})"))
        elif project_id.startswith(incomplete):
            offered.append((project_id, name))
    return sorted(offered)


def _argument(ctx: typer.Context, name: str, position: int) -> str | None:
    """A command's argument as typed so far. Completing an option's value, click leaves
    the arguments before it unparsed, in `ctx.args`."""
    value = ctx.params.get(name)
    if value is None and len(ctx.args) > position and not ctx.args[position].startswith("-"):
        value = ctx.args[position]
    return value if isinstance(value, str) and value else None


def _project_id(ctx: typer.Context, root: Path) -> str | None:
    """The id of the project the command line names so far, if it names one."""
    from projledger.ledger.names import project_names
    from projledger.refs import find_projects
    from projledger.root import LedgerRoot

    typed = _argument(ctx, "project", 0)
    if typed is None:
        return None
    if (root / "projects" / f"{typed}.yaml").is_file():
        return typed
    found = find_projects(typed, project_names(LedgerRoot(root)))
    return found[0].id if len(found) == 1 else None


@_safely
def items(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """The ids of the project's items (with their titles), from its file's text: those
    whose id begins with what was typed. The project may be named as the commands take it
    (by name, fragment or pinyin)."""
    root = _root(ctx)
    project = _project_id(ctx, root) if root is not None else None
    if root is None or project is None:
        return []
    text = (root / "projects" / f"{project}.yaml").read_text(encoding="utf-8")
    listed: list[tuple[str, str]] = []
    for match in _ITEM_LINE.finditer(text):
        item_id, title = match.group(1), match.group(2)
        if title is None:  # a block mapping: the title is on a line of its own
            following = _TITLE_LINE.search(text, match.end())
            title = following.group(1) if following else ""
        listed.append((item_id, title.strip()))
    return [(i, t) for i, t in listed if i.upper().startswith(incomplete.upper())]


def _declared(ctx: typer.Context) -> dict[str, Any]:
    from projledger.store.reader import read_yaml

    root = _root(ctx)
    if root is None:
        return {}
    data = read_yaml((root / "projledger.yaml").read_bytes(), "projledger.yaml").data
    return data if isinstance(data, dict) else {}


@_safely
def units(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Declared units, full names and short names, each with the other as help."""
    found = []
    for unit in _declared(ctx).get("units") or ():
        name, short = str(unit.get("name", "")), str(unit.get("short") or "")
        for typed, other in ((name, short), (short, name)):
            if typed and typed.startswith(incomplete):
                found.append((typed, other))
    return found


@_safely
def people(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Declared people, with their unit as help."""
    return [
        (str(person.get("name")), str(person.get("unit") or ""))
        for person in _declared(ctx).get("people") or ()
        if str(person.get("name", "")).startswith(incomplete)
    ]


def _starting(values: Iterable[str], incomplete: str) -> list[str]:
    return [value for value in dict.fromkeys(values) if value.startswith(incomplete)]


def _choices(kind: str, values: Callable[[], Iterable[str]]) -> Callable[..., list[Any]]:
    """A completer offering fixed values (an enum's) that begin with what was typed."""

    def complete(ctx: typer.Context, incomplete: str) -> list[str]:
        return _starting(values(), incomplete)

    complete.__name__ = kind
    return _safely(complete)


def _enum(name: str) -> Callable[[], Iterable[str]]:
    def values() -> list[str]:
        from projledger.model import enums

        return [str(member) for member in getattr(enums, name)]

    return values


def _procedures() -> tuple[str, ...]:
    from projledger.model.project import ApprovalKind

    return ApprovalKind.ALL


levels = _choices("levels", _enum("Level"))
pools = _choices("pools", _enum("Pool"))
maturities = _choices("maturities", _enum("Maturity"))
roles = _choices("roles", _enum("Role"))
categories = _choices("categories", _enum("IssueCategory"))
sources = _choices("sources", _enum("IssueSource"))
causes = _choices("causes", _enum("CauseSide"))
funding_sources = _choices("funding_sources", _enum("FundingSource"))
approval_statuses = _choices("approval_statuses", _enum("ApprovalStatus"))
procedures = _choices("procedures", _procedures)
states = _choices("states", lambda: [*_enum("IssueState")(), *_enum("TaskState")()])


@_safely
def stages(ctx: typer.Context, incomplete: str) -> list[str]:
    """The stages projledger.yaml declares (the defaults when it names none)."""
    declared = _declared(ctx)
    new, continuing = declared.get("stages"), declared.get("continuing_stages")
    if not isinstance(new, list) or not isinstance(continuing, list):
        from projledger.model.config import DEFAULT_CONTINUING_STAGES, DEFAULT_STAGES

        new = new if isinstance(new, list) else list(DEFAULT_STAGES)
        continuing = continuing if isinstance(continuing, list) else DEFAULT_CONTINUING_STAGES
    return _starting((str(s) for s in [*new, *continuing]), incomplete)


@_safely
def targets(ctx: typer.Context, incomplete: str) -> list[str]:
    """`advance --to`: with an item, the states of issues and tasks; without, the stages."""
    if _argument(ctx, "item", 1) is not None:
        return list(states(ctx, incomplete))
    return list(stages(ctx, incomplete))


# -- Answering a shell before the app is built ------------------------------------------
#
# typer answers a completion request by building the command (each parameter's converter,
# which imports pydantic) and parsing the words typed so far, before a completer runs.
# For the values these completers offer, the table below says which words are what, so a
# request is answered from it (`answer`), with typer's own reading of the shell's words
# and its own output format. Anything the table does not settle (command and option
# names, a flag or an option without a completer among the words, `--opt=value`, `--`)
# is left to typer. tests/test_completion_speed.py checks the table against the app.

COMPLETED: dict[str, str] = {
    "show": "project=projects item=items",
    "list": "kind --unit=units --leader=people --level=levels --pool=pools --state=states "
    "--project=projects --procedure=procedures",
    "new": "project_id --level=levels --pool=pools --leader=people --stage=stages "
    "--maturity=maturities --lead-unit=units",
    "advance": "project=projects item=items --to=targets --unit=units --person=people "
    "--verifier=people --pool=pools --maturity=maturities --approval=procedures "
    "--status=approval_statuses",
    "return": "project=projects item=items --by=people",
    "withdraw": "project=projects item=items",
    "retire": "project=projects --duplicate-of=projects",
    "extend": "project=projects item=items --approver=people",
    "set": "project=projects field value",
    "log": "project=projects item=items note --by=people",
    "history": "project=projects item=items",
    "changes": "--unit=units --project=projects",
    "overdue": "--unit=units --leader=people --level=levels --project=projects",
    "due": "--unit=units --leader=people --level=levels --project=projects",
    "add issue": "project=projects --category=categories --source=sources --cause=causes "
    "--unit=units --person=people",
    "add task": "project=projects --unit=units --person=people",
    "add responsibility": "project=projects --role=roles --unit=units --person=people",
    "add funding": "project=projects --source=funding_sources",
    "add deadline": "project=projects",
    "unit rename": "old=units new",
    "unit retire": "name=units",
    "person add": "name --unit=units",
    "person move": "name=people --unit=units",
    "report project": "project=projects",
    "report unit": "unit=units",
}
"""Each command whose parameters complete values: its arguments in order (`name` or
`name=completer`) and its options that complete (`--option=completer`). Every one of them
also takes `--root DIR`."""

INITIALS_SHELLS = frozenset({"bash", "fish", "powershell", "pwsh"})
"""The shells that show an offer not beginning with the typed word: bash and PowerShell
any, fish one whose value or help holds the word's letters in order; zsh none
(bench/README.md)."""


class _Typed:
    """What a completer reads of click's context: the parameters typed so far."""

    def __init__(self, params: dict[str, Any]) -> None:
        self.params = params
        self.args: list[str] = []


def _parsed(spec: str) -> tuple[list[tuple[str, str | None]], dict[str, str]]:
    """A `COMPLETED` entry as its arguments [(name, completer)] and {option: completer}."""
    arguments: list[tuple[str, str | None]] = []
    options: dict[str, str] = {}
    for word in spec.split():
        name, _, completer = word.partition("=")
        if name.startswith("-"):
            options[name] = completer
        else:
            arguments.append((name, completer or None))
    return arguments, options


def request(args: list[str], incomplete: str) -> tuple[str, dict[str, Any]] | None:
    """The completer (by name) that completes `incomplete` after the words `args` (the
    command's, as typer reads them from the shell), and the parameters typed so far; None
    when the table cannot tell (typer then answers)."""
    if not args or incomplete.startswith("-") or incomplete == "=" or "--" in args:
        return None
    command, rest = args[0], args[1:]
    if command not in COMPLETED and rest:
        command, rest = f"{command} {rest[0]}", rest[1:]
    spec = COMPLETED.get(command)
    if spec is None:
        return None
    arguments, options = _parsed(spec)
    params: dict[str, Any] = {}
    typed = 0
    words = iter(rest)
    for word in words:
        if not word.startswith("-"):
            if typed == len(arguments):
                return None  # more arguments than the command takes
            params[arguments[typed][0]] = word
            typed += 1
            continue
        if word != "--root" and word not in options:
            return None  # a flag, or an option the table does not know
        value = next(words, None)
        if value is None:  # completing this option's value
            return (options[word], params) if word in options else None
        if word == "--root":
            params["root"] = value
    completer = arguments[typed][1] if typed < len(arguments) else None
    return (completer, params) if completer else None


def answer(environ: Mapping[str, str]) -> bool:
    """Answer the shell's completion request (`_PROJLEDGER_COMPLETE=complete_SHELL`), as
    typer would, when `request` can tell what is being completed: the offers printed in
    the shell's format (fish's `is-args` exits 0 or 1 itself). False: typer must answer."""
    instruction, _, shell = environ.get("_PROJLEDGER_COMPLETE", "").partition("_")
    if instruction != "complete":
        return False
    try:  # typer's own reading of the shell's words and its output formats
        from typer._click.shell_completion import CompletionItem, get_completion_class
        from typer._completion_classes import completion_init
    except ImportError:  # another typer: it answers
        return False

    completion_init()
    shell_class = get_completion_class(shell)
    if shell_class is None:
        return False
    shell_complete = shell_class(None, {}, "projledger", "_PROJLEDGER_COMPLETE")  # type: ignore[arg-type]
    args, incomplete = shell_complete.get_completion_args()
    found = request(args, incomplete)
    if found is None:
        return False
    completer_name, params = found
    context = cast(typer.Context, _Typed(params))
    if completer_name == "projects" and shell in INITIALS_SHELLS:
        offers = projects_or_initials(context, incomplete)
    else:  # what typer keeps of a completer's offers
        offers = globals()[completer_name](context, incomplete)
        offers = [o for o in offers if (o if isinstance(o, str) else o[0]).startswith(incomplete)]
    items = [
        CompletionItem(o) if isinstance(o, str) else CompletionItem(o[0], help=o[1]) for o in offers
    ]
    shell_complete.get_completions = lambda args, incomplete: items  # type: ignore[method-assign]
    helps = [item.help for item in items if item.help]
    if shell != "bash" and helps and not any("[" in text for text in helps):
        with _help_rendered_lightly(environ):
            typer.echo(shell_complete.complete())
    else:
        typer.echo(shell_complete.complete())
    return True


@contextmanager
def _help_rendered_lightly(environ: Mapping[str, str]) -> Iterator[None]:
    """typer shows an offer's help to zsh, fish and PowerShell as rich renders it (markup
    and emoji codes replaced, lines wrapped at the console's width), each through a new
    console of `typer.rich_utils`, whose import (rich's markdown, tables, tracebacks)
    costs more than the rest of the answer. Help without markup's brackets renders as
    text alone: one console of `rich.console`, sized and detected as typer sizes its own
    (its theme and highlighter only style the text)."""
    import typer._completion_classes as classes

    width = environ.get("TERMINAL_WIDTH")
    if importlib.util.find_spec("rich") is None or not (width or "0").isdigit():
        yield  # typer then renders the help (or, without rich, shows it as it is)
        return
    from rich.cells import cell_len
    from rich.console import Console

    forced = any(environ.get(name) for name in ("GITHUB_ACTIONS", "FORCE_COLOR", "PY_COLORS"))
    console = Console(
        color_system="auto",
        force_terminal=False if environ.get("_TYPER_FORCE_DISABLE_TERMINAL") else forced or None,
        width=int(width) if width else None,
    )

    def rendered(text: str) -> str:
        if text.isprintable() and _PLAIN.fullmatch(text) and cell_len(text) < console.width:
            return text  # what rich makes of it: nothing to replace, nothing to wrap
        return "".join(segment.text for segment in console.render(text)).rstrip("\n")

    typers = classes._sanitize_help_text
    classes._sanitize_help_text = rendered
    try:
        yield
    finally:
        classes._sanitize_help_text = typers
