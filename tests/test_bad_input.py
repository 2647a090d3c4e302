"""Bad input through the real CLI: every broken file is reported, on its line, with its code,
and no broken file stops the others from being checked, crashes the checker, or changes a
file.

The committed cases are in tests/corpus/bad/ (projects/ and the manifest cases.yaml,
written by tests/corpus/make_bad_corpus.py). Cases that depend on exact bytes or on the
file system (GBK, a BOM, CRLF, 50 MB, symlinks, a FIFO, a directory) are made here, in the
temporary ledger root, from the corpus's valid control file.

All cases share one ledger root and one `projledger check ROOT --format json` run, in a
subprocess with a time and a memory limit. Files that once crashed the checker (and so could
take that run down again) are checked each in a root of their own, beside a witness file.
"""

import hashlib
import json
import os
import re
import shutil
import stat
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from tests.helpers import SAMPLE_PROJECT, as_in_terminal, copy_root, run_cli

CORPUS = Path(__file__).resolve().parent / "corpus" / "bad"
CONTROL = CORPUS / "projects" / "control-valid.yaml"
TIMEOUT_SECONDS = 120
MEMORY_LIMIT_BYTES = 2 * 1024**3
HUGE_BYTES = 50 * 1024 * 1024
TAG_MARKER = "projledger-yaml-tag-ran"
"""The file the !!python/object/apply:os.system case would create if its tag were obeyed."""


@dataclass(frozen=True)
class Case:
    file: str
    kind: str
    what: str
    expect: tuple[tuple[str, int], ...]
    """(code, 1-based line): each must be reported for the file."""
    also: frozenset[str] = frozenset()
    """Other codes that may be reported for the file."""
    make: Callable[[Path, Path], None] | None = None
    """For a generated case: make it, given projects/ and a directory outside the root."""


# --- Generated cases -------------------------------------------------------------------


def _variant(stem: str, serial: int) -> str:
    """The corpus's valid control project as project `stem`, with its own code and name."""
    text = CONTROL.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^id: .*$", f"id: {stem}", text, count=1)
    text = re.sub(
        r"(?m)^code: .*$", f"code: 2024-370116-31-03-{800000 + serial:06d}", text, count=1
    )
    return re.sub(r"(?m)^name: .*$", f"name: 生成坏例{serial:02d}", text, count=1)


def _gbk(projects: Path, outside: Path) -> None:
    (projects / "gbk-encoded.yaml").write_bytes(_variant("gbk-encoded", 1).encode("gbk"))


def _bom(projects: Path, outside: Path) -> None:
    data = b"\xef\xbb\xbf" + _variant("utf8-bom", 2).encode("utf-8")
    (projects / "utf8-bom.yaml").write_bytes(data)


def _crlf(projects: Path, outside: Path) -> None:
    text = _variant("crlf-line-ends", 3).replace("\n", "\r\n")
    (projects / "crlf-line-ends.yaml").write_bytes(text.encode("utf-8"))


