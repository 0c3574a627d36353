# One entry point for readers, authors and CI. `make help` lists the targets.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
JB     := $(BIN)/jupyter-book
BUILD_FLAGS := -W -n --keep-going
# One pytest-xdist worker per core. A file's tests stay on one worker (a
# notebook's cells share a kernel), except the page-by-page browser files;
# tests that need no book build go first (tests/conftest.py).
PYTEST_FLAGS := -n auto --dist loadfile --no-loadscope-reorder

.DEFAULT_GOAL := help
AXE    := tests/browser/node_modules/axe-core/axe.min.js
# Debian's epubcheck installs its jar as /usr/bin/epubcheck; run it with java.
EPUBCHECK := $(realpath $(shell command -v epubcheck 2>/dev/null))

.PHONY: help setup browser-deps html pdf epub site test test-fast check-numerics bench notebooks student check-notebooks lock clean

help:  ## List the targets
	@grep -E '^[a-z-]+:.*##' $(MAKEFILE_LIST) | sed 's/:.*## /\t/' | expand -t 18

$(STAMP): requirements.txt constraints.txt pyproject.toml _ext/package.json _ext/package-lock.json
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	npm ci --prefix _ext --silent --no-audit --no-fund
	touch $@

setup: $(STAMP)  ## Create .venv with the pinned packages and the book's package; PurgeCSS for the build

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

epub: $(STAMP)  ## Build the EPUB edition into _build/epub/tcibook.epub and check it with epubcheck
	$(JB) build . --builder custom --custom-builder epub $(BUILD_FLAGS)
	@if [ -e "$(EPUBCHECK)" ]; then java -jar "$(EPUBCHECK)" -q _build/epub/tcibook.epub && echo "epubcheck: no errors"; \
	 else echo "epubcheck not installed (apt-get install epubcheck): EPUB not checked"; fi
	@echo "EPUB: _build/epub/tcibook.epub"

site: $(STAMP)  ## The site to publish: PDF, EPUB, course pack and student edition, then the HTML that offers them
	$(MAKE) pdf epub coursepack student-edition
	$(MAKE) html
	@echo "Publish _build/html (its downloads/ holds every file the downloads page links)."

test: $(STAMP) $(AXE)  ## Run the full test suite (unit, nbval, HTML/PDF builds, browser)
	OPENBLAS_NUM_THREADS=1 $(BIN)/python -m pytest $(PYTEST_FLAGS)

# Unit tests and doctests only: what carries none of the markers of
# pyproject.toml (no book build, notebook, browser or grading).
FAST_MARKS := not build and not browser and not notebooks and not grading

test-fast: $(STAMP)  ## Unit tests and doctests only (under a minute): the author's quick check
	$(BIN)/python -m pytest $(PYTEST_FLAGS) -o addopts="-ra -p kernel_start --doctest-modules" -m "$(FAST_MARKS)" tests src

check-numerics: $(STAMP)  ## nbval under two numeric configurations (NUMERICS_FLAGS=--baseline-only: the second)
	$(BIN)/python tools/numerics_check.py $(NUMERICS_FLAGS)

bench: $(STAMP) $(AXE)  ## Measure builds, the test suite and the models; print a table
	PYTEST_FLAGS="$(PYTEST_FLAGS)" $(BIN)/python tools/bench.py

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

# --- Instructors ---
# Student edition, grading and course pack (README, "For instructors").
INSTRUCTOR_STAMP := $(VENV)/.instructor-installed
SUBMISSIONS ?=
GRADES ?=
UNFENCED ?=

.PHONY: instructor-setup student-edition grading grade coursepack

$(INSTRUCTOR_STAMP): $(STAMP) requirements-instructor.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-instructor.txt
	touch $@

instructor-setup: $(INSTRUCTOR_STAMP)  ## Add JupyterLab to .venv, to open and run notebooks (requirements-instructor.txt)

student-edition: $(STAMP)  ## Build the book without solutions (HTML and PDF) into _build/student-edition/
	@$(BIN)/python tools/pdf_requirements.py
	$(BIN)/python tools/coursepack.py student-edition --pdf

grading: $(STAMP)  ## Write the grading key and the answer-free package into _build/grading/
	$(BIN)/python tools/grading.py generate

grade: grading  ## Grade every notebook in SUBMISSIONS=dir/, fenced (CSV and feedback: GRADES=, default dir/../grades; UNFENCED=1 to grade without the fence)
	@test -n "$(SUBMISSIONS)" || { echo "usage: make grade SUBMISSIONS=folder/ [GRADES=folder/] [UNFENCED=1]"; exit 2; }
	$(BIN)/python tools/grading.py grade $(SUBMISSIONS) $(GRADES) $(if $(filter 1,$(UNFENCED)),--unfenced)

coursepack: $(STAMP)  ## Write the students' course pack to _build/coursepack/tcibook-coursepack.zip
	$(BIN)/python tools/coursepack.py pack
