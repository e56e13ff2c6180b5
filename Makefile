# make bench     the benchmark of issues 6 and 14: builds the public SSG-benchmark corpus at
#                six sizes with iptsite and with the floor, and the default site, and rewrites
#                docs/performance.md
# make bench PEERS=hugo   the same, with Hugo v0.160.0 in the same run (installed once into
#                the user cache folder, ~/.cache/iptsite-bench/, the first time: minutes)
# make bench-go  the go test benchmarks of the build's stages (load, render, minify, write,
#                the default site, serve's rebuilds after an edit)
# make bench-check  each of those benchmarks once, to see that they still run (no timing)

GO ?= go

.PHONY: bench bench-quick bench-go bench-check

bench:
	$(GO) run ./cmd/benchsite $(if $(PEERS),-peers $(PEERS)) -write docs/performance.md

# One size, one run: to see a change's effect quickly. Writes nothing.
bench-quick:
	$(GO) run ./cmd/benchsite -sizes 4000 -runs 1

bench-go:
	$(GO) test -run '^$$' -bench . -benchmem ./internal/content/ ./internal/render/ ./internal/output/ ./internal/server/

bench-check:
	$(GO) test -run '^$$' -bench . -benchtime 1x ./internal/content/ ./internal/render/ ./internal/output/ ./internal/server/
