package answerlink

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestUnsubscribeRoundTrip(t *testing.T) {
	u := signer(t, keyA).ForUnsubscribe()
	for _, c := range []struct{ id, code string }{{"2027-bygglov", "0180"}, {"", ""}, {strings.Repeat("x", 300), "2584"}} {
		tok := u.Token(c.id, c.code)
		got, err := u.Verify(tok)
		require.NoError(t, err)
		assert.Equal(t, UnsubscribeClaims{InitiativeID: c.id, Municipality: c.code}, got)
	}
	assert.Equal(t, "https://h.example/avsluta/"+u.Token("i", "0180"), u.URL("https://h.example//", "i", "0180"))
	viaKey, err := NewUnsubscribeSigner(Single(keyA))
	require.NoError(t, err)
	assert.Equal(t, u.Token("i", "0180"), viaKey.Token("i", "0180"), "the same key makes the same links")
	_, err = NewUnsubscribeSigner(Single(keyA[:31]))
	assert.Error(t, err)
}

// An answer token is never an unsubscribe token, and the other way round, though both are
// made with the same key from the same two strings.
func TestUnsubscribeAndAnswerTokensAreNotInterchangeable(t *testing.T) {
	answers := signer(t, keyA)
	unsub := answers.ForUnsubscribe()
	answerTok := answers.Token("2027-bygglov", "0180")
	unsubTok := unsub.Token("2027-bygglov", "0180")
	assert.NotEqual(t, answerTok, unsubTok)
	_, err := unsub.Verify(answerTok)
	assert.True(t, errors.Is(err, ErrForged), "an answer token as unsubscribe: %v", err)
	_, err = answers.Verify(unsubTok)
	assert.True(t, errors.Is(err, ErrForged), "an unsubscribe token as answer: %v", err)
	_, err = signer(t, keyB).ForUnsubscribe().Verify(unsubTok)
	assert.True(t, errors.Is(err, ErrForged), "another key")
	_, err = unsub.Verify(unsubTok[:len(unsubTok)-2])
	assert.Error(t, err, "cut short")
}
