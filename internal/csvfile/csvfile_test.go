package csvfile

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type row struct {
	line int
	rec  []string
}

func TestEach(t *testing.T) {
	cases := []struct {
		name     string
		in       string
		rows     []row
		problems []string // every error text, in order
	}{
		{name: "plain", in: "a,b\n1,2\n3,4\n", rows: []row{{2, []string{"1", "2"}}, {3, []string{"3", "4"}}}},
		{name: "spaces trimmed, blank lines skipped", in: "a , b\n\n 1 , 2 \n", rows: []row{{3, []string{"1", "2"}}}},
		{name: "byte-order mark", in: "\uFEFFa,b\n1,2\n", rows: []row{{2, []string{"1", "2"}}}},
		{name: "semicolons from a spreadsheet", in: "a;b\r\n1;x,y\r\n", rows: []row{{2, []string{"1", "x,y"}}}},
		{name: "quoted field with newline keeps the start line", in: "a,b\n\"x\ny\",2\n3,4\n", rows: []row{{2, []string{"x\ny", "2"}}, {4, []string{"3", "4"}}}},
		{name: "header only", in: "a,b\n"},
		{name: "wrong field count goes on", in: "a,b\n1\n2,3\n4,5,6\n", rows: []row{{3, []string{"2", "3"}}},
			problems: []string{"f.csv line 2: expected 2 columns separated by \",\"", "f.csv line 4: expected 2 columns separated by \",\""}},
		{name: "unclosed quote stops", in: "a,b\n1,2\n\"3,4\n5,6\n", rows: []row{{2, []string{"1", "2"}}},
			problems: []string{"f.csv line 3: extraneous or missing \" in quoted-field (the field starting here runs on to line 4)"}},
		{name: "errors from fn are collected", in: "a,b\nbad,1\nok,2\nbad,3\n", rows: []row{{3, []string{"ok", "2"}}},
			problems: []string{"f.csv line 2 column a: bad value \"bad\"", "f.csv line 4 column a: bad value \"bad\""}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r, err := Open(strings.NewReader(c.in), "f.csv", "a", "b")
			require.NoError(t, err)
			var rows []row
			err = r.Each(func(rec []string, line int) error {
				if rec[0] == "bad" {
					return r.Fail(line, "a", "bad value %q", rec[0])
				}
				rows = append(rows, row{line, rec})
				return nil
			})
			assert.Equal(t, c.rows, rows)
			if len(c.problems) == 0 {
				assert.NoError(t, err)
				return
			}
			require.Error(t, err)
			assert.Equal(t, strings.Join(c.problems, "\n"), err.Error())
			var e *Error
			require.True(t, errors.As(err, &e), "a typed *Error is inside")
			assert.Equal(t, "f.csv", e.File)
		})
	}
}

func TestOpenRejectsBadHeader(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"empty file", "", `f.csv: the file is empty; the first line must be "a,b"`},
		{"wrong names", "a,c\n1,2\n", `f.csv line 1: the header must be "a,b", found "a,c"`},
		{"missing column", "a\n1\n", `f.csv line 1: the header must be "a,b", found "a"`},
		{"extra column", "a,b,c\n", `f.csv line 1: the header must be "a,b", found "a,b,c"`},
		{"no header, data first", "1,2\n", `f.csv line 1: the header must be "a,b", found "1,2"`},
		{"broken quote in header", "\"a,b\n", `f.csv line 1: extraneous or missing " in quoted-field`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Open(strings.NewReader(c.in), "f.csv", "a", "b")
			require.Error(t, err)
			assert.Equal(t, c.want, err.Error())
		})
	}
}
