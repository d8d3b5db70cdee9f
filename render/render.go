package render

import (
	"fmt"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
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
	case FormatJSON:
		return WriteJSON(d)
	}
	return nil, fmt.Errorf("unknown format %q (md, html, pdf, docx, txt, json)", format)
}

// FileName returns the default file name for the document in a format:
// TOM_<organisation>_<Stand>.<ext>, with "_Anlage" / "_Annex" before the
// extension for the annex for clients; ASCII only, safe on every file system.
// The organisation name is transliterated (umlauts folded, accents dropped,
// Cyrillic after ICAO Doc 9303); a name with letters that have no
// transliteration here (Greek, Arabic, CJK, …), or no name at all, gives
// way to fallback, the answers file's base name, so that two clients in
// one folder do not get the same file name.
func FileName(d *Document, format, fallback string) string {
	name := "TOM"
	// "&" becomes the word for "and" in the document's language.
	org, ok := transliterate(strings.ReplaceAll(d.Org, "&", " "+Msg.Get(d.Lang, "file_and")+" "))
	part := slug(org)
	if !ok || part == "" {
		part = slug(fallback)
	}
	if part != "" {
		name += "_" + part
	}
	if d.Stand != "" {
		name += "_" + d.Stand
	}
	if d.Profile == ProfileAnnex {
		name += "_" + Msg.Get(d.Lang, "file_annex")
	}
	return name + "." + format
}

// fold spells German umlauts and ß out before accents are dropped, and
// gives the Latin letters without a decomposition their usual ASCII form.
var fold = strings.NewReplacer(
	"ä", "ae", "ö", "oe", "ü", "ue", "Ä", "Ae", "Ö", "Oe", "Ü", "Ue", "ß", "ss",
	"ø", "o", "Ø", "O", "æ", "ae", "Æ", "Ae", "œ", "oe", "Œ", "Oe", "ł", "l", "Ł", "L",
	"đ", "d", "Đ", "D", "ð", "d", "Ð", "D", "þ", "th", "Þ", "Th", "ı", "i",
)

// cyrillic is the transliteration of ICAO Doc 9303 Part 3 (machine readable
// travel documents), its general column for Cyrillic capitals; letters with
// a diacritic (Ё, Й, Ї, Ў, Ѓ, Ќ) reach it as their base letter. Ь is left
// out there. Lower case letters map to lower case.
var cyrillic = map[rune]string{
	'А': "A", 'Б': "B", 'В': "V", 'Г': "G", 'Д': "D", 'Е': "E", 'Ж': "ZH", 'З': "Z",
	'И': "I", 'І': "I", 'К': "K", 'Л': "L", 'М': "M", 'Н': "N", 'О': "O", 'П': "P",
	'Р': "R", 'С': "S", 'Т': "T", 'У': "U", 'Ф': "F", 'Х': "KH", 'Ц': "TS", 'Ч': "CH",
	'Ш': "SH", 'Щ': "SHCH", 'Ъ': "IE", 'Ы': "Y", 'Ь': "", 'Э': "E", 'Ю': "IU", 'Я': "IA",
	'Ґ': "G", 'Є': "IE", 'Ђ': "D", 'Ѕ': "DZ", 'Ј': "J", 'Љ': "LJ", 'Њ': "NJ", 'Џ': "DZ",
}

// transliterate writes s in Latin letters as far as it can; ok is false when
// a letter or digit remained that it could not write so.
func transliterate(s string) (string, bool) {
	ok := true
	rs := []rune(norm.NFD.String(fold.Replace(s)))
	var b strings.Builder
	for i, r := range rs {
		if unicode.Is(unicode.Mn, r) {
			continue // an accent, dropped
		}
		if r < unicode.MaxASCII {
			b.WriteRune(r)
			continue
		}
		up := unicode.ToUpper(r)
		t, known := cyrillic[up]
		switch {
		case known && r != up:
			b.WriteString(strings.ToLower(t))
		case known && len(t) > 1 && nextIsLower(rs[i+1:]):
			b.WriteString(t[:1] + strings.ToLower(t[1:])) // "Жуков": "Zhukov"
		case known:
			b.WriteString(t)
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			ok = false
		default:
			b.WriteByte(' ')
		}
	}
	return b.String(), ok
}

// nextIsLower reports whether the first rune of rs that is not an accent is
// a lower case letter.
func nextIsLower(rs []rune) bool {
	for _, r := range rs {
		if !unicode.Is(unicode.Mn, r) {
			return unicode.IsLower(r)
		}
	}
	return false
}

// slug turns a name into [A-Za-z0-9] words joined by "-", at most 60 bytes.
// A long name is cut between words, so the result never ends mid-word or
// on "-"; only a first word longer than the limit is cut inside.
func slug(s string) string {
	const limit = 60
	words := strings.FieldsFunc(s, func(r rune) bool {
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
