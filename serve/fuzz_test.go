package serve

import (
	"strings"
	"testing"
)

// FuzzParseAccess: any access file is either refused with problems at real
// lines or parsed into entries that each name a file, a comment and
// commands, each found by its key.
func FuzzParseAccess(f *testing.F) {
	f.Add("# comment\n")
	f.Add(`tom-file="a.json",tom-allow="interview,review" ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHrr1cQkLbAad+XFgkrm4pY93hKT2Cf/zqELFPgbTaO8 kunde` + "\n")
	f.Add(`tom-file="a.json" ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHrr1cQkLbAad+XFgkrm4pY93hKT2Cf/zqELFPgbTaO8` + "\n")
	f.Add("tom-file=\"\",x ssh-rsa AAAA\r\n\n\x00")
	f.Fuzz(func(t *testing.T, data string) {
		a, err := ParseAccess("access", []byte(data))
		lines := strings.Count(strings.TrimSuffix(data, "\n"), "\n") + 1
		if err != nil {
			e, ok := err.(*Error)
			if !ok || len(e.Problems) == 0 {
				t.Fatalf("error %T %v", err, err)
			}
			for _, p := range e.Problems {
				if p.Line < 1 || p.Line > lines {
					t.Fatalf("problem at line %d of %d", p.Line, lines)
				}
			}
			return
		}
		for _, e := range a.Entries {
			if e.File == "" || e.Comment == "" || len(e.Allow) == 0 || e.Line < 1 || e.Line > lines {
				t.Fatalf("entry %+v", e)
			}
			if a.Find(e.Key) != e {
				t.Fatalf("entry of line %d not found by its key", e.Line)
			}
		}
	})
}
