"""The persona's state graph: reachability for lint, and diagrams for trainers."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

from scoring.endings import of_class
from simulator.engine.persona import HUNG_UP_STATE
from simulator.engine.scenario import Scenario


@dataclass(frozen=True, slots=True)
class Edge:
    source: str
    target: str
    triggers: tuple[str, ...]
    index: int  # position in `transitions`; -1 for the engine's hang-up edge


def hang_up_state(scenario: Scenario) -> str:
    return next((n for n, s in scenario.states.items() if s.ending == "hung_up"), HUNG_UP_STATE)


def state_names(scenario: Scenario) -> list[str]:
    names = list(scenario.states)
    if hang_up_state(scenario) not in names:
        names.append(HUNG_UP_STATE)
    return names


def live_states(scenario: Scenario) -> list[str]:
    return [n for n, s in scenario.states.items() if s.ending is None]


def edges(
    scenario: Scenario, *, with_hang_up: bool = True, with_wildcards: bool = True
) -> list[Edge]:
    """Every (source, target) edge; wildcards expand to every live state."""
    live = live_states(scenario)
    found: list[Edge] = []
    for index, t in enumerate(scenario.transitions):
        if "*" in t.source and not with_wildcards:
            continue
        sources = live if "*" in t.source else t.source
        found.extend(Edge(s, t.to, tuple(t.on), index) for s in sources)
    if with_hang_up and scenario.persona.hangs_up_below > 0:
        target = hang_up_state(scenario)
        found.extend(Edge(s, target, ("(mood)",), -1) for s in live)
    return found


def reachable(
    scenario: Scenario, start: str, *, with_hang_up: bool = True, with_wildcards: bool = True
) -> set[str]:
    out: dict[str, set[str]] = {}
    for e in edges(scenario, with_hang_up=with_hang_up, with_wildcards=with_wildcards):
        out.setdefault(e.source, set()).add(e.target)
    seen = {start}
    queue = deque([start])
    while queue:
        for nxt in out.get(queue.popleft(), ()):
            if nxt not in seen:
                seen.add(nxt)
                queue.append(nxt)
    return seen


def ending_of(scenario: Scenario, state: str) -> str | None:
    spec = scenario.states.get(state)
    if spec is None:
        return "hung_up" if state == HUNG_UP_STATE else None
    return spec.ending


def to_mermaid(scenario: Scenario) -> str:
    lines = ["stateDiagram-v2", f"    [*] --> {scenario.initial}"]
    for e in _merged(scenario):
        label = ", ".join(e.triggers)
        lines.append(f"    {e.source} --> {e.target}: {label}")
    for name in state_names(scenario):
        ending = ending_of(scenario, name)
        if ending is not None:
            lines.append(f"    {name} --> [*]")
            lines.append(f"    note right of {name}: ending {ending}")
    return "\n".join(lines) + "\n"


def to_dot(scenario: Scenario) -> str:
    lines = [
        f'digraph "{scenario.id}" {{',
        "    rankdir=LR;",
        '    node [shape=box, style=rounded, fontname="sans-serif"];',
        f'    "__start" [shape=point]; "__start" -> "{scenario.initial}";',
    ]
    for name in state_names(scenario):
        ending = ending_of(scenario, name)
        if ending is not None:
            colour = "#c0392b" if ending in of_class("fail") else "#27ae60"
            lines.append(
                f'    "{name}" [shape=doubleoctagon, color="{colour}", '
                f'label="{name}\\n({ending})"];'
            )
    for e in _merged(scenario):
        style = ', style=dashed, color="#999999"' if e.index == -1 else ""
        lines.append(f'    "{e.source}" -> "{e.target}" [label="{", ".join(e.triggers)}"{style}];')
    lines.append("}")
    return "\n".join(lines) + "\n"


def _merged(scenario: Scenario) -> list[Edge]:
    """One edge per (source, target), its triggers merged, in first-seen order."""
    merged: dict[tuple[str, str], Edge] = {}
    for e in edges(scenario):
        key = (e.source, e.target)
        if key in merged:
            old = merged[key]
            triggers = tuple(dict.fromkeys([*old.triggers, *e.triggers]))
            merged[key] = Edge(old.source, old.target, triggers, old.index)
        else:
            merged[key] = e
    return list(merged.values())
