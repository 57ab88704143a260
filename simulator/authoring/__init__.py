"""Trainer tooling over scenarios: validation, the graph lint, diagrams, golden conversations,
JSON schemas, the scaffold of a new scenario and the catalog's documentation.

Imports the engine, records and training (a track file is validated like a scenario); nothing
imports authoring but the command line.
"""
