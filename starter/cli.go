// Package starter is the admin CLI, "handslag": the programme office's and the leadership's
// tool to register needs, record assessments and decisions, and follow initiatives. Every
// message it sends says who sent it (--by, --role) and why (--reason).
package starter

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"regexp"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/skr/handslag/admin"
	"github.com/skr/handslag/config"
	"github.com/skr/handslag/domain"
	"github.com/skr/handslag/i18n"
	"github.com/skr/handslag/logging"
	"github.com/skr/handslag/present"
	"go.uber.org/zap"
)

// commandTimeout bounds every command.
const commandTimeout = 30 * time.Second

// Exit codes.
const (
	ExitOK       = 0
	ExitRejected = 1 // the input was refused or the operation failed
	ExitUsage    = 2 // the command line itself was wrong
)

// CLI runs commands. Dial is replaceable so tests can point it anywhere.
type CLI struct {
	Out, Err io.Writer
	Lang     i18n.Lang
	// Settings are the defaults from the environment (config.LoadCLI).
	Settings config.CLI
	// current is the running command's flags, to name a refused field by its flag.
	current *flags
	// Dial connects to Temporal; nil uses admin.Dial.
	Dial func(ctx context.Context, address, namespace string) (*admin.Client, error)
}

// Main is the entry point of cmd/handslag.
func Main() {
	settings := config.LoadCLI(config.OS)
	lang := i18n.Swedish
	if settings.English {
		lang = i18n.English
	}
	cli := &CLI{Out: os.Stdout, Err: os.Stderr, Lang: lang, Settings: settings}
	os.Exit(cli.Run(context.Background(), os.Args[1:]))
}

type command struct {
	summary string
	run     func(c *CLI, ctx context.Context, args []string) error
}

var commands = map[string]command{}

func register(name, summary string, run func(c *CLI, ctx context.Context, args []string) error) {
	commands[name] = command{summary: summary, run: run}
}

// usageError is a wrong command line (exit 2).
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, a ...any) error { return usageError{fmt.Sprintf(format, a...)} }

// Run executes one command and returns the exit code.
func (c *CLI) Run(ctx context.Context, args []string) int {
	args = globalFlagsAfterCommand(args)
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		c.help()
		return ExitOK
	}
	cmd, ok := commands[args[0]]
	if !ok {
		fmt.Fprintln(c.Err, i18n.T(c.Lang, "error.usage", "detail", c.t("cli.unknown_command", "command", args[0])))
		return ExitUsage
	}
	// Nothing a user runs should hang: an update or query waits for a worker, and without one
	// the user is told so rather than left waiting.
	ctx, cancel := context.WithTimeout(ctx, commandTimeout)
	defer cancel()
	err := cmd.run(c, ctx, args[1:])
	if err == nil || errors.Is(err, flag.ErrHelp) {
		return ExitOK // -h printed the command's flags
	}
	fmt.Fprintln(c.Err, c.explain(err))
	var ue usageError
	if errors.As(err, &ue) {
		return ExitUsage
	}
	return ExitRejected
}

// explain renders an error in the user's language, saying what to fix.
func (c *CLI) explain(err error) string {
	var ve *domain.ValidationError
	var ae *admin.Error
	var ue usageError
	var te templateErr
	var se *config.SettingError
	switch {
	case errors.As(err, &te) && te.unknown != "":
		return i18n.T(c.Lang, "error.template_field", "file", te.file, "field", te.unknown, "known", strings.Join(templateFields, ", "))
	case errors.As(err, &te) && strings.HasPrefix(te.detail, `"`):
		return i18n.T(c.Lang, "error.template_type", "file", te.file, "type", te.detail)
	case errors.As(err, &te):
		return i18n.T(c.Lang, "error.template", "file", te.file, "detail", te.detail)
	case errors.Is(err, context.DeadlineExceeded) || strings.Contains(err.Error(), "context deadline exceeded"):
		return i18n.T(c.Lang, "error.timeout", "seconds", int(commandTimeout.Seconds()))
	case errors.As(err, &ue):
		return i18n.T(c.Lang, "error.usage", "detail", ue.msg)
	case errors.As(err, &ve):
		if ve.Code == domain.CodeRequirementsUnmet {
			return i18n.T(c.Lang, "error."+string(ve.Code), "field", ve.Field, "detail", c.requirementNames(ve.Detail))
		}
		return strings.Join(present.Problems(c.Lang, ve, c.flagName), "\n")
	case errors.As(err, &ae):
		return i18n.T(c.Lang, ae.Key, ae.Args...)
	case errors.As(err, &se) && se.Hint != "":
		return i18n.T(c.Lang, "error.setting", "setting", se.Setting, "detail",
			i18n.T(c.Lang, "setting."+se.Hint, "value", se.Value, "example", se.Example))
	case errors.As(err, &se):
		return i18n.T(c.Lang, "error.setting", "setting", se.Setting, "detail", se.Problem)
	}
	return i18n.T(c.Lang, "error.other", "detail", err.Error())
}

