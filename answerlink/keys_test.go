package answerlink

import (
	"encoding/hex"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseKeys(t *testing.T) {
	a, b := hex.EncodeToString(keyA), hex.EncodeToString(keyB)
	one, err := ParseKeys(a)
	require.NoError(t, err)
	assert.Equal(t, Single(keyA), one, "one key without an ID, as before rotation")

	ring, err := ParseKeys(" 2027:" + b + ", 2026:" + a + " ")
	require.NoError(t, err)
	assert.Equal(t, Keys{{ID: "2027", Secret: keyB}, {ID: "2026", Secret: keyA}}, ring)

	for spec, problem := range map[string]string{
		"2027:" + b + ",2027:" + a: "given twice",
		"2027:" + b + ",:" + a:     "key-id:key",
		"år 2027:" + b:             "key-id:key",
		"2027:abcd":                "at least 32",
		"2027:" + b + ",2026":      "key-id:key",
	} {
		_, err := ParseKeys(spec)
		require.Error(t, err, spec)
		assert.Contains(t, err.Error(), problem, spec)
		assert.NotContains(t, err.Error(), a, "never the key itself")
		assert.NotContains(t, err.Error(), b[:16], "never the key itself")
	}
}

// A rotation: links signed with the old key keep working while it is in the ring, new links
// name the new key, and once the old key is retired its links are refused (as forged).
func TestKeysRotate(t *testing.T) {
	before, err := NewSigner(keyA) // links sent before IDs were used
	require.NoError(t, err)
	oldLink := before.Token("offer-1", "0114")

	named, err := NewRingSigner(Keys{{ID: "2026", Secret: keyA}})
	require.NoError(t, err)
	namedLink := named.Token("offer-1", "0114")
	assert.NotEqual(t, oldLink, namedLink, "the link names its key")

	rotated, err := NewRingSigner(Keys{{ID: "2027", Secret: keyB}, {ID: "2026", Secret: keyA}})
	require.NoError(t, err)
	newLink := rotated.Token("offer-1", "0114")
	for _, tok := range []string{oldLink, namedLink, newLink} {
		c, err := rotated.Verify(tok)
		require.NoError(t, err)
		assert.Equal(t, Claims{OfferID: "offer-1", Municipality: "0114"}, c)
	}
	_, err = named.Verify(newLink)
	assert.ErrorIs(t, err, ErrForged, "a server without the new key refuses the new links")

	retired, err := NewRingSigner(Keys{{ID: "2027", Secret: keyB}})
	require.NoError(t, err)
	for _, tok := range []string{oldLink, namedLink} {
		_, err = retired.Verify(tok)
		assert.ErrorIs(t, err, ErrForged, "the retired key's links are refused")
	}
	_, err = retired.Verify(newLink)
	assert.NoError(t, err)

	// A token that names a key in the ring but was signed with another is forged.
	impostor, err := NewRingSigner(Keys{{ID: "2027", Secret: keyA}})
	require.NoError(t, err)
	_, err = rotated.Verify(impostor.Token("offer-1", "0114"))
	assert.ErrorIs(t, err, ErrForged)

	// Unsubscribe links rotate with the same ring.
	u := rotated.ForUnsubscribe()
	c, err := u.Verify(before.ForUnsubscribe().Token("init", "0114"))
	require.NoError(t, err)
	assert.Equal(t, "init", c.InitiativeID)
	assert.True(t, strings.HasPrefix(u.URL("https://h.example", "init", "0114"), "https://h.example/avsluta/"))
}
