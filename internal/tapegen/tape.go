package tapegen

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"math"
	"reflect"
	"slices"
	"strings"

	"github.com/tom-dsgvo/tom/internal/textsum"
)

// A tape is a value of the root types decoded ahead, when the data is
// built, so that reading it again needs no parsing: the value's fields in
// the order of their types, its strings as places in the JSON text it was
// decoded from. EncodeTape writes it; the decoder Generate writes (Config's
// Decoder) reads it, and gives up on a tape that does not fit its types
// or the text.
//
// Layout (uvarint and varint as encoding/binary writes them):
//
//	"jdt1" magic
//	uvarint: the fingerprint of the types (TapeFingerprint)
//	uvarint: the length of the text; 8 bytes: its textsum.Sum, little-endian
//	uvarint per pool: how many values of the type the value has (a pointer
//	  type: its non-nil pointers; a slice type: the elements of its slices)
//	the root value:
//	  string   uvarint len<<1|literal, then (len > 0) uvarint offset in the
//	           text, or (literal) the bytes
//	  bool     a byte, 0 or 1
//	  int      varint
//	  float64  8 bytes, the IEEE bits little-endian
//	  pointer  a byte, 0 (nil) or 1, then the value
//	  slice    uvarint 0 (nil) or len+1, then the elements
//	  map      uvarint 0 (nil) or len+1, then key (a string) and value, by key
//	  struct   its decoded fields in order
//	  any      a byte: 0 nil, 1 false, 2 true, 3 float64 (then as above),
//	           4 string, 5 []any (uvarint len, elements), 6 map[string]any
//	           (uvarint len, keys and values by key)
const tapeMagic = "jdt1"

// fieldInfo is a field the decoders set: its index and its key in JSON.
type fieldInfo struct {
	index int
	name  string // in Go
	key   string // in JSON
}

// decodedFields returns the fields of struct t the decoders set, in order.
func decodedFields(t reflect.Type) ([]fieldInfo, error) {
	var fs []fieldInfo
	keys := map[string]bool{}
	for i := range t.NumField() {
		f := t.Field(i)
		if f.Anonymous {
			return nil, fmt.Errorf("%v.%s: embedded fields are not supported", t, f.Name)
		}
		if !f.IsExported() {
			continue
		}
		tag := f.Tag.Get("json")
		if tag == "-" {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		for _, o := range strings.Split(opts, ",") {
			switch o {
			case "", "omitempty", "omitzero":
			default:
				return nil, fmt.Errorf("%v.%s: tag option %q not supported", t, f.Name, o)
			}
		}
		if name == "" {
			name = f.Name
		}
		if keys[strings.ToLower(name)] {
			return nil, fmt.Errorf("%v.%s: key %q is taken (in some case) by another field", t, f.Name, name)
		}
		keys[strings.ToLower(name)] = true
		if len(fs) == 64 {
			return nil, fmt.Errorf("%v: more than 64 fields", t)
		}
		fs = append(fs, fieldInfo{i, f.Name, name})
	}
	return fs, nil
}

// pools are the pointer and slice types, in the order of the tape.
func (g *gen) pools() []reflect.Type {
	var ps []reflect.Type
	for _, t := range g.order {
		if t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
			ps = append(ps, t)
		}
	}
	return ps
}

// fingerprint sums up the types as the tape depends on them.
func (g *gen) fingerprint() uint32 {
	var b strings.Builder
	for _, t := range g.order {
		fmt.Fprintf(&b, "%v %v\n", t, t.Kind())
		if t.Kind() == reflect.Struct {
			fs, _ := decodedFields(t)
			for _, f := range fs {
				fmt.Fprintf(&b, "\t%s %s %v\n", f.name, f.key, t.Field(f.index).Type)
			}
		}
	}
	return crc32.ChecksumIEEE([]byte(b.String()))
}

// poolName is the name of the decoder's pool for pointer or slice type t.
func (g *gen) poolName(t reflect.Type) string { return "pool" + g.ident(t) }

// primitives are the methods of the Reader that read a value of a kind.
var primitives = map[reflect.Kind]string{reflect.String: "str", reflect.Bool: "boolean", reflect.Int: "integer",
	reflect.Float64: "float", reflect.Interface: "anyValue"}

// method returns the method of the decoder that reads a value of type t
// into place, if there is one: for a struct or a predeclared type.
func (g *gen) method(t reflect.Type) (string, bool) {
	if t.Kind() == reflect.Struct {
		return "tape" + g.ident(t), true
	}
	m, ok := primitives[t.Kind()]
	return m, ok && (t.Name() == "" || t.Name() == t.Kind().String())
}

