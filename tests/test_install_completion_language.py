"""`projledger --install-completion` says what it did in the run's language (typer's own
two lines are English), and installs what typer installs: the script, sourced from the
shell's start-up file, in the user's home (a temporary one here)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.helpers import PROJLEDGER, Ledger, cli_env


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "zh",
            "已为 bash 安装命令补全：{home}/.bash_completions/projledger.sh\n重新打开终端后生效\n",
        ),
        (
            "en",
            "bash completion installed in {home}/.bash_completions/projledger.sh\n"
            "Completion will take effect once you restart the terminal\n",
        ),
    ],
)
def test_install_completion_speaks_the_ledgers_language(
    tmp_path: Path, lang: str, said: str
) -> None:
    ledger = Ledger.create(tmp_path / "ledger")
    home = tmp_path / "home"
    home.mkdir()
    env = {**cli_env(tmp_home=home), "SHELL": "/bin/bash"}
    result = subprocess.run(
        [PROJLEDGER, "--lang", lang, "--install-completion"],
        cwd=ledger.root,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == said.format(home=home)
    script = home / ".bash_completions" / "projledger.sh"
    assert "_PROJLEDGER_COMPLETE" in script.read_text(encoding="utf-8")
    assert f"source '{script}'" in (home / ".bashrc").read_text(encoding="utf-8")
