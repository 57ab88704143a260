"""The one list of endings: what each is called and what it counts as (`data/endings.yaml`)."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, model_validator

from scoring.data_files import load_yaml
from scoring.i18n import Bilingual

DATA = Path(__file__).parent / "data" / "endings.yaml"

# Endings a scenario's states may declare.
Ending = Literal[
    "promise_to_pay",
    "plan_agreed",
    "refused",
    "hung_up",
    "escalated",
    "wrong_party",
    "callback",
    "dispute_logged",
    "cease_requested",
]
# Endings the engine itself produces, outside any scenario state.
EngineEnding = Literal["trainee_ended", "turn_limit"]
EndingClass = Literal["promise", "success", "fail", "neutral"]


class EndingSpec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    kind: EndingClass = Field(alias="class")
    label: Bilingual


class EndingsFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    version: Literal[1]
    pass_needs_good_ending: bool
    endings: dict[str, EndingSpec]

    @model_validator(mode="after")
    def _every_ending_once(self) -> EndingsFile:
        expected = {*get_args(Ending), *get_args(EngineEnding)}
        if set(self.endings) != expected:
            missing, unknown = expected - set(self.endings), set(self.endings) - expected
            raise ValueError(f"endings: missing {sorted(missing)}, unknown {sorted(unknown)}")
        return self


@cache
def _file() -> EndingsFile:
    return EndingsFile.model_validate(load_yaml(DATA))


def endings() -> dict[str, EndingSpec]:
    return _file().endings


def pass_needs_good_ending() -> bool:
    """The house rule: a call passes only when it ends in one of its good endings."""
    return _file().pass_needs_good_ending


def of_class(*kinds: EndingClass) -> frozenset[str]:
    return frozenset(name for name, spec in endings().items() if spec.kind in kinds)


def label(ending: str | None) -> Bilingual:
    spec = endings().get(ending or "")
    return spec.label if spec else Bilingual(zh=ending or "—", en=ending or "—")
