"""`projledger init`: a new ledger root of the shape `check` expects, committed."""

from dataclasses import dataclass
from pathlib import Path

from projledger.errors import ProjledgerError
from projledger.findings import Finding
from projledger.gitrepo import Identity, LedgerRepo
from projledger.messages import Lang, Renderable, composed, msg
from projledger.messages import text as say
from projledger.root import CONFIG_FILE_NAME, PROJECTS_DIR, SCHEMAS_DIR, LedgerRoot

CONFIG_TEMPLATE = """\
# yaml-language-server: $schema=schemas/config.schema.json
# 重点项目台账配置 — projledger configuration. Every setting is explained beside it;
# `projledger check` validates this file against schemas/config.schema.json.
schema_version: 1

# 台账管理单位: the office that keeps this ledger.
organisation: {organisation}

# 报表语言: zh (中文) or en, for report labels.
language: zh

# 单位: every unit named in a project (责任单位, 牵头单位, 配合单位) must be declared here,
# by its full name or its short name, so a typo cannot split a unit's ranking.
units:
  - {{name: 区发展和改革局, short: 区发改局, kind: 部门}}
  - {{name: 区自然资源局, kind: 部门}}
  - {{name: 区住房和城乡建设局, short: 区住建局, kind: 部门}}
  - {{name: 区行政审批服务局, short: 区审批局, kind: 部门}}
  - {{name: 区财政局, kind: 部门}}

# 人员: everyone who leads, owns, verifies or approves an item, with their unit.
people:
  - {{name: 张三, unit: 区发展和改革局, title: 副区长}}   # an example 包抓领导; replace

# 前期阶段: the stages of a project before it starts, in order (Guangzhou's split).
stages:
  - 前期研究
  - 已立项但规划红线未稳定
  - 红线稳定但未完成用地报批
  - 已完成用地报批尚未供地
  - 已供地未完成规划报建
  - 已完成规划报建
  - 开工

# 续建阶段: the stages of a continuing project.
continuing_stages:
  - 已完成用地保障
  - 还需要用地保障
  - 尚未完成规划条件核实

# 临期: a deadline within this many days is due soon.
due_soon_days: 7

# 序时进度: months (1-m 月 = m/12), days (elapsed days / days in the year) or
# monthly_plan (the plan's cumulative months / this year's plan).
time_progress: months

# 亮灯 thresholds.
lights:
  investment: {{yellow_behind_points: 10, red_behind_points: 30}}   # points behind time progress
  start: {{yellow_after_months: 0, red_after_months: 3}}            # not started when planned
  negotiation: {{yellow_after_months: 2, red_after_months: 3}}      # 在谈 without progress

# 红黑榜排名规则 (the unit ranking's rules, written under the ranking in every report).
ranking:
  verifier_outside_unit: true           # 销号 verified outside the responsible unit
  approvers: []                         # who may approve extensions besides the 包抓领导
  approver_rule: true                   # extensions held to that (never the asking unit)
  late_extension_counts: true           # 逾期后延期 still counts as overdue
  submitted_in_time_not_overdue: true   # 待核验 by the due date: not overdue while verified

# 成员与权限 (members): who may change what. Absent, anyone with the repository may change
# anything. Declared, every commit's author (its git identity) must be a member, and
# `projledger audit`, the server hook and the change commands hold each to its roles:
#   办公室     the office and its verifiers (核验人): any change to project files; only they
#              close (销号) or return (退回) an issue
#   单位填报人 a unit's reporter (`unit`): on its unit's issues and tasks, progress notes,
#              申请核验 (→ 待核验), the quantity done and 申请延期 requests; nothing else
#   专班       a task force (`task_force`: its name in projects' task_force): the same on
#              every item of its projects, and new issues (已登记) there
#   管理员     an administrator: projledger.yaml, which no one else changes
# `who` is an email (any name) or 'Name <email>'. `person` ties an identity to a declared
# person: a project's 包抓领导 may extend that project's deadlines.
# members:
#   - {{who: 周海涛 <zhouhaitao@example.gov.cn>, roles: [办公室], unit: 区发展和改革局}}
#   - {{who: admin@example.gov.cn, roles: [管理员]}}
#   - {{who: zrzy@example.gov.cn, roles: [单位填报人], unit: 区自然资源局}}
#   - {{who: zhangsan@example.gov.cn, roles: [单位填报人], unit: 区发展和改革局, person: 张三}}
#
# 延期审批 (extension_approvers): the roles that may grant an extension (延期), besides the
# project's 包抓领导. Default: [办公室].
# extension_approvers: [办公室]
"""

GITIGNORE = "# projledger's caches and locks\n.projledger/\n"
GITATTRIBUTES = (
    "# Ledger files stay LF on every platform (projledger refuses CRLF).\n*.yaml text eol=lf\n"
    # The same lines as projledger.sync.setup.ATTRIBUTES_BLOCK (a test keeps them equal).
    "\n# Ledger files merge item by item (the command is in each clone's .git/config:\n"
    "# `projledger setup`).\nprojledger.yaml merge=projledger\nprojects/*.yaml merge=projledger\n"
)


@dataclass
class InitResult:
    root: Path
    written: list[Path]
    commit: str | None
    created_repository: bool
    resumed: bool = False
    """An `init` whose commit had failed (no git identity ...) finished: its files committed."""


