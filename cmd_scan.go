package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"tom/model"
)

// newScanCmd is a placeholder until the command is built.
func newScanCmd(g *Globals, lang model.Lang) *cobra.Command {
	return &cobra.Command{
		Use:   "scan",
		Short: "scan",
		RunE: func(cmd *cobra.Command, args []string) error {
			return fmt.Errorf(cliMsg.Get(lang, "not_yet"), "scan")
		},
	}
}
