package questionnaires

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The worked overlay example of FORMAT.md loads over the shipped catalogue
// and does what the text says.
func TestFormatOverlayExample(t *testing.T) {
	doc, err := os.ReadFile("FORMAT.md")
	if err != nil {
		t.Fatal(err)
	}
	s := string(doc)
	i := strings.Index(s, "Worked example (`beratung.json`)")
	if i < 0 {
		t.Fatal("no worked overlay example in FORMAT.md")
	}
	j := strings.Index(s[i:], "```json\n") + i + len("```json\n")
	k := strings.Index(s[j:], "```") + j
	p := filepath.Join(t.TempDir(), "beratung.json")
	if err := os.WriteFile(p, []byte(s[j:k]), 0o600); err != nil {
		t.Fatal(err)
	}
	c, err := Load(p)
	if err != nil {
		t.Fatal(err)
	}
	std, _ := Standard()
	if c.ID != std.ID || c.Version != std.Version {
		t.Errorf("%s %s, want the shipped %s %s", c.ID, c.Version, std.ID, std.Version)
	}
	if c.Question("org.client_no") == nil || c.Measure("access_system.badge") == nil || c.Measure("access_physical.alarm_service") != nil {
		t.Error("the example's additions or its hiding did not apply")
	}
	if c.Section("org").Title.De != "Ihr Unternehmen" {
		t.Error("the relabel did not apply")
	}
}
