# One place for the commands the README documents.
PY ?= python3.11
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: setup check test test-integration eval ingest ask

setup:  ## create the virtualenv: CPU torch from the local wheel first, then the project
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet torch==2.13.0
	$(BIN)/pip install --quiet -e ".[dev]"

check:  ## lint and type-check
	$(BIN)/ruff check .
	$(BIN)/mypy

test:  ## the whole suite: unit tests and integration tests against real services
	$(BIN)/python -m pytest -q

test-integration:
	$(BIN)/python -m pytest -q -m integration

eval:  ## the evaluation set as a benchmark (prints figures, BM25 baseline beside them)
	$(BIN)/policyguide eval ../shared/eval/dev.jsonl

ingest:
	$(BIN)/policyguide ingest knowledge/corpus

.PHONY: run-slack
run-slack:  ## the Slack bot; MODE=socket (default, no public URL) or MODE=http PORT=3000
	$(BIN)/policyguide slack $(if $(MODE),--mode $(MODE)) $(if $(PORT),--port $(PORT))
