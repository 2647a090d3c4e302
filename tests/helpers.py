"""What the tests share: the sample ledger root and its names, the real CLI in a subprocess,
git in a directory, a ledger root committed in its own git repository, a sample report, and
the tools a test needs from the machine.

Test modules import from here only, never from each other or from conftest.py (which holds
only fixtures): tests/test_layout.py checks it.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import resource
import shlex
import shutil
import subprocess
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from projledger.report.document import Column, Figure, Kind, Report, Table

REPO = Path(__file__).resolve().parent.parent
SAMPLE_ROOT = REPO / "ledgers"

# Projects of the sample that several test modules change or read.
JINGPINGANG = "laiwu-jingpingang-lvse-zhuanxing"
MATOUSHAN = "laiwu-matoushan-shuiku"
LUZHONG = "laiwu-luzhong-pijiu-zhihui-cangchu-wuliu"
SAMPLE_PROJECT = SAMPLE_ROOT / "projects" / f"{JINGPINGANG}.yaml"

# Commits made by tests are reproducible: identity and dates are pinned.
PINNED_GIT_ENV = {
    "GIT_AUTHOR_NAME": "测试员 Tester",
    "GIT_AUTHOR_EMAIL": "tester@example.com",
    "GIT_COMMITTER_NAME": "测试员 Tester",
    "GIT_COMMITTER_EMAIL": "tester@example.com",
    "GIT_AUTHOR_DATE": "2026-11-20T15:00:00+08:00",
    "GIT_COMMITTER_DATE": "2026-11-20T15:00:00+08:00",
    "GIT_CONFIG_NOSYSTEM": "1",
}
PINNED = f"{PINNED_GIT_ENV['GIT_COMMITTER_NAME']} <{PINNED_GIT_ENV['GIT_COMMITTER_EMAIL']}>"
TODAY = "2026-11-20"
"""The `--today` of change commands: the pinned commit date's day."""

# Authors of hand-made commits: (name, email).
TESTER = (PINNED_GIT_ENV["GIT_AUTHOR_NAME"], PINNED_GIT_ENV["GIT_AUTHOR_EMAIL"])
LI = ("李娜", "lina@example.gov.cn")
WANG = ("王强", "wangqiang@example.gov.cn")

CROCKFORD = "[0-9A-HJKMNP-TV-Z]"
"""One character of a new item id."""


# --- the CLI and git -------------------------------------------------------------------------


def cli_env(tmp_home: Path | None = None) -> dict[str, str]:
    """This process's environment with git's identity and dates pinned. The caller's own
    GIT_* and PROJLEDGER_* settings are left out, so they cannot change what a test sees."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PROJLEDGER_"))}
    env.update(PINNED_GIT_ENV)
    env["NO_COLOR"] = "1"
    env["COLUMNS"] = "200"
    env["PYTHONIOENCODING"] = "utf-8"
    if tmp_home is not None:
        env["HOME"] = str(tmp_home)
    return env


def run_cli(
    *args: str | Path,
    cwd: Path,
    timeout: float = 120,
    prefix: tuple[str, ...] = (),
    memory_limit: int | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run `projledger ARGS` as a user would, in its own process; `prefix` runs it under
    another command, `memory_limit` (bytes) bounds its address space."""

    def limit_memory() -> None:
        if memory_limit is not None:
            resource.setrlimit(resource.RLIMIT_AS, (memory_limit, memory_limit))

    return subprocess.run(
        [*prefix, sys.executable, "-m", "projledger", *map(str, args)],
        cwd=cwd,
        env=cli_env(),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=timeout,
        preexec_fn=limit_memory,
        check=False,
    )


# The console script: shells complete a command by its name, which `python -m` does not give.
PROJLEDGER = str(Path(sys.executable).parent / "projledger")


