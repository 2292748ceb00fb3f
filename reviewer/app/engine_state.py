"""The status-bar text of one engine after a check ("ready · 12 flags in 0.4 s · ...")."""

from __future__ import annotations

from reviewer.core.engine import EngineReport, EngineStatus


def engine_state(report: EngineReport, shown: int) -> str:
    """Describe a finished check: `shown` flags remain after the reviewer's word lists.

    Failed detectors, flags left out as invalid and notices ("no false-friend list for nl")
    follow the count, so a silent gap in the flags is never mistaken for clean text.
    """
    if report.status is EngineStatus.OK:
        parts = [f"ready · {shown} flag{'' if shown == 1 else 's'} in {report.seconds:.1f} s"]
    else:
        parts = [f"{report.status}: {report.reason or 'no reason'}"]
    if report.errors:
        count = len(report.errors)
        names = ", ".join(error.detector for error in report.errors)
        parts.append(f"{count} detector{'' if count == 1 else 's'} failed ({names})")
    if report.dropped_flags:
        count = len(report.dropped_flags)
        parts.append(f"{count} invalid flag{'' if count == 1 else 's'} left out")
    parts.extend(report.notices)
    return " · ".join(parts)
