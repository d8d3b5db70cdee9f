package questionnaires

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/tom-dsgvo/tom/model"
)

// mut changes an answers file for one rule case.
type mut func(f *model.File)

func impl(ids ...string) mut {
	return func(f *model.File) {
		for _, id := range ids {
			f.Measures[id] = model.MeasureAnswer{Status: model.StatusImplemented}
		}
	}
}

func status(id, st string) mut {
	return func(f *model.File) { f.Measures[id] = model.MeasureAnswer{Status: st, Due: "2027-01-31"} }
}

func yes(id string) mut { return set(id, model.Bool(true)) }
func no(id string) mut  { return set(id, model.Bool(false)) }
func str(id, s string) mut {
	return set(id, model.String(s))
}
func list(id string, opts ...string) mut { return set(id, model.List(opts...)) }

func set(id string, v model.Value) mut { return func(f *model.File) { f.Set(id, v) } }

// rec is a record from field/value pairs: strings, bools.
func rec(kv ...any) model.Record {
	r := model.Record{}
	for i := 0; i+1 < len(kv); i += 2 {
		switch v := kv[i+1].(type) {
		case string:
			r[kv[i].(string)] = model.String(v)
		case bool:
			r[kv[i].(string)] = model.Bool(v)
		}
	}
	return r
}

// add appends records to a register, numbering their IDs.
func add(q string, rs ...model.Record) mut {
	return func(f *model.File) {
		old := f.Get(q).Records()
		all := append([]model.Record{}, old...)
		for _, r := range rs {
			r["id"] = model.String(fmt.Sprintf("r%d", len(all)+1))
			all = append(all, r)
		}
		f.Set(q, model.Records(all...))
	}
}

// edit changes field of the first record of register q.
func edit(q, field string, v model.Value) mut {
	return func(f *model.File) {
		rs := f.Get(q).Records()
		if v.IsSet() {
			rs[0][field] = v
		} else {
			delete(rs[0], field)
		}
	}
}

func all(ms ...mut) mut {
	return func(f *model.File) {
		for _, m := range ms {
			m(f)
		}
	}
}

// ruleCase is one shipped rule: answers that trigger it, and a change on top
// of them after which it no longer holds.
type ruleCase struct {
	rule    string
	today   string // default 2026-12-06
	trigger mut
	fix     mut
}

