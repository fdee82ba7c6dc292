package activities

import (
	"context"
	"errors"

	"github.com/skr/handslag/domain"
	"go.temporal.io/sdk/activity"
)

// AnswererRetention is the retention period of answerers in force now (from the legal facts
// the worker was started with), which a round takes when it closes.
func (a *Activities) AnswererRetention(context.Context) (domain.Period, error) {
	return a.AnswerersKept, nil
}

// ForgottenReceipts names the offer round whose receipts lose their personal data.
type ForgottenReceipts struct {
	InitiativeID string `json:"initiative_id"`
}

// ReceiptPrefix is the key prefix of every receipt of an initiative's offer round.
func ReceiptPrefix(initiativeID string) string { return "receipt/" + initiativeID + "/" }

// ForgetReceipts empties the round's receipts (which repeat each answerer's name, role and
// comment) of their recipients and contents in the e-mail ledger; the keys stay, so none is
// sent again. Running it twice empties nothing twice.
func (a *Activities) ForgetReceipts(ctx context.Context, f ForgottenReceipts) (int, error) {
	if err := domain.ValidateID(f.InitiativeID); err != nil {
		return 0, err
	}
	if a.MailStore == nil {
		return 0, errors.New("activities: no e-mail ledger to forget receipts in")
	}
	n, err := a.MailStore.ForgetMailKeys(ctx, ReceiptPrefix(f.InitiativeID))
	if err != nil {
		return 0, err
	}
	activity.GetLogger(ctx).Info("receipts emptied at the end of the answerers' retention", "initiative", f.InitiativeID, "receipts", n)
	return n, nil
}
