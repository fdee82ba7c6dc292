package web

import (
	"net"
	"net/http"
	"net/netip"
	"strings"
)

// clientAddresses finds the address a request came from, for the rate limits. Behind a
// reverse proxy every request comes from the proxy, so for a trusted proxy (and only then: the
// header is the client's to write) the address is the last one in X-Forwarded-For that is not
// itself a trusted proxy.
type clientAddresses struct {
	trusted []netip.Prefix
}

func (c clientAddresses) of(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	addr, err := netip.ParseAddr(host)
	if err != nil {
		return host
	}
	addr = addr.Unmap()
	if !c.isTrusted(addr) {
		return addr.String()
	}
	var hops []string
	for _, h := range r.Header.Values("X-Forwarded-For") {
		hops = append(hops, strings.Split(h, ",")...)
	}
	for i := len(hops) - 1; i >= 0; i-- {
		hop, err := netip.ParseAddr(strings.TrimSpace(hops[i]))
		if err != nil {
			break // garbage from the client: the last good hop is as far as we trust
		}
		addr = hop.Unmap()
		if !c.isTrusted(addr) {
			break
		}
	}
	return addr.String()
}

func (c clientAddresses) isTrusted(a netip.Addr) bool {
	for _, p := range c.trusted {
		if p.Contains(a) {
			return true
		}
	}
	return false
}
