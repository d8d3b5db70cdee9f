package render

import (
	"fmt"
	"html/template"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tom-dsgvo/tom/model"
)

// cssString quotes s as a CSS string literal for a `content:` value.
// Quotes, backslashes, angle brackets, ampersands and every control, format
// or invalid rune become CSS hex escapes, so no input can end the string,
// the rule or the <style> element; other text stays readable.
// html/template cannot be used here: it reads any quoted CSS string as a
// possible URL and replaces text such as "Stand: 28.11.2026" (a "scheme"
// followed by a colon) with "#ZgotmplZ".
func cssString(s string) template.CSS {
	var b strings.Builder
	b.Grow(len(s) + 8)
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == 0 || r == utf8.RuneError || (r >= 0xD800 && r <= 0xDFFF):
			b.WriteString(`\FFFD `)
		case model.IsBidiControl(r):
			// Shown, not obeyed, as in the HTML text (htmlDropControls).
			m := model.BidiMark(r) // <U+202E>, angle brackets escaped
			b.WriteString(`\3C `)
			b.WriteString(m[1 : len(m)-1])
			b.WriteString(`\3E `)
		case r == '"' || r == '\\' || r == '<' || r == '>' || r == '&' || r == '\'' ||
			!unicode.IsPrint(r):
			// The trailing space ends the escape; CSS swallows it.
			fmt.Fprintf(&b, `\%X `, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return template.CSS(b.String())
}