var ruleCases = []ruleCase{
	// A measure expected from "hoch" (crypto.email_content) left unclear at
	// level hoch; lowering confidentiality to normal (with a reason) takes
	// the expectation away.
	{rule: "expected_measures_open",
		trigger: all(str("risk.role", "controller"), list("risk.data_kinds", "payment"), str("risk.confidentiality", "hoch"),
			str("risk.integrity", "normal"), str("risk.availability", "normal"), status("crypto.email_content", model.StatusUnclear)),
		fix: all(str("risk.confidentiality", "normal"), str("risk.integrity", "normal"), str("risk.need_reason", "nur Lastschriften"))},
	{rule: "crypto_notebook_unencrypted", trigger: all(impl("crypto.disk_notebook"), add("devices", rec("name", "NB", "kind", "notebook", "encryption", "none"))),
		fix: edit("devices", "encryption", model.String("full_disk"))},
	{rule: "crypto_notebook_none", trigger: all(impl("crypto.disk_notebook"), yes("infra.home_office"), add("devices", rec("name", "PC", "kind", "desktop"))),
		fix: add("devices", rec("name", "NB", "kind", "notebook", "encryption", "full_disk"))},
	{rule: "crypto_desktop_unencrypted", trigger: all(impl("crypto.disk_desktop"), add("devices", rec("name", "PC", "kind", "desktop", "encryption", "none"))),
		fix: edit("devices", "encryption", model.String("container"))},
	{rule: "crypto_mobile_unencrypted", trigger: all(impl("crypto.disk_mobile"), add("devices", rec("name", "Handy", "kind", "phone", "encryption", "none"))),
		fix: edit("devices", "encryption", model.String("full_disk"))},
	{rule: "crypto_server_unencrypted", trigger: all(yes("infra.server"), impl("crypto.disk_server"), add("storage", rec("place", "Server", "kind", "server", "encrypted", false))),
		fix: edit("storage", "encrypted", model.Bool(true))},
	{rule: "crypto_nas_missing", trigger: impl("crypto.nas_encrypted"),
		fix: add("devices", rec("name", "NAS", "kind", "nas", "encryption", "full_disk"))},
	{rule: "crypto_nas_unencrypted", trigger: all(impl("crypto.nas_encrypted"), add("storage", rec("place", "NAS", "kind", "nas", "encrypted", false))),
		fix: edit("storage", "encrypted", model.Bool(true))},
	{rule: "crypto_encryption_unknown", trigger: all(impl("crypto.disk_notebook"), add("devices", rec("name", "NB", "kind", "notebook", "encryption", "unknown"))),
		fix: edit("devices", "encryption", model.String("full_disk"))},
	{rule: "cloud_upload_unencrypted", trigger: all(impl("transfer.encrypt_before_upload"), yes("cloud.used"), add("cloud", rec("service", "Drive", "personal_data", true, "encrypted", false))),
		fix: edit("cloud", "encrypted", model.Bool(true))},
	{rule: "backup_offsite_same_place", trigger: all(impl("availability.backup_offsite"), list("availability.backup_where", "same_server")),
		fix: list("availability.backup_where", "same_server", "other_location")},
	{rule: "backup_same_server_only", trigger: list("availability.backup_where", "same_server"),
		fix: list("availability.backup_where", "same_server", "external_drive")},
	{rule: "backup_where_missing", trigger: impl("availability.backup_automatic"),
		fix: list("availability.backup_where", "nas")},
	{rule: "backup_cloud_unencrypted", trigger: list("availability.backup_where", "cloud"),
		fix: impl("availability.backup_encrypted")},
	{rule: "backup_drive_unencrypted", trigger: list("availability.backup_where", "external_drive"),
		fix: impl("crypto.disk_external")},
	{rule: "raid_without_nas", trigger: impl("availability.raid"),
		fix: add("devices", rec("name", "NAS", "kind", "nas"))},
	{rule: "supported_os_unsupported", trigger: all(impl("access_system.supported_os"), add("devices", rec("name", "PC Empfang", "kind", "desktop", "os", "Windows 7 Pro"))),
		fix: edit("devices", "os", model.String("Windows 11 Pro"))},
	{rule: "supported_os_unsupported", trigger: all(impl("access_system.supported_os"), yes("infra.server"), str("infra.server_os", "Debian 9 stretch")),
		fix: no("infra.server")},
	{rule: "os_support_ended", trigger: add("devices", rec("name", "PC Empfang", "kind", "desktop", "os", "Win 7")),
		fix: impl("access_system.supported_os")},
	{rule: "os_support_ending", today: "2025-06-01", trigger: add("devices", rec("name", "PC", "kind", "desktop", "os", "Windows 10 22H2")),
		fix: edit("devices", "os", model.String(""))},
	{rule: "auto_updates_off", trigger: all(impl("access_system.auto_updates"), add("devices", rec("name", "PC", "kind", "desktop", "updates", false))),
		fix: edit("devices", "updates", model.Bool(true))},
	{rule: "malware_missing", trigger: all(impl("access_system.malware_protection"), add("devices", rec("name", "PC", "kind", "desktop"))),
		fix: edit("devices", "malware", model.String("Defender"))},
	{rule: "panel_2fa_mfa_not_done", trigger: all(yes("infra.server"), str("infra.server_panel", "plesk"), impl("access_system.panel_hardening"), status("access_system.mfa", model.StatusPlanned)),
		fix: impl("access_system.mfa")},
	{rule: "ssh_root_login", trigger: all(yes("infra.server"), impl("access_system.ssh_no_root"), add("people", rec("name", "Admin", "access", "Root-Zugang per SSH"))),
		fix: edit("people", "access", model.String("sudo"))},
	{rule: "admins_without_mfa", trigger: add("people", rec("name", "Admin", "admin", true)),
		fix: impl("access_system.mfa")},
	{rule: "external_admin_limits", trigger: all(add("people", rec("name", "Ext", "kind", "external", "admin", true)), add("providers", rec("name", "IT", "access", "admin", "processor", false))),
		fix: impl("processor_control.admin_access")},
	{rule: "external_admin_not_provider", trigger: add("people", rec("name", "Ext", "kind", "freelancer", "admin", true)),
		fix: add("providers", rec("name", "Ext", "access", "admin", "processor", false))},
	{rule: "confidentiality_missing", trigger: all(impl("dp_management.confidentiality_commitment"), add("people", rec("name", "Mia", "kind", "employee"))),
		fix: edit("people", "confidentiality", model.String("2024-01-02"))},
	{rule: "processor_no_contract", trigger: all(impl("processor_control.avv"), add("providers", rec("name", "Host", "processor", true))),
		fix: edit("providers", "avv_signed", model.String("2020-01-01"))},
	{rule: "processor_no_contract_open", trigger: add("providers", rec("name", "Host", "processor", true)),
		fix: edit("providers", "avv_signed", model.String("2020-01-01"))},
	{rule: "processor_tom_unchecked", trigger: all(impl("processor_control.tom_review"), add("providers", rec("name", "Host", "processor", true, "access", "data"))),
		fix: edit("providers", "tom_checked", model.String("2026-01-01"))},
	{rule: "processor_none_registered", trigger: all(impl("processor_control.avv"), add("providers", rec("name", "Bank", "processor", false))),
		fix: edit("providers", "processor", model.Bool(true))},
	{rule: "access_not_classified", trigger: add("providers", rec("name", "Host", "access", "data")),
		fix: edit("providers", "processor", model.Bool(false))},
	{rule: "third_country_no_safeguard", trigger: add("providers", rec("name", "US Inc", "third_country", true)),
		fix: edit("providers", "safeguard", model.String("scc"))},
	{rule: "third_country_guarantees_unchecked", trigger: add("providers", rec("name", "US Inc", "processor", true, "third_country", true, "safeguard", "dpf")),
		fix: impl("processor_control.third_country")},
	{rule: "third_country_measure_no_provider", trigger: all(impl("processor_control.third_country"), yes("cloud.used"), add("cloud", rec("service", "Box", "location", "USA"))),
		fix: add("providers", rec("name", "Box Inc", "third_country", true, "safeguard", "dpf"))},
	{rule: "cloud_processor_no_personal_data", trigger: all(yes("cloud.used"), add("cloud", rec("service", "Drive", "personal_data", false)), add("providers", rec("name", "G", "processor", true, "access", "data", "third_country", true, "safeguard", "dpf"))),
		fix: edit("cloud", "personal_data", model.Bool(true))},
	{rule: "cloud_location_unknown", trigger: all(yes("cloud.used"), add("cloud", rec("service", "Drive", "personal_data", true))),
		fix: edit("cloud", "location", model.String("Deutschland"))},
	{rule: "cloud_personal_no_processor", trigger: all(yes("cloud.used"), add("cloud", rec("service", "Drive", "personal_data", true))),
		fix: add("providers", rec("name", "Drive GmbH", "processor", true))},
	{rule: "starttls_not_recorded", trigger: all(impl("transfer.starttls"), list("email.transport", "implicit_tls")),
		fix: list("email.transport", "starttls", "implicit_tls", "dane")},
	{rule: "starttls_opportunistic", trigger: list("email.transport", "starttls"),
		fix: list("email.transport", "starttls", "mta_sts")},
	{rule: "mail_login_unencrypted", trigger: all(impl("transfer.tls_mail"), no("email.login_encrypted")),
		fix: yes("email.login_encrypted")},
	{rule: "mail_content_encryption_none", trigger: all(impl("crypto.email_content"), str("email.content_encryption", "none")),
		fix: str("email.content_encryption", "smime")},
	{rule: "mail_own_server_without_server", trigger: all(str("email.hosting", "own_server"), no("infra.server")),
		fix: yes("infra.server")},
	{rule: "wifi_not_encrypted", trigger: all(yes("infra.wifi"), impl("access_system.wifi_encrypted"), str("network.wifi_encryption", "open")),
		fix: str("network.wifi_encryption", "wpa3")},
	{rule: "segments_not_separated", trigger: all(impl("separation.network_segments"), no("network.segmentation")),
		fix: yes("network.segmentation")},
	{rule: "remote_without_vpn", trigger: all(impl("access_system.remote_vpn"), str("network.remote_access", "other")),
		fix: str("network.remote_access", "vpn")},
	{rule: "paper_places_without_paper", trigger: all(no("infra.paper"), add("storage", rec("place", "Schrank", "kind", "paper"))),
		fix: yes("infra.paper")},
	{rule: "prepared_by_signatory", trigger: all(str("org.prepared_by", "Erika Muster (Geschäftsführerin)"), str("org.sign_name", "Erika Muster")),
		fix: str("org.prepared_by", "Datenschutzberatung Nord")},
	{rule: "yearly_review_unassessed", trigger: impl("evaluation.yearly_review"),
		fix: impl("privacy_default.minimal_data", "privacy_default.default_settings", "privacy_default.privacy_by_design")},
	{rule: "own_processor_role", trigger: all(yes("infra.server"), impl("separation.processor_data")),
		fix: no("infra.server")},
}

