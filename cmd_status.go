package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"tom/model"
)

// newStatusCmd is a placeholder until the command is built.
func newStatusCmd(g *Globals, lang model.Lang) *cobra.Command {
	return &cobra.Command{
		Use:   "status",
		Short: "status",
		RunE: func(cmd *cobra.Command, args []string) error {
			return fmt.Errorf(cliMsg.Get(lang, "not_yet"), "status")
		},
	}
}
