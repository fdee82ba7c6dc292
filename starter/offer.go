package starter

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/skr/handslag/admin"
	"github.com/skr/handslag/contract"
	"github.com/skr/handslag/domain"
	"github.com/skr/handslag/present"
)

func init() {
	register("offer", "cli.cmd.offer", (*CLI).offer)
}

var offerCommands = map[string]func(c *CLI, ctx context.Context, args []string) error{
	"status":  (*CLI).offerStatus,
	"answer":  (*CLI).offerAnswer,
	"export":  (*CLI).offerExport,
	"forget":  (*CLI).offerForget,  // offer_forget.go
	"seminar": (*CLI).offerSeminar, // venue.go
}

func (c *CLI) offer(ctx context.Context, args []string) error {
	if c.groupHelp("offer", args, slices.Collect(maps.Keys(offerCommands))) {
		return nil
	}
	sub, ok := offerCommands[args[0]]
	if !ok {
		return usagef("%s", c.t("cli.group.unknown", "group", "offer", "command", args[0]))
	}
	return sub(c, ctx, args[1:])
}

// offerQuery parses an offer command that only reads, connects, and hands over.
func (c *CLI) offerQuery(ctx context.Context, name string, args []string, fn func(a *admin.Client, f *flags, id string) error) error {
	f := c.newFlags(name, "", false)
	id, err := f.parse(args, true)
	if err != nil {
		return err
	}
	a, err := c.dial(ctx, f)
	if err != nil {
		return err
	}
	defer a.Close()
	return fn(a, f, id)
}

// offerStatus prints the round: dates, rule, tally, outcome, delivery and reminders.
func (c *CLI) offerStatus(ctx context.Context, args []string) error {
	return c.offerQuery(ctx, "offer status", args, func(a *admin.Client, f *flags, id string) error {
		st, err := a.OfferStatus(ctx, id)
		if err != nil {
			return err
		}
		if f.json {
			return writeJSON(c.Out, st)
		}
		c.printOfferStatus(c.Out, st)
		return nil
	})
}

func (c *CLI) printOfferStatus(w io.Writer, st contract.OfferStatus) {
	when := func(t time.Time) string { return t.In(domain.Stockholm()).Format("2006-01-02 15:04") }
	real := func(t time.Time) string { return t.In(domain.Stockholm()).Format("2006-01-02 15:04") } // records: real time
	tw := tabwriter.NewWriter(w, 0, 2, 2, ' ', 0)
	row := func(label, value string) { fmt.Fprintf(tw, "%s\t%s\n", c.t(label), value) }
	t := st.Tally
	row("offer.status.title", st.Content.InitiativeID+": "+st.Content.Title)
	row("offer.status.seminar", strings.TrimSuffix(when(st.Seminar)+", "+st.SeminarVenue.String(), ", "))
	row("offer.status.deadline", when(st.Deadline))
	row("offer.status.late_until", when(st.LateUntil))
	row("offer.status.rule", st.Rule.String())
	row("offer.status.tally", c.t("offer.status.tally_line", "yes", t.Yes, "no", t.No, "not_answered", t.NotAnswered,
		"municipalities", t.Municipalities, "late_yes", t.LateYes))
	row("offer.status.share", c.t("offer.status.share_line", "municipalities", c.pct(t.YesShareMunicipalities),
		"population", c.pct(t.YesSharePopulation)))
	switch d := st.Decision; {
	case d == nil:
		row("offer.status.outcome", c.t("offer.status.open"))
	case d.Go:
		row("offer.status.outcome", c.t("offer.go")+" "+c.t("offer.phase.deadline")+" ("+c.pct(d.Tally.YesSharePopulation)+")")
	default:
		row("offer.status.outcome", c.t("offer.no_go")+" "+c.t("offer.phase.deadline")+" ("+c.pct(d.Tally.YesSharePopulation)+")")
	}
	if l := st.Lifted; l != nil {
		row("offer.status.outcome", c.t("offer.status.lifted", "at", real(l.At))+" ("+c.pct(l.Tally.YesSharePopulation)+")")
	}
	if st.Closed {
		row("offer.status.outcome", c.t("offer.status.closed"))
	}
	if r := st.Retention; r != nil && !r.ForgottenAt.IsZero() {
		row("offer.status.outcome", c.t("offer.status.retention_done", "at", real(r.ForgottenAt)))
	} else if r != nil && !r.Until.IsZero() {
		row("offer.status.outcome", c.t("offer.status.retention_until", "at", when(r.Until)))
	}
	if d := st.Delivery; d != nil {
		row("offer.status.delivery", c.t("offer.status.delivery_line", "sent", d.Sent, "already", d.AlreadySent))
	}
	if len(st.MissingContacts) > 0 {
		names := make([]string, len(st.MissingContacts))
		for i, m := range st.MissingContacts {
			names[i] = m.Code + " " + m.Name
		}
		fmt.Fprintf(tw, "%s\t%s\n", c.t("offer.status.missing", "count", len(st.MissingContacts)), strings.Join(names, ", "))
	}
	for _, r := range st.Reminders {
		fmt.Fprintf(tw, "%s\t%s: %s\n", c.t("offer.status.reminder", "days", r.DaysBefore), real(r.At), c.reminderOutcome(r))
	}
	if st.Rejected.Count > 0 {
		row("offer.status.rejected", fmt.Sprint(st.Rejected.Count))
	}
	tw.Flush()
}

