# tom — build and test contract. `make run` and `make test` work on a fresh
# machine with Go (see go.mod for the version); .ci/run is what CI calls.

GO       ?= go
BINARY   ?= tom
# The version stamped into the binary: git describe in a clone, else the
# VERSION file (source archives), else "dev".
VERSION  ?= $(shell git describe --tags --always --dirty 2>/dev/null || cat VERSION 2>/dev/null || echo dev)
# Static (no cgo: os/user and net use their pure-Go code), reproducible paths,
# version stamped into cli.version.
LDFLAGS  := -s -w -X github.com/tom-dsgvo/tom/cli.version=$(VERSION)
DIST     ?= dist
FUZZTIME ?= 30s
# Cap the minimisation of each new input: large seeds otherwise stall a
# worker for up to a minute.
FUZZMINIMIZE ?= 3s

.PHONY: build dist run test bench fuzz check-office clean

build:
	CGO_ENABLED=0 $(GO) build -trimpath -ldflags '$(LDFLAGS)' -o $(BINARY) .

# Release files in $(DIST)/: archives for linux/amd64, linux/arm64,
# darwin/arm64, windows/amd64 (binary, man pages, completions), .deb and .rpm
# (built with the nfpm Go tool pinned in go.mod), and SHA256SUMS.
dist:
	$(GO) run ./internal/dist -version '$(VERSION)' -ldflags '$(LDFLAGS)' -out $(DIST)

run: build
	./$(BINARY) interview -f tom.json

# staticcheck is pinned as a tool in go.mod (go get -tool); its results are
# cached, so after the first run it adds a few seconds.
test:
	$(GO) vet ./...
	# Consultants' Windows and macOS laptops: the code and its tests
	# compile and vet there too (the tests run on Linux).
	GOOS=windows $(GO) vet ./...
	GOOS=darwin $(GO) vet ./...
	$(GO) tool staticcheck ./...
	$(GO) test ./...

# Whole-process times of the built binary on a 1,000-provider file with the
# real catalogue (made at run time), median of repeated runs, wall and CPU,
# target beside each line; the full-screen interview in tmux at 80x24 (bytes
# per key press, first frame) and its in-process keystroke benchmarks; then
# all in-process benchmarks.
# BENCHFLAGS: e.g. -n 31, -clients 0 (skip the batch), -base OLD-BINARY
# (-base-src ITS-SOURCE for its keystroke benchmarks), -interactive=false.
BENCHFLAGS ?=
bench: build
	$(GO) run ./internal/bench -bin ./$(BINARY) $(BENCHFLAGS)
	$(GO) test -run '^$$' -bench . -benchmem ./...

# Runs every fuzz target of every package for FUZZTIME each.
fuzz:
	@set -e; for pkg in $$($(GO) list ./...); do \
		for target in $$($(GO) test -list '^Fuzz' $$pkg | grep '^Fuzz' || true); do \
			echo "== $$pkg $$target ($(FUZZTIME))"; \
			$(GO) test -run '^$$' -fuzz "^$$target$$" -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMINIMIZE) $$pkg; \
		done; \
	done

# Converts the sample document's DOCX with LibreOffice (headless) and checks the
# result has pages. Needs libreoffice-writer-nogui and poppler-utils; not run
# in CI (LibreOffice is large), run it before a release.
check-office: build
	@command -v libreoffice >/dev/null || { echo "check-office: install libreoffice-writer-nogui"; exit 1; }
	@tmp=$$(mktemp -d) && \
	  ./$(BINARY) render testdata/sample/tom.json --format docx --out $$tmp/ && \
	  libreoffice --headless --convert-to pdf --outdir $$tmp $$tmp/*.docx >$$tmp/lo.log 2>&1 && \
	  pdfinfo $$tmp/*.pdf | grep '^Pages:' && \
	  ! grep -i 'error' $$tmp/lo.log && rm -rf $$tmp

clean:
	rm -f $(BINARY)
	rm -rf $(DIST)
	$(GO) clean -testcache
