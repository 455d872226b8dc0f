# Samarbejdsportalen: `make demo` and `make test` each do the whole set-up on a fresh machine.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
export PATH := $(CURDIR)/$(BIN):$(PATH)
HOST ?= 127.0.0.1
PORT ?= 8000
# The demo's links (emails, calendar feeds) follow PORT (config/settings/base.py).
DEMO_ENV := PORTAL_DEMO=1 PORT=$(PORT)

.PHONY: demo test setup assets migrate lint format lock messages bench worker clean

demo: setup
	$(DEMO_ENV) $(BIN)/python manage.py migrate --noinput
	$(DEMO_ENV) $(BIN)/python manage.py createcachetable
	$(DEMO_ENV) $(BIN)/python manage.py load_demo
	@echo "Samarbejdsportalen: http://$(HOST):$(PORT)/  (demo logins: see README.md; Ctrl-C stops)"
	@$(DEMO_ENV) $(BIN)/python manage.py run_huey & worker=$$!; \
	  trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	  $(DEMO_ENV) $(BIN)/gunicorn config.wsgi --bind $(HOST):$(PORT) --workers 2 --threads 4 \
	    --access-logfile - --graceful-timeout 5

# One worker process per core, each with its own test database (decision 0038); a test module
# stays on one worker, so its module-scoped fixtures (demo data, the browser) are made once.
# PYTEST_WORKERS='-n 0' runs everything in one process; PYTEST_ARGS adds options and paths.
PYTEST_WORKERS ?= -n auto --dist loadscope

test: setup
	$(BIN)/pytest $(PYTEST_WORKERS) $(PYTEST_ARGS)

setup: $(VENV)/.installed node_modules/.installed assets

$(VENV)/.installed: requirements/dev.txt
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 ($(PYTHON)) is required"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements/dev.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	@command -v npm >/dev/null || { echo "npm (Node.js) is required for the DKFDS assets"; exit 1; }
	npm ci --no-audit --no-fund
	touch $@

assets: $(VENV)/.installed node_modules/.installed
	$(DEMO_ENV) $(BIN)/python manage.py collectstatic --noinput --verbosity 0

worker: setup
	$(BIN)/python manage.py run_huey

lint: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format: $(VENV)/.installed
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Re-resolve the pinned, hashed dependency set after editing pyproject.toml.
lock:
	uv pip compile pyproject.toml --python-version 3.11 --generate-hashes -o requirements/base.txt
	uv pip compile pyproject.toml --extra dev --python-version 3.11 --generate-hashes -o requirements/dev.txt

messages: $(VENV)/.installed
	cd portal && $(DEMO_ENV) ../$(BIN)/django-admin makemessages -l da --no-obsolete -e html,txt,py \
	  --ignore 'node_modules/*' --ignore '.venv/*'
	cd portal && ../$(BIN)/django-admin compilemessages -l da

bench: setup
	$(BIN)/python bench/front_page.py

clean:
	rm -rf $(VENV) node_modules var
