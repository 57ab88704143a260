"""Loading the project's own YAML data files (rule packs, intents, tone) quickly and safely."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

# libyaml when PyYAML has it: the rule packs alone are ~200 KB of YAML, parsed at start-up.
_Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(source: Path | bytes) -> Any:
    raw = source.read_bytes() if isinstance(source, Path) else source
    return yaml.load(raw, Loader=_Loader)
