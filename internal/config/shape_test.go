package config

import (
	"regexp"
	"testing"
)

// shapes are the checks of shape.go with the regular expressions they replace.
var shapes = []struct {
	name  string
	check func(string) bool
	re    *regexp.Regexp
}{
	{"isLangTag", isLangTag, regexp.MustCompile(`^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$`)},
	{"storage key", func(s string) bool { return isHyphenated(s, isLowerOrDigit) }, regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)},
	{"topic", func(s string) bool { return isHyphenated(s, isLower) }, regexp.MustCompile(`^[a-z]+(-[a-z]+)*$`)},
	{"isHexColor", isHexColor, regexp.MustCompile(`^#[0-9a-fA-F]{6}$`)},
	{"isSMSNumber", isSMSNumber, regexp.MustCompile(`^\+?[0-9][0-9 -]*$`)},
	{"isWord", isWord, regexp.MustCompile(`^[\pL\pN]+$`)},
}

var shapeSeeds = []string{
	"", "-", "--", "a", "en", "es-MX", "zh-Hant-TW", "english!", "e", "engl", "en-", "-en", "en--us", "en-a", "en-abcdefgh", "en-abcdefghi", "EN-us", "en-US-1",
	"ipt", "riverside-ipt", "My Key", "a-b-c", "a1-2b", "abuse", "abuse-1", "Abuse", "domestic-abuse",
	"#2f6b72", "#2F6B7Z", "2f6b72", "#2f6b7", "#2f6b722", "red",
	"741741", "+44 7700 900-123", "+", "++1", " 1", "1 ", "-1", "text-me", "+-1",
	"HOME", "SHOUT", "two words", "AYUDA", "hilfe2", "ÁNIMO", "帮助", "٣", "Ⅻ", "a_b", "a.", "\xff", "a\u0301",
}

// TestShapes holds each check to the regular expression it replaces.
func TestShapes(t *testing.T) {
	for _, sh := range shapes {
		for _, s := range shapeSeeds {
			if got, want := sh.check(s), sh.re.MatchString(s); got != want {
				t.Errorf("%s(%q) = %v, the expression says %v", sh.name, s, got, want)
			}
		}
	}
}

// FuzzShapes does the same for any string; make fuzz runs it.
func FuzzShapes(f *testing.F) {
	for _, s := range shapeSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, sh := range shapes {
			if got, want := sh.check(s), sh.re.MatchString(s); got != want {
				t.Errorf("%s(%q) = %v, the expression says %v", sh.name, s, got, want)
			}
		}
	})
}
