package render

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"strings"

	"golang.org/x/text/unicode/norm"
)

// orgKeyPrefix starts the organisation key tom writes into its documents.
const orgKeyPrefix = "tom-org:"

// OrgKey identifies the organisation the document is for: a short hash of
// its name (Unicode-normalised, trimmed). PDF, DOCX, HTML and Markdown
// carry it invisibly (PDF keywords, DOCX core properties, an HTML meta
// element, a Markdown comment), so that tom render can tell a document of
// another organisation before replacing it (see SameOrg).
func (d *Document) OrgKey() string {
	sum := sha256.Sum256([]byte(norm.NFC.String(strings.TrimSpace(d.Org))))
	return orgKeyPrefix + hex.EncodeToString(sum[:8])
}

// isTOM reports whether d is a TOM document (it has a cover), not a report.
func (d *Document) isTOM() bool {
	for _, b := range d.Blocks {
		if _, ok := b.(*Cover); ok {
			return true
		}
	}
	return false
}

// maxCoreXML bounds what SameOrg reads of a DOCX's core properties.
const maxCoreXML = 1 << 20

// SameOrg reports whether existing, the content of a file that document d
// written in format would replace, is a document for the same organisation.
// PDF, DOCX, HTML, Markdown and JSON are recognised by their organisation key;
// plain text, which has no room for hidden data, by the organisation name
// in it (white space ignored, so that wrapped lines count). A file without
// either, such as one tom did not write, is not the same.
func SameOrg(existing []byte, format string, d *Document) bool {
	key := []byte(d.OrgKey())
	switch format {
	case "pdf", "html", "md", FormatJSON:
		return bytes.Contains(existing, key)
	case "docx":
		zr, err := zip.NewReader(bytes.NewReader(existing), int64(len(existing)))
		if err != nil {
			return false
		}
		f, err := zr.Open("docProps/core.xml")
		if err != nil {
			return false
		}
		defer f.Close()
		core, err := io.ReadAll(io.LimitReader(f, maxCoreXML))
		return err == nil && bytes.Contains(core, key)
	case "txt":
		org := strings.Join(strings.Fields(d.Org), " ")
		if org == "" {
			return false
		}
		return strings.Contains(strings.Join(strings.Fields(string(existing)), " "), org)
	}
	return false
}
