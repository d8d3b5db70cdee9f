package scanning

import "github.com/tom-dsgvo/tom/model"

// Msg holds the strings of the scan pre-fill in both interview modes:
// the offer, the marks of detected measures and their evidence.
var Msg = model.Messages{
	// The offer (first screen of a new interview, first prompt in line mode).
	"offer_title": {De: "Diesen Server jetzt automatisch prüfen? Es wird nur gelesen, nichts verändert.", En: "Check this server automatically now? It is only read, nothing is changed."},
	"offer_body": {De: "Die Prüfung liest die Einstellungen dieses Systems, die für die TOM zählen: Verschlüsselung, SSH-Anmeldung, automatische Updates, Firewall, Datensicherung, Zertifikate, Mailserver, Zeit und Protokolle. Sie startet kein Programm und baut keine Netzverbindung auf. Was sie findet, ist in den Schritten als „erhoben“ vorbelegt; Sie bestätigen oder korrigieren jede Angabe.",
		En: "The check reads the settings of this system that matter for the TOM: encryption, SSH login, automatic updates, firewall, backups, certificates, mail server, time and logs. It runs no program and opens no network connection. What it finds is pre-filled in the steps and marked “detected”; you confirm or correct each one."},
	"offer_later":  {De: "Ohne Prüfung beginnen die Fragen sofort; tom scan --apply holt sie jederzeit nach.", En: "Without the check the questions start right away; tom scan --apply catches up at any time."},
	"offer_yes":    {De: "Ja, prüfen", En: "Yes, check"},
	"offer_no":     {De: "Nein", En: "No"},
	"offer_prompt": {De: "(j/n, Enter = ja)", En: "(y/n, Enter = yes)"},

	// What the scan found.
	"scan_done":       {De: "Prüfung vom %s – Maßnahmen erhoben: %d, Widersprüche: %d. Bitte in den Schritten bestätigen oder korrigieren.", En: "Scan of %s – measures detected: %d, contradictions: %d. Please confirm or correct them in the steps."},
	"scan_done_short": {De: "Prüfung vom %s – erhoben: %d, Widersprüche: %d. Bitte prüfen.", En: "Scan of %s – detected: %d, contradictions: %d. Please check."},
	"scan_nothing":    {De: "Prüfung vom %s: keine Maßnahme des Katalogs betroffen.", En: "Scan of %s: no catalogue measure affected."},
	"scan_failed":     {De: "Prüfung fehlgeschlagen: %v", En: "The scan failed: %v"},
	"declined":        {De: "Keine Prüfung; tom scan --apply holt sie jederzeit nach.", En: "No scan; tom scan --apply catches up at any time."},

	// Marks and evidence of a detected measure.
	"mark_" + model.DetectSupports:        {De: "erhoben", En: "detected"},
	"mark_" + model.DetectContradicts:     {De: "Prüfung widerspricht", En: "scan disagrees"},
	"evidence_" + model.DetectSupports:    {De: "Erhoben am %s (Prüfung des Servers):", En: "Detected on %s (scan of the server):"},
	"evidence_" + model.DetectContradicts: {De: "Die Prüfung vom %s widerspricht:", En: "The scan of %s disagrees:"},
	"evidence_none":                       {De: "(kein Beleg gespeichert)", En: "(no evidence stored)"},
	"tick_hint":                           {De: "– „erhoben“: auf dem Server gefunden, Strg+E zeigt den Beleg", En: "– “detected”: found on the server, Ctrl+E shows the evidence"},
	"line_hint":                           {De: "„erhoben“: auf dem Server gefunden, „Prüfung widerspricht“: dort nicht gefunden. Enter bestätigt die Auswahl, ? zeigt die Belege.", En: "“detected”: found on the server, “scan disagrees”: not found there. Enter confirms the selection, ? shows the evidence."},
	"line_mark":                           {De: ", %s", En: ", %s"},
	"line_evidence":                       {De: "%d) %s", En: "%d) %s"},
}
