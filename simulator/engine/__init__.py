"""The engine: a scenario becomes a call.

YAML loading (`yamlsafe`, `loader`), the scenario model and catalog, the fixed action registry,
the persona's state machine, the session (turn loop, clock, modes), hints and the journal that
a session writes through a `TurnSink`. Imports only `scoring` and itself: it knows no records
store, no training policy and no user interface.
"""
