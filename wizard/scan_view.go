package wizard

import (
	"strings"

	"github.com/tom-dsgvo/tom/wizard/scanning"
)

// screenScanOffer is the first screen of a new interview when the caller
// offers the scan (Options.OfferScan). It is outside the iota range of the
// other screens so that new screens never collide with it.
const screenScanOffer = -1

// startScan runs once when the wizard starts: it shows the offer, or the
// result of a scan the caller ran before (tom interview --scan).
func (m *Model) startScan() {
	switch {
	case m.o.ScanSummary != nil:
		m.notice = scanning.NoticeText(*m.o.ScanSummary, m.o.Today, m.lang)
	case m.o.OfferScan && m.o.Scan != nil:
		m.screen = screenScanOffer
	}
}

// offerKey handles a key on the offer screen: j/y accepts, n or Esc
// declines, ←/→ move between the buttons, Enter takes the focused one.
func (m *Model) offerKey(k string) {
	switch k {
	case "left", "right", "tab", "shift+tab", "h", "l":
		m.offerNo = !m.offerNo
	case "j", "J", "y", "Y":
		m.answerOffer(true)
	case "n", "N", "esc":
		m.answerOffer(false)
	case "enter", "space":
		m.answerOffer(!m.offerNo)
	}
}

// answerOffer runs the scan (yes) or not (no), saves, and starts the first
// step. Either way progress is saved, so the offer is not made again.
func (m *Model) answerOffer(yes bool) {
	m.screen = screenStep
	if !yes {
		m.save()
		m.notice = scanning.Msg.Get(m.lang, "declined")
		return
	}
	sum, err := m.o.Scan(m.f)
	if err != nil {
		m.save()
		m.notice = scanning.Msg.Get(m.lang, "scan_failed", err)
		return
	}
	m.save()
	// Build the step again: its items and marks now see the detections.
	m.enterSection(m.sec, +1)
	m.notice = scanning.NoticeText(sum, m.o.Today, m.lang)
}

// offerBody is the offer: the question, what the check does, two buttons.
func (m *Model) offerBody(w int) string {
	l := m.lang
	yes, no := " "+scanning.Msg.Get(l, "offer_yes")+" ", " "+scanning.Msg.Get(l, "offer_no")+" "
	if m.offerNo {
		no = styleCursor.Render(no)
	} else {
		yes = styleCursor.Render(yes)
	}
	var b strings.Builder
	b.WriteString(styleTitle.Render(wrapText(scanning.Msg.Get(l, "offer_title"), w)))
	b.WriteString("\n\n")
	b.WriteString(wrapText(scanning.Msg.Get(l, "offer_body"), w))
	b.WriteString("\n\n")
	b.WriteString(wrapText(scanning.Msg.Get(l, "offer_later"), w))
	b.WriteString("\n\n")
	b.WriteString(yes + "   " + no)
	return b.String()
}
