"""The app run in the run's language: usage errors (a missing argument, an unknown option,
a value that is not one, an extra argument) and the fixed words of `-h` (Usage, Options,
[default: …], "Show this message and exit.") from the catalogue.

Typer vendors click (`typer._click`) without its gettext hooks, so its words cannot be
translated where they are made: the app runs with `standalone_mode=False`, which lets its
usage errors out to be rendered here (exit code 2 and the usage line kept, as click would),
and in a language other than English every command's context makes a help formatter that
puts the fixed words in that language. In English, click's own output is shown unchanged.
`--lang` may follow any command: where the command has no such option, it is taken out of
the arguments click parses (`cli.language` has read it).
"""

import re
import sys
from collections.abc import Callable, Sequence
from typing import Any, NoReturn

import typer
from typer._click.core import Command, Context
from typer._click.exceptions import (
    BadOptionUsage,
    BadParameter,
    ClickException,
    MissingParameter,
    NoArgsIsHelpError,
    NoSuchOption,
    UsageError,
)
from typer._click.formatting import HelpFormatter
from typer.main import get_command

from projledger.messages import Lang, text


def run(app: typer.Typer, lang: Lang) -> NoReturn:
    """Run `app` on the command line's arguments and exit with its code."""
    command = get_command(app)
    if lang != "en":
        _speak(command, lang)
    try:
        code = command.main(_lang_taken(command, sys.argv[1:]), standalone_mode=False)
    except UsageError as error:
        _show_usage_error(error, lang)
        sys.exit(error.exit_code)
    except ClickException as error:  # a file an option names cannot be opened
        _say(text("usage.error", lang, message=error.format_message()))
        sys.exit(error.exit_code)
    except typer.Abort:  # Ctrl-D at a prompt
        _say(text("usage.aborted", lang))
        sys.exit(1)
    # Without standalone mode click returns an `Exit`'s code, or the command's own value
    # (None: every command reports its outcome by `typer.Exit`).
    sys.exit(code if isinstance(code, int) else 0)


def _lang_taken(command: Command, args: list[str]) -> list[str]:
    """`args` without `--lang X` after a command that has no such option: `cli.language`
    has read it already (it may follow any command), and click would refuse it."""
    one = command
    for word in args:
        group: dict[str, Command] = getattr(one, "commands", {})
        if word.startswith("-") or not group:
            break
        if word not in group:
            return args  # an unknown command: click says so
        one = group[word]
    if args[:1] == ["--lang"] or any("--lang" in param.opts for param in one.params):
        return args
    kept: list[str] = []
    skip = False
    for index, arg in enumerate(args):
        if arg == "--":
            return [*kept, *args[index:]]
        if skip:
            skip = False
        elif arg == "--lang":
            skip = True
        elif not arg.startswith("--lang="):
            kept.append(arg)
    return kept


def usage_message(error: UsageError, lang: Lang) -> str:
    """What went wrong, as one line (click's words in English)."""
    if lang == "en" or isinstance(error, NoArgsIsHelpError):
        return error.format_message()
    if isinstance(error, MissingParameter):
        kind = error.param_type or (error.param.param_type_name if error.param else "parameter")
        keys = {"option": "usage.missing_option", "argument": "usage.missing_argument"}
        return text(keys.get(kind, "usage.missing_parameter"), lang, name=_hint(error))
    if isinstance(error, BadParameter):
        problem = _value_problem(error, lang)
        if error.param_hint is None and error.param is None:
            return text("usage.bad_value", lang, problem=problem)
        return text("usage.bad_value_for", lang, name=_hint(error), problem=problem)
    if isinstance(error, NoSuchOption):
        found = text("usage.no_such_option", lang, name=error.option_name)
        if error.possibilities:
            options = "、".join(sorted(error.possibilities))
            found += text("usage.possible_options", lang, options=options)
        return found
    if isinstance(error, BadOptionUsage):
        if "does not take a value" in error.message:
            return text("usage.option_takes_no_value", lang, name=error.option_name)
        return text("usage.option_needs_value", lang, name=error.option_name)
    for pattern, key in _PLAIN:
        matched = pattern.fullmatch(error.message)
        if matched:
            return text(key, lang, **matched.groupdict())
    return error.message


def _show_usage_error(error: UsageError, lang: Lang) -> None:
    if lang == "en" or isinstance(error, NoArgsIsHelpError):
        error.show()  # click's own words; a bare group's help, exit 2
        return
    ctx = error.ctx
    if ctx is not None:
        lines = [ctx.get_usage()]
        if ctx.command.get_help_option(ctx) is not None:
            command = f"{ctx.command_path} {ctx.help_option_names[0]}"
            lines.append(text("usage.try_help", lang, command=command))
        _say("\n".join(lines) + "\n")
    _say(text("usage.error", lang, message=usage_message(error, lang)))


def _say(line: str) -> None:
    sys.stderr.write(f"{line}\n")


def _hint(error: BadParameter) -> str:
    """The parameter's name as click quotes it (`'--as-of'`, `'PROJECT'`), unquoted."""
    hint: str | Sequence[str] | None = error.param_hint
    if hint is None and error.param is not None:
        hint = error.param.get_error_hint()
    # click quotes each name and joins several spellings itself: "'--format' / '-f'".
    names = hint.split(" / ") if isinstance(hint, str) else list(hint or ())
    return " / ".join(name.strip("'") for name in names)


