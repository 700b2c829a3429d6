# The PbR Toolkit. `make help` lists the targets.
#   make run   - create .venv, install, migrate, load demo content, serve on 127.0.0.1:$(PORT)
#   make test  - checks, migrations check and every test
SHELL := /bin/bash
.DEFAULT_GOAL := help

PORT ?= 8000
VENV ?= .venv
# pyenv honours .python-version (3.13); without pyenv, any python3 >= 3.12 will do.
PYTHON ?= python3
VPY := $(VENV)/bin/python
MANAGE := $(VPY) manage.py
STAMP := $(VENV)/.installed
MO_FILES := $(patsubst %.po,%.mo,$(shell find site/locale -name '*.po'))

.PHONY: help
help: ## List the targets
	@grep -hE '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  \033[36m%-12s\033[0m %s\n", $$1, $$2}'

$(VPY):
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)' || { \
	  echo "Python 3.12 or newer is needed (found $$($(PYTHON) --version 2>&1)). Install 3.13 (see .python-version) or run: make PYTHON=/path/to/python3.13 run"; exit 1; }
	$(PYTHON) -m venv $(VENV)

$(STAMP): $(VPY) requirements.txt pyproject.toml
	$(VPY) -m pip install --quiet --upgrade pip
	$(VPY) -m pip install --quiet -r requirements.txt
	# Maps the import name pbr_site onto site/ (see pyproject.toml and README).
	$(VPY) -m pip install --quiet --no-build-isolation --no-deps -e .
	@touch $(STAMP)

.PHONY: install
install: $(STAMP) ## Create .venv and install the pinned requirements

.PHONY: messages
messages: $(MO_FILES) ## Compile the Welsh interface text (site/locale/cy)

# Each .mo is rebuilt only when its .po changed: `.ci/run` runs three `make test` at once, and
# none may rewrite a file another one's tests are reading.
# GNU gettext's msgfmt when present; otherwise polib (installed with wagtail-localize).
site/locale/%.mo: site/locale/%.po | $(STAMP)
	@if command -v msgfmt >/dev/null; then msgfmt --check-format -o "$@.tmp" "$<"; \
	else $(VPY) -c 'import sys, polib; polib.pofile(sys.argv[1]).save_as_mofile(sys.argv[2])' "$<" "$@.tmp"; fi
	@mv "$@.tmp" "$@"

.PHONY: makemessages
makemessages: install ## Collect new interface strings into site/locale/cy/LC_MESSAGES/django.po
	$(MANAGE) makemessages -l cy --no-obsolete --ignore='.venv/*' --ignore='node_modules/*' --ignore='var/*' --ignore='site/static/*'

.PHONY: migrate
migrate: install ## Create or update the database (SQLite, or DATABASE_URL)
	$(MANAGE) migrate --noinput
	$(MANAGE) createcachetable

.PHONY: demo
demo: migrate messages ## Load the demo content (idempotent)
	$(MANAGE) load_demo_content

.PHONY: run
run: demo ## Set everything up and serve the site on http://127.0.0.1:$(PORT) (with its tasks worker)
	@echo "Serving http://127.0.0.1:$(PORT)/ (admin: http://127.0.0.1:$(PORT)/admin/)"
	@# The tasks worker (imports, review PDFs) runs beside the server and stops with it.
	$(MANAGE) db_worker --no-reload & worker=$$!; trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	  $(MANAGE) runserver 127.0.0.1:$(PORT) --noreload

.PHONY: superuser
superuser: migrate ## Create an administrator account of your own (asks for a password)
	$(MANAGE) createsuperuser

# Backups: one zip with the content, the responses and the uploaded files (see README).
BACKUP_FILE ?= var/backups/pbr-$(shell date +%Y%m%d-%H%M%S).zip

.PHONY: backup
backup: install ## Back up content, responses and uploads: make backup [FILE=var/backups/x.zip]
	@mkdir -p "$(dir $(or $(FILE),$(BACKUP_FILE)))"
	$(MANAGE) backup_site "$(or $(FILE),$(BACKUP_FILE))"

.PHONY: restore
restore: ## Restore a backup into an empty database: make restore FILE=var/backups/x.zip
	@test -n "$(FILE)" || { echo "Say which backup: make restore FILE=var/backups/x.zip"; exit 1; }
	$(MAKE) --no-print-directory migrate
	$(MANAGE) restore_site "$(FILE)"

.PHONY: collectstatic
collectstatic: install
	DJANGO_SETTINGS_MODULE=pbr_site.settings.production SECRET_KEY=collectstatic ALLOWED_HOSTS=localhost \
	  $(MANAGE) collectstatic --noinput -v 0

