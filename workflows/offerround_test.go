package workflows

import (
	"sort"
	"strings"
	"testing"

	"github.com/skr/handslag/contract"
	"github.com/skr/handslag/domain"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// roundSets splits Sweden for a 58 % scenario: yes (58-60 % of the population, Stockholm not
// among them), no, and the rest; Stockholm's late yes lifts it over 60 %.
func roundSets(t *testing.T, ms []domain.OfferMunicipality) (yes, no, rest []domain.OfferMunicipality) {
	var total, yesPop int64
	for _, m := range ms {
		total += int64(m.Population)
	}
	byPop := append([]domain.OfferMunicipality(nil), ms...)
	sort.Slice(byPop, func(i, j int) bool { return byPop[i].Population > byPop[j].Population })
	for _, m := range byPop {
		switch {
		case m.Code == "0180":
			rest = append(rest, m)
		case yesPop*100 < 58*total:
			yes = append(yes, m)
			yesPop += int64(m.Population)
		case len(no) < 30:
			no = append(no, m)
		default:
			rest = append(rest, m)
		}
	}
	require.True(t, yesPop*100 < 60*total, "the yes set stays under 60 %%")
	require.True(t, (yesPop+988943)*100 >= 60*total, "Stockholm lifts it over 60 %%")
	return yes, no, rest
}

func TestOfferRoundOf290MunicipalitiesNoGoThenLiftedByALateJoiner(t *testing.T) {
	ms := sweden(t)
	yes, no, rest := roundSets(t, ms)
	require.Equal(t, "0180", rest[0].Code)
	noContact := rest[len(rest)-2:] // no contact address, never answer
	missing := codes(noContact)
	h := newOfferHarness(t, sthlm(2027, 2, 10, 10, 0), ms, missing...)
	in := contract.OfferRoundInput{Setup: domain.OfferSetup{InitiativeID: "bygglov", Content: testContent(),
		Seminar: sthlm(2027, 2, 24, 13, 0), Deadline: sthlm(2027, 4, 12, 17, 0), LateUntil: sthlm(2027, 7, 11, 17, 0),
		Rule: domain.DefaultDecisionRule(), ReminderDays: []int{14, 3}, Municipalities: ms}, MaxHistoryEvents: 100000}

	changers, direct := yes[:20], yes[20:]
	first := h.answers(linkActor, domain.AnswerYes, codes(direct)...)
	r1 := h.submitAt(sthlm(2027, 3, 1, 10, 0), first)
	r2 := h.submitAt(sthlm(2027, 3, 1, 11, 0), h.answers(linkActor, domain.AnswerNo, codes(changers)...))
	// A double submit of five answers: same results, no new versions.
	again := first
	again.Answers = first.Answers[:5]
	dup := h.submitAt(sthlm(2027, 3, 2, 10, 0), again)
	// After the 14-day reminder: the changers say yes now, thirty say no (entered by the office).
	r3 := h.submitAt(sthlm(2027, 4, 1, 10, 0), h.answers(linkActor, domain.AnswerYes, codes(changers)...))
	r4 := h.submitAt(sthlm(2027, 4, 1, 11, 0), h.answers(office, domain.AnswerNo, codes(no)...))
	var mid, afterDeadline, lifted contract.OfferStatus
	h.at(sthlm(2027, 4, 12, 16, 59), func() { mid = h.status() })
	h.at(sthlm(2027, 4, 12, 17, 1), func() { afterDeadline = h.status() })
	lateNo := h.submitAt(sthlm(2027, 5, 1, 10, 0), h.answers(linkActor, domain.AnswerNo, rest[5].Code))
	lateYes := h.submitAt(sthlm(2027, 5, 1, 11, 0), h.answers(linkActor, domain.AnswerYes, "0180"))
	h.at(sthlm(2027, 5, 2, 10, 0), func() { lifted = h.status() })
	h.env.ExecuteWorkflow(OfferRoundWorkflow, in)

	require.True(t, h.env.IsWorkflowCompleted())
	require.NoError(t, h.env.GetWorkflowError())
	var final domain.OfferReport
	require.NoError(t, h.env.GetWorkflowResult(&final))
	assert.Equal(t, domain.PhaseFinal, final.Phase)
	assert.True(t, final.Go)

	for i, r := range []*batchResult{r1, r2, dup, r3, r4, lateYes} {
		require.True(t, r.done, "batch %d", i)
		require.NoError(t, r.rejected, "batch %d", i)
		for _, a := range r.results {
			require.Nil(t, a.Error, "batch %d: %+v", i, a)
		}
	}
	for i, a := range dup.results {
		assert.True(t, a.Duplicate)
		assert.Equal(t, r1.results[i].Version, a.Version)
	}
	assert.Equal(t, 2, r3.results[0].Version, "a changed answer is a new version")
	require.Len(t, lateNo.results, 1)
	assert.Equal(t, domain.CodeDeadlinePassed, lateNo.results[0].Error.Code)
	assert.True(t, lateYes.results[0].Late)

	// Before the deadline: the live tally.
	assert.Equal(t, len(yes), mid.Tally.Yes)
	assert.Equal(t, len(no), mid.Tally.No)
	assert.Equal(t, 290-len(yes)-len(no), mid.Tally.NotAnswered)
	assert.Nil(t, mid.Decision)
	assert.Equal(t, sortedByCode(noContact), mid.MissingContacts)
	assert.WithinDuration(t, sthlm(2027, 2, 24, 13, 0), mid.Seminar, 0)
	// At the deadline: 58 % of the population is a no-go.
	require.NotNil(t, afterDeadline.Decision)
	assert.False(t, afterDeadline.Decision.Go)
	assert.InDelta(t, 0.58, afterDeadline.Decision.Tally.YesSharePopulation, 0.02)
	assert.Less(t, afterDeadline.Decision.Tally.YesSharePopulation, 0.60)
	assert.False(t, afterDeadline.Go)
	// Stockholm's late yes lifts it over 60 %, reported as such.
	require.NotNil(t, lifted.Lifted)
	assert.True(t, lifted.Go)
	assert.Equal(t, 1, lifted.Lifted.Tally.LateYes)
	assert.GreaterOrEqual(t, lifted.Lifted.Tally.YesSharePopulation, 0.60)
	assert.False(t, lifted.Closed)

	// The offer went once to every municipality with an address.
	assert.Len(t, h.keys("offer/bygglov/"), 288)
	// Reminders went only to those who had not answered, once each, at 17:00 local time.
	rem14, rem3 := h.keys("reminder/bygglov/14/"), h.keys("reminder/bygglov/3/")
	assert.Len(t, rem14, 290-len(yes)-len(missing))
	assert.Len(t, rem3, 290-len(yes)-len(no)-len(missing))
	for _, m := range yes {
		assert.NotContains(t, rem14, "reminder/bygglov/14/"+m.Code)
	}
	for _, m := range no {
		assert.NotContains(t, rem3, "reminder/bygglov/3/"+m.Code)
	}
	require.Len(t, lifted.Reminders, 2)
	r14 := lifted.Reminders[0]
	assert.Equal(t, domain.ReminderRecord{DaysBefore: 14, Sent: true, Recipients: len(rem14)}, domain.ReminderRecord{DaysBefore: r14.DaysBefore, Sent: r14.Sent, Recipients: r14.Recipients})
	assert.WithinDuration(t, sthlm(2027, 3, 29, 17, 0), r14.At, 0, "14 calendar days before, at 17:00 local")
	assert.WithinDuration(t, sthlm(2027, 4, 9, 17, 0), lifted.Reminders[1].At, 0)
	// One receipt per accepted version (the duplicates add none).
	assert.Len(t, h.keys("receipt/bygglov/"), len(direct)+2*len(changers)+len(no)+1)
	receipt, ok := h.sender.Get("receipt/bygglov/0180/1")
	require.True(t, ok)
	assert.Contains(t, receipt.Body, "Svar: Ja (sen anslutning")
	// The leadership heard the no-go at the deadline and the lift; the office the missing contacts.
	deadline, ok := h.sender.Get("outcome/bygglov/deadline")
	require.True(t, ok)
	assert.Contains(t, deadline.Subject, "Inget genomförande")
	liftMail, ok := h.sender.Get("outcome/bygglov/lifted")
	require.True(t, ok)
	assert.Contains(t, liftMail.Subject, "efter sena anslutningar")
	notice, ok := h.sender.Get("missing-contacts/bygglov/offer")
	require.True(t, ok)
	assert.True(t, strings.Contains(notice.Body, noContact[0].Code+" "+noContact[0].Name))
}

func sortedByCode(ms []domain.OfferMunicipality) []domain.OfferMunicipality {
	out := append([]domain.OfferMunicipality(nil), ms...)
	sort.Slice(out, func(i, j int) bool { return out[i].Code < out[j].Code })
	return out
}
