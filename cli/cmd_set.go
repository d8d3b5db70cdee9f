package cli

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	json "github.com/goccy/go-json"
	"github.com/spf13/cobra"

	"github.com/tom-dsgvo/tom/model"
)

// setMsg holds the strings of tom set and tom get.
var setMsg = model.Messages{
	"set_short": {De: "Antworten per ID setzen (für Skripte)", En: "Set answers by ID (for scripts)"},
	"set_long": {De: `Setzt Antworten per ID, geprüft wie in der Befragung. Ist ein Wert falsch,
wird nichts gespeichert (Meldung mit Position und Grund, Exit-Code 1); sonst
wird die Datei einmal gespeichert. War die Befragung abgeschlossen, kommen die
Änderungen in die Änderungshistorie.

  FRAGE=WERT                 ja/nein, Options-ID, mehrere Options-IDs mit Komma
                             (- für keine), Datum TT.MM.JJJJ oder JJJJ-MM-TT, Text
  LISTE/EINTRAG.FELD=WERT    Feld eines Eintrags, z. B. providers/r3.name=…
  LISTE/+NAME.FELD=WERT      neuer Eintrag; gleicher NAME = derselbe neue Eintrag
  LISTE=-                    die Liste hat keine Einträge
  measure.ID=STATUS[@DATUM]  implemented, planned, not_applicable, unclear, declined
                             (auch umgesetzt, geplant, nicht_anwendbar, zu_klären,
                             bewusst_nicht_umgesetzt), z. B. measure.X=planned@31.03.2027
  measure.ID.ANGABE=WERT     ANGABE: status, due, reason, accepted_by, note
  measure.ID.PARAMETER=WERT  Parameter einer umgesetzten Maßnahme, z. B.
                             measure.access_system.screen_lock.minutes=10
  ID=                        leerer Wert: Antwort entfernen

--from DATEI liest ein JSON-Objekt ID → Wert (Text, true/false oder eine Liste
von Options-IDs) und setzt es wie ID=WERT. Die IDs zeigt tom catalog.`,
		En: `Sets answers by ID, checked as the interview checks them. If any value is
wrong, nothing is saved (message with position and reason, exit code 1);
otherwise the file is saved once. If the interview had been completed, the
changes go into the change history.

  QUESTION=VALUE             yes/no, option ID, several option IDs by comma
                             (- for none), date DD.MM.YYYY or YYYY-MM-DD, text
  LIST/ENTRY.FIELD=VALUE     a field of an entry, e.g. providers/r3.name=…
  LIST/+NAME.FIELD=VALUE     a new entry; the same NAME is the same new entry
  LIST=-                     the list has no entries
  measure.ID=STATUS[@DATE]   implemented, planned, not_applicable, unclear, declined
                             (or the German words umgesetzt, geplant, …),
                             e.g. measure.X=planned@2027-03-31
  measure.ID.ATTR=VALUE      ATTR: status, due, reason, accepted_by, note
  measure.ID.PARAM=VALUE     a parameter of an implemented measure, e.g.
                             measure.access_system.screen_lock.minutes=10
  ID=                        empty value: remove the answer

--from FILE reads a JSON object ID → value (text, true/false or an array of
option IDs) and sets it like ID=VALUE. tom catalog shows the IDs.`},
	"set_flag_from":  {De: "JSON-Objekt ID → Wert aus DATEI lesen", En: "read a JSON object ID → value from FILE"},
	"set_nothing":    {De: "nichts zu setzen: ID=WERT oder --from DATEI angeben", En: "nothing to set: give ID=VALUE or --from FILE"},
	"set_refused":    {De: "nichts gespeichert: Argument %s: %s", En: "nothing saved: argument %s: %s"},
	"set_refused_in": {De: "nichts gespeichert: %s, %s: %s", En: "nothing saved: %s, %s: %s"},
	"set_bad_from":   {De: "%s: erwartet ein JSON-Objekt ID → Wert: %v", En: "%s: expected a JSON object ID → value: %v"},
	"set_bad_value":  {De: "%s, %s: Wert muss Text, true/false oder eine Liste von Texten sein", En: "%s, %s: value must be text, true/false or an array of texts"},
	"set_saved":      {De: "%s gespeichert (%d Angaben).", En: "Saved %s (%d values)."},
	"set_created":    {De: "neuer Eintrag %s → %s", En: "new entry %s → %s"},
	"get_short":      {De: "Eine Antwort per ID ausgeben", En: "Print one answer by ID"},
	"get_long": {De: `Gibt eine Antwort aus: den gespeicherten Wert, mit --words in Worten.
IDs wie bei tom set: FRAGE, LISTE/EINTRAG.FELD, measure.ID (Status und Datum),
measure.ID.ANGABE, measure.ID.PARAMETER. Exit-Code 1, wenn die Antwort fehlt.`,
		En: `Prints one answer: the stored value, with --words in words. IDs as for
tom set: QUESTION, LIST/ENTRY.FIELD, measure.ID (status and date),
measure.ID.ATTR, measure.ID.PARAM. Exit code 1 when there is no answer.`},
	"get_flag_words": {De: "in Worten statt als gespeicherter Wert", En: "in words instead of the stored value"},
	"get_unset":      {De: "%s: keine Antwort", En: "%s: no answer"},
	"get_unknown":    {De: "%s: unbekannte ID", En: "%s: unknown ID"},
}

// setOptions are the options of tom set.
type setOptions struct {
	*Globals // I/O, clock, global flags

	From    string   // --from: JSON object ID → value
	Assigns []string // ID=VALUE arguments
}

