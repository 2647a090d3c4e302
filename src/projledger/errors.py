"""User-facing errors. Imports nothing from the package, so every layer can raise them."""


class ProjledgerError(Exception):
    """A problem the user can fix; the CLI prints it as one message and exits 1."""

    exit_code = 1


class UsageError(ProjledgerError):
    """The command line itself is wrong (exit 2)."""

    exit_code = 2


class RootNotFoundError(ProjledgerError):
    """No ledger root (a directory with projledger.yaml) where one was expected."""
