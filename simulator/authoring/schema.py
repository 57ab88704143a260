"""JSON Schema (draft-07, what VS Code's YAML extension reads) of scenario and golden files."""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel

from simulator.authoring.goldens import GoldenFile
from simulator.engine.scenario import Scenario
from simulator.training.tracks import Track

DRAFT_07 = "http://json-schema.org/draft-07/schema#"
# Set by the loader from the file's bytes, never written by a trainer.
_COMPUTED = ("content_hash",)


def _draft07(model: type[BaseModel], title: str) -> dict[str, Any]:
    schema = model.model_json_schema(ref_template="#/definitions/{model}", by_alias=True)
    schema = {"$schema": DRAFT_07, "title": title, **schema}
    if "$defs" in schema:
        schema["definitions"] = schema.pop("$defs")
    for name in _COMPUTED:
        schema.get("properties", {}).pop(name, None)
    return schema


def scenario_schema() -> dict[str, Any]:
    return _draft07(Scenario, "CollectSim scenario")


def golden_schema() -> dict[str, Any]:
    return _draft07(GoldenFile, "CollectSim golden conversations")


def track_schema() -> dict[str, Any]:
    return _draft07(Track, "CollectSim certification track")


def dump(schema: dict[str, Any]) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
