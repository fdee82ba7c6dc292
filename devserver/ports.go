package devserver

import (
	"fmt"
	"net"
	"runtime"
)

// reservePort returns a port on ip that is free now and that the kernel will not hand out
// again for a while, so the server can bind it a moment later without racing other processes.
//
// A port found by listening on port 0 and closing the listener is free only until someone else
// binds port 0 and gets the same number (Linux picks ephemeral ports at random): that was the
// "Failed to start ringpop listener ... address already in use" about one start in seven.
// Here, as in the Temporal server's own test helper (common/testing/freeport), a connection to
// the port is made and closed from the listening side, which leaves it in TIME_WAIT: for about
// a minute Linux gives that number to no bind(:0), yet a listener with SO_REUSEADDR (every Go
// listener) may still bind it explicitly.
func reservePort(ip string) (int, error) {
	l, err := net.Listen("tcp", net.JoinHostPort(ip, "0"))
	if err != nil {
		return 0, fmt.Errorf("finding a free port: %w", err)
	}
	defer l.Close()
	addr := l.Addr().(*net.TCPAddr)
	if runtime.GOOS == "darwin" || runtime.GOOS == "windows" {
		return addr.Port, nil // ephemeral ports are handed out in sequence there
	}
	client, err := net.DialTCP("tcp", nil, addr)
	if err != nil {
		return 0, fmt.Errorf("reserving port %d: %w", addr.Port, err)
	}
	defer client.Close()
	server, err := l.Accept()
	if err != nil {
		return 0, fmt.Errorf("reserving port %d: %w", addr.Port, err)
	}
	// The listening side closes first: its end, bound to the port, goes to TIME_WAIT.
	_ = server.Close()
	return addr.Port, nil
}
