"""xAPI statements for an LMS: one per completed attempt. Transcripts never leave the centre."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from datetime import datetime

from scoring.i18n import Bilingual
from simulator.records.store import AttemptDetail

VERBS = {
    "passed": ("http://adlnet.gov/expapi/verbs/passed", "passed", "通过"),
    "failed": ("http://adlnet.gov/expapi/verbs/failed", "failed", "未通过"),
}
ACTIVITY = "urn:collectsim:scenario:"
EXTENSION = "urn:collectsim:extension:"
# A fixed namespace, so an attempt always maps to the same registration id.
NAMESPACE = uuid.UUID("5b0f3c2e-8a4d-4c1e-9d3f-6b7a2c1e0f45")


def iso_duration(seconds: float) -> str:
    whole = max(0, round(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"PT{hours}H{minutes}M{secs}S"


def statement(
    detail: AttemptDetail, home_page: str, titles: Mapping[str, Bilingual] | None = None
) -> dict[str, object]:
    """The attempt as an LMS reads it; the activity is named by the scenario's title where the
    catalog knows it (an LMS showed the bare id), else by its id."""
    summary = detail.summary
    title = (titles or {}).get(summary.scenario)
    name = (
        {"en-US": title.en, "zh-CN": title.zh} if title is not None else {"en-US": summary.scenario}
    )
    verb_id, verb_en, verb_zh = VERBS["passed" if summary.passed else "failed"]
    started = datetime.fromisoformat(summary.started_at)
    finished = datetime.fromisoformat(detail.finished_at) if detail.finished_at else started
    score = summary.score or 0.0
    return {
        "id": str(uuid.uuid5(NAMESPACE, f"statement:{summary.id}")),
        "actor": {
            "objectType": "Agent",
            "name": summary.trainee,
            "account": {"homePage": home_page, "name": summary.trainee},
        },
        "verb": {"id": verb_id, "display": {"en-US": verb_en, "zh-CN": verb_zh}},
        "object": {
            "objectType": "Activity",
            "id": ACTIVITY + summary.scenario,
            "definition": {
                "type": "http://adlnet.gov/expapi/activities/simulation",
                "name": name,
            },
        },
        "result": {
            "score": {"scaled": round(score / 100, 4), "raw": score, "min": 0, "max": 100},
            "success": bool(summary.passed),
            "completion": True,
            "duration": iso_duration((finished - started).total_seconds()),
        },
        "context": {
            "registration": str(uuid.uuid5(NAMESPACE, f"attempt:{summary.id}")),
            "platform": "CollectSim",
            "language": detail.language,
            "extensions": {
                EXTENSION + "attempt": summary.id,
                EXTENSION + "mode": summary.mode,
                EXTENSION + "scenario-hash": detail.scenario_hash,
                EXTENSION + "rulepack": detail.rulepack,
                EXTENSION + "critical": bool(detail.critical),
            },
        },
        "timestamp": finished.isoformat(),
    }
