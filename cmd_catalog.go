package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"tom/model"
)

// newCatalogCmd is a placeholder until the command is built.
func newCatalogCmd(g *Globals, lang model.Lang) *cobra.Command {
	return &cobra.Command{
		Use:   "catalog",
		Short: "catalog",
		RunE: func(cmd *cobra.Command, args []string) error {
			return fmt.Errorf(cliMsg.Get(lang, "not_yet"), "catalog")
		},
	}
}
