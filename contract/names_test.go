package contract

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// The message names are the wire contract: admin tools and recorded histories use them, so
// they never change, whatever the domain calls its actions.
func TestMessageNamesNeverChange(t *testing.T) {
	for got, want := range map[string]string{
		MsgTriageOwner: "triage_owner", MsgAssessRelevance: "assess_relevance", MsgScoreCriteria: "score_criteria",
		MsgRecordRequirement: "record_requirement", MsgDecide: "decide", MsgRecordQuickAnalysis: "record_quick_analysis",
		MsgRecordValuation: "record_valuation", MsgRecordQualification: "record_qualification", MsgWithdraw: "withdraw",
		MsgJoinCycle: "join_cycle", MsgSubmitPriorities: "submit_priorities", MsgSubmitValuation: "submit_valuation",
		MsgDecideCycle: "decide_cycle", MsgSubmitAnswers: "submit_answers", MsgImplPlan: "impl_plan",
		MsgImplMilestone: "impl_milestone", MsgImplReport: "impl_report", MsgImplMeasure: "impl_measure",
		MsgImplHearing: "impl_hearing", MsgImplJoin: "impl_join", MsgImplUnsubscribe: "impl_unsubscribe",
		MsgImplComplete: "impl_complete", MsgImplStop: "impl_stop", MsgForgetContact: "forget_contact", MsgForgetAnswerer: "forget_answerer",
		MsgSeminarVenue: "set_seminar_venue",
	} {
		assert.Equal(t, want, got)
	}
}
