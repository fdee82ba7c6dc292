package answerlink

import (
	"bytes"
	"encoding/base64"
	"errors"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var (
	keyA = bytes.Repeat([]byte{0xA5}, 32)
	keyB = bytes.Repeat([]byte{0x5A}, 32)
)

func signer(t testing.TB, key []byte) *Signer {
	s, err := NewSigner(key)
	require.NoError(t, err)
	return s
}

func TestNewSignerKeyLength(t *testing.T) {
	for _, n := range []int{0, 1, 16, 31} {
		_, err := NewSigner(make([]byte, n))
		assert.Error(t, err, "%d bytes", n)
	}
	for _, n := range []int{32, 64} {
		_, err := NewSigner(make([]byte, n))
		assert.NoError(t, err, "%d bytes", n)
	}
	key := bytes.Clone(keyA)
	s := signer(t, key)
	tok := s.Token("o", "0114")
	key[0] ^= 1
	assert.Equal(t, tok, s.Token("o", "0114"), "the signer keeps its own copy of the key")
}

func TestRoundTrip(t *testing.T) {
	s := signer(t, keyA)
	cases := []struct{ offer, code string }{
		{"offer-2027-gemensam-e-tjanst-for-bygglov", "0114"},
		{"o", "2584"},
		{"", ""},
		{"åäö/?#&=+ med mellanslag", "0180"},
		{strings.Repeat("x", 300), "0980"}, // a length that needs two varint bytes
		{"a\x00b", "\x00"},
	}
	for _, c := range cases {
		tok := s.Token(c.offer, c.code)
		assert.Equal(t, tok, s.Token(c.offer, c.code), "deterministic")
		assert.Equal(t, tok, url.PathEscape(tok), "URL-safe as it is")
		got, err := s.Verify(tok)
		require.NoError(t, err)
		assert.Equal(t, Claims{OfferID: c.offer, Municipality: c.code}, got)
	}
}

func TestTokensDiffer(t *testing.T) {
	s := signer(t, keyA)
	seen := map[string]string{}
	for _, c := range [][2]string{{"ab", "c"}, {"a", "bc"}, {"abc", ""}, {"", "abc"}, {"o1", "0114"}, {"o1", "0115"}, {"o2", "0114"}} {
		tok := s.Token(c[0], c[1])
		if prev, dup := seen[tok]; dup {
			t.Errorf("%v and %s share a token", c, prev)
		}
		seen[tok] = c[0] + "|" + c[1]
	}
	assert.NotEqual(t, s.Token("o1", "0114"), signer(t, keyB).Token("o1", "0114"), "the key matters")
}

func TestVerifyRejects(t *testing.T) {
	s := signer(t, keyA)
	good := s.Token("offer-1", "0114")
	enc, sig, _ := strings.Cut(good, ".")
	other := signer(t, keyB).Token("offer-1", "0114")
	// Same signature, payload of another municipality: an attempt to answer for a neighbour.
	neighbour, _, _ := strings.Cut(s.Token("offer-1", "0115"), ".")
	flip := func(s string, i int) string {
		b := []byte(s)
		if b[i] == 'A' {
			b[i] = 'B'
		} else {
			b[i] = 'A'
		}
		return string(b)
	}
	decoded, _ := base64.RawURLEncoding.DecodeString(sig)
	cases := []struct {
		name  string
		token string
		want  error
	}{
		{"empty", "", ErrMalformed},
		{"no dot", enc + sig, ErrMalformed},
		{"payload only", enc, ErrMalformed},
		{"truncated signature", good[:len(good)-4], ErrMalformed},
		{"truncated payload", enc[:len(enc)-2] + "." + sig, ErrForged},
		{"signature cut to half", enc + "." + base64.RawURLEncoding.EncodeToString(decoded[:16]), ErrMalformed},
		{"not base64", "!!!." + sig, ErrMalformed},
		{"padded", enc + "=." + sig, ErrMalformed},
		{"space", good + " ", ErrMalformed},
		{"second dot", good + ".x", ErrMalformed},
		{"altered payload", flip(enc, 3) + "." + sig, ErrForged},
		{"swapped payload", neighbour + "." + sig, ErrForged},
		{"altered signature", enc + "." + flip(sig, 5), ErrForged},
		{"other key", other, ErrForged},
		{"empty payload", "." + sig, ErrForged},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			claims, err := s.Verify(c.token)
			require.Error(t, err)
			assert.True(t, errors.Is(err, c.want), "want %v, got %v", c.want, err)
			assert.Zero(t, claims)
		})
	}
}

func TestVerifyUnknownVersionSignedWithOurKey(t *testing.T) {
	s := signer(t, keyA)
	for _, p := range [][]byte{{}, {3, 1, 'o'}, {version, 5, 'o'}, {version, 0x80}, {versionKeyID, 0}} {
		tok := b64.EncodeToString(p) + "." + b64.EncodeToString(s.mac(keyA, p))
		_, err := s.Verify(tok)
		assert.ErrorIs(t, err, ErrMalformed, "%v", p)
	}
}

// The token is bound to one offer; refusing an answer to another offer is the caller's job.
func TestWrongOfferIsTheCallersCheck(t *testing.T) {
	s := signer(t, keyA)
	claims, err := s.Verify(s.Token("offer-A", "0114"))
	require.NoError(t, err)
	assert.NotEqual(t, "offer-B", claims.OfferID, "a page for offer-B must compare and refuse")
}

func TestURL(t *testing.T) {
	s := signer(t, keyA)
	tok := s.Token("o1", "0114")
	for _, base := range []string{"https://handslag.example.se", "https://handslag.example.se/", "https://handslag.example.se//"} {
		assert.Equal(t, "https://handslag.example.se/svar/"+tok, s.URL(base, "o1", "0114"))
	}
	u, err := url.Parse(s.URL("http://127.0.0.1:8080/app", "o1", "0114"))
	require.NoError(t, err)
	assert.Equal(t, "/app/svar/"+tok, u.Path)
	got, err := s.Verify(strings.TrimPrefix(u.Path, "/app"+PathPrefix))
	require.NoError(t, err)
	assert.Equal(t, Claims{"o1", "0114"}, got)
}

func FuzzVerify(f *testing.F) {
	s := signer(f, keyA)
	f.Add(s.Token("offer-1", "0114"))
	f.Add(s.Token("", ""))
	f.Add("")
	f.Add(".")
	f.Add("AQ.AAAA")
	f.Add(signer(f, keyB).Token("offer-1", "0114"))
	f.Fuzz(func(t *testing.T, token string) {
		c, err := s.Verify(token)
		if err != nil {
			if !errors.Is(err, ErrMalformed) && !errors.Is(err, ErrForged) {
				t.Fatalf("untyped error %v", err)
			}
			return
		}
		// Only tokens we made verify, and each claim has exactly one token.
		if again := s.Token(c.OfferID, c.Municipality); again != token {
			t.Fatalf("verified %q but we would have made %q", token, again)
		}
	})
}

func FuzzRoundTrip(f *testing.F) {
	s := signer(f, keyA)
	f.Add("offer-1", "0114")
	f.Add("", "")
	f.Fuzz(func(t *testing.T, offer, code string) {
		c, err := s.Verify(s.Token(offer, code))
		if err != nil || c.OfferID != offer || c.Municipality != code {
			t.Fatalf("round trip of %q/%q gave %+v, %v", offer, code, c, err)
		}
	})
}
