"""The ledger's history, read from git: what changed, field by field, who and when.

History never relies on commit messages: it compares successive versions of each project
file, so hand edits committed with plain git appear like changes made by projledger. One
`git log --raw` names every version; one `git cat-file --batch` fetches the versions not
already parsed; parsed versions are cached by blob id in `.projledger/history.sqlite`.

- `timeline`: change records and the questions `history` and `log` ask;
- `asof`: the ledger as it was at a commit or a date (`snapshot_at`);
- `audit`: rules about how the ledger changed (PL5xx).
"""
