package activities

import (
	"testing"
	"time"

	"github.com/skr/handslag/activities/offerfakes"
	"github.com/skr/handslag/contacts"
	"github.com/skr/handslag/domain"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.temporal.io/sdk/testsuite"
)

// A report reminder goes to the owner organisation with the office in copy; an owner without
// an address leaves the office alone, told to forward it; an escalation stays with the
// leadership whatever the book says.
func TestReportReminderGoesToTheOwner(t *testing.T) {
	book := &contacts.Memory{Entries: []contacts.Entry{{Kind: contacts.Owner, Party: "Inera", Email: "uppfoljning@inera.example"}}}
	due := time.Date(2027, 10, 16, 17, 0, 0, 0, domain.Stockholm())
	for _, tt := range []struct {
		name, owner, kind string
		book              contacts.Book
		to                []string
		note              string // in the body; "" checks that no note is there
	}{
		{"owner with an address", "Inera", domain.ActReminder, book, []string{"uppfoljning@inera.example", "kontoret@example.se"}, ""},
		{"owner without an address", "Adda", domain.ActReminder, book, []string{"kontoret@example.se"},
			"Ingen e-postadress till Adda finns inlagd (i adressregistret)"},
		{"no book at all", "Inera", domain.ActReminder, nil, []string{"kontoret@example.se"}, "Vidarebefordra den till Inera"},
		{"no owner", "", domain.ActReminder, book, []string{"kontoret@example.se"}, "ingen huvudägare"},
		{"escalation", "Inera", domain.ActEscalation, book, []string{"ledningen@example.se", "kontoret@example.se"}, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var s testsuite.WorkflowTestSuite
			env := s.NewTestActivityEnvironment()
			sender := &offerfakes.Sender{}
			a := offerActivities(sender)
			a.Addresses = tt.book
			env.RegisterActivity(a)
			_, err := env.ExecuteActivity(a.NotifyReportChase, ReportChaseNotice{ImplNoticeBase: ImplNoticeBase{InitiativeID: "bygglov",
				Title: "Bygglov", Owner: tt.owner}, Kind: tt.kind, Period: "2027-07", Due: due})
			require.NoError(t, err)
			m, ok := sender.Get(ReportChaseKey("bygglov", tt.kind, "2027-07"))
			require.True(t, ok)
			assert.Equal(t, tt.to, m.To)
			assert.NotContains(t, m.Body, "{")
			if tt.note != "" {
				assert.Contains(t, m.Body, tt.note)
			} else {
				assert.NotContains(t, m.Body, "adressregistret")
			}
		})
	}
}
