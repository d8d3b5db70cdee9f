package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/spf13/cobra"

	"github.com/tom-dsgvo/tom/model"
	"github.com/tom-dsgvo/tom/render"
)

// renderMsg holds the strings of tom render.
var renderMsg = model.Messages{
	"render_short":            {De: "TOM-Dokument erstellen (Markdown, HTML, PDF, DOCX, Text)", En: "Write the TOM document (Markdown, HTML, PDF, DOCX, text)"},
	"render_long":             {De: "Erstellt das TOM-Dokument aus der Antwortdatei (--file, Standard ./tom.json) oder aus jeder angegebenen Datei.\nOhne --out landet das Dokument neben der Antwortdatei, benannt nach Unternehmen und Stand, z. B. TOM_Baeckerei-Oeztuerk-GmbH_2026-11-28.pdf.\n--out VERZEICHNIS/ schreibt dorthin, --out DATEI schreibt ein einzelnes Format, --out - schreibt Textformate (md, html, txt) auf die Standardausgabe.\nEin vorhandenes Dokument eines anderen Unternehmens (oder eine fremde Datei) wird nur mit --force überschrieben.\nDie Antwortdatei wird nur gelesen. Dokumente erhalten die Dateirechte 0600.", En: "Writes the TOM document from the answers file (--file, default ./tom.json) or from each file given.\nWithout --out the document goes next to the answers file, named after the business and the date, e.g. TOM_Baeckerei-Oeztuerk-GmbH_2026-11-28.pdf.\n--out DIR/ writes there, --out FILE writes a single format, --out - writes text formats (md, html, txt) to standard output.\nAn existing document of another organisation (or a file tom did not write) is overwritten only with --force.\nThe answers file is only read. Documents get file mode 0600."},
	"render_example":          {De: "  tom render --format pdf\n  tom render kunden/*.json --format all --out dist/\n  tom render --format md --out -", En: "  tom render --format pdf\n  tom render clients/*.json --format all --out dist/\n  tom render --format md --out -"},
	"render_flag_format":      {De: "Format: md, html, pdf, docx, txt, json (die Daten des Dokuments für andere Programme, Schema: tom schema --document) oder all (die fünf Dokumentformate)", En: "format: md, html, pdf, docx, txt, json (the document's data for other programs, schema: tom schema --document) or all (the five document formats)"},
	"render_flag_out":         {De: "Ziel: Verzeichnis (mit / am Ende), Datei (ein Format) oder - (Standardausgabe)", En: "target: a directory (ending in /), a file (one format) or - (standard output)"},
	"render_bad_format":       {De: "unbekanntes Format %q (md, html, pdf, docx, txt, json oder all)", En: "unknown format %q (md, html, pdf, docx, txt, json or all)"},
	"render_flag_profile":     {De: "welches Dokument: internal (vollständig, Standard) oder annex (Anlage für Kunden zum Vertrag über die Auftragsverarbeitung: nur umgesetzte Maßnahmen, keine offenen Punkte, Hinweise, Personen oder Kontaktdaten)", En: "which document: internal (complete, the default) or annex (the annex for clients to the data processing agreement: implemented measures only, no open items, findings, people or contact data)"},
	"render_annex_controller": {De: "Hinweis: %s: Das Unternehmen verarbeitet laut seinen Angaben keine Daten im Auftrag von Kunden (nur Verantwortlicher); die Anlage zum Vertrag über die Auftragsverarbeitung wird trotzdem erstellt.", En: "Note: %s: according to its answers the business processes no data on behalf of clients (controller only); the annex to the data processing agreement is written all the same."},
	"render_bad_profile":      {De: "unbekanntes Profil %q (internal oder annex)", En: "unknown profile %q (internal or annex)"},
	"render_stdout_bin":       {De: "--out -: %s ist ein Binärformat und kann nicht auf die Standardausgabe geschrieben werden; bitte eine Datei oder ein Verzeichnis angeben", En: "--out -: %s is a binary format and cannot go to standard output; give a file or a directory"},
	"render_out_file":         {De: "--out %s ist eine Datei; für mehrere Formate oder mehrere Antwortdateien ein Verzeichnis angeben (mit / am Ende)", En: "--out %s is a file; for several formats or several answers files give a directory (ending in /)"},
	"render_is_answers":       {De: "%s ist die Antwortdatei; sie wird nie überschrieben", En: "%s is the answers file; it is never overwritten"},
	"render_wrote":            {De: "geschrieben: %s", En: "wrote %s"},
	"render_failed":           {De: "%s: %s konnte nicht erstellt werden: %v", En: "%s: could not write %s: %v"},
	"render_refused":          {De: "%s: ungültig, kein Dokument erstellt", En: "%s: not valid, no document written"},
	"render_some_failed":      {De: "%d von %d Antwortdateien konnten nicht verarbeitet werden", En: "%d of %d answers files could not be rendered"},
	"render_interrupted":      {De: "abgebrochen: %d von %d Antwortdateien verarbeitet; jedes geschriebene Dokument ist vollständig, die übrigen sind unverändert", En: "interrupted: %d of %d answers files done; every document written is complete, the others are unchanged"},
	"render_mkdir":            {De: "Verzeichnis %s konnte nicht angelegt werden: %v", En: "could not create directory %s: %v"},
	"render_flag_force":       {De: "vorhandene Dokumente auch eines anderen Unternehmens überschreiben", En: "overwrite existing documents even of another organisation"},
	"render_other_org":        {De: "%s: %s gibt es schon, und es ist kein Dokument für %s (anderes Unternehmen oder nicht von tom); nicht überschrieben. Mit --force überschreiben oder --out angeben", En: "%s: %s exists and is not a document for %s (another organisation, or not written by tom); not overwritten. Use --force to overwrite, or give --out"},
}

