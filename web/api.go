package web

import (
	"context"
	"time"

	"github.com/skr/handslag/domain"
)

// LinkVerifier checks a personal answer link's token. It returns the offer and the municipality
// the link was issued for, or an error for anything forged, altered or unknown; the web never
// looks inside a token itself, so the signing scheme can change without touching this package.
type LinkVerifier interface {
	Verify(token string) (offerID, municipalityCode string, err error)
}

// Offers is what the answer form needs from the offer round. The offer-round workflow (through
// its Temporal client adapter) implements it; webtest.Offers is the in-memory fake.
//
// View returns ErrUnknownOffer when the offer does not exist or the municipality is not part of
// it. Answer must be idempotent on AnswerSubmission.SubmissionID: a second call with an ID it
// has already recorded returns the first receipt and records nothing. Answer returns ErrClosed,
// ErrLateNo, ErrUnknownOffer or FieldErrors for input it refuses, and must change nothing then.
type Offers interface {
	View(ctx context.Context, offerID, municipalityCode string) (OfferView, error)
	Answer(ctx context.Context, s AnswerSubmission) (AnswerReceipt, error)
}

// RecentViews is what an Offers may also do: give a view read at most maxAge ago. The POST of
// an answer uses it: the round's own checks decide whether the answer is taken (closed, late),
// and the confirmation page needs only the offer's content, which does not change; so a rush
// of answers does not cost a read of the whole round each.
type RecentViews interface {
	RecentView(ctx context.Context, offerID, municipalityCode string, maxAge time.Duration) (OfferView, error)
}

// RecentViewAge is how old a view the POST of an answer accepts.
const RecentViewAge = 5 * time.Second

// Choice is a municipality's answer to an offer.
type Choice string

const (
	Yes Choice = "yes"
	No  Choice = "no"
)

// Valid reports whether c is yes or no.
func (c Choice) Valid() bool { return c == Yes || c == No }

// OfferView is everything the answer page shows. Texts come from the qualification as written
// by SKR; the web escapes them and keeps their line breaks.
type OfferView struct {
	OfferID              string
	Title                string
	What                 string // what the offer is
	WhoDoesWhat          string // the split of work between SKR/Adda/Inera and the municipality
	EffectGoal           string
	Cost                 string
	Financing            string
	ImplementationPeriod string // as written in the offer, e.g. "1 september 2027 – 31 augusti 2028"
	AnswerDeadline       time.Time
	SeminarDate          time.Time    // zero when no seminar is planned
	SeminarVenue         domain.Venue // where it is held (zero: not said yet)
	DecisionRule         string       // the rule as a sentence, e.g. "Införandet startar om ..."

	MunicipalityCode string
	MunicipalityName string

	Current        *CurrentAnswer // the municipality's latest answer, nil when it has not answered
	Closed         bool           // the round is decided and takes no more answers
	DeadlinePassed bool           // a yes is still taken, as a late joiner
}

// CurrentAnswer is the latest recorded answer of one municipality.
type CurrentAnswer struct {
	Choice     Choice
	Name       string
	Role       string
	Comment    string
	AnsweredAt time.Time
	Late       bool // given after the deadline
	Version    int  // 1 for the first answer, then 2, 3, ... (every version is kept)
}

// AnswerSubmission is one posted answer form, already checked for required fields.
type AnswerSubmission struct {
	OfferID          string
	MunicipalityCode string
	SubmissionID     string // generated per rendered form; the idempotency key of this answer
	Choice           Choice
	Name             string
	Role             string
	Comment          string
}

// AnswerReceipt is what the offer round recorded, repeated on the confirmation page and in the
// receipt e-mail (which the offer round sends).
type AnswerReceipt struct {
	Choice     Choice
	Name       string
	Role       string
	Comment    string
	AnsweredAt time.Time
	Version    int
	Changed    bool // an earlier answer was replaced (it is kept as an earlier version)
	Late       bool // a yes after the deadline: a late joiner
}
