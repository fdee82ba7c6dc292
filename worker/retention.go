package worker

import (
	"context"
	"time"

	"github.com/skr/handslag/legal"
	"go.uber.org/zap"
)

// RetentionEvery is how often a worker process enforces the retention periods on Handslag's
// database. Every process does it; the work is idempotent, so several at once do no harm.
const RetentionEvery = time.Hour

// retentionStore is what the sweep removes from (store.DB).
type retentionStore interface {
	ForgetMail(ctx context.Context, before time.Time) (int, error)
	ForgetAddressChanges(ctx context.Context, before time.Time) (int, error)
}

// enforceRetention removes, once, what the retention periods say is kept no longer: the
// recipients and contents of e-mails sent more than MailDays ago, and the address registers'
// change log older than ChangeLogYears. Workflow state is not touched here: it goes with the
// namespace's retention once an initiative closes (docs/personal-data.md).
func enforceRetention(ctx context.Context, db retentionStore, r legal.Retention, now time.Time, log *zap.Logger) {
	if n, err := db.ForgetMail(ctx, now.Add(-r.MailAge())); err != nil {
		log.Warn("retention: sent e-mail not emptied; trying again later", zap.Error(err))
	} else if n > 0 {
		log.Info("retention: sent e-mail emptied of recipients and contents", zap.Int("messages", n), zap.Int("after_days", r.MailDays))
	}
	if n, err := db.ForgetAddressChanges(ctx, r.ChangeLogCutoff(now)); err != nil {
		log.Warn("retention: address change log not pruned; trying again later", zap.Error(err))
	} else if n > 0 {
		log.Info("retention: address change log pruned", zap.Int("changes", n), zap.Int("after_years", r.ChangeLogYears))
	}
}

// KeepRetention enforces the retention periods at once and then every interval until ctx ends.
func KeepRetention(ctx context.Context, db retentionStore, r legal.Retention, every time.Duration, log *zap.Logger) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		enforceRetention(ctx, db, r, time.Now(), log)
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}
