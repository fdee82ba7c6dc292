// Package codec encrypts what Handslag puts into Temporal: every payload (workflow inputs and
// results, messages, activity data, query answers) is sealed with AES-256-GCM before it leaves
// a client or a worker, so the Temporal databases, history exports and the Web UI hold only
// ciphertext; the contact e-mails and the answerers' names in them are personal data. Each
// sealed payload names the key it was sealed with, so keys rotate: the first key of the ring
// seals, every key of the ring opens. Payloads written before the codec (plain JSON) are
// read as they are, so recorded histories still replay.
package codec

import (
	"context"
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"

	commonpb "go.temporal.io/api/common/v1"
	"go.temporal.io/sdk/converter"
	"google.golang.org/protobuf/proto"
)

// Metadata of a sealed payload.
const (
	// Encoding marks a payload this codec sealed.
	Encoding = "binary/encrypted"
	// MetadataKeyID names the key that sealed it.
	MetadataKeyID = "encryption-key-id"
)

// Ring is the set of keys: the first seals, all open.
type Ring struct {
	current string
	aeads   map[string]cipher.AEAD
	order   []string
}

// ParseRing reads keys written as id=key pairs separated by commas or new lines, the key in hex
// or base64 and exactly 32 bytes (AES-256), for example
// "2026-12=3f1c...,2026-01=9a2b...". The first key seals new payloads.
func ParseRing(spec string) (Ring, error) {
	r := Ring{aeads: map[string]cipher.AEAD{}}
	for _, part := range strings.FieldsFunc(spec, func(c rune) bool { return c == ',' || c == '\n' || c == '\r' }) {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		id, raw, ok := strings.Cut(part, "=")
		id, raw = strings.TrimSpace(id), strings.TrimSpace(raw)
		if !ok || id == "" || raw == "" {
			return Ring{}, fmt.Errorf("%q: write key-id=key, the key as 64 hex digits or 32 bytes in base64", part)
		}
		key, err := decodeKey(raw)
		if err != nil {
			return Ring{}, fmt.Errorf("key %s: %w", id, err)
		}
		if _, dup := r.aeads[id]; dup {
			return Ring{}, fmt.Errorf("key %s is given twice", id)
		}
		block, err := aes.NewCipher(key)
		if err != nil {
			return Ring{}, fmt.Errorf("key %s: %w", id, err)
		}
		aead, err := cipher.NewGCM(block)
		if err != nil {
			return Ring{}, fmt.Errorf("key %s: %w", id, err)
		}
		r.aeads[id] = aead
		r.order = append(r.order, id)
		if r.current == "" {
			r.current = id
		}
	}
	if r.current == "" {
		return Ring{}, errors.New("no key: give at least one key-id=key")
	}
	return r, nil
}

func decodeKey(s string) ([]byte, error) {
	if k, err := hex.DecodeString(s); err == nil && len(k) == 32 {
		return k, nil
	}
	for _, enc := range []*base64.Encoding{base64.StdEncoding, base64.RawStdEncoding, base64.URLEncoding, base64.RawURLEncoding} {
		if k, err := enc.DecodeString(s); err == nil && len(k) == 32 {
			return k, nil
		}
	}
	return nil, errors.New("must be 32 bytes (AES-256), as 64 hex digits or in base64 (openssl rand -hex 32)")
}

// Current is the ID of the key that seals.
func (r Ring) Current() string { return r.current }

// IDs lists the keys of the ring, the sealing one first.
func (r Ring) IDs() []string { return append([]string(nil), r.order...) }

// Codec seals and opens payloads with a ring (a converter.PayloadCodec).
type Codec struct{ ring Ring }

var _ converter.PayloadCodec = Codec{}

// New returns the codec of a ring.
func New(r Ring) Codec { return Codec{ring: r} }

// Encode seals each payload whole (its metadata and data) with the current key and a fresh
// nonce.
func (c Codec) Encode(payloads []*commonpb.Payload) ([]*commonpb.Payload, error) {
	out := make([]*commonpb.Payload, len(payloads))
	aead := c.ring.aeads[c.ring.current]
	for i, p := range payloads {
		plain, err := proto.Marshal(p)
		if err != nil {
			return nil, err
		}
		nonce := make([]byte, aead.NonceSize())
		if _, err := rand.Read(nonce); err != nil {
			return nil, err
		}
		out[i] = &commonpb.Payload{
			Metadata: map[string][]byte{converter.MetadataEncoding: []byte(Encoding), MetadataKeyID: []byte(c.ring.current)},
			Data:     aead.Seal(nonce, nonce, plain, []byte(c.ring.current)),
		}
	}
	return out, nil
}

// Decode opens the payloads this codec sealed and passes every other one through (payloads
// written before the codec, which stay readable).
func (c Codec) Decode(payloads []*commonpb.Payload) ([]*commonpb.Payload, error) {
	out := make([]*commonpb.Payload, len(payloads))
	for i, p := range payloads {
		if string(p.GetMetadata()[converter.MetadataEncoding]) != Encoding {
			out[i] = p
			continue
		}
		id := string(p.GetMetadata()[MetadataKeyID])
		aead, ok := c.ring.aeads[id]
		if !ok {
			return nil, fmt.Errorf("payload sealed with key %q, which is not in the ring (add it to the keys to read it)", id)
		}
		data := p.GetData()
		if len(data) < aead.NonceSize() {
			return nil, errors.New("sealed payload too short")
		}
		plain, err := aead.Open(nil, data[:aead.NonceSize()], data[aead.NonceSize():], []byte(id))
		if err != nil {
			return nil, fmt.Errorf("payload sealed with key %q does not open: %w", id, err)
		}
		var q commonpb.Payload
		if err := proto.Unmarshal(plain, &q); err != nil {
			return nil, err
		}
		out[i] = &q
	}
	return out, nil
}

// Plain marks a value that is not sealed: a memo value, which holds no personal data and
// stays readable in lists and the Web UI.
type Plain string

// DataConverter is the default converter with every payload sealed by c, except Plain values.
func DataConverter(c Codec) converter.DataConverter {
	return plainAware{DataConverter: converter.NewCodecDataConverter(converter.GetDefaultDataConverter(), c)}
}

type plainAware struct{ converter.DataConverter }

func (d plainAware) ToPayload(value any) (*commonpb.Payload, error) {
	if p, ok := value.(Plain); ok {
		return converter.GetDefaultDataConverter().ToPayload(string(p))
	}
	return d.DataConverter.ToPayload(value)
}

// WithContext keeps the exemption for converters asked for a context.
func (d plainAware) WithContext(ctx context.Context) converter.DataConverter {
	if cc, ok := d.DataConverter.(interface {
		WithContext(context.Context) converter.DataConverter
	}); ok {
		return plainAware{DataConverter: cc.WithContext(ctx)}
	}
	return d
}
