// Package csvfile reads the small CSV registers an operator maintains by hand (reference data,
// contact addresses). Every problem names the file and the line, so whoever edits the file can
// find and fix it. Files saved by a spreadsheet are accepted as they come: a byte-order mark is
// dropped and a semicolon separator (Swedish Excel's default) is recognised from the header.
package csvfile

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
)

// Error is one problem in one line of a file. Line 0 means the file as a whole.
type Error struct {
	File    string
	Line    int
	Column  string
	Problem string
	// Code names the kind of problem for a translated message: "empty", "header", "columns"
	// or "syntax"; empty for a problem of a value, which its caller words.
	Code string

	recoverable bool // only this line is spoilt; reading goes on
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, " line %d", e.Line)
	}
	if e.Column != "" {
		fmt.Fprintf(&b, " column %s", e.Column)
	}
	b.WriteString(": ")
	b.WriteString(e.Problem)
	return b.String()
}

// Reader yields the records after a checked header, each with its line number.
type Reader struct {
	file string
	csv  *csv.Reader
}

// Open reads and checks the header line: it must be exactly the given column names.
func Open(r io.Reader, file string, header ...string) (*Reader, error) {
	br := bufio.NewReader(r)
	if bom, err := br.Peek(3); err == nil && bytes.Equal(bom, []byte("\uFEFF")) {
		_, _ = br.Discard(3)
	}
	comma := ','
	first, _ := br.Peek(4096) // what there is of it: the header line is all that matters
	if header, _, _ := bytes.Cut(first, []byte("\n")); bytes.Contains(header, []byte(";")) && !bytes.Contains(header, []byte(",")) {
		comma = ';'
	}
	c := csv.NewReader(br)
	c.Comma = comma
	c.FieldsPerRecord = len(header)
	rd := &Reader{file: file, csv: c}
	got, err := c.Read()
	if errors.Is(err, io.EOF) {
		return nil, &Error{File: file, Code: "empty", Problem: fmt.Sprintf("the file is empty; the first line must be %q", strings.Join(header, ","))}
	}
	if err != nil {
		var pe *csv.ParseError
		if errors.As(err, &pe) && errors.Is(err, csv.ErrFieldCount) {
			return nil, rd.headerError(1, header, got)
		}
		return nil, rd.parseError(err)
	}
	for i := range header {
		if strings.TrimSpace(got[i]) != header[i] {
			return nil, rd.headerError(1, header, got)
		}
	}
	return rd, nil
}

func (r *Reader) headerError(line int, want, got []string) error {
	return &Error{File: r.file, Line: line, Code: "header", Problem: fmt.Sprintf("the header must be %q, found %q",
		strings.Join(want, ","), strings.Join(got, string(r.csv.Comma)))}
}

// Each calls fn with every record (fields trimmed of surrounding spaces) and its line number,
// skipping blank lines. It goes on after a bad line, so the operator sees every problem at once,
// and returns them all joined, in file order; it stops early only where the file cannot be read
// further (an unclosed quote).
func (r *Reader) Each(fn func(rec []string, line int) error) error {
	var errs []error
	for {
		rec, err := r.csv.Read()
		if errors.Is(err, io.EOF) {
			return errors.Join(errs...)
		}
		if err != nil {
			e := r.parseError(err)
			errs = append(errs, e)
			if !e.recoverable {
				return errors.Join(errs...)
			}
			continue
		}
		line, _ := r.csv.FieldPos(0)
		for i := range rec {
			rec[i] = strings.TrimSpace(rec[i])
		}
		if err := fn(rec, line); err != nil {
			errs = append(errs, err)
		}
	}
}

// Fail builds an Error for a line of this file.
func (r *Reader) Fail(line int, column, format string, args ...any) *Error {
	return &Error{File: r.file, Line: line, Column: column, Problem: fmt.Sprintf(format, args...)}
}

func (r *Reader) parseError(err error) *Error {
	var pe *csv.ParseError
	if !errors.As(err, &pe) {
		return &Error{File: r.file, Code: "syntax", Problem: err.Error()}
	}
	if errors.Is(pe.Err, csv.ErrFieldCount) {
		return &Error{File: r.file, Line: pe.StartLine, Code: "columns", Problem: fmt.Sprintf("expected %d columns separated by %q", r.csv.FieldsPerRecord, string(r.csv.Comma)), recoverable: true}
	}
	problem := pe.Err.Error()
	if pe.Line != pe.StartLine {
		problem += fmt.Sprintf(" (the field starting here runs on to line %d)", pe.Line)
	}
	return &Error{File: r.file, Line: pe.StartLine, Code: "syntax", Problem: problem}
}

// SafeCell keeps a spreadsheet from reading a value as a formula (CSV injection): a value
// starting with =, +, -, @, a tab or a carriage return gets a leading apostrophe.
func SafeCell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
