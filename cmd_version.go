package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"tom/model"
)

// newVersionCmd is a placeholder until the command is built.
func newVersionCmd(g *Globals, lang model.Lang) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "version",
		RunE: func(cmd *cobra.Command, args []string) error {
			return fmt.Errorf(cliMsg.Get(lang, "not_yet"), "version")
		},
	}
}
