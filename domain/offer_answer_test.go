package domain

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func local(y int, m time.Month, d, h, min int) time.Time {
	return time.Date(y, m, d, h, min, 0, 0, Stockholm())
}

// testRound has four municipalities of 40, 30, 20 and 10 inhabitants, a deadline on
// 1 April 2027 at 17:00 and a late period to 1 July.
func testRound(t *testing.T) *OfferRound {
	t.Helper()
	r, err := NewOfferRound(OfferSetup{
		InitiativeID: "bygglov",
		Content:      OfferContent{InitiativeID: "bygglov", Title: "Bygglov", What: "En e-tjänst"},
		Seminar:      local(2027, 3, 1, 13, 0), Deadline: local(2027, 4, 1, 17, 0), LateUntil: local(2027, 7, 1, 17, 0),
		Rule: DefaultDecisionRule(), ReminderDays: []int{14, 3},
		Municipalities: []OfferMunicipality{
			{Code: "0180", Name: "Stockholm", CountyCode: "01", Population: 40},
			{Code: "1480", Name: "Göteborg", CountyCode: "14", Population: 30},
			{Code: "1280", Name: "Malmö", CountyCode: "12", Population: 20},
			{Code: "2584", Name: "Kiruna", CountyCode: "25", Population: 10},
		},
	})
	require.NoError(t, err)
	return r
}

var (
	web       = Actor{ID: "svarsformular", Role: RoleMunicipality}
	officeAct = Actor{ID: "programkontoret.anna", Role: RoleOffice}
)

func answer(code string, a AnswerChoice, sub string) AnswerInput {
	return AnswerInput{Municipality: code, Answer: a, Name: "Kim Svensson", Role: "Kommundirektör", SubmissionID: sub}
}

func batch(by Actor, answers ...AnswerInput) SubmitAnswers {
	return SubmitAnswers{Meta: Meta{By: by, Reason: "svar"}, Answers: answers}
}

func TestSubmitAcceptsRejectsAndKeepsEveryVersion(t *testing.T) {
	before, after := local(2027, 3, 10, 10, 0), local(2027, 4, 2, 10, 0)
	type step struct {
		name    string
		at      time.Time
		by      Actor
		in      AnswerInput
		version int // 0: rejected
		late    bool
		dup     bool
		code    ErrorCode
		field   string
	}
	steps := []step{
		{"first yes", before, web, answer("0180", AnswerYes, "s1"), 1, false, false, "", ""},
		{"changed to no", before, web, answer("0180", AnswerNo, "s2"), 2, false, false, "", ""},
		{"double submit", before, web, answer("0180", AnswerNo, "s2"), 2, false, true, "", ""},
		{"submission of another municipality", before, web, answer("1480", AnswerYes, "s1"), 0, false, false, CodeInvalidValue, "submission_id"},
		{"unknown municipality", before, web, answer("9999", AnswerYes, "s3"), 0, false, false, CodeUnknownMunicipality, "municipality"},
		{"missing municipality", before, web, answer("", AnswerYes, "s3"), 0, false, false, CodeMissingField, "municipality"},
		{"missing answer", before, web, answer("1480", "", "s3"), 0, false, false, CodeMissingField, "answer"},
		{"invalid answer", before, web, answer("1480", "kanske", "s3"), 0, false, false, CodeInvalidValue, "answer"},
		{"missing name", before, web, AnswerInput{Municipality: "1480", Answer: AnswerYes, Role: "r", SubmissionID: "s3"}, 0, false, false, CodeMissingField, "name"},
		{"missing role", before, web, AnswerInput{Municipality: "1480", Answer: AnswerYes, Name: "n", SubmissionID: "s3"}, 0, false, false, CodeMissingField, "role"},
		{"missing submission id", before, web, answer("1480", AnswerYes, ""), 0, false, false, CodeMissingField, "submission_id"},
		{"office enters for Göteborg", before, officeAct, answer("1480", AnswerNo, "o1"), 1, false, false, "", ""},
		{"no after the deadline", after, web, answer("1280", AnswerNo, "s4"), 0, false, false, CodeDeadlinePassed, "answer"},
		{"late joiner", after, web, answer("1480", AnswerYes, "s5"), 2, true, false, "", ""},
		{"late first answer", after, web, answer("2584", AnswerYes, "s6"), 1, true, false, "", ""},
	}
	r := testRound(t)
	for _, s := range steps {
		t.Run(s.name, func(t *testing.T) {
			n := len(r.Answers)
			res := r.Submit(batch(s.by, s.in), s.at)
			require.Len(t, res, 1)
			got := res[0]
			if s.version == 0 {
				require.False(t, got.Accepted)
				require.NotNil(t, got.Error)
				assert.Equal(t, s.code, got.Error.Code)
				assert.Equal(t, s.field, got.Error.Field)
				assert.Len(t, r.Answers, n, "a rejection changes nothing")
				return
			}
			require.Nil(t, got.Error)
			assert.True(t, got.Accepted)
			assert.Equal(t, s.version, got.Version)
			assert.Equal(t, s.late, got.Late)
			assert.Equal(t, s.dup, got.Duplicate)
			if s.dup {
				assert.Len(t, r.Answers, n, "a double submit adds no version")
			}
		})
	}
	latest := r.Latest()
	require.Len(t, latest, 3)
	assert.Equal(t, "0180", latest[0].Municipality)
	assert.Equal(t, AnswerNo, latest[0].Answer)
	assert.Equal(t, 2, latest[0].Versions)
	gbg := latest[1] // by code: 0180, 1480, 2584
	assert.Equal(t, "1480", gbg.Municipality)
	assert.Equal(t, 2, gbg.Versions)
	assert.Equal(t, SourceLink, gbg.Source)
	assert.Equal(t, SourceOffice, r.Answers[2].Source)
	assert.Equal(t, "programkontoret.anna", r.Answers[2].EnteredBy)
}

