package config

// Setting is one environment variable our processes read. Table lists them all; the docs'
// settings table (docs/settings.md) is checked against it by a test, and no other package
// reads the environment (internal/layout checks that too).
type Setting struct {
	Name    string
	Flag    string // the flag that overrides it, if any
	Default string
	UsedBy  string // CLI, worker, web, local
	Meaning string
}

// Table is every setting, grouped as the docs show them.
var Table = []Setting{
	// Temporal (read as the Temporal CLI reads them; see client.go).
	{"TEMPORAL_ADDRESS", "--address", DefaultAddress, "CLI, worker, web", "the Temporal frontend, host:port"},
	{"TEMPORAL_NAMESPACE", "--namespace", "handslag", "CLI, worker, web", "the namespace"},
	{"TEMPORAL_API_KEY", "--api-key", "", "CLI, worker, web", "an API key (turns TLS on)"},
	{"TEMPORAL_TLS", "--tls", "false", "CLI, worker, web", "TLS without client certificates"},
	{"TEMPORAL_TLS_CLIENT_CERT_PATH", "--tls-cert-path", "", "CLI, worker, web", "client certificate for mTLS (older name TEMPORAL_TLS_CERT)"},
	{"TEMPORAL_TLS_CLIENT_KEY_PATH", "--tls-key-path", "", "CLI, worker, web", "its key (older name TEMPORAL_TLS_KEY)"},
	{"TEMPORAL_TLS_SERVER_CA_CERT_PATH", "--tls-ca-path", "system CAs", "CLI, worker, web", "the server's CA (older name TEMPORAL_TLS_CA)"},
	{"TEMPORAL_TLS_SERVER_NAME", "--tls-server-name", "", "CLI, worker, web", "the name the server's certificate must carry"},
	{"TEMPORAL_CONFIG_FILE", "", "~/.config/temporalio/temporal.toml", "CLI, worker, web", "the Temporal CLI's profile file"},
	{"TEMPORAL_PROFILE", "", "default", "CLI, worker, web", "the profile in that file"},

	// Where Handslag keeps its own data.
	{EnvData, "--data (local)", DefaultDataDir, "worker, web, local", "the data directory: key files, the SQLite database of the local system"},
	{EnvDatabaseURL, "", "sqlite:$HANDSLAG_DATA/handslag.db", "worker, web, CLI", "Handslag's database: postgres://user:password@host:5432/handslag in production"},

	// People and addresses.
	{EnvUser, "--by", "$USER", "CLI", "who sends the CLI's messages"},
	{EnvLang, "", "sv", "CLI", "the CLI's language (en for English)"},
	{EnvLeadershipEmail, "", DefaultLeadership, "worker", "the leadership's mailbox: escalations, offer outcomes"},
	{EnvOfficeEmail, "", DefaultOffice, "worker", "the programme office's mailbox: copies, members and municipalities without an address"},
	{EnvOwnerEmails, "", "", "worker", "imported once into an empty address register: the owner organisations' mailboxes, SKR=skr@example.org,Adda=...,Inera=..."},
	{EnvMembers, "", "", "worker", "imported once into an empty address register: CSV member_id,email of council members and networks"},
	{EnvContacts, "", "demo addresses at kommun.example", "worker", "imported once into an empty address register: CSV municipality_code,email of the municipalities' contacts"},
	{EnvRefdata, "", "the embedded SCB copy", "worker, web", "a directory with newer municipalities.csv and counties.csv"},

	// Web pages and links.
	{EnvWebAddr, "--listen", DefaultWebAddr, "web", "where the web server listens"},
	{EnvBaseURL, "--base-url", DefaultBaseURL, "worker, web", "how users reach the web pages: the links in e-mails point here"},
	{EnvLinkSecret, "", "answerlink.key in the data directory", "worker, web", "the keys of answer and unsubscribe links: one key (hex or base64, 32 bytes or more), or key-id:key pairs separated by commas, the first signing and all verifying (rotation: docs/security.md); the same for worker and web"},
	{EnvFormSecret, "", "formkey.key in the data directory", "web", "the key that signs rendered forms (32 bytes or more); the same for every web server"},
	{EnvTrustedProxies, "", "(none)", "web", "the reverse proxies in front of the web server (addresses or networks, separated by commas), whose X-Forwarded-For the rate limits believe"},
	{EnvMetricsAddr, "--metrics-addr", DefaultMetricsAddr, "worker", "where /metrics, /healthz and /readyz answer"},
	{EnvWorkflowCache, "", "1000", "worker, local", "how many workflows a worker process keeps in memory between their tasks; more costs memory, fewer costs replays when workflows wake (docs/performance.md)"},
	{EnvStickyTimeout, "", "30s", "worker, local", "how long a workflow task waits for the worker that holds its workflow in memory before any worker may take it; longer spares replays when many wake at once, shorter recovers sooner from a crashed worker (docs/performance.md)"},

	// Encryption of what goes into Temporal.
	{EnvCodecKeys, "", "(none: payloads in clear)", "CLI, worker, web, local", "the payload encryption keys, key-id=key separated by commas; the first seals, all open (AES-256: 64 hex digits)"},
	{EnvCodecKeysFile, "", "", "CLI, worker, web, local", "a file holding the same"},
	{EnvCodecOrigin, "", "", "web", "the Temporal Web UI's address, the only browser origin the codec server (/codec/) answers"},

	// The console's sign-in (OpenID Connect) and sessions.
	{EnvOIDCIssuer, "", "(none: the console is off)", "web", "the identity provider's issuer URL; the local system runs its own demo provider"},
	{EnvOIDCClientID, "", "", "web", "the console's client ID at the provider"},
	{EnvOIDCClientSecret, "", "", "web", "its client secret (or HANDSLAG_OIDC_CLIENT_SECRET_FILE)"},
	{EnvOIDCClientSecretFile, "", "", "web", "a file holding the client secret"},
	{EnvOIDCScopes, "", DefaultOIDCScopes, "web", "the scopes asked for, separated by spaces"},
	{EnvOIDCIDClaim, "", "email", "web", "the claim that names the sender of every message (the subject when the token lacks it)"},
	{EnvOIDCRoleClaim, "", "groups", "web", "the claim whose values the role mapping reads"},
	{EnvOIDCRoles, "", "", "web", "the role mapping: claim value=role, separated by commas; roles are office, leadership, county:NN, network:<id> and owner:<SKR, Adda or Inera>"},
	{EnvSessionIdle, "", DefaultSessionIdle.String(), "web", "a console session ends after this long without a request"},
	{EnvSessionLifetime, "", DefaultSessionLifetime.String(), "web", "and at the latest this long after sign-in"},

	// E-mail.
	{EnvSMTPHost, "", "(none: the outbox in the database)", "worker", "the SMTP server"},
	{EnvSMTPPort, "", "587, 465 or 25 by TLS mode", "worker", "its port"},
	{EnvSMTPTLS, "", "starttls", "worker", "none, starttls (required) or tls"},
	{EnvSMTPUsername, "", "", "worker", "login name"},
	{EnvSMTPPassword, "", "", "worker", "login password (never sent unencrypted)"},
	{EnvSMTPFrom, "", "", "worker", "the sender, e.g. Handslag <handslag@skr.se> (required with a host)"},

	// Personal data and accessibility.
	{EnvLegalFile, "", "the demo facts (legal/defaults.yaml)", "worker, web", "a YAML file of the facts the privacy page and the accessibility statement publish, and the retention periods the worker enforces (docs/personal-data.md)"},

	// Logs.
	{EnvLogLevel, "", "info", "worker, web, local", "debug, info, warn or error"},
	{EnvLogFormat, "", "json", "worker, web, local", "json, or console for people"},
}

