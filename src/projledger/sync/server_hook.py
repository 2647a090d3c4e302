"""`projledger server-hook install REPO.git`: a pre-receive hook that runs `audit` and
`check` on every push (`receive.py` does the work).

The hook is a two-line shell script that runs the interpreter that installed it, by
absolute path, so the server's PATH does not matter. Where a pre-receive hook is already
there (Gitea's, which runs `hooks/pre-receive.d/*`, or someone's own), it goes into
`pre-receive.d/` when that exists, and otherwise is not written over unless asked: the
hook's text (`server-hook script`) can be put wherever a server runs hooks from (GitLab:
`custom_hooks/pre-receive.d/` through `gitaly hooks set`; Gitea: the repository's Git
hooks settings).
"""

import os
from pathlib import Path

from projledger.errors import ProjledgerError
from projledger.messages import Lang, msg, text
from projledger.sync import gitcmd
from projledger.sync.setup import projledger_command

MARKER = "# projledger server hook"


def script(lang: Lang) -> str:
    """The hook, its comment in `lang` (what the hook says to a pusher is in the language
    of the ledger pushed, whatever language installed it)."""
    comment = text("hook.script_comment", lang, marker=MARKER)
    return f"#!/bin/sh\n{comment}\nexec {projledger_command()} server-hook run\n"


def install(repository: Path, lang: Lang, *, force: bool = False) -> Path:
    """Write the hook into a (bare) repository; the file written."""
    if not repository.is_dir():
        raise ProjledgerError(msg("hook.not_a_directory", path=repository))
    bare = gitcmd.run(repository, "rev-parse", "--is-bare-repository")
    if not bare.ok:
        raise ProjledgerError(
            msg("hook.not_a_repository", path=repository, detail=bare.last_line())
        )
    if bare.out.strip() != "true":
        raise ProjledgerError(msg("hook.not_bare", path=repository))
    hooks = Path(gitcmd.must(repository, "rev-parse", "--git-path", "hooks"))
    hooks = hooks if hooks.is_absolute() else repository / hooks
    chained = hooks / "pre-receive.d"
    target = chained / "projledger" if chained.is_dir() else hooks / "pre-receive"
    if target.exists() and not force and MARKER not in target.read_text(errors="replace"):
        command = f"{projledger_command()} server-hook run"
        raise ProjledgerError(msg("hook.not_ours", path=target, command=command))
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.tmp")
    temporary.write_text(script(lang), encoding="utf-8")
    os.chmod(temporary, 0o755)  # noqa: PTH101 - the mode git needs to run it
    temporary.replace(target)
    return target