func TestAClosedRoundAcceptsNothingButRepeatsEarlierResults(t *testing.T) {
	r := testRound(t)
	at := local(2027, 3, 10, 10, 0)
	require.True(t, r.Submit(batch(web, answer("0180", AnswerYes, "s1")), at)[0].Accepted)
	r.Close(at)
	res := r.Submit(batch(web, answer("0180", AnswerYes, "s1"), answer("1480", AnswerYes, "s2")), at)
	assert.True(t, res[0].Accepted && res[0].Duplicate, "same result for the same submission")
	require.NotNil(t, res[1].Error)
	assert.Equal(t, CodeClosed, res[1].Error.Code)
	assert.Len(t, r.Answers, 1)
}

func TestSubmitAnswersValidateRejectsOnlyAMalformedBatch(t *testing.T) {
	big := make([]AnswerInput, MaxAnswersPerBatch+1)
	cases := []struct {
		name  string
		b     SubmitAnswers
		code  ErrorCode
		field string
	}{
		{"fine", batch(web, answer("0180", AnswerYes, "s")), "", ""},
		{"per-answer problems are not the batch's", batch(web, AnswerInput{}), "", ""},
		{"empty", batch(web), CodeMissingField, "answers"},
		{"too large", batch(web, big...), CodeInvalidValue, "answers"},
		{"no sender", batch(Actor{}, answer("0180", AnswerYes, "s")), CodeMissingField, "by.id"},
		{"leadership may not answer", batch(Actor{ID: "x", Role: RoleLeadership}, answer("0180", AnswerYes, "s")), CodeForbiddenRole, "by.role"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := c.b.Validate()
			if c.code == "" {
				assert.NoError(t, err)
				return
			}
			assertCode(t, err, c.code, c.field)
		})
	}
}

func TestOfferSetupValidate(t *testing.T) {
	good := testRound(t).OfferSetup
	cases := []struct {
		name  string
		edit  func(s *OfferSetup)
		code  ErrorCode
		field string
	}{
		{"good", func(*OfferSetup) {}, "", ""},
		{"no what", func(s *OfferSetup) { s.Content.What = "" }, CodeMissingField, "content.what"},
		{"seminar after deadline", func(s *OfferSetup) { s.Seminar = local(2027, 5, 1, 13, 0) }, CodeInvalidValue, "seminar"},
		{"late period before deadline", func(s *OfferSetup) { s.LateUntil = local(2027, 3, 1, 13, 0) }, CodeInvalidValue, "late_until"},
		{"no municipalities", func(s *OfferSetup) { s.Municipalities = nil }, CodeMissingField, "municipalities"},
		{"bad code", func(s *OfferSetup) { s.Municipalities = []OfferMunicipality{{Code: "180", Name: "x", Population: 1}} }, CodeInvalidValue, "municipalities.code"},
		{"duplicate", func(s *OfferSetup) {
			s.Municipalities = append(s.Municipalities, s.Municipalities[0])
		}, CodeInvalidValue, "municipalities.code"},
		{"no population", func(s *OfferSetup) { s.Municipalities = []OfferMunicipality{{Code: "0180", Name: "x"}} }, CodeInvalidValue, "municipalities.population"},
		{"bad reminder", func(s *OfferSetup) { s.ReminderDays = []int{0} }, CodeInvalidValue, "reminder_days"},
		{"no rule", func(s *OfferSetup) { s.Rule = DecisionRule{} }, CodeMissingField, "rule"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := good
			s.Municipalities = append([]OfferMunicipality(nil), good.Municipalities...)
			c.edit(&s)
			_, err := NewOfferRound(s)
			if c.code == "" {
				assert.NoError(t, err)
				return
			}
			assertCode(t, err, c.code, c.field)
		})
	}
}
