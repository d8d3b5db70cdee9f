package model

import (
	"math/rand/v2"
	"testing"
)

// The register columns work a condition out a test at a time over whole
// columns; for every record the result is what recordHolds and FieldVisible
// give record by record, for random conditions (nested all, any and not,
// measure tests, every kind of field test) on random records, with and
// without the index of the fields with conditions.
func TestRegisterColumnsAsPerRecord(t *testing.T) {
	rnd := rand.New(rand.NewPCG(1, 2))
	ids := []string{"a", "b", "c", "d", "e", "missing"}
	vals := []Value{{}, String(""), String(" "), String("x"), String("y"), String("Root here"), Bool(true), Bool(false), List("x"), List("x", "y"), List()}
	yes, no := true, false
	var cond func(depth int) *Condition
	cond = func(depth int) *Condition {
		if depth > 0 && rnd.IntN(3) == 0 {
			var subs []*Condition
			for range 1 + rnd.IntN(3) {
				subs = append(subs, cond(depth-1))
			}
			switch rnd.IntN(5) {
			case 0:
				return &Condition{All: subs}
			case 1:
				return &Condition{Any: subs}
			case 2:
				return &Condition{Not: subs[0]}
			case 3: // all comes first, then any, then not
				return &Condition{All: subs[1:], Any: subs[:1], Not: subs[0], Field: ids[rnd.IntN(len(ids))], Equals: "x"}
			default:
				return &Condition{Any: subs[1:], Not: subs[0], Measure: "m"}
			}
		}
		c := &Condition{Field: ids[rnd.IntN(len(ids))]}
		switch rnd.IntN(9) {
		case 0:
			c.Answered = &yes
		case 1:
			c.Answered = &no
		case 2:
			c.Equals = "x"
		case 3:
			c.Equals = true
		case 4:
			c.In = []string{"x", "y"}
		case 5:
			c.Includes = "y"
		case 6:
			c.Contains = "root"
		case 7:
			c.Measure, c.Field = "m", ""
		}
		return c
	}
	for round := range 300 {
		q := &Question{ID: "r", Kind: KindRecords}
		for i, id := range ids[:5] {
			fd := &Field{ID: id, Kind: KindText}
			if i > 0 && rnd.IntN(2) == 0 {
				fd.When = cond(1)
			}
			q.Fields = append(q.Fields, fd)
		}
		if round%2 == 0 {
			q.indexFields()
		}
		recs := make([]Record, 1+rnd.IntN(20))
		for i := range recs {
			recs[i] = Record{"id": String("r")}
			for _, id := range ids {
				if v := vals[rnd.IntN(len(vals))]; v.IsSet() {
					recs[i][id] = v
				}
			}
		}
		rc := newRegisterColumns(q, recs)
		for range 5 {
			c := cond(3)
			got := rc.holds(c)
			for i, r := range recs {
				if want := recordHolds(c, q, r); got[i] != want {
					t.Fatalf("round %d, record %d %v: holds %v, recordHolds %v", round, i, r, got[i], want)
				}
			}
		}
		for _, fd := range q.Fields {
			if fd.When == nil {
				continue
			}
			got := rc.visible(fd)
			for i, r := range recs {
				if want := FieldVisible(fd, r); got[i] != want {
					t.Fatalf("round %d, record %d, field %s: visible %v, FieldVisible %v", round, i, fd.ID, got[i], want)
				}
			}
		}
	}
}
