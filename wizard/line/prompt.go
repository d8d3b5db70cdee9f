package line

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/tom-dsgvo/tom/model"
)

// Command is the error a Prompter returns when the user typed a
// command instead of an answer.
type Command int

// The commands understood at every line-mode prompt.
const (
	Skip Command = iota + 1 // :später / :skip – put the step off
	Back                    // :zurück / :back – previous step
	Quit                    // :ende / :quit – save and stop
)

// Error names the command.
func (c Command) Error() string {
	switch c {
	case Skip:
		return "line mode: skip step"
	case Back:
		return "line mode: back"
	case Quit:
		return "line mode: quit"
	}
	return "line mode: unknown command"
}

// lineCommands maps what the user types to a command, in both languages.
var lineCommands = map[string]Command{
	":später": Skip, ":spaeter": Skip, ":skip": Skip,
	":zurück": Back, ":zurueck": Back, ":back": Back,
	":ende": Quit, ":quit": Quit, ":q": Quit,
}

// Prompter asks questions on plain text lines: no escape sequences,
// numbered options, the stored answer shown and kept on Enter, help on "?".
// It reads its input one line at a time and never loops once the input has
// ended: every read after end of input returns io.EOF at once. Run uses
// it; the yearly review can reuse it for single questions.
type Prompter struct {
	in      *bufio.Reader
	out     lineWriter
	lang    model.Lang
	echo    bool // write each input line back (input is not a terminal)
	eof     bool
	started bool
	// commands is the message key of the hint on the commands that apply;
	// "" means the interview's.
	commands string

	// stop, when set, ends a read waiting for input: the read returns
	// ErrInterrupted, and so does every read after it. Reads then go
	// through a goroutine that reads one line per request (see readLine).
	stop        <-chan struct{}
	interrupted bool
	reqs        chan struct{}
	res         chan lineRead
	pending     bool
}

// lineRead is one line read by the prompter's reading goroutine.
type lineRead struct {
	s   string
	err error
}

// ErrInterrupted is returned by reads after a signal asked the line mode
// to stop (SIGINT, SIGTERM, SIGHUP): what was typed so far is kept and saved.
var ErrInterrupted = errors.New("interrupted by a signal")

// stopOn makes reads end with ErrInterrupted once stop is closed.
func (p *Prompter) stopOn(stop <-chan struct{}) { p.stop = stop }

// close ends the reading goroutine (after the read it may be waiting on).
func (p *Prompter) close() {
	if p.reqs != nil {
		close(p.reqs)
		p.reqs = nil
	}
}

// read returns the next raw line (with its line end) from the input, or
// ErrInterrupted once stop is closed.
func (p *Prompter) read() (string, error) {
	if p.stop == nil {
		return p.in.ReadString('\n')
	}
	if p.interrupted {
		return "", ErrInterrupted
	}
	if p.reqs == nil {
		p.reqs, p.res = make(chan struct{}), make(chan lineRead, 1)
		go func(in *bufio.Reader, reqs <-chan struct{}, res chan<- lineRead) {
			for range reqs {
				s, err := in.ReadString('\n')
				res <- lineRead{s, err}
			}
		}(p.in, p.reqs, p.res)
	}
	if !p.pending {
		p.reqs <- struct{}{}
		p.pending = true
	}
	select {
	case r := <-p.res:
		p.pending = false
		return r.s, r.err
	case <-p.stop:
		p.interrupted = true
		return "", ErrInterrupted
	}
}

// NewPrompter returns a prompter reading from in and writing to out in
// language lang. If in already is a *bufio.Reader it is used as it is, so
// that several prompters in turn never lose buffered input. When in is not a
// terminal, each line read is echoed after its prompt so that a transcript of
// piped input stays readable.
func NewPrompter(in io.Reader, out io.Writer, lang model.Lang) *Prompter {
	return &Prompter{
		in:   bufio.NewReader(in),
		out:  lineWriter{w: out},
		lang: lang,
		echo: !lineIsTerminal(in),
	}
}

