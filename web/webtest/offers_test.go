package webtest

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/skr/handslag/web"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The fake keeps the contract documented on web.Offers, which the real offer round must keep too.
func TestOffersKeepsTheContract(t *testing.T) {
	now := time.Date(2027, 2, 10, 10, 0, 0, 0, time.UTC)
	offers, links, tokens := Demo(func() time.Time { return now })
	ctx := context.Background()
	answer := func(code, id string, c web.Choice) (web.AnswerReceipt, error) {
		return offers.Answer(ctx, web.AnswerSubmission{OfferID: DemoOfferID, MunicipalityCode: code,
			SubmissionID: id, Choice: c, Name: "N", Role: "R"})
	}

	offerID, code, err := links.Verify(tokens["1280"])
	require.NoError(t, err)
	assert.Equal(t, [2]string{DemoOfferID, "1280"}, [2]string{offerID, code})
	_, _, err = links.Verify(tokens["1280"] + "x")
	assert.ErrorIs(t, err, ErrBadLink)

	_, err = offers.View(ctx, "other", "1280")
	assert.ErrorIs(t, err, web.ErrUnknownOffer)
	_, err = answer("0180", "s0", web.Yes)
	assert.ErrorIs(t, err, web.ErrUnknownOffer, "a municipality the offer was not sent to")

	first, err := answer("1280", "s1", web.No)
	require.NoError(t, err)
	again, err := answer("1280", "s1", web.Yes)
	require.NoError(t, err)
	assert.Equal(t, first, again, "the same submission ID gives the first receipt")
	changed, err := answer("1280", "s2", web.Yes)
	require.NoError(t, err)
	assert.True(t, changed.Changed)
	assert.Equal(t, 2, changed.Version)

	v, err := offers.View(ctx, DemoOfferID, "1280")
	require.NoError(t, err)
	assert.Equal(t, "Malmö", v.MunicipalityName)
	assert.Equal(t, web.Yes, v.Current.Choice)
	assert.False(t, v.DeadlinePassed)

	now = v.AnswerDeadline
	_, err = answer("2584", "s3", web.No)
	assert.ErrorIs(t, err, web.ErrLateNo)
	late, err := answer("2584", "s4", web.Yes)
	require.NoError(t, err)
	assert.True(t, late.Late)

	offers.Close(DemoOfferID)
	_, err = answer("0114", "s5", web.Yes)
	assert.ErrorIs(t, err, web.ErrClosed)
	assert.Len(t, offers.Versions(DemoOfferID, "1280"), 2)
	assert.Len(t, offers.Versions(DemoOfferID, "2584"), 1)
	assert.Empty(t, offers.Versions(DemoOfferID, "0114"))

	offers.FailWith(errors.New("down"))
	_, err = offers.View(ctx, DemoOfferID, "1280")
	assert.EqualError(t, err, "down")
}
