// Package logging builds the zap logger every process uses and bridges it into the Temporal
// SDK, so workflow, activity and our own logs share one structured format.
package logging

import (
	"os"
	"strings"

	sdklog "go.temporal.io/sdk/log"
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
)

// New returns a JSON logger at the level in HANDSLAG_LOG_LEVEL (debug, info, warn, error;
// info by default), or a console logger when HANDSLAG_LOG_FORMAT=console.
func New() *zap.Logger {
	level := zap.NewAtomicLevelAt(zap.InfoLevel)
	if l := os.Getenv("HANDSLAG_LOG_LEVEL"); l != "" {
		_ = level.UnmarshalText([]byte(strings.ToLower(l)))
	}
	cfg := zap.NewProductionConfig()
	if os.Getenv("HANDSLAG_LOG_FORMAT") == "console" {
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
