# Every target sets up .venv itself, so a fresh clone needs only `make run` or `make test`.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.DEFAULT_GOAL := help
.PHONY: help run test reliability lint bench golden schemas serve clean browser ocr ocr-accuracy scan-zoo zoo zoo-tools zoo-report corpus-report

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-8s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP) ocr ## set up .venv, then run the pipeline on every PDF in raw/ into extracted/
	$(PY) -m pipeline run

test: $(STAMP) browser ocr ## set up .venv, then run the test suite (without the slow reliability probes)
	$(PY) -m pytest

reliability: $(STAMP) ocr ## the slow probes: kill -9 mid-run + rerun, concurrent runs, memory limit, OCR on Dask
	$(PY) -m pytest -m reliability tests/test_reliability_crash.py

lint: $(STAMP) ## ruff (lint + format check) and mypy
	$(VENV)/bin/ruff check pipeline tests
	$(VENV)/bin/ruff format --check pipeline tests
	$(VENV)/bin/mypy

bench: $(STAMP) ## wall time and peak memory of the pipeline vs a bare pdfplumber pass, as ratios
	$(PY) -m pipeline.bench

golden: $(STAMP) ## rewrite tests/golden/ from a run in a temp folder (review `git diff tests/golden/` by eye)
	$(PY) -m tests.golden

ocr-accuracy: $(STAMP) ocr ## OCR accuracy on scans of a PDF (PDF=..., default the default input; 200 and 300 dpi)
	$(PY) -m tests.ocr_accuracy $(PDF)

scan-zoo: $(STAMP) ocr ## scans of the default PDF's first Lampiran II pages, 12 scanner settings from a seed, measured (tests/scan_zoo.py)
	$(PY) -m tests.scan_zoo $(ARGS)

serve: $(STAMP) ## browse extracted/katalog.sqlite in Datasette at http://127.0.0.1:8001 (make run first)
	$(VENV)/bin/datasette serve extracted/katalog.sqlite --metadata extracted/katalog.metadata.json \
	  --host 127.0.0.1 --port 8001

schemas: $(STAMP) ## regenerate schemas/ and validations/expectations/ from the models
	$(PY) -m pipeline schemas

# The HTML report's browser test needs Chromium; installed from Debian's apt, as root or via sudo.
BROWSERS := chromium chromium-browser google-chrome

browser: ## install Chromium with apt-get where missing (the report's browser test needs it)
	@for b in $(BROWSERS); do command -v $$b >/dev/null 2>&1 && exit 0; done; \
	if [ "$$(id -u)" -eq 0 ]; then SUDO=; \
	elif command -v sudo >/dev/null 2>&1; then SUDO=sudo; \
	else echo "error: Chromium is missing; install it as root: apt-get install chromium" >&2; exit 1; fi; \
	echo "installing Chromium (apt-get install chromium) ..."; \
	$$SUDO apt-get update -qq && \
	$$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium

clean: ## remove the virtualenv and caches
	rm -rf $(VENV) .venv-zoo .pytest_cache .mypy_cache .ruff_cache

# Scanned PDFs are read with Tesseract, its Indonesian and English models (Debian packages).
ocr: ## install Tesseract OCR (Indonesian + English) with apt-get where missing
	@if command -v tesseract >/dev/null 2>&1 && tesseract --list-langs 2>/dev/null | grep -qx ind \
	  && tesseract --list-langs 2>/dev/null | grep -qx eng; then exit 0; fi; \
	if [ "$$(id -u)" -eq 0 ]; then SUDO=; \
	elif command -v sudo >/dev/null 2>&1; then SUDO=sudo; \
	else echo "error: Tesseract is missing; install it as root: apt-get install tesseract-ocr tesseract-ocr-ind tesseract-ocr-eng" >&2; exit 1; fi; \
	echo "installing Tesseract (apt-get install tesseract-ocr tesseract-ocr-ind tesseract-ocr-eng) ..."; \
	$$SUDO apt-get update -qq && \
	$$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq tesseract-ocr tesseract-ocr-ind tesseract-ocr-eng >/dev/null

# The layout zoo (tests/fixtures/zoo/README.md): the default's published records printed by
# LibreOffice (a python-docx .docx), Chromium and WeasyPrint (HTML/CSS), with fixed fonts.
# The PDFs are committed, so `make test` needs none of this; only remaking them does.
zoo-tools: ## install LibreOffice Writer, Chromium, Pango (for WeasyPrint) and the DejaVu/Liberation fonts with apt-get where missing
	@missing=; \
	command -v soffice >/dev/null 2>&1 || missing="$$missing libreoffice-writer-nogui"; \
	found=; for b in $(BROWSERS); do command -v $$b >/dev/null 2>&1 && found=1; done; \
	[ -n "$$found" ] || missing="$$missing chromium"; \
	fc-list 2>/dev/null | grep -q DejaVuSerif || missing="$$missing fonts-dejavu"; \
	fc-list 2>/dev/null | grep -q LiberationSansNarrow || missing="$$missing fonts-liberation"; \
	ldconfig -p 2>/dev/null | grep -q 'libpango-1.0.so.0 ' || missing="$$missing libpango-1.0-0"; \
	ldconfig -p 2>/dev/null | grep -q 'libpangoft2-1.0.so.0 ' || missing="$$missing libpangoft2-1.0-0"; \
	[ -z "$$missing" ] && exit 0; \
	if [ "$$(id -u)" -eq 0 ]; then SUDO=; \
	elif command -v sudo >/dev/null 2>&1; then SUDO=sudo; \
	else echo "error: missing$$missing; install as root: apt-get install$$missing" >&2; exit 1; fi; \
	echo "installing$$missing (apt-get install) ..."; \
	$$SUDO apt-get update -qq && \
	$$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null

# Its own virtualenv: python-docx brings lxml, and with lxml installed openpyxl writes other
# .xlsx bytes, so the golden test would fail in .venv.
ZOO_VENV  := .venv-zoo
ZOO_STAMP := $(ZOO_VENV)/.installed

$(ZOO_STAMP): pyproject.toml
	$(PYTHON) -m venv $(ZOO_VENV)
	$(ZOO_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(ZOO_VENV)/bin/python -m pip install --quiet -e '.[zoo]'
	touch $(ZOO_STAMP)

zoo: $(ZOO_STAMP) zoo-tools ## print the default's published records through LibreOffice, Chromium and WeasyPrint into tests/fixtures/zoo/ (NAMES=... for some)
	$(ZOO_VENV)/bin/python -m tests.zoo $(NAMES)

corpus-report: $(STAMP) ocr ## per real regulation (tests/fixtures/real): pages, tables, rows, columns, word recall/precision in table frames, findings, seconds
	$(PY) -m tests.corpus_report

zoo-report: $(STAMP) ## per rendering and zoo PDF: records, identical Rencana Aksi records, datasets changed, seconds
	$(PY) -m tests.zoo.report --details
