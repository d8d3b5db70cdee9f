//go:build !linux

package scan

import (
	"io/fs"
	"os"
)

// dirHandle is an open folder of the scanned tree. Off Linux (where tom does
// not scan, but the package must build) it is an os.Root, which keeps every
// name it opens below the folder as well.
type dirHandle struct{ r *os.Root }

func openRootHandle(root string) (*dirHandle, error) {
	r, err := os.OpenRoot(root)
	if err != nil {
		return nil, err
	}
	return &dirHandle{r: r}, nil
}

func (d *dirHandle) close()                                 { d.r.Close() }
func (d *dirHandle) lstat(name string) (fs.FileInfo, error) { return d.r.Lstat(name) }
func (d *dirHandle) stat() (fs.FileInfo, error)             { return d.r.Stat(".") }
func (d *dirHandle) readlink(name string) (string, error)   { return d.r.Readlink(name) }
func (d *dirHandle) openFile(name string) (*os.File, error) { return d.r.Open(name) }
func (d *dirHandle) openList(name string) (*os.File, error) { return d.r.Open(name) }

func (d *dirHandle) openDir(name string) (*dirHandle, error) {
	r, err := d.r.OpenRoot(name)
	if err != nil {
		return nil, err
	}
	return &dirHandle{r: r}, nil
}
