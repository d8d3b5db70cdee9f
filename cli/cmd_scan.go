package cli

import (
	"bytes"
	"fmt"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/tom-dsgvo/tom/model"
	"github.com/tom-dsgvo/tom/scan"
)

// scanCmdMsg holds the strings of tom scan.
var scanCmdMsg = model.Messages{
	"scan_short": {De: "Sicherheitsmaßnahmen vom Server ablesen (nur lesend)", En: "Read the security measures off the server (read-only)"},
	"scan_long": {De: `tom scan liest die Einstellungen dieses Linux-Systems, die für die TOM zählen:
Verschlüsselung der Datenträger und des Swap, SSH-Anmeldung, automatische
Updates, Firewall und fail2ban, Datensicherungen, TLS-Zertifikate, Mailserver,
Verwaltungsoberflächen, Zeitsynchronisation, Protokolle und die Konten mit
Anmeldung und sudo.

Der Scan liest nur: er ändert nichts, startet kein Programm, baut keine
Netzverbindung auf, folgt keinem Link aus dem geprüften Verzeichnis und liest
höchstens 1 MiB jeder Datei. Dateien mit Zugangsdaten werden nur auf ihr
Vorhandensein geprüft. Was ohne root-Rechte nicht lesbar ist, wird genannt.

--root VERZ prüft ein anderes Verzeichnis (ein eingehängtes Abbild).
--json gibt das Ergebnis als JSON für Skripte aus.
--apply trägt die Ergebnisse in die Antwortdatei (--file) ein: belegte, noch
unbeantwortete Maßnahmen werden als umgesetzt vorbelegt, eigene Antworten nie
überschrieben; Widersprüche erscheinen als offene Punkte.

Exit-Codes: 0 Scan durchgeführt (gleich, was er fand), 1 --root existiert
nicht oder die Antwortdatei ist ungültig, 2 falscher Aufruf.`,
		En: `tom scan reads the settings of this Linux system that matter for the TOM:
encryption of disks and swap, SSH login, automatic updates, firewall and
fail2ban, backups, TLS certificates, mail server, control panels, time
synchronisation, logs, and the accounts that can log in and use sudo.

The scan only reads: it changes nothing, runs no program, opens no network
connection, follows no link out of the scanned folder and reads at most 1 MiB
of any file. Files holding credentials are only checked for existence. What
cannot be read without root rights is listed.

--root DIR scans another folder (a mounted image).
--json prints the result as JSON for scripts.
--apply records the results in the answers file (--file): unanswered measures
the scan supports are pre-filled as implemented, your own answers are never
overwritten; contradictions become open items.

Exit codes: 0 scan done (whatever it found), 1 --root does not exist or the
answers file is not valid, 2 usage error.`},
	"scan_flag_root":                      {De: "Wurzelverzeichnis des zu prüfenden Systems", En: "root folder of the system to scan"},
	"scan_flag_json":                      {De: "Ergebnis als JSON ausgeben", En: "print the result as JSON"},
	"scan_flag_apply":                     {De: "Ergebnisse in die Antwortdatei eintragen", En: "record the results in the answers file"},
	"scan_applied":                        {De: "In %s eingetragen (erhoben am %s):", En: "Recorded in %s (detected on %s):"},
	"scan_nothing":                        {De: "Keine Maßnahme des Katalogs betroffen.", En: "No catalogue measure affected."},
	"scan_unknown":                        {De: "Nicht im Katalog, übergangen: %s", En: "Not in the catalogue, skipped: %s"},
	"scan_dropped":                        {De: "Frühere Erhebung entfernt: %s", En: "Earlier detection removed: %s"},
	"scan_kind_" + model.ScanPrefilled:    {De: "vorbelegt als umgesetzt – bitte bestätigen", En: "pre-filled as implemented – please confirm"},
	"scan_kind_" + model.ScanConfirmed:    {De: "bestätigt", En: "confirmed"},
	"scan_kind_" + model.ScanDiffers:      {De: "ist umgesetzt, Ihre Antwort lautet „%s“ – bitte prüfen", En: "is in place, your answer is \"%s\" – please check"},
	"scan_kind_" + model.ScanContradicted: {De: "WIDERSPRUCH zu Ihrer Antwort „umgesetzt“ – offener Punkt", En: "CONTRADICTS your answer \"implemented\" – open item"},
	"scan_kind_" + model.ScanNotInPlace:   {De: "nicht umgesetzt gefunden – nichts eingetragen", En: "found not in place – nothing filled in"},
}

