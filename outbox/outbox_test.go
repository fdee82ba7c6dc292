package outbox

import (
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestPutIsIdempotentUnderConcurrency(t *testing.T) {
	d, err := NewDir(t.TempDir())
	require.NoError(t, err)
	var wg sync.WaitGroup
	created := make(chan bool, 20)
	for i := 0; i < 20; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ok, err := d.Put(Message{Key: "k1", To: []string{"a@b.se"}, Subject: "s", Created: time.Unix(1, 0)})
			assert.NoError(t, err)
			created <- ok
		}()
	}
	wg.Wait()
	close(created)
	n := 0
	for ok := range created {
		if ok {
			n++
		}
	}
	assert.Equal(t, 1, n, "exactly one Put stores the message")
	_, err = d.Put(Message{Key: "k2", Created: time.Unix(0, 0)})
	require.NoError(t, err)
	msgs, err := d.List()
	require.NoError(t, err)
	require.Len(t, msgs, 2)
	assert.Equal(t, "k2", msgs[0].Key, "oldest first")
	for key, want := range map[string]bool{"k1": true, "k2": true, "k3": false} {
		has, err := d.Has(key)
		require.NoError(t, err)
		assert.Equal(t, want, has, key)
	}
	_, err = d.Put(Message{})
	assert.Error(t, err, "a message needs a key")
}
