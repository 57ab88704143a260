# CollectSim: `make run` opens the simulator, `make test` runs lint, types and the whole suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint typecheck unit bench eval mutate clean

$(STAMP): pyproject.toml setup.py
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/collectsim

lint: $(STAMP)
	$(BIN)/ruff check simulator scoring tests benchmarks setup.py
	$(BIN)/ruff format --check simulator scoring tests benchmarks setup.py
	$(BIN)/lint-imports

typecheck: $(STAMP)
	$(BIN)/mypy

# The records tests run on SQLite and on PostgreSQL: scripts/test-postgres starts Debian's
# server on loopback when it is installed (.ci/run installs it) and prints the URL.
# pytest exits 5 when it collects no test; say so plainly rather than fail with no reason.
unit: $(STAMP)
	@pg="$${COLLECTSIM_TEST_PG:-$$(scripts/test-postgres)}"; \
	if [ -z "$$pg" ]; then echo "no PostgreSQL server here: the PostgreSQL tests will skip"; fi; \
	COLLECTSIM_TEST_PG="$$pg" $(BIN)/pytest; status=$$?; \
	if [ $$status -eq 5 ]; then echo "pytest: no tests were collected"; exit 0; fi; \
	exit $$status

test: lint typecheck unit

# Every benchmark (CPU time beside wall time and the load average), and the table the README
# quotes: benchmarks/results.md. BENCH_ATTEMPTS sets the HR benchmark's size (200,000).
bench: $(STAMP)
	$(BIN)/python benchmarks/run_all.py

# Understanding measured: dev and held-out test sets, whole calls, accuracy (README figures).
eval: $(STAMP)
	$(BIN)/python benchmarks/eval_devsets.py devsets
	$(BIN)/python benchmarks/eval_devsets.py testsets
	$(BIN)/python benchmarks/eval_calls.py devsets
	$(BIN)/python benchmarks/eval_calls.py testsets
	$(BIN)/python benchmarks/eval_accuracy.py devsets
	$(BIN)/python benchmarks/eval_accuracy.py testsets

# Mutation testing of the score formula, objectives, endings and the engine's turn loop
# ([tool.mutmut] in pyproject.toml; long: run it before changing scoring, not in CI).
mutate: $(STAMP)
	$(BIN)/python -m pip install --quiet mutmut==3.8.1
	$(BIN)/mutmut run --max-children 2; $(BIN)/mutmut results

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache mutants
