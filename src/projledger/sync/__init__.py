"""Many hands, one ledger: the item merge driver (`driver`, `tree_merge`), `sync`
(`exchange`), `resolve`, and the server hook (`server_hook`, `receive`). `gitcmd` is the one
module here that runs git."""
