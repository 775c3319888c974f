# The two Quick start commands of the README: `make book` and `make test`.
PY ?= python3
YEAR ?= 2024

.PHONY: setup book test lint

setup:
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock -e ".[test]"

book: setup
	$(PY) -m lakip_lib.cli validate $(YEAR)
	$(PY) -m lakip_lib.cli audit $(YEAR)

lint:
	$(PY) -m ruff check .

test: setup lint
	$(PY) -m pytest