def _huge(projects: Path, outside: Path) -> None:
    head = _variant("huge-50mb", 4).encode("utf-8")
    line = "# 填充 padding padding padding padding padding padding padding padding\n".encode()
    with (projects / "huge-50mb.yaml").open("wb") as out:
        out.write(head)
        out.write(line * ((HUGE_BYTES - len(head)) // len(line) + 1))


def _symlink_out(projects: Path, outside: Path) -> None:
    target = outside / "symlink-out-of-root.yaml"
    target.write_text(_variant("symlink-out-of-root", 5), encoding="utf-8")
    (projects / "symlink-out-of-root.yaml").symlink_to(target)


def _symlink_dangling(projects: Path, outside: Path) -> None:
    (projects / "symlink-dangling.yaml").symlink_to(outside / "no-such-file.yaml")


def _directory(projects: Path, outside: Path) -> None:
    (projects / "directory-not-file.yaml").mkdir()


def _fifo(projects: Path, outside: Path) -> None:
    # A reader that opened it would block forever: the timeout would show it.
    os.mkfifo(projects / "named-pipe.yaml")


CONTROL_NAME = "esc\x1b[31m-bel\x07.yaml"
"""A file name with ESC and BEL: echoed raw, it would recolour the terminal and beep."""


def _control_name(projects: Path, outside: Path) -> None:
    (projects / CONTROL_NAME).write_text(_variant("control-name", 6), encoding="utf-8")


UNKNOWN_KEYS = 1_000
MAX_SHOWN_PER_FILE = 100
"""The findings of one file the text format shows; it counts the rest."""
FIRST_UNKNOWN_LINE = CONTROL.read_text(encoding="utf-8").count("\n") + 1


def _many_unknown_keys(projects: Path, outside: Path) -> None:
    extra = "".join(f"extra-field-{n}: 值{n}\n" for n in range(UNKNOWN_KEYS))
    text = _variant("many-unknown-keys", 7) + extra
    (projects / "many-unknown-keys.yaml").write_text(text, encoding="utf-8")


GENERATED = (
    Case("gbk-encoded.yaml", "bytes", "GBK-encoded Chinese", (("PL003", 2),), make=_gbk),
    Case("utf8-bom.yaml", "bytes", "UTF-8 with a byte-order mark", (("PL004", 1),), make=_bom),
    Case("crlf-line-ends.yaml", "bytes", "CRLF line ends", (("PL005", 1),), make=_crlf),
    Case("huge-50mb.yaml", "size", "a 50 MB file", (("PL002", 1),), make=_huge),
    Case(
        "symlink-out-of-root.yaml",
        "filesystem",
        "a symlink to a file outside the root",
        (("PL013", 1),),
        make=_symlink_out,
    ),
    Case(
        "symlink-dangling.yaml",
        "filesystem",
        "a symlink to nothing",
        (("PL013", 1),),
        make=_symlink_dangling,
    ),
    Case(
        "directory-not-file.yaml",
        "filesystem",
        "a directory named like a project file",
        (("PL001", 1),),
        make=_directory,
    ),
    Case(
        "named-pipe.yaml",
        "filesystem",
        "a FIFO named like a project file",
        (("PL001", 1),),
        make=_fifo,
    ),
    Case(
        CONTROL_NAME,
        "file-name",
        "ESC and BEL in the file name",
        (("PL014", 1),),
        also=frozenset({"PL200"}),  # the id (control-name) is not the file's name
        make=_control_name,
    ),
    Case(
        "many-unknown-keys.yaml",
        "schema",
        f"{UNKNOWN_KEYS:,} unknown top-level fields",
        (("PL102", FIRST_UNKNOWN_LINE), ("PL102", FIRST_UNKNOWN_LINE + UNKNOWN_KEYS - 1)),
        make=_many_unknown_keys,
    ),
)


def _committed() -> tuple[Case, ...]:
    manifest = YAML(typ="safe").load((CORPUS / "cases.yaml").read_text(encoding="utf-8"))
    cases = []
    for entry in manifest["cases"]:
        cases.append(
            Case(
                file=entry["file"],
                kind=entry["kind"],
                what=entry["what"],
                expect=tuple((e["code"], e["line"]) for e in entry["expect"]),
                also=frozenset(reason[:5] for reason in entry.get("also", [])),
            )
        )
    return tuple(cases)


CASES = _committed() + GENERATED

# Known bugs, marked xfail(strict) until fixed: (file, code) -> why. The code is not reported.
NOT_REPORTED: dict[tuple[str, str], str] = {}
# The code is reported, but on another line: (file, code) -> why.
WRONG_LINE: dict[tuple[str, str], str] = {}


def _case_params() -> list[Any]:
    params = []
    for case in CASES:
        for code, line in case.expect:
            marks = []
            if (case.file, code) in NOT_REPORTED:
                marks.append(pytest.mark.xfail(strict=True, reason=NOT_REPORTED[case.file, code]))
            params.append(pytest.param(case, code, line, marks=marks, id=f"{case.file}-{code}"))
    return params


def _line_params() -> list[Any]:
    params = []
    for param in _case_params():
        case, code, line = param.values
        marks = list(param.marks)
        if (case.file, code) in WRONG_LINE:
            marks.append(pytest.mark.xfail(strict=True, reason=WRONG_LINE[case.file, code]))
        params.append(pytest.param(case, code, line, marks=marks, id=param.id))
    return params


# --- Running the CLI --------------------------------------------------------------------


def check(
    *args: str | Path, cwd: Path, prefix: tuple[str, ...] = ()
) -> subprocess.CompletedProcess[str]:
    """`projledger check ARGS` in its own process, with a time and a memory limit."""
    return run_cli(
        "check",
        *args,
        cwd=cwd,
        timeout=TIMEOUT_SECONDS,
        prefix=prefix,
        memory_limit=MEMORY_LIMIT_BYTES,
    )


def check_json(
    *args: str | Path, cwd: Path, prefix: tuple[str, ...] = ()
) -> tuple[subprocess.CompletedProcess[str], Any]:
    result = check(*args, "--format", "json", cwd=cwd, prefix=prefix)
    assert "Traceback" not in result.stderr, result.stderr
    try:
        payload = json.loads(result.stdout)
    except ValueError:
        pytest.fail(f"not JSON (exit {result.returncode}):\n{result.stdout}\n{result.stderr}")
    return result, payload


def snapshot(*roots: Path) -> dict[str, str]:
    """Every entry under `roots` (not .projledger/, the checker's cache) and its content."""
    seen: dict[str, str] = {}
    for top in roots:
        for path in sorted(top.rglob("*")):
            relative = path.relative_to(top)
            if relative.parts[0] == ".projledger":
                continue
            key = f"{top.name}/{relative}"
            mode = path.lstat().st_mode
            if stat.S_ISLNK(mode):
                seen[key] = f"link -> {path.readlink()}"
            elif stat.S_ISDIR(mode):
                seen[key] = "directory"
            elif stat.S_ISREG(mode):
                digest = hashlib.sha256()
                with path.open("rb") as data:
                    for block in iter(lambda: data.read(1 << 20), b""):
                        digest.update(block)
                seen[key] = f"{stat.S_IMODE(mode):o} {digest.hexdigest()}"
            else:
                seen[key] = f"special {stat.S_IFMT(mode):o}"
    return seen


@dataclass
class Run:
    root: Path
    outside: Path
    result: subprocess.CompletedProcess[str]
    payload: Any
    before: dict[str, str]
    after: dict[str, str]

    def findings(self, file: str) -> list[dict[str, Any]]:
        return [f for f in self.payload["findings"] if f["file"] == f"projects/{file}"]


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> Run:
    base = tmp_path_factory.mktemp("bad-input")
    root = copy_root(base / "root", projects=False)
    outside = base / "outside"
    outside.mkdir()
    projects = root / "projects"
    for case in CASES:
        if case.make is None:
            shutil.copyfile(CORPUS / "projects" / case.file, projects / case.file)
        else:
            case.make(projects, outside)
    before = snapshot(root, outside)
    result, payload = check_json(root, cwd=root)
    return Run(root, outside, result, payload, before, snapshot(root, outside))


# --- The one run over every case --------------------------------------------------------


def test_every_case_is_in_the_run(run: Run) -> None:
    entries = sorted(p.name for p in (run.root / "projects").iterdir())
    assert entries == sorted(case.file for case in CASES)
    committed = sorted(p.name for p in (CORPUS / "projects").iterdir())
    assert committed == sorted(case.file for case in CASES if case.make is None)


def test_run_exits_1_with_errors_and_no_traceback(run: Run) -> None:
    assert run.result.returncode == 1, run.result.stderr
    assert "Traceback" not in run.result.stderr
    assert run.result.stderr == ""
    payload = run.payload
    assert payload["format"] == "projledger-check"
    assert payload["version"] == 1
    assert payload["summary"]["errors"] > 0
    # Every entry of projects/ and projledger.yaml was checked: none stopped the others.
    assert payload["files_checked"] == len(CASES) + 1


def test_every_finding_is_well_formed(run: Run) -> None:
    files = {f"projects/{case.file}" for case in CASES}
    for finding in run.payload["findings"]:
        assert finding["file"] in files, finding
        assert isinstance(finding["line"], int) and finding["line"] >= 1, finding
        assert isinstance(finding["column"], int) and finding["column"] >= 1, finding
        assert finding["severity"] in ("error", "warning")
        assert finding["message"] and finding["title"]


@pytest.mark.parametrize(("case", "code", "line"), _case_params())
def test_code_is_reported(run: Run, case: Case, code: str, line: int) -> None:
    reported = [f["code"] for f in run.findings(case.file)]
    assert code in reported, f"{case.what}: expected {code}, got {reported}"


@pytest.mark.parametrize(("case", "code", "line"), _line_params())
def test_code_is_reported_on_its_line(run: Run, case: Case, code: str, line: int) -> None:
    lines = [f["line"] for f in run.findings(case.file) if f["code"] == code]
    assert line in lines, f"{case.what}: expected {code} on line {line}, got lines {lines}"


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.file)
def test_no_other_code_is_reported(run: Run, case: Case) -> None:
    """Each case has the one problem it was made with: nothing else is reported for it."""
    allowed = {code for code, _ in case.expect} | case.also
    others = [
        (f["code"], f["line"], f["message"])
        for f in run.findings(case.file)
        if f["code"] not in allowed
    ]
    assert others == []


def test_no_file_was_changed_or_created(run: Run) -> None:
    assert run.after == run.before


def test_yaml_tag_was_not_obeyed(run: Run) -> None:
    assert not (run.root / TAG_MARKER).exists()
    assert not list(run.root.parent.rglob(TAG_MARKER))


@pytest.fixture(scope="module")
def text_run(run: Run) -> subprocess.CompletedProcess[str]:
    """`projledger check ROOT --format text` over the same root, from the cache; in
    English, the language these tests read (test_messages.py reads the Chinese)."""
    return check(run.root, "--format", "text", "--lang", "en", cwd=run.root)


def test_text_format_shows_place_and_source_line(
    run: Run, text_run: subprocess.CompletedProcess[str]
) -> None:
    result = text_run
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    out = result.stdout.split("\n")
    by_file: dict[str, list[Any]] = {}
    for finding in run.payload["findings"]:
        by_file.setdefault(finding["file"], []).append(finding)
    for file, findings in by_file.items():
        for finding in findings[:MAX_SHOWN_PER_FILE]:
            header = (
                f"{as_in_terminal(file)}:{finding['line']}:{finding['column']}: "
                f"{finding['severity']} {finding['code']} "
            )
            assert any(line.startswith(header) for line in out), header
    for case in CASES:
        if case.make is not None:
            continue
        source = (CORPUS / "projects" / case.file).read_text(encoding="utf-8").split("\n")
        for code, line in case.expect:
            if (case.file, code) in NOT_REPORTED or (case.file, code) in WRONG_LINE:
                continue
            shown = f"{line:>5} | {as_in_terminal(source[line - 1].replace(chr(9), ' '))}"
            at = [
                n for n, text in enumerate(out) if text.startswith(f"projects/{case.file}:{line}:")
            ]
            assert at, f"no {case.file}:{line}: in the text output"
            assert any(out[n + 1] == shown for n in at), f"{case.file}: {shown!r} not shown"
    assert re.search(r"^\d+ files checked: \d+ errors", result.stdout, re.MULTILINE)


def test_text_format_shows_a_file_s_first_findings_and_counts_the_rest(
    run: Run, text_run: subprocess.CompletedProcess[str]
) -> None:
    file = "projects/many-unknown-keys.yaml"
    assert len(run.findings("many-unknown-keys.yaml")) == UNKNOWN_KEYS  # JSON: all of them
    headers = [line for line in text_run.stdout.split("\n") if line.startswith(f"{file}:")]
    rest = UNKNOWN_KEYS - MAX_SHOWN_PER_FILE
    assert len(headers) == MAX_SHOWN_PER_FILE + 1
    assert headers[-1] == (
        f"{file}: … and {rest:,} more findings in this file (`--format json` lists them all)"
    )
    last_shown = FIRST_UNKNOWN_LINE + MAX_SHOWN_PER_FILE - 1
    assert headers[-2].startswith(f"{file}:{last_shown}:1: error PL102 ")


def test_no_control_character_reaches_the_terminal(
    text_run: subprocess.CompletedProcess[str],
) -> None:
    """ESC and BEL in a file name and in a value (and a NEL in a shown line) are shown
    escaped, in the header, the message and the source line."""
    assert re.findall(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", text_run.stdout) == []
    out = text_run.stdout
    name = "esc\\x1b[31m-bel\\x07.yaml"
    assert f"projects/{name}:1:1: error PL014 {name} is not <project-id>.yaml" in out
    assert "陈\\x1b[31m明\\x07" in out  # the member's name, quoted by PL207's message
    assert "签约完成\\x85210户" in out  # the NEL of nel-in-value.yaml, in its shown line


def test_a_second_run_from_the_cache_reports_the_same(run: Run) -> None:
    assert (run.root / ".projledger" / "check-cache.json").is_file()
    _, again = check_json(run.root, cwd=run.root)
    assert again["findings"] == run.payload["findings"]
    assert again["files_checked"] == run.payload["files_checked"]


# --- One file named on the command line, one case of each class ------------------------

SINGLE = {
    "yaml-syntax": "syntax-unclosed-flow-sequence.yaml",
    "tabs": "syntax-tab-indentation.yaml",
    "wrong-type": "type-number-for-text-permit-no.yaml",
    "unknown-key": "unknown-key-typo.yaml",
    "invalid-date": "invalid-date-unquoted.yaml",
    "duplicate-key": "duplicate-key.yaml",
    "alias-bomb": "yaml-alias-bomb.yaml",
    "python-tag": "yaml-python-tag.yaml",
    "multiple-documents": "multiple-documents.yaml",
    "empty": "empty-file.yaml",
    "references": "deadline-target-missing.yaml",
    "rules": "two-lead-leaders.yaml",
    "id-vs-file-name": "id-differs-from-file-name.yaml",
    "across-files": "duplicate-code-a.yaml",
    "file-name": "Bad Name.yaml",
    "gbk": "gbk-encoded.yaml",
    "bom": "utf8-bom.yaml",
    "crlf": "crlf-line-ends.yaml",
    "size": "huge-50mb.yaml",
    "symlink": "symlink-out-of-root.yaml",
    "not-a-file": "named-pipe.yaml",
}


@pytest.fixture(scope="module")
def single_runs(run: Run) -> dict[str, tuple[subprocess.CompletedProcess[str], Any]]:
    """`projledger check ROOT/projects/FILE` for each file of SINGLE (in parallel: each run
    is a process of its own, and they share only the cache, which is written atomically)."""
    from concurrent.futures import ThreadPoolExecutor

    def one(file: str) -> tuple[subprocess.CompletedProcess[str], Any]:
        return check_json(run.root / "projects" / file, cwd=run.root)

    with ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 2)) as pool:
        return dict(zip(SINGLE.values(), pool.map(one, SINGLE.values()), strict=True))


