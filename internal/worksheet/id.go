package worksheet

import (
	"fmt"
	"regexp"
	"slices"
)

// idRule is what a worksheet id, the key its answers are saved under, may look like:
// lower-case letters and digits in words joined by single hyphens, at most 64
// characters. The import of an answers file in the browser
// (static/js/worksheet/files.js) checks the same rule; testdata/ids.txt holds the ids
// that both tests agree on.
var idRule = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// reservedIDs are keys of the browser's storage that are not a worksheet's: an id
// among them would overwrite them (lock holds the passphrase lock's salt and check,
// vault the one encrypted store of every record while the lock is on).
var reservedIDs = []string{"lock", "vault"}

// CheckID returns why id cannot be a worksheet id, or nil when it can.
func CheckID(id string) error {
	switch {
	case len(id) > 64:
		return fmt.Errorf("worksheet id %q is longer than 64 characters", id)
	case !idRule.MatchString(id):
		return fmt.Errorf("worksheet id %q must be lower-case letters and digits, words joined by single hyphens", id)
	case slices.Contains(reservedIDs, id):
		return fmt.Errorf("worksheet id %q is reserved: its answers would be stored where the passphrase lock is", id)
	}
	return nil
}
