package legal

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	"gopkg.in/yaml.v3"
)

// file is the YAML shape (defaults.yaml shows it with comments).
type file struct {
	Controller struct {
		Name               string `yaml:"name"`
		OrganisationNumber string `yaml:"organisation_number"`
		Address            string `yaml:"address"`
		Email              string `yaml:"email"`
	} `yaml:"controller"`
	DPO struct {
		Email string `yaml:"email"`
	} `yaml:"data_protection_officer"`
	RequestsEmail string            `yaml:"requests_email"`
	LegalBasis    map[string]string `yaml:"legal_basis"`
	Retention     struct {
		HistoryDays    int `yaml:"history_days"`
		MailDays       int `yaml:"mail_days"`
		ChangeLogYears int `yaml:"change_log_years"`
		AnswererYears  int `yaml:"answerer_years"`
	} `yaml:"retention"`
	Accessibility struct {
		Status       string   `yaml:"status"`
		Shortcomings []string `yaml:"shortcomings"`
		ReportEmail  string   `yaml:"report_email"`
		Method       string   `yaml:"method"`
		Assessed     string   `yaml:"assessed"`
		Published    string   `yaml:"published"`
		Reviewed     string   `yaml:"reviewed"`
	} `yaml:"accessibility"`
}

// Parse reads facts from YAML over the embedded defaults (a field the data leaves out keeps
// its default; nil data gives the defaults), then checks them. A misspelt field is an error.
func Parse(data []byte) (Facts, error) {
	var raw file
	for _, doc := range [][]byte{defaults, data} {
		if len(bytes.TrimSpace(doc)) == 0 {
			continue
		}
		dec := yaml.NewDecoder(bytes.NewReader(doc))
		dec.KnownFields(true)
		if err := dec.Decode(&raw); err != nil && !errors.Is(err, io.EOF) {
			return Facts{}, fmt.Errorf("the legal facts: %w", err)
		}
	}
	return raw.facts()
}

func (raw file) facts() (Facts, error) {
	c := raw.Controller
	f := Facts{
		Controller: Controller{Name: strings.TrimSpace(c.Name), OrganisationNumber: strings.TrimSpace(c.OrganisationNumber),
			Address: strings.TrimSpace(c.Address), Email: strings.TrimSpace(c.Email)},
		DPOEmail: strings.TrimSpace(raw.DPO.Email), RequestsEmail: strings.TrimSpace(raw.RequestsEmail),
		Retention: Retention{HistoryDays: raw.Retention.HistoryDays, MailDays: raw.Retention.MailDays, ChangeLogYears: raw.Retention.ChangeLogYears,
			AnswererYears: raw.Retention.AnswererYears},
		Basis: map[Purpose]Basis{},
	}
	if f.Controller.Name == "" {
		return Facts{}, &Error{Field: "controller.name", Problem: "the organisation responsible for the personal data must be named"}
	}
	for _, e := range [][2]string{{"controller.email", f.Controller.Email}, {"data_protection_officer.email", f.DPOEmail},
		{"requests_email", f.RequestsEmail}, {"accessibility.report_email", strings.TrimSpace(raw.Accessibility.ReportEmail)}} {
		if err := checkEmail(e[0], e[1]); err != nil {
			return Facts{}, err
		}
	}
	// In order of the names, so that a file with several mistakes is told of the same one first.
	names := make([]string, 0, len(raw.LegalBasis))
	for name := range raw.LegalBasis {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		v := raw.LegalBasis[name]
		p, b := Purpose(strings.TrimSpace(name)), Basis(strings.ToLower(strings.TrimSpace(v)))
		if !known(Purposes, p) {
			return Facts{}, &Error{Field: "legal_basis." + name, Problem: fmt.Sprintf("unknown purpose; the purposes are %s", list(Purposes))}
		}
		if !known(bases, b) {
			return Facts{}, &Error{Field: "legal_basis." + name, Problem: fmt.Sprintf("%q is not a legal basis; use one of %s", v, list(bases))}
		}
		f.Basis[p] = b
	}
	r := f.Retention
	if r.HistoryDays < 1 || r.MailDays < 1 || r.ChangeLogYears < 1 || r.AnswererYears < 1 {
		return Facts{}, &Error{Field: "retention", Problem: "history_days, mail_days, change_log_years and answerer_years must each be at least 1"}
	}
	a, err := raw.accessibility()
	if err != nil {
		return Facts{}, err
	}
	f.Accessibility = a
	return f, nil
}

var bases = []Basis{PublicTask, LegitimateInterests, LegalObligation, Contract, Consent}
var statuses = []Status{Full, Partial, None}

func (raw file) accessibility() (Accessibility, error) {
	in := raw.Accessibility
	a := Accessibility{Status: Status(strings.ToLower(strings.TrimSpace(in.Status))), ReportEmail: strings.TrimSpace(in.ReportEmail),
		Method: strings.TrimSpace(in.Method)}
	if !known(statuses, a.Status) {
		return Accessibility{}, &Error{Field: "accessibility.status", Problem: fmt.Sprintf("%q must be one of %s", in.Status, list(statuses))}
	}
	for _, s := range in.Shortcomings {
		if s = strings.TrimSpace(s); s != "" {
			a.Shortcomings = append(a.Shortcomings, s)
		}
	}
	if a.Status != Full && len(a.Shortcomings) == 0 {
		return Accessibility{}, &Error{Field: "accessibility.shortcomings", Problem: "a site that does not fully comply must say what does not work"}
	}
	for _, d := range []struct {
		field, v string
		to       *time.Time
	}{{"accessibility.assessed", in.Assessed, &a.Assessed}, {"accessibility.published", in.Published, &a.Published}, {"accessibility.reviewed", in.Reviewed, &a.Reviewed}} {
		t, err := time.Parse(time.DateOnly, strings.TrimSpace(d.v))
		if err != nil {
			return Accessibility{}, &Error{Field: d.field, Problem: fmt.Sprintf("%q must be a date such as 2026-11-30", d.v)}
		}
		*d.to = t
	}
	return a, nil
}

func known[T comparable](all []T, v T) bool {
	for _, a := range all {
		if a == v {
			return true
		}
	}
	return false
}

func list[T ~string](all []T) string {
	s := make([]string, len(all))
	for i, a := range all {
		s[i] = string(a)
	}
	return strings.Join(s, ", ")
}
