package members

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestLoad(t *testing.T) {
	d, err := Load(strings.NewReader("member_id,email\ncounty:01,programrad.ab@example.se\nnetwork:kd, kd@example.se\n"))
	require.NoError(t, err)
	a, ok := d.Address("network:kd")
	assert.True(t, ok)
	assert.Equal(t, "kd@example.se", a)
	_, ok = d.Address("county:03")
	assert.False(t, ok)

	for _, bad := range []struct{ in, want string }{
		{"county:01,not-an-address\n", "rad 1"},
		{"member_id,email\ncounty:01,a@example.se\ncounty:01,b@example.se\n", "rad 3"},
		{"01,a@example.se\n", "county:01"},
		{"county:01\n", "rad 1"},
	} {
		_, err := Load(strings.NewReader(bad.in))
		require.Error(t, err, bad.in)
		assert.Contains(t, err.Error(), bad.want)
	}
	d, err = LoadFile("")
	require.NoError(t, err)
	assert.Empty(t, d)
}
