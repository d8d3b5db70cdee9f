package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"tom/model"
)

// newInterviewCmd is a placeholder until the command is built.
func newInterviewCmd(g *Globals, lang model.Lang) *cobra.Command {
	return &cobra.Command{
		Use:   "interview",
		Short: "interview",
		RunE: func(cmd *cobra.Command, args []string) error {
			return fmt.Errorf(cliMsg.Get(lang, "not_yet"), "interview")
		},
	}
}
