package mail_test

import (
	"testing"

	"github.com/skr/handslag/mail"
	"github.com/skr/handslag/mail/mailtest"
)

func TestMemoryPassesTheLedgerSuite(t *testing.T) {
	mailtest.Run(t, func(*testing.T) mail.Ledger { return mail.NewMemory() })
}
