package e2e

import (
	"context"
	"encoding/base64"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/skr/handslag/admin"
	"github.com/skr/handslag/codec"
	"github.com/skr/handslag/contract"
	"github.com/skr/handslag/domain"
	"github.com/skr/handslag/internal/testkeys"
	"github.com/skr/handslag/store"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	enumspb "go.temporal.io/api/enums/v1"
	"go.temporal.io/sdk/client"
	sdkworker "go.temporal.io/sdk/worker"
	"google.golang.org/protobuf/encoding/protojson"
)

// With the codec, what Temporal keeps of an initiative is ciphertext: a client without the
// keys (or anyone reading the history) finds no contact e-mail in it, while our clients and
// worker, which have the keys, work as ever; the memo stays plain, so lists still show titles.
func TestTemporalHoldsOnlyCiphertext(t *testing.T) {
	ring, err := codec.ParseRing(testkeys.CodecRing)
	require.NoError(t, err)
	dc := codec.DataConverter(codec.New(ring))
	s := startSystemWithOptions(t, "", 0, client.Options{DataConverter: dc}, func(c client.Client, db *store.DB) (sdkworker.Worker, error) {
		return newTestWorker(c, db, nil)
	})
	ctx := context.Background()
	reg := domain.Registration{ID: "krypterat", By: domain.Actor{ID: "anna.andersson@programkontoret.example", Role: domain.RoleOffice},
		Need: domain.Need{Title: "Krypterat behov", Problem: "p", WhoHasTheNeed: "w", ExpectedBenefit: "b", AffectedActivities: []string{"Kansli"},
			ProposerOrganisation: "Exempelby kommun", ContactEmail: "hemlig.person@exempelby.example"}}
	require.NoError(t, s.admin.Register(ctx, reg))
	_, err = s.admin.Send(ctx, reg.ID, contract.MsgTriageOwner, domain.TriageOwner{Meta: domain.Meta{By: reg.By, Reason: "Inera har plattformen"},
		Owner: domain.OwnerInera, Route: domain.RouteOwn}, false)
	require.NoError(t, err)
	st, err := s.admin.Status(ctx, reg.ID)
	require.NoError(t, err)
	assert.Equal(t, "hemlig.person@exempelby.example", st.Initiative.Need.ContactEmail, "our client reads it")

	// The history as the server keeps it.
	var history strings.Builder
	iter := s.admin.Temporal.GetWorkflowHistory(ctx, contract.InitiativeWorkflowID(reg.ID), "", false, enumspb.HISTORY_EVENT_FILTER_TYPE_ALL_EVENT)
	events := 0
	for iter.HasNext() {
		e, err := iter.Next()
		require.NoError(t, err)
		b, err := protojson.Marshal(e)
		require.NoError(t, err)
		history.Write(b)
		events++
	}
	require.Greater(t, events, 5)
	h := history.String()
	assert.False(t, strings.Contains(h, "hemlig.person"), "no contact e-mail in clear")
	assert.False(t, strings.Contains(h, base64Of("hemlig.person")), "not even base64-encoded")
	assert.True(t, strings.Contains(h, base64.StdEncoding.EncodeToString([]byte(codec.Encoding))), "the payloads are sealed")
	if os.Getenv("HANDSLAG_RECORD_HISTORY") != "" {
		// Replayed with the test keys by the worker's replay tests (sealed_*.json).
		recordHistory(t, s, reg.ID, "../workflows/testdata/sealed_triaged.json")
	}

	// A client without the keys sees ciphertext; the list (search attributes, memo) works.
	plain, err := admin.Dial(ctx, s.address, contract.Namespace, client.Options{})
	require.NoError(t, err)
	defer plain.Close()
	_, err = plain.Status(ctx, reg.ID)
	require.Error(t, err, "without the keys the status cannot be read")
	require.Eventually(t, func() bool {
		list, err := plain.List(ctx, admin.Filter{Stage: domain.StageTriaged})
		return err == nil && len(list) == 1 && list[0].Title == "Krypterat behov"
	}, 10*time.Second, 100*time.Millisecond, "titles and stages stay readable in lists")
}

func base64Of(s string) string {
	return strings.TrimRight(base64.StdEncoding.EncodeToString([]byte(s)), "=")
}
