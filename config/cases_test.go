package config

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestCasesDir(t *testing.T) {
	for _, tt := range []struct {
		env  Env
		want string
	}{
		{Env{}, ".handslag/cases"},
		{Env{"HANDSLAG_DATA": "/var/lib/handslag"}, "/var/lib/handslag/cases"},
		{Env{"HANDSLAG_DATA": "/var/lib/handslag", "HANDSLAG_CASES_DIR": "/srv/arenden"}, "/srv/arenden"},
	} {
		assert.Equal(t, tt.want, CasesDirFrom(tt.env), "%v", tt.env)
	}
}
