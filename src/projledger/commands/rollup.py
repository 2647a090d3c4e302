"""`report weekly|monthly|quarterly` over several ledgers (a roll-up): the roots named by
repeated `--root`, or the member ledgers a root's config lists (`rollup:`)."""

import datetime as dt
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from projledger.commands.report import commit_source, describe_source, write_report
from projledger.errors import ProjledgerError, UsageError
from projledger.messages import composed, msg
from projledger.report.formats import ReportFormat
from projledger.root import CONFIG_FILE_NAME, LedgerRoot

if TYPE_CHECKING:
    from projledger.model.config import Config
    from projledger.report.document import Report
    from projledger.report.period import Period

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class _Member:
    root: LedgerRoot
    config: "Config"
    shown: str
    """How the command line or the config named it, for messages."""
    name: str | None = None


def period_report(
    roots: list[Path],
    *,
    kind: str,
    period_text: str | None,
    start: dt.date | None,
    end: dt.date | None,
    as_of: dt.date | None,
    today: dt.date,
    output_format: ReportFormat,
    output: Path | None,
    lang: str | None,
    at: str | None = None,
    template: Path | None = None,
) -> int:
    """One root without `rollup:` in its config: its own report. Several roots, or a root
    whose config lists member ledgers: the roll-up."""
    from projledger.commands import reports_run
    from projledger.report.rollup import common_place

    if len(roots) == 1:
        root = LedgerRoot(roots[0])
        # Not a ledger: the single report's own message. Without `rollup:`: its report.
        config = _config(root, str(roots[0])) if root.config_file.is_file() else None
        if config is None or not config.rollup:
            return reports_run.period_report(
                roots[0],
                kind=kind,
                period_text=period_text,
                start=start,
                end=end,
                as_of=as_of,
                today=today,
                output_format=output_format,
                output=output,
                lang=lang,
                at=at,
                template=template,
            )
        members = _configured(root, config)
        organisation = config.organisation
    else:
        members = [_member(path, str(path), None, usage=True) for path in roots]
        organisations = [m.config.organisation for m in members]
        organisation = common_place(organisations) or "、".join(dict.fromkeys(organisations))
    _check_members(members, lang, at, usage=len(roots) > 1)
    from projledger.commands.reports_run import _period

    span = _period(kind, period_text, start, end, today)
    report = _rollup(members, organisation, kind, span, as_of or min(span.end, today), lang, at)
    write_report(report, output_format, output, template=template)
    return 0


def _config(root: LedgerRoot, shown: str) -> "Config":
    from projledger.ledger.config_cache import cached_config

    if not root.config_file.is_file():
        raise ProjledgerError(msg("rollup.not_a_ledger", shown=shown, config=CONFIG_FILE_NAME))
    return cached_config(root)


def _member(path: Path, shown: str, name: str | None, *, usage: bool) -> _Member:
    if not path.is_dir():
        error = UsageError if usage else ProjledgerError
        raise error(msg("rollup.no_such_directory", shown=shown))
    root = LedgerRoot(path.resolve())
    config = _config(root, shown)
    if config.rollup:
        raise ProjledgerError(msg("rollup.nested", shown=shown, config=CONFIG_FILE_NAME))
    return _Member(root, config, shown, name)


def _configured(root: LedgerRoot, config: "Config") -> list[_Member]:
    """The members a config lists, after the root itself when it has projects of its own."""
    members: list[_Member] = []
    if any(p.suffix == ".yaml" for p in root.project_files()):
        members.append(_Member(root, config, str(root.path), None))
    for entry in config.rollup:
        shown = f"{CONFIG_FILE_NAME} rollup: {entry.path}"
        members.append(_member(root.path / entry.path, shown, entry.name, usage=False))
    return members


def _names(members: list[_Member]) -> list[str]:
    """Each member's name in the roll-up: the config's `name`, else its place (莱芜区)."""
    from projledger.report.rollup import place_names

    places = place_names([m.config.organisation for m in members])
    return [m.name or place for m, place in zip(members, places, strict=True)]


def _check_members(
    members: list[_Member], lang: str | None, at: str | None, *, usage: bool
) -> None:
    """Refuse what a roll-up cannot report: usage errors (exit 2) for roots the command line
    names, errors of the config (exit 1) for the members it lists; --lang and --at are the
    command line's either way."""
    error = UsageError if usage else ProjledgerError
    seen: dict[str, _Member] = {}
    for member in members:
        key = os.path.realpath(member.root.path)
        if key in seen:
            raise error(
                msg("rollup.same_ledger", first=seen[key].shown, second=member.shown, path=key)
            )
        seen[key] = member
    seen_names: dict[str, _Member] = {}
    for member, name in zip(members, _names(members), strict=True):
        if name in seen_names:
            first = seen_names[name].shown
            raise error(msg("rollup.same_name", first=first, second=member.shown, name=name))
        seen_names[name] = member
    languages = {m.config.language for m in members}
    if lang is None and len(languages) > 1:
        each = ", ".join(f"{m.shown}: {m.config.language}" for m in members)
        raise UsageError(msg("rollup.languages", each=each))
    if at is not None and not _DAY.fullmatch(at.strip()):
        raise UsageError(msg("rollup.at_day", at=at))


def _rollup(
    members: list[_Member],
    organisation: str,
    kind: str,
    span: "Period",
    report_date: dt.date,
    lang: str | None,
    at: str | None,
) -> "Report":
    """Each member's own period report, then the roll-up of them."""
    from projledger.gcpause import gc_paused
    from projledger.ledger.facts_cache import FACTS, ledger_at, load_view
    from projledger.report.build_period import build_period_report
    from projledger.report.rollup import Part, build_rollup_report

    language = lang or members[0].config.language
    parts: list[Part] = []
    with gc_paused():
        for member, name in zip(members, _names(members), strict=True):
            root = member.root
            try:
                if at is None:
                    describe = describe_source(root)
                    ledger = load_view(root, FACTS)
                    source = describe(language)
                else:
                    ledger, commit = ledger_at(root, at.strip(), FACTS.from_project)
                    source = commit_source(commit, language)
            except ProjledgerError as exc:
                # The member's own refusal, said after its name in the run's language.
                problem = exc.args[0] if len(exc.args) == 1 else str(exc)
                raise ProjledgerError(
                    composed("about", subject=member.shown, problem=problem)
                ) from None
            own = build_period_report(root, ledger, kind, span, report_date, language, source)
            parts.append(Part(name, ledger, own))
        return build_rollup_report(parts, span, organisation, language)
