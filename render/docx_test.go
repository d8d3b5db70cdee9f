package render

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"image"
	"image/jpeg"
	"slices"
	"testing"
	"unicode/utf8"

	"github.com/tom-dsgvo/tom/model"
)

// FuzzDOCXText: text needsXMLEscape lets through is what xml.EscapeText
// would have written, and the writers of two texts (writeRuns2,
// cellLines2) give what the one-text writers give for them joined.
func FuzzDOCXText(f *testing.F) {
	for _, seed := range [][2]string{
		{"Auftragsverarbeiter?", "ja"}, {"Name: ", "Müller & Söhne <GmbH>"}, {"a\nb", "\nc\n"},
		{"\x7f\u0085", "\ufffd\ufffe\uffff"}, {"\xc3", "\xa4"}, {"", ""}, {"Straße 1\r\n", "\t'\""},
		{"AV-Vertrag", "unterzeichnet am 20.05.2024; Prüfung jährlich, nächste bis 20.05.2027"},
	} {
		f.Add(seed[0], seed[1])
	}
	f.Fuzz(func(t *testing.T, s, u string) {
		for _, x := range []string{s, u, s + u} {
			var b bytes.Buffer
			xml.EscapeText(&b, []byte(x))
			if !needsXMLEscape(x) && b.String() != x {
				t.Errorf("needsXMLEscape(%q) = false, but xml.EscapeText gives %q", x, b.String())
			}
		}
		if !utf8.ValidString(s) {
			return // the two texts are a label and its separator or value, each valid
		}
		var joined, two bytes.Buffer
		writeRuns(&joined, s+u, "<w:b/>")
		writeRuns2(&two, s, u, "<w:b/>")
		if joined.String() != two.String() {
			t.Errorf("writeRuns2(%q, %q) = %s, want %s", s, u, two.String(), joined.String())
		}
		for _, wd := range []int{50, 1000, 3000} {
			if got, want := cellLines2(s, u, wd), cellLines(s+u, wd); got != want {
				t.Errorf("cellLines2(%q, %q, %d) = %d, want %d", s, u, wd, got, want)
			}
		}
	})
}

// TestDOCXPackedSameBytes: the fixed parts copied compressed (docxPack)
// give the bytes the zip writer gives compressing them, for both
// languages, the annex, and a logo of each type, the first time and from
// the cache.
func TestDOCXPackedSameBytes(t *testing.T) {
	branded := brandedSample(t)
	var jpg bytes.Buffer
	img := image.NewRGBA(image.Rect(0, 0, 40, 20))
	if err := jpeg.Encode(&jpg, img, nil); err != nil {
		t.Fatal(err)
	}
	brand := *branded.Brand
	brand.Logo, brand.LogoFormat = jpg.Bytes(), "jpeg"
	withJPEG := *branded
	withJPEG.Brand = &brand
	c, f := loadSample(t)
	docs := map[string]*Document{
		"de": sampleDoc(t, model.De), "en": sampleDoc(t, model.En),
		"annex": BuildProfile(c, f, model.En, nil, ProfileAnnex),
		"png":   branded, "jpeg": &withJPEG,
	}
	for name, d := range docs {
		want, err := writeDOCX(d, false)
		if err != nil {
			t.Fatal(err)
		}
		for range 2 {
			got, err := writeDOCX(d, true)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s: DOCX with packed parts differs from the one compressed part by part", name)
			}
		}
		if name == "jpeg" {
			z, err := zip.NewReader(bytes.NewReader(want), int64(len(want)))
			if err != nil || !slices.ContainsFunc(z.File, func(f *zip.File) bool { return f.Name == "word/media/logo.jpeg" }) {
				t.Errorf("jpeg: no logo part (%v)", err)
			}
		}
	}
}
