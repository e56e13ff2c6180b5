package worksheet

import (
	"fmt"
	"slices"
)

// A worksheet id, the key its answers are saved under, is lower-case letters and digits
// in words joined by single hyphens (isHyphenated), at most 64 characters. The import of
// an answers file in the browser (static/js/worksheet/files.js) checks the same rule;
// testdata/ids.txt holds the ids that both tests agree on.

// isHyphenated reports whether s is words of lower-case letters and digits joined by
// single hyphens, `^[a-z0-9]+(-[a-z0-9]+)*$`: the shape of worksheet and field ids.
// (A function, not that expression: the program compiled it at every start.)
func isHyphenated(s string) bool {
	if s == "" || s[0] == '-' || s[len(s)-1] == '-' {
		return false
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
		case c == '-' && s[i-1] != '-': // never s[0]
		default:
			return false
		}
	}
	return true
}

// reservedIDs are keys of the browser's storage that are not a worksheet's: an id
// among them would overwrite them (lock holds the passphrase lock's salt and check,
// vault the one encrypted store of every record while the lock is on).
var reservedIDs = []string{"lock", "vault"}

// CheckID returns why id cannot be a worksheet id, or nil when it can.
func CheckID(id string) error {
	switch {
	case len(id) > 64:
		return fmt.Errorf("worksheet id %q is longer than 64 characters", id)
	case !isHyphenated(id):
		return fmt.Errorf("worksheet id %q must be lower-case letters and digits, words joined by single hyphens", id)
	case slices.Contains(reservedIDs, id):
		return fmt.Errorf("worksheet id %q is reserved: its answers would be stored where the passphrase lock is", id)
	}
	return nil
}
