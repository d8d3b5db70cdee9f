package line

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	json "github.com/goccy/go-json"

	"github.com/tom-dsgvo/tom/model"
	"github.com/tom-dsgvo/tom/questionnaires"
	"github.com/tom-dsgvo/tom/scan"
	"github.com/tom-dsgvo/tom/wizard/review"
	"github.com/tom-dsgvo/tom/wizard/scanning"
)

// The catalogues and the scan the line-mode tests share with the full
// screen's (wizard/driver_test.go, wizard/scan_test.go).

func smallCatalog(t testing.TB) *model.Catalog {
	t.Helper()
	c, err := model.LoadCatalogFile("../../testdata/small-catalog.json")
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func realCatalog(t testing.TB) *model.Catalog {
	t.Helper()
	c, err := questionnaires.Standard()
	if err != nil {
		t.Fatal(err)
	}
	return c
}

const scanToday = "2026-11-28"

// fixtureScan is the scanning.ScanFunc tom interview passes, on the tree at root.
func fixtureScan(c *model.Catalog, root string, l model.Lang) scanning.ScanFunc {
	return func(f *model.File) (model.ScanSummary, error) {
		rep := scan.Scan(scan.Options{Root: root, Today: time.Date(2026, 11, 28, 0, 0, 0, 0, time.UTC), Catalog: c})
		return model.ApplyScan(c, f, scanToday, rep.ForModel(l)), nil
	}
}

// fixtureAccounts are the login accounts of a scan of debian-good.
func fixtureAccounts(t *testing.T) []scanning.ServerAccount {
	t.Helper()
	rep := scan.Scan(scan.Options{Root: "../../testdata/scan/debian-good", Today: time.Date(2026, 11, 28, 0, 0, 0, 0, time.UTC)})
	var out []scanning.ServerAccount
	for _, a := range rep.Accounts {
		out = append(out, scanning.ServerAccount{Name: a.Name, Sudo: a.Sudo, Password: a.Password, Keys: a.Keys})
	}
	if len(out) != 2 {
		t.Fatalf("debian-good has %d login accounts, want 2 (alice, bob): %+v", len(out), out)
	}
	return out
}

// One record is "1 Eintrag", not "1 Einträge", in line mode too.
func TestOneRecordIsSingular(t *testing.T) {
	for _, l := range []model.Lang{model.De, model.En} {
		if got := lineMsg.Count(l, "rec_count", 1, "X"); strings.Contains(got, "Einträge") || strings.Contains(got, "entries") {
			t.Errorf("line mode %s: %q", l, got)
		}
	}
}

func eq(t *testing.T, what string, got, want any) {
	t.Helper()
	gj, _ := json.Marshal(got)
	wj, _ := json.Marshal(want)
	if string(gj) != string(wj) {
		t.Fatalf("%s: got %s, want %s", what, gj, wj)
	}
}

// The review fixtures (as in wizard/review_test.go).

const rvToday = "2026-08-15"

// rvCatalog is the test catalogue v1.1 (new: the MFA measure and the devices
// list; removed: org.date).
func rvCatalog(t testing.TB) *model.Catalog {
	t.Helper()
	c, err := model.LoadCatalogFile("../../testdata/review/catalog-1.1.json")
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// rvFile copies a fixture of testdata/review into a temporary folder and
// loads it under c.
func rvFile(t *testing.T, c *model.Catalog, name string) (*model.File, *model.Migration, string) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("../../testdata/review", name))
	if err != nil {
		t.Fatal(err)
	}
	return rvFileFrom(t, c, data)
}

func rvFileFrom(t *testing.T, c *model.Catalog, data []byte) (*model.File, *model.Migration, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "tom.json")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	f, mig, err := model.Load(path, c)
	if err != nil {
		t.Fatal(err)
	}
	return f, mig, path
}

// rvLoad reads the saved file.
func rvLoad(t *testing.T, c *model.Catalog, path string) *model.File {
	t.Helper()
	f, _, err := model.Load(path, c)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func rvMarshal(t *testing.T, f *model.File) []byte {
	t.Helper()
	data, err := model.Marshal(f)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func rvPaths(changes []model.Change) []string {
	var out []string
	for _, ch := range changes {
		out = append(out, ch.Path)
	}
	return out
}

func scanCatalog(t testing.TB) *model.Catalog {
	t.Helper()
	c, err := model.LoadCatalogFile("../../testdata/scan-interview/catalog.json")
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// Yes, no and "none" read the same in line mode, the review and the model.
func TestWhyOneWordingForAnswers(t *testing.T) {
	c := smallCatalog(t)
	q := c.Question("infra.server")
	p := NewPrompter(strings.NewReader(""), &strings.Builder{}, model.De)
	rs := model.StartReview(c, model.NewFile(c, model.De), nil)
	txt := review.NewText(rs, model.De, "2026-11-28")
	for _, v := range []model.Value{model.Bool(true), model.Bool(false), model.List()} {
		want := model.AnswerText(q.Kind, q.Options, v, model.De)
		if got := p.show(p.questionItem(q), v, false); got != want {
			t.Errorf("line mode %v: %q, want %q", v.Any(), got, want)
		}
		if got := txt.Value(q.Kind, q.Options, v); got != want {
			t.Errorf("review %v: %q, want %q", v.Any(), got, want)
		}
	}
}

// legacyServer copies testdata/scan/debian-good and adds an SSH drop-in that
// sorts first and allows root login: the scan then contradicts
// access_system.ssh_no_root and supports everything else as before.
func legacyServer(t testing.TB) string {
	t.Helper()
	src := "../../testdata/scan/debian-good"
	dst := filepath.Join(t.TempDir(), "root")
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		to := filepath.Join(dst, rel)
		switch {
		case d.Type()&fs.ModeSymlink != 0:
			target, err := os.Readlink(p)
			if err != nil {
				return err
			}
			return os.Symlink(target, to)
		case d.IsDir():
			return os.MkdirAll(to, 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(to, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	dropIn := filepath.Join(dst, "etc/ssh/sshd_config.d/00-legacy.conf")
	if err := os.WriteFile(dropIn, []byte("PermitRootLogin yes\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return dst
}
