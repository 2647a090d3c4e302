"""The language of what the user reads, decided once per run, before the command is
registered (its help texts are chosen then), and passed to the core.

In order: `--lang zh|en` on the command line; the ledger's `language` (the root given by
`--root`, or the nearest one at or above the working directory, or for `check PATH...`
run outside any root the first PATH's; `zh` when the config does not say); outside a
ledger root, the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`:
`zh_CN.UTF-8` is zh); English otherwise.

The config is not parsed here (that would cost every run, `--help` included, the YAML
reader): its top-level `language:` line is found by a pattern. The config's schema
allows only `zh` and `en` there; a config `check` fails may say anything, and the
pattern's reading is then as good a guess as any.
"""

import itertools
import re
from collections.abc import Callable, Mapping, Sequence
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from projledger.messages import CATALOGUE, Lang, pick_lang, text
from projledger.root import CONFIG_FILE_NAME

_LANGUAGE_LINE = re.compile(rb"""^language:[ \t]*["']?(zh|en)["']?[ \t]*(?:#.*)?$""", re.M)
_CONFIG_DEFAULT: Lang = "zh"  # model.config.Config.language's default


class _Chosen:
    lang: Lang = "en"


class LangChoice(StrEnum):
    ZH = "zh"
    EN = "en"


LangOption = Annotated[
    Optional[LangChoice],  # noqa: UP045 - typer needs Optional on Python 3.11's typing here
    typer.Option(
        "--lang",
        help="Language of the messages (default: the ledger's `language`).",
        show_default=False,
    ),
]
"""For a command's signature: `decide` has read the option from the command line
already, so the command passes `current()` on and need not look at the value."""


def current() -> Lang:
    """The language `decide` chose for this run."""
    return _Chosen.lang


def set_current(lang: Lang) -> None:
    _Chosen.lang = lang


def say(key: str, **args: object) -> str:
    """The catalogue's message `key` in the run's language."""
    return text(key, _Chosen.lang, **args)


def decide(args: Sequence[str], environ: Mapping[str, str], cwd: Path) -> Lang:
    given = _option_value(args, "--lang")
    if given in tuple(LangChoice):
        return pick_lang(given)
    # `--lang fr` is refused (a usage error) in the language chosen without it. A roll-up
    # (several `--root`) speaks its first ledger's; it refuses ledgers of two languages
    # unless `--lang` says which. A `--root` that is no ledger root is refused in the
    # language of the ledger the command is run in, if any.
    roots = [Path(cwd, root) for root in _option_values(args, "--root")]
    config = next(filter(None, map(_config_at, roots)), None) or _nearest_config(cwd)
    if config is None and not roots:
        config = _checked_ledger(args, cwd)
    if config is not None:
        return _config_language(config)
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name)
        if value:
            return pick_lang(value)
    return "en"


def _option_value(args: Sequence[str], name: str) -> str | None:
    """The last value of `name` (`--name VALUE` or `--name=VALUE`) before `--`."""
    values = _option_values(args, name)
    return values[-1] if values else None


def _option_values(args: Sequence[str], name: str) -> list[str]:
    """Every value of `name` before `--`, in order."""
    values = []
    for index, arg in enumerate(args):
        if arg == "--":
            break
        if arg == name and index + 1 < len(args):
            values.append(args[index + 1])
        elif arg.startswith(name + "="):
            values.append(arg[len(name) + 1 :])
    return values


_VALUED = {"--format", "-f", "--root", "--lang"}
"""The options of `check` that take a value (which is not a PATH)."""


def _checked_ledger(args: Sequence[str], cwd: Path) -> Path | None:
    """`check PATH...` run outside any root: the config of the first PATH's root, so the
    findings speak its ledger's language."""
    words = [arg for arg in args if arg != "--"]
    if not words or words[0] != "check":
        return None
    for before, arg in itertools.pairwise(words):
        if arg.startswith("-") or before in _VALUED:
            continue
        config = _nearest_config(Path(cwd, arg))
        if config is not None:
            return config
    return None


