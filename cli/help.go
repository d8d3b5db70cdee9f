package cli

import (
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/tom-dsgvo/tom/model"
)

// localizeHelp gives cobra's help and usage output the user's language.
// The flags' texts are localized when first shown (help, usage, tom man,
// shell completion), not on every run: walking every command's flags is
// most of the cost of making the command tree.
func localizeHelp(root *cobra.Command, lang model.Lang) {
	help, usage := root.HelpFunc(), root.UsageFunc()
	root.SetHelpFunc(func(c *cobra.Command, args []string) {
		localizeFlags(c.Root(), lang)
		help(c, args)
	})
	root.SetUsageFunc(func(c *cobra.Command) error {
		localizeFlags(c.Root(), lang)
		return usage(c)
	})
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
}

// flagsLocalized marks a command tree whose flags' texts localizeFlags has
// localized.
const flagsLocalized = "tom-flags-localized"

// localizeFlags gives the flags of the command tree under root their texts
// in the user's language, once.
func localizeFlags(root *cobra.Command, lang model.Lang) {
	if root.Annotations[flagsLocalized] != "" {
		return
	}
	if root.Annotations == nil {
		root.Annotations = map[string]string{}
	}
	root.Annotations[flagsLocalized] = "yes"
	if lang == model.En {
		return
	}
	root.InitDefaultHelpFlag()
	if f := root.Flags().Lookup("help"); f != nil {
		f.Usage = cliMsg.Get(lang, "help_flag_root")
	}
	for _, c := range root.Commands() {
		c.InitDefaultHelpFlag()
		if f := c.Flags().Lookup("help"); f != nil {
			f.Usage = cliMsg.Get(lang, "help_flag", c.Name())
		}
		c.LocalFlags().VisitAll(func(f *pflag.Flag) { localizeDefault(f, lang) })
	}
	root.LocalFlags().VisitAll(func(f *pflag.Flag) { localizeDefault(f, lang) })
}

// localizeDefault moves a flag's default into its usage text in the user's
// language; pflag would print it as `(default "…")` in English. Only the
// printed default changes, not the flag's value.
func localizeDefault(f *pflag.Flag, lang model.Lang) {
	switch f.DefValue {
	case "", "false", "0", "[]":
		return
	}
	f.Usage += " " + cliMsg.Get(lang, "flag_default", f.DefValue)
	f.DefValue = ""
}

const usageTemplateDe = `Aufruf:{{if .Runnable}}
  {{if .HasParent}}{{.Parent.CommandPath}} {{end}}{{.Use}}{{if and .HasAvailableFlags (not .DisableFlagsInUseLine)}} [Optionen]{{end}}{{end}}{{if .HasAvailableSubCommands}}
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
