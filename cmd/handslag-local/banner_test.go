package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/skr/handslag/devserver"
	"github.com/stretchr/testify/assert"
)

// On other ports than the defaults, every CLI example in the banner carries the --address
// that reaches this server.
func TestTheBannerSaysWhereTheServerIs(t *testing.T) {
	var out bytes.Buffer
	printBanner(&out, flags{dataDir: ".handslag"}, &devserver.Server{FrontendAddr: "127.0.0.1:17233", UIAddr: "127.0.0.1:18233"}, "http://localhost:18080", false)
	assert.Equal(t, 3, strings.Count(out.String(), "--address 127.0.0.1:17233"), out.String())
	assert.Contains(t, out.String(), "http://localhost:18080/arenden")
	assert.Contains(t, out.String(), "http://localhost:18080/konsol/", "the console's address")
	assert.Contains(t, out.String(), "Anna Andersson: Programkontoret", "and who to sign in as")
	assert.NotContains(t, out.String(), "{", "every placeholder filled in")
	assert.Contains(t, out.String(), "i klartext", "says that payloads are in clear")

	out.Reset()
	printBanner(&out, flags{dataDir: ".handslag"}, &devserver.Server{FrontendAddr: "127.0.0.1:7233", UIAddr: "127.0.0.1:8233"}, "http://localhost:8080", true)
	assert.NotContains(t, out.String(), "--address", "the default needs none")
	assert.Contains(t, out.String(), "krypterat med HANDSLAG_CODEC_KEYS", "says that payloads are sealed")
}
