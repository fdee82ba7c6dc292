package contract

import (
	"time"

	"github.com/skr/handslag/domain"
)

// The offer round's contract. An offer round is a child workflow of its initiative, started
// when the leadership has decided to offer; the web answer form and the CLI talk to it here.
const (
	// OfferRoundWorkflowType is the registered name of OfferRoundWorkflow.
	OfferRoundWorkflowType = "OfferRoundWorkflow"
	// MsgSubmitAnswers is an Update (and a Signal with the same payload) carrying a batch of
	// answers, SubmitAnswers; the update returns SubmitAnswersResult, one result per answer.
	// The validator refuses only a malformed batch (empty, more than domain.MaxAnswersPerBatch,
	// missing or wrong "by"); each answer is accepted or rejected on its own.
	MsgSubmitAnswers = string(domain.ActAnswer)
	// MsgForgetAnswerer erases the name, role and comment of answers at the answerer's request
	// (domain.ForgetAnswerer, office; the answers named by municipality and version). The
	// round then continues as new at once; the decision and the tally stay.
	MsgForgetAnswerer = string(domain.ActForgetAnswerer)
	// MsgSeminarVenue says where the seminar is held (domain.SetSeminarVenue, office; until
	// the seminar begins): an Update with a validator, and a Signal with the same payload.
	MsgSeminarVenue = string(domain.ActSeminarVenue)
	// QueryOfferStatus returns OfferStatus.
	QueryOfferStatus = "offer_status"
	// QueryOfferRound returns the whole domain.OfferRound with every answer version (the CSV
	// export uses it).
	QueryOfferRound = "offer_round"
	// MsgOfferOutcome is the signal a round sends its initiative: domain.OfferReport.
	MsgOfferOutcome = "offer_outcome"
)

// OfferRoundWorkflowID is the round's workflow ID; it is also the offer ID in answer links.
func OfferRoundWorkflowID(initiativeID string) string { return "offer-" + initiativeID }

// Payload types of the offer round.
type (
	SubmitAnswers = domain.SubmitAnswers
	AnswerInput   = domain.AnswerInput
	AnswerResult  = domain.AnswerResult
)

// SubmitAnswersResult answers an update: one result per answer, in the batch's order.
type SubmitAnswersResult struct {
	Results []domain.AnswerResult `json:"results"`
}

// OfferRoundInput starts (or continues) an offer round.
type OfferRoundInput struct {
	Setup domain.OfferSetup `json:"setup"`
	// ParentWorkflowID receives the outcome reports (empty: none, for a round run alone).
	ParentWorkflowID string `json:"parent_workflow_id,omitempty"`
	// BatchSize and Parallel shape the e-mail fan-out: municipalities per activity and
	// activities at once (0: the defaults).
	BatchSize int `json:"batch_size,omitempty"`
	Parallel  int `json:"parallel,omitempty"`
	// MaxHistoryEvents makes a run continue as new at this history length (0: default).
	MaxHistoryEvents int `json:"max_history_events,omitempty"`
	// State is set when the round continues as new (then Setup is empty: it is in State).
	State *OfferRoundState `json:"state,omitempty"`
	Run   int              `json:"run,omitempty"`
}

// Defaults of the fan-out and of the history bound.
const (
	DefaultOfferBatchSize        = 50
	DefaultOfferParallel         = 3
	DefaultOfferMaxHistoryEvents = 2000
)

// OfferRoundState is the round's domain state plus the work the workflow still owes.
type OfferRoundState struct {
	Round domain.OfferRound `json:"round"`
	// PendingReceipts are accepted answer versions whose receipt is not yet sent.
	PendingReceipts []ReceiptRef `json:"pending_receipts,omitempty"`
	// Reported lists the outcome phases already reported to the initiative and leadership.
	Reported []domain.OfferPhase `json:"reported,omitempty"`
	// ForwardedYes are the yes-sayers the initiative has been told of (the go report's and the
	// late joiners reported since).
	ForwardedYes []string `json:"forwarded_yes,omitempty"`
	// Unsent lists municipalities whose offer could not be sent after every retry.
	Unsent   []string        `json:"unsent,omitempty"`
	Rejected RejectedAnswers `json:"rejected"`
}

// ReceiptRef names one answer version that needs a receipt.
type ReceiptRef struct {
	Municipality string `json:"municipality"`
	Version      int    `json:"version"`
}

// RejectedAnswers counts answers refused when they came as signals (an update returns its
// rejections to the sender instead). Only codes and municipality codes: no personal data.
type RejectedAnswers struct {
	Count int                 `json:"count"`
	Last  []RejectedAnswerRef `json:"last,omitempty"`
}

// RejectedAnswerRef is one refused signal answer.
type RejectedAnswerRef struct {
	Municipality string           `json:"municipality"`
	Code         domain.ErrorCode `json:"code"`
	Field        string           `json:"field,omitempty"`
}

// OfferStatus is what QueryOfferStatus returns.
type OfferStatus struct {
	OfferID string              `json:"offer_id"`
	Content domain.OfferContent `json:"content"`
	Seminar time.Time           `json:"seminar"`
	// SeminarVenue is where the seminar is held (zero: not said yet).
	SeminarVenue domain.Venue        `json:"seminar_venue,omitzero"`
	Deadline     time.Time           `json:"deadline"`
	LateUntil    time.Time           `json:"late_until"`
	Rule         domain.DecisionRule `json:"rule"`
	Clock        domain.Clock        `json:"clock"`
	Tally        domain.Tally        `json:"tally"`
	// Answers is the latest answer per municipality that answered, with its version count.
	Answers  []domain.LatestAnswer `json:"answers"`
	Decision *domain.OfferDecision `json:"decision,omitempty"`
	Lifted   *domain.OfferDecision `json:"lifted,omitempty"`
	Go       bool                  `json:"go"`
	Closed   bool                  `json:"closed"`
	Delivery *domain.Delivery      `json:"delivery,omitempty"`
	// MissingContacts are the municipalities that got no offer for want of an address.
	MissingContacts []domain.OfferMunicipality `json:"missing_contacts,omitempty"`
	Unsent          []string                   `json:"unsent,omitempty"`
	Reminders       []domain.ReminderRecord    `json:"reminders,omitempty"`
	NextWake        *domain.RoundWake          `json:"next_wake,omitempty"`
	Rejected        RejectedAnswers            `json:"rejected"`
	Run             int                        `json:"run"`
	// Retention says until when a closed round keeps who answered, and when it forgot them.
	Retention *domain.AnswererRetention `json:"retention,omitempty"`
}
