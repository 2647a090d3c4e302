"""Ledger files on disk: the only place that imports a YAML library."""
