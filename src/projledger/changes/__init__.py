"""Changing the ledger: load → change → validate → atomic write → one git commit."""
