package cli

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"sync"

	"github.com/spf13/cobra"

	"github.com/tom-dsgvo/tom/model"
)

// langMsg holds cobra's and pflag's usage errors in both languages, and the
// environment checks done before any command runs.
var langMsg = model.Messages{
	"unknown_cmd":     {De: "unbekannter Befehl „%s“ für „%s“", En: "unknown command %q for %q"},
	"did_you_mean":    {De: "Meinten Sie: %s?", En: "Did you mean: %s?"},
	"see_help":        {De: "„%s --help“ zeigt alle Befehle.", En: "\"%s --help\" lists the commands."},
	"unknown_flag":    {De: "unbekannte Option %s", En: "unknown flag: %s"},
	"unknown_short":   {De: "unbekannte Option -%s in %s", En: "unknown shorthand flag: '%s' in %s"},
	"flag_needs_arg":  {De: "Option %s braucht einen Wert", En: "flag needs an argument: %s"},
	"flag_bad_value":  {De: "ungültiger Wert „%s“ für %s", En: "invalid argument %q for %q flag"},
	"bad_flag_syntax": {De: "Option %s falsch geschrieben", En: "bad flag syntax: %s"},
	"args_none":       {De: "„%s“ erwartet keine Argumente (bekam „%s“)", En: "%q takes no arguments (got %q)"},
	"args_exact":      {De: "erwartet %s Argument(e), bekam %s", En: "accepts %s argument(s), got %s"},
	"args_at_most":    {De: "erwartet höchstens %s Argument(e), bekam %s", En: "accepts at most %s argument(s), got %s"},
	"args_at_least":   {De: "erwartet mindestens %s Argument(e), bekam %s", En: "needs at least %s argument(s), got %s"},
	"args_between":    {De: "erwartet %s bis %s Argumente, bekam %s", En: "accepts %s to %s arguments, got %s"},
	"args_invalid":    {De: "ungültiges Argument „%s“ für „%s“", En: "invalid argument %q for %q"},
	"flags_required":  {De: "Pflichtoption(en) %s fehlen", En: "required flag(s) %s not set"},
	"help_unknown":    {De: "Kein Hilfethema „%s“.\n", En: "Unknown help topic %q.\n"},
	"bad_today":       {De: "TOM_TODAY=%s: %s", En: "TOM_TODAY=%s: %s"},
}

// envLang is the language the environment asks for when neither --lang nor
// the answers file decides: TOM_LANG, else the locale as other Unix tools
// read it (LC_ALL, else LC_MESSAGES, else LANG): a German locale ("de",
// "de_DE.UTF-8", "de_AT@euro", …), "C", "POSIX" or none gives German, tom's
// default; any other locale gives English.
func envLang(getenv func(string) string) model.Lang {
	if v := getenv("TOM_LANG"); v != "" {
		if l, err := model.ParseLang(v); err == nil {
			return l
		}
	}
	return localeLang(getenv)
}

// localeLang reads the interface language from the POSIX locale variables.
func localeLang(getenv func(string) string) model.Lang {
	loc := ""
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if loc = getenv(v); loc != "" {
			break
		}
	}
	name := strings.ToLower(loc)
	if i := strings.IndexAny(name, "_.@-"); i >= 0 {
		name = name[:i]
	}
	switch name {
	case "", "c", "posix", "de":
		return model.De
	}
	return model.En
}

// checkEnv checks what every command depends on before it runs: --lang, and
// TOM_TODAY when set (a date that does not exist is a usage error, not
// silently today).
func (g *Globals) checkEnv() error {
	if err := g.CheckLang(); err != nil {
		return err
	}
	if t := g.Getenv("TOM_TODAY"); t != "" {
		if _, err := model.ParseDate(t); err != nil {
			l := g.Lang(nil)
			return usageError{errors.New(langMsg.Get(l, "bad_today", t, model.Msg.Get(l, "not_date")))}
		}
	}
	return nil
}

// cobraError is a usage error cobra or pflag words in English and the
// langMsg key of its translation; each submatch of re is an argument of the
// message, in order.
type cobraError struct {
	re  *regexp.Regexp
	key string
}

