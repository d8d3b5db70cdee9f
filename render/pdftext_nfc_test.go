package render

import "testing"

// Decomposed umlauts (as macOS writes them) must come out as the composed
// letter in the PDF, not as the bare base letter.
func TestPDFSanitizeComposesDecomposedLetters(t *testing.T) {
	for in, want := range map[string]string{
		"Mu\u0308ller & So\u0308hne": "Müller & Söhne",
		"Stra\u00dfe":                "Straße",
		"Cafe\u0301":                 "Café",
	} {
		if got := PDFSanitize(in); got != want {
			t.Errorf("PDFSanitize(%q) = %q, want %q", in, got, want)
		}
	}
}