def test_single_file_runs_cover_every_kind() -> None:
    kinds = {case.kind for case in CASES} - {"control"}
    by_file = {case.file: case.kind for case in CASES}
    assert {by_file[file] for file in SINGLE.values()} == kinds


@pytest.mark.parametrize("file", SINGLE.values(), ids=SINGLE.keys())
def test_a_single_file_run_reports_it(
    run: Run, single_runs: dict[str, tuple[subprocess.CompletedProcess[str], Any]], file: str
) -> None:
    case = next(case for case in CASES if case.file == file)
    result, payload = single_runs[file]
    assert result.returncode == 1
    assert payload["files_checked"] == 1
    assert {f["file"] for f in payload["findings"]} == {f"projects/{file}"}
    got = {(f["code"], f["line"]) for f in payload["findings"]}
    assert set(case.expect) <= got
    # The same findings as in the run over the whole root.
    assert got == {(f["code"], f["line"]) for f in run.findings(file)}


# --- Files that once took the whole run down, each in a root of its own -------------------
#
# A crash ends the run, so these are not in the shared root: each gets a root with a witness
# file (a rule case) that must still be reported next to it.

WITNESS = "two-lead-leaders.yaml"
INDUSTRY = "industry: 精品钢与先进材料"


def _with_text(stem: str, old: str, new: str) -> Callable[[Path], tuple[str, int]]:
    def make(projects: Path) -> tuple[str, int]:
        text = _variant(stem, 50)
        assert text.count(old) == 1
        text = text.replace(old, new)
        (projects / f"{stem}.yaml").write_text(text, encoding="utf-8")
        line = next(n for n, t in enumerate(text.split("\n"), 1) if new.strip() in t)
        return f"{stem}.yaml", line

    return make


