package serve

import "github.com/tom-dsgvo/tom/model"

// Msg holds the user-facing strings of tom serve: problems in the access
// file and what a client is told in the session.
var Msg = model.Messages{
	// Access file problems (AccessError), each after "FILE, Zeile N: ".
	"at_line":          {De: "%s, Zeile %d: %s", En: "%s, line %d: %s"},
	"bad_key":          {De: "kein öffentlicher Schlüssel im authorized_keys-Format (%s)", En: "not a public key in authorized_keys format (%s)"},
	"no_comment":       {De: "der Schlüssel hat keinen Kommentar; er nennt den Kunden im Protokoll", En: "the key has no comment; it names the client in the log"},
	"no_file":          {De: "tom-file=\"ANTWORTDATEI\" fehlt vor dem Schlüssel", En: "tom-file=\"ANSWERS FILE\" missing before the key"},
	"unknown_option":   {De: "unbekannte Option %q (erlaubt: tom-file=\"…\", tom-allow=\"interview,review,status\")", En: "unknown option %q (allowed: tom-file=\"…\", tom-allow=\"interview,review,status\")"},
	"option_twice":     {De: "Option %s steht zweimal", En: "option %s given twice"},
	"option_quote":     {De: "der Wert von %s steht nicht in Anführungszeichen oder ist leer", En: "the value of %s is not in quotes or is empty"},
	"unknown_command":  {De: "unbekannter Befehl %q in tom-allow (erlaubt: interview, review, status)", En: "unknown command %q in tom-allow (allowed: interview, review, status)"},
	"no_command":       {De: "tom-allow nennt keinen Befehl", En: "tom-allow names no command"},
	"dup_key":          {De: "derselbe Schlüssel steht schon in Zeile %d (ein Schlüssel gehört zu genau einer Antwortdatei)", En: "the same key is already on line %d (a key belongs to exactly one answers file)"},
	"control_char":     {De: "Steuerzeichen in der Zeile", En: "control character in the line"},
	"key_exists":       {De: "dieser Schlüssel steht schon in %s, Zeile %d (für %s); erst entfernen", En: "this key is already in %s, line %d (for %s); remove it first"},
	"key_not_found":    {De: "kein Schlüssel mit dem Kommentar oder Fingerabdruck %q in %s", En: "no key with the comment or fingerprint %q in %s"},
	"key_ambiguous":    {De: "%d Schlüssel haben den Kommentar %q in %s; den Fingerabdruck angeben", En: "%d keys have the comment %q in %s; give the fingerprint"},
	"access_missing":   {De: "die Zugangsdatei %s gibt es nicht; Schlüssel mit tom serve keys add eintragen", En: "the access file %s does not exist; add keys with tom serve keys add"},
	"access_mode":      {De: "%s ist für andere beschreibbar (Rechte %04o) und wird nicht verwendet; chmod 600 %s", En: "%s can be written by others (mode %04o) and is not used; chmod 600 %s"},
	"comment_bad":      {De: "Kommentar %q ungültig (nicht leer, ohne Steuerzeichen)", En: "comment %q is not valid (not empty, no control characters)"},
	"file_bad":         {De: "Antwortdatei %q ungültig (nicht leer, ohne Anführungszeichen und Steuerzeichen)", En: "answers file %q is not valid (not empty, no quotes or control characters)"},
	"host_key_bad":     {De: "%s ist kein privater ed25519-Schlüssel (%s)", En: "%s is not an ed25519 private key (%s)"},
	"host_key_mode":    {De: "%s ist für andere lesbar (Rechte %04o); chmod 600 %s", En: "%s can be read by others (mode %04o); chmod 600 %s"},
	"host_key_failed":  {De: "Host-Schlüssel %s: %s", En: "host key %s: %s"},
	"listen_failed":    {De: "kann nicht auf %s lauschen: %s", En: "cannot listen on %s: %s"},
	"session_only":     {De: "Hier gibt es nur die Befragung: %s. %q ist nicht erlaubt.", En: "Only the interview is available here: %s. %q is not allowed."},
	"session_no_pty":   {De: "Bitte mit einem Terminal verbinden: ssh -t …", En: "Please connect with a terminal: ssh -t …"},
	"session_locked":   {De: "%s ist gerade in einer anderen Sitzung geöffnet (%s von %s, seit %s). Bitte später wieder verbinden.", En: "%s is open in another session just now (%s from %s, since %s). Please connect again later."},
	"session_full":     {De: "Zu viele gleichzeitige Sitzungen (höchstens %d). Bitte später wieder verbinden.", En: "Too many sessions at once (at most %d). Please connect again later."},
	"session_idle":     {De: "Nach %s ohne Eingabe beendet; das Eingegebene ist gespeichert. Beim nächsten Verbinden geht es an derselben Stelle weiter.", En: "Ended after %s without input; what you entered is saved. The next connection resumes at the same place."},
	"session_shutdown": {De: "Der Server wird beendet; das Eingegebene ist gespeichert. Beim nächsten Verbinden geht es an derselben Stelle weiter.", En: "The server is stopping; what you entered is saved. The next connection resumes at the same place."},
}
