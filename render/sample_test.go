package render

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/tom-dsgvo/tom/model"
	"github.com/tom-dsgvo/tom/questionnaires"
)

var update = flag.Bool("update", false, "rewrite the sample answers file and the golden files")

// samplePath is the realistic sample business: a web agency modelled on the
// 2018 hand-written example (rented root server with Plesk, external admin,
// Collmex, Lexware archive, Postbank, united-domains, bookkeeper, own mail
// server, Google Drive and Dropbox for transfers, infrasound alarm, VeraCrypt).
const samplePath = "../testdata/sample/tom.json"

func rec(id string, kv ...any) model.Record {
	r := model.Record{"id": model.String(id)}
	for i := 0; i+1 < len(kv); i += 2 {
		k := kv[i].(string)
		switch v := kv[i+1].(type) {
		case string:
			r[k] = model.String(v)
		case bool:
			r[k] = model.Bool(v)
		case []string:
			r[k] = model.List(v...)
		}
	}
	return r
}

// sampleFile builds the sample business's answers.
func sampleFile(c *model.Catalog) *model.File {
	f := model.NewFile(c, model.De)
	s := func(id, v string) { f.Set(id, model.String(v)) }
	b := func(id string, v bool) { f.Set(id, model.Bool(v)) }
	s("org.name", "Webagentur Krüger & Söhne GmbH")
	s("org.address", "Prinzregentenstraße 112, Rückgebäude, 3. Obergeschoss\n81677 München")
	s("org.contact_name", "Jörg Krüger")
	s("org.email", "datenschutz@krueger-soehne.example")
	s("org.phone", "+49 89 4123 5670")
	s("org.web", "www.krueger-soehne.example")
	s("org.scope", "Gestaltung, Programmierung und Betrieb von Websites und Webshops für Kunden, einschließlich Hosting auf einem angemieteten Root-Server, E-Mail-Dienst und Buchhaltung. Die Maßnahmen gelten für das Büro in München, das Homeoffice der Geschäftsführung und alle Dienstleister mit Zugriff auf personenbezogene Daten.")
	b("org.dpo", false)
	s("org.prepared_by", "Jörg Krüger (Geschäftsführer)")
	s("org.respondent", "Jörg Krüger")
	s("org.sign_place", "München")
	s("org.sign_name", "Jörg Krüger")
	s("org.sign_role", "Geschäftsführer")
	s("risk.role", "both")
	f.Set("risk.data_kinds", model.List("customers", "employees", "applicants", "payment", "communication"))
	s("risk.people", "up_to_10000")
	s("risk.confidentiality", "hoch")
	s("risk.integrity", "hoch")
	s("risk.availability", "hoch")
	b("infra.premises", true)
	b("infra.home_office", true)
	f.Set("infra.device_kinds", model.List("notebook", "desktop", "mobile"))
	b("infra.server", true)
	s("infra.server_kind", "rented_root")
	s("infra.server_os", "Debian GNU/Linux 12")
	s("infra.server_panel", "plesk")
	s("infra.staff", "up_to_9")
	b("infra.wifi", true)
	b("infra.website", true)
	b("infra.paper", true)
	f.Set("availability.backup_where", model.List("same_server", "data_centre_storage", "external_drive"))
	s("availability.backup_frequency", "daily")
	f.Set("providers", model.Records(
		rec("hetzner", "name", "Hetzner Online GmbH", "address", "Industriestr. 25\n91710 Gunzenhausen\nDeutschland", "email", "info@hetzner.com", "phone", "+49 9831 505-0", "fax", "+49 9831 505-3", "web", "www.hetzner.com",
			"service", "Stellt den angemieteten Root-Server bereit (Websites, Webshops, Datenbanken, E-Mail). Rechenzentrum mit Zutrittskontrolle und 24-Stunden-Überwachung.",
			"category", "hosting", "data", "Kundendaten der Agentur und der Webshops ihrer Kunden, E-Mails", "subjects", "Kunden, deren Kunden, Interessenten",
			"access", "data", "processor", true, "subprocessor", true, "avv_signed", "2018-05-20", "tom_checked", "2026-10-14", "country", "Deutschland", "third_country", false,
			"subprocessors", "keine für den Root-Server"),
		rec("ud", "name", "united-domains Reselling GmbH", "address", "Gautinger Str. 10\n82319 Starnberg", "phone", "+49 8151 36867-30", "fax", "+49 8151 36867-39", "web", "www.ud-reselling.com",
			"service", "Domainplattform zur Bestellung, Änderung und Löschung von Domains", "category", "domains", "data", "Inhaberdaten der Domains", "subjects", "Kunden",
			"access", "data", "processor", true, "avv_signed", "2018-06-02", "country", "Deutschland", "third_country", false),
		rec("collmex", "name", "Collmex GmbH", "address", "Lilienstr. 37\n66119 Saarbrücken", "email", "service@collmex.de", "web", "www.collmex.de",
			"service", "Webbasierte Buchhaltungs- und Steuersoftware", "category", "software", "data", "Rechnungs- und Buchhaltungsdaten", "subjects", "Kunden, Lieferanten",
			"access", "data", "processor", true, "avv_signed", "2018-05-24", "tom_checked", "2025-11-20", "country", "Deutschland", "third_country", false),
		rec("lexware", "name", "Haufe-Lexware GmbH & Co. KG", "address", "Ein Unternehmen der Haufe Group\nMunzinger Straße 9\n79111 Freiburg", "web", "www.lexware.de",
			"service", "Revisionssichere, verschlüsselte Cloud zur Ablage von Verträgen und Buchhaltungsunterlagen (Lexware Archivierung)", "category", "archive",
			"data", "Verträge, Belege", "subjects", "Kunden, Lieferanten, Beschäftigte", "access", "data", "processor", true, "avv_signed", "2019-02-11", "country", "Deutschland", "third_country", false),
		rec("postbank", "name", "Deutsche Postbank AG", "address", "Friedrich-Ebert-Allee 114–126\n53113 Bonn", "email", "business@postbank.de", "phone", "+49 228 920-0", "web", "www.postbank.de",
			"service", "Geschäftliches Girokonto", "category", "bank", "data", "Zahlungsdaten", "subjects", "Kunden, Lieferanten", "access", "none", "processor", false,
			"country", "Deutschland", "third_country", false, "notes", "Eigenständig Verantwortliche, kein AV-Vertrag erforderlich"),
		rec("admin", "name", "IT-Beratung Jürgen Weiß", "address", "Schleißheimer Straße 115a\n80797 München", "email", "jw@it-weiss.example", "mobile", "+49 171 555 0199",
			"service", "24-Stunden-Serverüberwachung, Reaktion bei Systemnotfällen, Administration des Root-Servers", "category", "it_service", "data", "alle Daten auf dem Server",
			"subjects", "Kunden, deren Kunden, Beschäftigte", "access", "admin", "processor", true, "subprocessor", true, "avv_signed", "2018-05-28", "tom_checked", "2026-11-03", "country", "Deutschland", "third_country", false,
			"notes", "Vollzugriff (root) auf den Hetzner-Server; Zugang nur per SSH-Schlüssel"),
		rec("dev", "name", "Katarzyna Nowak – PHP- und Datenbankentwicklung", "address", "Tegernseer Landstraße 161\n81539 München", "email", "k.nowak@nowak-dev.example", "phone", "+49 151 2345 6789",
			"service", "PHP- und Datenbankentwicklung, Kundenkommunikation und administrative Aufgaben", "category", "external_staff", "data", "Kundendaten, Shop-Datenbanken",
			"subjects", "Kunden, deren Kunden", "access", "admin", "processor", true, "subprocessor", true, "avv_signed", "2018-06-15", "country", "Deutschland", "third_country", false),
		rec("bookkeeper", "name", "Buchhaltungsbüro Sabine Groß", "address", "Leopoldstraße 28\n80802 München", "email", "kanzlei@buchhaltung-gross.example", "phone", "+49 89 3300 4410",
			"service", "Bilanzbuchhaltung und Umsatzsteuer-Voranmeldungen, Zugriff auf Collmex", "category", "tax_accounting", "data", "Buchhaltungsdaten", "subjects", "Kunden, Lieferanten, Beschäftigte",
			"access", "data", "processor", true, "avv_signed", "2018-07-01", "country", "Deutschland", "third_country", false),
		rec("google", "name", "Google Ireland Limited", "address", "Gordon House, Barrow Street\nDublin 4\nIrland", "web", "workspace.google.com",
			"service", "Google Drive zur vorübergehenden Übertragung großer Dateien (Druck-, Video-, Audiodateien)", "category", "other", "data", "Dateien ohne personenbezogene Daten",
			"subjects", "—", "access", "data", "processor", true, "avv_signed", "2020-09-01", "country", "Irland / USA", "third_country", true, "safeguard", "dpf",
			"subprocessors", "Google LLC (USA) und weitere laut Liste des Anbieters", "notes", "Keine Speicherung personenbezogener Daten vorgesehen"),
		rec("dropbox", "name", "Dropbox International Unlimited Company", "address", "One Park Place, Floor 5, Upper Hatch Street\nDublin 2\nIrland", "web", "www.dropbox.com",
			"service", "Vorübergehende Übertragung von Dateien an Kunden und Druckereien", "category", "other", "data", "Dateien ohne personenbezogene Daten", "access", "data",
			"processor", true, "avv_signed", "2020-09-03", "country", "Irland / USA", "third_country", true, "safeguard", "scc", "subprocessors", "Dropbox, Inc. (USA)"),
		rec("gdata", "name", "G DATA CyberDefense AG", "address", "Königsallee b 178\n44799 Bochum", "web", "www.gdata.de", "service", "Virenschutz und Firewall (G DATA Total Security) auf den Windows-PCs",
			"category", "software", "access", "none", "processor", false, "country", "Deutschland", "third_country", false),
	))
	f.Set("people", model.Records(
		rec("owner", "name", "Jörg Krüger", "role", "Geschäftsführer", "kind", "owner", "email", "j.krueger@krueger-soehne.example", "access", "alle Systeme, Server (root über Plesk)", "admin", true),
		rec("employee", "name", "Leonie Schäfer", "role", "Mediengestalterin", "kind", "employee", "access", "Arbeitsplatz-PC, Netzlaufwerk, Kundenbereiche der Websites", "admin", false, "confidentiality", "2021-03-01"),
		rec("admin", "name", "Jürgen Weiß", "role", "externer Administrator", "kind", "external", "access", "Root-Zugang Hetzner-Server per SSH-Schlüssel", "admin", true, "confidentiality", "2018-05-28"),
		rec("dev", "name", "Katarzyna Nowak", "role", "freie Entwicklerin", "kind", "freelancer", "access", "Plesk, Shop-Datenbanken, Kunden-E-Mail", "admin", true, "confidentiality", "2018-06-15"),
		rec("bookkeeper", "name", "Sabine Groß", "role", "Buchhalterin (extern)", "kind", "external", "access", "Collmex", "admin", false, "confidentiality", "2018-07-01"),
	))
	f.Set("devices", model.Records(
		rec("nb1", "name", "Notebook Geschäftsführung", "kind", "notebook", "os", "Windows 11 Pro", "encryption", "full_disk", "user", "Jörg Krüger", "updates", true, "malware", "G DATA Total Security"),
		rec("pc1", "name", "Arbeitsplatz-PC Grafik", "kind", "desktop", "os", "Windows 10 Pro", "encryption", "container", "user", "Leonie Schäfer", "updates", true, "malware", "G DATA Total Security",
			"notes", "Kundendatenbanken nur im VeraCrypt-Container; Umstieg auf Windows 11 geplant"),
		rec("imac", "name", "Apple iMac", "kind", "desktop", "os", "macOS 15", "encryption", "full_disk", "user", "Leonie Schäfer", "updates", true),
		rec("iphone", "name", "Apple iPhone", "kind", "phone", "os", "iOS 18", "encryption", "full_disk", "user", "Jörg Krüger", "updates", true, "notes", "Keine Synchronisation von Kundenkontakten in Cloud-Dienste Dritter"),
		rec("ipad", "name", "Apple iPad", "kind", "tablet", "os", "iPadOS 18", "encryption", "full_disk", "user", "Jörg Krüger", "updates", true),
		rec("server", "name", "Root-Server bei Hetzner (Plesk)", "kind", "server", "os", "Debian GNU/Linux 12", "encryption", "none", "user", "Jürgen Weiß, Katarzyna Nowak", "updates", true, "malware", "ClamAV"),
		rec("router", "name", "Router FRITZ!Box 7590", "kind", "other", "os", "FRITZ!OS 8", "encryption", "unknown", "user", "—", "updates", true),
	))
	s("email.hosting", "own_server")
	f.Set("email.transport", model.List("starttls"))
	b("email.login_encrypted", true)
	f.Set("email.protocols", model.List("imap", "pop3", "smtp"))
	s("email.clients", "Mozilla Thunderbird auf den Windows-PCs\nApple Mail auf dem iPhone (IMAP)")
	s("email.content_encryption", "none")
	s("email.addresses", "info@krueger-soehne.example\nj.krueger@krueger-soehne.example\nrechnung@krueger-soehne.example")
	b("cloud.used", true)
	f.Set("cloud", model.Records(
		rec("gdrive", "service", "Google Drive", "provider", "Google Ireland Limited", "purpose", "Vorübergehende Übertragung von Druck-, Video- und Audiodateien", "personal_data", false, "encrypted", true, "location", "EU / USA"),
		rec("dropbox", "service", "Dropbox", "provider", "Dropbox International Unlimited Company", "purpose", "Vorübergehende Übertragung von Dateien an Kunden", "personal_data", false, "encrypted", true, "location", "EU / USA"),
	))
	s("network.wifi_encryption", "wpa2")
	b("network.guest_wifi", false)
	s("network.router", "FRITZ!Box 7590")
	b("network.router_updates", true)
	b("network.wired", true)
	b("network.segmentation", false)
	s("network.remote_access", "vpn")
	f.Set("storage", model.Records(
		rec("server", "place", "Hetzner Root-Server (Datenbanken, Plesk)", "kind", "server", "data", "Websites, Shop-Datenbanken, E-Mails", "protection", "Passwortgeschützte Kundenbereiche, SSH nur mit Schlüssel", "encrypted", false),
		rec("backup", "place", "Backup-Festplatte im Hetzner-Rechenzentrum", "kind", "server", "data", "Datensicherungen des Servers", "protection", "Zugang nur über den Server", "encrypted", true),
		rec("local", "place", "Arbeitsplatz-PC (VeraCrypt-Container)", "kind", "pc", "data", "Datenbanken mit Daten von Kunden und deren Kunden", "protection", "Festplattenverschlüsselung mit VeraCrypt", "encrypted", true),
		rec("archive", "place", "Lexware Archivierung", "kind", "archive", "data", "Verträge und Buchhaltungsunterlagen", "protection", "revisionssicher, verschlüsselt", "encrypted", true),
		rec("collmex", "place", "Collmex", "kind", "cloud", "data", "Buchhaltung", "protection", "Anmeldung mit Passwort", "encrypted", true),
		rec("paper", "place", "Aktenschrank im Büro", "kind", "paper", "data", "Verträge, Personalunterlagen", "protection", "abschließbarer Schrank", "encrypted", false),
	))
	// Measures: implemented unless listed otherwise.
	special := map[string]model.MeasureAnswer{
		"access_system.mfa":                 {Status: model.StatusPlanned, Due: "2027-01-31", Note: "zuerst für Plesk und Collmex"},
		"crypto.disk_desktop":               {Status: model.StatusPlanned, Due: "2027-03-31", Note: "BitLocker mit dem Umstieg auf Windows 11"},
		"recovery.restore_drill":            {Status: model.StatusPlanned, Due: "2027-02-28"},
		"availability.backup_immutable":     {Status: model.StatusUnclear, Note: "mit Hetzner klären, ob die Storage Box Snapshots schützt"},
		"access_system.mdm":                 {Status: model.StatusNotApplicable, Reason: "nur ein Smartphone und ein Tablet im Einsatz"},
		"access_physical.video":             {Status: model.StatusDeclined, Reason: "Büro im Wohn- und Geschäftshaus; Videoüberwachung nicht verhältnismäßig", AcceptedBy: "Jörg Krüger (Geschäftsführer)"},
		"access_physical.electronic_access": {Status: model.StatusDeclined, Reason: "mechanische Schließanlage ausreichend", AcceptedBy: "Jörg Krüger (Geschäftsführer)"},
		"separation.network_segments":       {Status: model.StatusPlanned, Due: "2027-06-30", Note: "Gäste-WLAN einrichten"},
		"crypto.email_content":              {Status: model.StatusUnclear},
		"crypto.hashing":                    {Status: model.StatusNotApplicable, Reason: "keine Auswertungen personenbezogener Daten"},
		"input.central_log":                 {Status: model.StatusNotApplicable, Reason: "einzelner Server; Protokolle beim Administrator gesichert"},
		"dp_management.training":            {Status: model.StatusPlanned, Due: "2027-04-30"},
		"evaluation.vuln_scans":             {Status: model.StatusUnclear},
		"incident.detection":                {Status: model.StatusPlanned, Due: "2027-05-31"},
		"access_system.malware_protection":  {Status: model.StatusImplemented, Note: "G DATA Total Security auf den Windows-PCs"},
		// As processor for its clients: the sub-processor rules and the
		// processor's own record still to come.
		"processor_role.subprocessor_approval": {Status: model.StatusPlanned, Due: "2027-03-31", Note: "Genehmigung in die AV-Verträge mit den Kunden aufnehmen"},
		"processor_role.subprocessor_terms":    {Status: model.StatusPlanned, Due: "2027-03-31"},
		"processor_role.record":                {Status: model.StatusUnclear, Note: "Vorlage der Kammer prüfen"},
		"processor_role.assist_obligations":    {Status: model.StatusUnclear},
		// Parameters that make measures checkable; the RPO is left open.
		"access_system.screen_lock":    {Status: model.StatusImplemented, Params: map[string]string{"minutes": "10"}},
		"access_system.login_lockout":  {Status: model.StatusImplemented, Params: map[string]string{"attempts": "5"}},
		"access_system.auto_updates":   {Status: model.StatusImplemented, Params: map[string]string{"days": "7"}},
		"availability.backup_versions": {Status: model.StatusImplemented, Params: map[string]string{"retention_days": "90"}},
		"input.log_retention":          {Status: model.StatusImplemented, Params: map[string]string{"days": "30"}},
		"recovery.rto_rpo":             {Status: model.StatusImplemented, Params: map[string]string{"rto_hours": "24"}},
		// Tests of effectiveness (lit. d): the restore test is current, the
		// rights review is past its 12 months, the deletion spot check
		// was never done.
		"availability.backup_restore_test": {Status: model.StatusImplemented, Params: map[string]string{
			"last_done": "2026-09-15", "interval": "3", "by": "Jörg Krüger", "result": "Kundendatenbank aus der Storage Box zurückgeholt; vollständig und lesbar"}},
		"access_data.rights_review": {Status: model.StatusImplemented, Params: map[string]string{
			"last_done": "2025-10-30", "by": "Jörg Krüger", "result": "Plesk-Zugang einer ehemaligen Praktikantin entfernt"}},
		"processor_control.tom_review": {Status: model.StatusImplemented, Params: map[string]string{
			"last_done": "2026-10-14", "by": "Jörg Krüger", "result": "TOM von Hetzner und Collmex gelesen; keine Mängel"}},
		"evaluation.awareness_check": {Status: model.StatusPlanned, Due: "2027-05-31"},
	}
	v := model.View{C: c, F: f}
	for _, sec := range c.Sections {
		if sec.ID == "privacy_default" {
			continue // not finished yet: a gap for the annex
		}
		for _, m := range v.Measures(sec) {
			if a, ok := special[m.ID]; ok {
				f.Measures[m.ID] = a
			} else {
				f.Measures[m.ID] = model.MeasureAnswer{Status: model.StatusImplemented}
			}
		}
	}
	f.Measures["privacy_default.minimal_data"] = model.MeasureAnswer{Status: model.StatusImplemented}
	f.Measures["privacy_default.no_tracking"] = model.MeasureAnswer{Status: model.StatusImplemented}
	f.OwnMeasures = []model.OwnMeasure{
		{ID: "own.infrasound", Section: "access_physical", Text: "Infraschall-Alarmanlage im Büro", Type: model.Technical, MeasureAnswer: model.MeasureAnswer{Status: model.StatusImplemented}},
		{ID: "own.veracrypt", Section: "crypto", Text: "Kundendatenbanken lokal ausschließlich in VeraCrypt-Containern", Type: model.Technical, MeasureAnswer: model.MeasureAnswer{Status: model.StatusImplemented}},
		{ID: "own.links", Section: "transfer", Text: "Druckdaten nur über befristete Freigabelinks, nie als E-Mail-Anhang", Type: model.Organisational, MeasureAnswer: model.MeasureAnswer{Status: model.StatusPlanned, Due: "2027-01-15"}},
	}
	f.Detected = map[string]model.Detection{
		"transfer.starttls": {Date: "2026-11-27", Result: "supports", Evidence: "Postfix: smtpd_tls_security_level = may"},
	}
	for _, sec := range c.Sections {
		if sec.ID != "privacy_default" {
			f.Progress.Done = append(f.Progress.Done, sec.ID)
		}
	}
	f.Progress.Step = "privacy_default"
	f.Progress.Completed = "2025-11-20"
	f.Review.IntervalMonths = 12
	f.History = []model.HistoryEntry{
		{Date: "2025-11-20", By: "Jörg Krüger", Kind: model.HistoryInterview, Version: "1.0", Summary: "Erstbefragung; übernimmt die handschriftliche TOM von 2018"},
		{Date: "2026-11-28", By: "Jörg Krüger", Kind: model.HistoryReview, Version: "1.1", Summary: "Jährliche Überprüfung: Windows-7-PC ersetzt, Dropbox ergänzt",
			Changes: []model.Change{
				{Path: "answers/devices/pc1/os", Old: "Windows 7 Pro", New: "Windows 10 Pro"},
				{Path: "answers/providers/dropbox", New: map[string]any{"name": "Dropbox International Unlimited Company"}},
				{Path: "measures/access_system.mfa", New: map[string]any{"status": "planned", "due": "2027-01-31"}},
			}},
	}
	return f
}

