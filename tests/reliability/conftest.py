"""The real LanguageTool fixtures of tests/engines/languagetool, for the fault and safety
tests here (`shared_local_server` stops the process's server before and after each test)."""

from tests.engines.languagetool.conftest import lt_installation, shared_local_server

__all__ = ["lt_installation", "shared_local_server"]
