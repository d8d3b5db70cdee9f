package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"tom/model"
)

// newSchemaCmd is a placeholder until the command is built.
func newSchemaCmd(g *Globals, lang model.Lang) *cobra.Command {
	return &cobra.Command{
		Use:   "schema",
		Short: "schema",
		RunE: func(cmd *cobra.Command, args []string) error {
			return fmt.Errorf(cliMsg.Get(lang, "not_yet"), "schema")
		},
	}
}
