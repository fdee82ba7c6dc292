package layout

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const root = "../../"

// The README is the front door: the two commands first (the whole system, the tests), under
// 10 KB, the rest in docs/.
func TestREADMEStartsWithTheTwoCommands(t *testing.T) {
	data, err := os.ReadFile(root + "README.md")
	require.NoError(t, err)
	assert.Less(t, len(data), 10*1024, "README.md is for the two commands and where to go next; the rest goes in docs/")
	blocks := regexp.MustCompile("(?s)```sh\n(.*?)```").FindAllStringSubmatch(string(data), 2)
	require.Len(t, blocks, 2)
	assert.Equal(t, "go run ./cmd/handslag-local", strings.TrimSpace(blocks[0][1]))
	assert.Equal(t, "go test ./...", strings.TrimSpace(blocks[1][1]))
}

var (
	mdLink   = regexp.MustCompile(`\]\(([^)#\s]*)(#[^)\s]*)?\)`)
	codePath = regexp.MustCompile("`((?:[a-z0-9_-]+/)+[a-z0-9_.-]*)`")
	heading  = regexp.MustCompile(`(?m)^#+ (.*)$`)
)

// Every link between the documents leads somewhere (a file, and a heading in it), and every
// path of ours a document names in code font exists: documents that name what was moved or
// removed fail here.
func TestDocsPointToWhatExists(t *testing.T) {
	docs, err := filepath.Glob(root + "docs/*.md")
	require.NoError(t, err)
	docs = append(docs, root+"README.md")
	for _, doc := range docs {
		data, err := os.ReadFile(doc)
		require.NoError(t, err)
		text := string(data)
		name := strings.TrimPrefix(doc, root)
		for _, m := range mdLink.FindAllStringSubmatch(text, -1) {
			target, anchor := m[1], strings.TrimPrefix(m[2], "#")
			if strings.Contains(target, "://") {
				continue
			}
			file := doc
			if target != "" {
				file = filepath.Join(filepath.Dir(doc), target)
			}
			linked, err := os.ReadFile(file)
			if !assert.NoError(t, err, "%s links to %s", name, target) || anchor == "" {
				continue
			}
			assert.Contains(t, anchors(string(linked)), anchor, "%s links to %s#%s, a heading that does not exist", name, target, anchor)
		}
		for _, m := range codePath.FindAllStringSubmatch(text, -1) {
			p := m[1]
			top := strings.SplitN(p, "/", 2)[0]
			if _, err := os.Stat(root + top); err != nil {
				continue // not a path of ours (a URL path, a media type)
			}
			_, err := os.Stat(root + strings.TrimSuffix(p, "/"))
			assert.NoError(t, err, "%s names %s, which does not exist", name, p)
		}
	}
}

// anchors are the GitHub anchors of a document's headings.
func anchors(doc string) []string {
	var out []string
	for _, m := range heading.FindAllStringSubmatch(doc, -1) {
		var b strings.Builder
		for _, r := range strings.ToLower(strings.TrimSpace(m[1])) {
			switch {
			case r == ' ' || r == '-':
				b.WriteRune('-')
			case r == '_' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 127:
				b.WriteRune(r)
			}
		}
		out = append(out, b.String())
	}
	return out
}
