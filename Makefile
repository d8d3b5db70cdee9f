# tom — build and test contract. `make run` and `make test` work on a fresh
# machine with Go (see go.mod for the version); .ci/run is what CI calls.

GO       ?= go
BINARY   ?= tom
FUZZTIME ?= 30s
# Cap the minimisation of each new input: large seeds otherwise stall a
# worker for up to a minute.
FUZZMINIMIZE ?= 3s

.PHONY: build run test bench fuzz check-office clean

build:
	$(GO) build -o $(BINARY) .

run: build
	./$(BINARY) interview -f tom.json

# staticcheck is pinned as a tool in go.mod (go get -tool); its results are
# cached, so after the first run it adds a few seconds.
test:
	$(GO) vet ./...
	$(GO) tool staticcheck ./...
	$(GO) test ./...

bench:
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
	$(GO) clean -testcache
