# make bench     the benchmark of issues 6 and 14: builds the public SSG-benchmark corpus at
#                six sizes with iptsite and with the floor, and the default site, and rewrites
#                docs/performance.md
# make bench PEERS=hugo   the same, with Hugo v0.160.0 in the same run (installed once into
#                the user cache folder, ~/.cache/iptsite-bench/, the first time: minutes)
# make bench-go  the go test benchmarks of the build's stages (load, render, minify, write,
#                the default site, serve's rebuilds after an edit)
# make bench-check  each of those benchmarks once, to see that they still run (no timing)
# make screenshots  phone (390x844) and desktop (1280x800) screenshots of the default site
#                into docs/screenshots/: home, a content page, a worksheet filled in, My
#                answers, the PHQ-9's alert and a print preview (needs Chromium)
# make fuzz      each fuzz target for FUZZTIME (default 30s), one after another

GO ?= go

.PHONY: bench bench-quick bench-go bench-check screenshots fuzz

bench:
	$(GO) run ./cmd/benchsite $(if $(PEERS),-peers $(PEERS)) -write docs/performance.md

# One size, one run: to see a change's effect quickly. Writes nothing.
bench-quick:
	$(GO) run ./cmd/benchsite -sizes 4000 -runs 1

bench-go:
	$(GO) test -run '^$$' -bench . -benchmem ./internal/content/ ./internal/compiled/ ./internal/render/ ./internal/output/ ./internal/server/ ./internal/diskfile/ ./internal/treecodec/

screenshots:
	$(GO) test ./internal/worksheet -run '^TestScreenshots$$' -count=1 -screenshots

bench-check:
	$(GO) test -run '^$$' -bench . -benchtime 1x ./internal/content/ ./internal/compiled/ ./internal/render/ ./internal/output/ ./internal/server/ ./internal/diskfile/ ./internal/treecodec/

# The fuzz targets, as package:Target. go test runs each over its seeds (the testdata
# fixtures); here each is fuzzed in turn, and an input that fails it is written to
# the package's testdata/fuzz/<Target>/, where go test runs it from then on.
FUZZTIME ?= 30s
FUZZ_TARGETS = ./internal/content:FuzzParse ./internal/content:FuzzPlainAsYAML ./internal/config:FuzzSiteYAML \
	./internal/worksheet:FuzzWorksheet ./internal/render:FuzzLinks ./internal/compiled:FuzzEscapers \
	./internal/plainyaml:FuzzSameAsYAML ./internal/markdown:FuzzUnlinked \
	./internal/treecodec:FuzzRoundTrip ./internal/treecodec:FuzzDecode ./internal/render:FuzzCompact \
	./internal/markdown:FuzzTextWriter ./internal/config:FuzzShapes ./internal/worksheet:FuzzIDShapes \
	./internal/markdown:FuzzAlertType

fuzz:
	@set -e; for t in $(FUZZ_TARGETS); do \
		echo "fuzz $${t#*:} ($${t%%:*}) for $(FUZZTIME)"; \
		$(GO) test -run '^$$' -fuzz "^$${t#*:}$$" -fuzztime $(FUZZTIME) "$${t%%:*}"; \
	done