// reminderOutcome says what became of a reminder: sent (late, if so), or skipped and why.
func (c *CLI) reminderOutcome(r domain.ReminderRecord) string {
	switch {
	case r.Sent && r.Late:
		return c.t("offer.status.reminder_sent_late", "count", r.Recipients)
	case r.Sent:
		return c.t("offer.status.reminder_sent", "count", r.Recipients)
	case r.Skipped != "":
		return c.t("offer.status.reminder_skipped." + string(r.Skipped))
	}
	return c.t("offer.status.reminder_skipped")
}

// pct renders a share as a percentage with one decimal, in the CLI's language.
func (c *CLI) pct(share float64) string { return present.Percent(c.Lang, share) }

// offerAnswer registers an answer on a municipality's behalf, recorded as entered by the
// office. --role is the answering person's role; the sender is always the office.
func (c *CLI) offerAnswer(ctx context.Context, args []string) error {
	f := c.newFlags("offer answer", "", false)
	by := f.String("by", c.Settings.User, "cli.flag.by.offer")
	reason := f.String("reason", "registrerat av programkontoret", "cli.flag.reason.offer")
	signal := f.Bool("signal", false, "cli.flag.signal")
	municipality := f.String("municipality", "", "cli.flag.municipality.offer")
	yes := f.Bool("yes", false, "cli.flag.yes")
	no := f.Bool("no", false, "cli.flag.no")
	name := f.String("name", "", "cli.flag.name")
	role := f.String("role", "", "cli.flag.role")
	comment := f.String("comment", "", "cli.flag.comment.offer")
	submission := f.String("submission-id", "", "cli.flag.submission-id")
	id, err := f.parse(args, true)
	if err != nil {
		return err
	}
	if *yes == *no {
		return usagef("%s", c.t("cli.offer_yes_or_no"))
	}
	choice := domain.AnswerNo
	if *yes {
		choice = domain.AnswerYes
	}
	if *submission == "" {
		*submission = newSubmissionID()
	}
	b := domain.SubmitAnswers{Meta: domain.Meta{By: domain.Actor{ID: *by, Role: domain.RoleOffice}, Reason: *reason},
		Answers: []domain.AnswerInput{{Municipality: *municipality, Answer: choice, Name: *name, Role: *role,
			Comment: *comment, SubmissionID: *submission}}}
	if err := b.Validate(); err != nil {
		return err
	}
	if err := b.Answers[0].Validate(); err != nil {
		return err
	}
	a, err := c.dial(ctx, f)
	if err != nil {
		return err
	}
	defer a.Close()
	res, err := a.SubmitAnswers(ctx, id, b, *signal)
	if err != nil {
		return err
	}
	if f.json {
		return writeJSON(c.Out, res)
	}
	if *signal {
		fmt.Fprintln(c.Out, c.t("cli.offer_signalled", "id", id))
		return nil
	}
	r := res.Results[0]
	if r.Error != nil {
		return r.Error
	}
	late := ""
	if r.Late {
		late = ", " + c.t("offer.late")
	}
	key := "cli.offer_recorded"
	if r.Duplicate {
		key = "cli.offer_duplicate"
	}
	fmt.Fprintln(c.Out, c.t(key, "municipality", r.Municipality, "version", r.Version, "late", late))
	return nil
}

// newSubmissionID makes a fresh id for one CLI submission.
func newSubmissionID() string {
	var b [12]byte
	_, _ = rand.Read(b[:])
	return "office-" + hex.EncodeToString(b[:])
}

// offerExport writes every answer version as CSV to standard output.
func (c *CLI) offerExport(ctx context.Context, args []string) error {
	return c.offerQuery(ctx, "offer export", args, func(a *admin.Client, _ *flags, id string) error {
		round, err := a.OfferRound(ctx, id)
		if err != nil {
			return err
		}
		return domain.WriteAnswersCSV(c.Out, &round)
	})
}
