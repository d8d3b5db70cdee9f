package cli

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestNoNetworkCode guards the promise that tom never talks to the network:
// no package of ours imports a networking client or server, and no code calls
// net.Dial. The one exception is tom serve, which listens only: its package
// serve alone may import the SSH server (charm.land/ssh, wish) and call
// net.Listen, in its function Listen; only the cli imports serve. (Elsewhere
// the standard library's net package is linked for flag parsing and
// certificate parsing only.)
func TestNoNetworkCode(t *testing.T) {
	forbidden := map[string]bool{
		"net/http": true, "net/http/httptest": true, "net/rpc": true, "net/smtp": true, "crypto/tls": true,
	}
	// Imports only the serve package may have, and who may import serve.
	sshOnly := []string{"charm.land/ssh", "charm.land/wish/", "golang.org/x/crypto/ssh"}
	const servePkg = "github.com/tom-dsgvo/tom/serve"
	inServe := func(path string) bool {
		return filepath.Base(filepath.Dir(path)) == "serve" && filepath.Dir(filepath.Dir(path)) == ".."
	}
	listens := 0
	fset := token.NewFileSet()
	files := 0
	err := filepath.WalkDir("..", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) && path != ".." {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		files++
		netName := ""
		for _, imp := range f.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			if forbidden[p] {
				t.Errorf("%s imports %s", path, p)
			}
			for _, s := range sshOnly {
				if (p == s || strings.HasPrefix(p, s)) && !inServe(path) {
					t.Errorf("%s imports %s; only the serve package may", path, p)
				}
			}
			if p == servePkg && filepath.Dir(path) != filepath.Join("..", "cli") {
				t.Errorf("%s imports %s; only the cli may", path, p)
			}
			if p == "net" {
				netName = "net"
				if imp.Name != nil {
					netName = imp.Name.Name
				}
			}
		}
		if netName == "" {
			return nil
		}
		for _, decl := range f.Decls {
			// net.Listen is allowed in serve's func Listen only.
			listenOK := false
			if fn, ok := decl.(*ast.FuncDecl); ok && inServe(path) && fn.Recv == nil && fn.Name.Name == "Listen" {
				listenOK = true
			}
			ast.Inspect(decl, func(n ast.Node) bool {
				sel, ok := n.(*ast.SelectorExpr)
				if !ok {
					return true
				}
				id, ok := sel.X.(*ast.Ident)
				if !ok || id.Name != netName {
					return true
				}
				switch name := sel.Sel.Name; {
				case name == "Listen" && listenOK:
					listens++
				case name == "Listener": // the type, in a signature
				case strings.HasPrefix(name, "Dial") || strings.HasPrefix(name, "Listen"):
					t.Errorf("%s: calls %s.%s", fset.Position(sel.Pos()), netName, name)
				}
				return true
			})
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if listens != 1 {
		t.Errorf("serve.Listen calls net.Listen %d times, want 1 (the check is broken)", listens)
	}
	if files < 20 {
		t.Fatalf("only %d source files inspected; the walk is broken", files)
	}
}
