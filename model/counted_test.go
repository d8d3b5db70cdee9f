package model

import "testing"

// A section whose condition is still open counts as a step; answering
// takes it out of the count (or makes it asked), never adds one.
func TestCountedSectionsNeverGrow(t *testing.T) {
	c := rvCatalog(t, "../questionnaires/tom-standard.json")
	role := c.QuestionByRole(RoleBusinessRole)
	f := NewFile(c, De)
	v := View{C: c, F: f}
	before := len(v.CountedSections())
	if len(v.Sections()) >= before {
		t.Fatalf("nothing counted beyond the asked sections: %d, %d", len(v.Sections()), before)
	}
	f.Set(role.ID, String("controller"))
	if after := len(v.CountedSections()); after >= before {
		t.Errorf("controller: %d counted, %d before", after, before)
	}
	f.Set(role.ID, String("both"))
	if after := len(v.CountedSections()); after > before {
		t.Errorf("both: %d counted, %d before", after, before)
	}
}
