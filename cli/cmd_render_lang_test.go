package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRenderBatchSpeaksOneLanguage: a batch over a German and an English
// client said "geschrieben: …" for one and "wrote …" for the other. The
// documents keep their files' languages; the progress lines follow the
// user's (German by default, --lang en switches them).
func TestRenderBatchSpeaksOneLanguage(t *testing.T) {
	dir := t.TempDir()
	de := renderSample(t, dir, "de.json")
	en := filepath.Join(dir, "en.json")
	data := bytes.Replace(readFile(t, de), []byte(`"language": "de"`), []byte(`"language": "en"`), 1)
	data = bytes.Replace(data, []byte("Webagentur Krüger & Söhne GmbH"), []byte("Bright Pixels Ltd"), 1)
	if err := os.WriteFile(en, data, 0o600); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "dist") + "/"
	code, stdout, stderr := cliRun(nil, "render", de, en, "--format", "txt", "--out", out)
	if code != 0 {
		t.Fatalf("exit %d; stderr:\n%s", code, stderr)
	}
	if strings.Count(stdout, "geschrieben: ") != 2 || strings.Contains(stdout, "wrote") {
		t.Errorf("progress lines not all German:\n%s", stdout)
	}
	doc := string(readFile(t, filepath.Join(dir, "dist", "TOM_Bright-Pixels-Ltd_2026-11-28.txt")))
	if !strings.Contains(doc, "Technical and organisational measures") {
		t.Error("the English client's document is not in English")
	}
}
