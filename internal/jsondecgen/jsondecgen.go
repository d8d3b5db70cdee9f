// Package jsondecgen writes the Go source of a JSON decoder specialised for
// a set of Go types, found by reflection when the source is generated, so
// that the decoder needs no reflection when it runs.
//
// The decoder is strict where encoding/json and its look-alikes are lenient:
// it accepts only a key spelt exactly as a field's name in JSON, each at most
// once, and values of the field's type (no null); anything else makes it
// fail, and its caller then decodes the data the general way. So whatever it
// accepts, it decodes as the general decoder does.
//
// It can also write a second decoder, of tapes: values decoded ahead, when
// the data is built, that the decoder only fills in (see tape.go and
// EncodeTape).
//
// The generated code runs on readers and on helpers that the target package
// provides (see Config).
package jsondecgen

import (
	"bytes"
	"encoding"
	"encoding/json"
	"fmt"
	"go/format"
	"reflect"
	"strings"
)

// Config says what to generate.
type Config struct {
	// Package is the package clause of the generated file and PkgPath the
	// import path of that package: the types must be declared there (or be
	// predeclared).
	Package, PkgPath string
	// Header is the first comment of the file (the "Code generated ... DO
	// NOT EDIT." line), without the comment markers.
	Header string
	// Decoder names the decoder type to declare. It embeds Reader, a type
	// of the package with the methods
	//
	//	open(c byte) bool          // white space, then '{' or '[' (counting the depth)
	//	close(c byte) bool         // white space, then '}' or ']': the value ends empty
	//	more(c byte) (more, ok bool) // after a member: ',' or the closing c
	//	key() (string, bool)       // a key without escapes, and its colon
	//	str() (string, bool)
	//	boolean() (bool, bool)
	//	integer() (int, bool)
	//	float() (float64, bool)
	//	anyValue() (any, bool)     // as the general decoder decodes into an any
	//
	// and the package has the generic types slab[T] (alloc() *T) and
	// listBuf[T] (mark() int, push(T), done(start int) []T).
	Decoder, Reader string
	// Roots are the types to decode; each gets a method decNAME(*T) bool.
	Roots []reflect.Type
	// TapeDecoder, if set, names a second decoder type to declare, of the
	// tapes EncodeTape writes (see tape.go), with a method tapeNAME(*T) bool
	// per root, a method pools() bool that reads the pools' sizes after the
	// header, and the constant TapeDecoder+"Fingerprint" for the header. It
	// embeds TapeReader, a type of the package with the methods
	//
	//	str() (string, bool)
	//	boolean() (bool, bool)
	//	integer() (int, bool)
	//	float() (float64, bool)
	//	anyValue() (any, bool)
	//	flag() (bool, bool)        // whether a pointer is set
	//	length() (int, bool)       // of a list or map, -1 for nil
	//
	// and the package has the generic type pool[T] (one() (*T, bool),
	// take(n int) ([]T, bool)) and func newPool[T any](*TapeReader) (pool[T], bool).
	TapeDecoder, TapeReader string
}

// Generate returns the gofmt-ed source of the decoder for cfg.Roots, or an
// error naming a type or field it cannot decode exactly as the general
// decoder does.
func Generate(cfg Config) ([]byte, error) {
	g, err := plan(cfg)
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	fmt.Fprintf(&out, "// %s\n\npackage %s\n\n", cfg.Header, cfg.Package)
	fmt.Fprintf(&out, "// %s decodes the types it was generated for (see %s).\n", cfg.Decoder, cfg.Reader)
	fmt.Fprintf(&out, "type %s struct {\n\t%s\n", cfg.Decoder, cfg.Reader)
	for _, f := range g.fields {
		fmt.Fprintf(&out, "\t%s\n", f)
	}
	out.WriteString("}\n")
	out.Write(g.body.Bytes())
	if cfg.TapeDecoder != "" {
		g.emitTape(&out)
	}
	src, err := format.Source(out.Bytes())
	if err != nil {
		return nil, fmt.Errorf("generated source does not parse: %v\n%s", err, out.Bytes())
	}
	return src, nil
}

// plan finds the types reachable from cfg.Roots and writes the JSON
// decoder's methods.
func plan(cfg Config) (*gen, error) {
	g := &gen{cfg: cfg, done: map[reflect.Type]bool{}}
	for _, t := range cfg.Roots {
		if t.Kind() != reflect.Struct {
			return nil, fmt.Errorf("root %v: not a struct", t)
		}
		g.need(t)
	}
	for len(g.queue) > 0 {
		t := g.queue[0]
		g.queue = g.queue[1:]
		if err := g.emit(t); err != nil {
			return nil, err
		}
	}
	return g, nil
}

