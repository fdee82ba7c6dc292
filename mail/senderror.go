package mail

import (
	"errors"
	"fmt"
	"regexp"

	gomail "github.com/wneessen/go-mail"
)

// SendError is a failed send told without the recipients' addresses: the SMTP library and
// servers name them in their messages, and this error ends up in workflow histories, which keep
// no personal data. Unwrap gives the library's full error, for a debug log.
type SendError struct {
	Key    string // the message's idempotency key
	Server string // host:port
	Code   int    // the server's reply code; 0 when there was none (no connection, TLS, login)
	// Permanent is true for a 5xx reply: sending the same message again will be refused again,
	// so an activity should stop retrying (a wrong address, a message too large).
	Permanent bool

	reason string
	err    error
}

func (e *SendError) Error() string {
	s := fmt.Sprintf("mail %s: smtp %s: %s", e.Key, e.Server, e.reason)
	if e.Code != 0 {
		s += fmt.Sprintf(" (reply %d)", e.Code)
	}
	return s
}

func (e *SendError) Unwrap() error { return e.err }

func sendError(key, server string, err error) *SendError {
	e := &SendError{Key: key, Server: server, reason: redact(err.Error()), err: err}
	var se *gomail.SendError
	if errors.As(err, &se) {
		e.Code = se.ErrorCode()
		e.Permanent = e.Code >= 500 && e.Code < 600
	}
	return e
}

// address is anything shaped like an e-mail address (or a Message-ID, which is harmless to hide:
// the key is in the error already).
var address = regexp.MustCompile(`[^\s<>()\[\]"',;:]+@[^\s<>()\[\]"',;:]+`)

// redact replaces e-mail addresses in a library or server message, keeping the rest, which
// says what to fix ("please authenticate first", "message too large").
func redact(s string) string { return address.ReplaceAllString(s, "[address]") }
