"""The ledger as commands see it: files read, checked, computed and cached by content.

The orchestration above `check` and `compute` (which are pure) and `history` (snapshots at
a revision): what a report, a listing or a project card loads. Nothing below imports it.
"""
