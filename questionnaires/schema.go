package questionnaires

import _ "embed"

//go:embed answers.schema.json
var answersSchema []byte

// AnswersSchema returns the JSON Schema (draft 2020-12) of the answers file.
func AnswersSchema() []byte { return append([]byte(nil), answersSchema...) }

//go:embed document.schema.json
var documentSchema []byte

// DocumentSchema returns the JSON Schema (draft 2020-12) of the document
// export, tom render --format json.
func DocumentSchema() []byte { return append([]byte(nil), documentSchema...) }
