package web

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

func TestFormKeys(t *testing.T) {
	now := time.Date(2027, 2, 10, 10, 0, 0, 0, time.UTC)
	k := formKeys{secret: []byte("0123456789abcdef0123456789abcdef"), maxAge: time.Hour, now: func() time.Time { return now }}
	id, key := k.issue("token-a")
	other, _ := k.issue("token-a")
	assert.NotEqual(t, id, other, "every render has its own submission ID")

	later := func(d time.Duration) formKeys { k2 := k; k2.now = func() time.Time { return now.Add(d) }; return k2 }
	otherSecret := k
	otherSecret.secret = []byte("another secret, just as long, ok")
	cases := []struct {
		name  string
		keys  formKeys
		token string
		id    string
		key   string
		valid bool
	}{
		{"as issued", k, "token-a", id, key, true},
		{"within the age", later(59 * time.Minute), "token-a", id, key, true},
		{"too old", later(61 * time.Minute), "token-a", id, key, false},
		{"from the future", later(-2 * time.Minute), "token-a", id, key, false},
		{"other token", k, "token-b", id, key, false},
		{"other submission", k, "token-a", other, key, false},
		{"other secret", otherSecret, "token-a", id, key, false},
		{"no submission", k, "token-a", "", key, false},
		{"no dot", k, "token-a", id, "abc", false},
		{"bad time", k, "token-a", id, "x" + key, false},
		{"empty", k, "token-a", id, "", false},
	}
	for _, c := range cases {
		assert.Equal(t, c.valid, c.keys.valid(c.token, c.id, c.key), c.name)
	}
}

func TestValidate(t *testing.T) {
	cases := []struct {
		name string
		form answerForm
		want FieldErrors
	}{
		{"complete", answerForm{Choice: Yes, Name: "A", Role: "B"}, nil},
		{"empty", answerForm{}, FieldErrors{{FieldChoice, ProblemMissing}, {FieldName, ProblemMissing}, {FieldRole, ProblemMissing}}},
		{"bad choice", answerForm{Choice: "ja", Name: "A", Role: "B"}, FieldErrors{{FieldChoice, ProblemInvalid}}},
		{"limits are in characters", answerForm{Choice: No, Name: repeat("ö", 200), Role: repeat("å", 200), Comment: repeat("ä", 2000)}, nil},
		{"too long", answerForm{Choice: No, Name: repeat("ö", 201), Role: repeat("å", 201), Comment: repeat("ä", 2001)},
			FieldErrors{{FieldName, ProblemTooLong}, {FieldRole, ProblemTooLong}, {FieldComment, ProblemTooLong}}},
	}
	for _, c := range cases {
		assert.Equal(t, c.want, c.form.validate(), c.name)
	}
}

func repeat(s string, n int) string { return strings.Repeat(s, n) }