// lineIsTerminal reports whether r is a character device (a terminal).
func lineIsTerminal(r io.Reader) bool {
	f, ok := r.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// Ask asks question q with cur as the stored answer and returns the new
// answer (cur when the user just pressed Enter, unset when an optional
// answer was cleared). Records questions are not handled here (Run has
// a list editor for them). Errors: io.EOF at end of input, a Command, or
// the error writing to the output.
func (p *Prompter) Ask(q *model.Question, cur model.Value) (model.Value, error) {
	return p.value(p.questionItem(q), cur)
}

// Confirm asks a yes/no question; Enter gives def.
func (p *Prompter) Confirm(prompt, help string, def bool) (bool, error) {
	for {
		s, err := p.ask(prompt, help)
		if err != nil {
			return false, err
		}
		t := strings.TrimSpace(s)
		if t == "" {
			return def, nil
		}
		if b, ok := lineYesNo(t); ok {
			return b, nil
		}
		p.invalid(lineMsg.Get(p.lang, "bad_yesno"))
	}
}

// say writes one line of output.
func (p *Prompter) say(key string, args ...any) {
	p.out.line(lineMsg.Get(p.lang, key, args...))
}

func (p *Prompter) invalid(why string) { p.say("invalid", why) }

// readLine returns the next input line without its line end. After the input
// has ended (or failed), it returns io.EOF at once, every time.
func (p *Prompter) readLine() (string, error) {
	if p.eof {
		return "", io.EOF
	}
	s, err := p.read()
	if errors.Is(err, ErrInterrupted) {
		p.out.write("\n")
		return "", err
	}
	if err != nil {
		// A read error (a dropped connection) ends the input like EOF.
		p.eof = true
		if s == "" {
			if p.echo {
				p.out.write("\n")
			}
			return "", io.EOF
		}
	}
	if !p.started {
		p.started = true
		s = strings.TrimPrefix(s, "\uFEFF")
	}
	s = strings.TrimSuffix(s, "\n")
	s = strings.TrimSuffix(s, "\r")
	if p.echo {
		p.out.write(s + "\n")
	}
	return s, nil
}

// ask writes prompt, reads one line and handles "?" (prints help, asks
// again), commands (returned as Command) and input that cannot be stored.
func (p *Prompter) ask(prompt, help string) (string, error) {
	for {
		if p.out.err != nil {
			return "", p.out.err
		}
		p.out.write(prompt + " ")
		s, err := p.readLine()
		if err != nil {
			return "", err
		}
		t := strings.TrimSpace(s)
		if t == "?" {
			p.showHelp(help)
			continue
		}
		if c, ok := lineCommands[strings.ToLower(t)]; ok {
			return "", c
		}
		if msg := p.badInput(s); msg != "" {
			p.invalid(msg)
			continue
		}
		return strings.ReplaceAll(s, "\t", " "), nil
	}
}

// badInput says why s cannot be stored, or "".
func (p *Prompter) badInput(s string) string {
	if !utf8.ValidString(s) {
		return lineMsg.Get(p.lang, "not_utf8")
	}
	for _, r := range s {
		if r != '\t' && lineIsControl(r) {
			return lineMsg.Get(p.lang, "control_chars")
		}
	}
	return ""
}

func (p *Prompter) showHelp(help string) {
	if strings.TrimSpace(help) == "" {
		p.say("no_help")
	} else {
		p.say("help", help)
	}
	p.say("help_keys")
	p.say(p.commandsKey())
}

// commandsKey returns the message key of the commands hint.
func (p *Prompter) commandsKey() string {
	if p.commands != "" {
		return p.commands
	}
	return "commands"
}

// lineItem is what a question and a record field have in common.
type lineItem struct {
	kind     string
	title    string
	help     string
	required bool
	options  []*model.Option
	indent   string
	// note marks a free-text note: a line that answers another kind of
	// prompt (numbers, a yes or no) is refused, not stored as the note.
	note bool
	// param: the measure parameter asked; its input is checked by
	// model.CheckParam (kind, range) and asked again when it does not fit.
	param *model.Param
	// suggest is the text last given for this kind of part
	// (model.Suggestions), taken when the line is lineSameToken alone.
	suggest string
}

// lineSameToken alone on a line takes an item's suggestion: "the same as
// before". A plain Enter never does.
const lineSameToken = "="

// askSuggesting asks question q as Ask does, offering suggest (taken with
// lineSameToken) while it holds no answer.
func (p *Prompter) askSuggesting(q *model.Question, cur model.Value, suggest string) (model.Value, error) {
	it := p.questionItem(q)
	it.suggest = suggest
	return p.value(it, cur)
}

// questionItem describes question q in the prompter's language.
func (p *Prompter) questionItem(q *model.Question) lineItem {
	return lineItem{kind: q.Kind, title: q.Title.In(p.lang), help: q.Help.In(p.lang),
		required: q.Required, options: q.Options}
}

// fieldItem describes record field fd in the prompter's language.
func (p *Prompter) fieldItem(fd *model.Field) lineItem {
	return lineItem{kind: fd.Kind, title: fd.Label.In(p.lang), help: fd.Help.In(p.lang),
		required: fd.Required, options: fd.Options, indent: "  "}
}

// prompt builds "Title (hint) (Pflichtangabe) [bisher: X] (Enter übernimmt):".
func (p *Prompter) prompt(it lineItem, hint string, cur model.Value) string {
	var b strings.Builder
	b.WriteString(it.indent)
	b.WriteString(it.title)
	if hint != "" {
		b.WriteString(" " + hint)
	}
	if cur.IsSet() {
		b.WriteString(" " + lineMsg.Get(p.lang, "so_far", p.show(it, cur, true)))
		b.WriteString(" " + lineMsg.Get(p.lang, "enter_keeps"))
	} else if it.required {
		b.WriteString(" " + lineMsg.Get(p.lang, "required"))
	}
	if it.suggest != "" {
		b.WriteString(" " + lineMsg.Get(p.lang, "same_takes", lineSameToken, p.show(it, model.String(it.suggest), false)))
	}
	b.WriteString(":")
	return b.String()
}

// show renders a stored value for people in model.AnswerText's words, on
// one line; numbered adds the option numbers to a choice (useful in a
// prompt, noise in a list).
func (p *Prompter) show(it lineItem, v model.Value, numbered bool) string {
	switch {
	case numbered && it.kind == model.KindChoice && v.IsString():
		return p.optionLabel(it.options, v.Str(), true)
	case numbered && v.IsList() && len(v.List()) > 0:
		var parts []string
		for _, id := range v.List() {
			parts = append(parts, p.optionLabel(it.options, id, true))
		}
		return strings.Join(parts, ", ")
	}
	return lineOneLine(model.AnswerText(it.kind, it.options, v, p.lang))
}

func (p *Prompter) optionLabel(opts []*model.Option, id string, numbered bool) string {
	for i, o := range opts {
		if o.ID == id && numbered {
			return fmt.Sprintf("%d) %s", i+1, o.Label.In(p.lang))
		} else if o.ID == id {
			return o.Label.In(p.lang)
		}
	}
	return id
}

// value asks for one answer of any kind but records.
func (p *Prompter) value(it lineItem, cur model.Value) (model.Value, error) {
	switch it.kind {
	case model.KindYesNo:
		return p.yesNoValue(it, cur)
	case model.KindChoice:
		return p.choiceValue(it, cur)
	case model.KindMultiChoice:
		return p.multiValue(it, cur)
	case model.KindTextarea:
		return p.textareaValue(it, cur)
	}
	hint := ""
	if it.kind == model.KindDate {
		hint = lineMsg.Get(p.lang, "date_hint")
	}
	prompt := p.prompt(it, hint, cur)
	for {
		s, v, final, err := p.answerLine(it, prompt, cur)
		if final {
			return v, err
		}
		out, key := model.CheckInput(it.kind, s)
		var args []any
		if it.param != nil {
			out, key, args = model.CheckParam(it.param, s)
		}
		if key != "" {
			p.invalid(model.Msg.Get(p.lang, key, args...))
			continue
		}
		if it.note && lineOtherAnswer(out) {
			p.invalid(lineMsg.Get(p.lang, "not_a_note", out))
			continue
		}
		return model.String(out), nil
	}
}

// answerLine asks until the input is either final (kept, cleared, or left
// unanswered: final is true and v is the answer) or an answer to parse (s).
// On an error v is cur.
func (p *Prompter) answerLine(it lineItem, prompt string, cur model.Value) (s string, v model.Value, final bool, err error) {
	for {
		s, err = p.ask(prompt, it.help)
		if err != nil {
			return "", cur, true, err
		}
		if it.suggest != "" && strings.TrimSpace(s) == lineSameToken {
			return it.suggest, cur, false, nil
		}
		v, k := p.keepOrClear(it, cur, s)
		switch k {
		case lineDone:
			return "", v, true, nil
		case lineParse:
			return s, v, false, nil
		}
	}
}

// lineKeep says what keepOrClear made of an input line.
type lineKeep int

const (
	lineParse lineKeep = iota // an answer to check
	lineDone                  // kept or cleared: the value is final
	lineRetry                 // a required answer is missing: ask again
)

// keepOrClear handles an empty line (keep cur, or no answer when optional)
// and "-" (clear an optional answer; for a multiple choice "-" means none and
// is parsed by the caller).
func (p *Prompter) keepOrClear(it lineItem, cur model.Value, s string) (model.Value, lineKeep) {
	t := strings.TrimSpace(s)
	switch {
	case t == "" && cur.IsSet():
		return cur, lineDone
	case t == "" || (t == "-" && it.kind != model.KindMultiChoice):
		if !it.required {
			return model.Value{}, lineDone
		}
		p.invalid(model.Msg.Get(p.lang, "required"))
		return model.Value{}, lineRetry
	}
	return model.Value{}, lineParse
}

func (p *Prompter) yesNoValue(it lineItem, cur model.Value) (model.Value, error) {
	prompt := p.prompt(it, lineMsg.Get(p.lang, "yesno_hint"), cur)
	for {
		s, v, final, err := p.answerLine(it, prompt, cur)
		if final {
			return v, err
		}
		if b, ok := lineYesNo(s); ok {
			return model.Bool(b), nil
		}
		p.invalid(lineMsg.Get(p.lang, "bad_yesno"))
	}
}

// lineOtherAnswer reports whether s, given for a note, is an answer to
// another prompt: numbers only (a status, a list of measures, "1-5,7") or a
// yes or no. A script whose lines have slipped would otherwise store it as
// the note.
func lineOtherAnswer(s string) bool {
	if _, ok := lineYesNo(s); ok {
		return true
	}
	digits := false
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits = true
		case r == ' ' || r == ',' || r == '-' || r == '\t':
		default:
			return false
		}
	}
	return digits
}

