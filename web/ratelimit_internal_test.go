package web

import (
	"net/http/httptest"
	"net/netip"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

// A client gets its burst, then one request per interval; another client is not affected, and
// a client that waited long enough is forgotten and starts afresh.
func TestTheLimiterGivesEachAddressItsBurstThenARate(t *testing.T) {
	now := time.Date(2027, 3, 12, 16, 0, 0, 0, time.UTC)
	l := newLimiter(Limit{Every: 10 * time.Second, Burst: 3}, func() time.Time { return now })
	for i := 0; i < 3; i++ {
		ok, _ := l.allow("192.0.2.1")
		assert.True(t, ok, "request %d of the burst", i+1)
	}
	ok, wait := l.allow("192.0.2.1")
	assert.False(t, ok, "beyond the burst")
	assert.Equal(t, 10*time.Second, wait, "told how long until the next")
	ok, _ = l.allow("192.0.2.2")
	assert.True(t, ok, "another address has its own bucket")

	now = now.Add(4 * time.Second)
	ok, wait = l.allow("192.0.2.1")
	assert.False(t, ok)
	assert.Equal(t, 6*time.Second, wait)
	now = now.Add(6 * time.Second)
	ok, _ = l.allow("192.0.2.1")
	assert.True(t, ok, "one more after the interval")
	ok, _ = l.allow("192.0.2.1")
	assert.False(t, ok, "and only one")

	// An hour later every bucket is full: the next sweep forgets them all.
	now = now.Add(time.Hour)
	for l.calls%1000 != 999 {
		l.calls++
	}
	ok, _ = l.allow("192.0.2.3")
	assert.True(t, ok)
	assert.Len(t, l.clients, 1, "only the address just seen is kept")
}

func TestTheClientAddressBelievesOnlyTrustedProxies(t *testing.T) {
	proxies := clientAddresses{trusted: []netip.Prefix{netip.MustParsePrefix("10.0.0.0/8")}}
	cases := []struct {
		name, remote, forwarded string
		by                      clientAddresses
		want                    string
	}{
		{"no proxy", "192.0.2.7:5123", "", proxies, "192.0.2.7"},
		{"a client's own header is ignored", "192.0.2.7:5123", "198.51.100.1", proxies, "192.0.2.7"},
		{"no trusted proxies configured", "10.0.0.2:5123", "198.51.100.1", clientAddresses{}, "10.0.0.2"},
		{"behind a trusted proxy", "10.0.0.2:5123", "198.51.100.1", proxies, "198.51.100.1"},
		{"a spoofed first hop does not count", "10.0.0.2:5123", "203.0.113.9, 198.51.100.1", proxies, "198.51.100.1"},
		{"two trusted proxies", "10.0.0.2:5123", "198.51.100.1, 10.0.0.3", proxies, "198.51.100.1"},
		{"garbage stops at the last good hop", "10.0.0.2:5123", "nonsense, 10.0.0.3", proxies, "10.0.0.3"},
		{"IPv6", "[2001:db8::1]:443", "", proxies, "2001:db8::1"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := httptest.NewRequest("GET", "/svar/x", nil)
			r.RemoteAddr = c.remote
			if c.forwarded != "" {
				r.Header.Set("X-Forwarded-For", c.forwarded)
			}
			assert.Equal(t, c.want, c.by.of(r))
		})
	}
}
