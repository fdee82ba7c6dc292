package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/alexedwards/scs/v2"
	"github.com/skr/handslag/store"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var _ scs.CtxStore = store.Sessions{}

// The console's sessions on both back-ends: stored until their expiry, replaced in place,
// deleted on sign-out, never returned once expired, and swept.
func TestSessions(t *testing.T) {
	for name, url := range backends {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			s := open(t, url(t)).Sessions()
			_, found, err := s.FindCtx(ctx, "okänd")
			require.NoError(t, err)
			assert.False(t, found)

			require.NoError(t, s.CommitCtx(ctx, "a", []byte{0, 1, 2}, time.Now().Add(time.Hour)))
			data, found, err := s.FindCtx(ctx, "a")
			require.NoError(t, err)
			assert.True(t, found)
			assert.Equal(t, []byte{0, 1, 2}, data)
			require.NoError(t, s.CommitCtx(ctx, "a", []byte("ny"), time.Now().Add(time.Hour)))
			data, _, _ = s.FindCtx(ctx, "a")
			assert.Equal(t, []byte("ny"), data)

			require.NoError(t, s.CommitCtx(ctx, "gammal", []byte("x"), time.Now().Add(-time.Second)))
			_, found, err = s.FindCtx(ctx, "gammal")
			require.NoError(t, err)
			assert.False(t, found, "an expired session is never returned")
			n, err := s.DeleteExpired(ctx)
			require.NoError(t, err)
			assert.Equal(t, int64(1), n)

			require.NoError(t, s.DeleteCtx(ctx, "a"))
			_, found, _ = s.FindCtx(ctx, "a")
			assert.False(t, found)
		})
	}
}
