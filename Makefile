# The two Quick start commands of the README: `make book` and `make test`.
PY ?= python3
YEAR ?= 2024

.PHONY: setup system-deps book test lint typecheck notebooks benchmark-smoke

setup:
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock -e ".[test]"

# Debian packages: Chromium's headless shell prints the PDF edition and Chromium runs the
# browser tests (the same Chromium build); poppler-utils (pdftotext, pdftoppm) is for looking at
# the PDF and draws the cover picture for link previews; DejaVu gives the PDF its fonts; Java
# runs the Nu HTML validator (vnu-jar) in the tests.
system-deps:
	@command -v chromium >/dev/null && command -v chromium-headless-shell >/dev/null && \
	  command -v pdftotext >/dev/null && command -v java >/dev/null || { \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	    chromium chromium-headless-shell fonts-dejavu-core poppler-utils \
	    default-jre-headless >/dev/null; }

book: setup system-deps
	$(PY) -m lakip_lib.cli build $(YEAR)

lint:
	$(PY) -m ruff check .

# mypy over lakip_lib, configured in pyproject.toml ([tool.mypy]).
typecheck:
	$(PY) -m mypy

# axe-core and vnu-jar (pinned in package-lock.json) for the accessibility and HTML validity
# tests, from the npm registry.
node_modules/axe-core/axe.min.js: package-lock.json
	npm ci --no-audit --no-fund --silent

test: setup system-deps lint typecheck node_modules/axe-core/axe.min.js
	$(PY) -m pytest

# Every benchmark once at its smallest sizes, so that they cannot rot unnoticed (CI runs this
# after `make test`; the figures to quote come from full runs: python benchmarks/build.py).
benchmark-smoke: setup system-deps
	$(PY) benchmarks/build.py --smoke
	$(PY) benchmarks/buku_kerja.py --smoke
	$(PY) benchmarks/portal.py --smoke

# Re-execute notebooks/*.ipynb and store their 2024 outputs (what nbval compares against).
notebooks:
	$(PY) -m lakip_lib.cli refresh-notebooks
