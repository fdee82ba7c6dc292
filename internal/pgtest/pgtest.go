// Package pgtest gives tests a real PostgreSQL: a throw-away cluster started once per test
// binary from Debian's packages (initdb and pg_ctl, as the postgres user when the tests run as
// root), on a free port on 127.0.0.1, with a new database for every caller. Without PostgreSQL
// installed the tests skip and say so; HANDSLAG_POSTGRES_TESTS=require (as in .ci/run) makes
// them fail instead. HANDSLAG_TEST_POSTGRES_URL uses a server of your own instead (a superuser
// URL; every test gets its own database there).
package pgtest

import (
	"context"
	"database/sql"
	"fmt"
	"net"
	"net/url"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib"
)

// Settings the tests read.
const (
	EnvMode = "HANDSLAG_POSTGRES_TESTS"    // "require": no PostgreSQL fails the test
	EnvURL  = "HANDSLAG_TEST_POSTGRES_URL" // an existing server to use instead
)

var (
	once    sync.Once
	cluster *Cluster
	failed  error
	counter atomic.Int64
)

// Cluster is a running throw-away PostgreSQL.
type Cluster struct {
	dir, bin string
	port     int
	admin    string // superuser URL of the postgres database
	own      bool   // started here (stopped by Main)
}

// Main runs the package's tests and stops the cluster afterwards; call it from TestMain.
func Main(m *testing.M) {
	code := m.Run()
	if cluster != nil && cluster.own {
		cluster.stop()
	}
	os.Exit(code)
}

// URL returns the URL of a new, empty database, dropped when the test ends. It skips the test
// (or fails it, with HANDSLAG_POSTGRES_TESTS=require) when no PostgreSQL can be had.
func URL(t testing.TB) string {
	t.Helper()
	once.Do(func() { cluster, failed = start() })
	if failed != nil {
		if os.Getenv(EnvMode) == "require" {
			t.Fatalf("PostgreSQL is required (%s=require) but cannot be started: %v", EnvMode, failed)
		}
		t.Skipf("no PostgreSQL for this test (%v); install Debian's postgresql package or set %s", failed, EnvURL)
	}
	name := fmt.Sprintf("t%d_%d", os.Getpid(), counter.Add(1))
	admin, err := sql.Open("pgx", cluster.admin)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if _, err := admin.ExecContext(ctx, "CREATE DATABASE "+name); err != nil {
		t.Fatalf("creating test database: %v", err)
	}
	t.Cleanup(func() {
		db, err := sql.Open("pgx", cluster.admin)
		if err != nil {
			return
		}
		defer db.Close()
		_, _ = db.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)")
	})
	u, _ := url.Parse(cluster.admin)
	u.Path = "/" + name
	return u.String()
}

func start() (*Cluster, error) {
	if u := os.Getenv(EnvURL); u != "" {
		return &Cluster{admin: u}, nil
	}
	bin, err := findBin()
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "handslag-pgtest-")
	if err != nil {
		return nil, err
	}
	c := &Cluster{dir: dir, bin: bin, own: true}
	if err := c.init(); err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	return c, nil
}

// findBin finds the newest PostgreSQL server binaries.
func findBin() (string, error) {
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	sort.Slice(dirs, func(i, j int) bool { return version(dirs[i]) < version(dirs[j]) })
	for i := len(dirs) - 1; i >= 0; i-- {
		if _, err := os.Stat(filepath.Join(dirs[i], "initdb")); err == nil {
			return dirs[i], nil
		}
	}
	if p, err := exec.LookPath("initdb"); err == nil {
		return filepath.Dir(p), nil
	}
	return "", fmt.Errorf("initdb not found (Debian: apt-get install postgresql)")
}

func version(dir string) int {
	n, _ := strconv.Atoi(filepath.Base(filepath.Dir(dir)))
	return n
}

// asPostgres runs a PostgreSQL program, as the postgres user when we are root (PostgreSQL
// refuses to run as root).
func asPostgres(name string, args ...string) *exec.Cmd {
	if os.Geteuid() == 0 {
		return exec.Command("runuser", append([]string{"-u", "postgres", "--", name}, args...)...)
	}
	return exec.Command(name, args...)
}

func (c *Cluster) init() error {
	data, sock := filepath.Join(c.dir, "data"), filepath.Join(c.dir, "sock")
	for _, d := range []string{data, sock} {
		if err := os.Mkdir(d, 0o700); err != nil {
			return err
		}
	}
	if os.Geteuid() == 0 {
		u, err := user.Lookup("postgres")
		if err != nil {
			return fmt.Errorf("running as root needs the postgres user: %w", err)
		}
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		for _, d := range []string{c.dir, data, sock} {
			if err := os.Chown(d, uid, gid); err != nil {
				return err
			}
		}
	}
	if out, err := asPostgres(filepath.Join(c.bin, "initdb"), "-D", data, "-U", "postgres", "--auth=trust",
		"--no-sync", "-E", "UTF8", "--locale=C.UTF-8").CombinedOutput(); err != nil {
		return fmt.Errorf("initdb: %v: %s", err, out)
	}
	var lastErr error
	for range 3 { // a port taken between choosing and binding: choose another
		port, err := freePort()
		if err != nil {
			return err
		}
		opts := fmt.Sprintf("-p %d -k %s -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200", port, sock)
		out, err := asPostgres(filepath.Join(c.bin, "pg_ctl"), "-D", data, "-l", filepath.Join(c.dir, "postgres.log"),
			"-w", "-t", "60", "-o", opts, "start").CombinedOutput()
		if err == nil {
			c.port = port
			c.admin = fmt.Sprintf("postgres://postgres@127.0.0.1:%d/postgres?sslmode=disable", port)
			return nil
		}
		log, _ := os.ReadFile(filepath.Join(c.dir, "postgres.log"))
		lastErr = fmt.Errorf("pg_ctl start: %v: %s %s", err, out, tail(string(log)))
		if !strings.Contains(string(log), "already in use") {
			break
		}
	}
	return lastErr
}

func (c *Cluster) stop() {
	_ = asPostgres(filepath.Join(c.bin, "pg_ctl"), "-D", filepath.Join(c.dir, "data"), "-m", "immediate", "stop").Run()
	_ = os.RemoveAll(c.dir)
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

func tail(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	if len(lines) > 5 {
		lines = lines[len(lines)-5:]
	}
	return strings.Join(lines, "\n")
}