// renderOptions are the options of tom render.
type renderOptions struct {
	*Globals // I/O, clock, global flags

	Format  string
	Profile string // --profile: render.ProfileInternal or render.ProfileAnnex
	OutPath string // --out
	Force   bool
	Files   []string
}

func newRenderCmd(g *Globals, lang model.Lang) *cobra.Command {
	opts := &renderOptions{Globals: g}
	cmd := &cobra.Command{
		Use:     "render [ANTWORTDATEI…]",
		Short:   renderMsg.Get(lang, "render_short"),
		Long:    renderMsg.Get(lang, "render_long"),
		Example: renderMsg.Get(lang, "render_example"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Files = args
			return runRender(opts)
		},
	}
	if lang == model.En {
		cmd.Use = "render [ANSWERS-FILE…]"
	}
	cmd.Flags().StringVar(&opts.Format, "format", "pdf", renderMsg.Get(lang, "render_flag_format"))
	cmd.Flags().StringVar(&opts.Profile, "profile", render.ProfileInternal, renderMsg.Get(lang, "render_flag_profile"))
	cmd.Flags().StringVarP(&opts.OutPath, "out", "o", "", renderMsg.Get(lang, "render_flag_out"))
	cmd.Flags().BoolVar(&opts.Force, "force", false, renderMsg.Get(lang, "render_flag_force"))
	return cmd
}

// renderTarget says where documents go.
type renderTarget struct {
	stdout bool
	dir    string // "" = next to each answers file
	file   string // one explicit file
}

