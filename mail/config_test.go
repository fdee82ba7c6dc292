package mail

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestNewSMTPSenderChecksConfig(t *testing.T) {
	_, err := NewSMTPSender(Config{From: "a@b.se"}, NewMemory())
	var ce *ConfigError
	require.True(t, errors.As(err, &ce))
	assert.Equal(t, EnvHost, ce.Setting)
	_, err = NewSMTPSender(Config{Host: "h", Port: 1 << 17, From: "a@b.se"}, NewMemory())
	require.True(t, errors.As(err, &ce))
	assert.Equal(t, EnvPort, ce.Setting)
}
