"""`projledger check`: every finding in every file, as data."""
