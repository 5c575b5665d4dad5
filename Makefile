# Two commands do everything on a fresh machine (Python 3.11+ with venv):
#   make example   build the example field guide to HTML (conf_example/_build/html/index.html)
#   make test      run the checks and the test suite (what CI runs)
VENV ?= .venv
PYTHON ?= python3
BIN := $(VENV)/bin

.PHONY: example test clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --upgrade pip

example: $(BIN)/python
	$(BIN)/python -m pip install -e ".[theme]"
	$(BIN)/sphinx-build -W --keep-going -b html conf_example conf_example/_build/html
	@echo "Open conf_example/_build/html/index.html"

test: $(BIN)/python
	$(BIN)/python -m pip install -e ".[test]"
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) conf_example/_build docs/_build
