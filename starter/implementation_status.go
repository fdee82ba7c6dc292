package starter

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/skr/handslag/admin"
	"github.com/skr/handslag/contract"
	"github.com/skr/handslag/domain"
	"github.com/skr/handslag/present"
)

// implStatus prints the implementation: plan, participants, milestones, reports, goals,
// hearings, and what comes next.
func (c *CLI) implStatus(ctx context.Context, args []string) error {
	return c.offerQuery(ctx, "impl status", args, func(a *admin.Client, f *flags, id string) error {
		st, err := a.ImplementationStatus(ctx, id)
		if err != nil {
			return err
		}
		if f.json {
			return writeJSON(c.Out, st)
		}
		c.printImplStatus(c.Out, st)
		return nil
	})
}

func day(t time.Time) string { return t.In(domain.Stockholm()).Format("2006-01-02") }

func (c *CLI) printImplStatus(w io.Writer, st contract.ImplementationStatus) {
	im := st.Implementation
	tw := tabwriter.NewWriter(w, 0, 2, 2, ' ', 0)
	row := func(label, value string) { fmt.Fprintf(tw, "%s\t%s\n", c.t(label), value) }
	row("impl.status.title", im.InitiativeID+": "+im.Title)
	row("impl.status.stage", c.t("stage."+string(st.Stage)))
	if st.Escalated {
		row("impl.status.stage", c.t("impl.status.escalated"))
	}
	row("impl.status.period", day(im.Plan.Start)+" – "+day(im.Plan.End))
	names := make([]string, len(im.Participants))
	for i, p := range im.Participants {
		names[i] = strings.TrimSpace(p.Code + " " + p.Name)
	}
	row("impl.status.participants", fmt.Sprintf("%d: %s", len(names), orNone(c, strings.Join(names, ", "))))
	if m := st.NextMilestone; m != nil {
		row("impl.status.next_milestone", day(m.Date)+" "+m.ID+": "+m.What)
	}
	if e := st.Latest; e != nil {
		row("impl.status.latest", present.ImplEventLineWithReason(c.Lang, *e))
	}
	for _, m := range im.Plan.Milestones {
		state := c.t("impl.status.open")
		switch {
		case !m.Reached.IsZero():
			state = c.t("impl.status.reached", "date", day(m.Reached))
		case m.Missed:
			state = c.t("impl.status.missed")
		}
		row("impl.status.milestones", fmt.Sprintf("%s %s: %s – %s", day(m.Due), m.ID, m.What, state))
	}
	now := im.Calendar(time.Now())
	for _, p := range st.Periods {
		if now.Before(p.Start) {
			break
		}
		var line string
		switch r := im.Report(p.ID); {
		case r != nil:
			line = r.Summary()
		case now.Before(p.Due):
			line = c.t("impl.status.not_due", "due", localMinute(p.Due))
		default:
			line = c.t("impl.status.missing", "due", localMinute(p.Due))
		}
		row("impl.status.reports", p.ID+": "+line)
	}
	for _, g := range st.Goals {
		if g.Latest == nil {
			row("impl.status.goals", c.t("impl.status.goal_unmeasured", "goal", g.Goal, "target", fmtNum(g.Target), "unit", g.Unit))
			continue
		}
		verdict := c.t("impl.status.goal_not_met")
		if g.Met {
			verdict = c.t("impl.status.goal_met")
		}
		row("impl.status.goals", c.t("impl.status.goal_line", "goal", g.Goal, "target", fmtNum(g.Target), "unit", g.Unit,
			"value", fmtNum(g.Latest.Value), "date", day(g.Latest.Date), "verdict", verdict))
	}
	for _, h := range im.Hearings {
		row("impl.status.hearings", fmt.Sprintf("%s %s: %s", localMinute(h.At), h.ID, h.Status))
	}
	row("impl.status.digests", fmt.Sprint(len(im.Digests)))
	for _, line := range c.unsubscribedLines(im) {
		row("unsub.status.label", line)
	}
	if wk := st.NextWake; wk != nil {
		row("impl.status.next", localMinute(wk.Calendar)+" "+c.t("impl.wake."+wk.What, "ref", wk.Ref))
	}
	if len(st.Rejected) > 0 {
		row("impl.status.rejected", fmt.Sprint(len(st.Rejected)))
	}
	tw.Flush()
}

func localMinute(t time.Time) string { return t.In(domain.Stockholm()).Format("2006-01-02 15:04") }

func fmtNum(v float64) string { return strings.Replace(fmt.Sprintf("%g", v), ".", ",", 1) }

func orNone(c *CLI, s string) string {
	if s == "" {
		return c.t("impl.status.none")
	}
	return s
}

