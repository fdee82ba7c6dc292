package domain

import (
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Venue is where a meeting (the offer's seminar, a hearing) is held: a place (the building or
// room), its street address, and a video link; any of them, at least one.
type Venue struct {
	Place   string `json:"place,omitempty"`
	Address string `json:"address,omitempty"`
	// Link is the video meeting's address, an https URL.
	Link string `json:"link,omitempty"`
}

// maxVenueText bounds each field of a venue (a place and an address fit in a line).
const maxVenueText = 200

// IsZero reports a venue with nothing in it.
func (v Venue) IsZero() bool { return v == Venue{} }

// ParseVenue makes a venue from what a person typed: spaces trimmed and runs of them made one,
// the link checked to be an https address. Every problem is reported at once.
func ParseVenue(place, address, link string) (Venue, error) {
	v := Venue{Place: oneLine(place), Address: oneLine(address), Link: strings.TrimSpace(link)}
	return v, v.Validate()
}

// Validate checks a venue as a workflow receives it (from any client): at least one field,
// each one line of at most 200 characters, the link an https URL with a host.
func (v Venue) Validate() error {
	var p problems
	if v.IsZero() {
		// Named by its first field, so that a form leads to it; the hint says any one will do.
		return missing("place").hint("venue_empty")
	}
	for _, f := range []struct{ name, value string }{{"place", v.Place}, {"address", v.Address}, {"link", v.Link}} {
		if utf8.RuneCountInString(f.value) > maxVenueText || strings.ContainsFunc(f.value, unicode.IsControl) {
			p.add(invalid(f.name, "").hint("venue_text", "max", "200"))
		}
	}
	if v.Link != "" {
		u, err := url.Parse(v.Link)
		if err != nil || u.Scheme != "https" || u.Host == "" || u.User != nil {
			p.add(invalid("link", v.Link).hint("venue_link"))
		}
	}
	return p.err()
}

// oneLine trims s and makes every run of white space one space.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// String is the venue in one line, its fields in order (timelines, the CLI).
func (v Venue) String() string {
	var parts []string
	for _, f := range []string{v.Place, v.Address, v.Link} {
		if f != "" {
			parts = append(parts, f)
		}
	}
	return strings.Join(parts, ", ")
}

// HearingVenue is where the hearing an invitation (kind ActInvitation, ref the hearing's ID) is
// for is held; zero for anything else.
func (im *Implementation) HearingVenue(kind, ref string) Venue {
	if kind != ActInvitation {
		return Venue{}
	}
	if i := im.hearingIndex(ref); i >= 0 {
		return im.Hearings[i].Venue
	}
	return Venue{}
}
