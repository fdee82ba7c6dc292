package domain

import "time"

// SetSeminarVenue says where the offer's seminar is held: a place, an address or a video link
// (the office; until the seminar has begun). A later one replaces it.
type SetSeminarVenue struct {
	Meta
	Venue Venue `json:"venue"`
}

// CheckSeminarVenue reports why c would be refused at real time now: a sender who is not the
// office, an empty or malformed venue, a closed round or a seminar that has begun.
func (r *OfferRound) CheckSeminarVenue(c SetSeminarVenue, now time.Time) error {
	if err := c.validateFor(ActSeminarVenue); err != nil {
		return err
	}
	if err := c.Venue.Validate(); err != nil {
		return err
	}
	switch {
	case r.Closed:
		return &ValidationError{Code: CodeClosed, Detail: "offer_round"}
	case r.Clock.reached(now, r.Seminar):
		return invalid("venue", "").hint("seminar_begun", "at", r.Seminar.Format("2006-01-02 15:04"))
	}
	return nil
}

// SetSeminarVenue checks c and, only if it is valid, keeps its venue.
func (r *OfferRound) SetSeminarVenue(c SetSeminarVenue, now time.Time) error {
	if err := r.CheckSeminarVenue(c, now); err != nil {
		return err
	}
	r.SeminarVenue = c.Venue
	r.Revision++
	return nil
}
