# make bench     the benchmark of issue 6: builds the public SSG-benchmark corpus at six
#                sizes with iptsite and with the floor, and rewrites docs/performance.md
# make bench-go  the go test benchmarks of the build's stages (load, render, minify, write)
# make screenshots  phone (390x844) and desktop (1280x800) screenshots of the default site
#                into docs/screenshots/: home, a content page, a worksheet filled in, My
#                answers, the PHQ-9's alert and a print preview (needs Chromium)

GO ?= go

.PHONY: bench bench-quick bench-go screenshots

bench:
	$(GO) run ./cmd/benchsite -write docs/performance.md

# One size, one run: to see a change's effect quickly. Writes nothing.
bench-quick:
	$(GO) run ./cmd/benchsite -sizes 4000 -runs 1

bench-go:
	$(GO) test -run '^$$' -bench . -benchmem ./internal/content/ ./internal/render/ ./internal/output/

screenshots:
	$(GO) test ./internal/worksheet -run '^TestScreenshots$$' -count=1 -screenshots
