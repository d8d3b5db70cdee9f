package review

import "github.com/tom-dsgvo/tom/model"

// Msg holds every user-facing string of the yearly review, in both modes
// (the full-screen walk and line mode), in German and English.
var Msg = model.Messages{
	// Header and orientation.
	"title":           {De: "Überprüfung · %s", En: "Review · %s"},
	"title_step":      {De: "Überprüfung · Schritt %d von %d · %s", En: "Review · step %d of %d · %s"},
	"progress":        {De: "%d von %d Schritten geprüft · Änderungen bisher: %d", En: "%d of %d steps reviewed · changes so far: %d"},
	"more_below":      {De: "↓ weiter unten mehr (Zeilen %d–%d von %d)", En: "↓ more below (lines %d–%d of %d)"},
	"more_above":      {De: "↑ Zeilen %d–%d von %d", En: "↑ lines %d–%d of %d"},
	"new_mark":        {De: "neu", En: "new"},
	"no_answer":       {De: "(noch keine Antwort)", En: "(not answered yet)"},
	"records_sum":     {De: "%s: %d Einträge – werden im Anschluss einzeln geprüft", En: "%s: %d entries – reviewed one by one next"},
	"records_sum_one": {De: "%s: %d Eintrag – wird im Anschluss geprüft", En: "%s: %d entry – reviewed next"},

	// Start screen.
	"start_title":      {De: "Jährliche Überprüfung: %s", En: "Yearly review: %s"},
	"start_stand":      {De: "Stand %s · Version %s · Überprüfung fällig am %s", En: "As of %s · version %s · review due on %s"},
	"start_how":        {De: "Jeder Schritt zeigt die gespeicherten Antworten. Stimmt alles noch, bestätigt ein Tastendruck „unverändert“; sonst wird der Schritt bearbeitet. Dienstleister, Personen, Geräte und andere Listen werden Eintrag für Eintrag geprüft.", En: "Each step shows the stored answers. If everything is still true, one key confirms “unchanged”; otherwise edit the step. Service providers, people, devices and other lists are reviewed entry by entry."},
	"start_resumed":    {De: "Fortsetzung einer unterbrochenen Überprüfung: die bisherigen Änderungen (%d) sind gespeichert und kommen mit in den Verlauf.", En: "Resuming an interrupted review: the changes made so far (%d) are saved and will go into the history."},
	"start_resume_at":  {De: "Fortsetzung bei Schritt %d von %d: %s – die Schritte davor sind bereits bestätigt.", En: "Resuming at step %d of %d: %s – the steps before it are already confirmed."},
	"start_resume_end": {De: "Alle Schritte sind bereits bestätigt – es fehlen nur noch Name und Zusammenfassung.", En: "Every step is already confirmed – only the name and the summary are left."},
	"start_due":        {De: "Fällig (%d):", En: "Due (%d):"},
	"start_nodue":      {De: "Nichts ist fällig.", En: "Nothing is due."},
	"start_new":        {De: "Neu in Katalog-Version %s – diese Schritte kommen zuerst:", En: "New in catalogue version %s – these steps come first:"},
	"start_newline":    {De: "neu: %s – %s", En: "new: %s – %s"},
	"start_retired":    {De: "Nicht mehr im Katalog (die Antworten bleiben unter „retired“ in der Datei):", En: "No longer in the catalogue (the answers stay under “retired” in the file):"},
	"bullet":           {De: "• %s", En: "• %s"},

	// Step summary.
	"st_done":      {De: "✓ %s", En: "✓ %s"},
	"st_planned":   {De: "◷ %s – geplant bis %s", En: "◷ %s – planned by %s"},
	"st_planned_n": {De: "◷ %s – geplant", En: "◷ %s – planned"},
	"st_na":        {De: "– %s – nicht anwendbar: %s", En: "– %s – not applicable: %s"},
	"st_declined":  {De: "– %s – %s", En: "– %s – %s"},
	"st_unclear":   {De: "? %s – zu klären", En: "? %s – to be clarified"},
	"st_unclear_n": {De: "? %s – zu klären: %s", En: "? %s – to be clarified: %s"},
	"st_open":      {De: "○ %s – noch keine Angabe", En: "○ %s – no answer yet"},
	"st_own":       {De: "+ %s (eigene Maßnahme, %s)", En: "+ %s (own measure, %s)"},
	"st_overdue":   {De: " – fällig seit %s!", En: " – due since %s!"},
	"st_soon":      {De: " – bald fällig", En: " – due soon"},
	"measures":     {De: "Maßnahmen:", En: "Measures:"},
	"qa":           {De: "%s: %s", En: "%s: %s"},
	"qa_question":  {De: "%s %s", En: "%s %s"},
	"needs_edit":   {De: "Dieser Schritt hat noch unbeantwortete Fragen – bitte mit b bearbeiten.", En: "This step has unanswered questions – please edit it with e."},

	// Records.
	"rec_title":    {De: "%s %d von %d: %s", En: "%s %d of %d: %s"},
	"rec_check":    {De: " ⚠ älter als %d Monate – bitte prüfen", En: " ⚠ older than %d months – please check"},
	"rec_check_s":  {De: " ⚠ wird am %s %d Monate alt – bitte prüfen", En: " ⚠ turns %[2]d months old on %[1]s – please check"},
	"rec_changed":  {De: "„%s“ geändert.", En: "“%s” changed."},
	"rec_removed":  {De: "„%s“ entfernt.", En: "“%s” removed."},
	"rec_added":    {De: "„%s“ hinzugefügt.", En: "“%s” added."},
	"rec_ask_rm":   {De: "„%s“ wirklich entfernen? (j/n)", En: "Really remove “%s”? (y/n)"},
	"add_ask":      {De: "Gibt es neue Einträge? (%s)", En: "Are there new entries? (%s)"},
	"add_ask_more": {De: "Noch ein neuer Eintrag? (%s)", En: "Another new entry? (%s)"},
	"add_list":     {De: "%s: %d Einträge geprüft.", En: "%s: %d entries reviewed."},
	"add_list_one": {De: "%s: %d Eintrag geprüft.", En: "%s: %d entry reviewed."},
	"add_none":     {De: "%s: bisher keine Einträge.", En: "%s: no entries so far."},

	// Finishing.
	"name_title":    {De: "Wer hat die Überprüfung durchgeführt? (Name)", En: "Who carried out the review? (name)"},
	"name_required": {De: "Bitte einen Namen angeben.", En: "Please give a name."},
	"sum_title":     {De: "Kurze Zusammenfassung für den Verlauf (freiwillig)", En: "Short summary for the history (optional)"},
	"done_title":    {De: "Überprüfung abgeschlossen – Version %s vom %s", En: "Review finished – version %s of %s"},
	"done_saved":    {De: "Gespeichert in %s.", En: "Saved to %s."},
	"done_changes":  {De: "Änderungen (%d):", En: "Changes (%d):"},
	"done_none":     {De: "Keine Änderungen – die Überprüfung ist trotzdem im Verlauf vermerkt.", En: "No changes – the review is recorded in the history all the same."},
	"done_next":     {De: "Als Nächstes: %s erstellt das aktualisierte TOM-Dokument.", En: "Next: %s writes the updated TOM document."},
	"default_sum":   {De: "Jährliche Überprüfung", En: "Yearly review"},

	// Key hints.
	"keys_start":       {De: "Enter beginnen · ↑/↓ blättern", En: "Enter start · ↑/↓ scroll"},
	"keys_step":        {De: "Enter/u unverändert · b bearbeiten · ↑/↓ blättern · Esc zurück", En: "Enter/u unchanged · e edit · ↑/↓ scroll · Esc back"},
	"keys_step_edited": {De: "Enter/u übernehmen · b weiter bearbeiten · ↑/↓ blättern · Esc zurück", En: "Enter/u accept · e edit again · ↑/↓ scroll · Esc back"},
	"keys_record":      {De: "Enter/u aktuell · b bearbeiten · x entfernen · Esc zurück", En: "Enter/u current · e edit · x remove · Esc back"},
	"keys_add":         {De: "j neuer Eintrag · Enter/n nein, weiter", En: "y new entry · Enter/n no, continue"},
	"keys_rm":          {De: "j entfernen · n behalten", En: "y remove · n keep"},
	"keys_edit":        {De: "Esc am Anfang: zurück zur Übersicht", En: "Esc at the start: back to the summary"},
	"keys_name":        {De: "Enter weiter", En: "Enter next"},
	"keys_done":        {De: "Enter beenden · ↑/↓ blättern", En: "Enter quit · ↑/↓ scroll"},
	"keys_quit":        {De: "Strg+C speichern, beenden", En: "Ctrl+C save, quit"},
	"yes_no_enter":     {De: "j/N", En: "y/N"},

	// Exit messages (printed by the command).
	"exit_done":       {De: "Überprüfung abgeschlossen: Version %s, %d Änderungen; gespeichert in %s. Weiter mit: %s", En: "Review finished: version %s, %d changes; saved to %s. Next: %s"},
	"exit_stopped":    {De: "Unterbrochen: die Änderungen bisher sind in %s gespeichert; die Überprüfung ist nicht abgeschlossen (kein Verlaufseintrag). Weiter mit: %s (setzt fort)", En: "Stopped: the changes so far are saved in %s; the review is not finished (no history entry). Continue with: %s (resumes)"},
	"not_completed":   {De: "%s: die Befragung wurde noch nicht abgeschlossen – eine Überprüfung setzt eine fertige Befragung voraus. Weiter mit: %s", En: "%s: the interview has not been completed yet – a review needs a finished interview. Continue with: %s"},
	"no_file":         {De: "%s: keine Antwortdatei. Zuerst die Befragung durchführen: %s", En: "%s: no answers file. Run the interview first: %s"},
	"no_tty":          {De: "die Eingabe ist kein Terminal. Für umgeleitete Eingaben, Screenreader oder einfache Terminals: %s --accessible", En: "input is not a terminal. For piped input, screen readers or simple terminals use: %s --accessible"},
	"short":           {De: "Jährliche Überprüfung: gespeicherte Antworten bestätigen oder ändern", En: "Yearly review: confirm or change the stored answers"},
	"long":            {De: "Geht alle Schritte mit den gespeicherten Antworten durch: ein Tastendruck bestätigt „unverändert“, sonst wird bearbeitet. Neue Fragen des Katalogs kommen zuerst; Dienstleister, Personen, Geräte und andere Listen werden Eintrag für Eintrag geprüft; Fälliges wird angezeigt. Am Ende entsteht genau ein Verlaufseintrag (Version 1.1, 1.2 …) mit den Änderungen. Gespeichert wird nach jedem Schritt; eine unterbrochene Überprüfung setzt beim nächsten Aufruf fort. --accessible, ACCESSIBLE=1 oder TERM=dumb wählen den Zeilenmodus.\n\nExit-Codes:\n  0  die Überprüfung ist abgeschlossen (Verlaufseintrag geschrieben)\n  1  nicht abgeschlossen (Strg+C, Signal oder Ende der Eingabe: die Änderungen sind gespeichert, tom review setzt fort) oder ein Fehler (keine Antwortdatei, Befragung nicht abgeschlossen, Datei ungültig …)\n  2  falsche Optionen oder Argumente", En: "Walks through every step with the stored answers: one key confirms “unchanged”, otherwise edit. New catalogue questions come first; service providers, people, devices and other lists are reviewed entry by entry; what is due is pointed out. At the end exactly one history entry (version 1.1, 1.2 …) records the changes. Saved after every step; an interrupted review resumes on the next call. --accessible, ACCESSIBLE=1 or TERM=dumb choose line mode.\n\nExit codes:\n  0  the review is finished (history entry written)\n  1  not finished (Ctrl+C, a signal or end of input: the changes are saved, tom review resumes) or an error (no answers file, interview not completed, invalid file …)\n  2  bad options or arguments"},
	"flag_accessible": {De: "Zeilenmodus: einfache Zeilen ohne Steuerzeichen (Screenreader, TERM=dumb, umgeleitete Eingabe)", En: "line mode: plain lines without escape sequences (screen readers, TERM=dumb, piped input)"},

	// Line mode.
	"line_banner":    {De: "tom – Überprüfung im Zeilenmodus. Änderungen werden sofort in %s gespeichert.", En: "tom – review in line mode. Changes are saved to %s at once."},
	"line_step":      {De: "Schritt %d von %d: %s", En: "Step %d of %d: %s"},
	"line_unchanged": {De: "Unverändert? [J/n/?]", En: "Unchanged? [Y/n/?]"},
	"line_help":      {De: "Enter oder j: alles stimmt noch. n: den Schritt mit den bisherigen Antworten als Vorgabe bearbeiten. :ende speichert und beendet.", En: "Enter or y: everything is still true. n: edit the step with the stored answers as defaults. :quit saves and stops."},
	"line_edit":      {De: "Bearbeiten – Enter übernimmt jeweils die bisherige Antwort.", En: "Editing – Enter keeps each stored answer."},
	"line_needs":     {De: "Dieser Schritt hat unbeantwortete (neue) Fragen – bitte beantworten.", En: "This step has unanswered (new) questions – please answer them."},
	"line_record":    {De: "  %s %d von %d: %s", En: "  %s %d of %d: %s"},
	"line_verdict":   {De: "a = aktuell, g = geändert (bearbeiten), e = entfernt [A/g/e]", En: "c = current, e = edit (changed), r = removed [C/e/r]"},
	"line_bad_verd":  {De: "bitte a, g oder e eingeben (Enter = aktuell)", En: "please enter c, e or r (Enter = current)"},
	"line_no_cmd":    {De: "Dieser Befehl geht in der Überprüfung nicht; :ende speichert und beendet.", En: "That command does not apply in a review; :quit saves and stops."},
	"line_saved":     {De: "Gespeichert.", En: "Saved."},
	"line_eof":       {De: "Eingabe zu Ende: die Änderungen bisher sind in %s gespeichert; die Überprüfung ist nicht abgeschlossen (kein Verlaufseintrag). tom review setzt fort.", En: "End of input: the changes so far are saved to %s; the review is not finished (no history entry). tom review resumes."},
	"line_signal":    {De: "Abgebrochen durch ein Signal: die Änderungen bisher sind in %s gespeichert; die Überprüfung ist nicht abgeschlossen (kein Verlaufseintrag). tom review setzt fort.", En: "Stopped by a signal: the changes so far are saved to %s; the review is not finished (no history entry). tom review resumes."},
	"line_quit":      {De: "Unterbrochen: die Änderungen bisher sind in %s gespeichert; die Überprüfung ist nicht abgeschlossen (kein Verlaufseintrag). tom review setzt fort.", En: "Stopped: the changes so far are saved to %s; the review is not finished (no history entry). tom review resumes."},
	"reviewer":       {De: "Name der prüfenden Person", En: "Name of the reviewer"},
}
