package answerlink

import (
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// KeyFile is the key file's name in the data directory when HANDSLAG_LINK_SECRET is not set.
const KeyFile = "answerlink.key"

// DecodeKey decodes a key written as hex or base64 and checks its length.
func DecodeKey(s string) ([]byte, error) {
	s = strings.TrimSpace(s)
	key, err := hex.DecodeString(s)
	if err != nil {
		key, err = decodeBase64(s)
	}
	if err != nil {
		return nil, errors.New("write the key as hex or base64 (for example: openssl rand -hex 32)")
	}
	if len(key) < MinKeyLen {
		return nil, fmt.Errorf("the key has %d bytes, at least %d are needed (for example: openssl rand -hex 32)", len(key), MinKeyLen)
	}
	return key, nil
}

func decodeBase64(s string) ([]byte, error) {
	var err error
	for _, enc := range []*base64.Encoding{base64.StdEncoding, base64.RawStdEncoding, base64.URLEncoding, base64.RawURLEncoding} {
		var key []byte
		if key, err = enc.DecodeString(s); err == nil {
			return key, nil
		}
	}
	return nil, err
}

// LoadOrCreateKey returns the key stored at path, creating a random one (MinKeyLen bytes,
// hex, mode 0600) the first time, so the local system's links survive a restart. Processes that
// must agree on a key (the worker signs answer links, the web server checks them) read the same
// file; the web server's form secret is kept the same way. Two processes
// starting at once agree on one key: the file appears whole or not at all (written aside, then
// linked into place). A key file others can read is refused rather than trusted.
func LoadOrCreateKey(path string) ([]byte, error) {
	if key, err := readKey(path); !errors.Is(err, os.ErrNotExist) {
		return key, err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("key file: %w", err)
	}
	key := make([]byte, MinKeyLen)
	if _, err := rand.Read(key); err != nil {
		return nil, fmt.Errorf("key file: %w", err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".key-*") // CreateTemp makes it 0600
	if err != nil {
		return nil, fmt.Errorf("key file: %w", err)
	}
	defer os.Remove(tmp.Name())
	_, err = tmp.WriteString(hex.EncodeToString(key) + "\n")
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Link(tmp.Name(), path)
	}
	if errors.Is(err, os.ErrExist) {
		return readKey(path) // another process won the race; use its key
	}
	if err != nil {
		return nil, fmt.Errorf("key file: %w", err)
	}
	return key, nil
}

func readKey(path string) ([]byte, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("key file: %w", err)
	}
	if info.Mode().Perm()&0o077 != 0 {
		return nil, fmt.Errorf("key file %s: others may read it (mode %v); run chmod 600 %s", path, info.Mode().Perm(), path)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("key file: %w", err)
	}
	key, err := DecodeKey(string(data))
	if err != nil {
		return nil, fmt.Errorf("key file %s: %w", path, err)
	}
	return key, nil
}