def init_root(
    directory: Path, organisation: str, *, commit: bool, author: Identity | None
) -> InitResult:
    from projledger.schema_gen import expected_schemas
    from projledger.store.atomic import write_text_atomic

    directory = directory.absolute()
    root = LedgerRoot(directory)
    if commit and root.config_file.is_file():
        resumed = _finish_uncommitted(root, author)
        if resumed is not None:
            return resumed
    _refuse_existing(root)
    files: dict[Path, str] = {
        root.config_file: CONFIG_TEMPLATE.format(organisation=organisation),
        root.projects_dir / ".gitkeep": "",
        directory / ".gitignore": GITIGNORE,
        directory / ".gitattributes": GITATTRIBUTES,
    }
    files |= {root.schemas_dir / name: text for name, text in expected_schemas().items()}
    clashes = [path for path in files if path.exists()]
    if clashes:
        names = "|".join(str(path.relative_to(directory)) for path in clashes)
        raise ProjledgerError(msg("init.clashes", directory=directory, names=names))
    existing = next(d for d in (directory, *directory.parents) if d.exists())
    if not existing.is_dir():  # the directory, or the nearest of its parents, is a file
        raise ProjledgerError(msg("init.not_a_directory", directory=directory, file=existing))
    repo: LedgerRepo | None = None
    created = False
    if commit:
        try:
            repo = LedgerRepo.open(existing)
        except ProjledgerError:
            repo = None
        if repo is not None:
            repo.check_ready()
    try:
        directory.mkdir(parents=True, exist_ok=True)
        root.projects_dir.mkdir(exist_ok=True)
        root.schemas_dir.mkdir(exist_ok=True)
    except OSError as exc:  # no right to write there, a read-only file system
        raise ProjledgerError(
            msg("init.cannot_create", directory=directory, reason=exc.strerror)
        ) from None
    for path, text in files.items():
        write_text_atomic(path, text)
    commit_id = None
    if commit:
        if repo is None:
            repo = LedgerRepo.init(directory)
            created = True
        message = f"[{organisation}] 初始化重点项目台账 (ledger root)\n\nProjledger-Command: init\n"
        try:
            repo.committer()
            commit_id = repo.commit_files(list(files), message, author)
        except ProjledgerError as failed:
            raise ProjledgerError(composed("init.not_committed", failed=_said(failed))) from None
    return InitResult(directory, list(files), commit_id, created)


def _finish_uncommitted(root: LedgerRoot, author: Identity | None) -> InitResult | None:
    """A root an earlier `init` wrote but could not commit (git did not know who commits,
    say): its files committed now, as that `init` would have. None: not such a root (its
    config is committed, or it is in no repository)."""
    from projledger.check.files import check_config_bytes

    try:
        repo = LedgerRepo.open(root.path)
    except ProjledgerError:
        return None
    if repo.committed_blob(root.config_file) is not None:
        return None
    checked = check_config_bytes(root.config_file.read_bytes(), CONFIG_FILE_NAME)
    if checked.errors or checked.config is None:
        first = checked.errors[0] if checked.errors else None
        raise ProjledgerError(_UncommittedConfig(str(root.config_file), first))
    repo.check_ready()
    repo.committer()
    candidates = [
        root.config_file,
        root.projects_dir / ".gitkeep",
        root.path / ".gitignore",
        root.path / ".gitattributes",
        *sorted(root.schemas_dir.glob("*.json")),
    ]
    files = [path for path in candidates if path.is_file()]
    organisation = checked.config.organisation
    message = f"[{organisation}] 初始化重点项目台账 (ledger root)\n\nProjledger-Command: init\n"
    commit_id = repo.commit_files(files, message, author)
    return InitResult(root.path, files, commit_id, False, resumed=True)


def _refuse_existing(root: LedgerRoot) -> None:
    if root.config_file.exists():
        projects = len(list(root.projects_dir.glob("*.yaml"))) if root.projects_dir.is_dir() else 0
        raise ProjledgerError(
            msg(
                "init.root_exists",
                root=root.path,
                config=CONFIG_FILE_NAME,
                n=projects,
                projects=PROJECTS_DIR,
            )
        )
    for name in (PROJECTS_DIR, SCHEMAS_DIR):
        existing = root.path / name
        if existing.exists() and any(existing.iterdir()):
            raise ProjledgerError(msg("init.not_empty", existing=existing))


def _said(error: ProjledgerError) -> "Renderable | str":
    """An error as it is said: in the run's language when it can be, else its text."""
    if len(error.args) == 1 and isinstance(error.args[0], Renderable):
        return error.args[0]
    return str(error)


@dataclass(frozen=True)
class _UncommittedConfig:
    """The refusal of a config an uncommitted init left that `check` fails, quoting its
    first finding in the run's language."""

    file: str
    first: Finding | None

    def render(self, lang: Lang) -> str:
        first = self.first
        if first is None:
            detail = say("init.uncommitted_config_unreadable", lang)
        else:
            detail = f"{first.line or 1}: {first.code} {first.text(lang)}"
        return say("init.uncommitted_config_fails", lang, file=self.file, detail=detail)

    def __str__(self) -> str:
        return self.render("en")