def _unreadable(projects: Path) -> tuple[str, int]:
    path = projects / "unreadable.yaml"
    path.write_text(_variant("unreadable", 51), encoding="utf-8")
    path.chmod(0)
    return path.name, 1


def _gbk_file_name(projects: Path) -> tuple[str, int]:
    # A zip made on Chinese Windows keeps GBK file names; unzipped here they are not UTF-8.
    name = os.fsdecode("莱芜项目.yaml".encode("gbk"))
    try:
        (projects / name).write_text(_variant("gbk-file-name", 52), encoding="utf-8")
    except (OSError, UnicodeError):
        pytest.skip("the file system refuses non-UTF-8 file names")
    return name, 1


# Without CAP_DAC_OVERRIDE root cannot read a file with mode 000 either.
_DROP_ROOT_READ = ("setpriv", "--bounding-set", "-dac_override,-dac_read_search", "--")

ISOLATED = [
    pytest.param(
        _with_text("nul-byte", INDUSTRY, "industry: 精品钢\x00材料"),
        "PL007",
        (),
        id="nul-byte",
    ),
    pytest.param(
        _with_text("escape-char", INDUSTRY, "industry: 精品钢\x1b[0m材料"),
        "PL007",
        (),
        id="escape-char",
    ),
    pytest.param(
        _with_text("number-5000-digits", "  total: 1280000", "  total: " + "9" * 5000),
        "PL104",
        (),
        id="number-5000-digits",
    ),
    pytest.param(
        _unreadable,
        "PL001",
        _DROP_ROOT_READ if os.geteuid() == 0 else (),
        id="unreadable",
    ),
    pytest.param(
        _gbk_file_name,
        "PL014",
        (),
        id="gbk-file-name",
    ),
]


