package config

import (
	"os"
	"strings"

	"github.com/skr/handslag/codec"
	"go.temporal.io/sdk/converter"
)

// Codec reads the payload encryption keys (HANDSLAG_CODEC_KEYS, or the file
// HANDSLAG_CODEC_KEYS_FILE): nil without keys (payloads then go to Temporal in clear, as in the
// local system by default). Every client and worker of one namespace must have the same ring.
func Codec(env Lookup) (*codec.Codec, error) {
	spec := get(env, EnvCodecKeys, "")
	setting := EnvCodecKeys
	if file := get(env, EnvCodecKeysFile, ""); file != "" && spec == "" {
		b, err := os.ReadFile(file)
		if err != nil {
			return nil, &SettingError{Setting: EnvCodecKeysFile, Value: file, Problem: "cannot be read: " + err.Error()}
		}
		spec, setting = strings.TrimSpace(string(b)), EnvCodecKeysFile
	}
	if spec == "" {
		return nil, nil
	}
	r, err := codec.ParseRing(spec)
	if err != nil {
		return nil, &SettingError{Setting: setting, Problem: err.Error()} // never the keys themselves
	}
	c := codec.New(r)
	return &c, nil
}

// DataConverter is the data converter of a codec (nil: the SDK's default).
func DataConverter(c *codec.Codec) converter.DataConverter {
	if c == nil {
		return nil
	}
	return codec.DataConverter(*c)
}
