package mail

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestRedact(t *testing.T) {
	cases := map[string]string{
		"550 5.1.1 <registrator@stockholm.se>: Recipient address rejected": "550 5.1.1 <[address]>: Recipient address rejected",
		"affected recipient(s): a@b.se, c.d+x@e-f.kommun.example":          "affected recipient(s): [address], [address]",
		"affected message ID: <handslag.0a1b@skr.example>":                 "affected message ID: <[address]>",
		"dial tcp 127.0.0.1:1: connect: connection refused":                "dial tcp 127.0.0.1:1: connect: connection refused",
		"502 5.7.0 please authenticate first":                              "502 5.7.0 please authenticate first",
		"user=\"a@b.se\"":                                                  "user=\"[address]\"",
	}
	for in, want := range cases {
		assert.Equal(t, want, redact(in), in)
	}
}
