package cases

import (
	"testing"
	"time"

	"github.com/skr/handslag/domain"
	"github.com/stretchr/testify/assert"
)

var t0 = time.Date(2027, 3, 1, 10, 0, 0, 0, time.UTC)

func rec(id string, stage domain.Stage, chain string, created time.Time, revision int, written time.Time) Record {
	return Record{Summary: domain.CaseSummary{ID: id, Title: "Titel " + id, Stage: stage, Owner: domain.OwnerInera, Year: 2027},
		Chain: chain, Created: created, Revision: revision, Written: written}
}

func TestSupersedes(t *testing.T) {
	base := rec("bygglov", domain.StageFebruaryReview, "run-1", t0, 5, t0.Add(time.Hour))
	cases := []struct {
		name string
		new  Record
		want bool
	}{
		{"a higher revision", rec("bygglov", domain.StageDeclined, "run-1", t0, 6, t0.Add(time.Hour)), true},
		{"a lower revision, even written later (a delayed retry)", rec("bygglov", domain.StageTriaged, "run-1", t0, 4, t0.Add(2*time.Hour)), false},
		{"the same revision, later (the next milestone moved on)", rec("bygglov", domain.StageFebruaryReview, "run-1", t0, 5, t0.Add(2*time.Hour)), true},
		{"the same revision and time: a repeat", base, false},
		{"the same revision, earlier", rec("bygglov", domain.StageFebruaryReview, "run-1", t0, 5, t0), false},
		{"a later initiative under the same ID", rec("bygglov", domain.StageTriaged, "run-9", t0.AddDate(1, 0, 0), 1, t0.AddDate(1, 0, 0)), true},
		{"a write of an older initiative under the same ID", rec("bygglov", domain.StageDeclined, "run-0", t0.AddDate(-1, 0, 0), 99, t0.AddDate(1, 0, 0)), false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			assert.Equal(t, c.want, c.new.Supersedes(base))
		})
	}
}

func TestRecordValidate(t *testing.T) {
	good := rec("bygglov", domain.StageTriaged, "run-1", t0, 1, t0)
	assert.NoError(t, good.Validate())
	cases := map[string]func(r *Record){
		"id":      func(r *Record) { r.Summary.ID = "../etc/passwd" },
		"stage":   func(r *Record) { r.Summary.Stage = "nowhere" },
		"chain":   func(r *Record) { r.Chain = "" },
		"written": func(r *Record) { r.Written = time.Time{} },
	}
	for field, spoil := range cases {
		t.Run(field, func(t *testing.T) {
			r := good
			spoil(&r)
			var ve *domain.ValidationError
			assert.ErrorAs(t, r.Validate(), &ve)
			assert.Equal(t, field, ve.Field)
		})
	}
}
