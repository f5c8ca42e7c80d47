# argmap: `make demo` and `make test` set everything up themselves and are fast on a second run.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
MAPS := $(wildcard maps/*.yaml)
# The document maps' source texts live beside the repository when they are available.
SOURCES_DIR ?= ../shared/sources
SOURCES_FLAG := $(if $(wildcard $(SOURCES_DIR)/*.txt),--sources $(SOURCES_DIR),)
NO_DOT := Graphviz 'dot' is missing and could not be installed: install Graphviz (https://graphviz.org/download/); DOT output works without it and tests that need it are skipped.
NO_CHROMIUM := Chromium and chromedriver are missing and could not be installed: install them (Debian: apt-get install chromium chromium-driver); the viewer's browser tests are skipped.

.PHONY: help setup graphviz chromium demo test lint types pytest docs bench clean

help:
	@echo "make demo   set up, validate and render every map in maps/ into build/"
	@echo "make test   set up, run ruff, mypy --strict and pytest"
	@echo "make docs   regenerate docs/ (diagrams, rule table, evaluation reports)"
	@echo "make bench  run the benchmarks"

setup: $(STAMP) graphviz

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "argmap needs Python 3.11 or newer; set PYTHON=python3.11")'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

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

demo: setup
	@mkdir -p build
	$(BIN)/argmap check $(MAPS) $(SOURCES_FLAG)
	@set -e; for map in $(MAPS); do \
		name=$$(basename $$map .yaml); \
		for fmt in svg png dot; do \
			$(BIN)/argmap render $$map --format $$fmt -o build/$$name.$$fmt; \
		done; \
		$(BIN)/argmap render $$map --overview -o build/$$name-overview.svg; \
	done

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

types: setup
	$(BIN)/mypy

pytest: setup chromium
	$(BIN)/pytest

test: lint types pytest

docs: setup
	$(BIN)/python docs/generate.py

bench: setup
	@set -e; for script in benchmarks/*.py; do echo "== $$script"; $(BIN)/python $$script; done

clean:
	rm -rf build .pytest_cache .mypy_cache .ruff_cache .hypothesis
