// Package wizard is the full-screen front end (bubbletea, huh, lipgloss) of
// the interview (Run) and of the yearly review (RunReview), over model's
// session. Its neighbours: wizard/line, the line mode of both for screen
// readers, dumb terminals and piped input; wizard/review, what the review's
// two modes share; wizard/scanning, what the interview's two modes share
// about the server scan.
package wizard

import "github.com/tom-dsgvo/tom/model"

// Msg holds every user-facing string of the full-screen wizard.
var Msg = model.Messages{
	// Header and orientation.
	"step":         {De: "Schritt %d von %d · %s", En: "Step %d of %d · %s"},
	"done_count":   {De: "%d von %d Abschnitten erledigt", En: "%d of %d sections done"},
	"part":         {De: "Teil %d von %d", En: "part %d of %d"},
	"resumed":      {De: "Willkommen zurück – weiter bei Schritt %d. Strg+O zeigt alle Abschnitte.", En: "Welcome back – resuming at step %d. Ctrl+O shows all sections."},
	"save_failed":  {De: "Speichern fehlgeschlagen: %s", En: "saving failed: %s"},
	"skipped_note": {De: "„%s“ wird später beantwortet (offener Punkt).", En: "“%s” will be answered later (open item)."},

	// Key hints. Keys are named as printed on German and English keyboards.
	"keys_global":         {De: "Esc zurück · Strg+E Was bedeutet das? · Strg+O Übersicht · Strg+S später", En: "Esc back · Ctrl+E what does this mean? · Ctrl+O overview · Ctrl+S later"},
	"keys_quit":           {De: "Strg+C Ende", En: "Ctrl+C quit"},
	"keys_input":          {De: "Enter weiter", En: "Enter next"},
	"keys_suggest":        {De: "→ Vorschlag übernehmen · Enter weiter", En: "→ take the suggestion · Enter next"},
	"keys_text":           {De: "Enter weiter · Alt+Enter/Strg+J neue Zeile", En: "Enter next · Alt+Enter/Ctrl+J new line"},
	"keys_confirm":        {De: "←/→ wechseln · j ja · n nein · Enter weiter", En: "←/→ switch · y yes · n no · Enter next"},
	"keys_select":         {De: "↑/↓ auswählen · Enter weiter", En: "↑/↓ choose · Enter next"},
	"keys_multi":          {De: "↑/↓ · Leertaste/x an/aus · Strg+A alle · Enter weiter", En: "↑/↓ · Space/x toggle · Ctrl+A all · Enter next"},
	"keys_records":        {De: "↑/↓ · Enter öffnen · n neu · e ändern · Entf/d entfernen · Tab weiter", En: "↑/↓ · Enter open · n new · e edit · Del/d remove · Tab next"},
	"keys_confirm_remove": {De: "j entfernen · n behalten", En: "y remove · n keep"},
	"keys_overview":       {De: "↑/↓ bewegen · Enter springt dorthin · Esc zurück", En: "↑/↓ move · Enter jumps there · Esc back"},
	"keys_help":           {De: "Esc, Enter oder Strg+E schließt die Hilfe", En: "Esc, Enter or Ctrl+E closes the help"},
	"keys_finish_done":    {De: "Enter beenden · Strg+O Übersicht · Esc zurück", En: "Enter quit · Ctrl+O overview · Esc back"},
	"keys_finish":         {De: "Enter springt hin · q beenden · Strg+O Übersicht · Esc zurück", En: "Enter jumps there · q quit · Ctrl+O overview · Esc back"},

	// Answers.
	"required":     {De: "Bitte ausfüllen (oder mit Strg+S später beantworten).", En: "Please fill this in (or answer later with Ctrl+S)."},
	"scroll_hint":  {De: "– die Liste ist länger, mit ↑/↓ blättern", En: "– the list is longer, scroll with ↑/↓"},
	"suggest_hint": {De: "→ übernimmt: %s", En: "→ takes: %s"},
	"date_hint":    {De: "Datum als TT.MM.JJJJ oder JJJJ-MM-TT", En: "date as DD.MM.YYYY or YYYY-MM-DD"},
	"invalid":      {De: "Ungültig: %s", En: "Invalid: %s"},

	// Measures.
	"due_title":         {De: "Bis wann ist „%s“ geplant?", En: "By when is “%s” planned?"},
	"reason_title":      {De: "Warum ist „%s“ nicht anwendbar?", En: "Why does “%s” not apply?"},
	"due_required":      {De: "Bitte ein Zieldatum angeben.", En: "Please give a target date."},
	"reason_required":   {De: "Bitte kurz begründen.", En: "Please give a short reason."},
	"declined_title":    {De: "Warum wird „%s“ bewusst nicht umgesetzt?", En: "Why is “%s” deliberately not implemented?"},
	"accepted_title":    {De: "Wer hat das Risiko ohne „%s“ übernommen? (Name, Funktion)", En: "Who accepted the risk of going without “%s”? (name, role)"},
	"accepted_required": {De: "Bitte angeben, wer das Risiko übernommen hat.", En: "Please say who accepted the risk."},
	"table_title":       {De: "Stand der Maßnahmen (%d):", En: "Status of the measures (%d):"},
	"table_title_unset": {De: "Stand der Maßnahmen (%d, %d ohne Angabe):", En: "Status of the measures (%d, %d without status):"},
	"table_rest_done":   {De: "%d Maßnahmen ohne Angabe auf „zu klären“ gesetzt.", En: "%d measures without status set to “to be clarified”."},
	"tword_rest":        {De: "alle ohne Angabe: zu klären", En: "all without status: to be clarified"},
	"tword_clear":       {De: "Angabe löschen", En: "clear the status"},
	"keys_table":        {De: "↑/↓ · Leertaste wechselt · Strg+N Anmerkung · Enter weiter", En: "↑/↓ · Space cycles · Ctrl+N note · Enter next"},
	"param_title":       {De: "%s – zu „%s“ (leer lassen, wenn noch unbekannt)", En: "%s – for “%s” (leave empty if not yet known)"},
	"part_title":        {De: "%s zu „%s“", En: "%s of “%s”"},
	"note_picked":       {De: "Anmerkung folgt nach der Tabelle: %s", En: "Note asked after the table: %s"},
	"note_title":        {De: "Anmerkung zu „%s“", En: "Note on “%s”"},
	"own_accepted_by":   {De: "Risiko übernommen von", En: "Risk accepted by"},
	"own_note":          {De: "Anmerkung", En: "Note"},
	"status_decl_opt":   {De: "bewusst nicht umgesetzt", En: "deliberately not implemented"},
	"own_title":         {De: "Eigene Maßnahmen", En: "Own measures"},
	"own_help":          {De: "Maßnahmen, die im Katalog fehlen, hier in eigenen Worten ergänzen – technische wie organisatorische.", En: "Add measures the catalogue lacks, in your own words – technical or organisational."},
	"own_item":          {De: "Eigene Maßnahme", En: "Own measure"},
	"own_text":          {De: "Maßnahme (in eigenen Worten)", En: "Measure (in your own words)"},
	"own_type":          {De: "Art der Maßnahme", En: "Kind of measure"},
	"own_status":        {De: "Stand", En: "Status"},
	"own_due":           {De: "Geplant bis", En: "Planned by"},
	"own_reason":        {De: "Begründung", En: "Reason"},
	"type_technical":    {De: "technisch", En: "technical"},
	"type_org":          {De: "organisatorisch", En: "organisational"},
	"status_impl_opt":   {De: "umgesetzt", En: "in place"},
	"status_plan_opt":   {De: "geplant", En: "planned"},
	"status_na_opt":     {De: "nicht anwendbar", En: "not applicable"},
	"status_uncl_opt":   {De: "zu klären", En: "to be clarified"},

	// Records.
	"records_count":     {De: "%d Einträge", En: "%d entries"},
	"records_count_one": {De: "%d Eintrag", En: "%d entry"},
	"list_above":        {De: "↑ %d weitere", En: "↑ %d more"},
	"list_below":        {De: "↓ %d weitere", En: "↓ %d more"},
	"records_none":      {De: "Noch keine Einträge.", En: "No entries yet."},
	"records_add":       {De: "+ %s hinzufügen", En: "+ add %s"},
	"records_next":      {De: "Fertig – weiter", En: "Done – continue"},
	"record_form_title": {De: "%s %s · * = Pflichtangabe", En: "%s %s · * = required"},
	"record_view_title": {De: "%s %s · Feld zum Ändern wählen", En: "%s %s · choose a field to change"},
	"keys_record_view":  {De: "↑/↓ Feld · Enter ändern · Esc zur Liste", En: "↑/↓ field · Enter change · Esc to the list"},

	// The provider directory.
	"dir_title":    {De: "%s hinzufügen – aus dem Verzeichnis oder neu", En: "%s – choose from the directory or add a new one"},
	"dir_search":   {De: "Suche (Name, Marke, Kategorie, Ort):", En: "Search (name, brand, category, city):"},
	"dir_hits":     {De: "%d Treffer im Anbieterverzeichnis", En: "%d matches in the provider directory"},
	"dir_hits_one": {De: "%d Treffer im Anbieterverzeichnis", En: "%d match in the provider directory"},
	"dir_none":     {De: "Kein Treffer im Anbieterverzeichnis – Enter legt einen neuen an.", En: "No match in the provider directory – Enter adds a new one."},
	"dir_new":      {De: "+ Neu: %s, nicht im Verzeichnis", En: "+ New: %s, not in the directory"},
	"keys_dir":     {De: "Tippen filtert · ↑/↓ wählen · Enter übernehmen", En: "Type to filter · ↑/↓ choose · Enter take"},
	"keys_dir2":    {De: "Rücktaste löscht · Esc zurück zur Liste · Strg+C Ende", En: "Backspace deletes · Esc back to the list · Ctrl+C quit"},

	// The one-page form of a record.
	"form_next_keys":     {De: "Tab/Enter", En: "Tab/Enter"},
	"form_next":          {De: "weiter", En: "next"},
	"form_prev_keys":     {De: "Umschalt+Tab", En: "Shift+Tab"},
	"form_prev":          {De: "zurück", En: "back"},
	"form_save_key_keys": {De: "Strg+S", En: "Ctrl+S"},
	"form_save_key":      {De: "speichern", En: "save"},
	"form_cancel_keys":   {De: "Esc", En: "Esc"},
	"form_cancel":        {De: "abbrechen", En: "cancel"},
	"keys_form_text":     {De: "Strg+E Hilfe zum Feld", En: "Ctrl+E help on the field"},
	"keys_form_textarea": {De: "Alt+Enter/Strg+J neue Zeile", En: "Alt+Enter/Ctrl+J new line"},
	"keys_form_choice":   {De: "↑/↓ oder Zahl wählen · Entf: keine Angabe", En: "↑/↓ or a number choose · Del: no answer"},
	"keys_form_multi":    {De: "↑/↓ · Leertaste/Zahl an/aus", En: "↑/↓ · Space/number toggle"},
	"keys_form_yesno":    {De: "j ja · n nein · ←/→ · Entf: keine Angabe", En: "y yes · n no · ←/→ · Del: no answer"},
	"keys_form_button":   {De: "Enter speichert · Strg+C Ende", En: "Enter saves · Ctrl+C quit"},
	"form_save":          {De: "[ Speichern ]", En: "[ Save ]"},
	"form_unset":         {De: "(keine Angabe)", En: "(not given)"},
	"form_fix":           {De: "Noch nicht gespeichert: bitte die mit ! markierten Felder prüfen.", En: "Not saved yet: please check the fields marked !"},
	"form_discard":       {De: "Änderungen an diesem Eintrag verwerfen? (j/n)", En: "Discard the changes to this entry? (y/n)"},
	"form_above":         {De: "↑ %d weitere Zeilen", En: "↑ %d more lines"},
	"form_below":         {De: "↓ %d weitere Zeilen", En: "↓ %d more lines"},
	"record_new":         {De: "neu", En: "new"},
	"remove_ask":         {De: "„%s“ wirklich entfernen? (j/n)", En: "Really remove “%s”? (y/n)"},
	"removed":            {De: "„%s“ entfernt.", En: "“%s” removed."},
	"unnamed":            {De: "(ohne Namen)", En: "(unnamed)"},

	// Overview.
	"overview":      {De: "Übersicht – alle Abschnitte", En: "Overview – all sections"},
	"state_done":    {De: "erledigt", En: "done"},
	"state_partial": {De: "teilweise", En: "partly done"},
	"state_open":    {De: "offen", En: "open"},
	"state_skipped": {De: "später", En: "later"},

	// Help.
	"help_title":   {De: "Was bedeutet das?", En: "What does this mean?"},
	"help_section": {De: "Zum Abschnitt „%s“", En: "About “%s”"},
	"help_none":    {De: "Zu dieser Frage gibt es keinen Hilfetext.", En: "There is no help text for this question."},

	// Finish.
	"finish_complete": {De: "Die Befragung ist vollständig.", En: "The interview is complete."},
	"finish_open":     {De: "Die Befragung ist noch nicht vollständig.", En: "The interview is not complete yet."},
	"finish_pending":  {De: "Noch offen oder widersprüchlich (%d) – Enter springt hin, dann zum nächsten:", En: "Still open or contradicted (%d) – Enter jumps there, then to the next one:"},
	"finish_quit":     {De: "Beenden", En: "Quit"},
	"findings_more":   {De: "%s (+%d weitere am Ende)", En: "%s (+%d more at the end)"},
	"finish_saved":    {De: "Alle Antworten sind in %s gespeichert.", En: "All answers are saved in %s."},
	"finish_next":     {De: "Als Nächstes: %s erstellt das TOM-Dokument.", En: "Next: %s writes the TOM document."},

	// Exit messages (printed by Run's caller).
	"exit_saved":    {De: "Unterbrochen: die Antworten bisher sind in %s gespeichert; die Befragung ist noch nicht vollständig. Weiter mit: %s", En: "Stopped: the answers so far are saved in %s; the interview is not complete yet. Continue with: %s"},
	"exit_complete": {De: "Befragung vollständig; gespeichert in %s. Weiter mit: %s", En: "Interview complete; saved in %s. Next: %s"},
}
