"""The language the server hook speaks to a pusher: the ledger's. A bare repository has
no projledger.yaml on disk, so its `language:` is read from the pushed tree: the new tip
of the first pushed branch, as the push leaves the ledger (a push that changes the
language is answered in the new one); when that config is missing or unreadable, the old
tip's (for a new branch, the default branch's); else the config's default.
"""

from collections.abc import Iterable
from pathlib import Path

from projledger.messages import LANGS, Lang
from projledger.model.config import Config
from projledger.root import CONFIG_FILE_NAME
from projledger.store.reader import read_yaml
from projledger.sync import gitcmd
from projledger.sync.receive import base_of, find_ledger_dir, is_zero, pushed_refs

_DEFAULT: Lang = Config.model_fields["language"].default


def push_language(git_dir: Path, lines: Iterable[str]) -> Lang:
    """The language of what the hook says about the pushes git's `OLD NEW REF` lines name."""
    for old, new, ref in pushed_refs(lines):
        if not ref.startswith("refs/heads/"):
            continue
        for commit in (new, base_of(git_dir, old)):
            if commit is None or is_zero(commit):
                continue
            lang = _config_language(git_dir, commit)
            if lang is not None:
                return lang
    return _DEFAULT


def _config_language(git_dir: Path, commit: str) -> Lang | None:
    """The `language` of the config in a commit's tree (its default when the config does
    not say); None when there is no config, or it cannot be read as YAML, or it names no
    language projledger speaks."""
    where = find_ledger_dir(git_dir, commit)
    if where is None:
        return None
    path = f"{where}/{CONFIG_FILE_NAME}" if where else CONFIG_FILE_NAME
    shown = gitcmd.run(git_dir, "cat-file", "blob", f"{commit}:{path}")
    if not shown.ok:
        return None
    read = read_yaml(shown.out.encode("utf-8", "surrogateescape"), path)
    if not read.parsed or not isinstance(read.data, dict):
        return None
    value = read.data.get("language", _DEFAULT)
    return next((lang for lang in LANGS if lang == value), None)