func firedRules(c *model.Catalog, f *model.File, today string) []string {
	var ids []string
	for _, fd := range model.Findings(c, f, today) {
		ids = append(ids, fd.Rule.ID)
	}
	return ids
}

// TestShippedRules runs every shipped rule on answers that trigger it and on
// the same answers with one thing changed so that they no longer do.
func TestShippedRules(t *testing.T) {
	c, err := Standard()
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Rules) < 30 {
		t.Errorf("%d rules, want at least 30", len(c.Rules))
	}
	covered := map[string]bool{}
	for i, tc := range ruleCases {
		t.Run(fmt.Sprintf("%d_%s", i, tc.rule), func(t *testing.T) {
			covered[tc.rule] = true
			today := tc.today
			if today == "" {
				today = "2026-12-06"
			}
			f := model.NewFile(c, model.De)
			tc.trigger(f)
			if got := firedRules(c, f, today); !slices.Contains(got, tc.rule) {
				t.Fatalf("trigger: %s did not fire (fired: %v)", tc.rule, got)
			}
			tc.fix(f)
			if got := firedRules(c, f, today); slices.Contains(got, tc.rule) {
				t.Fatalf("after the fix: %s still fires", tc.rule)
			}
		})
	}
	for _, r := range c.Rules {
		if !covered[r.ID] {
			t.Errorf("rule %s has no test case", r.ID)
		}
	}
	// An empty file gives no finding: every rule needs an answer to hold.
	if got := firedRules(c, model.NewFile(c, model.De), "2026-12-06"); len(got) > 0 {
		t.Errorf("empty file: %v", got)
	}
}