// requirementNames says the must-requirements a detail names by their codes in words.
func (c *CLI) requirementNames(detail string) string {
	names := append([]string{"qualification_plan"}, func() []string {
		var out []string
		for _, r := range domain.Requirements {
			out = append(out, string(r))
		}
		return out
	}()...)
	for _, code := range names {
		detail = strings.ReplaceAll(detail, code, i18n.T(c.Lang, "requirement."+code))
	}
	return detail
}

func (c *CLI) help() {
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	fmt.Fprintln(c.Out, c.t("cli.help.title"))
	fmt.Fprintln(c.Out, "\n"+c.t("cli.help.usage"))
	fmt.Fprintln(c.Out, "\n"+c.t("cli.help.commands"))
	for _, n := range names {
		fmt.Fprintf(c.Out, "  %-15s %s\n", n, c.t(commands[n].summary))
	}
	fmt.Fprintln(c.Out, "\n"+c.t("cli.help.environment"))
}

// flags is the flag set every command shares: where Temporal is, and who is acting.
type flags struct {
	*flag.FlagSet
	address, namespace string
	by, role, reason   string
	signal, json       bool
	// fields names the flag of a data field whose flag is called otherwise (who_has_the_need:
	// who), to say what to fix in the user's words.
	fields map[string]string
	cli    *CLI
}

// field says that the data field is set with the flag name.
func (f *flags) field(dataField, flagName string) { f.fields[dataField] = flagName }

// flagName names a refused data field as the running command's flag, when it has one.
func (c *CLI) flagName(field string) string {
	f := c.current
	if f == nil {
		return field
	}
	switch field {
	case "by.id":
		return c.t("cli.field.by")
	case "by.role":
		return "--role"
	}
	if name, ok := f.fields[field]; ok {
		return "--" + name
	}
	for _, cand := range []string{field, field[strings.LastIndex(field, ".")+1:]} {
		name := strings.ReplaceAll(cand, "_", "-")
		if f.Lookup(name) != nil {
			return "--" + name
		}
	}
	return field
}

func (c *CLI) newFlags(name string, defaultRole domain.Role, message bool) *flags {
	t := c.Settings.Temporal
	if t.Address == "" { // a CLI made without settings (tests): the defaults
		t = config.LoadCLI(config.Env{}).Temporal
	}
	f := &flags{FlagSet: flag.NewFlagSet(name, flag.ContinueOnError), fields: map[string]string{}, cli: c}
	c.current = f
	// The flag package's own messages are English and printed twice; parse says it in words.
	f.SetOutput(io.Discard)
	f.StringVar(&f.address, "address", t.Address, "cli.flag.address")
	f.StringVar(&f.namespace, "namespace", t.Namespace, "cli.flag.namespace")
	if message {
		f.StringVar(&f.by, "by", c.Settings.User, "cli.flag.by")
		f.StringVar(&f.role, "role", string(defaultRole), "cli.flag.role.sender")
		f.StringVar(&f.reason, "reason", "", "cli.flag.reason")
		f.BoolVar(&f.signal, "signal", false, "cli.flag.signal")
	}
	f.BoolVar(&f.json, "json", false, "cli.flag.json")
	return f
}

// parse accepts the initiative ID before or after the flags. wantID says whether one is needed.
func (f *flags) parse(args []string, wantID bool) (string, error) {
	id := ""
	if wantID && len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		id, args = args[0], args[1:]
	}
	if err := f.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			f.usage()
			return "", err
		}
		return "", usageError{f.cli.flagError(f.Name(), err)}
	}
	if wantID && id == "" {
		id = f.Arg(0)
	}
	if wantID && id == "" {
		return "", usagef("ange initiativets id, till exempel: handslag %s bygglov-e-tjanst", f.Name())
	}
	return id, nil
}

func (f *flags) meta() domain.Meta {
	return domain.Meta{By: domain.Actor{ID: f.by, Role: domain.Role(f.role)}, Reason: f.reason}
}

