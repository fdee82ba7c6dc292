package domain

import "time"

// Period is a span of the calendar (years, months and days, added with time.AddDate), so
// that "three years after" lands on the same date and hour however many leap days and
// summer-time changes lie between; never a multiple of 24 hours.
type Period struct {
	Years  int `json:"years,omitempty"`
	Months int `json:"months,omitempty"`
	Days   int `json:"days,omitempty"`
}

// IsZero reports a period of nothing: no limit of its own.
func (p Period) IsZero() bool { return p == Period{} }

// After is the calendar instant p after t.
func (p Period) After(t time.Time) time.Time { return t.AddDate(p.Years, p.Months, p.Days) }

// AnswererRetention is how long a closed round keeps who answered (names, roles and comments):
// set once when the round closes, from the retention period in force then.
type AnswererRetention struct {
	// Until is the calendar instant the answerers are forgotten; zero: they stay until the
	// round's history is deleted by the namespace's retention.
	Until time.Time `json:"until,omitempty"`
	// ForgottenAt is when they were (real time); zero until then.
	ForgottenAt time.Time `json:"forgotten_at,omitempty"`
}

// KeepAnswerers sets, once the round has closed, until when its answerers are kept: kept after
// the calendar instant the round closed (the end of its late period, so that the date is
// the one people were told, not the moment a timer happened to fire). It does nothing before
// closing or a second time.
func (r *OfferRound) KeepAnswerers(kept Period) {
	if !r.Closed || r.Retention != nil {
		return
	}
	ret := &AnswererRetention{}
	if !kept.IsZero() {
		closed := r.Clock.ToCalendar(r.ClosedAt)
		if !r.LateUntil.IsZero() && r.Clock.reached(r.ClosedAt, r.LateUntil) {
			closed = r.LateUntil
		}
		ret.Until = kept.After(closed)
	}
	r.Retention = ret
	r.Revision++
}

// AnswerersWaiting reports whether the round still keeps its answerers until a date: a closed
// round does nothing else.
func (r *OfferRound) AnswerersWaiting() bool {
	return r.Retention != nil && !r.Retention.Until.IsZero() && r.Retention.ForgottenAt.IsZero()
}

// AnswerersDue reports whether the answerers' retention has run out at real time now.
func (r *OfferRound) AnswerersDue(now time.Time) bool {
	return r.AnswerersWaiting() && r.Clock.reached(now, r.Retention.Until)
}

// ForgetAnswerers erases the name, role and comment of every answer when the retention has run
// out; the decisions, the tally and the outcome stay. It reports whether it did.
func (r *OfferRound) ForgetAnswerers(now time.Time) bool {
	if !r.AnswerersDue(now) {
		return false
	}
	for i := range r.Answers {
		r.Answers[i].Name, r.Answers[i].Role, r.Answers[i].Comment = "", "", ""
	}
	r.Retention.ForgottenAt = now
	r.Revision++
	return true
}
