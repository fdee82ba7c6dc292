package telemetry

import (
	"bufio"
	"context"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/zap"
)

// A client that starts a request and never finishes its headers is cut off, and one with
// oversized headers is refused, while a normal request is served.
func TestTheServerCutsOffSlowAndOversizedClients(t *testing.T) {
	ok := http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { _, _ = w.Write([]byte("ok")) })
	srv, err := StartWith("127.0.0.1:0", ok, Timeouts{ReadHeader: 200 * time.Millisecond, Read: time.Second,
		Write: time.Second, Idle: time.Second, MaxHeaderBytes: 4 << 10}, zap.NewNop())
	require.NoError(t, err)
	t.Cleanup(func() { _ = srv.Shutdown(context.Background()) })

	res, err := http.Get("http://" + srv.Addr + "/")
	require.NoError(t, err)
	res.Body.Close()
	assert.Equal(t, http.StatusOK, res.StatusCode)

	conn, err := net.Dial("tcp", srv.Addr)
	require.NoError(t, err)
	defer conn.Close()
	_, err = conn.Write([]byte("GET / HTTP/1.1\r\nHost: x\r\n")) // and then nothing
	require.NoError(t, err)
	// However slow the machine, the server closes the connection (the deadline here only
	// keeps a broken server from hanging the test).
	require.NoError(t, conn.SetReadDeadline(time.Now().Add(30*time.Second)))
	_, err = bufio.NewReader(conn).ReadString('\n')
	require.Error(t, err, "the connection is closed without an answer")
	var ne net.Error
	assert.False(t, asTimeout(err, &ne), "closed by the server, not by our deadline: %v", err)

	req, err := http.NewRequest(http.MethodGet, "http://"+srv.Addr+"/", nil)
	require.NoError(t, err)
	req.Header.Set("X-Big", strings.Repeat("a", 16<<10))
	res, err = http.DefaultClient.Do(req)
	require.NoError(t, err)
	res.Body.Close()
	assert.Equal(t, http.StatusRequestHeaderFieldsTooLarge, res.StatusCode)
}

func asTimeout(err error, ne *net.Error) bool {
	if e, ok := err.(net.Error); ok {
		*ne = e
		return e.Timeout()
	}
	return false
}
