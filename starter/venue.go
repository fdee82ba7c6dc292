package starter

import (
	"context"
	"fmt"

	"github.com/skr/handslag/domain"
)

// venueFlags defines --place, --address and --link, and returns the venue they give once the
// flags are parsed: nil when none is set, parsed (canonical) otherwise.
func venueFlags(f *flags) func() (*domain.Venue, error) {
	place := f.String("place", "", "cli.flag.place")
	address := f.String("address-line", "", "cli.flag.address-line")
	link := f.String("link", "", "cli.flag.link")
	return func() (*domain.Venue, error) {
		if *place == "" && *address == "" && *link == "" {
			return nil, nil
		}
		v, err := domain.ParseVenue(*place, *address, *link)
		if err != nil {
			return nil, err
		}
		return &v, nil
	}
}

// offerSeminar says where the offer's seminar is held (the office, until it begins): the
// answer form and each municipality's page show it.
func (c *CLI) offerSeminar(ctx context.Context, args []string) error {
	f := c.newFlags("offer seminar", domain.RoleOffice, true)
	venue := venueFlags(f)
	id, err := f.parse(args, true)
	if err != nil {
		return err
	}
	v, err := venue()
	if err != nil {
		return err
	}
	if v == nil {
		return usagef("%s", c.t("cli.venue_missing"))
	}
	cmd := domain.SetSeminarVenue{Meta: f.meta(), Venue: *v}
	a, err := c.dial(ctx, f)
	if err != nil {
		return err
	}
	defer a.Close()
	if err := a.SetSeminarVenue(ctx, id, cmd, f.signal); err != nil {
		return err
	}
	fmt.Fprintln(c.Out, c.t("cli.venue_set", "id", id))
	return nil
}
