//go:build !unix

package diskfile

import (
	"io/fs"
	"os"
)

// ReadFile is os.ReadFile.
func ReadFile(path string) ([]byte, error) { return os.ReadFile(path) }

// WriteFile is os.WriteFile.
func WriteFile(path string, data []byte, perm fs.FileMode) error {
	return os.WriteFile(path, data, perm)
}
