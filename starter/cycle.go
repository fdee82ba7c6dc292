package starter

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/skr/handslag/admin"
	"github.com/skr/handslag/contract"
	"github.com/skr/handslag/domain"
)

// The annual cycle's commands: "handslag cycle <subcommand>".

var cycleCommands = map[string]func(c *CLI, ctx context.Context, args []string) error{
	"schedule":   (*CLI).cycleSchedule,
	"trigger":    (*CLI).cycleTrigger,
	"start":      (*CLI).cycleStart,
	"status":     (*CLI).cycleStatus,
	"priorities": (*CLI).cyclePriorities,
	"valuation":  (*CLI).cycleValuation,
	"decide":     (*CLI).cycleDecide,
	"ranking":    (*CLI).cycleRanking,
	"report":     (*CLI).cycleReport,
	"config":     (*CLI).cycleConfig,
	"members":    (*CLI).cycleMembers,
}

func init() {
	register("cycle", "cli.cmd.cycle", (*CLI).cycle)
}

func (c *CLI) cycle(ctx context.Context, args []string) error {
	if c.groupHelp("cycle", args, slices.Collect(maps.Keys(cycleCommands))) {
		return nil
	}
	sub, ok := cycleCommands[args[0]]
	if !ok {
		return usagef("%s", c.t("cli.group.unknown", "group", "cycle", "command", args[0]))
	}
	return sub(c, ctx, args[1:])
}

// yearFlag adds the required --year flag.
func yearFlag(f *flags) *int {
	return f.Int("year", 0, "cli.flag.year")
}

func needYear(f *flags, year int) error {
	if year == 0 {
		return usagef("%s", f.cli.t("cli.cycle.need_year", "command", f.Name()))
	}
	return nil
}

func (c *CLI) cycleSchedule(ctx context.Context, args []string) error {
	f := c.newFlags("cycle schedule", "", false)
	at := f.String("at", "01-15 08:00", "cli.flag.at")
	catchup := f.Duration("catchup", admin.DefaultCatchupWindow, "cli.flag.catchup")
	cf := f.cycleConfigFlags()
	if _, err := f.parse(args, false); err != nil {
		return err
	}
	dt, err := parseMonthDayTime(*at)
	if err != nil {
		return err
	}
	cfg, clock, err := cf.resolve(time.Now())
	if err != nil {
		return err
	}
	a, err := c.dial(ctx, f)
	if err != nil {
		return err
	}
	defer a.Close()
	res, err := a.EnsureSchedule(ctx, admin.CycleSchedule{At: dt, CatchupWindow: *catchup,
		Launch: contract.LauncherInput{Config: cfg, Clock: clock}})
	if err != nil {
		return err
	}
	if f.json {
		return writeJSON(c.Out, res)
	}
	key := "cli.cycle.schedule_updated"
	if res.Created {
		key = "cli.cycle.schedule_created"
	}
	fmt.Fprintln(c.Out, c.t(key, "at", *at, "catchup", *catchup))
	for i, t := range res.Next {
		if i == 3 {
			break
		}
		fmt.Fprintln(c.Out, c.t("cli.cycle.next", "at", t.In(domain.Stockholm()).Format("2006-01-02 15:04 MST")))
	}
	return nil
}

// parseMonthDayTime reads "MM-DD HH:MM" (or "MM-DDTHH:MM").
func parseMonthDayTime(s string) (domain.DayTime, error) {
	var m, d int
	var hm string
	if n, err := fmt.Sscanf(strings.Replace(s, "T", " ", 1), "%d-%d %s", &m, &d, &hm); err != nil || n != 3 {
		return domain.DayTime{}, usagef("--at %q: skriv som MM-DD HH:MM, till exempel \"01-15 08:00\"", s)
	}
	dt := domain.DayTime{Month: m, Day: d, Time: hm}
	return dt, dt.Validate("at")
}

func (c *CLI) cycleTrigger(ctx context.Context, args []string) error {
	f := c.newFlags("cycle trigger", "", false)
	if _, err := f.parse(args, false); err != nil {
		return err
	}
	a, err := c.dial(ctx, f)
	if err != nil {
		return err
	}
	defer a.Close()
	if err := a.TriggerSchedule(ctx); err != nil {
		return err
	}
	fmt.Fprintln(c.Out, c.t("cli.cycle.triggered"))
	return nil
}

