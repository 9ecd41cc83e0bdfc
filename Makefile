# Every target does its own set-up: a fresh clone needs nothing but python3 and make.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SHARED ?= ../shared

.PHONY: run test lint bench eval screenshots clean setup fuzz

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test,cluster]'
	touch $(STAMP)

setup: $(STAMP)

run: $(STAMP)
	$(BIN)/article-explorer

test: $(STAMP)
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/lint-imports

fuzz: $(STAMP)
	$(BIN)/python benchmarks/fuzz.py
	$(BIN)/python benchmarks/shapes.py --quick --shared $(SHARED)

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py --shared $(SHARED)
	$(BIN)/python benchmarks/formats.py --shared $(SHARED)
	$(BIN)/python benchmarks/shapes.py --shared $(SHARED)
	$(BIN)/python benchmarks/cluster.py --shared $(SHARED)

eval: $(STAMP)
	$(BIN)/python benchmarks/eval.py --shared $(SHARED)

screenshots: $(STAMP)
	$(BIN)/article-explorer screenshots -- screenshots  # `--`: the command, though a folder of that name is here

clean:
	rm -rf $(VENV) build *.egg-info
