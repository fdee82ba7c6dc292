package devserver

import (
	"errors"
	"net"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A server that cannot start fails its caller with the reason, and the process goes on (the
// server's fatal log used to end the whole test binary with only "exit status 1").
func TestStartReportsATakenFrontendPort(t *testing.T) {
	taken, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	defer taken.Close()
	port := taken.Addr().(*net.TCPAddr).Port

	srv, err := Start(Options{Namespace: "handslag", FrontendPort: port, UIPort: -1})
	require.Error(t, err)
	assert.Nil(t, srv)
	var se *StartError
	require.True(t, errors.As(err, &se), "%v", err)
	assert.Contains(t, se.Error(), "address already in use")
	assert.Contains(t, se.Error(), strconv.Itoa(port))
}

func TestStartReportsATakenUIPort(t *testing.T) {
	taken, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	defer taken.Close()
	port := taken.Addr().(*net.TCPAddr).Port

	srv, err := Start(Options{Namespace: "handslag", UIPort: port})
	require.Error(t, err)
	assert.Nil(t, srv)
	assert.Contains(t, err.Error(), "Web UI could not listen on 127.0.0.1:"+strconv.Itoa(port))
}

// A reserved port can be bound at once by the server (Go listeners set SO_REUSEADDR), though
// the kernel keeps it out of its ephemeral choices for a while.
func TestReservedPortCanBeBound(t *testing.T) {
	for range 20 {
		port, err := reservePort("127.0.0.1")
		require.NoError(t, err)
		l, err := net.Listen("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(port)))
		require.NoError(t, err)
		require.NoError(t, l.Close())
	}
}
