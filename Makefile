# Two commands for a fresh machine:  `make chat`  and  `make test`.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV := .venv
PY := $(VENV)/bin/python
RASA := $(VENV)/bin/rasa
PYTHON310 := $(shell command -v python3.10 2>/dev/null || pyenv which python3.10 2>/dev/null)

SPACY_PIPELINE := build/spacy_pipeline
MODEL := models/assistant.tar.gz
TRAIN_LOG := .rasa/logs/train.log
TRAINING_INPUTS := config.yml domain.yml $(shell find data -name '*.yml' 2>/dev/null) $(wildcard bot/nlp/*.py) $(wildcard bot/nlp/*.jsonl) $(wildcard bot/nlp/*.json)

# Ports and addresses for `make serve` (override: make serve RASA_PORT=8080)
HOST ?= 127.0.0.1
RASA_PORT ?= 5005
ACTION_PORT ?= 5055
export TF_CPP_MIN_LOG_LEVEL ?= 2
export RASA_TELEMETRY_ENABLED ?= false
export SQLALCHEMY_SILENCE_UBER_WARNING ?= 1
export PYTHONWARNINGS ?= ignore::DeprecationWarning

.PHONY: help setup chat serve train test test-cluster audit browser bench review lint clean

help:
	@echo "make chat    set everything up, then chat with the assistant in this terminal"
	@echo "             (NEW=1 starts a new conversation; URL=... chats with a running assistant)"
	@echo "make serve   Rasa server (REST channel, web widget) + action server on $(HOST)"
	@echo "make test    set everything up, then run the whole test suite"
	@echo "make train   (re)train the model if data or config changed"
	@echo "make test-cluster  PostgreSQL + Redis + two Rasa servers, faults injected (run by CI)"
	@echo "make bench   benchmark against a default Rasa assistant"
	@echo "make review  last 7 days of conversations; misunderstood messages -> review_nlu.yml"
	@echo "             (DAYS=30 OUT=path; DB=postgresql://... or ENDPOINTS=endpoints.cluster.yml)"

$(VENV)/.installed: requirements.txt requirements-dev.txt
	@echo "==> [1/3] Python environment: $(VENV) (Python 3.10, pinned packages)"
	@test -n "$(PYTHON310)" || { echo "Python 3.10 not found: install it (or pyenv's 3.10) first"; exit 1; }
	@test -x $(PY) || $(PYTHON310) -m venv $(VENV)
	@$(PY) -m pip install --quiet --upgrade "pip==24.2"
	@$(PY) -m pip install --quiet -r requirements-dev.txt
	@touch $@

$(SPACY_PIPELINE)/meta.json: bot/nlp/config.cfg bot/nlp/spelling.py $(wildcard bot/nlp/*.jsonl) $(wildcard bot/nlp/*.json) $(VENV)/.installed
	@echo "==> [2/3] spaCy pipeline: tokenizer, lookup lemmatizer, entity_ruler -> $(SPACY_PIPELINE)"
	@rm -rf $(SPACY_PIPELINE)
	@# Rasa fingerprints the spaCy pipeline by its path only: its cached features go too
	@rm -rf .rasa/cache
	@# spaCy's own `--code` option is broken by this typer version: import the factory first
	@$(PY) -c "import bot.nlp, spacy.cli; spacy.cli.setup_cli()" assemble bot/nlp/config.cfg $(SPACY_PIPELINE) 2>&1 | grep -E "✔|✘" || true
	@test -f $@

$(MODEL): $(TRAINING_INPUTS) $(SPACY_PIPELINE)/meta.json
	@echo "==> [3/3] Training the Rasa model, cached components reused (log: $(TRAIN_LOG))"
	@mkdir -p $(dir $(TRAIN_LOG))
	@start=$$(date +%s); \
	if $(RASA) train --fixed-model-name assistant --out models > $(TRAIN_LOG) 2>&1; then \
		grep -E "Restored component|Starting to train component" $(TRAIN_LOG) | sed -E 's/.*(Restored|Starting to train) component/    \1/'; \
		echo "    trained in $$(( $$(date +%s) - start )) s -> $@"; touch $@; \
	else tail -n 40 $(TRAIN_LOG); exit 1; fi

setup: $(MODEL)

train: setup

# `make chat URL=https://...` chats with an assistant that is already running elsewhere
chat: $(if $(URL),$(VENV)/.installed,setup)
ifdef URL
	@$(PY) -m bot.terminal --url "$(URL)" $(if $(NEW),--new)
else
	@$(PY) -m bot.launch chat --model $(MODEL) $(if $(NEW),--new)
endif

serve: setup
	@$(PY) -m bot.launch serve --model $(MODEL) --host $(HOST) --port $(RASA_PORT) --action-port $(ACTION_PORT)

test: setup browser
	@echo "==> Running the test suite (data validation, unit, NLU, stories, REST, browser)"
	@$(PY) -m pytest

test-cluster: setup
	@echo "==> Cluster test: PostgreSQL + Redis + two Rasa servers, PostgreSQL/Redis faults (installs Debian packages if missing)"
	@$(PY) -m pytest -m cluster tests/cluster

audit: $(VENV)/.installed
	@echo "==> Dependency audit (pip-audit in its own venv; findings in docs/security.md)"
	@test -x build/audit-venv/bin/pip-audit || { $(PYTHON310) -m venv build/audit-venv && build/audit-venv/bin/pip install --quiet pip-audit; }
	@$(VENV)/bin/pip freeze --all > build/frozen-requirements.txt
	@build/audit-venv/bin/pip-audit -r build/frozen-requirements.txt --no-deps --disable-pip

# axe-core (pinned) for the widget's accessibility test: build/node_modules, git-ignored
AXE_CORE_VERSION := 4.14.1
AXE_JS := build/node_modules/axe-core/axe.min.js

browser: $(AXE_JS)
	@test -x /usr/bin/chromium || { echo "==> Installing Debian's chromium for the browser tests"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

$(AXE_JS):
	@command -v npm >/dev/null || { echo "==> Installing Debian's npm for axe-core"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm >/dev/null; }
	@echo "==> axe-core $(AXE_CORE_VERSION) for the accessibility test -> build/node_modules"
	@mkdir -p build
	@npm install --prefix build --no-save --no-package-lock --no-audit --no-fund --silent \
		axe-core@$(AXE_CORE_VERSION)
	@grep -q '"version": "$(AXE_CORE_VERSION)"' build/node_modules/axe-core/package.json
	@touch $@

bench: setup
	@$(PY) -m bench.run

# Conversation review (bot/review.py): reads the store the server writes to (endpoints.yml:
# $TRACKER_DB or .rasa/conversations.db), or DB=<database URL>, or ENDPOINTS=<file>.
DAYS ?= 7
OUT ?= review_nlu.yml
review: $(VENV)/.installed
	@$(PY) -m bot.review --days "$(DAYS)" --out "$(OUT)" $(if $(DB),--db "$(DB)") $(if $(ENDPOINTS),--endpoints "$(ENDPOINTS)")

lint: $(VENV)/.installed
	@$(VENV)/bin/ruff check actions bot tests bench
	@$(VENV)/bin/ruff format --check actions bot tests bench

clean:
	rm -rf build models .rasa results