func newSetCmd(g *Globals, lang model.Lang) *cobra.Command {
	opts := &setOptions{Globals: g}
	cmd := &cobra.Command{
		Use:   "set ID=VALUE…",
		Short: setMsg.Get(lang, "set_short"),
		Long:  setMsg.Get(lang, "set_long"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Assigns = args
			return runSet(opts)
		},
	}
	cmd.Flags().StringVar(&opts.From, "from", "", setMsg.Get(lang, "set_flag_from"))
	return cmd
}

// runSet checks every assignment and saves the file once, under its lock;
// any error leaves the file untouched.
func runSet(opts *setOptions) error {
	g := opts.Globals
	lang := g.Lang(nil)
	cat, err := g.Catalog()
	if err != nil {
		return &ExitError{Code: ExitFailure, Err: err}
	}
	args, where := opts.Assigns, make([]string, len(opts.Assigns))
	if opts.From != "" {
		fromArgs, keys, err := readAssignments(opts.From, lang)
		if err != nil {
			return &ExitError{Code: ExitFailure, Err: err}
		}
		args = append(append([]string{}, args...), fromArgs...)
		where = append(where, keys...)
	}
	if len(args) == 0 {
		return usageError{errors.New(setMsg.Get(lang, "set_nothing"))}
	}
	es, err := g.openForEdit(cat, false)
	if err != nil {
		return &ExitError{Code: ExitFailure, Err: err}
	}
	defer es.Close()
	f := es.File
	lang = g.Lang(f)
	s := model.NewSession(cat, f, model.SessionOptions{Today: g.Today(), User: g.Getenv("USER"), Origin: model.OriginSet})
	created, err := s.Assign(args)
	if ae := (*model.AssignError)(nil); errors.As(err, &ae) {
		msg := setMsg.Get(lang, "set_refused", fmt.Sprint(ae.Pos), ae.Arg+": "+ae.Reason(lang))
		if w := where[ae.Pos-1]; w != "" {
			msg = setMsg.Get(lang, "set_refused_in", opts.From, w, ae.Reason(lang))
		}
		return &ExitError{Code: ExitFailure, Err: errors.New(msg)}
	} else if err != nil {
		return &ExitError{Code: ExitFailure, Err: err}
	}
	s.Commit()
	if probs := model.Validate(cat, f); len(probs) > 0 {
		return &ExitError{Code: ExitFailure, Err: errors.New(setMsg.Get(lang, "set_refused", probs[0].Pointer, probs[0].Message(lang)))}
	}
	if err := model.Save(es.Path, f); err != nil {
		return &ExitError{Code: ExitFailure, Err: err}
	}
	for _, c := range created {
		fmt.Fprintln(g.text(), setMsg.Get(lang, "set_created", c.Name, c.ID))
	}
	fmt.Fprintln(g.text(), setMsg.Get(lang, "set_saved", es.Path, len(args)))
	return nil
}

// readAssignments reads a flat JSON object ID → value as ID=VALUE
// arguments, sorted by ID, and the key each came from.
func readAssignments(path string, lang model.Lang) (args, keys []string, err error) {
	data, err := model.ReadUserFile(path)
	if err != nil {
		return nil, nil, err
	}
	var obj map[string]any
	if err := json.Unmarshal(data, &obj); err != nil {
		return nil, nil, errors.New(setMsg.Get(lang, "set_bad_from", path, err))
	}
	for k := range obj {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		var v string
		switch x := obj[k].(type) {
		case string:
			v = x
		case bool:
			v = model.YesNo(x, model.En)
		case []any:
			parts := make([]string, len(x))
			for i, p := range x {
				s, ok := p.(string)
				if !ok {
					return nil, nil, errors.New(setMsg.Get(lang, "set_bad_value", path, k))
				}
				parts[i] = s
			}
			v = strings.Join(parts, ",")
			if len(parts) == 0 {
				v = "-"
			}
		default:
			return nil, nil, errors.New(setMsg.Get(lang, "set_bad_value", path, k))
		}
		args = append(args, k+"="+v)
	}
	return args, keys, nil
}

// getOptions are the options of tom get.
type getOptions struct {
	*Globals // I/O, clock, global flags

	ID    string
	Words bool
}

func newGetCmd(g *Globals, lang model.Lang) *cobra.Command {
	opts := &getOptions{Globals: g}
	cmd := &cobra.Command{
		Use:   "get ID",
		Short: setMsg.Get(lang, "get_short"),
		Long:  setMsg.Get(lang, "get_long"),
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.ID = args[0]
			return runGet(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.Words, "words", false, setMsg.Get(lang, "get_flag_words"))
	return cmd
}

// runGet prints one answer.
func runGet(opts *getOptions) error {
	g := opts.Globals
	cat, err := g.Catalog()
	if err != nil {
		return &ExitError{Code: ExitFailure, Err: err}
	}
	f, _, err := model.Load(g.FilePath(), cat)
	if err != nil {
		return &ExitError{Code: ExitFailure, Err: err}
	}
	lang := g.Lang(f)
	raw, words, known := model.Lookup(cat, f, opts.ID, lang)
	switch {
	case !known:
		return &ExitError{Code: ExitFailure, Err: errors.New(setMsg.Get(lang, "get_unknown", opts.ID))}
	case raw == "":
		return &ExitError{Code: ExitFailure, Err: errors.New(setMsg.Get(lang, "get_unset", opts.ID))}
	}
	if opts.Words {
		raw = words
	}
	fmt.Fprintln(g.text(), raw)
	return nil
}
