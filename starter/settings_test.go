package starter

import (
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
)

// A wrong connection setting is named before anything is dialled.
func TestWrongConnectionSettingIsNamed(t *testing.T) {
	t.Setenv("TEMPORAL_CONFIG_FILE", filepath.Join(t.TempDir(), "none.toml"))
	code, out := run(t, "status", "x", "--address", "temporal")
	assert.Equal(t, ExitRejected, code)
	assert.Contains(t, out, "Inställningen TEMPORAL_ADDRESS (--address) går inte att använda: skriv värd:port")

	t.Setenv("TEMPORAL_TLS", "yes")
	code, out = run(t, "status", "x", "--address", "127.0.0.1:1")
	assert.Equal(t, ExitRejected, code)
	assert.Contains(t, out, "Inställningen TEMPORAL_TLS går inte att använda: yes ska vara true eller false")

	t.Setenv("TEMPORAL_TLS", "")
	t.Setenv("TEMPORAL_TLS_CLIENT_CERT_PATH", filepath.Join(t.TempDir(), "missing.pem"))
	code, out = run(t, "status", "x", "--address", "127.0.0.1:1")
	assert.Equal(t, ExitRejected, code)
	assert.Contains(t, out, "TEMPORAL_TLS_CLIENT_KEY_PATH (--tls-key-path)")
}
