"""Training and certification over the records: tracks and what a level needs, HR views,
rescoring stored calls, resuming an interrupted call, signed certificates and xAPI statements.

Imports records, the engine and scoring; never a user interface.
"""