// read returns the expression (a bool, false if that fails) that reads a
// value of type t into *dst.
func (g *gen) read(t reflect.Type, dst string) string {
	if m, ok := g.method(t); ok {
		return fmt.Sprintf("d.%s(%s)", m, dst)
	}
	r := "&d." + g.cfg.Reader
	switch t.Kind() {
	case reflect.Pointer:
		return fmt.Sprintf("tapePtr(%s, %s, &d.%s, %s)", r, dst, g.poolName(t), g.reader(t.Elem()))
	case reflect.Slice:
		if e := t.Elem(); e.Kind() == reflect.Pointer {
			return fmt.Sprintf("tapeListPtr(%s, %s, &d.%s, &d.%s, %s)", r, dst, g.poolName(t), g.poolName(e), g.reader(e.Elem()))
		}
		return fmt.Sprintf("tapeList(%s, %s, &d.%s, %s)", r, dst, g.poolName(t), g.reader(t.Elem()))
	case reflect.Map:
		return fmt.Sprintf("tapeMap(%s, %s, func() (e %s, ok bool) {\nok = %s\nreturn\n})", r, dst, g.typeName(t.Elem()), g.read(t.Elem(), "&e"))
	}
	// A named string or bool (check refuses other kinds).
	return fmt.Sprintf("d.%s((*%s)(%s))", primitives[t.Kind()], t.Kind(), dst)
}

// reader returns a func(*t) bool that reads a value of type t into place.
func (g *gen) reader(t reflect.Type) string {
	if m, ok := g.method(t); ok {
		return "d." + m
	}
	return fmt.Sprintf("func(v *%s) bool {\nreturn %s\n}", g.typeName(t), g.read(t, "v"))
}

// and returns the expression that is true if all of terms are, one a line.
func and(terms []string) string {
	if len(terms) == 0 {
		return "true"
	}
	return strings.Join(terms, " &&\n\t\t")
}

// emitTape writes the tape decoder.
func (g *gen) emitTape(out *bytes.Buffer) {
	d := g.cfg.Decoder
	fmt.Fprintf(out, "\n// %s reads the tapes of the types it was generated for (see %s).\n", d, g.cfg.Reader)
	fmt.Fprintf(out, "type %s struct {\n\t%s\n", d, g.cfg.Reader)
	var sizes []string
	for _, t := range g.pools() {
		fmt.Fprintf(out, "\t%s pool[%s]\n", g.poolName(t), g.typeName(t.Elem()))
		sizes = append(sizes, fmt.Sprintf("d.%s.size(&d.%s)", g.poolName(t), g.cfg.Reader))
	}
	out.WriteString("}\n")
	fmt.Fprintf(out, "\n// %sFingerprint sums up the types as their tapes depend on them.\nconst %[1]sFingerprint = %#08x\n", d, g.fingerprint())
	fmt.Fprintf(out, "\n// pools reads the sizes of the pools and makes them.\nfunc (d *%s) pools() bool {\n\treturn %s\n}\n", d, and(sizes))
	for _, t := range g.order {
		if t.Kind() != reflect.Struct {
			continue
		}
		var reads []string
		fs, _ := decodedFields(t)
		for _, f := range fs {
			reads = append(reads, g.read(t.Field(f.index).Type, "&v."+f.name))
		}
		fmt.Fprintf(out, "\n// tape%s reads a %s into v.\nfunc (d *%s) tape%[1]s(v *%[2]s) bool {\n\treturn %[4]s\n}\n", g.ident(t), g.typeName(t), d, and(reads))
	}
}

// EncodeTape returns the tape of v, a pointer to a value of one of
// cfg.Roots decoded from text, for the tape decoder Generate writes for
// cfg.
func EncodeTape(cfg Config, v any, text string) ([]byte, error) {
	g, err := plan(cfg)
	if err != nil {
		return nil, err
	}
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || !slices.Contains(cfg.Roots, rv.Type().Elem()) {
		return nil, fmt.Errorf("%T is not a pointer to a root type", v)
	}
	e := &encoder{counts: map[reflect.Type]int{}, text: text, at: stringsOf(text)}
	e.count(rv.Elem())
	out := []byte(tapeMagic)
	out = binary.AppendUvarint(out, uint64(g.fingerprint()))
	out = binary.AppendUvarint(out, uint64(len(text)))
	out = binary.LittleEndian.AppendUint64(out, textsum.Sum(text))
	for _, t := range g.pools() {
		out = binary.AppendUvarint(out, uint64(e.counts[t]))
	}
	e.out = out
	if err := e.value(rv.Elem()); err != nil {
		return nil, err
	}
	return e.out, nil
}

// TapeFingerprint returns the fingerprint of cfg's types that their tapes
// carry.
func TapeFingerprint(cfg Config) (uint32, error) {
	g, err := plan(cfg)
	if err != nil {
		return 0, err
	}
	return g.fingerprint(), nil
}

type encoder struct {
	counts map[reflect.Type]int
	text   string
	at     map[string]int // the strings of text without escapes, at their first place
	out    []byte
}

