package answerlink

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strings"
)

// Key is one link key. ID names it in the links it signs; a key without an ID signs links of
// the first format, which name no key.
type Key struct {
	ID     string
	Secret []byte
}

// Keys is a ring of link keys: the first signs new links, every one verifies. To rotate, put
// a new key first and keep the old one after it until the links it signed are no longer
// needed (the offer rounds they belong to are closed), then remove it.
type Keys []Key

// Single is the ring of one key without an ID.
func Single(secret []byte) Keys { return Keys{{Secret: secret}} }

var keyID = regexp.MustCompile(`^[A-Za-z0-9._-]{1,32}$`)

// ParseKeys reads HANDSLAG_LINK_SECRET: one key (hex or base64), or key-id:key pairs separated
// by commas, for example 2027:<64 hex digits>,2026:<64 hex digits>.
func ParseKeys(spec string) (Keys, error) {
	spec = strings.TrimSpace(spec)
	if !strings.Contains(spec, ":") {
		k, err := DecodeKey(spec)
		if err != nil {
			return nil, err
		}
		return Single(k), nil
	}
	var keys Keys
	for _, part := range strings.Split(spec, ",") {
		id, enc, ok := strings.Cut(strings.TrimSpace(part), ":")
		if !ok || !keyID.MatchString(id) {
			return nil, fmt.Errorf("write each key as key-id:key, the ID of letters, digits, '.', '_' or '-' (at most 32), e.g. 2027:$(openssl rand -hex 32); %q is not", shorten(part))
		}
		k, err := DecodeKey(enc)
		if err != nil {
			return nil, fmt.Errorf("key %s: %w", id, err)
		}
		keys = append(keys, Key{ID: id, Secret: k})
	}
	if err := keys.check(); err != nil {
		return nil, err
	}
	return keys, nil
}

// shorten keeps a key out of an error message.
func shorten(s string) string {
	if id, _, ok := strings.Cut(s, ":"); ok {
		return id + ":..."
	}
	if len(s) > 8 {
		return s[:4] + "..."
	}
	return s
}

func (ks Keys) check() error {
	if len(ks) == 0 {
		return errors.New("answerlink: no key")
	}
	seen := map[string]bool{}
	for _, k := range ks {
		if len(k.Secret) < MinKeyLen {
			return fmt.Errorf("answerlink: the key has %d bytes, at least %d are needed", len(k.Secret), MinKeyLen)
		}
		if k.ID != "" && !keyID.MatchString(k.ID) {
			return fmt.Errorf("answerlink: the key ID %q is not letters, digits, '.', '_' or '-' (at most 32)", k.ID)
		}
		if seen[k.ID] {
			return fmt.Errorf("answerlink: the key ID %q is given twice", k.ID)
		}
		seen[k.ID] = true
	}
	return nil
}

func (ks Keys) find(id string) (Key, bool) {
	for _, k := range ks {
		if k.ID == id {
			return k, true
		}
	}
	return Key{}, false
}

// clone copies the secrets, so that the caller's slices may change.
func (ks Keys) clone() Keys {
	out := make(Keys, len(ks))
	for i, k := range ks {
		out[i] = Key{ID: k.ID, Secret: bytes.Clone(k.Secret)}
	}
	return out
}
