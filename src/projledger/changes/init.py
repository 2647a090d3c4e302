"""`projledger init`: a new ledger root of the shape `check` expects, committed."""

from dataclasses import dataclass
from pathlib import Path

from projledger.errors import ProjledgerError
from projledger.gitrepo import Identity, LedgerRepo
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


def init_root(
    directory: Path, organisation: str, *, commit: bool, author: Identity | None
) -> InitResult:
    from projledger.schema_gen import expected_schemas
    from projledger.store.atomic import write_text_atomic

    directory = directory.absolute()
    root = LedgerRoot(directory)
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
        names = ", ".join(str(path.relative_to(directory)) for path in clashes)
        raise ProjledgerError(f"{directory} already has {names}; nothing was written")
    repo: LedgerRepo | None = None
    created = False
    if commit:
        existing = next(d for d in (directory, *directory.parents) if d.exists())
        try:
            repo = LedgerRepo.open(existing)
        except ProjledgerError:
            repo = None
        if repo is not None:
            repo.check_ready()
    directory.mkdir(parents=True, exist_ok=True)
    root.projects_dir.mkdir(exist_ok=True)
    root.schemas_dir.mkdir(exist_ok=True)
    for path, text in files.items():
        write_text_atomic(path, text)
    commit_id = None
    if commit:
        if repo is None:
            repo = LedgerRepo.init(directory)
            created = True
        repo.committer()
        message = f"[{organisation}] 初始化重点项目台账 (ledger root)\n\nProjledger-Command: init\n"
        commit_id = repo.commit_files(list(files), message, author)
    return InitResult(directory, list(files), commit_id, created)


def _refuse_existing(root: LedgerRoot) -> None:
    if root.config_file.exists():
        projects = len(list(root.projects_dir.glob("*.yaml"))) if root.projects_dir.is_dir() else 0
        raise ProjledgerError(
            f"{root.path} is a ledger root already ({CONFIG_FILE_NAME}, {projects} projects in "
            f"{PROJECTS_DIR}/); nothing was changed"
        )
    for name in (PROJECTS_DIR, SCHEMAS_DIR):
        existing = root.path / name
        if existing.exists() and any(existing.iterdir()):
            raise ProjledgerError(
                f"{existing} exists and is not empty; init writes there. Choose another directory"
            )
