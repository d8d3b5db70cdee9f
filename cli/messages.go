package cli

import "github.com/tom-dsgvo/tom/model"

// cliMsg holds the command line's shared strings. Each command file keeps its
// own strings in this table under keys prefixed with the command name.
var cliMsg = model.Messages{
	"root_short":      {De: "Technische und organisatorische Maßnahmen (Art. 32 DSGVO) erfassen und dokumentieren", En: "Record and document technical and organisational measures (Art. 32 GDPR)"},
	"root_long":       {De: "tom führt durch die Fragen zu den Sicherheitsmaßnahmen nach Art. 32 DSGVO, speichert die Antworten als JSON-Datei und erstellt daraus das TOM-Dokument.\nOhne Befehl startet tom die Befragung.", En: "tom interviews you about your security measures under Art. 32 GDPR, keeps the answers in a JSON file and writes the TOM document from them.\nWithout a command, tom starts the interview."},
	"flag_file":       {De: "Antwortdatei (Standard: ./tom.json, auch TOM_FILE)", En: "answers file (default ./tom.json, also TOM_FILE)"},
	"flag_lang":       {De: "Sprache: de oder en (Standard: die der Antwortdatei, sonst TOM_LANG, sonst die Locale aus LC_ALL/LC_MESSAGES/LANG)", En: "language: de or en (default: the answers file's, else TOM_LANG, else the locale from LC_ALL/LC_MESSAGES/LANG)"},
	"flag_catalog":    {De: "eigener Fragenkatalog (JSON) statt des mitgelieferten", En: "own catalogue (JSON) instead of the shipped one"},
	"migrated":        {De: "%s: mit Katalog-Version %s beantwortet, jetzt %s; neue Fragen: %d, umbenannt: %d, entfernt: %d", En: "%s: answered with catalogue version %s, now %s; new questions: %d, renamed: %d, removed: %d"},
	"help_cmd":        {De: "Hilfe zu einem Befehl", En: "Help about any command"},
	"completion_cmd":  {De: "Skript für die Befehlsergänzung der Shell erzeugen (bash, zsh, fish, powershell)", En: "Generate the autocompletion script for a shell (bash, zsh, fish, powershell)"},
	"help_flag_root":  {De: "Hilfe anzeigen", En: "show help"},
	"flag_default":    {De: "(Standard: %s)", En: "(default %s)"},
	"root_missing":    {De: "%s %s: das Verzeichnis gibt es nicht", En: "%s %s: no such folder"},
	"root_not_dir":    {De: "%s %s: ist kein Verzeichnis", En: "%s %s: not a folder"},
	"root_unreadable": {De: "%s %s: kann nicht gelesen werden", En: "%s %s: cannot be read"},
	"help_flag":       {De: "Hilfe zu %s anzeigen", En: "help for %s"},
}
