# plaidwalk: `make run` opens the walk (offline by default), `make test` runs every test.
GO      ?= go
BIN     := bin/plaidwalk
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS := -X main.version=$(VERSION)
# Size (issue 13): -trimpath drops this machine's paths; nethttpomithttp2 leaves out net/http's
# bundled HTTP/2 (about 0.76 MB), which nothing here needs: the emulator and the Link page serve
# HTTP/1.1 on loopback and Plaid's API answers HTTP/1.1 too. The screen and command-line packages
# are built without inlining (about 0.7 MB): their code runs a few times a second at most, while
# the emulator, net/http and the JSON and crypto packages keep it for the calls that are hot.
COLD    := plaidwalk/tui plaidwalk/cmd/plaidwalk plaidwalk/sessions plaidwalk/codegen \
           github.com/charmbracelet/... github.com/spf13/... github.com/muesli/...
BUILDFLAGS := -trimpath -tags nethttpomithttp2 $(foreach p,$(COLD),-gcflags=$(p)=-l)

.PHONY: build run test test-deps bench lint clean

build:
	$(GO) build $(BUILDFLAGS) -ldflags "$(LDFLAGS)" -o $(BIN) ./cmd/plaidwalk

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
