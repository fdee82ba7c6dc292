// Package consolepath builds the addresses of the console's pages. The console links to them
// and the e-mails send people to them; one place knows them, so that a link in a reminder
// cannot drift from the page it means (the e2e sweep in e2e/mail_links_test.go opens every
// link the e-mails carry, as their recipients and as anyone else).
package consolepath

import (
	"net/url"
	"strconv"

	"github.com/skr/handslag/contacts"
	"github.com/skr/handslag/domain"
)

// Root is the console's start page; every page is under it.
const Root = "/konsol/"

// Initiative is an initiative's page, its whole record.
func Initiative(id string) string { return Root + "initiativ/" + url.PathEscape(id) }

// Action is the form of one action on an initiative (its slug: "beslut", "rapport", ...).
func Action(id, slug string) string { return Initiative(id) + "/" + slug }

// Decision is the leadership's decision form at the gate the initiative waits at.
func Decision(id string) string { return Action(id, "beslut") }

// Report is where the owner organisation (or the office) enters an implementation's report.
func Report(id string) string { return Action(id, "rapport") }

// OfferDashboard is the offer round's live dashboard for the office and the leadership.
func OfferDashboard(id string) string { return Initiative(id) + "/erbjudande" }

// Cycle is the annual cycle's page: its phase, the ranking and the lists.
func Cycle(year int) string { return Root + "cykel/" + strconv.Itoa(year) }

// Gate is the leadership's decision page at one of the cycle's gates.
func Gate(year int, g domain.Gate) string { return Cycle(year) + "/beslut/" + GateSlug(g) }

// MemberList is one member's February list of priorities.
func MemberList(year int, member string) string {
	return Cycle(year) + "/lista?medlem=" + url.QueryEscape(member)
}

// MemberValuation is one member's May valuation of the quick analyses.
func MemberValuation(year int, member string) string {
	return Cycle(year) + "/vardering?medlem=" + url.QueryEscape(member)
}

// Proposal is a need proposed on the public form, where the office decides on it.
func Proposal(id string) string { return Root + "forslag/" + url.PathEscape(id) }

// Addresses is the address register of one kind of party.
func Addresses(k contacts.Kind) string { return Root + "adresser/" + KindSlug(k) }

// gateSlugs are the gates' names in addresses.
var gateSlugs = []struct {
	gate domain.Gate
	slug string
}{{domain.GateQuickAnalysis, "snabbanalys"}, {domain.GateQualification, "kvalificering"}, {domain.GateOffer, "erbjudande"}}

// GateSlug is the gate's name in addresses ("" for no gate).
func GateSlug(g domain.Gate) string {
	for _, s := range gateSlugs {
		if s.gate == g {
			return s.slug
		}
	}
	return ""
}

// GateBySlug is the gate an address names.
func GateBySlug(slug string) (domain.Gate, bool) {
	for _, s := range gateSlugs {
		if s.slug == slug {
			return s.gate, true
		}
	}
	return "", false
}

// GateOfPhase is the gate the cycle waits at in a phase, if it waits at one.
func GateOfPhase(ph domain.CyclePhase) (domain.Gate, bool) {
	for _, g := range domain.Gates {
		if domain.GatePhase(g) == ph {
			return g, true
		}
	}
	return "", false
}

// kindSlugs are the kinds of party's names in addresses.
var kindSlugs = []struct {
	kind contacts.Kind
	slug string
}{{contacts.Municipality, "kommuner"}, {contacts.Member, "medlemmar"}, {contacts.Owner, "agare"}}

// KindSlug is the kind's name in addresses.
func KindSlug(k contacts.Kind) string {
	for _, s := range kindSlugs {
		if s.kind == k {
			return s.slug
		}
	}
	return ""
}

// KindBySlug is the kind an address names.
func KindBySlug(slug string) (contacts.Kind, bool) {
	for _, s := range kindSlugs {
		if s.slug == slug {
			return s.kind, true
		}
	}
	return "", false
}
