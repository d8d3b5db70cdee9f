package render

import (
	"bytes"
	"image"
	"image/draw"
	_ "image/jpeg" // logo sizes
	"image/png"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/tom-dsgvo/tom/model"
)

// Branding is how a consultant's documents look (tom.toml): the logo and
// the consultant's name, address and contact on the cover, the accent
// colour of the cover's rule, a footer line on every page, and a paragraph
// of their own before the introduction. Every field is optional.
type Branding struct {
	// PreparedBy is the cover's "Erstellt von" when the answers do not say.
	PreparedBy string
	Logo       []byte // PNG or JPEG, checked by the caller
	LogoFormat string // "png" or "jpeg"
	Name       string // the consultant's business
	Address    string // may span lines
	Contact    string // may span lines
	Accent     string // #rrggbb
	Footer     string // one line on every page but the cover
	Intro      string // in the document's language
}

// Lines returns the consultant's name, address and contact as lines, for
// the cover and the text formats' title block.
func (b *Branding) Lines() []string {
	if b == nil {
		return nil
	}
	var out []string
	for _, s := range []string{b.Name, b.Address, b.Contact} {
		for _, l := range strings.Split(clean(s), "\n") {
			if l = strings.TrimSpace(l); l != "" {
				out = append(out, l)
			}
		}
	}
	return out
}

// accentRGB returns the accent colour as red, green and blue, or ok false
// when none is set (or it is not #rrggbb).
func (b *Branding) accentRGB() (r, g, bl int, ok bool) {
	if b == nil || len(b.Accent) != 7 || b.Accent[0] != '#' {
		return 0, 0, 0, false
	}
	var v [3]int
	for i := range 3 {
		for _, c := range b.Accent[1+2*i : 3+2*i] {
			var d int
			switch {
			case c >= '0' && c <= '9':
				d = int(c - '0')
			case c >= 'a' && c <= 'f':
				d = int(c-'a') + 10
			case c >= 'A' && c <= 'F':
				d = int(c-'A') + 10
			default:
				return 0, 0, 0, false
			}
			v[i] = v[i]*16 + d
		}
	}
	return v[0], v[1], v[2], true
}

// BuildBranded is Build with a consultant's branding (nil: none).
func BuildBranded(cat *model.Catalog, f *model.File, lang model.Lang, br *Branding) *Document {
	return build(cat, f, lang, br, ProfileInternal)
}

// pdfLogo returns the logo as the PDF library reads it: a JPEG as it is, a
// PNG decoded and written again as plain 8-bit PNG (the library cannot
// read interlaced or 16-bit PNG files).
func pdfLogo(b *Branding) ([]byte, string, error) {
	if b.LogoFormat == "jpeg" {
		return b.Logo, "JPG", nil
	}
	img, err := png.Decode(bytes.NewReader(b.Logo))
	if err != nil {
		return nil, "", err
	}
	rgba := image.NewNRGBA(img.Bounds())
	draw.Draw(rgba, rgba.Bounds(), img, img.Bounds().Min, draw.Src)
	var out bytes.Buffer
	if err := png.Encode(&out, rgba); err != nil {
		return nil, "", err
	}
	return out.Bytes(), "PNG", nil
}

// docxLogoID is the relationship of the logo's part in a DOCX file.
const docxLogoID = "rIdLogo"

// coverLogo returns the drawing of the consultant's logo for the DOCX
// cover, or "" when there is no cover, no logo or the image is unreadable.
func (w *docxWriter) coverLogo() string {
	b := w.d.Brand
	if b == nil || len(b.Logo) == 0 || !slices.ContainsFunc(w.d.Blocks, func(bl Block) bool { _, ok := bl.(*Cover); return ok }) {
		return ""
	}
	cfg, _, err := image.DecodeConfig(bytes.NewReader(b.Logo))
	if err != nil || cfg.Width <= 0 || cfg.Height <= 0 {
		return ""
	}
	// At most 60 x 30 mm, in EMU (36,000 a millimetre).
	scale := math.Min(60*36000/float64(cfg.Width), 30*36000/float64(cfg.Height))
	cx, cy := strconv.Itoa(int(float64(cfg.Width)*scale)), strconv.Itoa(int(float64(cfg.Height)*scale))
	return `<w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" distT="0" distB="0" distL="0" distR="0">` +
		`<wp:extent cx="` + cx + `" cy="` + cy + `"/><wp:docPr id="1" name="Logo"/>` +
		`<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">` +
		`<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:nvPicPr><pic:cNvPr id="1" name="Logo"/><pic:cNvPicPr/></pic:nvPicPr>` +
		`<pic:blipFill><a:blip r:embed="` + docxLogoID + `"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>` +
		`<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="` + cx + `" cy="` + cy + `"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>` +
		`</a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`
}

// brandTop writes the consultant's logo (w.logo, see coverLogo) and lines
// at the top of the DOCX cover; it reports whether it wrote anything.
func (w *docxWriter) brandTop() bool {
	b := w.d.Brand
	if b == nil {
		return false
	}
	wrote := false
	if w.logo != "" {
		w.para("", `<w:jc w:val="right"/>`, w.logo)
		wrote = true
	}
	color := "595959"
	if _, _, _, ok := b.accentRGB(); ok {
		color = strings.ToUpper(b.Accent[1:])
	}
	for i, l := range b.Lines() {
		rpr := `<w:color w:val="595959"/><w:sz w:val="18"/><w:szCs w:val="18"/>`
		if i == 0 && b.Name != "" {
			rpr = `<w:b/><w:color w:val="` + color + `"/><w:sz w:val="20"/><w:szCs w:val="20"/>`
		}
		w.textPara("", `<w:spacing w:after="0"/>`, l, rpr)
		wrote = true
	}
	return wrote
}

// brandFooter is the DOCX footer's paragraph with the branding's footer
// text, or "".
func (w *docxWriter) brandFooter() string {
	b := w.d.Brand
	if b == nil {
		return ""
	}
	f := strings.Join(strings.Fields(clean(b.Footer)), " ")
	if f == "" {
		return ""
	}
	return `<w:p><w:pPr><w:pStyle w:val="Footer"/><w:jc w:val="center"/></w:pPr>` + textRuns(f, "") + `</w:p>`
}
