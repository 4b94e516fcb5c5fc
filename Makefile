# Evident — the two commands a newcomer runs are `make demo` and `make test`.
SWIFT    ?= swift
CONFIG   ?= debug
BIN      := .build/$(CONFIG)/evident
SHARED   ?= ../shared
DEMO_DIR ?= demo-workspace

.PHONY: all demo test test-tools build deps coverage browser-check completions man install fuzz soak bench clean postgres postgres-stop

all: build

# Debian packages the build links against (SQLite for the workspace database, libyaml for the
# checklist parser); whichever are missing are installed in one apt-get run.
DEB_PACKAGES := libsqlite3-dev libyaml-dev
deps:
	@if command -v dpkg >/dev/null 2>&1; then \
		missing=""; \
		for package in $(DEB_PACKAGES); do dpkg -s $$package >/dev/null 2>&1 || missing="$$missing $$package"; done; \
		if [ -n "$$missing" ]; then \
			echo "Installing$$missing (headers the build links against)…"; \
			SUDO=$$( [ "$$(id -u)" -eq 0 ] || echo sudo ); \
			$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
		fi; \
	fi

build: deps
	$(SWIFT) build -c $(CONFIG)

# A complete worked example on the shipped LiasonPay checklist.
demo: build
	$(BIN) demo --dir $(DEMO_DIR)

