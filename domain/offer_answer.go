package domain

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// AnswerChoice is a municipality's yes or no.
type AnswerChoice string

const (
	AnswerYes AnswerChoice = "yes"
	AnswerNo  AnswerChoice = "no"
)

// AnswerSource says how an answer was entered.
type AnswerSource string

const (
	SourceLink   AnswerSource = "link"   // by the municipality through its signed answer link
	SourceOffice AnswerSource = "office" // by the programme office on the municipality's behalf
)

// Limits that keep one answer (and so the round's state) small.
const (
	MaxAnswersPerBatch = 300
	maxNameLength      = 200
	maxCommentLength   = 2000
	maxSubmissionID    = 100
)

// AnswerInput is one answer as a form or the CLI submits it.
type AnswerInput struct {
	Municipality string       `json:"municipality"` // code, for example "0180"
	Answer       AnswerChoice `json:"answer"`
	Name         string       `json:"name"` // the person answering
	Role         string       `json:"role"` // their role in the municipality
	Comment      string       `json:"comment,omitempty"`
	// SubmissionID is unique per form submission; submitting it again changes nothing.
	SubmissionID string `json:"submission_id"`
}

// SubmitAnswers is a batch of answers. A web server gathers concurrent answers into one
// batch; the CLI sends a batch of one. By says who sends: role municipality (an answer link,
// recorded as entered by link) or office (recorded as entered by the office, with who).
type SubmitAnswers struct {
	Meta
	Answers []AnswerInput `json:"answers"`
}

// Validate rejects a malformed batch as a whole; problems of single answers are reported per
// answer by Submit.
func (b SubmitAnswers) Validate() error {
	if err := b.By.Validate(ActAnswer.Roles()...); err != nil {
		return err
	}
	if len(b.Answers) == 0 {
		return missing("answers")
	}
	if len(b.Answers) > MaxAnswersPerBatch {
		return invalid("answers", fmt.Sprint(len(b.Answers))).hint("max_per_call", "max", fmt.Sprint(MaxAnswersPerBatch))
	}
	return nil
}

func (b SubmitAnswers) source() AnswerSource {
	if b.By.Role == RoleOffice {
		return SourceOffice
	}
	return SourceLink
}

// AnswerVersion is one accepted version of a municipality's answer; none is ever removed.
type AnswerVersion struct {
	Municipality string       `json:"municipality"`
	Version      int          `json:"version"` // 1, 2, ... per municipality
	Answer       AnswerChoice `json:"answer"`
	Name         string       `json:"name"`
	Role         string       `json:"role"`
	Comment      string       `json:"comment,omitempty"`
	Source       AnswerSource `json:"source"`
	EnteredBy    string       `json:"entered_by"` // the sender's id (the office user, or the web server)
	SubmissionID string       `json:"submission_id"`
	At           time.Time    `json:"at"`
	// Late is set on answers accepted after the deadline (only a yes is).
	Late bool `json:"late,omitempty"`
}

// AnswerResult is the outcome of one answer of a batch: accepted with its version, or
// rejected with a typed error. Duplicate marks a repeated submission ID (nothing changed).
type AnswerResult struct {
	Municipality string           `json:"municipality"`
	SubmissionID string           `json:"submission_id"`
	Accepted     bool             `json:"accepted"`
	Duplicate    bool             `json:"duplicate,omitempty"`
	Version      int              `json:"version,omitempty"`
	Late         bool             `json:"late,omitempty"`
	At           time.Time        `json:"at,omitempty"` // when the version was recorded (real time)
	Error        *ValidationError `json:"error,omitempty"`
}

// Submit applies a batch in order and returns one result per answer. Rejected answers
// change nothing. The batch itself must be valid (see Validate).
func (r *OfferRound) Submit(b SubmitAnswers, now time.Time) []AnswerResult {
	out := make([]AnswerResult, len(b.Answers))
	for i, a := range b.Answers {
		out[i] = r.submit(a, b, now)
	}
	return out
}

func (r *OfferRound) submit(a AnswerInput, b SubmitAnswers, now time.Time) AnswerResult {
	res := AnswerResult{Municipality: a.Municipality, SubmissionID: a.SubmissionID}
	if v, ok, err := r.earlierSubmission(a); err != nil || ok {
		if err != nil {
			res.Error = err
			return res
		}
		res.Accepted, res.Duplicate, res.Version, res.Late, res.At = true, true, v.Version, v.Late, v.At
		return res
	}
	late, err := r.check(a, now)
	if err != nil {
		res.Error = err
		return res
	}
	v := AnswerVersion{
		Municipality: a.Municipality, Version: r.versions(a.Municipality) + 1, Answer: a.Answer,
		Name: strings.TrimSpace(a.Name), Role: strings.TrimSpace(a.Role), Comment: strings.TrimSpace(a.Comment),
		Source: b.source(), EnteredBy: b.By.ID, SubmissionID: a.SubmissionID, At: now, Late: late,
	}
	r.Answers = append(r.Answers, v)
	r.Revision++
	r.liftIfMet(now)
	res.Accepted, res.Version, res.Late, res.At = true, v.Version, late, now
	return res
}