// implNewsletter writes the month's newsletter summary (Markdown) for the office to
// publish: what changed across every initiative, in the preparation (stages entered and
// decisions, as the public case list shows them) and in implementation. --out writes it to a
// file.
func (c *CLI) implNewsletter(ctx context.Context, args []string) error {
	f := c.newFlags("newsletter", "", false)
	month := f.String("month", time.Now().In(domain.Stockholm()).AddDate(0, -1, 0).Format("2006-01"), "cli.flag.month")
	out := f.String("out", "", "cli.flag.out")
	if _, err := f.parse(args, false); err != nil {
		return err
	}
	m, err := domain.ParseMonth(*month)
	if err != nil {
		return err
	}
	a, err := c.dial(ctx, f)
	if err != nil {
		return err
	}
	defer a.Close()
	news, err := c.newsOfTheMonth(ctx, a, m)
	if err != nil {
		return err
	}
	if f.json {
		return writeJSON(c.Out, news)
	}
	var b strings.Builder
	c.writeNewsletter(&b, *month, news)
	if *out == "" {
		_, err = io.WriteString(c.Out, b.String())
		return err
	}
	return os.WriteFile(*out, []byte(b.String()), 0o644)
}

// newsletter is a month's news across all initiatives.
type newsletter struct {
	Preparation    []domain.CaseNews        `json:"preparation"`
	Implementation []domain.NewsletterEntry `json:"implementation"`
}

// newsOfTheMonth reads every initiative (closed ones too, within retention) and every
// implementation, and gathers the month's news from them.
func (c *CLI) newsOfTheMonth(ctx context.Context, a *admin.Client, month time.Time) (newsletter, error) {
	list, err := a.List(ctx, admin.Filter{IncludeClosed: true})
	if err != nil {
		return newsletter{}, err
	}
	ins := make([]domain.Initiative, 0, len(list))
	for _, s := range list {
		st, err := a.Status(ctx, s.ID)
		if err != nil {
			return newsletter{}, err
		}
		ins = append(ins, st.Initiative)
	}
	sts, err := a.Implementations(ctx)
	if err != nil {
		return newsletter{}, err
	}
	ims := make([]domain.Implementation, len(sts))
	for i, s := range sts {
		ims[i] = s.Implementation
	}
	return newsletter{Preparation: domain.NewsOfTheMonth(month, ins), Implementation: domain.Newsletter(month, ims)}, nil
}

func (c *CLI) writeNewsletter(w io.Writer, month string, news newsletter) {
	fmt.Fprintf(w, "# %s\n\n", c.t("impl.newsletter.title", "month", month))
	if len(news.Preparation) == 0 && len(news.Implementation) == 0 {
		fmt.Fprintln(w, c.t("impl.newsletter.none", "month", month))
		return
	}
	if len(news.Preparation) > 0 {
		fmt.Fprintf(w, "%s\n", c.t("news.preparation.intro", "month", month))
		for _, n := range news.Preparation {
			fmt.Fprintf(w, "\n## %s\n\n", c.t("impl.newsletter.initiative", "title", n.Title, "id", n.ID, "stage", c.t("stage."+string(n.Stage))))
			for _, d := range n.Decisions {
				fmt.Fprintf(w, "- %s\n", c.t("news.decision", "date", day(d.At), "decision", c.t("cases.decision."+string(d.Gate)+"."+string(d.Verdict)),
					"body", c.t("cases.body."+string(d.Body))))
			}
			for _, e := range n.Entered {
				fmt.Fprintf(w, "- %s\n", c.t("news.entered", "date", day(e.At), "stage", c.t("stage."+string(e.Stage))))
			}
		}
		fmt.Fprintln(w)
	}
	if len(news.Implementation) > 0 {
		fmt.Fprintf(w, "%s\n", c.t("impl.newsletter.intro", "month", month))
	}
	for _, e := range news.Implementation {
		fmt.Fprintf(w, "\n## %s\n\n", c.t("impl.newsletter.initiative", "title", e.Title, "id", e.InitiativeID, "stage", c.t("stage."+string(e.Stage))))
		for _, ev := range e.Events {
			fmt.Fprintf(w, "- %s\n", present.ImplEventLine(c.Lang, ev))
		}
		for _, g := range e.Goals {
			if g.Latest == nil {
				continue
			}
			fmt.Fprintf(w, "- %s\n", c.t("impl.status.goal_line", "goal", g.Goal, "target", fmtNum(g.Target), "unit", g.Unit,
				"value", fmtNum(g.Latest.Value), "date", day(g.Latest.Date), "verdict", c.t(map[bool]string{true: "impl.status.goal_met", false: "impl.status.goal_not_met"}[g.Met])))
		}
	}
}
