package model

import (
	"errors"
	"io"
	"os"
	"syscall"
	"unsafe"
)

// ReadUserFile reads a file the user named (an answers file, a catalogue,
// a directory): regular files only, at most MaxFileSize bytes. It opens without
// blocking, so a FIFO or device is refused instead of hanging or filling the
// memory, and checks the type on the opened descriptor, so the file cannot be
// swapped between check and read. A missing file gives an error satisfying
// errors.Is(err, os.ErrNotExist); every error names path in words.
func ReadUserFile(path string) ([]byte, error) {
	var data []byte
	err := readUserFile(path, func(r io.Reader, size int) (err error) {
		data, err = readAll(r, size)
		return err
	})
	return data, err
}

// readUserText is ReadUserFile giving the content as a string, read into
// it without a second copy: the bytes read, in one call for a file that
// does not change meanwhile, are never written again.
func readUserText(path string) (string, error) {
	data, err := ReadUserFile(path)
	return unsafe.String(unsafe.SliceData(data), len(data)), err
}

// readUserFile opens the file at path as ReadUserFile describes and has
// read read it (at most MaxFileSize+1 bytes, size expected).
func readUserFile(path string, read func(r io.Reader, size int) error) error {
	fd, err := syscall.Open(path, syscall.O_RDONLY|syscall.O_NONBLOCK|syscall.O_CLOEXEC, 0)
	if err != nil {
		return &FileError{Path: path, Key: "read_failed", Err: &os.PathError{Op: "open", Path: path, Err: err}}
	}
	fh := os.NewFile(uintptr(fd), path)
	defer fh.Close()
	st, err := fh.Stat()
	if err != nil {
		return &FileError{Path: path, Key: "read_failed", Err: err}
	}
	if !st.Mode().IsRegular() {
		return &FileError{Path: path, Key: "not_regular", Args: []any{fileKind(st.Mode())}}
	}
	if st.Size() > MaxFileSize {
		return &LoadError{File: path, Problems: []Problem{{Key: "too_large", Args: []any{st.Size(), MaxFileSize}, Line: 1, Col: 1}}}
	}
	if err := syscall.SetNonblock(fd, false); err != nil {
		return &FileError{Path: path, Key: "read_failed", Err: err}
	}
	if err := read(io.LimitReader(fh, MaxFileSize+1), int(st.Size())); err != nil {
		return &FileError{Path: path, Key: "read_failed", Err: err}
	}
	return nil
}

// fileKind names what kind of file mode is (not a regular file).
func fileKind(mode os.FileMode) MsgKey {
	switch {
	case mode.IsDir():
		return "kind_dir"
	case mode&os.ModeNamedPipe != 0:
		return "kind_fifo"
	case mode&os.ModeSocket != 0:
		return "kind_socket"
	case mode&os.ModeDevice != 0:
		return "kind_device"
	}
	return "kind_other"
}

// readAll is io.ReadAll into a buffer sized for the expected number of bytes
// (one more, to see the end at once): a file is read without growing copies,
// and one that grew meanwhile is still read whole.
func readAll(r io.Reader, size int) ([]byte, error) {
	b := make([]byte, 0, size+1)
	for {
		n, err := r.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if err != nil {
			if errors.Is(err, io.EOF) {
				err = nil
			}
			return b, err
		}
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)]
		}
	}
}
