package activities

import (
	"context"
	"testing"
	"time"

	"github.com/skr/handslag/contacts"
	"github.com/skr/handslag/domain"
	"github.com/skr/handslag/mail"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.temporal.io/sdk/testsuite"
)

// A batch of receipts reads its addresses at once and keeps its messages at once where the
// register and the outbox can (the database: one read and one write, inside the round's
// workflow task), with the same result as one by one: a receipt kept before is not kept again,
// a municipality without an address is listed.
func TestABatchOfReceiptsIsReadAndKeptAtOnce(t *testing.T) {
	var s testsuite.WorkflowTestSuite
	env := s.NewTestActivityEnvironment()
	ledger := &countingLedger{Memory: mail.NewMemory()}
	book := &countingBook{Memory: &contacts.Memory{Entries: []contacts.Entry{
		{Kind: contacts.Municipality, Party: "0180", Email: "registrator@stockholm.example"},
		{Kind: contacts.Municipality, Party: "1480", Email: "registrator@goteborg.example"},
		{Kind: contacts.Municipality, Party: "1280", Email: "registrator@malmo.example"}}}}
	a := offerActivities(nil)
	a.Sender, a.Addresses = mail.Outbox{Ledger: ledger}, book
	env.RegisterActivity(a)
	at := time.Date(2027, 4, 2, 10, 0, 0, 0, domain.Stockholm())
	answer := func(m domain.OfferMunicipality, version int) AnswerReceipt {
		return AnswerReceipt{Municipality: m, Answer: domain.AnswerVersion{Municipality: m.Code, Version: version,
			Answer: domain.AnswerYes, Name: "Kim Svensson", Role: "Kommundirektör", Source: domain.SourceLink, At: at}}
	}
	_, err := ledger.Memory.Keep(context.Background(), mail.Message{Key: ReceiptKey("bygglov", "1480", 1)})
	require.NoError(t, err)
	b := ReceiptBatch{OfferID: "offer-bygglov", Content: offerBatch(MailOffer).Content, Deadline: offerBatch(MailOffer).Deadline,
		Receipts: []AnswerReceipt{answer(fourMunicipalities[0], 1), answer(fourMunicipalities[1], 1),
			answer(fourMunicipalities[3], 1), answer(fourMunicipalities[0], 2)}}

	v, err := env.ExecuteActivity(a.SendReceipts, b)
	require.NoError(t, err)
	var res OfferMailResult
	require.NoError(t, v.Get(&res))
	assert.Equal(t, OfferMailResult{Sent: 2, AlreadySent: 1, MissingContacts: []string{"2584"}}, res)
	assert.Equal(t, 1, book.many, "one read for the batch")
	assert.Zero(t, book.one)
	assert.Equal(t, 1, ledger.all, "one write for the batch")
	assert.Zero(t, ledger.one)
	for _, version := range []int{1, 2} {
		msgs, err := ledger.Messages(context.Background())
		require.NoError(t, err)
		assert.True(t, hasKey(msgs, ReceiptKey("bygglov", "0180", version)), "Stockholm's version %d", version)
	}
}

func hasKey(ms []mail.Message, key string) bool {
	for _, m := range ms {
		if m.Key == key && len(m.To) > 0 {
			return true
		}
	}
	return false
}

// countingLedger counts how the outbox writes.
type countingLedger struct {
	*mail.Memory
	one, all int
}

func (l *countingLedger) Keep(ctx context.Context, m mail.Message) (bool, error) {
	l.one++
	return l.Memory.Keep(ctx, m)
}

func (l *countingLedger) KeepAll(ctx context.Context, ms []mail.Message) ([]bool, error) {
	l.all++
	return l.Memory.KeepAll(ctx, ms)
}

// countingBook is a register that reads many parties at once, counting how it is read.
type countingBook struct {
	*contacts.Memory
	one, many int
}

func (b *countingBook) Addresses(ctx context.Context, kind contacts.Kind, party string) ([]string, error) {
	b.one++
	return b.Memory.Addresses(ctx, kind, party)
}

func (b *countingBook) AddressesOfMany(ctx context.Context, kind contacts.Kind, parties []string) (map[string][]string, error) {
	b.many++
	out := map[string][]string{}
	for _, p := range parties {
		if addrs, _ := b.Memory.Addresses(ctx, kind, p); len(addrs) > 0 {
			out[p] = addrs
		}
	}
	return out, nil
}
