package render

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/tom-dsgvo/tom/model"
)

// brandedSample is the sample with a consultant's branding and without an
// answer for "Erstellt von", so that the long PreparedBy is on the cover.
func brandedSample(t *testing.T) *Document {
	t.Helper()
	c, f := loadSample(t)
	if q := c.QuestionByRole(model.RolePreparedBy); q != nil {
		delete(f.Answers, q.ID)
	}
	logo, err := os.ReadFile(filepath.Join("..", "testdata", "workspace", "logo.png"))
	if err != nil {
		t.Fatal(err)
	}
	return BuildBranded(c, f, model.De, &Branding{
		PreparedBy: "Erika Muster, Datenschutzberaterin (TÜV), für die Muster Datenschutzberatung GmbH & Co. KG, im Auftrag der Geschäftsführung",
		Logo:       logo, LogoFormat: "png",
		Name:    "Muster Datenschutzberatung",
		Address: "Musterstraße 1\n12345 Musterstadt",
		Contact: "Tel. 01234 56789 · beratung@example.org",
		Accent:  "#1a5fb4",
		Footer:  "Muster Datenschutzberatung · vertraulich",
		Intro:   "Dieses Dokument haben wir mit Ihnen im Rahmen unserer Beratung erstellt.",
	})
}

// brandGolden compares got with testdata/golden/branded.NAME.
func brandGolden(t *testing.T, name, got string) {
	t.Helper()
	p := filepath.Join("testdata", "golden", "branded."+name)
	if *update {
		if err := os.WriteFile(p, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(p)
	if err != nil {
		t.Fatalf("%v (run go test ./render -update)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from the golden file (run go test ./render -update and review):\n%s", p, got)
	}
}

// A branded PDF: the consultant's lines and logo on the cover, every line
// of a long "Erstellt von", the footer on the following pages (read back
// with pdftotext).
func TestBrandedPDF(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) not installed")
	}
	data, err := WritePDF(brandedSample(t))
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "b.pdf")
	if err := os.WriteFile(p, data, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-layout", "-f", "1", "-l", "1", p, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	cover := string(out)
	for _, want := range []string{"Muster Datenschutzberatung", "12345 Musterstadt", "beratung@example.org", "Datenschutzberatung GmbH & Co. KG, im Auftrag der Geschäftsführung"} {
		if !strings.Contains(cover, want) {
			t.Errorf("cover lacks %q:\n%s", want, cover)
		}
	}
	page3, err := exec.Command("pdftotext", "-layout", "-f", "3", "-l", "3", p, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(page3), "Muster Datenschutzberatung · vertraulich") {
		t.Errorf("no footer on page 3:\n%s", page3)
	}
	if !bytes.Contains(data, []byte("/Subtype /Image")) {
		t.Error("no image in the PDF")
	}
	brandGolden(t, "pdf-cover.txt", cover)
}

// A branded DOCX: the logo as a part with its relationship and content
// type, the lines on the cover, the footer text in the footer.
func TestBrandedDOCX(t *testing.T) {
	data, err := WriteDOCX(brandedSample(t))
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	parts := map[string]string{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(rc)
		rc.Close()
		parts[f.Name] = string(b)
	}
	if _, ok := parts["word/media/logo.png"]; !ok {
		t.Error("no word/media/logo.png")
	}
	if !strings.Contains(parts["[Content_Types].xml"], `<Default Extension="png" ContentType="image/png"/>`) {
		t.Error("no content type for png")
	}
	if !strings.Contains(parts["word/_rels/document.xml.rels"], `Target="media/logo.png"`) {
		t.Error("no relationship to the logo")
	}
	doc := parts["word/document.xml"]
	// The cover: everything before the first page break.
	end := strings.Index(doc, `<w:br w:type="page"/>`)
	if end < 0 {
		t.Fatal("no page break")
	}
	start := strings.Index(doc, "<w:body>")
	brandGolden(t, "docx-cover.xml", strings.ReplaceAll(doc[start:end], "</w:p>", "</w:p>\n")+"\n")
	if !strings.Contains(parts["word/footer1.xml"], "Muster Datenschutzberatung · vertraulich") {
		t.Errorf("footer lacks the text:\n%s", parts["word/footer1.xml"])
	}
}

// A branded HTML file: the cover section and the footer.
func TestBrandedHTML(t *testing.T) {
	data, err := WriteHTML(brandedSample(t))
	if err != nil {
		t.Fatal(err)
	}
	s := string(data)
	// The logo's data is long; the golden shows where it goes.
	s = regexp.MustCompile(`data:image/png;base64,(?:[A-Za-z0-9+/=]|&#43;)+`).ReplaceAllString(s, "data:image/png;base64,LOGO")
	cover := s[strings.Index(s, `<section class="cover">`):]
	cover = cover[:strings.Index(cover, "</section>")+len("</section>")]
	brandGolden(t, "html-cover.html", cover+"\n")
	for _, want := range []string{`@bottom-left { content: "Muster Datenschutzberatung · vertraulich"`, `<footer class="brand-footer">Muster Datenschutzberatung · vertraulich</footer>`, "border-top: 2px solid #1a5fb4"} {
		if !strings.Contains(s, want) {
			t.Errorf("HTML lacks %q", want)
		}
	}
}

// The Markdown and text title blocks carry the consultant's lines; the
// introduction starts with the consultant's paragraph.
func TestBrandedTextFormats(t *testing.T) {
	d := brandedSample(t)
	md, txt := string(WriteMarkdown(d)), string(WriteText(d))
	brandGolden(t, "md-title.md", md[:strings.Index(md, "## ")])
	brandGolden(t, "txt-title.txt", txt[:strings.Index(txt, "1 ")])
	for _, s := range []string{md, txt} {
		if !strings.Contains(s, "Dieses Dokument haben wir mit Ihnen im Rahmen unserer Beratung erstellt.") {
			t.Error("no intro text")
		}
	}
}

// Without branding nothing changes: Build and BuildBranded(nil) agree.
func TestUnbrandedUnchanged(t *testing.T) {
	c, f := loadSample(t)
	for _, format := range Formats {
		a, _ := Write(Build(c, f, model.De), format)
		b, _ := Write(BuildBranded(c, f, model.De, nil), format)
		if !bytes.Equal(a, b) {
			t.Errorf("%s differs", format)
		}
	}
}