// lineYesNo reads a yes or no in either language (model.ParseYesNo).
func lineYesNo(s string) (bool, bool) { return model.ParseYesNo(s) }

// listOptions prints the numbered options.
func (p *Prompter) listOptions(it lineItem) {
	p.out.line(it.indent + it.title)
	for i, o := range it.options {
		p.out.line(fmt.Sprintf("%s  %d) %s", it.indent, i+1, o.Label.In(p.lang)))
	}
}

func (p *Prompter) choiceValue(it lineItem, cur model.Value) (model.Value, error) {
	p.listOptions(it)
	sub := it
	sub.title = lineMsg.Get(p.lang, "choice")
	prompt := p.prompt(sub, "(1–"+strconv.Itoa(len(it.options))+")", cur)
	for {
		s, v, final, err := p.answerLine(it, prompt, cur)
		if final {
			return v, err
		}
		if i := lineOptionIndex(it.options, s); i >= 0 {
			return model.String(it.options[i].ID), nil
		}
		p.invalid(lineMsg.Get(p.lang, "bad_number", len(it.options)))
	}
}

// lineOptionIndex finds an option by number (1-based), ID or label; -1 if none.
func lineOptionIndex(opts []*model.Option, s string) int {
	t := strings.TrimSpace(s)
	if n, err := strconv.Atoi(t); err == nil {
		if n >= 1 && n <= len(opts) {
			return n - 1
		}
		return -1
	}
	for i, o := range opts {
		if o.ID == t || strings.EqualFold(o.Label.De, t) || strings.EqualFold(o.Label.En, t) {
			return i
		}
	}
	return -1
}

