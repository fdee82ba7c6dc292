package console

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"net/url"
	"strings"

	"github.com/skr/handslag/domain"
	"github.com/skr/handslag/i18n"
	"github.com/skr/handslag/present"
)

// form is a posted form's values.
type form struct{ url.Values }

func (f form) get(name string) string { return strings.TrimSpace(f.Values.Get(name)) }

func (f form) int(name string) (int, error) {
	s := f.get(name)
	if s == "" {
		return 0, nil // the domain says what is missing
	}
	return domain.ParseInt(name, s)
}

func (f form) number(name string) (float64, error) {
	s := f.get(name)
	if s == "" {
		return 0, nil
	}
	return domain.ParseNumber(name, s)
}

// venue is the meeting's venue from the form's place, address and link: nil when all are
// empty, parsed into its canonical form otherwise.
func (f form) venue() (*domain.Venue, error) {
	place, address, link := f.get("place"), f.get("address"), f.get("link")
	if place == "" && address == "" && link == "" {
		return nil, nil
	}
	v, err := domain.ParseVenue(place, address, link)
	if err != nil {
		return nil, err
	}
	return &v, nil
}

// maxForm is the most a console form may post.
const maxForm = 64 << 10

// submissionID names one rendering of a form: it is the update ID of the message the form
// sends, so a form posted twice (a double click, a reload) sends one message.
func submissionID() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// validSubmission accepts only the IDs submissionID makes.
func validSubmission(s string) bool {
	if len(s) != 32 {
		return false
	}
	_, err := hex.DecodeString(s)
	return err == nil
}

// formField is a field as the template shows it.
type formField struct {
	Name     string
	Label    string
	Hint     string
	Kind     string
	Value    string
	Options  []option
	Optional bool
	Error    string
	// Goals are the effect goals of a finals field, each with its value.
	Goals []goalValue
}

type goalValue struct {
	ID, Label, Value string
}

// problem is one entry of a form's error summary.
type problem struct {
	Anchor, Text string
}

// fieldErrors turns a refusal into the message of each field it concerns, and the summary.
func fieldErrors(lang i18n.Lang, err error, fields []formField) ([]problem, map[string]string) {
	var ve *domain.ValidationError
	byField := map[string]string{}
	if !errors.As(err, &ve) {
		return []problem{{Text: err.Error()}}, byField
	}
	known := map[string]bool{}
	label := map[string]string{}
	for _, f := range fields {
		known[f.Name] = true
		label[f.Name] = f.Label
		for _, g := range f.Goals {
			known["final_"+g.ID] = true
			label["final_"+g.ID] = g.Label
		}
	}
	name := func(field string) string {
		if l, ok := label[field]; ok {
			return l
		}
		return field
	}
	var out []problem
	for _, e := range append([]domain.ValidationError{*ve}, ve.Others...) {
		text := present.Problem(lang, e, name)
		anchor := ""
		if known[e.Field] {
			anchor = "f-" + e.Field
			if _, dup := byField[e.Field]; !dup {
				byField[e.Field] = text
			}
		}
		out = append(out, problem{Anchor: anchor, Text: text})
	}
	return out, byField
}
