# Two commands on a fresh machine: `make demo` and `make test`. Everything else is a detail.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint typecheck pytest screenshots pico clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/heardback demo

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/lint-imports

typecheck: $(STAMP)
	DEBUG=1 $(BIN)/mypy src

pytest: $(STAMP)
	DEBUG=1 $(BIN)/heardback makemigrations --check --dry-run
	$(BIN)/pytest -n 2 $(PYTEST_ARGS)

test: lint typecheck pytest

# docs/screenshots/: each persona's main pages, phone and desktop, English and French, from the
# demo organization, taken by the browser tests in Chromium (docs/screenshots/README.md).
screenshots: $(STAMP)
	HEARDBACK_SCREENSHOTS=1 DEBUG=1 $(BIN)/pytest -q -p no:randomly tests/browser

# vendor/pico.min.css: Pico CSS built with heardback's settings (vendor/pico.heardback.scss), from
# the npm registry (needs npm). To upgrade, change PICO, run it, then `make screenshots` and look.
PICO := 2.1.1
SASS := 1.83.4
VENDOR := src/heardback/static/heardback/vendor
pico:
	rm -rf .pico && mkdir .pico
	cd .pico && npm pack --silent @picocss/pico@$(PICO) && tar xzf picocss-pico-$(PICO).tgz
	cd .pico && npx --yes sass@$(SASS) --no-source-map --style=compressed --load-path=package/scss \
		../$(VENDOR)/pico.heardback.scss ../$(VENDOR)/pico.min.css
	cp .pico/package/LICENSE.md $(VENDOR)/pico.LICENSE
	rm -rf .pico

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache
