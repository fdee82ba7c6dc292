package offerweb

import (
	"context"
	"errors"
	"testing"

	"github.com/skr/handslag/admin"
	"github.com/skr/handslag/contract"
	"github.com/skr/handslag/domain"
	"github.com/skr/handslag/web"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type fakeImpl struct {
	status  contract.ImplementationStatus
	err     error
	sent    []any
	sendErr error
}

func (f *fakeImpl) ImplementationStatus(context.Context, string) (contract.ImplementationStatus, error) {
	return f.status, f.err
}

func (f *fakeImpl) SendImplementation(_ context.Context, id, name string, payload any, asSignal bool) (contract.ImplReceipt, error) {
	if name != contract.MsgImplUnsubscribe || asSignal || id != "bygglov" {
		return contract.ImplReceipt{}, errors.New("unexpected call")
	}
	f.sent = append(f.sent, payload)
	return contract.ImplReceipt{}, f.sendErr
}

func implStatus() contract.ImplementationStatus {
	return contract.ImplementationStatus{Implementation: domain.Implementation{Title: "Bygglov",
		Participants: []domain.ImplParticipant{{Code: "0180", Name: "Stockholm"}, {Code: "1480", Name: "Göteborg"}},
		Unsubscribed: []domain.Unsubscription{{Municipality: "1480", Email: "en@goteborg.example"}}}}
}

func TestSubscriptionsView(t *testing.T) {
	ended := implStatus()
	ended.Implementation.Outcome = &domain.ImplOutcome{Stage: domain.StageCompleted}
	whole := implStatus()
	whole.Implementation.Unsubscribed = append(whole.Implementation.Unsubscribed, domain.Unsubscription{Municipality: "1480"})
	for _, tt := range []struct {
		name    string
		status  contract.ImplementationStatus
		err     error
		code    string
		want    web.SubscriptionView
		wantErr error
	}{
		{"taking part", implStatus(), nil, "0180", web.SubscriptionView{Title: "Bygglov", MunicipalityName: "Stockholm"}, nil},
		{"one address stopped is not the municipality", implStatus(), nil, "1480", web.SubscriptionView{Title: "Bygglov", MunicipalityName: "Göteborg"}, nil},
		{"the whole municipality stopped", whole, nil, "1480", web.SubscriptionView{Title: "Bygglov", MunicipalityName: "Göteborg", Unsubscribed: true}, nil},
		{"ended", ended, nil, "0180", web.SubscriptionView{Title: "Bygglov", MunicipalityName: "Stockholm", Closed: true}, nil},
		{"not taking part", implStatus(), nil, "2584", web.SubscriptionView{}, web.ErrUnknownSubscription},
		{"no implementation", implStatus(), &admin.Error{Key: "error.no_implementation"}, "0180", web.SubscriptionView{}, web.ErrUnknownSubscription},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Subscriptions{Backend: &fakeImpl{status: tt.status, err: tt.err}}.View(context.Background(), "bygglov", tt.code)
			assert.ErrorIs(t, err, tt.wantErr)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestSubscriptionsUnsubscribeAsTheMunicipality(t *testing.T) {
	f := &fakeImpl{}
	s := Subscriptions{Backend: f}
	require.NoError(t, s.Unsubscribe(context.Background(), web.UnsubscribeRequest{InitiativeID: "bygglov", MunicipalityCode: "0180"}))
	require.NoError(t, s.Unsubscribe(context.Background(), web.UnsubscribeRequest{InitiativeID: "bygglov", MunicipalityCode: "0180", OneClick: true}))
	require.Len(t, f.sent, 2)
	cmd := f.sent[0].(domain.Unsubscribe)
	assert.Equal(t, "0180", cmd.Municipality)
	assert.Empty(t, cmd.Email, "the whole municipality")
	assert.Equal(t, domain.RoleMunicipality, cmd.By.Role)
	assert.Contains(t, cmd.Reason, "länken")
	assert.Contains(t, f.sent[1].(domain.Unsubscribe).Reason, "RFC 8058")

	f.sendErr = &domain.ValidationError{Code: domain.CodeClosed}
	assert.ErrorIs(t, s.Unsubscribe(context.Background(), web.UnsubscribeRequest{InitiativeID: "bygglov"}), web.ErrClosed)
	boom := errors.New("unreachable")
	f.sendErr = boom
	assert.ErrorIs(t, s.Unsubscribe(context.Background(), web.UnsubscribeRequest{InitiativeID: "bygglov"}), boom)
}
