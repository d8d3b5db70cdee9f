package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"tom/model"
)

// newRenderCmd is a placeholder until the command is built.
func newRenderCmd(g *Globals, lang model.Lang) *cobra.Command {
	return &cobra.Command{
		Use:   "render",
		Short: "render",
		RunE: func(cmd *cobra.Command, args []string) error {
			return fmt.Errorf(cliMsg.Get(lang, "not_yet"), "render")
		},
	}
}
