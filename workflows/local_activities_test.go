package workflows

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"go.temporal.io/sdk/workflow"
)

// A local activity's ScheduleToCloseTimeout defaults to its StartToCloseTimeout, so without one
// set a single slow attempt ends every retry: a registration check that met a slow visibility
// query under load failed the initiative (found by handslag-load --backlog 5000). Every local
// activity gives its attempts room: the whole retry budget is many attempts long.
func TestEveryLocalActivityHasRoomToRetry(t *testing.T) {
	for name, o := range map[string]workflow.LocalActivityOptions{
		"registration check": registrationCheckLocalOptions,
		"case record":        caseRecordLocalOptions,
		"receipts":           receiptLocalOptions,
	} {
		t.Run(name, func(t *testing.T) {
			assert.Positive(t, o.StartToCloseTimeout)
			assert.GreaterOrEqual(t, o.ScheduleToCloseTimeout, 10*o.StartToCloseTimeout)
			assert.GreaterOrEqual(t, o.ScheduleToCloseTimeout, 10*time.Minute)
			assert.NotNil(t, o.RetryPolicy)
		})
	}
}
