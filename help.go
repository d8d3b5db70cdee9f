package main

import (
	"github.com/spf13/cobra"

	"tom/model"
)

// localizeHelp gives cobra's help and usage output the user's language.
func localizeHelp(root *cobra.Command, lang model.Lang) {
	root.InitDefaultHelpCmd()
	root.InitDefaultCompletionCmd()
	for _, c := range root.Commands() {
		switch c.Name() {
		case "help":
			c.Short = cliMsg.Get(lang, "help_cmd")
		case "completion":
			c.Short = cliMsg.Get(lang, "completion_cmd")
		}
	}
	if lang == model.En {
		return
	}
	root.SetUsageTemplate(usageTemplateDe)
	root.InitDefaultHelpFlag()
	if f := root.Flags().Lookup("help"); f != nil {
		f.Usage = cliMsg.Get(lang, "help_flag_root")
	}
	for _, c := range root.Commands() {
		c.InitDefaultHelpFlag()
		if f := c.Flags().Lookup("help"); f != nil {
			f.Usage = cliMsg.Get(lang, "help_flag", c.Name())
		}
	}
}

const usageTemplateDe = `Aufruf:{{if .Runnable}}
  {{.UseLine}}{{end}}{{if .HasAvailableSubCommands}}
  {{.CommandPath}} [Befehl]{{end}}{{if gt (len .Aliases) 0}}

Alias:
  {{.NameAndAliases}}{{end}}{{if .HasExample}}

Beispiele:
{{.Example}}{{end}}{{if .HasAvailableSubCommands}}

Befehle:{{range .Commands}}{{if (or .IsAvailableCommand (eq .Name "help"))}}
  {{rpad .Name .NamePadding }} {{.Short}}{{end}}{{end}}{{end}}{{if .HasAvailableLocalFlags}}

Optionen:
{{.LocalFlags.FlagUsages | trimTrailingWhitespaces}}{{end}}{{if .HasAvailableInheritedFlags}}

Globale Optionen:
{{.InheritedFlags.FlagUsages | trimTrailingWhitespaces}}{{end}}{{if .HasAvailableSubCommands}}

„{{.CommandPath}} [Befehl] --help“ zeigt mehr zu einem Befehl.{{end}}
`