// TestSampleFindings: the reference business shows the contradictions the
// data-protection review found in its document (S1-S12 of
// /work/shared/notes/dpo-review.md).
func TestSampleFindings(t *testing.T) {
	c, err := Standard()
	if err != nil {
		t.Fatal(err)
	}
	f, _, err := model.Load("../testdata/sample/tom.json", c)
	if err != nil {
		t.Fatal(err)
	}
	fs := model.Findings(c, f, "2026-12-06")
	var got []string
	text := map[string]string{}
	for _, fd := range fs {
		got = append(got, fd.Rule.ID)
		text[fd.Rule.ID] = fd.Text.De
	}
	want := []string{
		"crypto_server_unencrypted", // S1
		// S2's NAS encryption is no longer asked: the sample's device kinds
		// (infra.device_kinds) have no NAS; crypto_nas_missing still fires for
		// files that do not answer that question (tested with its own file).
		"backup_offsite_same_place",        // S7
		"raid_without_nas",                 // S2
		"supported_os_unsupported",         // S3
		"malware_missing",                  // the iMac has no malware protection entered
		"panel_2fa_mfa_not_done",           // S4
		"ssh_root_login",                   // S9
		"admins_without_mfa",               // people with root, MFA planned
		"processor_tom_unchecked",          // S5
		"cloud_processor_no_personal_data", // S6
		"starttls_opportunistic",           // S8
		"prepared_by_signatory",            // S10
		"yearly_review_unassessed",         // S11
		"own_processor_role",               // S12
		"expected_measures_open",           // unclear measures expected at level hoch
	}
	if !slices.Equal(got, want) {
		t.Errorf("findings\n got %v\nwant %v", got, want)
	}
	for id, sub := range map[string]string{
		"supported_os_unsupported": "Arbeitsplatz-PC Grafik: Windows 10 (Sicherheitsupdates endeten am 14.10.2025)",
		"processor_tom_unchecked":  "united-domains Reselling GmbH, Haufe-Lexware GmbH & Co. KG, Katarzyna Nowak – PHP- und Datenbankentwicklung, Buchhaltungsbüro Sabine Groß, Google Ireland Limited, Dropbox International Unlimited Company.",
		"ssh_root_login":           "Jörg Krüger, Jürgen Weiß.",
	} {
		if !strings.Contains(text[id], sub) {
			t.Errorf("%s: %q lacks %q", id, text[id], sub)
		}
	}
}

