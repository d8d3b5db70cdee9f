package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"tom/model"
)

// newDiffCmd is a placeholder until the command is built.
func newDiffCmd(g *Globals, lang model.Lang) *cobra.Command {
	return &cobra.Command{
		Use:   "diff",
		Short: "diff",
		RunE: func(cmd *cobra.Command, args []string) error {
			return fmt.Errorf(cliMsg.Get(lang, "not_yet"), "diff")
		},
	}
}
