# abr-db: two commands after `git clone`: `make up` and `make test`.
SHELL := /bin/bash
BIN := .venv/bin
SQL_DIRS := migrations rpc_functions rls_policies cron_jobs seeds tests_sql tools/abr_db/sql
# The PostgreSQL major (15 or 17): `make up PG=17`, `make test PG=17`; default 15, or $ABR_DB_PG_MAJOR.
# Exported as ABR_DB_PG_MAJOR, which setup, the embedded cluster, the tests and the pgTAP runner read.
PG ?= $(or $(ABR_DB_PG_MAJOR),15)
export ABR_DB_PG_MAJOR := $(PG)

.PHONY: setup up down purge test lint pytest prove db-lint

## setup: install everything the project needs (idempotent; seconds when done); PG=17 adds PostgreSQL 17
setup:
	@bash scripts/setup.sh

## up: start the embedded database, apply everything, load the demo seed, print the URL
up: setup
	@$(BIN)/abr-db up

## down: stop the embedded database (purge: and delete its data)
down:
	@$(BIN)/abr-db down
purge:
	@$(BIN)/abr-db down --purge

## test: the whole suite: SQL style, then pytest (tool, pgTAP files, advisors)
test: setup lint pytest

lint:
	@echo "==> sqlfluff lint $(SQL_DIRS)"
	@$(BIN)/sqlfluff lint --processes 2 $(wildcard $(SQL_DIRS))

## db-lint: plpgsql_check through the Supabase CLI on the `abr-db up` database (pytest runs it on its own)
db-lint:
	@node_modules/.bin/supabase db lint --db-url "$$($(BIN)/python -c 'from abr_db.connect import resolve_url; print(resolve_url())')?sslmode=disable" \
	  --level warning --fail-on warning

pytest:
	@echo "==> pytest on $$($(BIN)/python -m abr_db.pgmajor) (includes supabase db lint --fail-on warning and the Supabase export round trip)"
	@$(BIN)/python -m pytest -q
