package cli

import (
	"path/filepath"
	"sync"

	"github.com/tom-dsgvo/tom/model"
	"github.com/tom-dsgvo/tom/questionnaires"
	"github.com/tom-dsgvo/tom/render"
	"github.com/tom-dsgvo/tom/workspace"
)

// setting is a value tom uses and where it came from (for tom workspace
// show): a flag, an environment variable, tom.toml, or the default.
type setting struct {
	Value  string
	Source string // "--catalog", "TOM_CATALOG", the tom.toml path, or ""
}

// wsFor returns the workspace (tom.toml) that applies to the answers file
// at path: the nearest one in its folder or a parent. nil when none.
func (g *Globals) wsFor(path string) (*workspace.Workspace, error) {
	dir := filepath.Dir(path)
	if abs, err := filepath.Abs(dir); err == nil {
		dir = abs
	}
	if g.wsCache == nil {
		g.wsCache = map[string]wsResult{}
	}
	if r, ok := g.wsCache[dir]; ok {
		return r.ws, r.err
	}
	ws, err := workspace.Find(dir)
	g.wsCache[dir] = wsResult{ws, err}
	return ws, err
}

type wsResult struct {
	ws  *workspace.Workspace
	err error
}

// catalogSetting is the catalogue for the answers file at path: --catalog,
// else TOM_CATALOG, else the workspace's, else the shipped one ("").
func (g *Globals) catalogSetting(path string) (setting, error) {
	if g.CatalogPath != "" {
		return setting{g.CatalogPath, "--catalog"}, nil
	}
	if v := g.Getenv("TOM_CATALOG"); v != "" {
		return setting{v, "TOM_CATALOG"}, nil
	}
	ws, err := g.wsFor(path)
	if err != nil {
		return setting{}, err
	}
	if ws != nil && ws.Catalog != "" {
		return setting{ws.Catalog, ws.Path}, nil
	}
	return setting{}, nil
}

// CatalogFor loads the catalogue for the answers file at path (see
// catalogSetting); a catalogue is loaded once per run.
func (g *Globals) CatalogFor(path string) (*model.Catalog, error) {
	s, err := g.catalogSetting(path)
	if err != nil {
		return nil, err
	}
	if g.catCache == nil {
		g.catCache = map[string]*model.Catalog{}
	}
	if c, ok := g.catCache[s.Value]; ok {
		return c, nil
	}
	c, err := questionnaires.Load(s.Value)
	if err != nil {
		return nil, err
	}
	g.catCache[s.Value] = c
	return c, nil
}

// loaded is an answers file loaded with its catalogue (loadWithCatalog).
type loaded struct {
	Cat    *model.Catalog
	CatErr error // the catalogue could not be had: nothing else is set
	File   *model.File
	Mig    *model.Migration
	Err    error // loading the file failed (model.Load's error)
}

// loadWithCatalog loads the answers file at path (model.Load) with its
// catalogue (CatalogFor). The catalogue is loaded on a goroutine of its own
// while the file is read and decoded, which needs none, so that the two
// share the machine's cores. As when the catalogue was loaded first, a
// catalogue that cannot be had is all that is reported. then, if not nil,
// works on the file while it is validated (model.Decoded.CheckThen); what
// it did counts only when the file loaded. mu, if not nil, guards g (a
// batch loads several files at once).
func (g *Globals) loadWithCatalog(path string, mu sync.Locker, then func(c *model.Catalog, f *model.File)) loaded {
	type catalog struct {
		c   *model.Catalog
		err error
	}
	ch := make(chan catalog, 1)
	go func() {
		if mu != nil {
			mu.Lock()
			defer mu.Unlock()
		}
		c, err := g.CatalogFor(path)
		ch <- catalog{c, err}
	}()
	d, err := model.Read(path)
	cat := <-ch
	if cat.err != nil {
		return loaded{CatErr: cat.err}
	}
	l := loaded{Cat: cat.c, Err: err}
	if err == nil {
		var work func(*model.File)
		if then != nil {
			work = func(f *model.File) { then(cat.c, f) }
		}
		l.File, l.Mig, l.Err = d.CheckThen(cat.c, work)
	}
	return l
}

// langSetting is the language tom speaks when neither --lang nor the
// answers file says: TOM_LANG, else the workspace's, else the locale
// (localeLang: LC_ALL, LC_MESSAGES, LANG), else German.
func (g *Globals) langSetting(path string) setting {
	if v := g.Getenv("TOM_LANG"); v != "" {
		if _, err := model.ParseLang(v); err == nil {
			return setting{v, "TOM_LANG"}
		}
	}
	if ws, err := g.wsFor(path); err == nil && ws != nil && ws.Language != "" {
		return setting{ws.Language, ws.Path}
	}
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if g.Getenv(v) != "" {
			return setting{string(localeLang(g.Getenv)), v}
		}
	}
	return setting{string(model.De), ""}
}

// langFor is the language of messages about the answers file at path
// before it is read: --lang, else langSetting.
func (g *Globals) langFor(path string) model.Lang {
	if g.LangFlag != "" {
		if l, err := model.ParseLang(g.LangFlag); err == nil {
			return l
		}
	}
	if l, err := model.ParseLang(g.langSetting(path).Value); err == nil {
		return l
	}
	return model.De
}

// branding is what the workspace of the answers file at path puts into
// its documents; nil when nothing.
func (g *Globals) branding(path string, l model.Lang) (*render.Branding, error) {
	ws, err := g.wsFor(path)
	if err != nil || ws == nil {
		return nil, err
	}
	b := ws.Branding
	if b.Empty() && ws.PreparedBy == "" {
		return nil, nil
	}
	out := &render.Branding{
		PreparedBy: ws.PreparedBy,
		Name:       b.Name, Address: b.Address, Contact: b.Contact,
		Accent: b.Accent, Footer: b.Footer, Intro: b.Intro.In(l),
	}
	if b.Logo != "" {
		data, format, err := workspace.LoadLogo(b.Logo)
		if err != nil {
			return nil, err
		}
		out.Logo, out.LogoFormat = data, format
	}
	return out, nil
}