// runRender renders every answers file; an invalid one is reported and
// skipped, and the command then exits 1.
func runRender(opts *renderOptions) error {
	g := opts.Globals
	ilang := g.Lang(nil)
	formats, err := renderFormats(opts.Format, ilang)
	if err != nil {
		return err
	}
	if slices.Contains(formats, "pdf") {
		render.PreparePDF() // the fonts load while the answers do
	}
	profile, err := renderProfile(opts.Profile, ilang)
	if err != nil {
		return err
	}
	files := opts.Files
	if len(files) == 0 {
		files = []string{g.FilePath()}
	}
	tgt, err := renderDest(opts.OutPath, formats, len(files), ilang)
	if err != nil {
		return err
	}
	written := map[string]bool{}
	bad := make([]bool, len(files)) // the answers files that failed
	// Documents are made on every core, and written here one answers file
	// after another in the order given, so names, messages and output are
	// those of a run one by one. Each document is complete on disk before
	// it replaces the old one; the batch writes and syncs documents in the
	// background, several at once, while the next are made, and syncs the
	// folders once, at the end.
	// A single answers file's Markdown goes to a temporary file in the
	// folder it is for while it is made (see model.PendingFile).
	spillDir := ""
	if len(files) == 1 && !tgt.stdout {
		switch {
		case tgt.dir != "":
			spillDir = tgt.dir
		case tgt.file != "":
			spillDir = filepath.Dir(tgt.file)
		default:
			spillDir = filepath.Dir(files[0])
		}
	}
	next := renderAll(g, files, formats, profile, spillDir)
	var batch model.Batch
	// A signal stops the run between answers files: the documents already
	// on their way to the disk are finished (or their temporary files
	// removed), so an interrupted run leaves no half-written file behind.
	stopped, release := g.watchSignals()
	defer release()
	for i := range files {
		fail := func(err error) {
			bad[i] = true
			fmt.Fprintln(g.Err, g.formatErr(err, ilang))
		}
		if err := writeRendered(g, next(), tgt, opts.Force, written, ilang, &batch, fail); err != nil {
			batch.Flush() // what went before is reported first
			fail(err)
		}
		if stopped() && i+1 < len(files) {
			batch.Sync()
			return &ExitError{Code: ExitFailure, Err: errors.New(renderMsg.Get(ilang, "render_interrupted", i+1, len(files)))}
		}
	}
	batch.Sync()
	failed := 0
	for _, b := range bad {
		if b {
			failed++
		}
	}
	if failed > 0 {
		if len(files) > 1 {
			return &ExitError{Code: ExitFailure, Err: errors.New(renderMsg.Get(ilang, "render_some_failed", failed, len(files)))}
		}
		return &ExitError{Code: ExitFailure}
	}
	return nil
}

func renderFormats(flag string, l model.Lang) ([]string, error) {
	f := strings.ToLower(strings.TrimSpace(flag))
	if f == "all" {
		return render.Formats, nil
	}
	for _, known := range render.Formats {
		if f == known {
			return []string{f}, nil
		}
	}
	if f == render.FormatJSON {
		return []string{f}, nil
	}
	return nil, usageError{errors.New(renderMsg.Get(l, "render_bad_format", flag))}
}

// renderProfile checks --profile: one of render.Profiles.
func renderProfile(flag string, l model.Lang) (string, error) {
	p := strings.ToLower(strings.TrimSpace(flag))
	if slices.Contains(render.Profiles, p) {
		return p, nil
	}
	return "", usageError{errors.New(renderMsg.Get(l, "render_bad_profile", flag))}
}

func renderDest(out string, formats []string, nfiles int, l model.Lang) (renderTarget, error) {
	switch {
	case out == "":
		return renderTarget{}, nil
	case out == "-":
		for _, f := range formats {
			if render.IsBinary(f) {
				return renderTarget{}, usageError{errors.New(renderMsg.Get(l, "render_stdout_bin", f))}
			}
		}
		return renderTarget{stdout: true}, nil
	}
	if strings.HasSuffix(out, "/") || strings.HasSuffix(out, string(filepath.Separator)) {
		if err := os.MkdirAll(out, 0o700); err != nil {
			return renderTarget{}, errors.New(renderMsg.Get(l, "render_mkdir", out, err))
		}
		return renderTarget{dir: out}, nil
	}
	if st, err := os.Stat(out); err == nil && st.IsDir() {
		return renderTarget{dir: out}, nil
	}
	if len(formats) > 1 || nfiles > 1 {
		return renderTarget{}, usageError{errors.New(renderMsg.Get(l, "render_out_file", out))}
	}
	return renderTarget{file: out}, nil
}

