package cli

import (
	"errors"
	"fmt"
	"os"

	"github.com/tom-dsgvo/tom/model"
	"github.com/tom-dsgvo/tom/scan"
)

// editSession is an answers file opened for writing: its lock is held from
// before it is read until Close, so no second tom can write it meanwhile.
type editSession struct {
	Path string
	File *model.File
	Mig  *model.Migration
	// Created is true when the file did not exist and File is new.
	Created bool
	lock    *model.Lock
}

// openForEdit locks the answers file and loads it. A missing file gives a new
// one when create is set, else an error satisfying errors.Is(err,
// os.ErrNotExist). A file that fails to load is refused with its positioned
// problems and never touched. A migration from an older catalogue version is
// reported on g.Err.
func (g *Globals) openForEdit(cat *model.Catalog, create bool) (*editSession, error) {
	s, _, err := g.openWithCatalog(func() (*model.Catalog, error) { return cat, nil }, create)
	return s, err
}

// openWithCatalog is openForEdit for a catalogue still being loaded: once
// the file is locked, it is read and decoded (which needs no catalogue)
// while catalog, started by the caller on a goroutine of its own, is
// awaited; then it is checked against the catalogue. A catalogue that
// cannot be had is all that is reported, as when it was loaded first.
func (g *Globals) openWithCatalog(catalog func() (*model.Catalog, error), create bool) (*editSession, *model.Catalog, error) {
	path := g.FilePath()
	lock, err := model.AcquireLock(path)
	if err != nil {
		if _, cerr := catalog(); cerr != nil {
			return nil, nil, cerr
		}
		return nil, nil, err
	}
	d, err := model.Read(path)
	cat, cerr := catalog()
	if cerr != nil {
		lock.Release()
		return nil, nil, cerr
	}
	if note := lock.RemovedNote(g.Lang(nil), path); note != "" {
		fmt.Fprintln(g.Err, note)
	}
	s := &editSession{Path: path, lock: lock}
	if err == nil {
		s.File, s.Mig, err = d.Check(cat)
	}
	switch {
	case errors.Is(err, os.ErrNotExist) && create:
		s.File, s.Created = model.NewFile(cat, g.Lang(nil)), true
	case err != nil:
		lock.Release()
		return nil, nil, err
	}
	if m := s.Mig; !m.Empty() {
		fmt.Fprintln(g.Err, cliMsg.Get(g.Lang(s.File), "migrated", path, m.From, m.To, len(m.New), len(m.Renamed), len(m.Removed)))
	}
	return s, cat, nil
}

// Close releases the lock.
func (s *editSession) Close() { s.lock.Release() }

// rootError words a scan.CheckRoot failure for flag (--root, --scan-root) in
// the user's language.
func rootError(l model.Lang, flag, dir string, err error) error {
	key := "root_unreadable"
	switch {
	case errors.Is(err, scan.ErrRootMissing):
		key = "root_missing"
	case errors.Is(err, scan.ErrRootNotDir):
		key = "root_not_dir"
	}
	return errors.New(cliMsg.Get(l, key, flag, dir))
}
