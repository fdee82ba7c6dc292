// Package legal holds the facts the law asks the site to publish: who is responsible for the
// personal data, why and how long it is kept, where to ask for access or erasure (the GDPR),
// and the accessibility statement (lagen om tillgänglighet till digital offentlig service).
// The facts are configuration: embedded demo defaults, overridden field by field by a file.
package legal

import (
	_ "embed"
	"fmt"
	"net/mail"
	"os"
	"strings"
	"time"
)

//go:embed defaults.yaml
var defaults []byte

// Facts are the parsed, checked facts.
type Facts struct {
	Controller    Controller
	DPOEmail      string // the data protection officer
	RequestsEmail string // where people ask for access, correction and erasure
	// Basis is the legal basis of each purpose (Purposes), as the operator decided it.
	Basis         map[Purpose]Basis
	Retention     Retention
	Accessibility Accessibility
}

// Controller is the organisation responsible for the personal data.
type Controller struct {
	Name, OrganisationNumber, Address, Email string
}

// Retention are the periods the pages state; the worker enforces MailDays and ChangeLogYears,
// each offer round AnswererYears (after it closes, in its own state), Temporal's namespace
// retention HistoryDays.
type Retention struct {
	HistoryDays, MailDays, ChangeLogYears, AnswererYears int
}

// MailAge is how old a sent e-mail's recipients and contents may become.
func (r Retention) MailAge() time.Duration { return time.Duration(r.MailDays) * 24 * time.Hour }

// ChangeLogCutoff is the oldest instant of the change log kept at now: calendar years back.
func (r Retention) ChangeLogCutoff(now time.Time) time.Time {
	return now.AddDate(-r.ChangeLogYears, 0, 0)
}

// Accessibility is the accessibility statement's facts.
type Accessibility struct {
	Status       Status
	Shortcomings []string
	ReportEmail  string
	Method       string
	// Assessed, Published and Reviewed are dates (midnight UTC).
	Assessed, Published, Reviewed time.Time
}

// Purpose is why personal data is kept.
type Purpose string

// Purposes, in the order the privacy page lists them.
const (
	Answers   Purpose = "answers"   // the names, roles and comments of those who answer offers
	Proposals Purpose = "proposals" // the proposer's contact on a need
	Registers Purpose = "registers" // the address registers and their change log
	Mail      Purpose = "mail"      // e-mails sent
	Console   Purpose = "console"   // the signed-in staff's sessions
)

// Purposes lists every purpose.
var Purposes = []Purpose{Answers, Proposals, Registers, Mail, Console}

// Basis is a legal basis of the GDPR's article 6.
type Basis string

// The bases.
const (
	PublicTask          Basis = "public_task"
	LegitimateInterests Basis = "legitimate_interests"
	LegalObligation     Basis = "legal_obligation"
	Contract            Basis = "contract"
	Consent             Basis = "consent"
)

// Status is how the site complies with the accessibility law.
type Status string

// The statuses.
const (
	Full    Status = "full"
	Partial Status = "partial"
	None    Status = "none"
)

// Default returns the embedded demo facts.
func Default() Facts {
	f, err := Parse(nil)
	if err != nil {
		panic("legal: the embedded defaults do not parse: " + err.Error())
	}
	return f
}

// Load reads a facts file over the defaults; an empty path gives the defaults.
func Load(path string) (Facts, error) {
	if path == "" {
		return Default(), nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return Facts{}, err
	}
	f, err := Parse(data)
	if err != nil {
		return Facts{}, fmt.Errorf("%s: %w", path, err)
	}
	return f, nil
}

// Error says which field of the facts is wrong and what it must be.
type Error struct {
	Field, Problem string
}

func (e *Error) Error() string { return e.Field + ": " + e.Problem }

func checkEmail(field, v string) error {
	a, err := mail.ParseAddress(v)
	if err != nil || a.Name != "" || !strings.Contains(a.Address, "@") {
		return &Error{Field: field, Problem: fmt.Sprintf("%q must be an e-mail address such as dataskydd@skr.se", v)}
	}
	return nil
}
