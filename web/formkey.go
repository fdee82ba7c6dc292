package web

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"strconv"
	"strings"
	"time"
)

// CSRF protection for a link-authenticated form.
//
// There is no login and no session cookie: the secret token in the path is the credential, so a
// forged cross-site request would already need the token, and with it an attacker could answer
// directly. What is left to protect against is a page on another site that gets a victim's
// browser to post to a link it has learnt (for example from a leaked Referer, which
// Referrer-Policy: no-referrer prevents), and replays of old forms. So:
//
//  1. http.CrossOriginProtection refuses cross-site POSTs from browsers (Sec-Fetch-Site/Origin);
//  2. every rendered form carries a submission ID and a form key: an HMAC over the token, the
//     submission ID and the time of rendering. A POST without a valid key for this very token,
//     or older than Config.FormMaxAge, changes nothing and shows the form again.
//
// The form key also means a submission ID (the idempotency key of the answer) is always one
// the server generated for this link, never one chosen by the poster.

// formKeys issues and checks form keys.
type formKeys struct {
	secret []byte
	maxAge time.Duration
	now    func() time.Time
}

// issue returns a fresh submission ID and its form key for token.
func (k formKeys) issue(token string) (submissionID, key string) {
	var b [16]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic("crypto/rand failed: " + err.Error()) // never happens on supported platforms
	}
	submissionID = base64.RawURLEncoding.EncodeToString(b[:])
	issued := strconv.FormatInt(k.now().Unix(), 10)
	return submissionID, issued + "." + k.mac(token, submissionID, issued)
}

// valid reports whether key was issued for this token and submission ID and is not too old.
func (k formKeys) valid(token, submissionID, key string) bool {
	issued, mac, ok := strings.Cut(key, ".")
	if !ok || submissionID == "" {
		return false
	}
	at, err := strconv.ParseInt(issued, 10, 64)
	if err != nil {
		return false
	}
	age := k.now().Sub(time.Unix(at, 0))
	if age < -time.Minute || age > k.maxAge {
		return false
	}
	return hmac.Equal([]byte(mac), []byte(k.mac(token, submissionID, issued)))
}

func (k formKeys) mac(token, submissionID, issued string) string {
	h := hmac.New(sha256.New, k.secret)
	// Lengths first, so no two different triples ever give the same input.
	h.Write([]byte(strconv.Itoa(len(token)) + ":" + token + "|" + strconv.Itoa(len(submissionID)) + ":" + submissionID + "|" + issued))
	return base64.RawURLEncoding.EncodeToString(h.Sum(nil))
}

// formSecret returns secret, or a random one when it is nil. It panics, naming who, when the
// secret is shorter than 32 bytes or no randomness is available: wiring mistakes that must
// stop the program at start.
func formSecret(secret []byte, who string) []byte {
	if secret == nil {
		secret = make([]byte, 32)
		if _, err := rand.Read(secret); err != nil {
			panic(who + ": no randomness for the form secret: " + err.Error())
		}
	}
	if len(secret) < 32 {
		panic(who + ": the form secret must be at least 32 bytes")
	}
	return secret
}