type gen struct {
	cfg    Config
	done   map[reflect.Type]bool // types queued for a method or a field
	order  []reflect.Type        // the struct, slice, map and pointer types, as found
	queue  []reflect.Type
	fields []string // of the decoder type
	body   bytes.Buffer
}

var (
	unmarshaler     = reflect.TypeFor[json.Unmarshaler]()
	textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()
)

// need queues a struct, slice or map type for its method, or adds the slab
// of a pointer's element type to the decoder.
func (g *gen) need(t reflect.Type) {
	if g.done[t] {
		return
	}
	g.done[t] = true
	g.order = append(g.order, t)
	switch t.Kind() {
	case reflect.Struct, reflect.Slice, reflect.Map:
		g.queue = append(g.queue, t)
	case reflect.Pointer:
		g.fields = append(g.fields, fmt.Sprintf("slab%s slab[%s]", g.ident(t.Elem()), g.typeName(t.Elem())))
	}
}

// ident is a Go identifier fragment for t.
func (g *gen) ident(t reflect.Type) string {
	switch t.Kind() {
	case reflect.Pointer:
		return "Ptr" + g.ident(t.Elem())
	case reflect.Slice:
		return "List" + g.ident(t.Elem())
	case reflect.Map:
		return "Map" + g.ident(t.Elem())
	case reflect.Interface:
		return "Any"
	}
	return strings.ToUpper(t.Name()[:1]) + t.Name()[1:]
}

// typeName is how t is written in the package.
func (g *gen) typeName(t reflect.Type) string {
	switch t.Kind() {
	case reflect.Pointer:
		return "*" + g.typeName(t.Elem())
	case reflect.Slice:
		if t.Name() == "" {
			return "[]" + g.typeName(t.Elem())
		}
	case reflect.Map:
		if t.Name() == "" {
			return "map[string]" + g.typeName(t.Elem())
		}
	case reflect.Interface:
		if t.Name() == "" {
			return "any"
		}
	}
	return t.Name()
}

// check refuses a type the generated code would not decode as the general
// decoder does.
func (g *gen) check(t reflect.Type) error {
	if t.Implements(unmarshaler) || reflect.PointerTo(t).Implements(unmarshaler) ||
		t.Implements(textUnmarshaler) || reflect.PointerTo(t).Implements(textUnmarshaler) {
		return fmt.Errorf("type %v decodes itself (UnmarshalJSON or UnmarshalText): not supported", t)
	}
	if t.Name() != "" && t.PkgPath() != "" && t.PkgPath() != g.cfg.PkgPath {
		return fmt.Errorf("type %v is not declared in %s", t, g.cfg.PkgPath)
	}
	switch t.Kind() {
	case reflect.String, reflect.Bool, reflect.Struct, reflect.Pointer, reflect.Slice:
	case reflect.Int, reflect.Float64:
		if t.Name() != t.Kind().String() {
			return fmt.Errorf("type %v: only the predeclared int and float64 are supported", t)
		}
	case reflect.Interface:
		if t.NumMethod() != 0 || t.Name() != "" {
			return fmt.Errorf("type %v: only the empty interface is supported", t)
		}
	case reflect.Map:
		if t.Key().Kind() != reflect.String || t.Key().Name() != "string" {
			return fmt.Errorf("type %v: only maps with string keys are supported", t)
		}
	default:
		return fmt.Errorf("type %v: kind %v not supported", t, t.Kind())
	}
	if (t.Kind() == reflect.Slice || t.Kind() == reflect.Map) && t.Name() != "" {
		return fmt.Errorf("type %v: named slices and maps are not supported", t)
	}
	if t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.Uint8 {
		return fmt.Errorf("type %v: byte slices are not supported", t)
	}
	return nil
}

