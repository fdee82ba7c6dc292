package cases

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/skr/handslag/domain"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func openTestDir(t *testing.T) *Dir {
	d, err := OpenDir(t.TempDir())
	require.NoError(t, err)
	return d
}

func stored(t *testing.T, d *Dir, id string) Record {
	t.Helper()
	all, err := d.All(context.Background())
	require.NoError(t, err)
	for _, r := range all {
		if r.Summary.ID == id {
			return r
		}
	}
	t.Fatalf("%s not stored", id)
	return Record{}
}

func TestDirStoresTheNewestAndIgnoresStaleWrites(t *testing.T) {
	ctx := context.Background()
	d := openTestDir(t)
	ok, err := d.Put(ctx, rec("bygglov", domain.StageTriaged, "run-1", t0, 2, t0))
	require.NoError(t, err)
	assert.True(t, ok)
	ok, err = d.Put(ctx, rec("bygglov", domain.StageDeclined, "run-1", t0, 7, t0.Add(time.Hour)))
	require.NoError(t, err)
	assert.True(t, ok)
	// A delayed retry of an earlier write arrives last: ignored.
	ok, err = d.Put(ctx, rec("bygglov", domain.StageFebruaryReview, "run-1", t0, 5, t0.Add(30*time.Minute)))
	require.NoError(t, err)
	assert.False(t, ok)
	assert.Equal(t, domain.StageDeclined, stored(t, d, "bygglov").Summary.Stage)

	// A second Dir on the same directory (another process) sees the same.
	d2, err := OpenDir(d.Path())
	require.NoError(t, err)
	assert.Equal(t, domain.StageDeclined, stored(t, d2, "bygglov").Summary.Stage)
}

func TestDirRefusesBadRecordsAndChangesNothing(t *testing.T) {
	ctx := context.Background()
	d := openTestDir(t)
	_, err := d.Put(ctx, rec("../utanfor", domain.StageTriaged, "run-1", t0, 1, t0))
	require.Error(t, err)
	_, err = d.Put(ctx, rec("bygglov", "nowhere", "run-1", t0, 1, t0))
	require.Error(t, err)
	all, err := d.All(ctx)
	require.NoError(t, err)
	assert.Empty(t, all)
	_, err = os.Stat(filepath.Join(filepath.Dir(d.Path()), "utanfor.json"))
	assert.True(t, os.IsNotExist(err))
}

// Writers racing on one case (as worker processes and retried activities can) leave the
// newest record, and a reader at any moment sees a whole record, never half a file.
func TestDirConcurrentWritersAndReaders(t *testing.T) {
	ctx := context.Background()
	d := openTestDir(t)
	const writers, revisions = 4, 40
	var wg sync.WaitGroup
	for w := 0; w < writers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			// Each writer has its own Dir (its own file descriptors, like another process).
			dw, err := OpenDir(d.Path())
			assert.NoError(t, err)
			for i := 0; i < revisions; i++ {
				rev := (i*writers + w*7) % revisions
				_, err := dw.Put(ctx, rec("bygglov", domain.StageTriaged, "run-1", t0, rev, t0.Add(time.Duration(rev)*time.Second)))
				assert.NoError(t, err)
			}
		}(w)
	}
	stop := make(chan struct{})
	var readErr error
	var reads int
	var rw sync.WaitGroup
	rw.Add(1)
	go func() {
		defer rw.Done()
		dr, _ := OpenDir(d.Path())
		for {
			select {
			case <-stop:
				return
			default:
			}
			if _, err := dr.All(ctx); err != nil && readErr == nil {
				readErr = err
			}
			reads++
		}
	}()
	wg.Wait()
	close(stop)
	rw.Wait()
	require.NoError(t, readErr, "after %d reads", reads)
	assert.Equal(t, revisions-1, stored(t, d, "bygglov").Revision)
	entries, err := os.ReadDir(d.Path())
	require.NoError(t, err)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	assert.ElementsMatch(t, []string{".locks", "bygglov.json"}, names, "no temporary files left")
}

func TestDirSkipsUnreadableFilesAndSaysWhich(t *testing.T) {
	ctx := context.Background()
	d := openTestDir(t)
	_, err := d.Put(ctx, rec("bygglov", domain.StageTriaged, "run-1", t0, 1, t0))
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(d.Path(), "trasig.json"), []byte("{inte json"), 0o644))
	other := rec("annan", domain.StageTriaged, "run-2", t0, 1, t0)
	data := fmt.Sprintf(`{"summary":{"id":"annan","stage":"triaged"},"chain":"%s","written":"%s"}`, other.Chain, t0.Format(time.RFC3339))
	require.NoError(t, os.WriteFile(filepath.Join(d.Path(), "fel-namn.json"), []byte(data), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(d.Path(), "README.txt"), []byte("not a record"), 0o644))

	all, err := d.All(ctx)
	var unreadable *UnreadableError
	require.ErrorAs(t, err, &unreadable)
	assert.Len(t, unreadable.Problems, 2)
	assert.Contains(t, err.Error(), "trasig.json")
	assert.Contains(t, err.Error(), "fel-namn.json")
	require.Len(t, all, 1)
	assert.Equal(t, "bygglov", all[0].Summary.ID)

	// An unreadable record of a case is replaced by the next write of that case.
	require.NoError(t, os.WriteFile(filepath.Join(d.Path(), "bygglov.json"), []byte("{"), 0o644))
	ok, err := d.Put(ctx, rec("bygglov", domain.StageTriaged, "run-1", t0, 1, t0))
	require.NoError(t, err)
	assert.True(t, ok)
}

// The cache of decoded records notices a replaced file.
func TestDirAllSeesChanges(t *testing.T) {
	ctx := context.Background()
	d := openTestDir(t)
	for rev := 1; rev <= 3; rev++ {
		_, err := d.Put(ctx, rec("bygglov", domain.StageTriaged, "run-1", t0, rev, t0))
		require.NoError(t, err)
		assert.Equal(t, rev, stored(t, d, "bygglov").Revision)
	}
	require.NoError(t, os.Remove(filepath.Join(d.Path(), "bygglov.json")))
	all, err := d.All(ctx)
	require.NoError(t, err)
	assert.Empty(t, all)
}

func TestReadOnlyDirThatDoesNotExistYetIsEmpty(t *testing.T) {
	all, err := ReadOnly(filepath.Join(t.TempDir(), "inte-skapad")).All(context.Background())
	require.NoError(t, err)
	assert.Empty(t, all)
}