// rendered is one answers file's documents, made ahead of writing.
type rendered struct {
	path    string
	formats []string
	doc     *render.Document
	data    [][]byte // per format, in the order asked for
	errs    []error  // per format: the writer's error
	err     error    // loading failed: nothing to write
	// controllerOnly: an annex for a business that processes no data for
	// clients (its role is controller).
	controllerOnly bool
	// pending holds the beginning of the Markdown on its way to the disk,
	// its data then the rest (nil: none, its data the whole)
	pending *model.PendingFile
}

// renderAll makes the documents of every answers file, a worker per core,
// and returns a function that yields them in the order of files (call it
// once per file). At most two files per worker are made ahead of the one
// being written, which bounds memory however long the batch.
func renderAll(g *Globals, files []string, formats []string, profile, spillDir string) func() *rendered {
	workers := min(runtime.GOMAXPROCS(0), len(files))
	results := make([]chan *rendered, len(files))
	for i := range results {
		results[i] = make(chan *rendered, 1)
	}
	jobs := make(chan int)
	ahead := make(chan struct{}, 2*workers)
	var mu sync.Mutex // Globals caches catalogues and workspaces
	for range workers {
		go func() {
			for i := range jobs {
				results[i] <- renderDocs(g, &mu, files[i], formats, profile, spillDir)
			}
		}()
	}
	go func() {
		for i := range files {
			ahead <- struct{}{}
			jobs <- i
		}
		close(jobs)
	}()
	i := 0
	return func() *rendered {
		r := <-results[i]
		i++
		<-ahead
		return r
	}
}

// renderDocs loads one answers file (read only) and makes its documents;
// mu guards g. With spillDir set, the Markdown is written to a pending file
// there while it is made (r.pending; removed unless writeRendered hands it
// on).
func renderDocs(g *Globals, mu *sync.Mutex, path string, formats []string, profile, spillDir string) *rendered {
	r := &rendered{path: path, formats: formats}
	// Each file's catalogue and branding come from its own workspace; the
	// catalogue is loaded while the file is read, and the document is built
	// and written in each format while the file is validated (it counts
	// only for a valid file).
	var (
		lang     model.Lang
		brand    *render.Branding
		brandErr error
		doc      *render.Document
		data     [][]byte
		errs     []error
		pending  *model.PendingFile
	)
	l := g.loadWithCatalog(path, mu, func(cat *model.Catalog, f *model.File) {
		// The document is in the file's language; what tom says about it is
		// in the user's, so a batch over German and English clients reads as
		// one.
		func() {
			mu.Lock()
			defer mu.Unlock()
			lang = g.Lang(f)
			brand, brandErr = g.branding(path, lang)
		}()
		if brandErr != nil {
			return
		}
		// Markdown is written while the document is built, and on its way
		// to the disk meanwhile when spillDir is set.
		var md []byte
		if slices.Contains(formats, "md") {
			pending.Abort() // of an earlier run of this function
			pending = nil
			var spill func([]byte)
			if spillDir != "" {
				failed := false
				spill = func(b []byte) {
					if pending == nil && !failed {
						pending, _ = model.NewPendingFile(spillDir, filepath.Base(path)+".md")
						failed = pending == nil
					}
					if pending != nil {
						pending.Write(b) // a failure shows when it is saved
					}
				}
			}
			// The Markdown is at most about twice the answers file.
			room := 0
			if st, err := os.Stat(path); err == nil && st.Size() < model.MaxFileSize {
				room = 2*int(st.Size()) + 64<<10
			}
			doc, md = render.BuildMarkdown(cat, f, lang, brand, profile, spill, room)
			if spill != nil && pending.Failed() {
				// what was spilled is lost: the Markdown is written whole
				pending.Abort()
				pending = nil
				md = render.WriteMarkdown(doc)
			}
		} else {
			doc = render.BuildProfile(cat, f, lang, brand, profile)
		}
		data, errs = nil, nil
		for _, format := range formats {
			b, err := md, error(nil)
			if format != "md" {
				b, err = render.Write(doc, format)
			}
			data, errs = append(data, b), append(errs, err)
			if err != nil {
				break
			}
		}
	})
	if l.CatErr != nil {
		pending.Abort()
		r.err = l.CatErr
		return r
	}
	cat, f, err := l.Cat, l.File, l.Err
	if err != nil {
		pending.Abort()
		r.err = err
		return r
	}
	if brandErr != nil {
		pending.Abort()
		r.err = brandErr
		return r
	}
	r.doc, r.data, r.errs, r.pending = doc, data, errs, pending
	// An annex for clients of a business that says it processes no data
	// for clients: written, with a word on it.
	r.controllerOnly = profile == render.ProfileAnnex && model.View{C: cat, F: f}.BusinessRole() == model.BusinessController
	return r
}

