# One entry point for readers, authors and CI. `make help` lists the targets.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
JB     := $(BIN)/jupyter-book
BUILD_FLAGS := -W -n --keep-going
# One pytest-xdist worker per core; each file (a notebook's cells share a kernel)
# runs on one worker.
PYTEST_FLAGS := -n auto --dist loadfile

.DEFAULT_GOAL := help
AXE    := tests/browser/node_modules/axe-core/axe.min.js

.PHONY: help setup browser-deps html pdf test check-numerics bench notebooks student check-notebooks lock clean

help:  ## List the targets
	@grep -E '^[a-z-]+:.*##' $(MAKEFILE_LIST) | sed 's/:.*## /\t/' | expand -t 18

$(STAMP): requirements.txt constraints.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

setup: $(STAMP)  ## Create .venv with the pinned packages and the book's package

$(AXE): tests/browser/package.json tests/browser/package-lock.json
	npm ci --prefix tests/browser --silent --no-audit --no-fund
	touch $@

browser-deps: $(AXE)  ## Install axe-core (from npm, pinned) for the accessibility tests

html: $(STAMP)  ## Build the HTML site into _build/html (zero warnings allowed)
	$(JB) build . $(BUILD_FLAGS)
	@echo "Open _build/html/index.html in a browser."

pdf: $(STAMP)  ## Build the PDF into _build/latex/book.pdf (needs TeX; see README)
	@$(BIN)/python tools/pdf_requirements.py
	$(JB) build . --builder pdflatex $(BUILD_FLAGS)
	@echo "PDF: _build/latex/book.pdf"

test: $(STAMP) $(AXE)  ## Run the full test suite (unit, nbval, HTML/PDF builds, browser)
	$(BIN)/python -m pytest $(PYTEST_FLAGS)

check-numerics: $(STAMP)  ## nbval under two numeric configurations (BLAS threads, SIMD kernels)
	$(BIN)/python tools/numerics_check.py

bench: $(STAMP) $(AXE)  ## Measure builds, the test suite and the models; print a table
	$(BIN)/python tools/bench.py

notebooks: $(STAMP)  ## Re-execute chapters into notebooks/ (commit the result)
	$(BIN)/python tools/notebooks.py refresh

student: $(STAMP)  ## Write student versions of the exercises into exercises/student/
	$(BIN)/python tools/exercises.py student

check-notebooks: $(STAMP)  ## Fail if a notebook in notebooks/ is out of sync
	$(BIN)/python tools/notebooks.py check

lock: $(STAMP)  ## Rewrite constraints.txt from the installed environment
	( echo "# Full pinned environment (pip freeze), used as constraints by requirements.txt."; \
	  echo "# Regenerate with \`make lock\` after changing requirements.txt."; \
	  $(BIN)/python -m pip freeze --exclude-editable ) > constraints.txt

clean:  ## Remove build outputs and caches (keeps .venv)
	rm -rf _build .pytest_cache
