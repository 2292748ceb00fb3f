"""SRC_FALSE_FRIEND: a false friend whose source word is really in the source.

The artefacts engine's MT_FALSE_FRIEND guesses from the English context alone ("arrested the
operation" is suspicious whatever the source said). With the source at hand the guess
becomes a check: the entry fires only when its source word (*detener*, *actualmente*) is in
the unit's source, and the message names that word. The lexicon is the artefacts engine's
(`resources/artefacts/false_friends/`, whose entries list their source `triggers`). When this
check ran, it decides for MT_FALSE_FRIEND (`resources/source/supersedes.yaml`): a guess from
the English stays only where the source confirms it (one flag, merged), so a reviewer sees
the precise one; with the artefacts engine alone, the guesses stand.
"""

from __future__ import annotations

from collections.abc import Iterator

from reviewer.core.flags import Severity
from reviewer.engines.artefacts.detectors.false_friends import sourced_false_friends
from reviewer.engines.source.check import BilingualView, Finding, UnitCheck, UnitView


class SourceFalseFriend(UnitCheck):
    """False friend: the source word means something else than its English look-alike"""

    rule_id = "SRC_FALSE_FRIEND"
    category = "Accuracy/Mistranslation"
    severity = Severity.MAJOR
    confidence = 0.8

    def check_unit(self, unit: UnitView, view: BilingualView) -> Iterator[Finding]:
        for found in sourced_false_friends(unit.target, unit.source, view.source_language):
            finding = found.finding
            yield Finding(
                finding.start,
                finding.end,
                finding.message,
                suggestions=finding.suggestions,
                confidence=finding.confidence,
            )
