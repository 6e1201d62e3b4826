# Parallax: `make run` opens the app on the bundled sample; `make test` runs the suite.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
# a Linux machine with no display (a server, CI) renders offscreen
ifeq ($(shell uname -s)$(DISPLAY)$(WAYLAND_DISPLAY),Linux)
export QT_QPA_PLATFORM ?= offscreen
endif

.PHONY: install run test lint eval bench clean

install: $(STAMP)

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[test]'
	@touch $(STAMP)

run: install
	@if [ "$(QT_QPA_PLATFORM)" = offscreen ]; then echo "make run: no display here, so the window is drawn offscreen (try: $(VENV)/bin/parallax --screenshot out.png resources/samples/sample_a.txt resources/samples/sample_b.txt)"; fi
	$(VENV)/bin/parallax resources/samples/sample_a.txt resources/samples/sample_b.txt

test: install
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -p no:cacheprovider

lint: install
	$(VENV)/bin/ruff check app ui tests scripts packaging
	$(VENV)/bin/ruff format --check app ui tests scripts packaging
	$(VENV)/bin/mypy
	$(VENV)/bin/mypy --follow-imports=silent ui

eval: install
	$(PY) scripts/eval.py

bench: install
	QT_QPA_PLATFORM=offscreen $(PY) scripts/bench.py

clean:
	rm -rf build dist .pytest_cache .mypy_cache .ruff_cache

include packaging/Makefile.dist
