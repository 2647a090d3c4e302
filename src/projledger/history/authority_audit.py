"""Authority over a range of commits (`audit BASE..HEAD`): each commit that changed the
ledger (a project file or projledger.yaml), judged for its author by the `members` of the
config its parent had (history/authority.py), so a role granted in a commit counts from
the next one. Nothing is read when no config of the range declares members.

Two git runs besides audit's own: the log of projledger.yaml in the range, and one `git
cat-file --batch-check` for the config each commit's parent had; the few distinct
configs are read and validated once each.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from projledger.findings import Finding
from projledger.history.audit_messages import SaidFinding
from projledger.history.authority import Breach, judge_change, judge_config_change
from projledger.history.authority_messages import breach_message, commit_where
from projledger.history.diff import items_of
from projledger.history.gitlog import Commit, LogEntry, read_log
from projledger.history.timeline import LedgerHistory, Step
from projledger.history.values import Json
from projledger.messages import Lang
from projledger.model.config import Config, MemberRole


@dataclass
class AuthorityFindings:
    by_file: dict[str, list[Finding]] = field(default_factory=lambda: defaultdict(list))
    """Repository-relative path → its findings (not yet placed on lines)."""


def authority_findings(
    history: LedgerHistory,
    base: str,
    head: str,
    in_range: list[LogEntry],
    steps: list[Step],
    shown: dict[str, str],
    heads: dict[str, Json],
) -> AuthorityFindings:
    """`shown`: how findings name each file (path → display path); `heads`: each project
    file's end version (path → data), where findings point to the item."""
    out = AuthorityFindings()
    repo = history.repo
    config_path = repo.relative(history.root.config_file)
    config_dir = str(PurePosixPath(config_path).parent)
    config_log = read_log(repo, config_dir, paths=[config_path], revisions=[f"{base}..{head}"])
    commits: dict[str, Commit] = {}
    for entry in (*in_range, *config_log):
        commits.setdefault(entry.commit.id, entry.commit)
    if not commits:
        return out
    ids = list(commits)
    names = [f"{commit}^:{config_path}" for commit in ids] + [f"{head}:{config_path}"]
    blobs = repo.object_ids(names)
    configs = _configs(history, [b for b in blobs if b is not None], config_path)
    in_force = {
        commit: configs.get(blob) if blob is not None else None
        for commit, blob in zip(ids, blobs, strict=False)
    }
    if not any(c is not None and c.members is not None for c in in_force.values()):
        return out
    unknown_told: set[str] = set()

    def add(
        path: str, breach: Breach, commit: Commit, config: Config, project: str, at: Json
    ) -> None:
        if breach.code == "PL510":
            if commit.id in unknown_told:
                return
            unknown_told.add(commit.id)
        author = f"{commit.author_name} <{commit.author_email}>"
        said = _Said(breach, commit, author, project, tuple(config.extension_approvers))
        finding = SaidFinding.of_said(breach.code, said, shown[path], _loc(breach, at))
        out.by_file[path].append(finding)

    for step in steps:
        config = in_force.get(step.commit.id)
        if config is None or config.members is None or not step.readable:
            continue
        project = step.file.project
        for breach in judge_change(
            config,
            step.commit.author_name,
            step.commit.author_email,
            project,
            step.old,
            step.new,
        ):
            add(step.file.path, breach, step.commit, config, project, heads.get(step.file.path))
    for entry in config_log:
        config = in_force.get(entry.commit.id)
        if config is None or config.members is None:
            continue
        for breach in judge_config_change(
            config, entry.commit.author_name, entry.commit.author_email
        ):
            add(config_path, breach, entry.commit, config, "", None)
    return out


@dataclass(frozen=True)
class _Said:
    """A breach as audit says it, naming its commit, in the language it is shown in."""

    breach: Breach
    commit: Commit
    author: str
    project: str
    approvers: tuple[MemberRole, ...]

    def render(self, lang: Lang) -> str:
        return breach_message(
            self.breach,
            lang=lang,
            where=commit_where(self.commit, lang),
            author=self.author,
            project=self.project,
            approvers=list(self.approvers),
        )


def _configs(history: LedgerHistory, blobs: list[str], config_path: str) -> dict[str, Config]:
    """The valid configs that declare members among these blobs (an invalid one: no
    authority from it)."""
    from projledger.check.files import check_config_bytes

    distinct = list(dict.fromkeys(blobs))
    found: dict[str, Config] = {}
    for blob, raw in zip(distinct, history.repo.blobs(distinct), strict=True):
        if b"members" not in raw:
            continue  # no members: nothing to judge by (and no validation to pay for)
        config = check_config_bytes(raw, config_path).config
        if isinstance(config, Config):
            found[blob] = config
    return found


def _loc(breach: Breach, data: Json) -> tuple[str | int, ...]:
    """Where in the end version the finding points: the item, if it is there."""
    touch = breach.touch
    if touch is None or touch.list_name is None or data is None:
        return ()
    for index, item_id in enumerate(items_of(data, touch.list_name)):
        if item_id == touch.item_id:
            return (touch.list_name, index)
    return ()
