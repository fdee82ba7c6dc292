// Package mailtest is the test suite every mail.Ledger must pass: the in-memory one and both
// database back-ends (package store) run it, so they behave the same.
package mailtest

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/skr/handslag/mail"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func msg(key string, minute int) mail.Message {
	return mail.Message{Key: key, To: []string{"registrator@kommun.example"}, Subject: "Ämne " + key,
		Body: "Hej!\nÅäö", Created: time.Date(2027, 4, 1, 9, minute, 0, 0, time.UTC)}
}

// Run runs the suite; open returns an empty ledger (a new one for every test).
func Run(t *testing.T, open func(t *testing.T) mail.Ledger) {
	ctx := context.Background()
	t.Run("keep stores once per key", func(t *testing.T) {
		l := open(t)
		for i, want := range []bool{true, false} {
			kept, err := l.Keep(ctx, msg("a", i))
			require.NoError(t, err)
			assert.Equal(t, want, kept)
		}
		ms, err := l.Messages(ctx)
		require.NoError(t, err)
		require.Len(t, ms, 1)
		assert.Equal(t, msg("a", 0), ms[0], "the first is kept, whole")
	})
	t.Run("keep all stores each key once, in one go", func(t *testing.T) {
		l := open(t)
		_, err := l.Keep(ctx, msg("b", 0))
		require.NoError(t, err)
		kept, err := l.KeepAll(ctx, []mail.Message{msg("a", 1), msg("b", 1), msg("c", 2), msg("a", 3)})
		require.NoError(t, err)
		assert.Equal(t, []bool{true, false, true, false}, kept, "b was there; a twice in the batch is kept once")
		ms, err := l.Messages(ctx)
		require.NoError(t, err)
		assert.Equal(t, []mail.Message{msg("b", 0), msg("a", 1), msg("c", 2)}, ms, "the first of each key, whole")
		kept, err = l.KeepAll(ctx, nil)
		require.NoError(t, err)
		assert.Empty(t, kept)
	})
	t.Run("keep all refuses a message without a key and keeps none of the batch", func(t *testing.T) {
		l := open(t)
		_, err := l.KeepAll(ctx, []mail.Message{msg("a", 0), msg("", 1)})
		require.Error(t, err)
		ms, err := l.Messages(ctx)
		require.NoError(t, err)
		assert.Empty(t, ms)
	})
	t.Run("a claim is held, then sent for good", func(t *testing.T) {
		l := open(t)
		claim := func(key string, lease time.Duration) mail.ClaimResult {
			r, err := l.Claim(ctx, msg(key, 0), lease)
			require.NoError(t, err)
			return r
		}
		assert.Equal(t, mail.Claimed, claim("a", time.Hour))
		assert.Equal(t, mail.Busy, claim("a", time.Hour), "held by the first")
		require.NoError(t, l.Release(ctx, "a"))
		assert.Equal(t, mail.Claimed, claim("a", time.Hour), "released after a failed send")
		require.NoError(t, l.MarkSent(ctx, "a"))
		assert.Equal(t, mail.AlreadySent, claim("a", time.Hour))
		require.NoError(t, l.Release(ctx, "a"))
		assert.Equal(t, mail.AlreadySent, claim("a", time.Hour), "a sent key stays sent")

		assert.Equal(t, mail.Claimed, claim("b", -time.Second), "a lease that has already run out")
		assert.Equal(t, mail.Claimed, claim("b", time.Hour), "its holder died: taken over")
	})
	t.Run("a kept message is not sent", func(t *testing.T) {
		l := open(t)
		_, err := l.Keep(ctx, msg("a", 0))
		require.NoError(t, err)
		r, err := l.Claim(ctx, msg("a", 0), time.Hour)
		require.NoError(t, err)
		assert.Equal(t, mail.Claimed, r)
		kept, err := l.Keep(ctx, msg("a", 0))
		require.NoError(t, err)
		assert.False(t, kept, "claimed: not kept again")
	})
	t.Run("messages oldest first", func(t *testing.T) {
		l := open(t)
		for i, k := range []string{"c", "a", "b"} {
			_, err := l.Keep(ctx, msg(k, 10-i))
			require.NoError(t, err)
		}
		ms, err := l.Messages(ctx)
		require.NoError(t, err)
		var keys []string
		for _, m := range ms {
			keys = append(keys, m.Key)
		}
		assert.Equal(t, []string{"b", "a", "c"}, keys)
	})
	t.Run("racing claims: one holder", func(t *testing.T) {
		l := open(t)
		var wg sync.WaitGroup
		results := make(chan mail.ClaimResult, 16)
		for range 16 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				r, err := l.Claim(ctx, msg("a", 0), time.Hour)
				assert.NoError(t, err)
				results <- r
			}()
		}
		wg.Wait()
		close(results)
		count := map[mail.ClaimResult]int{}
		for r := range results {
			count[r]++
		}
		assert.Equal(t, map[mail.ClaimResult]int{mail.Claimed: 1, mail.Busy: 15}, count, fmt.Sprint(count))
	})
}
