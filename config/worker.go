package config

import (
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/skr/handslag/answerlink"
	"github.com/skr/handslag/domain"
	"github.com/skr/handslag/legal"
	"github.com/skr/handslag/mail"
)

// Worker is everything the worker needs besides the Temporal client.
type Worker struct {
	// Namespace is where the cycle finds the initiatives.
	Namespace string
	// DataDir holds the link key file when HANDSLAG_LINK_SECRET is not set, and, in an
	// upgrade, the file stores of earlier versions to import.
	DataDir string
	// DatabaseURL is Handslag's database: the case list, the e-mail ledger, the registers.
	DatabaseURL string
	// SMTP is the mail server; nil keeps every e-mail in the outbox in the database.
	SMTP *mail.Config
	// LeadershipEmail receives escalations; OfficeEmail copies and notices for the office.
	LeadershipEmail string
	OfficeEmail     string
	// OwnerEmails are the owner organisations' mailboxes for report reminders.
	OwnerEmails map[domain.Owner]string
	// MembersFile is the CSV register of council members' and networks' addresses (empty:
	// every member notice goes to the office).
	MembersFile string
	// ContactsFile is the CSV register of the municipalities' contacts (empty: demo
	// addresses at kommun.example).
	ContactsFile string
	// RefdataDir holds newer SCB files (empty: the embedded copy).
	RefdataDir string
	// BaseURL is where the web pages are served, for the links in e-mails.
	BaseURL string
	// LinkKeys sign the answer and unsubscribe links (the first of them); the web server checks
	// them with the same ring.
	LinkKeys answerlink.Keys
	// Legal holds the retention periods the worker enforces on Handslag's database and that
	// offer rounds take when they close.
	Legal legal.Facts
	// AnswerersKept, when set, replaces Legal's answerer_years as the period a closed offer
	// round keeps who answered: for tests and demo calendars, where a year is minutes.
	AnswerersKept *domain.Period
	// WorkflowCache is how many workflows a worker process keeps in memory between their
	// tasks (the SDK's sticky cache); see DefaultWorkflowCache.
	WorkflowCache int
	// StickyTimeout is how long a workflow task waits for the worker that has the workflow in
	// memory before any worker may take it; see DefaultStickyTimeout.
	StickyTimeout time.Duration
}

// DefaultStickyTimeout lets a workflow task wait half a minute for the worker that holds its
// workflow in memory. The SDK's 5 s made the wake-up storm slower: when a thousand
// initiatives woke at once, 843 of their tasks waited longer than 5 s behind the others,
// timed out, and were dispatched again to be replayed from their histories (more writes and
// more work on a server that was already the bottleneck). The cost of a longer wait: tasks
// already handed to a worker that crashes wait this long before another worker takes them.
// docs/performance.md has the figures.
const DefaultStickyTimeout = 30 * time.Second

// DefaultWorkflowCache keeps a worker process's memory bounded however many initiatives sleep:
// a workflow that is not cached is replayed from its history when it wakes (a few
// milliseconds for an initiative's short runs). docs/performance.md has the figures.
const DefaultWorkflowCache = 1000

// LoadWorker reads and checks the worker's settings. A wrong value is a *SettingError naming
// the variable.
func LoadWorker(env Lookup) (Worker, error) {
	w := Worker{
		Namespace:       get(env, "TEMPORAL_NAMESPACE", "handslag"),
		DataDir:         DataDir(env),
		DatabaseURL:     DatabaseURL(env),
		LeadershipEmail: get(env, EnvLeadershipEmail, DefaultLeadership),
		OfficeEmail:     get(env, EnvOfficeEmail, DefaultOffice),
		MembersFile:     get(env, EnvMembers, ""),
		ContactsFile:    get(env, EnvContacts, ""),
		RefdataDir:      get(env, EnvRefdata, ""),
	}
	var err error
	if w.BaseURL, err = baseURL(env); err != nil {
		return Worker{}, err
	}
	if w.OwnerEmails, err = ParseOwnerEmails(get(env, EnvOwnerEmails, "")); err != nil {
		return Worker{}, err
	}
	if w.SMTP, err = smtp(env); err != nil {
		return Worker{}, err
	}
	if w.LinkKeys, err = linkKeys(env, filepath.Join(w.DataDir, answerlink.KeyFile)); err != nil {
		return Worker{}, err
	}
	if w.Legal, err = Legal(env); err != nil {
		return Worker{}, err
	}
	if w.WorkflowCache, err = positive(env, EnvWorkflowCache, DefaultWorkflowCache); err != nil {
		return Worker{}, err
	}
	if w.StickyTimeout, err = duration(env, EnvStickyTimeout, DefaultStickyTimeout); err != nil {
		return Worker{}, err
	}
	return w, nil
}

// smtp reads HANDSLAG_SMTP_*; nil when no host is set.
func smtp(env Lookup) (*mail.Config, error) {
	host := get(env, EnvSMTPHost, "")
	if host == "" {
		return nil, nil
	}
	c := mail.Config{
		Host:     host,
		TLS:      mail.TLSMode(strings.ToLower(get(env, EnvSMTPTLS, ""))),
		Username: rawGet(env, EnvSMTPUsername),
		Password: rawGet(env, EnvSMTPPassword),
		From:     get(env, EnvSMTPFrom, ""),
	}
	if p := get(env, EnvSMTPPort, ""); p != "" {
		port, err := strconv.Atoi(p)
		if err != nil {
			return nil, &SettingError{Setting: EnvSMTPPort, Value: p, Problem: "is not a port number"}
		}
		c.Port = port
	}
	c, err := c.Check()
	if err != nil {
		if ce, ok := err.(*mail.ConfigError); ok {
			return nil, &SettingError{Setting: ce.Setting, Problem: ce.Problem}
		}
		return nil, err
	}
	return &c, nil
}

// rawGet reads a variable as it is (a password may start or end with a space).
func rawGet(env Lookup, name string) string {
	v, _ := env.LookupEnv(name)
	return v
}

// key reads a secret from the variable name (hex or base64), else from the key file at path,
// created on first use (the local system).
// linkKeys reads the link keys' ring from HANDSLAG_LINK_SECRET, or else the one key of the key
// file in the data directory.
func linkKeys(env Lookup, path string) (answerlink.Keys, error) {
	if v := get(env, EnvLinkSecret, ""); v != "" {
		ks, err := answerlink.ParseKeys(v)
		if err != nil {
			return nil, &SettingError{Setting: EnvLinkSecret, Problem: err.Error()}
		}
		return ks, nil
	}
	k, err := key(env, EnvLinkSecret, path)
	if err != nil {
		return nil, err
	}
	return answerlink.Single(k), nil
}

func key(env Lookup, name, path string) ([]byte, error) {
	if v := get(env, name, ""); v != "" {
		k, err := answerlink.DecodeKey(v)
		if err != nil {
			return nil, &SettingError{Setting: name, Problem: err.Error()}
		}
		return k, nil
	}
	k, err := answerlink.LoadOrCreateKey(path)
	if err != nil {
		return nil, &SettingError{Setting: name, Problem: "is not set, and the key file cannot be used: " + err.Error()}
	}
	return k, nil
}
