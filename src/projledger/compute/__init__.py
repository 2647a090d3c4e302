"""Pure computations on ledgers and a date, shared by every view and report."""
