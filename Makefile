# The two commands of the README: `make demo` and `make test`. Both bootstrap a fresh machine:
# uv comes from PyPI when missing, Python is the machine's 3.11 (never downloaded), front-end
# assets are copied from npm packages into tochuc/static/vendor (no CDN at run time).
SHELL := /bin/bash
PYTHON ?= python3.11
UV := $(shell command -v uv 2>/dev/null || echo .tools/bin/uv)
export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := .venv
VENV := .venv/bin
PROVINCE ?= can_tho
DEMO_MEMBERS ?= 140000
TEST_WORKERS ?= auto
VENDOR := tochuc/static/vendor

.PHONY: demo test env static lint serve

.tools/bin/uv:
	$(PYTHON) -m venv .tools
	.tools/bin/pip install --quiet uv

env: $(UV)
	$(UV) sync --frozen --python $(PYTHON)

$(VENDOR)/.built: frontend/package.json frontend/package-lock.json
	cd frontend && npm ci --no-audit --no-fund --loglevel=error
	mkdir -p $(VENDOR)
	cp frontend/node_modules/bootstrap/dist/css/bootstrap.min.css $(VENDOR)/
	cp frontend/node_modules/bootstrap/dist/js/bootstrap.bundle.min.js $(VENDOR)/
	cp frontend/node_modules/htmx.org/dist/htmx.min.js $(VENDOR)/
	cp frontend/node_modules/chart.js/dist/chart.umd.min.js $(VENDOR)/
	mkdir -p $(VENDOR)/fonts
	cp frontend/node_modules/dejavu-fonts-ttf/ttf/DejaVu{Serif,Serif-Bold,Serif-Italic,Serif-BoldItalic,Sans}.ttf \
		$(VENDOR)/fonts/
	cp frontend/node_modules/dejavu-fonts-ttf/LICENSE $(VENDOR)/fonts/LICENSE-DejaVu
	touch $@

static: $(VENDOR)/.built

demo: env static
	TOCHUC_DEBUG=1 $(VENV)/tochuc migrate --noinput
	TOCHUC_DEBUG=1 $(VENV)/tochuc load_admin_units --province $(PROVINCE)
	TOCHUC_DEBUG=1 $(VENV)/tochuc build_party_tree --province $(PROVINCE)
	TOCHUC_DEBUG=1 $(VENV)/tochuc generate_demo --province $(PROVINCE) --members $(DEMO_MEMBERS)
	TOCHUC_DEBUG=1 $(VENV)/tochuc create_demo_users
	@echo "tochuc đang chạy tại http://127.0.0.1:8000/ (Ctrl+C để dừng)"
# The background worker (imports) runs beside the web server and stops with it.
	TOCHUC_DEBUG=1 $(VENV)/tochuc db_worker --no-reload & worker=$$!; \
		trap 'kill $$worker 2>/dev/null' EXIT; \
		TOCHUC_DEBUG=1 $(VENV)/tochuc runserver 127.0.0.1:8000

lint: env
	$(VENV)/ruff check .
	$(VENV)/ruff format --check .

test: env static lint
	$(VENV)/pytest -n $(TEST_WORKERS) $(PYTEST_ARGS)
