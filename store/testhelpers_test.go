package store

import (
	"io/fs"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/skr/handslag/mail"
)

func fsReadFile(fsys fs.FS, name string) ([]byte, error) { return fs.ReadFile(fsys, name) }

func msgForTest(key string) mail.Message {
	return mail.Message{Key: key, To: []string{"a@kommun.example"}, Subject: "s", Body: "b", Created: time.Now()}
}

// latestVersion is the highest migration version embedded for the dialect.
func latestVersion(t *testing.T, d Dialect) int64 {
	entries, err := fs.ReadDir(migrations(d), ".")
	if err != nil {
		t.Fatal(err)
	}
	var v int64
	for _, e := range entries {
		n, err := strconv.ParseInt(strings.SplitN(e.Name(), "_", 2)[0], 10, 64)
		if err == nil && n > v {
			v = n
		}
	}
	return v
}