# Standard tools the tests drive as an auditor would (the auditor guide is replayed as written).
test-tools:
	@missing=""; for tool in jq:jq zip:zip unzip:unzip openssl:openssl python3:python3; do \
		command -v $${tool%%:*} >/dev/null 2>&1 || missing="$$missing $${tool##*:}"; done; \
	if [ -n "$$missing" ] && command -v apt-get >/dev/null 2>&1; then \
		echo "Installing$$missing (tools the auditor-guide tests use)…"; \
		SUDO=$$( [ "$$(id -u)" -eq 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi

# Unit tests, end-to-end tests of the built binary, and the checklist's coverage of the guide.
# The PostgreSQL suite runs when EVIDENT_TEST_DATABASE_URL is set (`make postgres`, then source its env).
test: deps test-tools
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	@[ -n "$${EVIDENT_TEST_DATABASE_URL:-}" ] || echo "PostgreSQL suite skipped: EVIDENT_TEST_DATABASE_URL is not set (make postgres starts a server)"
	@$(MAKE) --no-print-directory coverage

# Checks the shipped checklist covers every bullet of the LiasonPay guide (needs the shared tools).
coverage:
	@if [ -x $(SHARED)/tools/seed-coverage ]; then \
		$(SHARED)/tools/seed-coverage; \
	else \
		echo "coverage: $(SHARED)/tools/seed-coverage not found; skipped (the checklist's own tests still ran)"; \
	fi

# Every performance figure against its reference and goal, in one table (bench/run.sh).
bench: deps
	bench/run.sh

# Fault tests: SIGKILL during writes, 4 x 50 concurrent writers, a full disk (scripts/soak.sh); on a
# PostgreSQL team store when one is configured, server restarts, SIGKILL and 8 x 250 writers (scripts/soak-postgres.sh).
soak: build
	scripts/soak.sh $(BIN)
	scripts/soak-postgres.sh $(BIN)

# Renders the demo's HTML report and overview page in headless Chromium (installed when absent);
# fails on any console error or blocked request. Screenshots land in .build/browser-check/.
browser-check: build
	scripts/browser-check.sh $(BIN) .build/browser-check

# Shell completions (item ids and cycle names complete from the workspace) into .build/share/.
completions: build
	mkdir -p .build/share/completions
	$(BIN) --generate-completion-script bash > .build/share/completions/evident.bash
	$(BIN) --generate-completion-script zsh > .build/share/completions/_evident
	$(BIN) --generate-completion-script fish > .build/share/completions/evident.fish
	@echo "completions in .build/share/completions (bash: source evident.bash; zsh: put _evident on \$$fpath; fish: copy to ~/.config/fish/completions/)"

# Man pages generated from the command definitions, one per command, into .build/share/man/man1/.
man: deps
	$(SWIFT) package generate-manual --multi-page
	mkdir -p .build/share/man/man1
	cp .build/plugins/GenerateManual/outputs/evident/*.1 .build/share/man/man1/
	@echo "man pages in .build/share/man/man1 (try: man -l .build/share/man/man1/evident.1)"

# Installs the release binary, man pages and completions under PREFIX (default /usr/local).
PREFIX ?= /usr/local
install: man
	$(SWIFT) build -c release --static-swift-stdlib --scratch-path .build-static
	install -d $(PREFIX)/bin $(PREFIX)/share/man/man1 $(PREFIX)/share/bash-completion/completions $(PREFIX)/share/zsh/site-functions $(PREFIX)/share/fish/vendor_completions.d
	install -m 0755 -s .build-static/release/evident $(PREFIX)/bin/evident
	install -m 0644 .build/share/man/man1/*.1 $(PREFIX)/share/man/man1/
	$(PREFIX)/bin/evident --generate-completion-script bash > $(PREFIX)/share/bash-completion/completions/evident
	$(PREFIX)/bin/evident --generate-completion-script zsh > $(PREFIX)/share/zsh/site-functions/_evident
	$(PREFIX)/bin/evident --generate-completion-script fish > $(PREFIX)/share/fish/vendor_completions.d/evident.fish

# libFuzzer on the parsers of untrusted input (checklist YAML, review CSV, auditor bundles), each
# for FUZZ_SECONDS, from the seeds in Tests/Fixtures/fuzz/; a crash leaves its input in
# .build-fuzz/crash-TARGET-* (add it to Tests/Fixtures/fuzz/regressions/TARGET/ with the fix).
FUZZ_SECONDS ?= 60
FUZZER_RUNTIME ?= $(shell find $(dir $(shell readlink -f $(shell command -v swift)))../lib/clang -name 'libclang_rt.fuzzer_no_main-x86_64.a' 2>/dev/null | head -1)
fuzz: deps
	@[ -n "$(FUZZER_RUNTIME)" ] || { echo "fuzz: libclang_rt.fuzzer_no_main not found in the Swift toolchain"; exit 1; }
	EVIDENT_FUZZ=$(FUZZER_RUNTIME) $(SWIFT) build --product EvidentFuzz --scratch-path .build-fuzz
	@for target in checklist csv bundle; do \
		mkdir -p .build-fuzz/corpus/$$target; \
		echo "fuzz: $$target for $(FUZZ_SECONDS) s"; \
		LSAN_OPTIONS=suppressions=Tests/Fixtures/fuzz/lsan.supp EVIDENT_FUZZ_TARGET=$$target .build-fuzz/debug/EvidentFuzz .build-fuzz/corpus/$$target Tests/Fixtures/fuzz/$$target \
			$$(ls -d Tests/Fixtures/fuzz/regressions/$$target 2>/dev/null) \
			-max_total_time=$(FUZZ_SECONDS) -max_len=65536 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
			-artifact_prefix=.build-fuzz/crash-$$target- 2>&1 | grep -E '^(stat::|==|SUMMARY|Done)' || exit 1; \
	done

# A PostgreSQL server to try the team store or run the PostgreSQL suite against (scripts/postgres.sh):
# TLS with its own CA, scram-sha-256, a free loopback port, a superuser evident_admin.
PG_DIR ?= $(CURDIR)/.build/postgres
postgres:
	@bash scripts/postgres.sh start "$(PG_DIR)"
	@echo "Use it:   source $(PG_DIR)/env   (sets EVIDENT_TEST_DATABASE_URL, PGPASSWORD, PGHOST, PGSSLROOTCERT, …)"
	@echo "          make test              (now runs the PostgreSQL suite too)"
	@echo "          createdb evident && $(BIN) init --db \"postgres://evident_admin@127.0.0.1:\$$PGPORT/evident?sslmode=verify-full\""
	@echo "Stop it:  make postgres-stop"

postgres-stop:
	@bash scripts/postgres.sh stop "$(PG_DIR)"

clean:
	rm -rf .build $(DEMO_DIR)
