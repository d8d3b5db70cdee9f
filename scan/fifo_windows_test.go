//go:build windows

package scan

import "errors"

// mkfifo fails: Windows has no named pipes in the file system. The tests
// that need one compile here (GOOS=windows go vet) but do not pass.
func mkfifo(string, uint32) error { return errors.ErrUnsupported }
