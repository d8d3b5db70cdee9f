package cli

import (
	"fmt"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
)

// mdBlocks parses Markdown as GitHub does (goldmark with GFM) and lists its
// block structure: one entry per block node, "heading2", "list",
// "listitem", "paragraph", "table" …, nested lists included.
func mdBlocks(t *testing.T, src string) []string {
	t.Helper()
	doc := goldmark.New(goldmark.WithExtensions(extension.GFM)).Parser().Parse(text.NewReader([]byte(src)))
	var out []string
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || n.Type() != ast.TypeBlock || n.Kind() == ast.KindDocument || n.Kind() == ast.KindTextBlock {
			return ast.WalkContinue, nil
		}
		k := strings.ToLower(n.Kind().String())
		if h, ok := n.(*ast.Heading); ok {
			k = fmt.Sprintf("heading%d", h.Level)
		}
		out = append(out, k)
		return ast.WalkContinue, nil
	})
	return out
}
