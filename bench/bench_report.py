"""Time `projledger overdue` against `check`, and `projledger report weekly` against the git
reads a weekly report cannot avoid, on a large ledger with a 1-year and a 3-year history.

Usage: python bench/bench_report.py [--projects 10000] [--repeat 3] [--keep DIR] [--quick]
                                    [--seed S]

Builds two git repositories holding the same synthetic ledger root (bench/generate.py):
the same final tree and the same last year of commits (including 2026-W47, the measured
week: ~400 commits changing ~700 project files, with real issue transitions), one with a
year of history before 2026-W47 and one with three. The earlier history has ~5,000
commits a year, each changing 1-3 project files (an investment figure, a progress note, a
task's note, an extension, an issue moving through the loop), dated on weekdays 9:00-18:00
+0800. Every version of every file is a valid project. Trees are written by parallel
`git fast-import` runs; the real commits are then laid over those trees (see `build`).

Then, each command in a fresh child process, rows interleaved in `--repeat` rounds, the
median counting:

- `check ROOT` and `overdue --root ROOT --as-of 2026-11-20`, cold (`ROOT/.projledger/`
  deleted first) and warm (run again): target overdue/check <= 1.0 for both;
- the baseline of the weekly report: `git log --raw --no-renames --no-abbrev
  --since=2026-11-14 -- projects` and one `git cat-file --batch` of every blob it names;
- `report weekly --root ROOT --week 2026-W47`, cold and warm, on both repositories:
  target 3y/1y <= 1.2 (the report's cost follows the week's changes, not the history);
- as text (what a terminal, or a pipe, gets), warm: `overdue` and `due --within 7d`
  against `check`, target <= 1.2; `report weekly` against the same report as JSON, target
  <= 1.5; and `report weekly` as html, md and xlsx: the peak memory (max RSS, measured in
  the warm-up round) of every report weekly run, any format, target <= 300 MB.

Always exits 0: this reports, it does not gate.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from functools import partial
from pathlib import Path
from typing import IO, Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import generate  # the sibling modules (bench/ is on sys.path)
import vocab
from bench_change import child_env
from bench_history import projledger
from benchgit import GIT_ENV, STAFF, git

from projledger.model.project import Issue

Json = dict[str, Any]

WEEK = "2026-W47"
WEEK_FIRST = dt.date(2026, 11, 16)  # its Monday
WEEK_WORKDAYS = 5  # commits are made Monday to Friday, up to generate.AS_OF (2026-11-20)
AS_OF = generate.AS_OF
BASELINE_SINCE = "2026-11-14"  # the week with a 2-day margin, as the report would ask git
TZ = dt.timezone(dt.timedelta(hours=8))
YEARS = (1, 3)
CACHE_DIR = ".projledger"
OVERDUE_TARGET = 1.0
LENGTH_TARGET = 1.2
TEXT_TARGET = 1.2
"""`overdue` and `due` as text, warm, over `check` warm."""
WEEKLY_TEXT_TARGET = 1.5
"""`report weekly` as text, warm, over the same report as JSON."""
MEMORY_TARGET_MB = 300.0
"""Peak memory (max RSS) of `report weekly` in any format."""
FILE_FORMATS = ("html", "md", "xlsx")
TIMEOUT = 1800.0
BUILD_FILE = "build.json"
"""In --keep DIR: how the repositories there were built (written last, so only when done)."""
NULL_BLOB = "0" * 40


@dataclass(frozen=True)
class Scale:
    projects: int
    commits_per_year: int
    """Commits of the history before the measured week, per year."""
    week_commits: int
    """Commits in the measured week."""


FULL = Scale(10000, 5000, 400)
QUICK = Scale(1000, 1500, 120)


# --- the projects ---------------------------------------------------------------------------


def _build_chunk(seed: int, people: generate.People, indexes: range) -> list[tuple[Json, bytes]]:
    out = []
    for index in indexes:
        project = generate.build_project(generate.project_rng(seed, index), index, people)
        out.append((project, generate.render_project(project).encode()))
    return out


def build_projects(count: int, seed: int, jobs: int) -> list[tuple[Json, bytes]]:
    """The generated projects as dicts (to edit) and texts (the first commit's files),
    exactly what `generate.generate_root` writes, built by `jobs` processes."""
    people = generate.config_people(seed)
    step = -(-count // (jobs * 4))
    chunks = [range(i, min(i + step, count)) for i in range(0, count, step)]
    with ProcessPoolExecutor(jobs) as executor:
        parts = executor.map(partial(_build_chunk, seed, people), chunks)
        return [item for part in parts for item in part]


class Ledger:
    """The current version of every project: its dict and its rendered text."""

    def __init__(self, built: list[tuple[Json, bytes]], rng: random.Random) -> None:
        self.projects = [project for project, _ in built]
        self.texts = [text for _, text in built]
        # Some projects are busy (new builds, projects with problems), most are quiet.
        self.hot = rng.sample(range(len(built)), max(len(built) // 5, 1))

    def path(self, index: int) -> str:
        return f"projects/{self.projects[index]['id']}.yaml"

    def pick(self, rng: random.Random) -> int:
        return rng.choice(self.hot) if rng.random() < 0.7 else rng.randrange(len(self.projects))

    def rerender(self, index: int) -> bytes:
        self.texts[index] = generate.render_project(self.projects[index]).encode()
        return self.texts[index]

    def files(self) -> Iterator[tuple[str, bytes]]:
        for index, text in enumerate(self.texts):
            yield self.path(index), text


# --- edits: what one commit does to one project file ------------------------------------------


@dataclass(frozen=True)
class Edit:
    """One change to one project, described as projledger's own commands describe theirs."""

    command: str
    summary: str
    item: str | None = None
    old: str | None = None
    new: str | None = None


# An edit applies to the project if it can (mutating it in place) and says what it did.
EditFn = Callable[[Json, dt.date, random.Random], Edit | None]

ISSUE_FIELDS = tuple(Issue.model_fields)
OPEN = ("已交办", "办理中", "持续推进")
MAX_NOTES = 4  # notes are never deleted (audit forbids it), so busy issues stop gaining them
MAX_EXTENSIONS = 3


def _put(mapping: Json, key: str, value: Any, order: Sequence[str]) -> None:
    """Set `key` at its place in the model's field order, as projledger writes files."""
    if key in mapping or key not in order:
        mapping[key] = value
        return
    rank = order.index(key)
    items = list(mapping.items())
    mapping.clear()
    for k, v in items:
        if key not in mapping and k in order and order.index(k) > rank:
            mapping[key] = value
        mapping[k] = v
    mapping.setdefault(key, value)


def _new_id(project: Json, prefix: str, rng: random.Random) -> str:
    used = {
        item["id"]
        for name in ("responsibilities", "issues", "tasks", "deadlines")
        for item in project.get(name, ())
    }
    while True:
        item_id = f"{prefix}-{''.join(rng.choices(generate.CROCKFORD, k=6))}"
        if item_id not in used:
            return item_id


def _role(project: Json, role: str) -> Json:
    return next(r for r in project["responsibilities"] if r["role"] == role)


def _leader(project: Json) -> str:
    return str(_role(project, "包抓领导")["person"])


def _template(issue: Json, rng: random.Random) -> vocab.IssueTemplate:
    """A template of the issue's category, for the texts of its next records."""
    same = [t for t in vocab.ISSUES if t.category == issue["category"]]
    return rng.choice(same or vocab.ISSUES)


def _fill(text: str, project: Json, day: dt.date, rng: random.Random, n: int) -> str:
    return text.format(
        n=n,
        half=max(n // 2, 1),
        k=rng.randint(3, 180),
        year=day.year,
        m=day.month,
        town=project["locality"],
        prov=vocab.PROVINCE_PREFIX,
    )


def _last_date(issue: Json) -> dt.date:
    """The latest date on the issue's record: a new record must not come before it."""
    dates = [issue["raised"]]
    dates += [note["date"] for note in issue.get("progress", ())]
    dates += [ret["date"] for ret in issue.get("returns", ())]
    if "verification" in issue:
        dates.append(issue["verification"]["date"])
    return max(dates)


def _issue(project: Json, states: Iterable[str], day: dt.date, rng: random.Random) -> Json | None:
    """A random issue in one of `states` whose record has nothing dated after `day`."""
    wanted = set(states)
    found = [i for i in project["issues"] if i["state"] in wanted and _last_date(i) <= day]
    return rng.choice(found) if found else None


def _deadline_basis(day: dt.date) -> str:
    return f"{day.year}年第{day.isocalendar().week}周周调度会议纪要"


def register_issue(project: Json, day: dt.date, rng: random.Random) -> Edit:
    """梳理: a new issue from the weekly dispatch; half of them assigned at once (交办)."""
    template = rng.choice(vocab.ISSUES)
    n = rng.choice(template.ns)
    issue: Json = {
        "id": _new_id(project, "I", rng),
        "title": _fill(template.title, project, day, rng, n),
        "category": template.category,
        "source": "周调度",
        "cause_side": template.cause,
        "raised": day,
        "coordination_level": 1,
        "state": "已登记",
    }
    due = ""
    if rng.random() < 0.5:
        _assign(project, issue, day, rng)
        due = f", 限 {project['deadlines'][-1]['due']}"
    project["issues"].append(issue)
    title = f"新增问题 {issue['id']}: {issue['title']}{due}"
    return Edit("add issue", title, issue["id"], new=issue["state"])


def _assign(project: Json, issue: Json, day: dt.date, rng: random.Random) -> None:
    """交办: the lead unit answers for it, with a time limit."""
    lead = _role(project, "牵头单位")
    if not issue.get("unit"):
        _put(issue, "unit", lead["unit"], ISSUE_FIELDS)
        _put(issue, "person", lead["person"], ISSUE_FIELDS)
    if not issue.get("measures"):
        template = _template(issue, rng)
        measures = _fill(template.measures, project, day, rng, rng.choice(template.ns))
        _put(issue, "measures", measures, ISSUE_FIELDS)
    issue["state"] = "已交办"
    due = day + dt.timedelta(days=rng.choice((15, 20, 30, 45, 60)))
    project["deadlines"].append(
        {
            "id": _new_id(project, "D", rng),
            "target": issue["id"],
            "due": due,
            "basis": _deadline_basis(day),
        }
    )


def assign_issue(project: Json, day: dt.date, rng: random.Random) -> Edit | None:
    issue = _issue(project, ("已登记",), day, rng)
    if issue is None or any(d["target"] == issue["id"] for d in project["deadlines"]):
        return None
    _assign(project, issue, day, rng)
    return _step(issue, "已登记", "已交办")


def _step(issue: Json, old: str, new: str) -> Edit:
    verb = "销号" if new == "已销号" else new
    return Edit("advance", f"问题 {issue['id']} {verb}: {old} → {new}", issue["id"], old, new)


def _note(project: Json, issue: Json, day: dt.date, rng: random.Random) -> str:
    template = _template(issue, rng)
    note = _fill(rng.choice(template.notes), project, day, rng, rng.choice(template.ns))
    _put(issue, "progress", [*issue.get("progress", ()), {"date": day, "note": note}], ISSUE_FIELDS)
    return note


def start_issue(project: Json, day: dt.date, rng: random.Random) -> Edit | None:
    """已交办 → 办理中, with the first progress note."""
    issue = _issue(project, ("已交办",), day, rng)
    if issue is None:
        return None
    issue["state"] = "办理中"
    if len(issue.get("progress", ())) < MAX_NOTES:
        _note(project, issue, day, rng)
    return _step(issue, "已交办", "办理中")


def submit_issue(project: Json, day: dt.date, rng: random.Random) -> Edit | None:
    """办理中 → 待核验: the owner reports it solved, with evidence."""
    issue = _issue(project, ("办理中", "持续推进"), day, rng)
    if issue is None:
        return None
    template, old = _template(issue, rng), issue["state"]
    n = rng.choice(template.ns)
    verification = {
        "date": day,
        "evidence": _fill(template.evidence, project, day, rng, n),
        "explanation": _fill(template.explanation, project, day, rng, n),
    }
    _put(issue, "verification", verification, ISSUE_FIELDS)
    issue["state"] = "待核验"
    return _step(issue, old, "待核验")


def close_issue(project: Json, day: dt.date, rng: random.Random) -> Edit | None:
    """待核验 → 已销号: verified, with the verifier's record."""
    issue = _issue(project, ("待核验",), day, rng)
    if issue is None:
        return None
    closure = {
        "date": day,
        "verifier": _leader(project),
        "evidence": issue["verification"]["evidence"],
    }
    _put(issue, "closure", closure, ISSUE_FIELDS)
    issue["state"] = "已销号"
    return _step(issue, "待核验", "已销号")


def return_issue(project: Json, day: dt.date, rng: random.Random) -> Edit | None:
    """退回: verification refused, back to 办理中 with the reason."""
    issue = _issue(project, ("待核验",), day, rng)
    if issue is None:
        return None
    reason = rng.choice(vocab.RETURN_REASONS)
    returns = [*issue.get("returns", ()), {"date": day, "reason": reason, "by": _leader(project)}]
    _put(issue, "returns", returns, ISSUE_FIELDS)
    issue["state"] = "办理中"
    return Edit("return", f"问题 {issue['id']} 退回: {reason}", issue["id"], "待核验", "办理中")


def log_progress(project: Json, day: dt.date, rng: random.Random) -> Edit | None:
    issue = _issue(project, OPEN, day, rng)
    if issue is None or len(issue.get("progress", ())) >= MAX_NOTES:
        return None
    note = _note(project, issue, day, rng)
    return Edit("log", f"问题 {issue['id']} 进展: {note}", issue["id"])


def _open_targets(project: Json) -> set[str]:
    targets = {i["id"] for i in project["issues"] if i["state"] not in ("已销号", "已撤销")}
    targets |= {t["id"] for t in project["tasks"] if t.get("state") != "已完成"}
    targets |= {
        f"approval:{name}"
        for name, approval in project.get("approvals", {}).items()
        if approval["status"] in ("未办理", "办理中")
    }
    schedule = project.get("schedule", {})
    for milestone, key in (
        ("开工", "actual_start"),
        ("竣工", "actual_completion"),
        ("投产", "actual_operation"),
    ):
        if key not in schedule:
            targets.add(f"milestone:{milestone}")
    return targets


def extend_deadline(project: Json, day: dt.date, rng: random.Random) -> Edit | None:
    """延期 of an open item's deadline that falls due about now."""
    targets = _open_targets(project)
    found = []
    for deadline in project["deadlines"]:
        extensions = deadline.get("extensions", [])
        due = extensions[-1]["new_due"] if extensions else deadline["due"]
        recent = extensions[-1]["date"] if extensions else dt.date.min
        near = -10 <= (due - day).days <= 20
        room = len(extensions) < MAX_EXTENSIONS
        if deadline["target"] in targets and near and room and recent <= day:
            found.append((deadline, due))
    if not found:
        return None
    deadline, due = rng.choice(found)
    new_due = due + dt.timedelta(days=rng.choice((10, 15, 30, 45, 60)))
    extension = {
        "date": day,
        "new_due": new_due,
        "reason": rng.choice(vocab.EXTENSION_REASONS),
        "approver": _leader(project),
    }
    deadline["extensions"] = [*deadline.get("extensions", ()), extension]
    summary = f"延期 {deadline['id']} ({deadline['target']}): {due} → {new_due}"
    return Edit("extend", summary, deadline["id"], str(due), str(new_due))


def report_investment(project: Json, day: dt.date, rng: random.Random) -> Edit | None:
    """本年累计完成 grows, never past the total."""
    investment = project["investment"]
    plan, done = investment["plan_this_year"], investment.get("completed_this_year")
    if done is None or not plan:
        return None
    room = investment["total"] - investment["completed_before_year"] - done
    new = min(round(done + plan * rng.uniform(0.005, 0.03), 1), done + room)
    if new <= done:
        return None
    investment["completed_this_year"] = new
    if "updated" in investment:
        investment["updated"] = day
    return Edit("set", f"本年累计完成投资: {done:g} → {new:g}", old=f"{done:g}", new=f"{new:g}")


def note_task(project: Json, day: dt.date, rng: random.Random) -> Edit:
    """Always applies: the fallback when the edit drawn fits nowhere."""
    task = rng.choice(project["tasks"])
    phrase = rng.choice(("进度正常", "加快推进", "已协调解决", "待复核", "按计划推进"))
    task["note"] = f"{day.month}月{day.day}日周调度：{phrase}"
    return Edit("set", f"任务 {task['id']} 备注: {task['note']}", task["id"])


# Per 700 file changes, roughly what a busy week of a city's ledger sees.
EDITS: dict[EditFn, int] = {
    register_issue: 60,
    assign_issue: 50,
    start_issue: 60,
    submit_issue: 50,
    close_issue: 50,
    return_issue: 15,
    extend_deadline: 40,
    report_investment: 200,
    log_progress: 120,
    note_task: 55,
}
FILES_PER_COMMIT = {1: 45, 2: 35, 3: 20}
"""Most commits are one command's; some are a batch typed in by hand (mean 1.75 files)."""
TRIES = 40


def edit_some(ledger: Ledger, day: dt.date, rng: random.Random) -> list[tuple[int, Edit]]:
    """The edits of one commit: 1-3 different projects, each with one edit."""
    count = rng.choices(list(FILES_PER_COMMIT), weights=list(FILES_PER_COMMIT.values()))[0]
    done: list[tuple[int, Edit]] = []
    for _ in range(count):
        used = {index for index, _ in done}
        edit_fn = rng.choices(list(EDITS), weights=list(EDITS.values()))[0]
        for _ in range(TRIES):
            index = ledger.pick(rng)
            edit = None if index in used else edit_fn(ledger.projects[index], day, rng)
            if edit:
                break
        else:
            index = ledger.pick(rng)
            while index in used:
                index = ledger.pick(rng)
            edit = note_task(ledger.projects[index], day, rng)
        done.append((index, edit))
    return done


def message(ledger: Ledger, edits: Sequence[tuple[int, Edit]]) -> str:
    """projledger's own message for one edit; a hand-made batch's for several."""
    if len(edits) == 1:
        index, edit = edits[0]
        project = ledger.projects[index]
        trailers = [
            ("Projledger-Command", edit.command),
            ("Projledger-Project", project["id"]),
            ("Projledger-Item", edit.item),
            ("Projledger-From", edit.old),
            ("Projledger-To", edit.new),
        ]
        lines = [f"{key}: {value}" for key, value in trailers if value]
        return f"[{project['name']}] {edit.summary}\n\n" + "\n".join(lines) + "\n"
    body = [f"- [{ledger.projects[index]['name']}] {edit.summary}" for index, edit in edits]
    return f"周调度：更新{len(edits)}个项目\n\n" + "\n".join(body) + "\n"


# --- when commits happen ---------------------------------------------------------------------


def history_start(years: int) -> dt.date:
    """The Monday `years` x 52 weeks before the measured week: where a history begins."""
    return WEEK_FIRST - dt.timedelta(weeks=52 * years)


def epoch(day: dt.date, seconds: int = 0) -> int:
    return int(dt.datetime.combine(day, dt.time(), TZ).timestamp()) + seconds


def working_times(rng: random.Random, first: dt.date, days: int, count: int) -> list[int]:
    """`count` sorted moments on the weekdays of `days` days from `first`, 9:00-18:00."""
    weekdays = [first + dt.timedelta(days=d) for d in range(days)]
    weekdays = [day for day in weekdays if day.weekday() < 5]
    picked = rng.choices(weekdays, k=count)
    return sorted(epoch(day, 9 * 3600 + rng.randrange(9 * 3600)) for day in picked)


def commit_times(scale: Scale, rng: random.Random) -> list[int]:
    """Three years before the measured week, then the week (the 1-year history is the
    last third of the earlier commits, and the same week)."""
    first = history_start(max(YEARS))
    earlier = working_times(
        rng, first, (WEEK_FIRST - first).days, scale.commits_per_year * max(YEARS)
    )
    return earlier + working_times(rng, WEEK_FIRST, WEEK_WORKDAYS, scale.week_commits)


@dataclass(frozen=True)
class Meta:
    """A commit as it will be in both repositories: when, who, why (its tree comes later)."""

    when: int
    author: str
    message: str


@dataclass(frozen=True)
class History:
    """What `stitch` needs: the commits, their trees, and where the 1-year history starts."""

    first: str
    """The tree of the 3-year history's first commit (the generated root)."""
    trees: list[str]
    """The tree after each commit."""
    metas: list[Meta]
    cut: int
    """The first commit of the 1-year history."""


def _author(rng: random.Random) -> str:
    return f"{rng.choice(STAFF)} <staff@example.gov.cn>"


# --- writing the trees: parallel git fast-import ---------------------------------------------


class TreeWriter:
    """Writes the tree of every commit, one `git fast-import` per segment of the history,
    all running at once.

    Each 10,000-entry tree costs fast-import ~12 ms, so 15,000 commits take three minutes
    in one stream. Each segment has its own stream and ref (`refs/segments/N`) and starts
    with a commit of every file as the previous segment left it, so segment N does not
    wait for segment N-1. The segments' commits are scaffolding: `stitch` writes the real
    ones over their trees.
    """

    def __init__(self, repo: Path, work: Path) -> None:
        self.repo = repo
        self.work = work
        self.segments = 0
        self.stream: IO[bytes] | None = None
        self.running: list[tuple[subprocess.Popen[bytes], Path]] = []

    def begin(self, files: Iterable[tuple[str, bytes]], when: int) -> None:
        """A new segment, starting from `files` (every file of the root)."""
        self.end()
        self.stream = (self.work / f"segment-{self.segments}.fi").open("wb")
        self.commit(when, files)

    def commit(self, when: int, files: Iterable[tuple[str, bytes]]) -> None:
        assert self.stream is not None
        write = self.stream.write
        write(b"commit refs/segments/%d\n" % self.segments)
        write(b"committer bench <bench@example.com> %d +0800\ndata 0\n" % when)
        for path, text in files:
            write(b"M 100644 inline %s\ndata %d\n%s\n" % (path.encode(), len(text), text))
        write(b"\n")

    def end(self) -> None:
        """Close the current segment's stream and start importing it."""
        if self.stream is None:
            return
        self.stream.close()
        errors = self.work / f"segment-{self.segments}.err"
        stream = self.work / f"segment-{self.segments}.fi"
        with stream.open("rb") as stdin, errors.open("wb") as stderr:
            process = subprocess.Popen(
                ["git", "fast-import", "--quiet"],
                cwd=self.repo,
                stdin=stdin,
                stdout=subprocess.DEVNULL,
                stderr=stderr,
                env={**os.environ, **GIT_ENV},
            )
        self.running.append((process, errors))
        self.segments += 1
        self.stream = None

    def trees(self) -> tuple[str, list[str]]:
        """Wait for the imports; the first tree, and the tree after each planned commit."""
        self.end()
        for process, errors in self.running:
            if process.wait() != 0:
                raise RuntimeError(f"git fast-import failed: {errors.read_text()}")
        after: list[str] = []
        for number in range(self.segments):
            ref = f"refs/segments/{number}"
            trees = git(self.repo, "log", "--reverse", "--format=%T", ref).split()
            if after and trees[0] != after[-1]:  # the segment starts where the last ended
                raise RuntimeError(f"segment {number} does not continue segment {number - 1}")
            after += trees if number == 0 else trees[1:]
            git(self.repo, "update-ref", "-d", ref)
        return after[0], after[1:]


def _commit_record(ref: str, meta: Meta, tree: str) -> bytes:
    text = meta.message.encode()
    author = meta.author.encode()
    return (
        b"commit %s\n" % ref.encode()
        + b"author %s %d +0800\ncommitter %s %d +0800\n" % (author, meta.when, author, meta.when)
        + b"data %d\n%s\n" % (len(text), text)
        + b'M 040000 %s ""\n\n' % tree.encode()  # the whole root tree, as written before
    )


def stitch(repo: Path, history: History) -> None:
    """The real commits, over the trees already written (~0.1 ms a commit): `main` from the
    3-year history's first commit, and `y1` from a first commit of the state at the cut
    followed by the same commits (same trees, same authors, dates and messages)."""
    commits = list(zip(history.metas, history.trees, strict=True))
    cut = history.cut
    records = [_commit_record("refs/heads/main", _first_commit(max(YEARS)), history.first)]
    records += [_commit_record("refs/heads/main", meta, tree) for meta, tree in commits]
    short = _first_commit(min(YEARS))
    records.append(_commit_record("refs/heads/y1", short, history.trees[cut - 1]))
    records += [_commit_record("refs/heads/y1", meta, tree) for meta, tree in commits[cut:]]
    git(repo, "fast-import", "--quiet", stdin=b"".join(records))


def _first_commit(years: int) -> Meta:
    """The commit that brought the ledger into git, on the morning its history begins."""
    when = epoch(history_start(years), 8 * 3600 + 1800)
    return Meta(when, f"{STAFF[0]} <staff@example.gov.cn>", "台账初始化：导入全部重点项目\n")


# --- building both repositories ---------------------------------------------------------------


def write_history(
    repo: Path,
    work: Path,
    ledger: Ledger,
    config: bytes,
    scale: Scale,
    rng: random.Random,
    jobs: int,
) -> History:
    """Edit the ledger commit by commit, writing each commit's files into a segment."""
    times = commit_times(scale, rng)
    cut = next(i for i, when in enumerate(times) if when >= epoch(history_start(min(YEARS))))
    bounds = {round(k * len(times) / jobs) for k in range(1, jobs)}
    writer = TreeWriter(repo, work)
    writer.begin([("projledger.yaml", config), *ledger.files()], _first_commit(max(YEARS)).when)
    metas: list[Meta] = []
    for number, when in enumerate(times):
        if number in bounds:
            writer.begin([("projledger.yaml", config), *ledger.files()], when)
        edits = edit_some(ledger, dt.datetime.fromtimestamp(when, TZ).date(), rng)
        metas.append(Meta(when, _author(rng), message(ledger, edits)))
        writer.commit(when, [(ledger.path(i), ledger.rerender(i)) for i, _ in edits])
    first, trees = writer.trees()
    return History(first, trees, metas, cut)


def build(out: Path, scale: Scale, seed: int, jobs: int) -> None:
    """`out/3y` and `out/1y`: the same final tree and last year, histories of 3 and 1 year."""
    started = time.perf_counter()
    repo, work = out / "3y", out / "streams"
    work.mkdir(parents=True)
    git(out, "init", "-q", "-b", "main", str(repo))
    built = build_projects(scale.projects, seed, jobs)
    print(f"built {scale.projects} projects in {time.perf_counter() - started:.1f} s", flush=True)

    phase = time.perf_counter()
    rng = random.Random(f"bench-report:{seed}")
    config = generate.render_config(generate.config_people(seed)).encode()
    history = write_history(repo, work, Ledger(built, rng), config, scale, rng, jobs)
    print(
        f"wrote the trees of {len(history.trees)} commits ({jobs} fast-import runs) in "
        f"{time.perf_counter() - phase:.1f} s",
        flush=True,
    )

    phase = time.perf_counter()
    stitch(repo, history)
    shutil.rmtree(work)
    split(repo, out / "1y")
    print(f"committed, split, packed, checked out in {time.perf_counter() - phase:.1f} s")
    print(f"build took {time.perf_counter() - started:.1f} s", flush=True)


def split(repo: Path, short: Path) -> None:
    """Move branch y1 into its own repository; pack both as git gc keeps a used one, and
    check out the final tree."""
    git(repo.parent, "init", "-q", "-b", "main", str(short))
    git(short, "fetch", "-q", "--no-tags", "--update-head-ok", str(repo), "y1:main")
    git(repo, "update-ref", "-d", "refs/heads/y1")
    with ThreadPoolExecutor(2) as executor:
        list(executor.map(_pack_and_check_out, (repo, short)))


def _pack_and_check_out(repo: Path) -> None:
    git(repo, "reflog", "expire", "--expire=now", "--all")
    git(repo, "gc", "-q", "--prune=now")  # drops the scaffolding; writes the commit-graph
    git(repo, "reset", "-q", "--hard")


def prepare(keep: Path | None, scale: Scale, seed: int, work: Path) -> dict[int, Path] | None:
    """The two roots: reused from `keep` if built there with the same settings."""
    out = keep or work / "roots"
    roots = {years: out / f"{years}y" for years in YEARS}
    settings = {**asdict(scale), "seed": seed}
    record = out / BUILD_FILE
    if record.is_file():
        built = json.loads(record.read_text(encoding="utf-8"))
        if built.get("settings") == settings:
            print(f"reusing {out} (built in {built['seconds']:.0f} s)")
            return roots
        print(f"{out} holds a build with other settings ({built.get('settings')}); give another")
        return None
    if out.exists() and any(out.iterdir()):
        print(f"{out} exists and is not a build of this benchmark; give another directory")
        return None
    started = time.perf_counter()
    build(out, scale, seed, os.cpu_count() or 1)
    seconds = time.perf_counter() - started
    record.write_text(json.dumps({"settings": settings, "seconds": seconds}), encoding="utf-8")
    return roots


# --- what was built ---------------------------------------------------------------------------


@dataclass(frozen=True)
class WeekCount:
    commits: int
    changes: int
    """File changes (`git log --raw` lines) under projects/."""


def count_week(root: Path) -> WeekCount:
    last = WEEK_FIRST + dt.timedelta(days=6)
    out = git(
        root,
        "log",
        "--raw",
        "--no-renames",
        "--format=commit %H",
        f"--since={WEEK_FIRST}T00:00:00+08:00",
        f"--until={last}T23:59:59+08:00",
        "--",
        "projects",
    )
    lines = out.splitlines()
    commits = sum(line.startswith("commit ") for line in lines)
    return WeekCount(commits, sum(line.startswith(":") for line in lines))


def describe(roots: dict[int, Path]) -> WeekCount:
    """Commits, dates and pack size of each repository; they must end in the same tree."""
    week = WeekCount(0, 0)
    for years, root in roots.items():
        count = git(root, "rev-list", "--count", "HEAD")
        dates = git(root, "log", "--format=%ad", "--date=short").split()
        pack = next(
            line.split(": ")[1]
            for line in git(root, "count-objects", "-vH").splitlines()
            if line.startswith("size-pack")
        )
        week = count_week(root)
        print(
            f"{years}y: {int(count):,} commits, {dates[-1]} .. {dates[0]}, pack {pack}; "
            f"{WEEK}: {week.commits} commits, {week.changes} file changes"
        )
    heads = {git(root, "rev-parse", "HEAD^{tree}") for root in roots.values()}
    print(f"same final tree: {'yes' if len(heads) == 1 else 'NO'}")
    return week


# --- timing -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Run:
    seconds: float
    ok: bool
    detail: str
    """What went wrong (exit code and stderr), or a short note on the output."""
    cpu: float = 0.0
    """CPU seconds (user + system) of the processes it ran, their workers included: less
    moved by a busy shared machine than the wall time the targets are set on."""
    peak_mb: float = 0.0
    """The largest resident set of the command's process or any it waited for (MiB)."""


def children_cpu() -> float:
    """CPU seconds of every child process waited for so far (a difference times one run)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


PEAK_LAUNCHER = """
import os, subprocess, sys
child = subprocess.Popen(sys.argv[2:])
_, status, usage = os.wait4(child.pid, 0)
with open(sys.argv[1], "w") as out:
    out.write(str(usage.ru_maxrss))
sys.exit(os.waitstatus_to_exitcode(status) & 255)
"""
"""Runs a command and writes its peak RSS (KiB) to a file. A process's max RSS counts the
image it was started from before `exec`: started straight from this benchmark, every
command would show the benchmark's own size, so it is started from this small process."""


def run_command(
    command: Sequence[str], root: Path, env: dict[str, str], cold: bool, memory: bool = False
) -> Run:
    """One child process, wall time from launch to exit; cold: caches deleted first;
    memory: through `PEAK_LAUNCHER`, for its peak RSS (not timed: the launcher's start-up
    would count).

    Exit 0 is a run; so is exit 1 with JSON on stdout (check's findings, and maybe
    overdue's "there are overdue deadlines"). Anything else is a failure. A command
    with `--output FILE` is noted by the size of the file it wrote."""
    if cold:
        shutil.rmtree(root / CACHE_DIR, ignore_errors=True)
    with tempfile.NamedTemporaryFile(suffix=".peak") as peak_file:
        if memory:
            command = [sys.executable, "-S", "-c", PEAK_LAUNCHER, peak_file.name, *command]
        started = time.perf_counter()
        done = _measured(command, root, env)
        seconds = time.perf_counter() - started
        peak_text = Path(peak_file.name).read_text(encoding="ascii") if memory else ""
    if done is None:
        return Run(TIMEOUT, False, f"killed after {TIMEOUT:.0f} s")
    code, stdout, stderr, cpu = done
    peak_mb = int(peak_text) / 1024 if peak_text else 0.0  # KiB on Linux
    output = _json(stdout)
    if code == 0 or (code == 1 and output is not None):
        written = _output_file(command)
        size = written.stat().st_size if written is not None and written.is_file() else None
        note = _output_note(output, len(stdout) if size is None else size)
        return Run(seconds, True, note, cpu, peak_mb)
    text = stderr.decode("utf-8", "replace").strip() or "(no stderr)"
    return Run(seconds, False, f"exit {code}:\n{text}")


def _measured(
    command: Sequence[str], cwd: Path, env: dict[str, str]
) -> tuple[int, bytes, bytes, float] | None:
    """Exit code, stdout, stderr and CPU seconds of one child (`wait4`: its own and that
    of the processes it waited for); None if killed at TIMEOUT."""
    with tempfile.TemporaryFile() as errors:
        process = subprocess.Popen(
            command, cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
            stderr=errors,
        )  # fmt: skip
        timer = threading.Timer(TIMEOUT, process.kill)
        timer.start()
        try:
            assert process.stdout is not None
            stdout = process.stdout.read()
            _, status, usage = os.wait4(process.pid, 0)
        finally:
            timer.cancel()
        process.returncode = os.waitstatus_to_exitcode(status)
        process.stdout.close()
        errors.seek(0)
        stderr = errors.read()
    if process.returncode == -signal.SIGKILL:
        return None
    return process.returncode, stdout, stderr, usage.ru_utime + usage.ru_stime


def _output_file(command: Sequence[str]) -> Path | None:
    return Path(command[command.index("--output") + 1]) if "--output" in command else None


def _json(stdout: bytes) -> Any:
    try:
        return json.loads(stdout)
    except ValueError:
        return None


def _output_note(output: Any, size: int) -> str:
    """check's findings; a report's size and its overdue items or issue flow (the two
    repositories must give the same flow)."""
    if not isinstance(output, dict):
        return f"{size / 1024:.0f} KB of output"
    summary = output.get("summary")
    if isinstance(summary, dict) and "errors" in summary:
        return f"{summary['errors']} errors, {summary.get('warnings', 0)} warnings"
    tables = {t.get("key"): t.get("rows") for t in output.get("tables", ()) if isinstance(t, dict)}
    note = f"{size / 1024:.0f} KB"
    if isinstance(tables.get("flow"), list):
        flow = [f"{row.get('event')} {row.get('count')}" for row in tables["flow"]]
        return f"{note}; {', '.join(flow)}"
    if isinstance(tables.get("items"), list):
        return f"{note}; {len(tables['items'])} items"
    return note


def read_week(root: Path, env: dict[str, str], memory: bool = False) -> Run:
    """The baseline of the weekly report: the week's `git log --raw` (2-day margin), then
    one `git cat-file --batch` of every old and new blob it names, timed together (their
    memory is not measured)."""
    started, cpu = time.perf_counter(), children_cpu()
    log = subprocess.run(
        [
            "git",
            "log",
            "--raw",
            "--no-renames",
            "--no-abbrev",
            f"--since={BASELINE_SINCE}",
            "--",
            "projects",
        ],
        cwd=root,
        env=env,
        capture_output=True,
        check=False,
    )
    changes = [line.split() for line in log.stdout.decode().splitlines() if line.startswith(":")]
    blobs = dict.fromkeys(b for change in changes for b in change[2:4] if b != NULL_BLOB)
    batch = subprocess.run(
        ["git", "cat-file", "--batch"],
        cwd=root,
        env=env,
        input="".join(f"{blob}\n" for blob in blobs).encode(),
        capture_output=True,
        check=False,
    )
    seconds, cpu = time.perf_counter() - started, children_cpu() - cpu
    if log.returncode or batch.returncode:
        return Run(seconds, False, (log.stderr + batch.stderr).decode("utf-8", "replace"))
    return Run(seconds, True, f"{len(changes)} changes, {len(blobs)} blobs", cpu)


@dataclass
class Series:
    """The runs of one row."""

    name: str
    measure: Callable[..., Run]
    """Called with `memory=True` once (the warm-up round): the peak RSS, not timed."""
    seconds: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    peaks: list[float] = field(default_factory=list)
    failure: str = ""
    note: str = ""

    @property
    def median(self) -> float | None:
        return statistics.median(self.seconds) if self.seconds and not self.failure else None

    @property
    def median_cpu(self) -> float | None:
        return statistics.median(self.cpu) if self.cpu and not self.failure else None

    @property
    def peak_mb(self) -> float | None:
        """Peak RSS in MiB, from the warm-up round."""
        return max(self.peaks) if self.peaks and not self.failure else None

    def run(self, memory: bool = False) -> None:
        if self.failure:
            return  # failed once: not run again, the other rows go on
        outcome = self.measure(memory=memory)
        if outcome.ok:
            self.seconds.append(outcome.seconds)
            self.cpu.append(outcome.cpu)
            if outcome.peak_mb:
                self.peaks.append(outcome.peak_mb)
            self.note = outcome.detail
            return
        self.failure = outcome.detail
        print(f"\n{self.name} FAILED, {outcome.detail}\n", flush=True)


def series(roots: dict[int, Path], env: dict[str, str], work: Path) -> list[Series]:
    """The rows, in the order each round runs them; check and overdue on the 3-year root."""
    main = roots[max(YEARS)]
    check = [*projledger(), "check", str(main), "--format", "json"]
    overdue = [
        *projledger(),
        "overdue",
        "--root",
        str(main),
        "--as-of",
        str(AS_OF),
        "--format",
        "json",
    ]
    rows = [Series(f"git log + cat-file, {y}y", partial(read_week, roots[y], env)) for y in YEARS]
    for name, command in (("check", check), ("overdue", overdue)):
        for state in ("cold", "warm"):
            measure = partial(run_command, command, main, env, state == "cold")
            rows.append(Series(f"{name}, {state}", measure))
    # Right after the warm `overdue`: a cold row deletes the root's caches.
    rows += deadline_text_series(main, env)
    for years in YEARS:
        root = roots[years]
        report = [
            *projledger(),
            "report",
            "weekly",
            "--root",
            str(root),
            "--week",
            WEEK,
            "--format",
            "json",
        ]
        for state in ("cold", "warm"):
            measure = partial(run_command, report, root, env, state == "cold")
            rows.append(Series(f"report weekly, {years}y, {state}", measure))
    # After the warm 3-year report, whose facts cache they read.
    return rows + weekly_format_series(main, env, work)


def _warm(commands: dict[str, list[str]], root: Path, env: dict[str, str]) -> list[Series]:
    return [
        Series(f"{name}, warm", partial(run_command, command, root, env, False))
        for name, command in commands.items()
    ]


def deadline_text_series(main: Path, env: dict[str, str]) -> list[Series]:
    """`overdue` and `due` as text (what a terminal or a pipe gets), warm."""
    as_of = ["--as-of", str(AS_OF)]
    commands = {
        "overdue text": [*projledger(), "overdue", "--root", str(main), *as_of],
        "due text": [*projledger(), "due", "--root", str(main), *as_of, "--within", "7d"],
    }
    return _warm(commands, main, env)


def weekly_format_series(main: Path, env: dict[str, str], work: Path) -> list[Series]:
    """`report weekly` on the 3-year root as text, html, md and xlsx (to a file), warm."""
    weekly = [*projledger(), "report", "weekly", "--root", str(main), "--week", WEEK]
    commands = {
        "report weekly text, 3y": weekly,
        **{f"report weekly {f}, 3y": [*weekly, "--format", f] for f in FILE_FORMATS},
    }
    commands["report weekly xlsx, 3y"] += ["--output", str(work / "weekly.xlsx")]
    return _warm(commands, main, env)


def measure(rows: list[Series], repeat: int) -> None:
    """A warm-up round (bytecode, page cache; a command that fails stops here; each
    command's peak memory), then `repeat` rounds, each running every row once so a busy
    moment hits all alike."""
    for row in rows:
        row.run(memory=True)
        row.seconds.clear()
        row.cpu.clear()
    for number in range(repeat):
        print(f"round {number + 1} of {repeat}", flush=True)
        for row in rows:
            row.run()


def report(rows: list[Series], week: WeekCount) -> None:
    by_name = {row.name: row for row in rows}
    lo, hi = min(YEARS), max(YEARS)
    compared = {  # row: (its baseline row, target)
        "overdue, cold": ("check, cold", OVERDUE_TARGET),
        "overdue, warm": ("check, warm", OVERDUE_TARGET),
        **{
            f"report weekly, {y}y, {s}": (f"git log + cat-file, {y}y", None)
            for y in YEARS
            for s in ("cold", "warm")
        },
        "overdue text, warm": ("check, warm", TEXT_TARGET),
        "due text, warm": ("check, warm", TEXT_TARGET),
        f"report weekly text, {hi}y, warm": (f"report weekly, {hi}y, warm", WEEKLY_TEXT_TARGET),
    }
    print(
        f"\n{'what':<30} {'seconds':>8} {'baseline':>9} {'ratio':>7} {'target':>7}  met?  "
        f"{'cpu s':>7} {'cpu ratio':>9} {'MiB':>5}  note"
    )
    for row in rows:
        base, target = compared.get(row.name, (None, None))
        baseline = by_name[base] if base else None
        _print_row(row.name, row, baseline, target, row.failure or row.note)
    for state in ("cold", "warm"):
        long, short = (by_name[f"report weekly, {y}y, {state}"] for y in (hi, lo))
        failed = long.failure or short.failure
        note = "report failed" if failed else f"the same week over {hi} and {lo} year(s)"
        name = f"report weekly {hi}y/{lo}y, {state}"
        _print_row(name, long, short, LENGTH_TARGET, note)
    weekly = [row for row in rows if row.name.startswith("report weekly")]
    peaks = [(row.peak_mb, row.name) for row in weekly if row.peak_mb is not None]
    if peaks:
        peak, name = max(peaks)
        met = "yes" if peak <= MEMORY_TARGET_MB else "NO"
        print(
            f"{'report weekly, peak memory':<30} {peak:6.0f} MiB (target {MEMORY_TARGET_MB:.0f}"
            f" MiB, met: {met}), the largest of {len(peaks)} rows: {name}"
        )
    print(
        f"\n{WEEK}: {week.commits} commits changing {week.changes} project files; check and "
        f"overdue on the {hi}-year root. Medians of the rounds; the targets are on wall time, "
        "the CPU seconds (workers included) are shown because a busy shared machine moves "
        "them less."
    )


def _print_row(
    name: str, row: Series, base: Series | None, target: float | None, note: str
) -> None:
    seconds, baseline = row.median, base.median if base else None
    if seconds is None:  # the exit status and the last line of stderr (printed in full above)
        lines = [line for line in note.splitlines() if line.strip()] or [""]
        short = lines[0] if len(lines) == 1 else f"{lines[0]} {lines[-1]}"
        print(f"{name:<30} {'failed':>8} {'':>9} {'':>7} {'':>7}        {short}")
        return
    peak = f"{row.peak_mb:5.0f}" if row.peak_mb else f"{'':>5}"
    shown = f"{baseline:9.3f}" if baseline else f"{'':>9}"
    ratio = f"{seconds / baseline:6.2f}x" if baseline else f"{'':>7}"
    goal = f"{target:6.1f}x" if target else f"{'':>7}"
    met = ("yes" if seconds / baseline <= target else "NO") if target and baseline else ""
    cpu, base_cpu = row.median_cpu, base.median_cpu if base else None
    cpu_text = f"{cpu:7.3f}" if cpu is not None else f"{'':>7}"
    cpu_ratio = f"{cpu / base_cpu:8.2f}x" if cpu is not None and base_cpu else f"{'':>9}"
    wall = f"{name:<30} {seconds:8.3f} {shown} {ratio} {goal}  {met:<4}"
    print(f"{wall}  {cpu_text} {cpu_ratio} {peak}  {note}")


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--projects", type=int, help=f"project files (default {FULL.projects})")
    parser.add_argument(
        "--repeat", type=int, help="rounds; the median counts (default 3, 1 with --quick)"
    )
    parser.add_argument("--keep", type=Path, help="build into DIR and keep it (or reuse it)")
    parser.add_argument(
        "--quick",
        action="store_true",
        help=f"smoke run: {QUICK.projects} projects, {QUICK.commits_per_year} commits a year, "
        f"{QUICK.week_commits} in the week",
    )
    parser.add_argument("--seed", type=int, default=0)
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    scale = QUICK if args.quick else FULL
    if args.projects:
        scale = Scale(args.projects, scale.commits_per_year, scale.week_commits)
    work = Path(tempfile.mkdtemp(prefix="bench-report-"))
    try:
        roots = prepare(args.keep, scale, args.seed, work)
        if roots is None:
            return 0
        week = describe(roots)
        rows = series(roots, child_env(work / "pycache"), work)
        measure(rows, args.repeat or (1 if args.quick else 3))
        report(rows, week)
    except (subprocess.CalledProcessError, OSError, RuntimeError) as exc:
        detail = getattr(exc, "stderr", b"") or b""
        print(f"benchmark failed: {exc} {detail.decode('utf-8', 'replace')}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
