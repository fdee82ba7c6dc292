package starter

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/skr/handslag/contract"
	"github.com/skr/handslag/domain"
	"github.com/skr/handslag/present"
)

func init() {
	register("impl", "cli.cmd.impl", (*CLI).impl)
	register("newsletter", "cli.cmd.newsletter", (*CLI).implNewsletter)
}

// implMessage is one impl subcommand that sends a message to the implementation.
type implMessage struct {
	message string
	build   func(f *flags) func() (any, error)
}

var implMessages = map[string]implMessage{
	"plan": {contract.MsgImplPlan, func(f *flags) func() (any, error) {
		start := f.String("start", "", "cli.flag.start")
		end := f.String("end", "", "cli.flag.end")
		var milestones, goals multi
		f.Var(&milestones, "milestone", "cli.flag.milestone")
		f.Var(&goals, "goal", "cli.flag.goal")
		lower := f.Bool("lower-is-better", false, "cli.flag.lower-is-better")
		return func() (any, error) {
			cmd := domain.SetPlan{Meta: f.meta(), Start: *start, End: *end}
			for _, m := range milestones {
				p := strings.SplitN(m, ",", 3)
				if len(p) != 3 {
					return nil, usagef("%s", f.cli.t("cli.impl.bad_milestone", "value", m))
				}
				cmd.Milestones = append(cmd.Milestones, domain.MilestoneInput{ID: strings.TrimSpace(p[0]), Due: strings.TrimSpace(p[1]), What: strings.TrimSpace(p[2])})
			}
			for _, g := range goals {
				p := strings.SplitN(g, ",", 4)
				if len(p) < 3 {
					return nil, usagef("%s", f.cli.t("cli.impl.bad_goal", "value", g))
				}
				target, err := number("goal", p[2])
				if err != nil {
					return nil, err
				}
				in := domain.GoalInput{ID: strings.TrimSpace(p[0]), Unit: strings.TrimSpace(p[1]), Target: target, LowerIsBetter: *lower}
				if len(p) == 4 {
					in.Description = strings.TrimSpace(p[3])
				}
				cmd.Goals = append(cmd.Goals, in)
			}
			return cmd, nil
		}
	}},
	"milestone": {contract.MsgImplMilestone, func(f *flags) func() (any, error) {
		id := f.String("milestone", "", "cli.flag.milestone.id")
		reached := f.String("reached", "", "cli.flag.reached")
		return func() (any, error) {
			return domain.RecordMilestone{Meta: f.meta(), Milestone: *id, Reached: *reached}, nil
		}
	}},
	"report": {contract.MsgImplReport, func(f *flags) func() (any, error) {
		period := f.String("period", "", "cli.flag.period")
		group := f.String("group-on-schedule", "", "cli.flag.group-on-schedule")
		munis := f.String("municipalities-on-schedule", "", "cli.flag.municipalities-on-schedule")
		staff := f.String("within-staff", "", "cli.flag.within-staff")
		budget := f.String("within-budget", "", "cli.flag.within-budget")
		comment := f.String("comment", "", "cli.flag.comment.implementation")
		return func() (any, error) {
			cmd := domain.SubmitReport{Meta: f.meta(), Period: *period, Comment: *comment}
			for _, a := range []struct {
				flag, value string
				into        **bool
			}{{"group-on-schedule", *group, &cmd.OnScheduleGroup}, {"municipalities-on-schedule", *munis, &cmd.OnScheduleMunicipalities},
				{"within-staff", *staff, &cmd.WithinStaff}, {"within-budget", *budget, &cmd.WithinBudget}} {
				b, err := yesNo(a.flag, a.value)
				if err != nil {
					return nil, err
				}
				*a.into = b
			}
			return cmd, nil
		}
	}},
	"measure": {contract.MsgImplMeasure, func(f *flags) func() (any, error) {
		goal := f.String("goal", "", "cli.flag.goal.implementation")
		value := f.String("value", "", "cli.flag.value")
		unit := f.String("unit", "", "cli.flag.unit")
		date := f.String("date", "", "cli.flag.date")
		return func() (any, error) {
			v, err := number("value", *value)
			if err != nil {
				return nil, err
			}
			return domain.RecordMeasurement{Meta: f.meta(), Goal: *goal, Value: v, Unit: *unit, Date: *date}, nil
		}
	}},
	"hearing": {contract.MsgImplHearing, func(f *flags) func() (any, error) {
		id := f.String("hearing", "", "cli.flag.hearing")
		held := f.Bool("held", false, "cli.flag.held")
		move := f.String("move-to", "", "cli.flag.move-to")
		notes := f.String("notes", "", "cli.flag.notes")
		venue := venueFlags(f)
		return func() (any, error) {
			v, err := venue()
			if err != nil {
				return nil, err
			}
			return domain.RecordHearing{Meta: f.meta(), Hearing: *id, Held: *held, MoveTo: *move, Notes: *notes, Venue: v}, nil
		}
	}},
	"join": {contract.MsgImplJoin, func(f *flags) func() (any, error) {
		codes := f.String("municipality", "", "cli.flag.municipality")
		return func() (any, error) {
			return domain.JoinImplementation{Meta: f.meta(), Municipalities: splitList(*codes)}, nil
		}
	}},
	"unsubscribe": {contract.MsgImplUnsubscribe, func(f *flags) func() (any, error) {
		code := f.String("municipality", "", "cli.flag.municipality.implementation")
		email := f.String("email", "", "cli.flag.email")
		return func() (any, error) {
			return domain.Unsubscribe{Meta: f.meta(), Municipality: *code, Email: *email}, nil
		}
	}},
	"complete": {contract.MsgImplComplete, func(f *flags) func() (any, error) {
		var finals multi
		f.Var(&finals, "final", "cli.flag.final")
		return func() (any, error) {
			cmd := domain.CompleteImplementation{Meta: f.meta()}
			for _, s := range finals {
				ff, err := domain.ParseFinalFigure("final", s)
				if err != nil {
					return nil, err
				}
				cmd.Final = append(cmd.Final, ff)
			}
			return cmd, nil
		}
	}},
	"stop": {contract.MsgImplStop, func(f *flags) func() (any, error) {
		return func() (any, error) { return domain.StopImplementation{Meta: f.meta()}, nil }
	}},
}

