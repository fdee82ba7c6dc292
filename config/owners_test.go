package config

import (
	"errors"
	"testing"

	"github.com/skr/handslag/domain"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseOwnerEmails(t *testing.T) {
	for _, tt := range []struct {
		in      string
		want    map[domain.Owner]string
		problem string
	}{
		{"", map[domain.Owner]string{}, ""},
		{"SKR=skr@example.org,Adda=adda@example.org,Inera=inera@example.org", map[domain.Owner]string{
			domain.OwnerSKR: "skr@example.org", domain.OwnerAdda: "adda@example.org", domain.OwnerInera: "inera@example.org"}, ""},
		{" inera = uppfoljning@inera.example , ", map[domain.Owner]string{domain.OwnerInera: "uppfoljning@inera.example"}, ""},
		{"SKR", nil, `"SKR" has no '='`},
		{"Kommunal=a@b.example", nil, `"Kommunal" is not an owner`},
		{"SKR=a@b.example,skr=c@d.example", nil, "SKR is given twice"},
		{"Adda=inte-en-adress", nil, `"inte-en-adress" (for Adda) is not an e-mail address`},
		{"Adda=Adda <adda@example.org>", nil, "is not an e-mail address"},
		{"Adda=", nil, "is not an e-mail address"},
	} {
		got, err := ParseOwnerEmails(tt.in)
		if tt.problem == "" {
			require.NoError(t, err, tt.in)
			assert.Equal(t, tt.want, got, tt.in)
			continue
		}
		var se *SettingError
		require.True(t, errors.As(err, &se), "%q: %v", tt.in, err)
		assert.Equal(t, EnvOwnerEmails, se.Setting)
		assert.Contains(t, se.Problem, tt.problem, tt.in)
		assert.Contains(t, err.Error(), "HANDSLAG_OWNER_EMAILS", "the error names the setting")
	}
}

func TestOwnerEmailsInTheWorkerSettings(t *testing.T) {
	w, err := LoadWorker(Env{EnvOwnerEmails: "Inera=inera@example.org", EnvLinkSecret: secret})
	require.NoError(t, err)
	assert.Equal(t, map[domain.Owner]string{domain.OwnerInera: "inera@example.org"}, w.OwnerEmails)
	_, err = LoadWorker(Env{EnvOwnerEmails: "Inera", EnvLinkSecret: secret})
	assert.ErrorContains(t, err, EnvOwnerEmails)
}
