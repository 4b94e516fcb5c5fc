# Evident — the two commands a newcomer runs are `make demo` and `make test`.
SWIFT    ?= swift
CONFIG   ?= debug
BIN      := .build/$(CONFIG)/evident
SHARED   ?= ../shared
DEMO_DIR ?= demo-workspace

.PHONY: all demo test build deps coverage browser-check clean

all: build

# Debian packages the build links against; installed only when missing.
deps:
	@if command -v dpkg >/dev/null 2>&1 && ! dpkg -s libsqlite3-dev >/dev/null 2>&1; then \
		echo "Installing libsqlite3-dev (SQLite headers for the workspace database)…"; \
		SUDO=$$( [ "$$(id -u)" -eq 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq libsqlite3-dev; \
	fi

build: deps
	$(SWIFT) build -c $(CONFIG)

# A complete worked example on the shipped LiasonPay checklist.
demo: build
	$(BIN) demo --dir $(DEMO_DIR)

# Unit tests, end-to-end tests of the built binary, and the checklist's coverage of the guide.
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	@$(MAKE) --no-print-directory coverage

# Checks the shipped checklist covers every bullet of the LiasonPay guide (needs the shared tools).
coverage:
	@if [ -x $(SHARED)/tools/seed-coverage ]; then \
		$(SHARED)/tools/seed-coverage; \
	else \
		echo "coverage: $(SHARED)/tools/seed-coverage not found; skipped (the checklist's own tests still ran)"; \
	fi

# Renders the demo's HTML report in headless Chromium (installed when absent); fails on any
# console error or blocked request. The screenshot lands in .build/browser-check/report.png.
browser-check: build
	scripts/browser-check.sh $(BIN) .build/browser-check

clean:
	rm -rf .build $(DEMO_DIR)
