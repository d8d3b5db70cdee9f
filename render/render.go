package render

import (
	"fmt"
	"strings"
	"unicode"
)

// Formats lists the output formats in the order "all" writes them.
var Formats = []string{"md", "html", "pdf", "docx", "txt"}

// IsBinary reports whether a format cannot go to a terminal.
func IsBinary(format string) bool { return format == "pdf" || format == "docx" }

// Write returns the document in the given format (md, html, pdf, docx, txt).
func Write(d *Document, format string) ([]byte, error) {
	switch format {
	case "md":
		return WriteMarkdown(d), nil
	case "html":
		return WriteHTML(d)
	case "pdf":
		return WritePDF(d)
	case "docx":
		return WriteDOCX(d)
	case "txt":
		return WriteText(d), nil
	}
	return nil, fmt.Errorf("unknown format %q (md, html, pdf, docx, txt)", format)
}

// FileName returns the default file name for the document in a format:
// TOM_<organisation>_<Stand>.<ext>, ASCII only (umlauts folded), safe on
// every file system.
func FileName(d *Document, format string) string {
	name := "TOM"
	// "&" becomes the word for "and" in the document's language.
	org := strings.ReplaceAll(d.Org, "&", " "+Msg.Get(d.Lang, "file_and")+" ")
	if org := slug(org); org != "" {
		name += "_" + org
	}
	if d.Stand != "" {
		name += "_" + d.Stand
	}
	return name + "." + format
}

var fold = strings.NewReplacer(
	"ä", "ae", "ö", "oe", "ü", "ue", "Ä", "Ae", "Ö", "Oe", "Ü", "Ue", "ß", "ss",
	"é", "e", "è", "e", "ê", "e", "á", "a", "à", "a", "â", "a", "ó", "o", "ò", "o", "ô", "o",
	"í", "i", "ì", "i", "ú", "u", "ù", "u", "ç", "c", "ñ", "n", "ø", "o", "å", "a", "æ", "ae",
	"ş", "s", "ğ", "g", "ı", "i", "İ", "I", "Ş", "S", "Ç", "C",
)

// slug turns a name into [A-Za-z0-9] words joined by "-", at most 60 bytes.
// A long name is cut between words, so the result never ends mid-word or
// on "-"; only a first word longer than the limit is cut inside.
func slug(s string) string {
	const limit = 60
	words := strings.FieldsFunc(fold.Replace(s), func(r rune) bool {
		return r >= unicode.MaxASCII || !(unicode.IsLetter(r) || unicode.IsDigit(r))
	})
	var b strings.Builder
	for _, w := range words {
		switch {
		case b.Len() == 0 && len(w) > limit:
			return w[:limit]
		case b.Len() == 0:
			b.WriteString(w)
		case b.Len()+1+len(w) > limit:
			return b.String()
		default:
			b.WriteByte('-')
			b.WriteString(w)
		}
	}
	return b.String()
}