func (c *CLI) cycleStart(ctx context.Context, args []string) error {
	f := c.newFlags("cycle start", "", false)
	year := yearFlag(f)
	cf := f.cycleConfigFlags()
	if _, err := f.parse(args, false); err != nil {
		return err
	}
	if err := needYear(f, *year); err != nil {
		return err
	}
	cfg, clock, err := cf.resolve(time.Now())
	if err != nil {
		return err
	}
	a, err := c.dial(ctx, f)
	if err != nil {
		return err
	}
	defer a.Close()
	started, err := a.StartCycle(ctx, contract.CycleInput{Year: *year, Config: cfg, Clock: clock})
	if err != nil {
		return err
	}
	if f.json {
		return writeJSON(c.Out, map[string]any{"year": *year, "started": started})
	}
	key := "cli.cycle.exists"
	if started {
		key = "cli.cycle.started"
	}
	fmt.Fprintln(c.Out, c.t(key, "year", *year))
	return nil
}

func (c *CLI) cycleStatus(ctx context.Context, args []string) error {
	f := c.newFlags("cycle status", "", false)
	year := yearFlag(f)
	if _, err := f.parse(args, false); err != nil {
		return err
	}
	if err := needYear(f, *year); err != nil {
		return err
	}
	a, err := c.dial(ctx, f)
	if err != nil {
		return err
	}
	defer a.Close()
	var st contract.CycleStatus
	if err := a.QueryCycle(ctx, *year, contract.QueryCycleStatus, &st); err != nil {
		return err
	}
	if f.json {
		return writeJSON(c.Out, st)
	}
	missing := strings.Join(st.MissingLists, ", ")
	if missing == "" {
		missing = "-"
	}
	fmt.Fprintln(c.Out, c.t("cli.cycle.status", "year", st.Year, "phase", c.t("phase."+string(st.Phase)), "calendar", st.Calendar,
		"participants", st.Participants, "lists", st.Lists, "missing", missing))
	if st.NextWake != nil {
		fmt.Fprintln(c.Out, c.t("cli.next", "what", st.NextWake.What, "at", st.NextWake.Calendar.Format("2006-01-02 15:04")))
	}
	for _, r := range st.RejectedSignals {
		fmt.Fprintf(c.Out, "%s: %s (%s)\n", c.t("status.rejected_signal"), r.Name, c.explain(r.Error))
	}
	return nil
}

// sendCycle sends a cycle message as an update (or a signal with --signal).
func (c *CLI) sendCycle(ctx context.Context, f *flags, year int, name string, payload, out any) error {
	a, err := c.dial(ctx, f)
	if err != nil {
		return err
	}
	defer a.Close()
	if err := a.SendCycle(ctx, year, name, payload, out, f.signal); err != nil {
		return err
	}
	if f.signal {
		fmt.Fprintln(c.Out, c.t("cli.cycle.sent"))
	}
	return nil
}

func (c *CLI) cyclePriorities(ctx context.Context, args []string) error {
	f := c.newFlags("cycle priorities", domain.RoleCouncil, true)
	year := yearFlag(f)
	member := f.String("member", "", "cli.flag.member")
	list := f.String("list", "", "cli.flag.list")
	if _, err := f.parse(args, false); err != nil {
		return err
	}
	if err := needYear(f, *year); err != nil {
		return err
	}
	ids := splitList(*list)
	if len(ids) == 0 {
		ids = splitList(strings.Join(f.Args(), ","))
	}
	cmd := domain.SubmitPriorities{Meta: f.meta(), Member: *member, Initiatives: ids}
	var r contract.CycleReceipt
	if err := c.sendCycle(ctx, f, *year, contract.MsgSubmitPriorities, cmd, &r); err != nil || f.signal {
		return err
	}
	if f.json {
		return writeJSON(c.Out, r)
	}
	fmt.Fprintln(c.Out, c.t("cli.cycle.list_saved", "member", *member, "count", len(ids),
		"deadline", r.ListsDeadline.In(domain.Stockholm()).Format("2006-01-02 15:04")))
	return nil
}