func standardCatalog(t testing.TB) *model.Catalog {
	t.Helper()
	c, err := questionnaires.Standard()
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// loadSample loads the committed sample through the normal loader.
func loadSample(t testing.TB) (*model.Catalog, *model.File) {
	t.Helper()
	c := standardCatalog(t)
	f, _, err := model.Load(samplePath, c)
	if err != nil {
		t.Fatalf("sample does not validate: %v", err)
	}
	return c, f
}

// TestSampleFile keeps testdata/sample/tom.json equal to what sampleFile
// builds (-update rewrites it) and proves that it validates.
func TestSampleFile(t *testing.T) {
	c := standardCatalog(t)
	want, err := model.Marshal(sampleFile(c))
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.MkdirAll(filepath.Dir(samplePath), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := model.WriteFileAtomic(samplePath, want, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(samplePath)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("%s is out of date; run go test ./render -update", samplePath)
	}
	_, f := loadSample(t)
	recs := f.Get("providers").Records()
	if len(recs) < 8 {
		t.Fatalf("sample has %d providers, want at least 8", len(recs))
	}
	if len(f.History) != 2 {
		t.Fatalf("sample has %d history entries, want 2", len(f.History))
	}
	if items := (model.View{C: c, F: f}).OpenItems(); len(items) < 5 {
		t.Fatalf("sample has %d open items, want several", len(items))
	}
}
