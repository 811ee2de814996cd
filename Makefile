# Hearth: `make demo` to try it, `make test` to check it. Everything installs into .venv.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
HTMX_VERSION    := 2.0.11
SWAGGER_VERSION := 5.35.0
VENDOR := web/static/vendor
STAMP  := $(VENV)/.installed
export PIP_DISABLE_PIP_VERSION_CHECK=1

.PHONY: install demo serve lint test test-sqlite test-postgres bench migrate seed clean browser

install: $(STAMP) $(VENDOR)/htmx.min.js $(VENDOR)/swagger-ui/swagger-ui-bundle.js

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

# Third-party browser files come from the npm registry at install time, never from git.
$(VENDOR)/htmx.min.js:
	mkdir -p $(VENDOR) .npm-cache
	npm install --silent --no-audit --no-fund --prefix .npm-cache htmx.org@$(HTMX_VERSION)
	cp .npm-cache/node_modules/htmx.org/dist/htmx.min.js $(VENDOR)/htmx.min.js

$(VENDOR)/swagger-ui/swagger-ui-bundle.js:
	mkdir -p $(VENDOR)/swagger-ui .npm-cache
	npm install --silent --no-audit --no-fund --prefix .npm-cache swagger-ui-dist@$(SWAGGER_VERSION)
	cp .npm-cache/node_modules/swagger-ui-dist/swagger-ui-bundle.js .npm-cache/node_modules/swagger-ui-dist/swagger-ui.css $(VENDOR)/swagger-ui/

# Debian's Chromium for the browser tests; Playwright never downloads its own.
browser:
	@test -x /usr/bin/chromium || { echo "Installing Debian's chromium for the browser tests"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/dev/null; }

migrate: install
	$(BIN)/hearth migrate

seed: migrate
	$(BIN)/hearth seed

demo: install
	$(BIN)/hearth demo

serve: install
	$(BIN)/hearth serve

# Lint, types and the import contracts (pyproject.toml holds their settings).
lint: install
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/lint-imports

# Every test, on SQLite and then on the PostgreSQL at 127.0.0.1:5432 (database `test`), after `lint`.
test: lint browser
	$(BIN)/python -m pytest -q -p no:cacheprovider
	HEARTH_TEST_DATABASE=postgresql $(BIN)/python -m pytest -q -p no:cacheprovider

test-sqlite: install browser
	$(BIN)/python -m pytest -q -p no:cacheprovider

test-postgres: install browser
	HEARTH_TEST_DATABASE=postgresql $(BIN)/python -m pytest -q -p no:cacheprovider

bench: install
	@command -v wrk >/dev/null || { echo "Installing wrk (load generator)"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk) >/dev/null; }
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) .npm-cache $(VENDOR) var build *.egg-info