// value returns the statements that decode a value of type t into dst (an
// addressable expression) and set ok.
func (g *gen) value(t reflect.Type, dst string) (string, error) {
	if err := g.check(t); err != nil {
		return "", err
	}
	switch t.Kind() {
	case reflect.String:
		if t.Name() == "string" {
			return fmt.Sprintf("%s, ok = d.str()", dst), nil
		}
		return fmt.Sprintf("{\nvar s string\ns, ok = d.str()\n%s = %s(s)\n}", dst, t.Name()), nil
	case reflect.Bool:
		if t.Name() == "bool" {
			return fmt.Sprintf("%s, ok = d.boolean()", dst), nil
		}
		return fmt.Sprintf("{\nvar b bool\nb, ok = d.boolean()\n%s = %s(b)\n}", dst, t.Name()), nil
	case reflect.Int:
		return fmt.Sprintf("%s, ok = d.integer()", dst), nil
	case reflect.Float64:
		return fmt.Sprintf("%s, ok = d.float()", dst), nil
	case reflect.Interface:
		return fmt.Sprintf("%s, ok = d.anyValue()", dst), nil
	case reflect.Struct:
		g.need(t)
		addr := "&" + dst
		if p, ok := strings.CutPrefix(dst, "*"); ok {
			addr = p
		}
		return fmt.Sprintf("ok = d.dec%s(%s)", g.ident(t), addr), nil
	case reflect.Pointer:
		g.need(t)
		inner, err := g.value(t.Elem(), "*p")
		if err != nil {
			return "", err
		}
		return fmt.Sprintf("{\np := d.slab%s.alloc()\n%s\n%s = p\n}", g.ident(t.Elem()), inner, dst), nil
	default: // slice, map
		g.need(t)
		return fmt.Sprintf("%s, ok = d.dec%s()", dst, g.ident(t)), nil
	}
}

// emit writes the method that decodes t.
func (g *gen) emit(t reflect.Type) error {
	if err := g.check(t); err != nil {
		return err
	}
	switch t.Kind() {
	case reflect.Struct:
		return g.emitStruct(t)
	case reflect.Slice:
		return g.emitSlice(t)
	}
	return g.emitMap(t)
}

func (g *gen) emitStruct(t reflect.Type) error {
	fs, err := decodedFields(t)
	if err != nil {
		return err
	}
	var cases strings.Builder
	for n, f := range fs {
		stmt, err := g.value(t.Field(f.index).Type, "v."+f.name)
		if err != nil {
			return fmt.Errorf("%v.%s: %w", t, f.name, err)
		}
		fmt.Fprintf(&cases, "\ncase %q:\nbit = 1 << %d\n%s", f.key, n, stmt)
	}
	id := g.ident(t)
	fmt.Fprintf(&g.body, `
// dec%[1]s decodes a %[2]s into v.
func (d *%[3]s) dec%[1]s(v *%[2]s) bool {
	if !d.open('{') {
		return false
	}
	if d.close('}') {
		return true
	}
	var seen uint64
	for {
		key, ok := d.key()
		if !ok {
			return false
		}
		var bit uint64
		switch key {
		%[4]s
		default:
			return false
		}
		if !ok || seen&bit != 0 {
			return false
		}
		seen |= bit
		more, ok := d.more('}')
		if !more {
			return ok
		}
	}
}
`, id, g.typeName(t), g.cfg.Decoder, cases.String())
	return nil
}

func (g *gen) emitSlice(t reflect.Type) error {
	id := g.ident(t)
	stmt, err := g.value(t.Elem(), "e")
	if err != nil {
		return fmt.Errorf("%v: %w", t, err)
	}
	g.fields = append(g.fields, fmt.Sprintf("buf%s listBuf[%s]", id, g.typeName(t.Elem())))
	fmt.Fprintf(&g.body, `
// dec%[1]s decodes a %[2]s.
func (d *%[3]s) dec%[1]s() (%[2]s, bool) {
	if !d.open('[') {
		return nil, false
	}
	start := d.buf%[1]s.mark()
	if !d.close(']') {
		for {
			var e %[4]s
			var ok bool
			%[5]s
			if !ok {
				return nil, false
			}
			d.buf%[1]s.push(e)
			more, ok := d.more(']')
			if !ok {
				return nil, false
			}
			if !more {
				break
			}
		}
	}
	return d.buf%[1]s.done(start), true
}
`, id, g.typeName(t), g.cfg.Decoder, g.typeName(t.Elem()), stmt)
	return nil
}

func (g *gen) emitMap(t reflect.Type) error {
	id := g.ident(t)
	stmt, err := g.value(t.Elem(), "e")
	if err != nil {
		return fmt.Errorf("%v: %w", t, err)
	}
	fmt.Fprintf(&g.body, `
// dec%[1]s decodes a %[2]s.
func (d *%[3]s) dec%[1]s() (%[2]s, bool) {
	if !d.open('{') {
		return nil, false
	}
	m := %[2]s{}
	if d.close('}') {
		return m, true
	}
	for {
		key, ok := d.key()
		if !ok {
			return nil, false
		}
		if _, dup := m[key]; dup {
			return nil, false
		}
		var e %[4]s
		%[5]s
		if !ok {
			return nil, false
		}
		m[key] = e
		more, ok := d.more('}')
		if !ok {
			return nil, false
		}
		if !more {
			return m, true
		}
	}
}
`, id, g.typeName(t), g.cfg.Decoder, g.typeName(t.Elem()), stmt)
	return nil
}
