package cli

import (
	"github.com/spf13/cobra"

	"github.com/tom-dsgvo/tom/model"
	"github.com/tom-dsgvo/tom/questionnaires"
)

// schemaMsg holds the strings of tom schema.
var schemaMsg = model.Messages{
	"schema_short":         {De: "JSON Schema der Antwortdatei ausgeben", En: "Print the JSON Schema of the answers file"},
	"schema_long":          {De: "Gibt das JSON Schema (Draft 2020-12) der Antwortdatei aus, etwa für Editoren.\nWelche Fragen und Maßnahmen erlaubt sind, legt der Katalog fest; das prüft tom validate.\nMit --document das Schema der Daten, die tom render --format json schreibt.", En: "Prints the JSON Schema (draft 2020-12) of the answers file, for editors for example.\nWhich questions and measures are allowed is up to the catalogue; tom validate checks that.\nWith --document the schema of the data tom render --format json writes."},
	"schema_flag_document": {De: "das Schema der Dokumentdaten (tom render --format json) statt der Antwortdatei", En: "the schema of the document data (tom render --format json) instead of the answers file"},
}

// schemaOptions are the options of tom schema (none besides the globals).
type schemaOptions struct {
	*Globals // I/O, clock, global flags

	Document bool // --document: the schema of the document export
}

func newSchemaCmd(g *Globals, lang model.Lang) *cobra.Command {
	opts := &schemaOptions{Globals: g}
	cmd := &cobra.Command{
		Use:   "schema",
		Short: schemaMsg.Get(lang, "schema_short"),
		Long:  schemaMsg.Get(lang, "schema_long"),
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runSchema(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.Document, "document", false, schemaMsg.Get(lang, "schema_flag_document"))
	return cmd
}

// runSchema writes the embedded schema to Out.
func runSchema(opts *schemaOptions) error {
	g := opts.Globals
	if opts.Document {
		return g.writeJSON(questionnaires.DocumentSchema())
	}
	return g.writeJSON(questionnaires.AnswersSchema())
}
