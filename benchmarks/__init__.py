"""Benchmarks: `make bench` (see benchmarks/run_all.py)."""
