# The two commands every new user needs: `make run` and `make test`. See README.md.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test test-fast lint format bench eval serve loadtest loadtest-teacher migrate demo clean

# Runtime packages; re-installed only when requirements.txt changes.
$(VENV)/.runtime: requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

# Test and lint tools on top of the runtime packages.
$(VENV)/.dev: $(VENV)/.runtime requirements-dev.txt
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $@

migrate: $(VENV)/.runtime
	$(BIN)/python manage.py migrate --noinput -v 0

demo: migrate
	$(BIN)/python manage.py setup_demo --base-url http://$(HOST):$(PORT)

run: demo
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

# The whole suite, spread over the machine's cores (TEST_WORKERS=0: one process, in order).
TEST_WORKERS ?= auto
test: $(VENV)/.dev
	$(BIN)/python -m pytest -n $(TEST_WORKERS) --dist worksteal

# All but the tests marked slow (browser, gunicorn, new processes): about a minute, for while
# you work; `make test` before you commit.
test-fast: $(VENV)/.dev
	$(BIN)/python -m pytest -m "not slow" -n $(TEST_WORKERS) --dist worksteal

lint: $(VENV)/.dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(VENV)/.dev
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# Production: DEBUG off, whitenoise, gunicorn. Needs DJANGO_SECRET_KEY and DJANGO_ALLOWED_HOSTS.
WORKERS ?= 2
serve: export DJANGO_DEBUG = 0
serve: $(VENV)/.runtime
	$(BIN)/python manage.py check --deploy --fail-level ERROR
	$(BIN)/python manage.py migrate --noinput -v 0
	$(BIN)/python manage.py collectstatic --noinput -v 0
	$(BIN)/gunicorn quizsite.wsgi --bind $(HOST):$(PORT) --workers $(WORKERS) --access-logfile -

# 200 students join and submit at once against gunicorn on 127.0.0.1; LOADTEST_DATABASE_URL=postgres://…
# runs it on a temporary database of that PostgreSQL server instead of a SQLite file.
loadtest: $(VENV)/.runtime
	$(BIN)/python -m quizzes.benchmarks.loadtest --database-url "$(LOADTEST_DATABASE_URL)"

# The same, then again while the quiz's teacher uploads the costliest accepted article and fixes
# the keys and regrades in the admin; the students' p95 submit may be at most twice the first's.
loadtest-teacher: $(VENV)/.runtime
	$(BIN)/python -m quizzes.benchmarks.loadtest --teacher --database-url "$(LOADTEST_DATABASE_URL)"

bench: $(VENV)/.dev
	$(BIN)/python -m quizzes.benchmarks

# EVAL_ARGS="--min-recall 0.41 --min-in-text 1 --max-conflicts 0" fails when a figure falls (CI).
eval: $(VENV)/.runtime
	$(BIN)/python -m quizzes.evaluation $(EVAL_ARGS)

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache
