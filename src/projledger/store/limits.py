"""Bounds on what a ledger file may be, so no input can take unbounded time or memory."""

MAX_FILE_BYTES = 1024 * 1024
"""A project file of a few dozen items is 5-50 KB; 1 MiB bounds time and memory."""
MAX_DEPTH = 64
"""Ledger data nests about 6 levels deep; deeper text is rejected before it is built."""