// stringsOf returns the contents of the strings in JSON text that have no
// escapes, each at its first place.
func stringsOf(text string) map[string]int {
	at := map[string]int{}
	for i := 0; i < len(text); i++ {
		if text[i] != '"' {
			continue
		}
		j := i + 1
		for j < len(text) && text[j] != '"' && text[j] != '\\' {
			j++
		}
		if j < len(text) && text[j] == '"' {
			if _, ok := at[text[i+1:j]]; !ok {
				at[text[i+1:j]] = i + 1
			}
		} else {
			for j < len(text) && text[j] != '"' {
				if text[j] == '\\' {
					j++
				}
				j++
			}
		}
		i = j
	}
	return at
}

// count counts the pointers and slice elements in v by type.
func (e *encoder) count(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			e.counts[v.Type()]++
			e.count(v.Elem())
		}
	case reflect.Slice:
		if !v.IsNil() {
			e.counts[v.Type()] += v.Len()
			for i := range v.Len() {
				e.count(v.Index(i))
			}
		}
	case reflect.Map:
		for _, k := range v.MapKeys() {
			e.count(v.MapIndex(k))
		}
	case reflect.Struct:
		fs, _ := decodedFields(v.Type())
		for _, f := range fs {
			e.count(v.Field(f.index))
		}
	}
}

func (e *encoder) str(s string) {
	if s == "" {
		e.out = append(e.out, 0)
		return
	}
	if off, ok := e.at[s]; ok {
		e.out = binary.AppendUvarint(e.out, uint64(len(s))<<1)
		e.out = binary.AppendUvarint(e.out, uint64(off))
		return
	}
	if off := strings.Index(e.text, s); off >= 0 {
		e.out = binary.AppendUvarint(e.out, uint64(len(s))<<1)
		e.out = binary.AppendUvarint(e.out, uint64(off))
		return
	}
	e.out = binary.AppendUvarint(e.out, uint64(len(s))<<1|1)
	e.out = append(e.out, s...)
}

func (e *encoder) float(f float64) {
	e.out = binary.LittleEndian.AppendUint64(e.out, math.Float64bits(f))
}

func (e *encoder) value(v reflect.Value) error {
	switch v.Kind() {
	case reflect.String:
		e.str(v.String())
	case reflect.Bool:
		if v.Bool() {
			e.out = append(e.out, 1)
		} else {
			e.out = append(e.out, 0)
		}
	case reflect.Int:
		e.out = binary.AppendVarint(e.out, v.Int())
	case reflect.Float64:
		e.float(v.Float())
	case reflect.Pointer:
		if v.IsNil() {
			e.out = append(e.out, 0)
			return nil
		}
		e.out = append(e.out, 1)
		return e.value(v.Elem())
	case reflect.Slice:
		if v.IsNil() {
			e.out = append(e.out, 0)
			return nil
		}
		e.out = binary.AppendUvarint(e.out, uint64(v.Len())+1)
		for i := range v.Len() {
			if err := e.value(v.Index(i)); err != nil {
				return err
			}
		}
	case reflect.Map:
		if v.IsNil() {
			e.out = append(e.out, 0)
			return nil
		}
		e.out = binary.AppendUvarint(e.out, uint64(v.Len())+1)
		keys := v.MapKeys()
		slices.SortFunc(keys, func(a, b reflect.Value) int { return strings.Compare(a.String(), b.String()) })
		for _, k := range keys {
			e.str(k.String())
			if err := e.value(v.MapIndex(k)); err != nil {
				return err
			}
		}
	case reflect.Struct:
		fs, err := decodedFields(v.Type())
		if err != nil {
			return err
		}
		for _, f := range fs {
			if err := e.value(v.Field(f.index)); err != nil {
				return err
			}
		}
	case reflect.Interface:
		if v.IsNil() {
			e.out = append(e.out, 0)
			return nil
		}
		return e.any(v.Elem().Interface())
	default:
		return fmt.Errorf("kind %v not supported", v.Kind())
	}
	return nil
}

// any writes a value json.Unmarshal decodes into an any.
func (e *encoder) any(x any) error {
	switch x := x.(type) {
	case nil:
		e.out = append(e.out, 0)
	case bool:
		if x {
			e.out = append(e.out, 2)
		} else {
			e.out = append(e.out, 1)
		}
	case float64:
		e.out = append(e.out, 3)
		e.float(x)
	case string:
		e.out = append(e.out, 4)
		e.str(x)
	case []any:
		e.out = append(e.out, 5)
		e.out = binary.AppendUvarint(e.out, uint64(len(x)))
		for _, y := range x {
			if err := e.any(y); err != nil {
				return err
			}
		}
	case map[string]any:
		e.out = append(e.out, 6)
		e.out = binary.AppendUvarint(e.out, uint64(len(x)))
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			e.str(k)
			if err := e.any(x[k]); err != nil {
				return err
			}
		}
	default:
		return fmt.Errorf("a %T in an any: not supported", x)
	}
	return nil
}