// earlierSubmission finds an answer already accepted under the same submission ID. The same
// ID for another municipality is refused: a submission belongs to one municipality.
func (r *OfferRound) earlierSubmission(a AnswerInput) (AnswerVersion, bool, *ValidationError) {
	if a.SubmissionID == "" {
		return AnswerVersion{}, false, nil
	}
	for _, v := range r.Answers {
		if v.SubmissionID == a.SubmissionID {
			if v.Municipality != a.Municipality {
				return AnswerVersion{}, false, invalid("submission_id", a.SubmissionID).hint("submission_other_municipality")
			}
			return v, true, nil
		}
	}
	return AnswerVersion{}, false, nil
}

// Validate checks an answer's own fields (not yet against a round), so a form or the CLI
// can say what is missing before sending.
func (a AnswerInput) Validate() error {
	if err := a.validate(); err != nil {
		return err
	}
	return nil
}

func (a AnswerInput) validate() *ValidationError {
	if strings.TrimSpace(a.Municipality) == "" {
		return missing("municipality")
	}
	switch a.Answer {
	case AnswerYes, AnswerNo:
	case "":
		return missing("answer")
	default:
		return invalid("answer", string(a.Answer)).hint("choose_answer")
	}
	for _, f := range []struct {
		name, value string
		max         int
		need        bool
	}{
		{"name", a.Name, maxNameLength, true}, {"role", a.Role, maxNameLength, true},
		{"comment", a.Comment, maxCommentLength, false}, {"submission_id", a.SubmissionID, maxSubmissionID, true},
	} {
		if f.need && strings.TrimSpace(f.value) == "" {
			return missing(f.name)
		}
		if n := utf8.RuneCountInString(f.value); n > f.max || !utf8.ValidString(f.value) {
			return invalid(f.name, fmt.Sprint(n)).hint("max_chars", "max", fmt.Sprint(f.max))
		}
	}
	return nil
}

// check validates one answer against the round at real time now and says whether it is late.
func (r *OfferRound) check(a AnswerInput, now time.Time) (bool, *ValidationError) {
	if r.Closed {
		return false, &ValidationError{Code: CodeClosed, Detail: "offer_round"}
	}
	if strings.TrimSpace(a.Municipality) != "" {
		if _, ok := r.Municipality(a.Municipality); !ok {
			return false, &ValidationError{Code: CodeUnknownMunicipality, Field: "municipality", Detail: a.Municipality}
		}
	}
	if err := a.validate(); err != nil {
		return false, err
	}
	late := r.pastDeadline(now)
	if late && a.Answer == AnswerNo {
		return false, &ValidationError{Code: CodeDeadlinePassed, Field: "answer",
			Detail: r.Deadline.In(Stockholm()).Format("2006-01-02 15:04")}
	}
	return late, nil
}

// versions counts the accepted versions of a municipality's answer.
func (r *OfferRound) versions(code string) int {
	n := 0
	for _, v := range r.Answers {
		if v.Municipality == code {
			n++
		}
	}
	return n
}

// Latest returns each answering municipality's latest answer with its number of versions,
// in municipality code order.
func (r *OfferRound) Latest() []LatestAnswer {
	latest := r.latestWhere(func(AnswerVersion) bool { return true })
	out := make([]LatestAnswer, 0, len(latest))
	for _, m := range r.Municipalities {
		if v, ok := latest[m.Code]; ok {
			out = append(out, LatestAnswer{AnswerVersion: v, Versions: r.versions(m.Code)})
		}
	}
	return out
}

// LatestAnswer is a municipality's current answer.
type LatestAnswer struct {
	AnswerVersion
	Versions int `json:"versions"`
}

// latestWhere maps each municipality to its latest version among those include accepts.
func (r *OfferRound) latestWhere(include func(AnswerVersion) bool) map[string]AnswerVersion {
	latest := make(map[string]AnswerVersion, len(r.Municipalities))
	for _, v := range r.Answers {
		if include(v) {
			latest[v.Municipality] = v
		}
	}
	return latest
}
