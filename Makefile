# Two commands do everything on a fresh machine (Python 3.11+ with venv):
#   make example   build the example field guide to HTML (conf_example/_build/html/index.html)
#   make test      run the checks and the test suite (what CI runs)
#   make test-floors  the suite with the oldest supported versions (.ci/floors.txt; CI runs it)
VENV ?= .venv
PYTHON ?= python3
BIN := $(VENV)/bin

.PHONY: example test test-floors clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --upgrade pip

example: $(BIN)/python
	$(BIN)/python -m pip install -e ".[theme]"
	$(BIN)/sphinx-build -W --keep-going -b html conf_example conf_example/_build/html
	@echo "Open conf_example/_build/html/index.html"

# axe-core (accessibility rules of the browser tests) from npm into tests/node_modules, when npm
# is there: the tests inject its axe.min.js from that folder and make no request at test time.
AXE_CORE_VERSION ?= 4.14.1

test: $(BIN)/python
	$(BIN)/python -m pip install -e ".[test]"
	@if [ ! -f tests/node_modules/axe-core/axe.min.js ] && command -v npm >/dev/null 2>&1; then \
	  npm install --prefix tests --no-save --no-audit --no-fund --no-package-lock \
	    "axe-core@$(AXE_CORE_VERSION)"; fi
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/python -m pytest

# The suite once more in an environment of its own with exactly the declared dependency floors
# (.ci/floors.txt). Browser and PDF tests are skipped there: they test no version-dependent code.
FLOORS_VENV ?= .floors-venv
test-floors:
	$(PYTHON) -m venv $(FLOORS_VENV)
	$(FLOORS_VENV)/bin/python -m pip install --upgrade pip
	$(FLOORS_VENV)/bin/python -m pip install -c .ci/floors.txt -e ".[test]"
	$(FLOORS_VENV)/bin/python -m pip check
	SPHINX_GA4GH_BROWSER=skip SPHINX_GA4GH_PDF=skip $(FLOORS_VENV)/bin/python -m pytest

clean:
	rm -rf $(VENV) .floors-venv conf_example/_build docs/_build
