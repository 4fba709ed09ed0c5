# plaidwalk: `make run` opens the walk (offline by default), `make test` runs every test.
GO      ?= go
BIN     := bin/plaidwalk
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS := -X main.version=$(VERSION)

.PHONY: build run test test-deps bench lint clean

build:
	$(GO) build -ldflags "$(LDFLAGS)" -o $(BIN) ./cmd/plaidwalk

run: build
	./$(BIN)

# Browser and terminal tests need chromium, tmux, curl and jq; test-deps installs what is missing.
# Each benchmark also runs once, so one that no longer works fails here, not at `make bench`.
test: test-deps lint build
	$(GO) test -race -count=1 -timeout 9m ./...
	$(GO) test -run '^$$' -bench . -benchtime 1x -count=1 -timeout 3m ./...

test-deps:
	@sh .ci/install-test-deps

# The emulator's retained memory is measured over 50k flows, the figure issue 13 set a target for.
bench: build
	$(GO) test -run '^$$' -bench . -benchmem -count 1 ./...
	$(GO) test -run '^$$' -bench RetainedPerShortcutFlow -benchtime 50000x -count 1 ./emulator

lint:
	$(GO) vet ./...
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	  if [ -n "$$out" ]; then echo "gofmt needed on: $$out"; exit 1; fi

clean:
	rm -rf bin testdata-artifacts
