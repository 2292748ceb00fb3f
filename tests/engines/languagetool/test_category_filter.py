"""`--disable-categories` on LanguageTool's flags: MQM names, dimensions and LanguageTool ids.

One check per option set against the session's real server (a few seconds in all).
"""

from __future__ import annotations

import pytest

from reviewer.core.checking import run_check
from reviewer.core.document import Document
from reviewer.core.engine import CheckOptions
from reviewer.engines.artefacts.engine import ArtefactsEngine
from reviewer.engines.languagetool.engine import LanguageToolEngine, request_parameters
from reviewer.engines.languagetool.mapping import category_table

pytestmark = pytest.mark.languagetool

TEXT = (
    "He go to the market every day. The minister was not availble for comment. "
    "We will meet at 5 PM in the evening. Officials said the the talks had ended.\n"
)


def test_mqm_names_and_dimensions_stay_here_languagetool_ids_go_to_the_server() -> None:
    options = CheckOptions(disabled_categories=frozenset({"Fluency", "Style/Awkward", "TYPOS"}))
    assert request_parameters(options, category_table())["disabledCategories"] == "TYPOS"


def test_each_finding_is_filtered_by_its_own_category_in_both_engines(
    lt_engine: LanguageToolEngine,
) -> None:
    document = Document.from_text(TEXT)
    engines = [lt_engine, ArtefactsEngine()]

    def found(*disabled: str) -> set[tuple[str, str]]:
        options = CheckOptions(disabled_categories=frozenset(disabled))
        result = run_check(document, engines, options)
        assert all(report.status == "ok" for report in result.engines)
        return {(flag.engine, flag.category) for flag in result.flags}

    everything = found()
    assert {
        ("languagetool", "Fluency/Grammar"),
        ("languagetool", "Fluency/Spelling"),
        ("languagetool", "Style/Awkward"),
    } <= everything
    no_spelling = found("Fluency/Spelling")
    assert ("languagetool", "Fluency/Spelling") not in no_spelling
    assert ("languagetool", "Fluency/Grammar") in no_spelling
    no_fluency = found("Fluency")  # a dimension: every Fluency/... finding of both engines
    assert not {category for _, category in no_fluency if category.startswith("Fluency/")}
    assert ("languagetool", "Style/Awkward") in no_fluency
    by_id = found("TYPOS")  # LanguageTool's own category id still works
    assert ("languagetool", "Fluency/Spelling") not in by_id
    assert ("languagetool", "Fluency/Grammar") in by_id
