package logging

import (
	"testing"

	"github.com/stretchr/testify/assert"
	sdklog "go.temporal.io/sdk/log"
	"go.uber.org/zap"
	"go.uber.org/zap/zaptest/observer"
)

func TestSDKLoggerKeepsFieldsAndLevels(t *testing.T) {
	core, logs := observer.New(zap.InfoLevel)
	l := SDK(zap.New(core))
	l.Debug("hidden")
	l.Info("started", "workflow", "initiative-x")
	l.(sdklog.WithLogger).With("run", 2).Warn("late")
	assert.Equal(t, 2, logs.Len())
	assert.Equal(t, int64(2), logs.All()[1].ContextMap()["run"])
	entry := logs.All()[0]
	assert.Equal(t, "started", entry.Message)
	assert.Equal(t, "initiative-x", entry.ContextMap()["workflow"])
}
