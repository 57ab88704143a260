"""Score a transcript under the current rule pack of its jurisdiction."""

from __future__ import annotations

from scoring.compliance import judge_for
from scoring.report import Report
from scoring.scorer import score
from scoring.transcript import Transcript


def report_for(transcript: Transcript) -> Report:
    return score(transcript, judge_for(transcript.jurisdiction))