// writeRendered writes one answers file's documents in the order of the
// formats, stopping at the first that fails; lang is the user's language
// (g.Lang(nil), taken once: workers may be using g). A document is handed
// to batch, which reports it written, or passes its error to fail, later
// and in order; a document that cannot be written there does not stop the
// formats after it.
func writeRendered(g *Globals, r *rendered, tgt renderTarget, force bool, written map[string]bool, lang model.Lang, batch *model.Batch, fail func(error)) error {
	// The Markdown's pending file goes to the batch with the Markdown, or
	// is removed.
	defer func() { r.pending.Abort() }()
	if r.err != nil {
		return r.err
	}
	if r.controllerOnly {
		batch.Flush()
		fmt.Fprintln(g.Err, renderMsg.Get(lang, "render_annex_controller", r.path))
	}
	path, doc := r.path, r.doc
	base := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	for k, data := range r.data {
		format := r.formats[k]
		if err := r.errs[k]; err != nil {
			return errors.New(renderMsg.Get(lang, "render_failed", path, format, err))
		}
		if tgt.stdout {
			if _, err := g.text().Write(data); err != nil {
				return err
			}
			continue
		}
		dest := tgt.file
		if dest == "" {
			dir := tgt.dir
			if dir == "" {
				dir = filepath.Dir(path)
			}
			name := render.FileName(doc, format, base)
			dest = filepath.Join(dir, name)
			if written[dest] {
				// Two answers files with the same organisation and date: keep both.
				dest = filepath.Join(dir, strings.TrimSuffix(name, "."+format)+"_"+base+"."+format)
			}
		}
		if model.SameFile(dest, path) {
			return errors.New(renderMsg.Get(lang, "render_is_answers", dest))
		}
		if !force && !written[dest] && !replaceable(dest, format, doc) {
			org := doc.Org
			if org == "" {
				org = "—"
			}
			return errors.New(renderMsg.Get(lang, "render_other_org", path, dest, org))
		}
		written[dest] = true
		var pending *model.PendingFile
		whole := func() []byte { return data }
		if format == "md" && r.pending != nil {
			pending, r.pending = r.pending, nil
			whole = func() []byte { return render.WriteMarkdown(doc) }
		}
		batch.WritePending(dest, data, pending, whole, 0o600, func(err error) {
			if err != nil {
				fail(errors.New(renderMsg.Get(lang, "render_failed", path, dest, err)))
				return
			}
			fmt.Fprintln(g.text(), renderMsg.Get(lang, "render_wrote", dest))
		})
	}
	return nil
}

// maxReplaced is the largest existing file render reads to decide whether
// it may replace it; a larger one is not a document of tom's.
const maxReplaced = 256 << 20

// replaceable reports whether dest may be written without --force: it does
// not exist, or it is a document for the same organisation (see
// render.SameOrg). A file that cannot be read, is not a regular file or is
// too large is not replaced.
func replaceable(dest, format string, doc *render.Document) bool {
	fi, err := os.Lstat(dest)
	if errors.Is(err, fs.ErrNotExist) {
		return true
	}
	if err != nil || !fi.Mode().IsRegular() || fi.Size() > maxReplaced {
		return false
	}
	old, err := os.ReadFile(dest)
	return err == nil && render.SameOrg(old, format, doc)
}
