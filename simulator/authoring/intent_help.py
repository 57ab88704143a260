"""What each trainee intent means, in zh and en, for `collectsim intents` (data in
`data/intents.yaml`)."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict

from scoring.data_files import load_yaml
from scoring.i18n import Bilingual

DATA = Path(__file__).parent / "data" / "intents.yaml"


class IntentHelpFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    version: Literal[1]
    intents: dict[str, Bilingual]


@cache
def descriptions() -> dict[str, Bilingual]:
    return IntentHelpFile.model_validate(load_yaml(DATA)).intents
