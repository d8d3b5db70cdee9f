package model

import (
	"os"

	"golang.org/x/sys/unix"
)

// startWriteback has the system start writing n bytes of f at off to the
// disk, without waiting (errors show in the later sync).
func startWriteback(f *os.File, off, n int64) {
	_ = unix.SyncFileRange(int(f.Fd()), off, n, unix.SYNC_FILE_RANGE_WRITE)
}
