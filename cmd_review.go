package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"tom/model"
)

// newReviewCmd is a placeholder until the command is built.
func newReviewCmd(g *Globals, lang model.Lang) *cobra.Command {
	return &cobra.Command{
		Use:   "review",
		Short: "review",
		RunE: func(cmd *cobra.Command, args []string) error {
			return fmt.Errorf(cliMsg.Get(lang, "not_yet"), "review")
		},
	}
}
