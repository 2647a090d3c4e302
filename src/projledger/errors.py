"""User-facing errors. Imports only the message catalogue (which imports nothing from
the package), so every layer can raise them."""

from projledger.messages import Lang, Renderable


class ProjledgerError(Exception):
    """A problem the user can fix; the CLI prints it as one message and exits 1.

    Raised with a `Message` (`messages.msg(...)`) or anything `Renderable`, it is shown
    in the run's language; `str()` is its English. Raised with text, the text is shown as
    it is."""

    exit_code = 1

    def text(self, lang: Lang) -> str:
        if len(self.args) == 1 and isinstance(self.args[0], Renderable):
            return self.args[0].render(lang)
        return str(self)


class UsageError(ProjledgerError):
    """The command line itself is wrong (exit 2)."""

    exit_code = 2


class RootNotFoundError(ProjledgerError):
    """No ledger root (a directory with projledger.yaml) where one was expected."""
