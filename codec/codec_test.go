package codec

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	commonpb "go.temporal.io/api/common/v1"
	"go.temporal.io/sdk/converter"
)

const (
	keyA = "0000000000000000000000000000000000000000000000000000000000000001"
	keyB = "0000000000000000000000000000000000000000000000000000000000000002"
)

func ring(t *testing.T, spec string) Ring {
	r, err := ParseRing(spec)
	require.NoError(t, err)
	return r
}

type answer struct {
	Name, Email string
}

// A value goes in sealed (nothing of it readable) and comes out whole; the payload names its
// key.
func TestSealedAndOpened(t *testing.T) {
	dc := DataConverter(New(ring(t, "2026-12="+keyA)))
	p, err := dc.ToPayload(answer{Name: "Kim Svensson", Email: "kim@kommun.example"})
	require.NoError(t, err)
	assert.Equal(t, Encoding, string(p.Metadata[converter.MetadataEncoding]))
	assert.Equal(t, "2026-12", string(p.Metadata[MetadataKeyID]))
	assert.NotContains(t, string(p.Data), "Kim")
	assert.NotContains(t, string(p.Data), "kommun.example")
	var got answer
	require.NoError(t, dc.FromPayload(p, &got))
	assert.Equal(t, answer{Name: "Kim Svensson", Email: "kim@kommun.example"}, got)
}

// Keys rotate: a new key seals, the old one still opens what it sealed; a payload whose key
// has left the ring says so.
func TestKeysRotate(t *testing.T) {
	old := DataConverter(New(ring(t, "gammal="+keyA)))
	sealed, err := old.ToPayload("hemligt")
	require.NoError(t, err)
	rotated := DataConverter(New(ring(t, "ny="+keyB+",gammal="+keyA)))
	var s string
	require.NoError(t, rotated.FromPayload(sealed, &s))
	assert.Equal(t, "hemligt", s)
	fresh, err := rotated.ToPayload("nytt")
	require.NoError(t, err)
	assert.Equal(t, "ny", string(fresh.Metadata[MetadataKeyID]))
	retired := DataConverter(New(ring(t, "ny="+keyB)))
	err = retired.FromPayload(sealed, &s)
	require.Error(t, err)
	assert.Contains(t, err.Error(), `"gammal"`)
}

// What was written before the codec reads as it was; a memo value marked Plain stays plain; a
// sealed payload that was tampered with does not open.
func TestPlainAndTampered(t *testing.T) {
	dc := DataConverter(New(ring(t, "k="+keyA)))
	before, err := converter.GetDefaultDataConverter().ToPayload("från förr")
	require.NoError(t, err)
	var s string
	require.NoError(t, dc.FromPayload(before, &s))
	assert.Equal(t, "från förr", s)

	memo, err := dc.ToPayload(Plain("Digital bygglovshandläggning"))
	require.NoError(t, err)
	assert.Equal(t, "json/plain", string(memo.Metadata[converter.MetadataEncoding]))
	assert.Contains(t, string(memo.Data), "bygglov")

	sealed, err := dc.ToPayload("hemligt")
	require.NoError(t, err)
	sealed.Data[len(sealed.Data)-1] ^= 1
	require.Error(t, dc.FromPayload(sealed, &s))
	sealed.Metadata[MetadataKeyID] = []byte("annan")
	require.Error(t, dc.FromPayload(sealed, &s))
}

func TestParseRing(t *testing.T) {
	r := ring(t, " a="+keyA+"\nb="+strings.Repeat("AAAA", 10)+"AAA=")
	assert.Equal(t, "a", r.Current())
	assert.Equal(t, []string{"a", "b"}, r.IDs())
	for _, bad := range []string{"", "a", "a=kort", "a=" + keyA + ",a=" + keyB, "=" + keyA} {
		_, err := ParseRing(bad)
		assert.Error(t, err, bad)
	}
	c := New(ring(t, "k="+keyA))
	out, err := c.Encode([]*commonpb.Payload{{Data: []byte("x")}, {Data: []byte("y")}})
	require.NoError(t, err)
	assert.NotEqual(t, out[0].Data, out[1].Data)
}
