"""The judge: analysis of trainee lines, rule packs, scorers and reports.

Pure and UI-free: nothing here imports `simulator`, Textual or a database.
"""
