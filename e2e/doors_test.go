package e2e

import (
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/skr/handslag/contract"
	"github.com/skr/handslag/domain"
	"github.com/skr/handslag/logging"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	enumspb "go.temporal.io/api/enums/v1"
	"go.temporal.io/api/workflowservice/v1"
	"go.temporal.io/sdk/client"
	"go.uber.org/zap"
	"google.golang.org/protobuf/encoding/protojson"
)

// The production proof's Temporal server requires a client certificate of its CA: a client
// without TLS, without a certificate, with one from another CA or with an expired one is
// refused, and one with a good certificate gets in (as every process of the proof does).
func TestTemporalRefusesClientsWithoutAValidCertificate(t *testing.T) {
	e := externalFromEnv(t)
	if e == nil || e.certs == "" {
		t.Skip("runs in the production proof (scripts/postgres-proof), against its mutual-TLS server")
	}
	ca := x509.NewCertPool()
	pem, err := os.ReadFile(filepath.Join(e.certs, "ca.pem"))
	require.NoError(t, err)
	require.True(t, ca.AppendCertsFromPEM(pem))
	withCert := func(name string) *tls.Config {
		cfg := &tls.Config{RootCAs: ca, MinVersion: tls.VersionTLS12}
		if name != "" {
			cert, err := tls.LoadX509KeyPair(filepath.Join(e.certs, name+".pem"), filepath.Join(e.certs, name+".key"))
			require.NoError(t, err, name)
			cfg.Certificates = []tls.Certificate{cert}
		}
		return cfg
	}
	attempts := []struct {
		name string
		tls  *tls.Config
	}{
		{"without TLS", nil},
		{"TLS without a client certificate", withCert("")},
		{"a certificate from another CA", withCert("other-ca-client")},
		{"an expired certificate from the right CA", withCert("expired-client")},
	}
	refused := 0
	for _, a := range attempts {
		err := reach(e.address, a.tls)
		if assert.Error(t, err, "%s: let in", a.name) {
			refused++
			t.Logf("refused, %s: %s", a.name, firstLine(err.Error()))
		}
	}
	require.NoError(t, reach(e.address, withCert("cli")), "a client certificate of the CA gets in")
	fmt.Printf("mutual TLS: %d attempts without a valid client certificate, %d refused; a valid certificate let in\n", len(attempts), refused)
	assert.Equal(t, len(attempts), refused)
}

// reach dials the frontend and asks for the namespace.
func reach(address string, cfg *tls.Config) error {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	c, err := client.DialContext(ctx, client.Options{HostPort: address, Namespace: contract.Namespace,
		Logger: logging.SDK(zap.NewNop()), ConnectionOptions: client.ConnectionOptions{TLS: cfg}})
	if err != nil {
		return err
	}
	defer c.Close()
	_, err = c.WorkflowService().DescribeNamespace(ctx, &workflowservice.DescribeNamespaceRequest{Namespace: contract.Namespace})
	return err
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	if len(s) > 200 {
		s = s[:200] + "..."
	}
	return s
}

// In the production proof, with the payload codec on, Temporal's own databases hold no
// contact e-mail in clear: not in the histories, not in the visibility store's memos and
// search attributes; nor does the history as a client without the keys reads it.
func TestTemporalsDatabasesHoldNoPersonalDataInClear(t *testing.T) {
	e := externalFromEnv(t)
	if e == nil || e.temporalDB == "" || e.visibilityDB == "" || e.options.DataConverter == nil {
		t.Skip("runs in the production proof (scripts/postgres-proof), with the codec and Temporal's databases")
	}
	s := startSystem(t, "", 0)
	ctx := context.Background()
	id := s.id("personuppgifter")
	email := "kontakt." + strings.ReplaceAll(id, "-", ".") + "@exempelby.example"
	reg := domain.Registration{ID: id, By: domain.Actor{ID: "anna.andersson@programkontoret.example", Role: domain.RoleOffice},
		Need: domain.Need{Title: "Personuppgifter i klartext? " + id, Problem: "p", WhoHasTheNeed: "w", ExpectedBenefit: "b",
			AffectedActivities: []string{"Kansli"}, ProposerOrganisation: "Exempelby kommun", ContactEmail: email}}
	require.NoError(t, s.admin.Register(ctx, reg))
	_, err := s.admin.Send(ctx, id, contract.MsgTriageOwner, domain.TriageOwner{Meta: domain.Meta{By: reg.By, Reason: "Inera"},
		Owner: domain.OwnerInera, Route: domain.RouteOwn}, false)
	require.NoError(t, err)
	st, err := s.admin.Status(ctx, id)
	require.NoError(t, err)
	require.Equal(t, email, st.Initiative.Need.ContactEmail, "our client, with the keys, reads it")
	s.waitForStage(id, string(domain.StageTriaged), time.Minute)

	needle := []byte(email)
	// The histories, as the server keeps them.
	rows := queryBytes(t, e.temporalDB, "SELECT data FROM history_node")
	require.NotEmpty(t, rows)
	sealed := 0
	for _, r := range rows {
		assert.False(t, bytes.Contains(r, needle), "a history node holds the contact e-mail in clear")
		if bytes.Contains(r, []byte("binary/encrypted")) {
			sealed++
		}
	}
	assert.Positive(t, sealed, "the histories hold sealed payloads (so the search above could find plain text)")
	// The visibility store: memos and search attributes.
	for _, r := range queryBytes(t, e.visibilityDB, "SELECT coalesce(memo, ''::bytea) || convert_to(coalesce(search_attributes::text, ''), 'UTF8') FROM executions_visibility") {
		assert.False(t, bytes.Contains(r, needle), "the visibility store holds the contact e-mail")
	}
	// A client with the certificate but without the keys.
	opts := e.options
	opts.DataConverter = nil
	opts.HostPort, opts.Namespace = e.address, contract.Namespace
	plain, err := client.Dial(opts)
	require.NoError(t, err)
	defer plain.Close()
	iter := plain.GetWorkflowHistory(ctx, contract.InitiativeWorkflowID(id), "", false, enumspb.HISTORY_EVENT_FILTER_TYPE_ALL_EVENT)
	var history bytes.Buffer
	for iter.HasNext() {
		ev, err := iter.Next()
		require.NoError(t, err)
		b, err := protojson.Marshal(ev)
		require.NoError(t, err)
		history.Write(b)
	}
	assert.NotContains(t, history.String(), email)
	assert.NotContains(t, history.String(), base64Of(email))
	fmt.Printf("personal data: %d history nodes, %d with sealed payloads, none with the contact e-mail in clear\n", len(rows), sealed)
}

func queryBytes(t *testing.T, url, query string) [][]byte {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	conn, err := pgx.Connect(ctx, url)
	require.NoError(t, err)
	defer conn.Close(ctx)
	rows, err := conn.Query(ctx, query)
	require.NoError(t, err)
	var out [][]byte
	for rows.Next() {
		var b []byte
		require.NoError(t, rows.Scan(&b))
		out = append(out, b)
	}
	require.NoError(t, rows.Err())
	return out
}
