"""Running several engines and merging their flags.

The engines here are small in-test doubles of the `Engine` protocol: the runner's contract
(isolation of failures, cross-engine de-duplication) is what is under test, not any engine.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reviewer.core.checking import merge_flags, run_check
from reviewer.core.document import Document
from reviewer.core.engine import CheckOptions, EngineReport, EngineStatus
from reviewer.core.flags import Flag, Severity

TEXT = "The the talks ended. the union"


def make_flag(engine: str, start: int, end: int, category: str = "Fluency/Grammar", **kw) -> Flag:  # type: ignore[no-untyped-def]
    return Flag(
        start=start,
        end=end,
        text=TEXT[start:end],
        rule=kw.pop("rule", f"{engine.upper()}_RULE"),
        engine=engine,
        category=category,
        severity=kw.pop("severity", Severity.MINOR),
        message="m",
        **kw,
    )


@dataclass
class ListEngine:
    name: str
    flags: list[Flag] = field(default_factory=list)
    fail: bool = False

    def check(self, document: Document, options: CheckOptions) -> EngineReport:
        if self.fail:
            raise ConnectionError("server went away")
        return EngineReport(self.name, EngineStatus.OK, "1", flags=list(self.flags))

    def close(self) -> None:
        pass


def test_same_span_from_two_engines_is_reported_once_keeping_the_stronger() -> None:
    weak = make_flag("languagetool", 0, 7, category="Fluency/Grammar")
    strong = make_flag("artefacts", 0, 7, category="Fluency/Grammar", severity=Severity.MAJOR)
    merged = merge_flags([weak, strong])
    assert len(merged) == 1
    assert merged[0].engine == "artefacts"
    assert merged[0].extra["also_reported_by"] == "languagetool:LANGUAGETOOL_RULE"


def test_overlapping_flags_of_different_categories_are_both_kept() -> None:
    spelling = make_flag("languagetool", 0, 3, category="Fluency/Spelling")
    grammar = make_flag("artefacts", 0, 7, category="Fluency/Grammar")
    assert len(merge_flags([spelling, grammar])) == 2


def test_two_flags_of_one_engine_are_never_merged() -> None:
    first = make_flag("artefacts", 0, 7, rule="A")
    second = make_flag("artefacts", 0, 7, rule="B")
    assert len(merge_flags([first, second])) == 2


def test_a_failing_engine_is_unavailable_and_the_others_still_report() -> None:
    document = Document.from_text(TEXT)
    good = ListEngine("artefacts", [make_flag("artefacts", 21, 30, category="Other")])
    broken = ListEngine("languagetool", fail=True)
    result = run_check(document, [broken, good])
    statuses = {r.name: (r.status, r.reason) for r in result.engines}
    assert statuses["languagetool"] == (
        EngineStatus.UNAVAILABLE,
        "ConnectionError: server went away",
    )
    assert statuses["artefacts"][0] is EngineStatus.OK
    assert [f.text for f in result.flags] == ["the union"]


def test_flags_whose_text_does_not_match_the_document_are_dropped() -> None:
    document = Document.from_text(TEXT)
    wrong = Flag(0, 3, "xyz", "R", "artefacts", "Other", Severity.MINOR, "m")
    result = run_check(document, [ListEngine("artefacts", [wrong])])
    assert result.flags == []


def test_a_flag_inside_a_span_proposed_for_deletion_is_merged_into_it() -> None:
    fragment = make_flag("artefacts", 20, 30, category="Fluency/Grammar", suggestions=("",))
    capital = make_flag("languagetool", 21, 24, category="Fluency/Spelling", suggestions=("The",))
    merged = merge_flags([capital, fragment])
    assert [(f.engine, f.start, f.end) for f in merged] == [("artefacts", 20, 30)]
    assert merged[0].extra["also_reported_by"] == "languagetool:LANGUAGETOOL_RULE"


def test_a_flag_inside_a_span_with_a_rewrite_is_kept() -> None:
    doubled = make_flag("artefacts", 0, 7, category="Fluency/Grammar", suggestions=("The",))
    spelling = make_flag("languagetool", 0, 3, category="Fluency/Spelling", suggestions=("Teh",))
    assert len(merge_flags([doubled, spelling])) == 2


def test_sweep_merge_matches_comparing_every_pair() -> None:
    """The linear sweep must merge exactly what an all-pairs comparison merges."""
    import random

    from reviewer.core import checking

    def all_pairs(flags: list[Flag]) -> list[Flag]:
        ordered = sorted(flags, key=lambda f: (f.start, f.end, -f.severity.rank, f.engine, f.rule))
        kept: list[Flag] = []
        for flag in ordered:
            twin = next(
                (
                    i
                    for i in range(len(kept) - 1, -1, -1)
                    if kept[i].engine != flag.engine and checking._same_problem(kept[i], flag)
                ),
                None,
            )
            if twin is None:
                kept.append(flag)
            else:
                kept[twin] = checking._stronger_with_note(kept[twin], flag)
        return kept

    text = "x" * 400
    generator = random.Random(7)
    for _ in range(200):
        flags = []
        for _ in range(generator.randint(0, 25)):
            start = generator.randint(0, 380)
            end = start + generator.choice([0, 1, 3, 8, 20])
            flags.append(
                Flag(
                    start,
                    end,
                    text[start:end],
                    generator.choice(["A", "B"]),
                    generator.choice(["languagetool", "artefacts"]),
                    generator.choice(["Fluency/Grammar", "Fluency/Spelling", "Other"]),
                    generator.choice(list(Severity)),
                    "m",
                    suggestions=generator.choice([(), ("",), ("fix",)]),
                )
            )
        assert merge_flags(flags) == all_pairs(flags)
