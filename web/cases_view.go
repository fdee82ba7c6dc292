package web

import (
	"strings"
	"time"

	"github.com/skr/handslag/domain"
	"github.com/skr/handslag/i18n"
)

// caseView is one case as the case list publishes it: the same fields in the page, the JSON
// and the CSV. Codes are stable (for programs); texts are plain Swedish (for people). Dates
// are local calendar dates, 2006-01-02.
type caseView struct {
	ID             string         `json:"id"`
	Title          string         `json:"title"`
	Stage          domain.Stage   `json:"stage"`
	StageText      string         `json:"stage_text"`
	Step           int            `json:"step"`
	Closed         bool           `json:"closed"`
	Owner          domain.Owner   `json:"owner"`
	Assisting      []domain.Owner `json:"assisting"`
	Year           int            `json:"year"`
	Registered     string         `json:"registered"`
	LatestDecision *decisionView  `json:"latest_decision"`
	NextMilestone  *milestoneView `json:"next_milestone"`
	Outcome        *outcomeView   `json:"outcome"`
	Demo           bool           `json:"demo"`
	AssistingText  string         `json:"-"`
}

type decisionView struct {
	Gate     domain.Gate    `json:"gate"`
	Verdict  domain.Verdict `json:"verdict"`
	Text     string         `json:"text"`
	Body     domain.Role    `json:"body"`
	BodyText string         `json:"body_text"`
	Date     string         `json:"date"`
	At       time.Time      `json:"-"`
}

type milestoneView struct {
	Kind   domain.MilestoneKind `json:"kind"`
	Season domain.Season        `json:"season,omitempty"`
	Text   string               `json:"text"`
	Date   string               `json:"date"`
	At     time.Time            `json:"-"`
}

type outcomeView struct {
	Stage    domain.Stage `json:"stage"`
	Text     string       `json:"text"`
	Body     domain.Role  `json:"body"`
	BodyText string       `json:"body_text"`
	Date     string       `json:"date"`
	At       time.Time    `json:"-"`
}

// viewCase turns a summary into what the list shows, in lang and the zone loc.
func viewCase(lang i18n.Lang, loc *time.Location, s domain.CaseSummary) caseView {
	t := func(key string, args ...any) string { return i18n.T(lang, key, args...) }
	date := func(at time.Time) string { return at.In(loc).Format(time.DateOnly) }
	v := caseView{ID: s.ID, Title: s.Title, Stage: s.Stage, StageText: t("stage." + string(s.Stage)), Step: s.Step,
		Closed: s.Stage.Closed(), Owner: s.Owner, Assisting: s.Assisting, Year: s.Year, Registered: date(s.Registered), Demo: s.Demo}
	if v.Assisting == nil {
		v.Assisting = []domain.Owner{}
	}
	if len(s.Assisting) > 0 {
		names := make([]string, len(s.Assisting))
		for i, o := range s.Assisting {
			names[i] = string(o)
		}
		v.AssistingText = t("cases.assisting", "owners", strings.Join(names, ", "))
	}
	if d := s.LatestDecision; d != nil {
		v.LatestDecision = &decisionView{Gate: d.Gate, Verdict: d.Verdict, Body: d.Body, At: d.At, Date: date(d.At),
			Text: t("cases.decision." + string(d.Gate) + "." + string(d.Verdict)), BodyText: t("cases.body." + string(d.Body))}
	}
	if m := s.NextMilestone; m != nil {
		v.NextMilestone = &milestoneView{Kind: m.Kind, Season: m.Season, At: m.At, Date: date(m.At),
			Text: t("cases.milestone."+string(m.Kind), "season", t("season."+string(m.Season)), "what", m.What)}
	}
	if o := s.Outcome; o != nil {
		what := "cases.outcome." + string(o.Stage)
		text := t("stage." + string(o.Stage)) // a closing stage without its own outcome text
		if i18n.Has(lang, what) {
			text = t("cases.outcome", "text", t(what))
		}
		v.Outcome = &outcomeView{Stage: o.Stage, Text: text, Body: o.Body, BodyText: t("cases.body." + string(o.Body)),
			At: o.At, Date: date(o.At)}
	}
	return v
}

// casesCSVHeader names the CSV's columns: the JSON's fields, flattened.
var casesCSVHeader = []string{
	"id", "title", "stage", "stage_text", "step", "closed", "owner", "assisting", "year", "registered",
	"latest_decision_gate", "latest_decision_verdict", "latest_decision_text", "latest_decision_body",
	"latest_decision_body_text", "latest_decision_date",
	"next_milestone_kind", "next_milestone_season", "next_milestone_text", "next_milestone_date",
	"outcome_stage", "outcome_text", "outcome_body", "outcome_body_text", "outcome_date", "demo",
}

// csvRow is one case as a CSV row, in the header's order. Free text is made safe for
// spreadsheets (domain.SpreadsheetCell).
func (v caseView) csvRow() []string {
	cell := domain.SpreadsheetCell
	assisting := make([]string, len(v.Assisting))
	for i, o := range v.Assisting {
		assisting[i] = string(o)
	}
	row := []string{v.ID, cell(v.Title), string(v.Stage), v.StageText, itoa(v.Step), btoa(v.Closed), string(v.Owner),
		strings.Join(assisting, ";"), itoa(v.Year), v.Registered}
	if d := v.LatestDecision; d != nil {
		row = append(row, string(d.Gate), string(d.Verdict), d.Text, string(d.Body), d.BodyText, d.Date)
	} else {
		row = append(row, "", "", "", "", "", "")
	}
	if m := v.NextMilestone; m != nil {
		row = append(row, string(m.Kind), string(m.Season), m.Text, m.Date)
	} else {
		row = append(row, "", "", "", "")
	}
	if o := v.Outcome; o != nil {
		row = append(row, string(o.Stage), o.Text, string(o.Body), o.BodyText, o.Date)
	} else {
		row = append(row, "", "", "", "", "")
	}
	return append(row, btoa(v.Demo))
}