// BenchmarkFindings evaluates every shipped rule on the reference business
// with 1,000 service providers and 100 devices (issue 10: under 5 ms).
func BenchmarkFindings(b *testing.B) {
	c, err := Standard()
	if err != nil {
		b.Fatal(err)
	}
	f, _, err := model.Load("../testdata/sample/tom.json", c)
	if err != nil {
		b.Fatal(err)
	}
	var provs, devs []model.Record
	for i := 0; i < 1000; i++ {
		provs = append(provs, rec("id", fmt.Sprintf("p%d", i), "name", fmt.Sprintf("Anbieter %d GmbH", i), "category", "software",
			"access", "data", "processor", true, "avv_signed", "2024-05-20", "third_country", i%10 == 0, "safeguard", "scc"))
	}
	oses := []string{"Windows 10 Pro", "Windows 11 23H2", "macOS 12 Monterey", "Ubuntu 22.04 LTS", "Debian 12", "iOS 17"}
	for i := 0; i < 100; i++ {
		devs = append(devs, rec("id", fmt.Sprintf("d%d", i), "name", fmt.Sprintf("Gerät %d", i), "kind", "desktop", "os", oses[i%len(oses)], "encryption", "none"))
	}
	f.Set("providers", model.Records(provs...))
	f.Set("devices", model.Records(devs...))
	if len(model.Findings(c, f, "2026-12-06")) == 0 {
		b.Fatal("no findings")
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		model.Findings(c, f, "2026-12-06")
	}
}

// TestContractCheckMigration (issue 10 item 4): a file written with
// catalogue 1.0.0, when "AV-Vertrag geschlossen am" was re-checked every
// year, loads under the current catalogue unchanged: the signing date stays
// as the fact it is and is never due; the new "AV-Vertrag zuletzt geprüft
// am" and the TOM check are due for every processor with access that has no
// check date, and due again a review interval after the date given.
func TestContractCheckMigration(t *testing.T) {
	c, err := Standard()
	if err != nil {
		t.Fatal(err)
	}
	old := `{"schema": 1, "catalog": {"id": "tom-standard", "version": "1.0.0"}, "language": "de",
 "answers": {"providers": [
  {"id": "r1", "name": "Hoster AG", "access": "data", "processor": true, "avv_signed": "2018-05-20", "tom_checked": "2026-10-01"},
  {"id": "r2", "name": "Bank AG", "access": "none", "processor": false},
  {"id": "r3", "name": "Freelancerin", "access": "admin", "processor": true, "avv_signed": "2019-01-01"},
  {"id": "r4", "name": "Druckerei", "access": "none", "processor": true, "avv_signed": "2020-01-01"}]},
 "measures": {}, "progress": {}, "review": {}}`
	f, mig, err := model.Parse("old.json", []byte(old), c)
	if err != nil {
		t.Fatal(err)
	}
	if mig.From != "1.0.0" || mig.To != c.Version || f.Catalog.Version != c.Version {
		t.Errorf("migration %+v", mig)
	}
	recs := f.Get("providers").Records()
	if recs[0].Get("avv_signed").Str() != "2018-05-20" || recs[0].Get("avv_checked").IsSet() {
		t.Errorf("the signing date must stay where it is, and no check date be invented: %v", recs[0])
	}
	var got []string
	for _, d := range model.Due(c, f, "2026-12-06") {
		got = append(got, d.Record+"/"+d.Field.ID+"/"+d.Date)
	}
	want := []string{"r1/avv_checked/", "r3/avv_checked/", "r3/tom_checked/"}
	if !slices.Equal(got, want) {
		t.Errorf("due %v, want %v", got, want)
	}
	// Once checked, a contract is due again after the review interval; the
	// signing date of 2018 never is.
	recs[0]["avv_checked"] = model.String("2026-11-01")
	recs[2]["avv_checked"] = model.String("2025-11-01")
	recs[2]["tom_checked"] = model.String("2026-11-01")
	got = nil
	for _, d := range model.Due(c, f, "2026-12-06") {
		got = append(got, d.Record+"/"+d.Field.ID+"/"+d.Date)
	}
	if want := []string{"r3/avv_checked/2025-11-01"}; !slices.Equal(got, want) {
		t.Errorf("due %v, want %v", got, want)
	}
	if probs := model.Validate(c, f); len(probs) > 0 {
		t.Errorf("migrated file does not validate: %v", probs)
	}
}
