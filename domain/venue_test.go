package domain

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A venue is parsed once into its canonical form (spaces trimmed and made one) and checked:
// at least one field, one line of at most 200 characters each, the link https with a host.
// Every problem is reported at once.
func TestVenuesAreParsedAndChecked(t *testing.T) {
	v, err := ParseVenue("  SKR,  Hornsgatan 20 ", "Hornsgatan 20\t118 82 Stockholm", " https://mote.example.se/seminarium?id=7 ")
	require.NoError(t, err)
	assert.Equal(t, Venue{Place: "SKR, Hornsgatan 20", Address: "Hornsgatan 20 118 82 Stockholm", Link: "https://mote.example.se/seminarium?id=7"}, v)
	assert.Equal(t, "SKR, Hornsgatan 20, Hornsgatan 20 118 82 Stockholm, https://mote.example.se/seminarium?id=7", v.String())

	for _, c := range []struct {
		name                 string
		place, address, link string
		fields               []string
	}{
		{"nothing", "", " ", "", []string{"place"}},
		{"a link without https", "", "", "http://mote.example.se", []string{"link"}},
		{"a link that is not one", "", "", "mote.example.se", []string{"link"}},
		{"a link with a password", "", "", "https://anna:hemligt@mote.example.se", []string{"link"}},
		{"javascript", "", "", "javascript:alert(1)", []string{"link"}},
		{"too long, and a bad link", strings.Repeat("x", 201), "", "ftp://x", []string{"place", "link"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := ParseVenue(c.place, c.address, c.link)
			var ve *ValidationError
			require.True(t, errors.As(err, &ve), "got %v", err)
			got := []string{ve.Field}
			for _, o := range ve.Others {
				got = append(got, o.Field)
			}
			assert.Equal(t, c.fields, got)
		})
	}
	assert.Error(t, Venue{Address: "Rad ett\nRad två"}.Validate(), "a workflow refuses a venue any client sends in two lines")
}

// The office says where the seminar is held until it begins; a later venue replaces the
// earlier. Anyone else, an empty venue, a begun seminar or a closed round is refused and
// changes nothing.
func TestTheSeminarVenueIsSetUntilTheSeminarBegins(t *testing.T) {
	r := testRound(t)
	office := Meta{By: officeAct, Reason: "Lokalen är bokad"}
	before := local(2027, 2, 20, 10, 0)
	venue := Venue{Place: "SKR, Hornsgatan 20", Link: "https://mote.example.se/bygglov"}

	assert.ErrorContains(t, r.SetSeminarVenue(SetSeminarVenue{Meta: Meta{By: web, Reason: "x"}, Venue: venue}, before), string(CodeForbiddenRole))
	assert.ErrorContains(t, r.SetSeminarVenue(SetSeminarVenue{Meta: office}, before), string(CodeMissingField))
	assert.True(t, r.SeminarVenue.IsZero(), "nothing changed")
	rev := r.Revision

	require.NoError(t, r.SetSeminarVenue(SetSeminarVenue{Meta: office, Venue: venue}, before))
	assert.Equal(t, venue, r.SeminarVenue)
	assert.Greater(t, r.Revision, rev)
	require.NoError(t, r.SetSeminarVenue(SetSeminarVenue{Meta: office, Venue: Venue{Link: "https://mote.example.se/ny"}}, before))
	assert.Equal(t, Venue{Link: "https://mote.example.se/ny"}, r.SeminarVenue, "replaced")

	var ve *ValidationError
	require.ErrorAs(t, r.SetSeminarVenue(SetSeminarVenue{Meta: office, Venue: venue}, local(2027, 3, 1, 13, 0)), &ve)
	assert.Equal(t, "seminar_begun", ve.Hint)
	r.Close(before)
	assert.ErrorContains(t, r.SetSeminarVenue(SetSeminarVenue{Meta: office, Venue: venue}, before), string(CodeClosed))
	assert.Equal(t, Venue{Link: "https://mote.example.se/ny"}, r.SeminarVenue)
}

// A hearing's venue is set alone or with a move, kept on the hearing and told in the timeline.
func TestAHearingsVenueIsSetAloneOrWithAMove(t *testing.T) {
	im := newTestImplementation(t)
	now := local(2027, 6, 1, 10, 0)
	venue := Venue{Place: "Inera, Östgötagatan 12", Link: "https://mote.example.se/hearing"}
	require.NoError(t, im.Apply(RecordHearing{Meta: implOffice, Hearing: "2027-2", Venue: &venue}, now))
	h := im.Hearings[im.hearingIndex("2027-2")]
	assert.Equal(t, venue, h.Venue)
	assert.Empty(t, h.Moves, "not moved")
	last := im.Events[len(im.Events)-1]
	assert.Equal(t, EvHearingVenue, last.Kind)
	assert.Equal(t, "Inera, Östgötagatan 12, https://mote.example.se/hearing", last.Detail)

	other := Venue{Address: "Hornsgatan 20, Stockholm"}
	require.NoError(t, im.Apply(RecordHearing{Meta: implOffice, Hearing: "2027-2", MoveTo: "2027-12-01", Venue: &other}, now))
	h = im.Hearings[im.hearingIndex("2027-2")]
	assert.Equal(t, other, h.Venue)
	assert.Len(t, h.Moves, 1)
}
