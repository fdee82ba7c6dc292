package answerlink

import (
	"bytes"
	"encoding/base64"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDecodeKey(t *testing.T) {
	key := bytes.Repeat([]byte{0xFB, 0xEF}, 16) // base64 of it has '+' and '/', URL form '-' and '_'
	cases := []struct {
		name  string
		value string
		want  []byte
		err   string
	}{
		{name: "hex", value: hex.EncodeToString(key), want: key},
		{name: "hex upper case with newline", value: "  " + strings.ToUpper(hex.EncodeToString(key)) + "\n", want: key},
		{name: "base64", value: base64.StdEncoding.EncodeToString(key), want: key},
		{name: "base64 unpadded", value: base64.RawStdEncoding.EncodeToString(key), want: key},
		{name: "base64url", value: base64.URLEncoding.EncodeToString(key), want: key},
		{name: "base64url unpadded", value: base64.RawURLEncoding.EncodeToString(key), want: key},
		{name: "too short", value: hex.EncodeToString(key[:31]), err: "the key has 31 bytes, at least 32"},
		{name: "neither", value: "not a key at all!", err: "write the key as hex or base64"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := DecodeKey(c.value)
			if c.err != "" {
				require.Error(t, err)
				assert.Contains(t, err.Error(), c.err)
				assert.Nil(t, got)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, c.want, got)
		})
	}
}

func TestLoadOrCreateKey(t *testing.T) {
	path := filepath.Join(t.TempDir(), "secrets", "answerlink.key")
	k1, err := LoadOrCreateKey(path)
	require.NoError(t, err)
	assert.Len(t, k1, MinKeyLen)
	info, err := os.Stat(path)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o600), info.Mode().Perm())

	k2, err := LoadOrCreateKey(path)
	require.NoError(t, err)
	assert.Equal(t, k1, k2, "reused on restart")
	s1, s2 := signer(t, k1), signer(t, k2)
	assert.Equal(t, s1.Token("o", "0114"), s2.Token("o", "0114"), "links survive a restart")

	other, err := LoadOrCreateKey(filepath.Join(t.TempDir(), "k"))
	require.NoError(t, err)
	assert.NotEqual(t, k1, other, "random")

	require.NoError(t, os.Chmod(path, 0o644))
	_, err = LoadOrCreateKey(path)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "chmod 600")

	require.NoError(t, os.WriteFile(path, []byte("short\n"), 0o600))
	require.NoError(t, os.Chmod(path, 0o600))
	_, err = LoadOrCreateKey(path)
	require.Error(t, err, "a broken key file is reported, never replaced")
	data, _ := os.ReadFile(path)
	assert.Equal(t, "short\n", string(data))
}

func TestLoadOrCreateKeyConcurrentStartAgrees(t *testing.T) {
	path := filepath.Join(t.TempDir(), "k")
	keys := make([][]byte, 8)
	var wg sync.WaitGroup
	for i := range keys {
		wg.Add(1)
		go func() {
			defer wg.Done()
			k, err := LoadOrCreateKey(path)
			assert.NoError(t, err)
			keys[i] = k
		}()
	}
	wg.Wait()
	for _, k := range keys {
		assert.Equal(t, keys[0], k)
	}
}