func (c *CLI) impl(ctx context.Context, args []string) error {
	if c.groupHelp("impl", args, append(slices.Collect(maps.Keys(implMessages)), "status", "newsletter")) {
		return nil
	}
	switch args[0] {
	case "status":
		return c.implStatus(ctx, args[1:])
	case "newsletter":
		return c.implNewsletter(ctx, args[1:])
	}
	m, ok := implMessages[args[0]]
	if !ok {
		return usagef("%s", c.t("cli.group.unknown", "group", "impl", "command", args[0]))
	}
	return c.implSend(ctx, "impl "+args[0], m, args[1:])
}

func (c *CLI) implSend(ctx context.Context, name string, m implMessage, args []string) error {
	f, id, payload, a, err := c.prepareMessage(ctx, name, domain.RoleOffice, m.build, args)
	if err != nil {
		return err
	}
	defer a.Close()
	rec, err := a.SendImplementation(ctx, id, m.message, payload, f.signal)
	switch {
	case err != nil:
		return err
	case f.json:
		return writeJSON(c.Out, rec)
	case f.signal:
		fmt.Fprintln(c.Out, c.t("impl.cli.signalled", "id", id))
	default:
		events := rec.Events
		if len(events) == 0 && rec.Event != nil { // a run from before receipts listed them all
			events = []domain.ImplEvent{*rec.Event}
		}
		lines := make([]string, len(events))
		for i, e := range events {
			lines[i] = present.ImplEventLine(c.Lang, e)
		}
		fmt.Fprintln(c.Out, c.t("impl.cli.accepted", "id", id, "event", strings.Join(lines, "; ")))
		if rec.Ended {
			fmt.Fprintln(c.Out, c.t("impl.cli.ended", "id", id, "stage", c.t("stage."+string(payloadStage(payload)))))
		}
	}
	return nil
}

func payloadStage(p any) domain.Stage {
	if _, ok := p.(domain.StopImplementation); ok {
		return domain.StageStopped
	}
	return domain.StageCompleted
}

// multi is a flag given several times.
type multi []string

func (m *multi) String() string     { return strings.Join(*m, "; ") }
func (m *multi) Set(v string) error { *m = append(*m, v); return nil }

// number reads a decimal number with a decimal comma or point.
func number(field, s string) (float64, error) { return domain.ParseNumber(field, s) }

// yesNo reads ja/nej (or yes/no); empty stays unset, so the workflow says which is missing.
func yesNo(field, s string) (*bool, error) { return domain.ParseYesNo(field, s) }