def _config_at(root: Path) -> Path | None:
    config = root / CONFIG_FILE_NAME
    return config if config.is_file() else None


def _nearest_config(cwd: Path) -> Path | None:
    try:
        start = cwd.resolve()
    except OSError:
        return None
    for directory in (start, *start.parents):
        config = _config_at(directory)
        if config is not None:
            return config
    return None


def _config_language(config: Path) -> Lang:
    try:
        raw = config.read_bytes()
    except OSError:
        return _CONFIG_DEFAULT
    found = _LANGUAGE_LINE.search(raw)
    return pick_lang(found.group(1).decode()) if found else _CONFIG_DEFAULT


def translate_help(app: typer.Typer, lang: Lang) -> None:
    """The help texts of `app` and of its registered commands in `lang`, from the
    catalogue: a command's `help.cmd.<name>` (a group's commands: `<group>.<name>`), a
    parameter's `help.param.<name>`. An entry's English is the help the code declares:
    a translation is put in only while they agree, so English reworded in the code is
    shown in English until its translation is brought up to date (a test names it).
    Called once the command is registered, before typer reads it (options declared once,
    such as `RootOption`, are shared objects: the language is the run's, one for all)."""
    app.info.help = text("help.app", lang)
    if lang != "en":
        _translate_commands(app, "", lang)
        main = app.registered_callback
        if main is not None and main.callback is not None:
            _translate_parameters(main.callback, "projledger", lang)


def declared_summary(help_text: str | None) -> str:
    """A command's declared help as its catalogue entry holds it: the first paragraph,
    whitespace collapsed."""
    import inspect

    return " ".join(inspect.cleandoc(help_text or "").split("\n\n")[0].split())


def _translation(key: str, declared: str | None, lang: Lang) -> str | None:
    entry = CATALOGUE.get(key)
    if entry is None or declared is None or " ".join(declared.split()) != entry.en:
        return None
    return entry.text(lang)


def _translate_commands(app: typer.Typer, prefix: str, lang: Lang) -> None:
    for info in app.registered_commands:
        if info.callback is None:
            continue
        name = prefix + (info.name or info.callback.__name__.lower().replace("_", "-"))
        declared = declared_summary(info.help or info.callback.__doc__)
        translated = _translation(f"help.cmd.{name}", declared, lang)
        if translated is not None:
            info.help = translated
        _translate_parameters(info.callback, name, lang)
    for group in app.registered_groups:
        instance = group.typer_instance
        if instance is None or group.name is None:
            continue
        callback = instance.registered_callback
        doc = callback.callback.__doc__ if callback and callback.callback else None
        declared = declared_summary(group.help or instance.info.help or doc)
        translated = _translation(f"help.cmd.{prefix}{group.name}", declared, lang)
        if translated is not None:
            group.help = translated
            instance.info.help = translated
        _translate_commands(instance, f"{prefix}{group.name}.", lang)


def _translate_parameters(callback: Callable[..., Any], command: str, lang: Lang) -> None:
    """Parameters declared `Annotated[..., typer.Option(...)]` or `= typer.Option(...)`
    (`inspect.signature`, so the options `@change_command` adds are seen too): a
    command's own by `help.param.<command>.<name>` (`add.issue.title`), a declaration
    shared by many commands by `help.param.<name>`."""
    import inspect

    from typer.models import ParameterInfo

    for name, parameter in inspect.signature(callback).parameters.items():
        metadata = getattr(parameter.annotation, "__metadata__", ())
        for info in (*metadata, parameter.default):
            if isinstance(info, ParameterInfo) and isinstance(info.help, str):
                translated = _translation(
                    f"help.param.{command}.{name}", info.help, lang
                ) or _translation(f"help.param.{name}", info.help, lang)
                if translated is not None:
                    info.help = translated