// The names of our own settings.
const (
	EnvData                 = "HANDSLAG_DATA"
	EnvDatabaseURL          = "HANDSLAG_DATABASE_URL"
	EnvUser                 = "HANDSLAG_USER"
	EnvLang                 = "HANDSLAG_LANG"
	EnvLeadershipEmail      = "HANDSLAG_LEADERSHIP_EMAIL"
	EnvOfficeEmail          = "HANDSLAG_OFFICE_EMAIL"
	EnvOwnerEmails          = "HANDSLAG_OWNER_EMAILS"
	EnvMembers              = "HANDSLAG_MEMBERS"
	EnvContacts             = "HANDSLAG_CONTACTS"
	EnvRefdata              = "HANDSLAG_REFDATA"
	EnvWebAddr              = "HANDSLAG_WEB_ADDR"
	EnvBaseURL              = "HANDSLAG_BASE_URL"
	EnvLinkSecret           = "HANDSLAG_LINK_SECRET"
	EnvFormSecret           = "HANDSLAG_FORM_SECRET"
	EnvMetricsAddr          = "HANDSLAG_METRICS_ADDR"
	EnvWorkflowCache        = "HANDSLAG_WORKFLOW_CACHE"
	EnvStickyTimeout        = "HANDSLAG_STICKY_TIMEOUT"
	EnvTrustedProxies       = "HANDSLAG_TRUSTED_PROXIES"
	EnvSMTPHost             = "HANDSLAG_SMTP_HOST"
	EnvSMTPPort             = "HANDSLAG_SMTP_PORT"
	EnvSMTPTLS              = "HANDSLAG_SMTP_TLS"
	EnvSMTPUsername         = "HANDSLAG_SMTP_USERNAME"
	EnvSMTPPassword         = "HANDSLAG_SMTP_PASSWORD"
	EnvSMTPFrom             = "HANDSLAG_SMTP_FROM"
	EnvOIDCIssuer           = "HANDSLAG_OIDC_ISSUER"
	EnvOIDCClientID         = "HANDSLAG_OIDC_CLIENT_ID"
	EnvOIDCClientSecret     = "HANDSLAG_OIDC_CLIENT_SECRET"
	EnvOIDCClientSecretFile = "HANDSLAG_OIDC_CLIENT_SECRET_FILE"
	EnvOIDCScopes           = "HANDSLAG_OIDC_SCOPES"
	EnvOIDCIDClaim          = "HANDSLAG_OIDC_ID_CLAIM"
	EnvOIDCRoleClaim        = "HANDSLAG_OIDC_ROLE_CLAIM"
	EnvOIDCRoles            = "HANDSLAG_OIDC_ROLES"
	EnvSessionIdle          = "HANDSLAG_SESSION_IDLE"
	EnvCodecKeys            = "HANDSLAG_CODEC_KEYS"
	EnvCodecKeysFile        = "HANDSLAG_CODEC_KEYS_FILE"
	EnvCodecOrigin          = "HANDSLAG_CODEC_ORIGIN"
	EnvSessionLifetime      = "HANDSLAG_SESSION_LIFETIME"
	EnvLegalFile            = "HANDSLAG_LEGAL_FILE"
	EnvLogLevel             = "HANDSLAG_LOG_LEVEL"
	EnvLogFormat            = "HANDSLAG_LOG_FORMAT"
)
