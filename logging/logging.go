// Package logging builds the zap logger every process uses and bridges it into the Temporal
// SDK, so workflow, activity and our own logs share one structured format.
package logging

import (
	"strings"

	"github.com/skr/handslag/config"

	sdklog "go.temporal.io/sdk/log"
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
)

// New returns a JSON logger at the level in s (debug, info, warn, error; info when empty or
// unknown), or a console logger for people.
func New(s config.Logging) *zap.Logger {
	level := zap.NewAtomicLevelAt(zap.InfoLevel)
	if s.Level != "" {
		_ = level.UnmarshalText([]byte(strings.ToLower(s.Level)))
	}
	cfg := zap.NewProductionConfig()
	if s.Console {
		cfg = zap.NewDevelopmentConfig()
	}
	cfg.Level = level
	cfg.EncoderConfig.TimeKey = "time"
	cfg.EncoderConfig.EncodeTime = zapcore.ISO8601TimeEncoder
	logger, err := cfg.Build()
	if err != nil {
		return zap.NewNop()
	}
	return logger
}

// SDK adapts a zap logger to the Temporal SDK's logger interface.
func SDK(z *zap.Logger) sdklog.Logger { return sdkLogger{z.WithOptions(zap.AddCallerSkip(1)).Sugar()} }

type sdkLogger struct{ s *zap.SugaredLogger }

func (l sdkLogger) Debug(msg string, kv ...interface{}) { l.s.Debugw(msg, kv...) }
func (l sdkLogger) Info(msg string, kv ...interface{})  { l.s.Infow(msg, kv...) }
func (l sdkLogger) Warn(msg string, kv ...interface{})  { l.s.Warnw(msg, kv...) }
func (l sdkLogger) Error(msg string, kv ...interface{}) { l.s.Errorw(msg, kv...) }

// With implements the SDK's WithLogger, so workflow loggers keep their context fields.
func (l sdkLogger) With(kv ...interface{}) sdklog.Logger { return sdkLogger{l.s.With(kv...)} }
