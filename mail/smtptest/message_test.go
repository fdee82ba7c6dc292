package smtptest

import (
	"net/smtp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDecode(t *testing.T) {
	cases := []struct {
		name, raw, subject, body string
	}{
		{"quoted-printable", "Subject: =?UTF-8?q?Sm=C3=A5_h=C3=A4lsningar?=\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\nH=C3=A4r =C3=A4r en l=\r\n=C3=A5ng rad\r\n",
			"Små hälsningar", "Här är en lång rad\n"},
		{"base64 over lines", "Subject: =?UTF-8?b?w4VyZQ==?=\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\nw4Vy\r\nZQ==\r\n",
			"Åre", "Åre"},
		{"no content type", "Subject: plain\r\n\r\nbody\r\n", "plain", "body\n"},
		{"multipart picks text/plain", "Subject: mp\r\nContent-Type: multipart/alternative; boundary=XX\r\n\r\n--XX\r\nContent-Type: text/html\r\n\r\n<p>x</p>\r\n--XX\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n=C3=B6\r\n--XX--\r\n",
			"mp", "ö"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m := decode([]byte(c.raw))
			require.NoError(t, m.Err)
			assert.Equal(t, c.subject, m.Subject)
			assert.Equal(t, c.body, m.Body)
		})
	}
	assert.Error(t, decode([]byte("not a message")).Err)
}

// The server works with any client, here the standard library's.
func TestServerWithStandardClient(t *testing.T) {
	srv := Start(t, WithAuth("u", "p"))
	msg := "Subject: hej\r\n\r\nhallå\r\n"
	err := smtp.SendMail(srv.Addr, nil, "a@x.example", []string{"b@y.example"}, []byte(msg))
	require.Error(t, err, "authentication is required")
	auth := smtp.PlainAuth("", "u", "p", srv.Host)
	require.NoError(t, smtp.SendMail(srv.Addr, auth, "a@x.example", []string{"b@y.example", "c@y.example"}, []byte(msg)))
	srv.Refuse(450)
	err = smtp.SendMail(srv.Addr, auth, "a@x.example", []string{"b@y.example"}, []byte(msg))
	require.Error(t, err)
	assert.True(t, strings.HasPrefix(err.Error(), "450"), err.Error())
	srv.Accept()

	got := srv.Wait(t, 1, 5*time.Second)
	require.Len(t, got, 1)
	assert.Equal(t, "a@x.example", got[0].From)
	assert.Equal(t, []string{"b@y.example", "c@y.example"}, got[0].To)
	assert.Equal(t, "u", got[0].AuthUser)
	assert.False(t, got[0].TLS)
	assert.Equal(t, "hallå\n", got[0].Body)
	assert.Equal(t, 2, srv.Attempts())
	assert.Nil(t, srv.ClientTLSConfig(), "no TLS, no client config")
}

// A test that ends at once (here: skips) right after starting the server must not hang in the
// server's cleanup, however the server's goroutine was scheduled.
func TestServerStoppedAtOnceDoesNotHang(t *testing.T) {
	for i := 0; i < 50; i++ {
		t.Run("skip", func(t *testing.T) {
			Start(t)
			t.Skip("ends at once")
		})
	}
}
