# The two set-up commands of the README: `make demo` and `make test`. Both create .venv when needed.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
DATA   ?= $(or $(BROADSHEET_EVAL_DATA),../shared/data)

.PHONY: install demo test lint bench clean

install: $(STAMP)

# Re-install whenever pyproject.toml or constraints.txt changes. pip is upgraded first: the venv's own
# pip 23.2 fails on trafilatura's lxml extras. constraints.txt pins every package (transitive ones
# too), so an upgrade upstream cannot move a measured figure silently.
$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/broadsheet demo --sample examples/sample

lint: $(STAMP)
	$(BIN)/ruff check src tests
	$(BIN)/mypy

test: lint
	BROADSHEET_EVAL_DATA=$(DATA) $(BIN)/pytest

bench: $(STAMP)
	$(BIN)/broadsheet bench extraction --data $(DATA)
	$(BIN)/broadsheet bench attribution --data $(DATA)
	$(BIN)/broadsheet bench clustering --data $(DATA)
	$(BIN)/broadsheet bench edition --data $(DATA)
	$(BIN)/broadsheet bench backfill --data $(DATA)   # long: 2,000 documents, three ways

clean:
	rm -rf $(VENV) out build *.egg-info .mypy_cache .ruff_cache .pytest_cache
