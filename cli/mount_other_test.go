//go:build !linux

package cli

import "errors"

// mountTmpfs is Linux only; the test that needs it skips elsewhere.
func mountTmpfs(string, string) error { return errors.ErrUnsupported }

func unmount(string) {}