func (p *Prompter) multiValue(it lineItem, cur model.Value) (model.Value, error) {
	p.listOptions(it)
	sub := it
	sub.title = lineMsg.Get(p.lang, "multi")
	prompt := p.prompt(sub, "", cur)
	for {
		s, v, final, err := p.answerLine(it, prompt, cur)
		if final {
			return v, err
		}
		picked, bad := lineParseNumbers(s, it.options)
		if bad != "" {
			p.invalid(lineMsg.Get(p.lang, "bad_multi", bad, len(it.options)))
			continue
		}
		ids := make([]string, 0, len(picked))
		for i, o := range it.options {
			if picked[i] {
				ids = append(ids, o.ID)
			}
		}
		return model.List(ids...), nil
	}
}

// lineParseNumbers reads "1 3,4" (or option IDs) into a set of option
// indexes; "-" is the empty set. bad is the first token that is no option.
func lineParseNumbers(s string, opts []*model.Option) (map[int]bool, string) {
	picked := map[int]bool{}
	if strings.TrimSpace(s) == "-" {
		return picked, ""
	}
	for _, tok := range strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == ',' || r == ';' || r == '\t' }) {
		i := lineOptionIndex(opts, tok)
		if i < 0 {
			return nil, tok
		}
		picked[i] = true
	}
	return picked, ""
}

