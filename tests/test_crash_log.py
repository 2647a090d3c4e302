"""A bug's crash log: a new private file in a directory of the user's own, never written
through a link someone planted; and with nowhere to write it, one line and exit 3, never a
traceback.

The crash is a real one (1 / 0) in a process of its own, under the handler every command
runs in (`error_handler.run`), with the environment pointing where each test needs."""

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import cli_env

CRASH = "from projledger.error_handler import run; run(lambda: 1 / 0)"
ONE_LINE_NO_LOG = (
    "projledger: error: internal error (a bug in projledger), and no private directory "
    "could take its crash log (set XDG_STATE_HOME to a directory of yours to keep one). "
    "Please report it with the command you ran.\n"
)


def crash(tmp_path: Path, **environ: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in cli_env(tmp_path / "home").items() if k != "XDG_STATE_HOME"}
    env["TMPDIR"] = str(tmp_path / "tmp")
    env.update(environ)
    (tmp_path / "tmp").mkdir(exist_ok=True)
    result = subprocess.run(
        [sys.executable, "-c", CRASH],
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        check=False,
    )
    assert result.returncode == 3
    assert "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1, result.stderr
    return result


def logged_at(result: subprocess.CompletedProcess[str]) -> Path:
    prefix = "projledger: error: internal error (a bug in projledger); details in "
    assert result.stderr.startswith(prefix), result.stderr
    return Path(result.stderr[len(prefix) :].split(". Please report it.")[0])


def mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


def a_file_not_a_directory(tmp_path: Path) -> Path:
    """A path under a regular file: nothing can be made there, even by root."""
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    return blocker / "below"


def test_the_log_is_a_new_private_file_in_the_state_directory(tmp_path: Path) -> None:
    state = tmp_path / "state"
    first = logged_at(crash(tmp_path, XDG_STATE_HOME=str(state)))
    second = logged_at(crash(tmp_path, XDG_STATE_HOME=str(state)))
    assert first.parent == second.parent == state / "projledger"
    assert first != second
    assert mode(state / "projledger") == 0o700
    assert mode(first) == 0o600
    assert "ZeroDivisionError" in first.read_text(encoding="utf-8")


def test_without_xdg_state_home_the_log_is_under_home(tmp_path: Path) -> None:
    log = logged_at(crash(tmp_path))
    assert log.parent == tmp_path / "home" / ".local" / "state" / "projledger"


def test_a_link_planted_at_the_old_fixed_path_is_not_followed(tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("someone else's file\n", encoding="utf-8")
    (tmp_path / "tmp").mkdir()
    (tmp_path / "tmp" / "projledger-crash.log").symlink_to(victim)
    crash(tmp_path)
    assert victim.read_text(encoding="utf-8") == "someone else's file\n"


def test_a_link_planted_at_the_temporary_directory_is_not_followed(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (tmp_path / "tmp").mkdir()
    (tmp_path / "tmp" / f"projledger-{os.geteuid()}").symlink_to(elsewhere)
    result = crash(tmp_path, XDG_STATE_HOME=str(a_file_not_a_directory(tmp_path)))
    assert result.stderr == ONE_LINE_NO_LOG
    assert list(elsewhere.iterdir()) == []


@pytest.mark.skipif(os.geteuid() != 0, reason="only root can give a directory to another user")
def test_a_directory_of_another_user_is_not_used(tmp_path: Path) -> None:
    theirs = tmp_path / "tmp" / f"projledger-{os.geteuid()}"
    theirs.mkdir(parents=True, mode=0o777)
    theirs.chmod(0o777)
    os.chown(theirs, 65534, 65534)
    result = crash(tmp_path, XDG_STATE_HOME=str(a_file_not_a_directory(tmp_path)))
    assert result.stderr == ONE_LINE_NO_LOG
    assert list(theirs.iterdir()) == []


def test_the_temporary_directory_is_the_fallback(tmp_path: Path) -> None:
    log = logged_at(crash(tmp_path, XDG_STATE_HOME=str(a_file_not_a_directory(tmp_path))))
    assert log.parent == tmp_path / "tmp" / f"projledger-{os.geteuid()}"
    assert mode(log.parent) == 0o700
    assert mode(log) == 0o600


def test_nowhere_to_write_is_one_line_and_exit_3(tmp_path: Path) -> None:
    nowhere = str(a_file_not_a_directory(tmp_path))
    result = crash(tmp_path, XDG_STATE_HOME=nowhere, TMPDIR=nowhere)
    assert result.stderr == ONE_LINE_NO_LOG
