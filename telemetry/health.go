package telemetry

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"strings"
	"time"

	"go.uber.org/zap"
)

// Check is one condition of readiness, e.g. "connected to Temporal".
type Check struct {
	Name string
	Run  func(ctx context.Context) error
}

// checkTimeout bounds each readiness check, so a hanging dependency makes /readyz answer 503
// rather than time the probe out.
const checkTimeout = 3 * time.Second

// Routes adds the operator endpoints to mux: /healthz (the process answers: 200), /readyz (200
// when every check passes, otherwise 503 listing what failed) and /metrics.
func Routes(mux *http.ServeMux, m *Metrics, checks ...Check) {
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprintln(w, "ok")
	})
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, r *http.Request) {
		var failed []string
		for _, c := range checks {
			ctx, cancel := context.WithTimeout(r.Context(), checkTimeout)
			err := c.Run(ctx)
			cancel()
			if err != nil {
				failed = append(failed, c.Name+": "+err.Error())
			}
		}
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		if len(failed) > 0 {
			w.WriteHeader(http.StatusServiceUnavailable)
			fmt.Fprintln(w, "not ready")
			fmt.Fprintln(w, strings.Join(failed, "\n"))
			return
		}
		fmt.Fprintln(w, "ready")
	})
	if m != nil {
		mux.Handle("GET /metrics", m.Handler())
	}
}

// Server is a running HTTP listener.
type Server struct {
	// Addr is the address it listens on (the real port when asked for port 0).
	Addr string
	srv  *http.Server
	done chan error
}

// Timeouts bound what one connection may hold of the server: a client that sends its request
// slowly (or not at all), reads the answer slowly, or keeps an idle connection open is cut off,
// so a few clients cannot tie up every connection.
type Timeouts struct {
	ReadHeader, Read, Write, Idle time.Duration
	// MaxHeaderBytes bounds a request's headers (bodies are bounded by each handler).
	MaxHeaderBytes int
}

// DefaultTimeouts suit pages and forms: nothing we serve streams, and the largest body (an
// address register import) arrives well within the read timeout.
var DefaultTimeouts = Timeouts{ReadHeader: 10 * time.Second, Read: 30 * time.Second, Write: 60 * time.Second,
	Idle: 2 * time.Minute, MaxHeaderBytes: 64 << 10}

// Start listens on addr and serves h in the background, with DefaultTimeouts.
func Start(addr string, h http.Handler, logger *zap.Logger) (*Server, error) {
	return StartWith(addr, h, DefaultTimeouts, logger)
}

// StartWith is Start with other timeouts.
func StartWith(addr string, h http.Handler, t Timeouts, logger *zap.Logger) (*Server, error) {
	l, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("listening on %s: %w", addr, err)
	}
	s := &Server{Addr: l.Addr().String(), done: make(chan error, 1),
		srv: &http.Server{Handler: h, ReadHeaderTimeout: t.ReadHeader, ReadTimeout: t.Read, WriteTimeout: t.Write,
			IdleTimeout: t.Idle, MaxHeaderBytes: t.MaxHeaderBytes}}
	go func() {
		err := s.srv.Serve(l)
		if errors.Is(err, http.ErrServerClosed) {
			err = nil
		}
		if err != nil {
			logger.Error("HTTP server stopped", zap.String("addr", s.Addr), zap.Error(err))
		}
		s.done <- err
	}()
	return s, nil
}

// Done reports the listener's end (nil after Shutdown).
func (s *Server) Done() <-chan error { return s.done }

// Shutdown stops accepting and waits for requests in flight, at most until ctx ends.
func (s *Server) Shutdown(ctx context.Context) error { return s.srv.Shutdown(ctx) }

// Probe gets url and succeeds on 200. Our images have no curl, so their container health
// checks run the binary itself: `handslag-worker probe http://127.0.0.1:9090/readyz`.
func Probe(ctx context.Context, url string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("%s answered %s", url, resp.Status)
	}
	return nil
}

// ProbeCommand is the "probe URL" subcommand of our binaries.
func ProbeCommand(args []string) error {
	if len(args) != 1 {
		return errors.New("usage: probe URL, e.g. probe http://127.0.0.1:9090/readyz")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	return Probe(ctx, args[0])
}
