"""One module per command: each takes plain arguments and returns an exit code."""
