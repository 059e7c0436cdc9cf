# One place for the commands the README documents.
PY ?= python3.11
VENV ?= .venv
BIN := $(VENV)/bin
# the Teams adapter: Python 3.12 (the Microsoft 365 Agents SDK's floor), its own virtualenv
PY312 ?= $(shell for p in "$$(pyenv root 2>/dev/null)"/versions/3.12*/bin/python3.12 python3.12; do "$$p" -V >/dev/null 2>&1 && echo "$$p" && break; done)
TEAMS_VENV ?= .venv-teams
TEAMS_BIN := $(TEAMS_VENV)/bin

.PHONY: setup setup-teams check test test-core test-teams test-integration eval ingest ask

setup: setup-teams  ## both virtualenvs: the core (CPU torch from the local wheel first), Teams
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet torch==2.13.0
	$(BIN)/pip install --quiet -e ".[dev]"

setup-teams:
	test -x $(TEAMS_BIN)/python || $(PY312) -m venv $(TEAMS_VENV)
	$(TEAMS_BIN)/pip install --quiet -r bot/teams/requirements-dev.txt

check:  ## lint and type-check (the Teams adapter with its own interpreter)
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(TEAMS_BIN)/mypy --config-file bot/teams/mypy.ini bot/teams

test: test-core test-teams  ## the whole suite: unit and integration tests against real services

test-core:
	$(BIN)/python -m pytest -q

test-teams:  ## the Teams adapter over real HTTP; it starts the core API from $(VENV) itself
	$(TEAMS_BIN)/python -m pytest -q -c tests/teams/pytest.ini tests/teams

test-integration:
	$(BIN)/python -m pytest -q -m integration

eval:  ## the evaluation set as a benchmark (prints figures, BM25 baseline beside them)
	$(BIN)/policyguide eval ../shared/eval/dev.jsonl

ingest:
	$(BIN)/policyguide ingest knowledge/corpus

.PHONY: run-api run-teams teams-package
run-api:  ## the core HTTP API (needs POLICYGUIDE_API_KEYS); docs at http://127.0.0.1:8080/docs
	$(BIN)/policyguide serve

run-teams:  ## the Teams bot (POLICYGUIDE_TEAMS_*), calling the core API
	$(TEAMS_BIN)/python -m bot.teams

teams-package:  ## the Teams app package (manifest + icons) for upload
	$(BIN)/policyguide teams package

.PHONY: run-slack
run-slack:  ## the Slack bot; MODE=socket (default, no public URL) or MODE=http PORT=3000
	$(BIN)/policyguide slack $(if $(MODE),--mode $(MODE)) $(if $(PORT),--port $(PORT))