// cobraErrors lists the usage errors to translate, compiled when the first
// one is (not while every command starts).
var cobraErrors = sync.OnceValue(func() []cobraError {
	return []cobraError{
		{regexp.MustCompile(`^unknown command "(.*)" for "(.*)"`), "unknown_cmd"},
		{regexp.MustCompile(`^unknown flag: (\S+)$`), "unknown_flag"},
		{regexp.MustCompile(`^unknown shorthand flag: '(.)' in (\S+)$`), "unknown_short"},
		{regexp.MustCompile(`^flag needs an argument: '(.)' in -\S+$`), "flag_needs_arg_short"},
		{regexp.MustCompile(`^flag needs an argument: (\S+)$`), "flag_needs_arg"},
		{regexp.MustCompile(`^invalid argument "(.*)" for "(.*)" flag: .*$`), "flag_bad_value"},
		{regexp.MustCompile(`^bad flag syntax: (.*)$`), "bad_flag_syntax"},
		{regexp.MustCompile(`^accepts (\d+) arg\(s\), received (\d+)$`), "args_exact"},
		{regexp.MustCompile(`^accepts at most (\d+) arg\(s\), received (\d+)$`), "args_at_most"},
		{regexp.MustCompile(`^requires at least (\d+) arg\(s\), only received (\d+)$`), "args_at_least"},
		{regexp.MustCompile(`^accepts between (\d+) and (\d+) arg\(s\), received (\d+)$`), "args_between"},
		{regexp.MustCompile(`^invalid argument "(.*)" for "(.*)"$`), "args_invalid"},
		{regexp.MustCompile(`^required flag\(s\) (.*) not set$`), "flags_required"},
	}
})

// usageText words a usage error in the user's language. Cobra's and pflag's
// English messages are recognised and reworded; an unknown command gets the
// commands it is close to ("Meinten Sie: render?"). Messages tom made itself
// are returned as they are.
func usageText(root *cobra.Command, err error, lang model.Lang) string {
	msg := err.Error()
	for _, ce := range cobraErrors() {
		m := ce.re.FindStringSubmatch(msg)
		if m == nil {
			continue
		}
		args := make([]any, len(m)-1)
		for i, s := range m[1:] {
			args[i] = s
		}
		switch ce.key {
		case "unknown_cmd":
			return unknownCommandText(root, m[1], m[2], lang)
		case "flag_needs_arg_short":
			return langMsg.Get(lang, "flag_needs_arg", "-"+m[1])
		}
		return langMsg.Get(lang, ce.key, args...)
	}
	return msg
}

// unknownCommandText says that name is no command of path, with the close
// ones cobra's suggestion logic finds, or a pointer to the help.
func unknownCommandText(root *cobra.Command, name, path string, lang model.Lang) string {
	parent := root
	if c, _, err := root.Find(strings.Fields(path)[1:]); err == nil && c != nil {
		parent = c
	}
	if !parent.HasAvailableSubCommands() {
		return langMsg.Get(lang, "args_none", path, name)
	}
	msg := langMsg.Get(lang, "unknown_cmd", name, path)
	if parent.SuggestionsMinimumDistance <= 0 {
		parent.SuggestionsMinimumDistance = 2 // cobra's default, set only on its own path
	}
	if s := parent.SuggestionsFor(name); len(s) > 0 {
		return msg + "\n" + langMsg.Get(lang, "did_you_mean", strings.Join(s, ", "))
	}
	return msg + "\n" + langMsg.Get(lang, "see_help", parent.CommandPath())
}

// localizeHelpCmd makes `tom help TOPIC` say in the user's language that
// there is no such topic; cobra says it in English.
func localizeHelpCmd(root *cobra.Command, lang model.Lang) {
	for _, c := range root.Commands() {
		if c.Name() != "help" {
			continue
		}
		c.Run = func(c *cobra.Command, args []string) {
			cmd, rest, err := c.Root().Find(args)
			if cmd == nil || err != nil || len(rest) > 0 {
				fmt.Fprint(c.OutOrStdout(), langMsg.Get(lang, "help_unknown", strings.Join(args, " ")))
				_ = c.Root().Usage()
				return
			}
			cmd.InitDefaultHelpFlag()
			_ = cmd.Help()
		}
	}
}
