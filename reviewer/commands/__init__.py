"""Implementations of the headless subcommands (kept apart from argument parsing)."""
