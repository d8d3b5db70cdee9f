package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"tom/model"
)

// newInitCmd is a placeholder until the command is built.
func newInitCmd(g *Globals, lang model.Lang) *cobra.Command {
	return &cobra.Command{
		Use:   "init",
		Short: "init",
		RunE: func(cmd *cobra.Command, args []string) error {
			return fmt.Errorf(cliMsg.Get(lang, "not_yet"), "init")
		},
	}
}
