// Package tapegen writes the Go source of a decoder of tapes for a set
// of Go types: values of the types decoded ahead from JSON, when the data is
// built (EncodeTape, see tape.go), that the decoder only fills in, without
// reflection and without parsing. The types are found by reflection when the
// source is generated; those it cannot hold exactly as json.Unmarshal
// decodes them are refused.
package tapegen

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
	// Roots are the types to decode.
	Roots []reflect.Type
	// Decoder names the decoder type to declare, with a method
	// tapeNAME(*T) bool per struct type (for the roots too), a method
	// pools() bool that reads the pools' sizes after the header, and the
	// constant Decoder+"Fingerprint" for the header. It embeds Reader, a
	// type of the package with the methods that read a value into place
	//
	//	str(*string) bool
	//	boolean(*bool) bool
	//	integer(*int) bool
	//	float(*float64) bool
	//	anyValue(*any) bool
	//
	// and the package has the generic type pool[T] (size(*Reader) bool
	// reads its size and makes it) and the functions, written once, that
	// read pointers, lists and maps with a reader of their values:
	//
	//	tapePtr[T any](*Reader, **T, *pool[T], func(*T) bool) bool
	//	tapeList[T any](*Reader, *[]T, *pool[T], func(*T) bool) bool
	//	tapeListPtr[T any](*Reader, *[]*T, *pool[*T], *pool[T], func(*T) bool) bool
	//	tapeMap[T any](*Reader, *map[string]T, func() (T, bool)) bool
	//
	// (model/shipped_tape.go has them).
	Decoder, Reader string
}

// Generate returns the gofmt-ed source of the tape decoder for cfg.Roots,
// or an error naming a type or field it cannot decode exactly as
// json.Unmarshal does.
func Generate(cfg Config) ([]byte, error) {
	g, err := plan(cfg)
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	fmt.Fprintf(&out, "// %s\n\npackage %s\n", cfg.Header, cfg.Package)
	g.emitTape(&out)
	src, err := format.Source(out.Bytes())
	if err != nil {
		return nil, fmt.Errorf("generated source does not parse: %v\n%s", err, out.Bytes())
	}
	return src, nil
}

// plan finds and checks the types reachable from cfg.Roots.
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
		if err := g.walk(t); err != nil {
			return nil, err
		}
	}
	return g, nil
}

type gen struct {
	cfg   Config
	done  map[reflect.Type]bool // types found
	order []reflect.Type        // the struct, slice, map and pointer types, as found
	queue []reflect.Type        // the struct, slice and map types whose parts are to be found
}

var (
	unmarshaler     = reflect.TypeFor[json.Unmarshaler]()
	textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()
)

// need adds a struct, slice, map or pointer type to the types found, and
// queues a struct, slice or map type for its parts.
func (g *gen) need(t reflect.Type) {
	if g.done[t] {
		return
	}
	g.done[t] = true
	g.order = append(g.order, t)
	switch t.Kind() {
	case reflect.Struct, reflect.Slice, reflect.Map:
		g.queue = append(g.queue, t)
	}
}

// walk checks t and finds the types of its fields or elements.
func (g *gen) walk(t reflect.Type) error {
	if err := g.check(t); err != nil {
		return err
	}
	if t.Kind() != reflect.Struct {
		if err := g.use(t.Elem()); err != nil {
			return fmt.Errorf("%v: %w", t, err)
		}
		return nil
	}
	fs, err := decodedFields(t)
	if err != nil {
		return err
	}
	for _, f := range fs {
		if err := g.use(t.Field(f.index).Type); err != nil {
			return fmt.Errorf("%v.%s: %w", t, f.name, err)
		}
	}
	return nil
}

// use checks t, a type of a field or element, and finds it (a pointer's
// element at once).
func (g *gen) use(t reflect.Type) error {
	if err := g.check(t); err != nil {
		return err
	}
	switch t.Kind() {
	case reflect.Struct, reflect.Slice, reflect.Map:
		g.need(t)
	case reflect.Pointer:
		g.need(t)
		return g.use(t.Elem())
	}
	return nil
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