_PLAIN: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"Got unexpected extra argument\(s\) \((?P<args>.*)\)", re.S), "usage.extra"),
    (re.compile(r"No such command '(?P<name>.*)'\."), "usage.no_such_command"),
    (re.compile(r"Missing command\."), "usage.missing_command"),
    (re.compile(r"Argument '(?P<name>.*)' takes (?P<n>\d+) values\."), "usage.argument_values"),
)
"""Usage errors click raises with text only: its words, as `typer._click` writes them."""


def _value_problem(error: BadParameter, lang: Lang) -> str:
    """Why a value is refused: typer's checks of types and paths in `lang`; projledger's
    own (already in the run's language) as they are."""
    cause: Any = error.__cause__
    errors = getattr(cause, "errors", None)
    if callable(errors):  # typer converted the value with pydantic
        found = errors()
        if found:
            return _pydantic_problem(found[0], lang, error.message)
    for pattern, key in _VALUE_PROBLEMS:
        matched = pattern.fullmatch(error.message)
        if matched:
            return text(key, lang, **matched.groupdict())
    return error.message


_VALUE_PROBLEMS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\w+ '(?P<path>.*)' does not exist\."), "usage.value.no_such_path"),
    (re.compile(r"\w+ '(?P<path>.*)' is a file\."), "usage.value.is_a_file"),
    (re.compile(r"\w+ '(?P<path>.*)' is a directory\."), "usage.value.is_a_directory"),
    (re.compile(r"\w+ '(?P<path>.*)' is not readable\."), "usage.value.not_readable"),
    (re.compile(r"\w+ '(?P<path>.*)' is not writable\."), "usage.value.not_writable"),
    (re.compile(r"Value '(?P<value>.*)' is not a valid \w+\."), "usage.value.not_valid"),
)


def _pydantic_problem(found: dict[str, Any], lang: Lang, english: str) -> str:
    kind = str(found.get("type", ""))
    value = found.get("input", "")
    limits = found.get("ctx") or {}
    if kind == "int_parsing":
        return text("usage.value.not_an_integer", lang, value=value)
    if kind == "float_parsing":
        return text("usage.value.not_a_number", lang, value=value)
    if kind == "bool_parsing":
        return text("usage.value.not_a_boolean", lang, value=value)
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        limit = next(iter(limits.values()), "")
        return text(f"usage.value.{kind}", lang, value=value, limit=limit)
    choices = _CHOICES.search(english)
    if choices:
        # click lists them quoted, "'zh', 'en'": each said as the language quotes a choice.
        listed = "|".join(re.findall(r"'([^']*)'", choices["choices"])) or choices["choices"]
        return text("usage.value.not_a_choice", lang, value=value, choices=listed)
    return english


_CHOICES = re.compile(r"is not one of (?P<choices>.*)\.$")


# --- the fixed words of -h -------------------------------------------------------------


def _speak(command: Command, lang: Lang) -> None:
    """Every command under `command` makes its help in `lang`, and `--install-completion`
    says what it did in `lang`."""
    for param in command.params:
        if param.name == "install_completion":
            param.callback = _installer(lang)
    context = type(f"Context_{lang}", (Context,), {"formatter_class": _formatter(lang)})
    stack = [command]
    while stack:
        one = stack.pop()
        one.context_class = context
        stack.extend(getattr(one, "commands", {}).values())


def _installer(lang: Lang) -> Callable[[Context, Any, Any], Any]:
    """typer's `install_callback`, its two English lines said in `lang`."""

    def install_completion(ctx: Context, param: Any, value: Any) -> Any:
        if not value or ctx.resilient_parsing:
            return value
        from typer._completion_shared import install

        shell, path = install(shell=value) if isinstance(value, str) else install()
        sys.stdout.write(text("usage.completion_installed", lang, shell=shell, path=path) + "\n")
        sys.exit(0)

    return install_completion


def _formatter(lang: Lang) -> type[HelpFormatter]:
    headings = {name: text(f"usage.heading.{name}", lang) for name in _HEADINGS}
    known = {english: text(key, lang) for key, english in _BUILT_IN_HELP.items()}

    class Translated(HelpFormatter):
        def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
            super().write_usage(prog, args, text("usage.usage", lang) if prefix is None else prefix)

        def write_heading(self, heading: str) -> None:
            self.write(f"{'':>{self.current_indent}}{headings.get(heading, heading)}：\n")

        def write_dl(
            self, rows: Sequence[tuple[str, str]], col_max: int = 30, col_spacing: int = 2
        ) -> None:
            rows = [(term, _help_text(help, known, lang)) for term, help in rows]
            super().write_dl(rows, col_max, col_spacing)

    return Translated


_HEADINGS = ("Arguments", "Options", "Commands")
_BUILT_IN_HELP = {
    "usage.help.help": "Show this message and exit.",
    "usage.help.install_completion": "Install completion for the current shell.",
    "usage.help.show_completion": "Show completion for the current shell, to copy it or "
    "customize the installation.",
}
"""typer's own help texts: catalogue key → the English typer writes."""

_EXTRA = re.compile(r"\s*\[(?P<extra>[^\[\]]*)\]$")


def _help_text(help: str, known: dict[str, str], lang: Lang) -> str:
    """A help text with typer's words in `lang`: its own option's help, and the
    `[default: …; required]` it appends."""
    extra = _EXTRA.search(help)
    body = help[: extra.start()] if extra else help
    body = known.get(body, body)
    if extra is None:
        return body
    parts = []
    for part in extra["extra"].split("; "):
        if part == "required":
            parts.append(text("usage.help.required", lang))
        elif part.startswith("default: "):
            parts.append(text("usage.help.default", lang, value=part[len("default: ") :]))
        else:
            parts.append(part)
    shown = f"[{'; '.join(parts)}]"
    return f"{body}  {shown}" if body else shown
