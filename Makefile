# make bench     the benchmark of issue 6: builds the public SSG-benchmark corpus at six
#                sizes with iptsite and with the floor, and rewrites docs/performance.md
# make bench-go  the go test benchmarks of the build's stages (load, render, minify, write)
# make fuzz      each fuzz target for FUZZTIME (default 30s), one after another

GO ?= go

.PHONY: bench bench-quick bench-go fuzz

bench:
	$(GO) run ./cmd/benchsite -write docs/performance.md

# One size, one run: to see a change's effect quickly. Writes nothing.
bench-quick:
	$(GO) run ./cmd/benchsite -sizes 4000 -runs 1

bench-go:
	$(GO) test -run '^$$' -bench . -benchmem ./internal/content/ ./internal/render/ ./internal/output/

# The fuzz targets, as package:Target. go test runs each over its seeds (the testdata
# fixtures); here each is fuzzed in turn, and an input that fails it is written to
# the package's testdata/fuzz/<Target>/, where go test runs it from then on.
FUZZTIME ?= 30s
FUZZ_TARGETS = ./internal/content:FuzzParse ./internal/config:FuzzSiteYAML \
	./internal/worksheet:FuzzWorksheet ./internal/render:FuzzLinks

fuzz:
	@set -e; for t in $(FUZZ_TARGETS); do \
		echo "fuzz $${t#*:} ($${t%%:*}) for $(FUZZTIME)"; \
		$(GO) test -run '^$$' -fuzz "^$${t#*:}$$" -fuzztime $(FUZZTIME) "$${t%%:*}"; \
	done
