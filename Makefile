# Two commands set everything up (see README.md): `make run` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV ?= .venv
BIN = $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

# The test environment: real PostgreSQL and Redis on this machine. TZ is the kommun's time zone,
# so a test's date.today() is the app's timezone.localdate() also between 23:00 and 01:00 UTC.
TEST_ENV = TZ=Europe/Stockholm DEBUG=false STATIC_MANIFEST=false \
	SECURE_SSL_REDIRECT=false SESSION_COOKIE_SECURE=false CSRF_COOKIE_SECURE=false \
	SECRET_KEY=test-nyckel-som-bara-anvands-i-testerna-och-aldrig-i-drift-0123456789 \
	DATABASE_URL=$${TEST_DATABASE_URL:-postgres://root@127.0.0.1:5432/remiss} \
	REDIS_URL=$${TEST_REDIS_URL:-redis://127.0.0.1:6379/15} \
	DJANGO_ALLOW_ASYNC_UNSAFE=true

.PHONY: run test lint bench bench-load install install-test frontend services clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e ".[test]"
	touch $@ $(VENV)/.installed

node_modules/.package-lock.json: package.json package-lock.json
	@if command -v npm >/dev/null; then npm ci --no-audit --no-fund; \
	else echo "npm saknas: sidorna visas utan designsystemets stilmallar. Installera Node.js och npm."; fi

frontend: node_modules/.package-lock.json

install: $(VENV)/.installed frontend

run: install
	DEBUG=true REMISS_DEMO=true $(BIN)/python manage.py migrate --no-input
	DEBUG=true REMISS_DEMO=true $(BIN)/python manage.py create_demo_certificate --om-saknas
	DEBUG=true REMISS_DEMO=true $(BIN)/python manage.py seed_demo
	DEBUG=true REMISS_DEMO=true $(BIN)/python manage.py runserver $(HOST):$(PORT)

install-test: $(VENV)/.installed-test frontend
	scripts/install-system-packages

services:
	scripts/ensure-services

lint: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: install-test services lint
	$(TEST_ENV) $(BIN)/python manage.py makemigrations --check --dry-run
	$(TEST_ENV) $(BIN)/pytest -n 2 --dist loadgroup $(PYTEST_ARGS)

# Exits non-zero when any figure misses its target (tests/benchmarks/mal.py).
bench: install-test services
	$(TEST_ENV) $(BIN)/python -m tests.benchmarks $(BENCH)

# The load benchmark alone: gunicorn + locust against the bare view (tests/benchmarks/bench_last.py).
bench-load: install-test services
	$(TEST_ENV) $(BIN)/python -m tests.benchmarks last

clean:
	rm -rf $(VENV) node_modules staticfiles
