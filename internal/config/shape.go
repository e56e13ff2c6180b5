package config

import (
	"strings"
	"unicode"
)

// The shapes of site.yaml's values. They were regular expressions, compiled when the
// program started whether or not a build needed them (a fifth of a millisecond, a
// letter-or-digit class the most); shape_test.go holds each to the expression it
// replaces.

// isLangTag reports whether s has the shape of a BCP 47 tag: 2 or 3 letters, then
// subtags of 2 to 8 letters and digits, each after a hyphen (en, es-MX, zh-Hant-TW).
// `^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$`
func isLangTag(s string) bool {
	lang, rest, more := strings.Cut(s, "-")
	if len(lang) < 2 || len(lang) > 3 || !allBytes(lang, isLetter) {
		return false
	}
	for more {
		var sub string
		sub, rest, more = strings.Cut(rest, "-")
		if len(sub) < 2 || len(sub) > 8 || !allBytes(sub, func(c byte) bool { return isLetter(c) || isDigit(c) }) {
			return false
		}
	}
	return true
}

// isHyphenated reports whether s is words of bytes that ok accepts, joined by single
// hyphens: a storage key (`^[a-z0-9]+(-[a-z0-9]+)*$`) or a topic (`^[a-z]+(-[a-z]+)*$`).
func isHyphenated(s string, ok func(byte) bool) bool {
	for {
		word, rest, more := strings.Cut(s, "-")
		if word == "" || !allBytes(word, ok) {
			return false
		}
		if !more {
			return true
		}
		s = rest
	}
}

// isHexColor reports whether s is a colour such as #2f6b72. `^#[0-9a-fA-F]{6}$`
func isHexColor(s string) bool {
	return len(s) == 7 && s[0] == '#' && allBytes(s[1:], func(c byte) bool {
		return isDigit(c) || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
	})
}

// isSMSNumber reports whether s is a number to text: digits, maybe after a plus, with
// spaces and hyphens after the first. `^\+?[0-9][0-9 -]*$`
func isSMSNumber(s string) bool {
	s = strings.TrimPrefix(s, "+")
	return s != "" && isDigit(s[0]) && allBytes(s, func(c byte) bool { return isDigit(c) || c == ' ' || c == '-' })
}

// isWord reports whether s is one word of letters and digits in any script. `^[\pL\pN]+$`
func isWord(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) && !unicode.IsNumber(r) {
			return false
		}
	}
	return s != ""
}

func allBytes(s string, ok func(byte) bool) bool {
	for i := 0; i < len(s); i++ {
		if !ok(s[i]) {
			return false
		}
	}
	return true
}

func isLetter(c byte) bool       { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }
func isDigit(c byte) bool        { return '0' <= c && c <= '9' }
func isLower(c byte) bool        { return 'a' <= c && c <= 'z' }
func isLowerOrDigit(c byte) bool { return isLower(c) || isDigit(c) }