func (c *CLI) cycleValuation(ctx context.Context, args []string) error {
	f := c.newFlags("cycle valuation", domain.RoleCouncil, true)
	year := yearFlag(f)
	member := f.String("member", "", "cli.flag.member.cycle")
	id := f.String("initiative", "", "cli.flag.initiative")
	score := f.Int("score", 0, "cli.flag.score")
	comment := f.String("comment", "", "cli.flag.comment")
	if _, err := f.parse(args, false); err != nil {
		return err
	}
	if err := needYear(f, *year); err != nil {
		return err
	}
	cmd := domain.SubmitValuation{Meta: f.meta(), Member: *member, Initiative: *id, Score: *score, Comment: *comment}
	var r contract.CycleReceipt
	if err := c.sendCycle(ctx, f, *year, contract.MsgSubmitValuation, cmd, &r); err != nil || f.signal {
		return err
	}
	if f.json {
		return writeJSON(c.Out, r)
	}
	fmt.Fprintln(c.Out, c.t("cli.cycle.valuation_saved", "member", *member, "initiative", *id))
	return nil
}

func (c *CLI) cycleDecide(ctx context.Context, args []string) error {
	f := c.newFlags("cycle decide", domain.RoleLeadership, true)
	year := yearFlag(f)
	gate := f.String("gate", "", "cli.flag.gate")
	chosen := f.String("chosen", "", "cli.flag.chosen")
	none := f.Bool("none", false, "cli.flag.none")
	declined := f.String("declined", "", "cli.flag.declined")
	ref := f.String("reference", "", "cli.flag.reference")
	if _, err := f.parse(args, false); err != nil {
		return err
	}
	if err := needYear(f, *year); err != nil {
		return err
	}
	switch {
	case *chosen == "" && !*none:
		return usagef("%s", c.t("cli.cycle.choose_or_none"))
	case *chosen != "" && *none:
		return usagef("%s", c.t("cli.cycle.chosen_and_none"))
	}
	cmd := domain.DecideCycle{Meta: f.meta(), Gate: domain.Gate(*gate), Chosen: splitList(*chosen), None: *none,
		Declined: splitList(*declined), Reference: *ref}
	var r contract.DecisionReceipt
	if err := c.sendCycle(ctx, f, *year, contract.MsgDecideCycle, cmd, &r); err != nil || f.signal {
		return err
	}
	if f.json {
		return writeJSON(c.Out, r)
	}
	approved, deferred, declinedN := 0, 0, 0
	for _, res := range r.Results {
		switch {
		case res.Error != "":
			fmt.Fprintln(c.Out, c.t("cli.cycle.result_error", "initiative", res.Initiative, "detail", res.Error))
		case res.Verdict == domain.VerdictApprove:
			approved++
		case res.Verdict == domain.VerdictDecline:
			declinedN++
		default:
			deferred++
		}
	}
	fmt.Fprintln(c.Out, c.t("cli.cycle.decided", "gate", c.t("gate."+string(r.Gate)), "chosen", approved, "deferred", deferred))
	if declinedN > 0 {
		fmt.Fprintln(c.Out, c.t("cli.cycle.declined", "count", declinedN))
	}
	if r.Phase == domain.PhaseDone {
		fmt.Fprintln(c.Out, c.t("cli.cycle.ended", "year", *year))
	}
	return nil
}

func (c *CLI) cycleConfig(_ context.Context, args []string) error {
	f := c.newFlags("cycle config", "", false)
	if _, err := f.parse(args, false); err != nil {
		return err
	}
	return writeJSON(c.Out, defaultCycleConfig())
}

func (c *CLI) cycleMembers(_ context.Context, args []string) error {
	f := c.newFlags("cycle members", "", false)
	cf := f.cycleConfigFlags()
	if _, err := f.parse(args, false); err != nil {
		return err
	}
	cfg, _, err := cf.resolve(time.Now())
	if err != nil {
		return err
	}
	if f.json {
		return writeJSON(c.Out, cfg.Networks)
	}
	for _, n := range cfg.Networks {
		fmt.Fprintf(c.Out, "%s (vikt %d)\n", n.Name, n.Weight)
		for _, m := range n.Members {
			fmt.Fprintf(c.Out, "  %-40s %s\n", m.ID, m.Name)
		}
	}
	return nil
}
