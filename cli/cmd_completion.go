package cli

import (
	"slices"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/tom-dsgvo/tom/model"
	"github.com/tom-dsgvo/tom/render"
)

// completionMsg holds the texts of cobra's completion and help commands in
// both languages, and the descriptions shown beside completed flag values.
var completionMsg = model.Messages{
	"completion_long":     {De: "Erzeugt das Skript, mit dem die Shell Befehle, Optionen und ihre Werte von tom ergänzt (Tab-Taste).\nDie Unterbefehle bash, zsh, fish und powershell sagen, wie das Skript geladen wird.", En: "Generates the script with which the shell completes tom's commands, options and their values (Tab key).\nThe subcommands bash, zsh, fish and powershell say how to load the script."},
	"completion_sh_short": {De: "Skript für die Befehlsergänzung von %s erzeugen", En: "Generate the completion script for %s"},
	"completion_bash_long": {De: `Erzeugt das Skript für die Befehlsergänzung in der bash. Es braucht das Paket bash-completion.

Für die laufende Sitzung:
  source <(tom completion bash)

Dauerhaft für alle Benutzer (Linux):
  tom completion bash > /etc/bash_completion.d/tom
Nur für Sie selbst:
  tom completion bash > ~/.local/share/bash-completion/completions/tom

Wirksam ab der nächsten Shell.`, En: `Generates the completion script for bash. It needs the bash-completion package.

For the current session:
  source <(tom completion bash)

For every user (Linux):
  tom completion bash > /etc/bash_completion.d/tom
For yourself only:
  tom completion bash > ~/.local/share/bash-completion/completions/tom

Takes effect in the next shell.`},
	"completion_zsh_long": {De: `Erzeugt das Skript für die Befehlsergänzung in der zsh.

Falls noch nicht geschehen, die Ergänzung in ~/.zshrc einschalten:
  autoload -U compinit; compinit

Dann das Skript in ein Verzeichnis aus $fpath legen, z. B.:
  tom completion zsh > "${fpath[1]}/_tom"

Wirksam ab der nächsten Shell.`, En: `Generates the completion script for zsh.

If not done yet, switch completion on in ~/.zshrc:
  autoload -U compinit; compinit

Then put the script into a folder on $fpath, e.g.:
  tom completion zsh > "${fpath[1]}/_tom"

Takes effect in the next shell.`},
	"completion_fish_long": {De: `Erzeugt das Skript für die Befehlsergänzung in der fish.

Für die laufende Sitzung:
  tom completion fish | source

Dauerhaft:
  tom completion fish > ~/.config/fish/completions/tom.fish`, En: `Generates the completion script for fish.

For the current session:
  tom completion fish | source

For good:
  tom completion fish > ~/.config/fish/completions/tom.fish`},
	"completion_powershell_long": {De: `Erzeugt das Skript für die Befehlsergänzung in der PowerShell.

Für die laufende Sitzung:
  tom completion powershell | Out-String | Invoke-Expression

Dauerhaft: die Ausgabe in das PowerShell-Profil aufnehmen.`, En: `Generates the completion script for PowerShell.

For the current session:
  tom completion powershell | Out-String | Invoke-Expression

For good: add the output to your PowerShell profile.`},
	"completion_nodesc": {De: "ohne Beschreibungen neben den Vorschlägen", En: "leave out the descriptions beside the suggestions"},
	"help_long":         {De: "Zeigt die Hilfe zu einem Befehl, z. B. tom help render.", En: "Shows the help for a command, e.g. tom help render."},
	"lang_de":           {De: "Deutsch", En: "German"},
	"profile_internal":  {De: "vollständiges Dokument", En: "the complete document"},
	"profile_annex":     {De: "Anlage für Kunden (Auftragsverarbeitung)", En: "annex for clients (data processing agreement)"},
	"lang_en":           {De: "Englisch", En: "English"},
}

// localizeCompletion gives the completion and help commands cobra adds the
// user's language; call it after InitDefaultCompletionCmd/InitDefaultHelpCmd.
func localizeCompletion(root *cobra.Command, lang model.Lang) {
	for _, c := range root.Commands() {
		switch c.Name() {
		case "help":
			c.Long = completionMsg.Get(lang, "help_long")
		case "completion":
			c.Long = completionMsg.Get(lang, "completion_long")
			for _, sh := range c.Commands() {
				sh.Short = completionMsg.Get(lang, "completion_sh_short", sh.Name())
				sh.Long = completionMsg.Get(lang, "completion_"+sh.Name()+"_long")
				if f := sh.Flags().Lookup("no-descriptions"); f != nil {
					f.Usage = completionMsg.Get(lang, "completion_nodesc")
				}
			}
		}
	}
}

// formatValues lists the values each command's --format accepts, for the
// shell completion. A test checks that each command accepts every one.
func formatValues(command string) []string {
	switch command {
	case "render":
		return append(slices.Clone(render.Formats), render.FormatJSON, "all")
	case "catalog":
		return []string{"text", "json", "md"}
	case "diff":
		return []string{"text", "md"}
	}
	return nil
}

// registerCompletions makes the shell complete flag values: --lang and
// --format with their values, answers, catalogue and provider directory
// files with *.json, folders where a folder is wanted.
func registerCompletions(root *cobra.Command, lang model.Lang) {
	_ = root.MarkPersistentFlagFilename("file", "json")
	_ = root.MarkPersistentFlagFilename("catalog", "json")
	langs := []string{
		string(model.De) + "\t" + completionMsg.Get(lang, "lang_de"),
		string(model.En) + "\t" + completionMsg.Get(lang, "lang_en"),
	}
	_ = root.RegisterFlagCompletionFunc("lang", cobra.FixedCompletions(langs, cobra.ShellCompDirectiveNoFileComp))
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		c.LocalNonPersistentFlags().VisitAll(func(f *pflag.Flag) {
			switch f.Name {
			case "format":
				if v := formatValues(c.Name()); v != nil {
					_ = c.RegisterFlagCompletionFunc(f.Name, cobra.FixedCompletions(v, cobra.ShellCompDirectiveNoFileComp))
				}
			case "profile":
				if c.Name() == "render" {
					v := make([]string, len(render.Profiles))
					for i, p := range render.Profiles {
						v[i] = p + "\t" + completionMsg.Get(lang, "profile_"+p)
					}
					_ = c.RegisterFlagCompletionFunc(f.Name, cobra.FixedCompletions(v, cobra.ShellCompDirectiveNoFileComp))
				}
			case "root", "scan-root":
				_ = c.MarkFlagDirname(f.Name)
			case "directory": // tom providers: a provider directory file
				_ = c.MarkFlagFilename(f.Name, "json")
			}
		})
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
}