def completions(root: Path, line: str) -> list[str]:
    """What `projledger` offers for the last word of `line`, asked as bash asks."""
    words = line.split(" ")
    env = cli_env()
    env.update(
        _PROJLEDGER_COMPLETE="complete_bash",
        COMP_WORDS=line,
        COMP_CWORD=str(len(words) - 1),
    )
    result = subprocess.run(
        [PROJLEDGER],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


def run_cli_killed_at_commit(*args: str | Path, cwd: Path, shims: Path) -> None:
    """Run `projledger ARGS` with a `git` (in the directory `shims`) that SIGKILLs the
    command the moment it asks git to commit: after its files are written and staged,
    before the commit. A fault injected exactly where a kill by timing lands now and then."""
    shims.mkdir(parents=True, exist_ok=True)
    real_git = shutil.which("git")
    assert real_git is not None
    shim = shims / "git"
    shim.write_text(
        f'#!/bin/sh\nif [ "$1" = commit ]; then kill -9 $PPID; exit 1; fi\nexec {real_git} "$@"\n'
    )
    shim.chmod(0o755)
    completed = subprocess.run(
        [sys.executable, "-m", "projledger", *map(str, args)],
        cwd=cwd,
        env={**cli_env(), "PATH": f"{shims}{os.pathsep}{os.environ['PATH']}"},
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )
    assert completed.returncode == -9, f"not killed at its commit: {completed.stderr}"


def git(
    cwd: Path, *args: str, env: Mapping[str, str] | None = None, stdin: str | None = None
) -> str:
    """Run git in `cwd` with the pinned identity and dates (`env` adds to or replaces them)
    and return its stdout as it is; fails the test, with git's stderr, if git fails. Paths
    are printed as they are, not quoted (core.quotepath=off), so Chinese names read."""
    completed = subprocess.run(
        ["git", "-c", "core.quotepath=off", *args],
        cwd=cwd,
        env={**cli_env(), **(env or {})},
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    if completed.returncode != 0:
        raise AssertionError(f"git {' '.join(args)} failed: {completed.stderr}")
    return completed.stdout


def as_in_terminal(text: str) -> str:
    """`text` as projledger's terminal output shows it: each control character (C0 but
    tab, DEL, C1) written as `\\xNN`, never raw."""
    return re.sub(r"[\x00-\x08\x0a-\x1f\x7f-\x9f]", lambda m: f"\\x{ord(m.group()):02x}", text)


# --- tools from the machine ------------------------------------------------------------------


def on_ci() -> bool:
    """Whether CI is set to a true value, as CI runners set it (CI=true)."""
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no", "off")


def require_tool(name: str, candidates: Iterable[str], install_hint: str) -> str:
    """The path of the first of `candidates` (paths or command names) that exists. Without
    one the test is skipped, saying `NAME not found: INSTALL_HINT`; under CI the tool is
    required, so the same message fails the test instead of hiding what it checks."""
    for candidate in candidates:
        found = shutil.which(candidate)
        if found:
            return found
    message = f"{name} not found: {install_hint}"
    if on_ci():
        pytest.fail(message)
    pytest.skip(message)


def pdf_of_html(html_file: Path, pdf: Path, profile: Path) -> None:
    """Print an HTML file to `pdf` with headless Chromium, as a browser prints it on A4
    (skipped without Chromium; required under CI)."""
    binary = require_tool(
        "Chromium",
        ("/usr/bin/chromium", "chromium", "chromium-browser"),
        "install Debian's chromium (apt-get install chromium) to run the browser tests",
    )
    profile.mkdir(parents=True, exist_ok=True)
    command = [
        binary,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        f"--user-data-dir={profile}",
        f"--print-to-pdf={pdf}",
        "--no-pdf-header-footer",
        html_file.as_uri(),
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0 and pdf.is_file(), result.stderr[-3000:]


def pdf_of_docx(document: Path, out_dir: Path) -> Path:
    """Convert a .docx to PDF with LibreOffice headless, as an office would print it
    (skipped without LibreOffice; required under CI)."""
    binary = require_tool(
        "LibreOffice",
        ("soffice", "libreoffice"),
        "install Debian's libreoffice-writer-nogui to run the .docx print tests",
    )
    profile = out_dir / "lo-profile"
    command = [
        binary,
        f"-env:UserInstallation={profile.as_uri()}",
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        str(out_dir),
        str(document),
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    pdf = out_dir / (document.stem + ".pdf")
    assert result.returncode == 0 and pdf.is_file(), result.stdout + result.stderr
    return pdf


def pdf_pages(pdf: Path) -> list[tuple[float, float]]:
    """Each page's (width, height) in points, by poppler's pdfinfo."""
    pdfinfo = require_tool("pdfinfo", ("pdfinfo",), "install Debian's poppler-utils")
    count = subprocess.run([pdfinfo, str(pdf)], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", count, re.M)[1])  # type: ignore[index]
    sizes = subprocess.run(
        [pdfinfo, "-f", "1", "-l", str(pages), str(pdf)], capture_output=True, text=True, check=True
    ).stdout
    found = re.findall(r"^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", sizes, re.M)
    return [(float(w), float(h)) for w, h in found]


def pdf_text(pdf: Path) -> str:
    """The PDF's text in reading order, by poppler's pdftotext."""
    pdftotext = require_tool("pdftotext", ("pdftotext",), "install Debian's poppler-utils")
    return subprocess.run(
        [pdftotext, str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout


# --- ledger roots ----------------------------------------------------------------------------


def copy_root(target: Path, *, projects: bool = True) -> Path:
    """A copy of the sample ledger root (config, schemas and, optionally, projects)."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy(SAMPLE_ROOT / "projledger.yaml", target / "projledger.yaml")
    shutil.copytree(SAMPLE_ROOT / "schemas", target / "schemas")
    (target / "projects").mkdir()
    if projects:
        for path in (SAMPLE_ROOT / "projects").glob("*.yaml"):
            shutil.copy(path, target / "projects" / path.name)
    return target


@dataclass(frozen=True)
class Commit:
    sha: str
    parents: list[str]
    subject: str
    trailers: dict[str, str]
    author: str
    committer: str
    files: list[str]
    """`git show --name-status`: e.g. ["M\tprojects/x.yaml"]."""

    @property
    def item(self) -> str:
        return self.trailers["Projledger-Item"]


@dataclass
class Ledger:
    """A copy of the sample ledger root committed in its own git repository. Tests change
    it with the CLI (`run`, `change`, `refused`, `cli`) or by hand and plain git (`edit`,
    `commit`), and read it back (`head`, `show`, `text`, `files`, `status`).

    `top` is the work tree's top; `root` the ledger root: the same directory, or a
    subdirectory when the ledger lives inside a larger repository; `first` the first
    commit."""

    top: Path
    root: Path
    first: str

    def copy(self, top: Path) -> Ledger:
        """The repository copied to `top` (a fresh ledger from a module's template)."""
        shutil.copytree(self.top, top, symlinks=True)
        return Ledger(top, top / self.root.relative_to(self.top), self.first)

    @classmethod
    def create(
        cls,
        top: Path,
        *,
        subdir: str = "",
        projects: Iterable[Path] | None = None,
        date: str = PINNED_GIT_ENV["GIT_AUTHOR_DATE"],
    ) -> Ledger:
        """`git init -b main` in `top`, and one commit at `date` of the sample root (in
        `top / subdir`) with all its projects, or only the files `projects`."""
        root = copy_root(top / subdir if subdir else top, projects=projects is None)
        for source in projects or ():
            shutil.copy(source, root / "projects" / source.name)
        git(top, "init", "-q", "-b", "main")
        ledger = cls(top, root, first="")
        ledger.first = ledger.commit("台账初始化", date)
        return ledger

    # --- changing it by hand -------------------------------------------------------------

    def edit(self, old: str, new: str, project: str = JINGPINGANG) -> None:
        """Replace text that occurs exactly once in the project file, as a person would."""
        path = self.file(project)
        text = path.read_text(encoding="utf-8")
        assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times"
        path.write_text(text.replace(old, new), encoding="utf-8")

    def commit(
        self,
        message: str,
        date: str,
        author: tuple[str, str] = TESTER,
        committer_date: str | None = None,
    ) -> str:
        """Commit everything with plain git, authored by `author` at `date`; the commit."""
        env = {
            "GIT_AUTHOR_NAME": author[0],
            "GIT_AUTHOR_EMAIL": author[1],
            "GIT_AUTHOR_DATE": date,
            "GIT_COMMITTER_DATE": committer_date or date,
        }
        git(self.top, "add", "-A")
        git(self.top, "commit", "-q", "--allow-empty", "-m", message, env=env)
        return self.head()

    # --- reading the repository ----------------------------------------------------------

    def file(self, project: str = JINGPINGANG) -> Path:
        return self.root / "projects" / f"{project}.yaml"

    def rel(self, project: str) -> str:
        return self.file(project).relative_to(self.top).as_posix()

    def text(self, project: str) -> str:
        return self.file(project).read_text(encoding="utf-8")

    def files(self) -> dict[str, bytes]:
        return {p.name: p.read_bytes() for p in sorted((self.root / "projects").iterdir())}

    def head(self) -> str:
        return git(self.top, "rev-parse", "HEAD").strip()

    def count(self) -> int:
        return int(git(self.top, "rev-list", "--count", "HEAD"))

    def status(self) -> str:
        return git(self.top, "status", "--porcelain", "--untracked-files=all")

    def show(self, revision: str = "HEAD") -> Commit:
        fmt = "%H%x00%P%x00%s%x00%(trailers:only,unfold)%x00%an <%ae>%x00%cn <%ce>"
        fields = git(self.top, "show", "-s", f"--format={fmt}", revision).split("\x00")
        trailers: dict[str, str] = {}
        for line in fields[3].splitlines():
            key, _, value = line.partition(": ")
            assert key not in trailers, f"trailer {key} twice"
            trailers[key] = value
        return Commit(
            sha=fields[0],
            parents=fields[1].split(),
            subject=fields[2],
            trailers=trailers,
            author=fields[4],
            committer=fields[5].strip(),
            files=git(self.top, "show", "--name-status", "--format=", revision).splitlines(),
        )

    # --- running commands ----------------------------------------------------------------

    def cli(self, *args: str) -> subprocess.CompletedProcess[str]:
        """`projledger ARGS` from the ledger root."""
        return run_cli(*args, cwd=self.root)

    def json(self, *args: str) -> dict[str, Any]:
        """`projledger ARGS --format json`, which must succeed: the document."""
        result = self.cli(*args, "--format", "json")
        assert result.returncode == 0, result.stderr
        payload: dict[str, Any] = json.loads(result.stdout)
        return payload

    def run(self, command: str, today: str | None = TODAY) -> subprocess.CompletedProcess[str]:
        """`projledger COMMAND --today TODAY` from the ledger root; COMMAND is split like a
        shell would split it."""
        extra = ["--today", today] if today else []
        return run_cli(*shlex.split(command), *extra, cwd=self.root)

    def change(
        self,
        command: str,
        *,
        project: str,
        trailer: str,
        item: str | None = None,
        old: str | None = None,
        new: str | None = None,
        author: str = PINNED,
        status: str = "M",
        today: str = TODAY,
    ) -> Commit:
        """Run a change that must succeed: one commit of exactly the project's file with
        these trailers (`trailer` is Projledger-Command), authored by `author`, committed by
        the pinned identity. `item` may be "I-*" (or T-*, R-*, D-*): a new id of that list,
        which the returned `Commit.item` holds."""
        before, count, status_before = self.head(), self.count(), self.status()
        result = self.run(command, today=today)
        assert result.returncode == 0, result.stderr
        assert result.stderr == ""
        assert self.count() == count + 1, "exactly one new commit"
        commit = self.show()
        assert commit.parents == [before]
        assert commit.files == [f"{status}\t{self.rel(project)}"]
        if item is not None and item.endswith("-*"):
            made = commit.trailers.get("Projledger-Item", "")
            assert re.fullmatch(rf"{item[0]}-{CROCKFORD}{{6}}", made), made
            item = made
        expected = {
            "Projledger-Command": trailer,
            "Projledger-Project": project,
            "Projledger-Item": item,
            "Projledger-From": old,
            "Projledger-To": new,
        }
        assert commit.trailers == {k: v for k, v in expected.items() if v is not None}
        assert commit.author == author
        assert commit.committer == PINNED
        assert self.status() == status_before, "the commit took exactly the change"
        # What the user reads: one Chinese line, the commit's subject and short id.
        assert result.stdout == f"{commit.subject}（提交 {commit.sha[:8]}）\n"
        return commit

    def refused(self, command: str, *, exit_code: int = 1, today: str = TODAY) -> str:
        """Run a change that must be refused: one error message on stderr and no
        traceback; nothing written, no commit, the status as it was. Returns stderr."""
        before, files, status = self.head(), self.files(), self.status()
        result = self.run(command, today=today)
        assert result.returncode == exit_code, (result.stdout, result.stderr)
        assert "Traceback" not in result.stderr
        prefixes = ("projledger: error: ", "projledger: 错误：")  # the ledger's language
        if exit_code == 1 or result.stderr.startswith(prefixes):
            # projledger's own usage errors (an ambiguous name, exit 2) are one line too.
            assert result.stderr.startswith(prefixes), result.stderr
            assert sum(result.stderr.count(prefix) for prefix in prefixes) == 1
        else:
            # click's usage error, in the ledger's language (cli/usage_errors.py)
            assert result.stderr.startswith(("Usage: ", "用法：")), result.stderr
        assert self.head() == before
        assert self.files() == files
        assert self.status() == status
        return result.stderr


def hand_ledger(top: Path, *, subdir: str = "") -> Ledger:
    """The sample's one project JINGPINGANG in a repository of its own, first committed on
    2026-11-01, for tests that change it by hand and plain git."""
    return Ledger.create(
        top, subdir=subdir, projects=[SAMPLE_PROJECT], date="2026-11-01T09:00:00+08:00"
    )


NEW_ISSUE = """
  - id: I-7WQ3NB
    title: 厂区南侧排水管网接入
    category: 配套
    source: 周调度
    cause_side: 政府
    raised: 2026-11-02
    state: 已登记
"""


def add_issue(ledger: Ledger) -> None:
    """NEW_ISSUE typed into the sample project's issues, by hand."""
    ledger.edit("\ntasks:\n", NEW_ISSUE + "\ntasks:\n")


# --- reports ---------------------------------------------------------------------------------


def sample_report() -> Report:
    """A monthly report: every kind of value, a table without rows, invalid files, notes."""
    projects = Table(
        key="projects",
        title="项目投资完成情况",
        note="完成率 = 本年完成投资 ÷ 年度计划投资；较上月为百分点。",
        columns=[
            Column("id", "项目编号"),
            Column("name", "项目名称"),
            Column("unit", "责任单位"),
            Column("plan", "年度计划(万元)", Kind.AMOUNT),
            Column("done", "本年完成(万元)", Kind.AMOUNT),
            Column("rate", "完成率", Kind.PERCENT),
            Column("change", "较上月", Kind.POINTS),
            Column("issues", "未结问题", Kind.INT),
            Column("due", "下一时限", Kind.DATE),
            Column("light", "亮灯", Kind.LIGHT),
        ],
        rows=[
            [
                "XM-2026-001",
                "莱芜经济开发区精品钢绿色转型升级项目",
                "区住建局",
                647.4,
                629.0,
                0.972,
                13.8,
                2,
                dt.date(2026, 12, 15),
                "green",
            ],
            [
                "XM-2026-017",
                "雪野湖片区污水管网|提标改造\n（二期）",
                "区水利局",
                1_280_000.0,
                51_200.5,
                0.04,
                -4.0,
                5,
                dt.date(2026, 11, 30),
                "red",
            ],
            ["XM-2026-023", "智慧物流园", "区发改局", 3200, None, None, None, 0, None, "yellow"],
        ],
    )
    issues = Table(
        key="issues",
        title="逾期问题",
        note="截至报告日已超过时限、尚未销号的问题。",
        columns=[
            Column("id", "问题编号"),
            Column("title", "问题"),
            Column("due", "时限", Kind.DATE),
            Column("days", "逾期天数", Kind.INT),
        ],
        rows=[],
    )
    return Report(
        kind="monthly",
        title="2026年11月重点项目月报",
        organisation="莱芜区重点项目推进办公室",
        lang="zh",
        period_start=dt.date(2026, 11, 1),
        period_end=dt.date(2026, 11, 30),
        as_of=dt.date(2026, 11, 20),
        source="commit 77c1436 (工作区有未提交的修改)",
        invalid_files=["projects/broken-项目.yaml", "projects/bad|name.yaml"],
        figures=[
            Figure("projects", "项目总数", 3, Kind.INT),
            Figure("plan", "年度计划投资(万元)", 1_283_847.4, Kind.AMOUNT),
            Figure("rate", "投资完成率", 0.972, Kind.PERCENT),
            Figure("change", "较上月", 13.8, Kind.POINTS),
            Figure("next_due", "最近时限", dt.date(2026, 11, 30), Kind.DATE),
            Figure("light", "总体亮灯", "yellow", Kind.LIGHT),
            Figure("missing", "上年同期", None, Kind.AMOUNT),
        ],
        tables=[projects, issues],
        notes=["仓库没有上月的提交，问题流转按本月计。"],
    )