@pytest.mark.parametrize(("make", "code", "prefix"), ISOLATED)
def test_a_file_that_once_crashed_is_a_finding(
    tmp_path: Path, make: Callable[[Path], tuple[str, int]], code: str, prefix: tuple[str, ...]
) -> None:
    if prefix and shutil.which(prefix[0]) is None:
        pytest.skip(f"needs {prefix[0]} to drop root's right to read any file")
    root = copy_root(tmp_path / "root", projects=False)
    shutil.copyfile(CORPUS / "projects" / WITNESS, root / "projects" / WITNESS)
    file, line = make(root / "projects")
    result = check(root, "--format", "json", cwd=root, prefix=prefix)
    assert "internal error" not in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    assert result.returncode == 1
    payload = json.loads(result.stdout)
    witness = [
        (f["code"], f["line"]) for f in payload["findings"] if f["file"] == f"projects/{WITNESS}"
    ]
    assert witness == list(next(c.expect for c in CASES if c.file == WITNESS))
    others = [
        (f["code"], f["line"]) for f in payload["findings"] if f["file"] != f"projects/{WITNESS}"
    ]
    assert (code, line) in others, f"{file}: expected {code} on line {line}, got {others}"


# --- The harness is not vacuous ---------------------------------------------------------


def test_a_valid_sample_copy_has_no_findings(tmp_path: Path) -> None:
    root = copy_root(tmp_path / "root", projects=False)
    shutil.copyfile(SAMPLE_PROJECT, root / "projects" / SAMPLE_PROJECT.name)
    shutil.copyfile(CONTROL, root / "projects" / CONTROL.name)
    result, payload = check_json(root, cwd=root)
    assert result.returncode == 0, payload["findings"]
    assert payload["findings"] == []
    assert payload["files_checked"] == 3
