// Package workspace reads tom.toml, the settings a consultant keeps beside
// the answers files of their clients: the catalogue, a provider directory,
// the default language and review interval, who prepares the documents, and
// the branding of the documents. Like .editorconfig, the file applies to the
// folder it is in and every folder below; the nearest one counts.
package workspace

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	_ "image/jpeg" // logo formats
	_ "image/png"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/pelletier/go-toml/v2"

	"github.com/tom-dsgvo/tom/model"
)

// FileName is the name of the workspace file.
const FileName = "tom.toml"

// Limits of the logo: its file size and its width and height in pixels.
const (
	MaxLogoBytes  = 1 << 20
	MaxLogoPixels = 4096
)

// Workspace is a tom.toml as read. Paths in it are relative to its folder;
// Load makes them absolute.
type Workspace struct {
	Path string `toml:"-"` // the tom.toml read

	// Catalog is the catalogue's path, or the ID of the shipped catalogue.
	Catalog string `toml:"catalog"`
	// Directory is a provider directory file of the consultant's.
	Directory string `toml:"directory"`
	// Language is the language of new answers files and of tom's messages
	// when nothing else says ("de" or "en").
	Language string `toml:"language"`
	// ReviewIntervalMonths is the review interval new answers files get.
	ReviewIntervalMonths int `toml:"review_interval_months"`
	// PreparedBy is who prepares the documents ("Erstellt von") when the
	// answers file does not say.
	PreparedBy string   `toml:"prepared_by"`
	Branding   Branding `toml:"branding"`
}

// Branding is how the consultant's documents look.
type Branding struct {
	Logo    string `toml:"logo"`    // PNG or JPEG file
	Name    string `toml:"name"`    // the consultant's business
	Address string `toml:"address"` // may span lines
	Contact string `toml:"contact"` // phone, e-mail, web
	Accent  string `toml:"accent"`  // #rrggbb
	Footer  string `toml:"footer"`  // on every page
	Intro   Intro  `toml:"intro"`   // a paragraph before the introduction
}

// Intro is a text in both languages.
type Intro struct {
	De string `toml:"de"`
	En string `toml:"en"`
}

// In returns the text in language l, else in the other one.
func (i Intro) In(l model.Lang) string {
	if l == model.En && i.En != "" || i.De == "" {
		return i.En
	}
	return i.De
}

// Empty reports whether no branding is set.
func (b Branding) Empty() bool { return b == Branding{} }

// Error is a problem in a workspace file or with the files it names.
type Error struct {
	File      string
	Line, Col int // 0 when unknown
	Key       string
	Args      []any
}

func (e *Error) Error() string { return e.Format(model.De) }

// Format says what is wrong in language l, with the position.
func (e *Error) Format(l model.Lang) string {
	pos := e.File
	if e.Line > 0 {
		pos = fmt.Sprintf("%s:%d:%d", pos, e.Line, e.Col)
	}
	return pos + ": " + Msg.Get(l, e.Key, e.Args...)
}

// Find looks for tom.toml in dir and its parents and loads the nearest one;
// it returns nil and no error when there is none.
func Find(dir string) (*Workspace, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	for {
		p := filepath.Join(dir, FileName)
		if _, err := os.Lstat(p); err == nil {
			return Load(p)
		} else if !errors.Is(err, fs.ErrNotExist) {
			return nil, &Error{File: p, Key: "unreadable", Args: []any{err}}
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return nil, nil
		}
		dir = parent
	}
}

// Load reads and checks the workspace file at path.
func Load(path string) (*Workspace, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	data, err := model.ReadUserFile(abs)
	if err != nil {
		return nil, err
	}
	w, err := Parse(abs, data)
	if err != nil {
		return nil, err
	}
	return w, w.checkLogo()
}

var accentRe = regexp.MustCompile(`^#[0-9a-fA-F]{6}$`)

// Parse reads a workspace file's content; path names it in messages and
// is the base of relative paths. Unknown keys are errors.
func Parse(path string, data []byte) (*Workspace, error) {
	w := &Workspace{}
	dec := toml.NewDecoder(bytes.NewReader(data)).DisallowUnknownFields()
	if err := dec.Decode(w); err != nil {
		var sm *toml.StrictMissingError
		if errors.As(err, &sm) && len(sm.Errors) > 0 {
			row, col := sm.Errors[0].Position()
			return nil, &Error{File: path, Line: row, Col: col, Key: "unknown_key", Args: []any{strings.Join(sm.Errors[0].Key(), ".")}}
		}
		var de *toml.DecodeError
		if errors.As(err, &de) {
			row, col := de.Position()
			return nil, &Error{File: path, Line: row, Col: col, Key: "syntax", Args: []any{de.Error()}}
		}
		return nil, &Error{File: path, Key: "syntax", Args: []any{err.Error()}}
	}
	w.Path = path
	bad := func(key string, args ...any) error {
		return &Error{File: path, Line: lineOf(data, args[0].(string)), Col: 1, Key: key, Args: args}
	}
	if w.Language != "" {
		if _, err := model.ParseLang(w.Language); err != nil {
			return nil, bad("bad_language", "language", w.Language)
		}
	}
	if n := w.ReviewIntervalMonths; n != 0 && (n < 1 || n > 120) {
		return nil, bad("bad_interval", "review_interval_months", n)
	}
	if a := w.Branding.Accent; a != "" && !accentRe.MatchString(a) {
		return nil, bad("bad_accent", "accent", a)
	}
	dir := filepath.Dir(path)
	rel := func(p string) string {
		if p == "" || filepath.IsAbs(p) {
			return p
		}
		return filepath.Join(dir, p)
	}
	// A catalogue that is not a file name is the ID of a shipped one.
	if strings.ContainsAny(w.Catalog, `/\`) || strings.HasSuffix(w.Catalog, ".json") {
		w.Catalog = rel(w.Catalog)
	}
	w.Directory = rel(w.Directory)
	w.Branding.Logo = rel(w.Branding.Logo)
	return w, nil
}

// lineOf returns the line of the first assignment to key in data, or 0.
func lineOf(data []byte, key string) int {
	for i, l := range strings.Split(string(data), "\n") {
		l = strings.TrimSpace(l)
		if strings.HasPrefix(l, key) && strings.HasPrefix(strings.TrimSpace(strings.TrimPrefix(l, key)), "=") {
			return i + 1
		}
	}
	return 0
}

// checkLogo makes sure the logo is a PNG or JPEG image of bounded size.
func (w *Workspace) checkLogo() error {
	if w.Branding.Logo == "" {
		return nil
	}
	_, _, err := LoadLogo(w.Branding.Logo)
	return err
}

// LoadLogo reads a logo file and returns its bytes and format ("png" or
// "jpeg"), after checking its size and dimensions.
func LoadLogo(path string) ([]byte, string, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, "", &Error{File: path, Key: "logo_unreadable", Args: []any{err}}
	}
	if st.Size() > MaxLogoBytes {
		return nil, "", &Error{File: path, Key: "logo_too_large", Args: []any{st.Size(), MaxLogoBytes}}
	}
	data, err := model.ReadUserFile(path)
	if err != nil {
		return nil, "", err
	}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil || format != "png" && format != "jpeg" {
		return nil, "", &Error{File: path, Key: "logo_format"}
	}
	if cfg.Width < 1 || cfg.Height < 1 || cfg.Width > MaxLogoPixels || cfg.Height > MaxLogoPixels {
		return nil, "", &Error{File: path, Key: "logo_pixels", Args: []any{cfg.Width, cfg.Height, MaxLogoPixels}}
	}
	return data, format, nil
}
