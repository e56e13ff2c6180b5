package sitetest

import (
	"bytes"
	"sync"
)

// Buffer is a bytes.Buffer safe to write from a goroutine the test does not control,
// such as the development server's log or the findings of its check, while the test
// reads it.
type Buffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *Buffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *Buffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
