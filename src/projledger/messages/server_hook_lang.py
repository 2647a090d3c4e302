"""The server hook in the ledger's language (issue 18): the comment of the hook's script
(`server-hook script`, `server-hook install`) and the line naming each refused branch
(sync/server_hook.py, commands/sync.py)."""

from projledger.messages.entry import Entry

E = Entry

ENTRIES: dict[str, Entry] = {
    "hook.script_comment": E(
        "{marker}（pre-receive）：未通过 `projledger audit` 或 `projledger check` 的推送，\n"
        "# 予以拒绝，并列明所发现的问题。本文件由 `projledger server-hook install` 写入；\n"
        "# 从标准输入读取 git 给出的“旧提交 新提交 引用”行。",
        "{marker} (pre-receive): refuses a push that `projledger audit` or\n"
        "# `projledger check` rejects, with their findings as the reason. Written by\n"
        "# `projledger server-hook install`; reads git's `OLD NEW REF` lines on stdin.",
    ),
    "hook.ref_header": E(
        "{ref}（{old}..{new}）：",
        "{ref} ({old}..{new}):",
    ),
}