# make serve: Varnish (site/varnish/pbr.vcl) on $(PORT) in front of gunicorn on $(BACKEND_PORT).
BACKEND_PORT ?= $(shell echo $$(($(PORT) + 1)))
VARNISHD ?= $(or $(shell command -v varnishd),/usr/sbin/varnishd)
# Varnish's memory for stored pages: when full, the least recently used go first.
VARNISH_STORAGE ?= 256m

.PHONY: serve
serve: migrate messages collectstatic ## Production-like: Varnish on 127.0.0.1:$(PORT), gunicorn + whitenoise behind it, a tasks worker
	@# Everything under production settings: the demo content without the demo accounts, then
	@# `check --deploy`, which fails while any demo account exists (remove_demo_accounts), then
	@# the tasks worker, gunicorn and Varnish, which stop together (Ctrl-C, or any one exiting).
	@# Wagtail purges Varnish through FRONTEND_CACHE_URL; Varnish is the one proxy in front
	@# (TRUSTED_PROXY_COUNT=1: rate limits count the address Varnish saw).
	@# varnishd -j none: it runs as whoever starts it (root too), reading the VCL where it is.
	@mkdir -p var/varnish
	@printf '%s\n' 'vcl 4.1;' '# Written by make serve: the application server; the rules are in site/varnish/pbr.vcl.' \
	  'backend default { .host = "127.0.0.1"; .port = "$(BACKEND_PORT)"; }' \
	  'include "$(CURDIR)/site/varnish/pbr.vcl";' > var/varnish/default.vcl
	export DJANGO_SETTINGS_MODULE=pbr_site.settings.production \
	  SECRET_KEY=$${SECRET_KEY:-$$(cat var/serve-secret-key 2>/dev/null || $(VPY) -c 'import secrets;print(secrets.token_urlsafe(50))' | tee var/serve-secret-key)} \
	  ALLOWED_HOSTS=$${ALLOWED_HOSTS:-127.0.0.1,localhost} SECURE_SSL_REDIRECT=$${SECURE_SSL_REDIRECT:-false} \
	  FRONTEND_CACHE_URL=$${FRONTEND_CACHE_URL:-http://127.0.0.1:$(PORT)} TRUSTED_PROXY_COUNT=$${TRUSTED_PROXY_COUNT:-1}; \
	$(MANAGE) load_demo_content && $(MANAGE) check --deploy && \
	  echo "Serving http://127.0.0.1:$(PORT)/ through Varnish (gunicorn on 127.0.0.1:$(BACKEND_PORT))" && \
	  bash -c '$(MANAGE) db_worker --no-reload & worker=$$!; \
	    $(VENV)/bin/gunicorn pbr_site.wsgi --bind 127.0.0.1:$(BACKEND_PORT) --workers $${WEB_CONCURRENCY:-3} --access-logfile - & web=$$!; \
	    $(VARNISHD) -F -j none -a 127.0.0.1:$(PORT) -f "$(CURDIR)/var/varnish/default.vcl" -n "$(CURDIR)/var/varnish/work" \
	      -s malloc,$(VARNISH_STORAGE) & cache=$$!; \
	    trap "kill $$worker $$web $$cache 2>/dev/null" EXIT INT TERM; wait -n'

.PHONY: assets
assets: ## Rebuild the GOV.UK Frontend CSS/JS into site/static (needs Node; output is committed)
	npm ci
	npm run build

.PHONY: test
test: messages ## Run the checks and every test (SQLite, or DATABASE_URL)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(MANAGE) check --fail-level WARNING
	$(MANAGE) makemigrations --check --dry-run
	@# Production settings' own checks, against a throw-away empty database: the local one may hold
	@# `make run`'s demo accounts, which production refuses (make serve checks the real database).
	DJANGO_SETTINGS_MODULE=pbr_site.settings.production SECRET_KEY=$$($(VPY) -c 'import secrets;print(secrets.token_urlsafe(50))') \
	  ALLOWED_HOSTS=pbr.example.org DATABASE_URL=sqlite:///:memory: $(MANAGE) check --deploy --fail-level WARNING
	$(VPY) -m pytest $(PYTEST_ARGS)

.PHONY: bench
bench: messages ## Benchmark Varnish+gunicorn+PostgreSQL(pbr_bench)+Redis(db 3) on 127.0.0.1; writes docs/performance.md (minutes; not in make test)
	$(VPY) bench/run.py --write docs/performance.md $(BENCH_ARGS)

.PHONY: clean
clean: ## Remove the virtual environment, local database and collected files
	rm -rf $(VENV) var db.sqlite3 *.egg-info
