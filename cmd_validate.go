package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"tom/model"
)

// newValidateCmd is a placeholder until the command is built.
func newValidateCmd(g *Globals, lang model.Lang) *cobra.Command {
	return &cobra.Command{
		Use:   "validate",
		Short: "validate",
		RunE: func(cmd *cobra.Command, args []string) error {
			return fmt.Errorf(cliMsg.Get(lang, "not_yet"), "validate")
		},
	}
}