func (c *CLI) dial(ctx context.Context, f *flags) (*admin.Client, error) {
	if c.Dial != nil {
		return c.Dial(ctx, f.address, f.namespace)
	}
	// TLS, API key and the Temporal CLI's profile come from the environment like in the worker;
	// the address and namespace from the flags (whose defaults are the environment's).
	cc, err := config.ClientFromEnv()
	if err != nil {
		return nil, err
	}
	cc.Profile.Address, cc.Profile.Namespace = f.address, f.namespace
	opts, err := cc.Options()
	if err != nil {
		return nil, err
	}
	opts.Logger = logging.SDK(zap.NewNop())
	return admin.Dial(ctx, f.address, f.namespace, opts)
}

// groupHelp prints the help of a command with subcommands (cycle, impl, offer) when args ask
// for it (none, help, -h); it reports whether it did.
func (c *CLI) groupHelp(group string, args []string, subs []string) bool {
	if len(args) > 0 && args[0] != "help" && args[0] != "-h" && args[0] != "--help" {
		return false
	}
	slices.Sort(subs)
	fmt.Fprintln(c.Out, c.t("cli.group.usage", "group", group))
	fmt.Fprintln(c.Out, "\n"+c.t("cli.group.commands"))
	for _, n := range subs {
		fmt.Fprintf(c.Out, "  %-12s %s\n", n, c.t("cli.cmd."+group+"."+n))
	}
	return true
}

// flagError says a flag package error in the user's language, once.
func (c *CLI) flagError(command string, err error) string {
	msg := err.Error()
	name := "-" + flagInError.FindStringSubmatch(msg + " -?")[1]
	switch {
	case strings.HasPrefix(msg, "flag provided but not defined"):
		return c.t("cli.flag.unknown", "flag", name, "command", command)
	case strings.HasPrefix(msg, "flag needs an argument"):
		return c.t("cli.flag.needs_value", "flag", name, "command", command)
	case strings.HasPrefix(msg, "invalid"):
		return c.t("cli.flag.invalid", "flag", name, "command", command)
	}
	return msg
}

// flagInError finds the flag a flag package error names ("... -score: parse error").
var flagInError = regexp.MustCompile(` -{1,2}([\w?-]+)`)

// usage prints the command's flags in the user's language.
func (f *flags) usage() {
	c := f.cli
	fmt.Fprintln(c.Out, c.t("cli.usage.command", "command", f.Name()))
	f.VisitAll(func(fl *flag.Flag) {
		def := ""
		if fl.DefValue != "" && fl.DefValue != "false" && fl.DefValue != "0" {
			def = " " + c.t("cli.usage.default", "value", fl.DefValue)
		}
		// Usages are catalogue keys ("cli.flag.<name>"); a key the catalogue lacks prints as is.
		fmt.Fprintf(c.Out, "  --%s\n      %s%s\n", fl.Name, c.t(fl.Usage), def)
	})
}

// globalFlagsAfterCommand accepts the connection flags before the command ("handslag
// --address X list"), moving them after the command's words, where the command reads them.
func globalFlagsAfterCommand(args []string) []string {
	var global []string
	i := 0
	for i < len(args) && strings.HasPrefix(args[i], "-") && args[i] != "-h" && args[i] != "--help" {
		name := strings.TrimLeft(args[i], "-")
		global = append(global, args[i])
		if !strings.Contains(name, "=") && takesValue[name] && i+1 < len(args) {
			global = append(global, args[i+1])
			i++
		}
		i++
	}
	if len(global) == 0 || i >= len(args) {
		return args
	}
	words := 1
	if groups[args[i]] && i+1 < len(args) && !strings.HasPrefix(args[i+1], "-") {
		words = 2
	}
	out := append([]string(nil), args[i:i+words]...)
	out = append(out, global...)
	return append(out, args[i+words:]...)
}

// takesValue are the flags that may come before the command and take a value.
var takesValue = map[string]bool{"address": true, "namespace": true, "by": true, "role": true, "reason": true}

// groups are the commands with subcommands (handslag cycle status ...).
var groups = map[string]bool{"cycle": true, "impl": true, "offer": true}

func splitList(s string) []string { return domain.SplitList(s) }

// usageOf turns a value the domain could not read from a flag (its field is the flag) into a
// usage error, in words.
func (c *CLI) usageOf(err error) error {
	var ve *domain.ValidationError
	if errors.As(err, &ve) {
		return usageError{present.Problem(c.Lang, *ve, nil)}
	}
	return err
}
