# Every target does its own set-up: a fresh clone needs nothing but python3 and make.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SHARED ?= ../shared
# Generated corpora and their cache, kept between runs of bench-1m: a million articles take a
# quarter of an hour or more to parse here, and are parsed again only when the parser changes.
BENCH_KEEP ?= /tmp/article-explorer-bench

.PHONY: run test lint bench bench-1m bench-command bench-views eval screenshots clean setup fuzz

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
	$(BIN)/ruff check tui tests benchmarks
	$(BIN)/ruff format --check tui tests benchmarks
	$(BIN)/mypy
	$(BIN)/lint-imports

fuzz: $(STAMP)
	$(BIN)/python benchmarks/fuzz.py
	$(BIN)/python benchmarks/shapes.py --quick --shared $(SHARED)

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py --shared $(SHARED)
	$(BIN)/python benchmarks/formats.py --shared $(SHARED)
	$(BIN)/python benchmarks/shapes.py --shared $(SHARED)
	$(BIN)/python benchmarks/cluster.py --shared $(SHARED)
	$(BIN)/python benchmarks/command.py --shared $(SHARED)

bench-1m: $(STAMP)
	$(BIN)/python benchmarks/run.py --shared $(SHARED) --sizes 1000000 --keep $(BENCH_KEEP)

# The views alone (core and app) at VIEW_SIZES; 100,000 articles take a quarter of an hour to parse
# the first time, then reuse the corpus and cache kept in BENCH_KEEP: make bench-views VIEW_SIZES=10000,100000
VIEW_SIZES ?= 10000
bench-views: $(STAMP)
	$(BIN)/python benchmarks/bench_views.py --shared $(SHARED) --sizes $(VIEW_SIZES) --keep $(BENCH_KEEP)

bench-command: $(STAMP)
	$(BIN)/python benchmarks/command.py --shared $(SHARED)

eval: $(STAMP)
	$(BIN)/python benchmarks/eval.py --shared $(SHARED)

screenshots: $(STAMP)
	$(BIN)/article-explorer screenshots -- screenshots  # `--`: the command, though a folder of that name is here

clean:
	rm -rf $(VENV) build *.egg-info
