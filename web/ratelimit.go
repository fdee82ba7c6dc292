package web

import (
	"math"
	"net/http"
	"strconv"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// Limit is how often one client address may call a public page: Burst requests at once, then
// one more every Every (a token bucket, golang.org/x/time/rate).
type Limit struct {
	Every time.Duration
	Burst int
}

// The public pages' limits. A person answering for a municipality opens the form, sends it and
// perhaps changes the answer: a handful of requests. Many people may share an address (a
// municipality's network), and a proxy in front of the web server shows as one address unless
// it is trusted (SiteConfig.TrustedProxies), so the limits leave room for that.
var (
	DefaultAnswerLimit      = Limit{Every: 2 * time.Second, Burst: 60}
	DefaultUnsubscribeLimit = Limit{Every: 2 * time.Second, Burst: 60}
	DefaultProposalLimit    = Limit{Every: 5 * time.Second, Burst: 30}
)

// Limits are the public pages' limits.
type Limits struct{ Answer, Unsubscribe, Proposal Limit }

func (l Limits) withDefaults() Limits {
	set := func(v *Limit, d Limit) {
		if v.Every == 0 || v.Burst == 0 {
			*v = d
		}
	}
	set(&l.Answer, DefaultAnswerLimit)
	set(&l.Unsubscribe, DefaultUnsubscribeLimit)
	set(&l.Proposal, DefaultProposalLimit)
	return l
}

// limiter keeps one token bucket per client address, and forgets an address once its bucket
// is full again (it then behaves as a new one), so memory stays bounded by recent callers.
type limiter struct {
	limit   Limit
	now     func() time.Time
	mu      sync.Mutex
	clients map[string]*rate.Limiter
	calls   int
}

func newLimiter(l Limit, now func() time.Time) *limiter {
	if now == nil {
		now = time.Now
	}
	return &limiter{limit: l, now: now, clients: map[string]*rate.Limiter{}}
}

// allow takes a token of key's bucket; when there is none it says how long until there is.
func (l *limiter) allow(key string) (bool, time.Duration) {
	now := l.now()
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.calls++; l.calls%1000 == 0 {
		for k, b := range l.clients {
			if b.TokensAt(now) >= float64(l.limit.Burst) {
				delete(l.clients, k)
			}
		}
	}
	b, ok := l.clients[key]
	if !ok {
		b = rate.NewLimiter(rate.Every(l.limit.Every), l.limit.Burst)
		l.clients[key] = b
	}
	if b.AllowN(now, 1) {
		return true, 0
	}
	missing := 1 - b.TokensAt(now)
	return false, time.Duration(math.Ceil(missing * float64(l.limit.Every)))
}

// limited refuses a client that has called too often with 429, a Retry-After and a page that
// says when to try again; nothing else happens for that request.
func (s *site) limited(l *limiter, h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		ok, wait := l.allow(s.addresses.of(r))
		if ok {
			h(w, r)
			return
		}
		seconds := int(math.Ceil(wait.Seconds()))
		if seconds < 1 {
			seconds = 1
		}
		w.Header().Set("Retry-After", strconv.Itoa(seconds))
		s.message(w, http.StatusTooManyRequests, "web.too_many")
	}
}