// scanOptions are the options of tom scan.
type scanOptions struct {
	*Globals // I/O, clock, global flags

	Root  string
	JSON  bool
	Apply bool
}

func newScanCmd(g *Globals, lang model.Lang) *cobra.Command {
	o := &scanOptions{Globals: g}
	cmd := &cobra.Command{
		Use:   "scan [--root DIR] [--json] [--apply]",
		Short: scanCmdMsg.Get(lang, "scan_short"),
		Long:  scanCmdMsg.Get(lang, "scan_long"),
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runScan(o)
		},
	}
	cmd.Flags().StringVar(&o.Root, "root", "/", scanCmdMsg.Get(lang, "scan_flag_root"))
	cmd.Flags().BoolVar(&o.JSON, "json", false, scanCmdMsg.Get(lang, "scan_flag_json"))
	cmd.Flags().BoolVar(&o.Apply, "apply", false, scanCmdMsg.Get(lang, "scan_flag_apply"))
	return cmd
}

// runScan scans, prints the findings and, with --apply, records them.
func runScan(o *scanOptions) error {
	g := o.Globals
	lang := g.Lang(nil)
	if err := scan.CheckRoot(o.Root); err != nil {
		return &ExitError{Code: ExitFailure, Err: rootError(lang, "--root", o.Root, err)}
	}
	today, err := time.Parse(model.DateLayout, g.Today())
	if err != nil {
		today = g.Now()
	}

	// The catalogue ties the scan's checks to its measures.
	cat, err := g.Catalog()
	if err != nil {
		return err
	}
	var (
		f    *model.File
		path string
	)
	if o.Apply {
		// Lock and load before scanning: an invalid file is refused first.
		path = g.FilePath()
		es, err := g.openForEdit(cat, true)
		if err != nil {
			return err // positioned problems; the file is never touched
		}
		defer es.Close()
		f = es.File
		lang = g.Lang(f)
	}

	rep := scan.Scan(scan.Options{Root: o.Root, Today: today, Catalog: cat})
	if o.JSON {
		var buf bytes.Buffer
		if err := scan.WriteJSON(&buf, rep); err != nil {
			return err
		}
		if err := g.writeJSON(buf.Bytes()); err != nil {
			return err
		}
	} else if err := scan.WriteText(g.text(), rep, lang, cat); err != nil {
		return err
	}
	if !o.Apply {
		return nil
	}
	// A completed file records what the scan changed (see model.Session).
	s := model.NewSession(cat, f, model.SessionOptions{Today: g.Today(), User: g.Getenv("USER"), Origin: model.OriginScan})
	sum := model.ApplyScan(cat, f, g.Today(), rep.ForModel(lang))
	s.Commit()
	if err := model.Save(path, f); err != nil {
		return err
	}
	out := g.text()
	if o.JSON {
		out = g.Err // keep stdout pure JSON
	}
	fmt.Fprintln(out)
	fmt.Fprintln(out, scanCmdMsg.Get(lang, "scan_applied", path, model.FormatDate(g.Today(), lang)))
	if len(sum.Items) == 0 {
		fmt.Fprintln(out, "  "+scanCmdMsg.Get(lang, "scan_nothing"))
	}
	for _, it := range sum.Items {
		label := it.Measure
		if m := cat.Measure(it.Measure); m != nil {
			label = m.Label.In(lang)
		}
		what := scanCmdMsg.Get(lang, "scan_kind_"+it.Kind)
		if it.Kind == model.ScanDiffers {
			what = scanCmdMsg.Get(lang, "scan_kind_"+it.Kind, model.StatusWord(it.Status, lang))
		}
		fmt.Fprintf(out, "  %s\n    %s\n", label, what)
	}
	if len(sum.Unknown) > 0 {
		fmt.Fprintln(out, "  "+scanCmdMsg.Get(lang, "scan_unknown", strings.Join(sum.Unknown, ", ")))
	}
	if len(sum.Dropped) > 0 {
		fmt.Fprintln(out, "  "+scanCmdMsg.Get(lang, "scan_dropped", strings.Join(sum.Dropped, ", ")))
	}
	return nil
}