// textareaValue reads several lines: the first at the prompt, more until an
// empty line. End of input after the first line keeps what was typed.
func (p *Prompter) textareaValue(it lineItem, cur model.Value) (model.Value, error) {
	prompt := p.prompt(it, lineMsg.Get(p.lang, "area_hint"), cur)
	first, v, final, err := p.answerLine(it, prompt, cur)
	if final {
		return v, err
	}
	lines := []string{strings.TrimRight(first, " ")}
	more := it.indent + lineMsg.Get(p.lang, "area_more") + " "
	for {
		p.out.write(more)
		s, err := p.readLine()
		if err != nil || strings.TrimSpace(s) == "" {
			break
		}
		if msg := p.badInput(s); msg != "" {
			p.invalid(msg)
			continue
		}
		lines = append(lines, strings.TrimRight(strings.ReplaceAll(s, "\t", " "), " "))
	}
	out, _ := model.CheckInput(model.KindTextarea, strings.Join(lines, "\n"))
	return model.String(out), nil
}

// lineOneLine folds a multi-line text into one line for a prompt or list.
func lineOneLine(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\n", " / ")), " ")
}

// lineIsControl reports C0 and C1 control characters and DEL.
func lineIsControl(r rune) bool {
	return r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f)
}

// lineWriter writes plain lines and guarantees that no control character
// other than a line feed reaches the output – whatever a catalogue or an
// answers file holds, line mode never sends an escape sequence. It keeps the
// first write error.
type lineWriter struct {
	w   io.Writer
	err error
}

func (w *lineWriter) write(s string) {
	if w.err != nil {
		return
	}
	_, w.err = io.WriteString(w.w, lineClean(s))
}

func (w *lineWriter) line(s string) { w.write(s + "\n") }

// lineClean makes text safe on any terminal (model.TerminalSafe): control
// and bidi characters are shown visibly, never obeyed.
func lineClean(s string) string { return model.TerminalSafe(s) }
