package render

import (
	"regexp"
	"strings"
	"testing"

	"github.com/tom-dsgvo/tom/model"
)

// TestDetectedAndStatedDiffer proves that a measure a scan confirmed is
// marked "erhoben am …" with its evidence and a stated one is not, in every
// format and both languages, and that a contradiction appears in the annex
// of open items with its evidence.
func TestDetectedAndStatedDiffer(t *testing.T) {
	c, f := loadSample(t)
	f.Detected["transfer.tls_mail"] = model.Detection{Date: "2026-11-27", Result: model.DetectContradicts, Evidence: "Dovecot: ssl = no"}
	lang := model.De
	label := func(id string) string { return c.Measure(id).Label.In(lang) }
	detected := label("transfer.starttls") // implemented, the scan supports it
	stated := label("transfer.tls")        // implemented, no scan
	contra := label("transfer.tls_mail")
	flat := func(s string) string { return strings.Join(strings.Fields(s), " ") }
	check := func(format, text, tag, evidence string) {
		t.Helper()
		text = flat(text)
		d := regexp.MustCompile(regexp.QuoteMeta(detected) + `.{0,12}` + regexp.QuoteMeta(tag))
		if !d.MatchString(text) {
			t.Errorf("%s: the detected measure is not marked %q", format, tag)
		}
		if !strings.Contains(text, evidence) {
			t.Errorf("%s: the evidence %q is missing", format, evidence)
		}
		i := strings.Index(text, stated)
		if i < 0 {
			t.Fatalf("%s: the stated measure is missing", format)
		}
		if after := text[i+len(stated):]; strings.HasPrefix(strings.TrimLeft(after, " *)(\\"), strings.Trim(tag, "()")) {
			t.Errorf("%s: the stated measure is marked as detected", format)
		}
		if !strings.Contains(text, "Dovecot: ssl = no") {
			t.Errorf("%s: the contradiction's evidence is missing", format)
		}
	}
	de := Build(c, f, model.De)
	md := string(WriteMarkdown(de))
	check("md", md, "**(erhoben am 27.11.2026)**", "Nachweis: Postfix: smtpd\\_tls\\_security\\_level = may")
	if !strings.Contains(md, "| Widerspruch | Weitergabekontrolle | "+contra+" |  | Dovecot: ssl = no |") {
		t.Error("md: the contradiction is not in the annex of open items")
	}
	check("txt", string(WriteText(de)), "(erhoben am 27.11.2026)", "Nachweis: Postfix: smtpd_tls_security_level = may")
	h, err := WriteHTML(de)
	if err != nil {
		t.Fatal(err)
	}
	check("html", string(h), `</span> <strong class="tag">(erhoben am 27.11.2026)</strong>`, "Nachweis: Postfix: smtpd_tls_security_level = may")
	if !strings.Contains(string(h), `<li class="done detected">`) {
		t.Error("html: the detected measure lacks its class")
	}
	x, err := WriteDOCX(de)
	if err != nil {
		t.Fatal(err)
	}
	paras := docxParagraphs(t, docxParts(t, x)["word/document.xml"])
	check("docx", strings.Join(paras, "\n"), "(erhoben am 27.11.2026)", "Nachweis: Postfix: smtpd_tls_security_level = may")
	p, err := WritePDF(de)
	if err != nil {
		t.Fatal(err)
	}
	check("pdf", strings.Join(pdfPages(t, p), "\n"), "(erhoben am 27.11.2026)", "Nachweis: Postfix: smtpd_tls_security_level = may")

	lang = model.En
	detected, stated = label("transfer.starttls"), label("transfer.tls")
	en := Build(c, f, model.En)
	check("md en", string(WriteMarkdown(en)), "**(detected on 27 November 2026)**", "Evidence: Postfix")
	check("txt en", string(WriteText(en)), "(detected on 27 November 2026)", "Evidence: Postfix")
}

// TestNotApplicableMarked proves that measures that do not apply get their
// own mark, not the empty box of open items, in every format.
func TestNotApplicableMarked(t *testing.T) {
	d := sampleDoc(t, model.De)
	const na = "Videoüberwachung der Eingänge"
	if md := string(WriteMarkdown(d)); !strings.Contains(md, "- [–] "+na) || strings.Contains(md, "- [ ] "+na) {
		t.Error("md: not-applicable measure not marked [–]")
	}
	if txt := string(WriteText(d)); !strings.Contains(txt, "[-] "+na) || strings.Contains(txt, "[ ] "+na) {
		t.Error("txt: not-applicable measure not marked [-]")
	}
	h, _ := WriteHTML(d)
	if !strings.Contains(string(h), `<li class="na"><span class="box">⊟</span><span class="text">`+na) {
		t.Error("html: not-applicable measure not marked ⊟")
	}
	x, _ := WriteDOCX(d)
	doc := strings.Join(docxParagraphs(t, docxParts(t, x)["word/document.xml"]), "\n")
	if !strings.Contains(doc, "⊟"+na) || strings.Contains(doc, "☐"+na) {
		t.Error("docx: not-applicable measure not marked ⊟")
	}
}
