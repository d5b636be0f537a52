"""Scoring eventwire against gold-standard files; shared by the CLI, the tests and bench/."""
