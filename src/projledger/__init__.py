"""projledger: key-project ledgers (重点项目台账) kept as YAML files in git."""

__version__ = "0.1.0"
