# argmap: `make demo` and `make test` set everything up themselves and are fast on a second run.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
COMPILED := $(VENV)/.compiled
SPEEDUPS := $(VENV)/.speedups
SPEEDUPS_SRC := argmap/formats/aif/_speedups.c
PACKAGE_FILES := $(shell find argmap -type f \( -name '*.py' -o -name '*.json' \) 2>/dev/null)
MAPS := $(wildcard maps/*.yaml)
# The document maps' source texts live beside the repository when they are available.
SOURCES_DIR ?= ../shared/sources
SOURCES_FLAG := $(if $(wildcard $(SOURCES_DIR)/*.txt),--sources $(SOURCES_DIR),)
NO_DOT := Graphviz 'dot' is missing and could not be installed: install Graphviz (https://graphviz.org/download/); DOT output works without it and tests that need it are skipped.
NO_CHROMIUM := Chromium and chromedriver are missing and could not be installed: install them (Debian: apt-get install chromium chromium-driver); the viewer's browser tests are skipped.

.PHONY: help setup graphviz chromium node demo pictures test test-thorough lint types pytest docs bench clean

help:
	@echo "make demo   set up, check every map in maps/ and draw its readable pictures into build/"
	@echo "make test   set up, run ruff, mypy --strict and pytest (deterministic)"
	@echo "make test-thorough   the property tests with many random examples"
	@echo "make docs   regenerate docs/ (diagrams, rule table, evaluation reports)"
	@echo "make bench  run the benchmarks"

setup: $(STAMP) $(COMPILED) $(SPEEDUPS) graphviz

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "argmap needs Python 3.11 or newer; set PYTHON=python3.11")'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

# Byte-compile the package as pip does for an installed wheel, so every command starts from bytecode
# even where PYTHONDONTWRITEBYTECODE keeps Python from caching it (an editable install compiles nothing).
$(COMPILED): $(STAMP) $(PACKAGE_FILES)
	@$(BIN)/python -m compileall -q argmap
	@touch $(COMPILED)

# The AIF reader's optional C accelerator, built in place for this venv's Python where a C compiler
# exists (tools/build_speedups.py says so in one line where none does; the reader then runs in pure
# Python, with the same results).
$(SPEEDUPS): $(STAMP) $(SPEEDUPS_SRC) tools/build_speedups.py
	@$(BIN)/python tools/build_speedups.py
	@touch $(SPEEDUPS)

# Install Graphviz only when `dot` is missing: apt-get as root or via sudo, brew on macOS.
graphviz:
	@if command -v dot >/dev/null 2>&1; then \
		: ; \
	elif command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
		echo "installing Graphviz with apt-get"; \
		{ DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
		  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq graphviz >/dev/null; } || \
		echo "$(NO_DOT)"; \
	elif command -v apt-get >/dev/null 2>&1 && command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then \
		echo "installing Graphviz with sudo apt-get"; \
		{ sudo DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
		  sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq graphviz >/dev/null; } || \
		echo "$(NO_DOT)"; \
	elif command -v brew >/dev/null 2>&1; then \
		echo "installing Graphviz with brew"; brew install graphviz || echo "$(NO_DOT)"; \
	else \
		echo "$(NO_DOT)"; \
	fi

# The viewer's browser tests drive the system's Chromium (never a downloaded one): install it and its
# driver only when missing, as Graphviz is.
chromium:
	@if command -v chromedriver >/dev/null 2>&1 && { command -v chromium >/dev/null 2>&1 || \
		command -v chromium-browser >/dev/null 2>&1 || command -v google-chrome >/dev/null 2>&1; }; then \
		: ; \
	elif command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
		echo "installing Chromium with apt-get"; \
		{ DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
		  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null; } || \
		echo "$(NO_CHROMIUM)"; \
	elif command -v apt-get >/dev/null 2>&1 && command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then \
		echo "installing Chromium with sudo apt-get"; \
		{ sudo DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
		  sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null; } || \
		echo "$(NO_CHROMIUM)"; \
	elif command -v brew >/dev/null 2>&1; then \
		echo "installing Chromium with brew"; \
		brew install --cask chromium && brew install --cask chromedriver || echo "$(NO_CHROMIUM)"; \
	else \
		echo "$(NO_CHROMIUM)"; \
	fi

# make demo: check every map, then draw each map's readable pictures into build/ (overview, each
# pole and theme as SVG and PNG, the whole map as SVG only), one `argmap render --view all` process
# per map. A map is drawn again only when it or argmap changed, so a second run takes seconds.
PICTURE_LISTS := $(patsubst maps/%.yaml,build/.%.pictures,$(MAPS))

demo: setup
	@mkdir -p build
	$(BIN)/argmap check $(MAPS) $(SOURCES_FLAG)
	@$(MAKE) --no-print-directory pictures
	@echo "Pictures in build/ (open an .svg in a browser and hover a node for its source and quote):"
	@sed -e 's/^wrote /  /' $(PICTURE_LISTS)

pictures: $(PICTURE_LISTS)

# Each map's list of pictures is written last, so an interrupted render is redone next time.
build/.%.pictures: maps/%.yaml $(PACKAGE_FILES) $(STAMP)
	@mkdir -p build
	@rm -f build/$*.png build/$*.svg build/$*.dot
	@echo "drawing maps/$*.yaml"
	@$(BIN)/argmap render $< --view all -o build -f svg,png > $@.tmp
	@mv $@.tmp $@

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

types: setup
	$(BIN)/mypy

# make test is deterministic: Hypothesis replays the same examples every run (profile "ci", see
# tests/conftest.py). make test-thorough draws many new random examples for the property tests.
# The differential tests run Argdown's parser and mermaid's under Node; they are skipped (with the
# reason shown) where node is missing. npm ci runs again only when the lock file changes.
NODE_DIR := tests/node
NODE_STAMP := $(NODE_DIR)/node_modules/.installed
node:
	@if command -v npm >/dev/null 2>&1; then \
		$(MAKE) --no-print-directory $(NODE_STAMP); \
	else \
		echo "node/npm not found: the Argdown and mermaid differential tests will be skipped"; \
	fi

$(NODE_STAMP): $(NODE_DIR)/package-lock.json
	cd $(NODE_DIR) && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

pytest: setup chromium node
	HYPOTHESIS_PROFILE=$${HYPOTHESIS_PROFILE:-ci} $(BIN)/pytest

test-thorough: setup chromium node
	HYPOTHESIS_PROFILE=thorough $(BIN)/pytest -m hypothesis

test: lint types pytest

docs: setup
	$(BIN)/python docs/generate.py
	@# The viewer pages show the source texts beside the diagram: without them the committed pages stay.
	@if [ -n "$(SOURCES_FLAG)" ]; then \
		for name in blank-2012-paradox beijing-2008-cable; do \
			$(BIN)/argmap html maps/$$name.yaml $(SOURCES_FLAG) -o docs/viewer/$$name.html; \
		done; \
	else \
		echo "docs/viewer/ left as it is: the source texts are not in $(SOURCES_DIR)"; \
	fi

bench: setup
	@set -e; for script in benchmarks/*.py; do echo "== $$script"; $(BIN)/python $$script; done

clean:
	rm -rf build .pytest_cache .mypy_cache .ruff_cache .hypothesis
