package main

import (
	"github.com/spf13/cobra"

	"tom/model"
)

// localizeHelp gives cobra's help and usage output the user's language.
func localizeHelp(root *cobra.Command, lang model.Lang) {
	if lang == model.En {
		return
	}
	root.SetUsageTemplate(usageTemplateDe)
	root.InitDefaultHelpFlag()
	if f := root.Flags().Lookup("help"); f != nil {
		f.Usage = "Hilfe anzeigen"
	}
	for _, c := range root.Commands() {
		c.InitDefaultHelpFlag()
		if f := c.Flags().Lookup("help"); f != nil {
			f.Usage = "Hilfe zu " + c.Name() + " anzeigen"
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
