package starter

import (
	"context"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/skr/handslag/admin"
	"github.com/skr/handslag/contract"
	"github.com/skr/handslag/domain"
	"github.com/skr/handslag/i18n"
	"github.com/skr/handslag/present"
)

func init() {
	register("status", "cli.cmd.status", (*CLI).status)
	register("list", "cli.cmd.list", (*CLI).list)
}

func (c *CLI) status(ctx context.Context, args []string) error {
	f := c.newFlags("status", "", false)
	id, err := f.parse(args, true)
	if err != nil {
		return err
	}
	a, err := c.dial(ctx, f)
	if err != nil {
		return err
	}
	defer a.Close()
	st, err := a.Status(ctx, id)
	if err != nil {
		return err
	}
	if f.json {
		return writeJSON(c.Out, st)
	}
	c.printStatus(c.Out, st)
	return nil
}

func (c *CLI) t(key string, args ...any) string { return i18n.T(c.Lang, key, args...) }

func (c *CLI) printStatus(w io.Writer, st contract.Status) {
	in := st.Initiative
	// One clock per record: what happened is shown when it happened (real time); the next
	// calendar event below is on the initiative's calendar (a demo calendar runs faster).
	when := func(t time.Time) string { return t.In(domain.Stockholm()).Format("2006-01-02 15:04") }
	tw := tabwriter.NewWriter(w, 0, 2, 2, ' ', 0)
	row := func(label, value string) { fmt.Fprintf(tw, "%s\t%s\n", c.t(label), value) }
	row("status.initiative", in.ID+": "+in.Need.Title)
	row("status.stage", c.t("stage."+string(in.Stage)))
	row("status.cycle", fmt.Sprint(in.CycleYear))
	row("status.calendar", in.Calendar.Name)
	if in.Owner != "" {
		owner := fmt.Sprintf("%s (%s)", in.Owner, present.Word(c.Lang, "route", string(in.Route)))
		if len(in.Assisting) > 0 {
			assisting := make([]string, len(in.Assisting))
			for i, a := range in.Assisting {
				assisting[i] = string(a)
			}
			owner += fmt.Sprintf(", %s %s", c.t("status.assisting"), strings.Join(assisting, ", "))
		}
		row("status.owner", owner)
	}
	if in.GroupRelevance != "" {
		row("status.relevance", c.t("status.relevance_line", "group", present.Word(c.Lang, "relevance", string(in.GroupRelevance)),
			"municipal", present.Word(c.Lang, "relevance", string(in.MunicipalRelevance))))
	}
	for _, s := range in.Criteria {
		row("status.criterion", c.t("status.criterion_line", "criterion", present.Word(c.Lang, "criterion", string(s.Criterion)),
			"score", s.Score, "motivation", s.Motivation))
	}
	met := len(in.Requirements) - len(in.UnmetRequirements())
	req := fmt.Sprintf("%d/%d", met, len(in.Requirements))
	if unmet := in.UnmetRequirements(); len(unmet) > 0 {
		names := make([]string, len(unmet))
		for i, r := range unmet {
			names[i] = present.Word(c.Lang, "requirement", string(r))
		}
		req += " (" + c.t("status.missing") + ": " + strings.Join(names, ", ") + ")"
	}
	row("status.requirements", req)
	if q := in.QuickAnalysis; q != nil {
		row("status.quick_analysis", q.OfferMeaning+" / "+q.QualificationNeeds)
	}
	if v := in.Valuation; v != nil {
		row("status.valuation", c.t("status.valuation_line", "group", v.GroupScore, "municipal", v.MunicipalScore, "comment", v.Comment))
	}
	if q := in.Qualification; q != nil {
		row("status.qualification", fmt.Sprintf("%s | %s | %s | %s | %s", q.What, q.WhoDoesWhat, q.EffectGoal, q.Cost, q.Financing))
	}
	for _, d := range in.Decisions {
		row("status.decision", c.t("status.decision_line", "at", when(d.At), "gate", present.Word(c.Lang, "gate", string(d.Gate)),
			"verdict", present.Word(c.Lang, "verdict", string(d.Verdict)), "by", d.By, "reason", d.Reason))
	}
	for _, r := range in.EarlierRounds {
		row("status.earlier_round", fmt.Sprintf("%d: %s", r.CycleYear, c.t("stage."+string(r.ReachedStage))))
	}
	if o := in.Offer; o != nil {
		row("offer.status.title", c.t("status.offer_round", "deadline", o.Deadline.In(domain.Stockholm()).Format("2006-01-02 15:04"), "id", in.ID))
	}
	if in.Outcome != nil {
		row("status.outcome", c.t("status.outcome_line", "at", when(in.Outcome.At), "stage", c.t("stage."+string(in.Outcome.Stage)),
			"by", in.Outcome.By, "reason", present.TimelineEvent(c.Lang, in.Outcome.Reason)))
	}
	tw.Flush()
	if in.Calendar.IsDemo() {
		fmt.Fprintln(w, c.t("cli.demo", "day", in.Calendar.Demo.DayLength))
	}
	for _, e := range in.Escalations {
		if !e.Resolved {
			fmt.Fprintln(w, c.t("cli.escalated", "what", c.t("waiting."+e.Waiting), "deadline", e.Deadline.Format("2006-01-02 15:04")))
		}
	}
	if nw := st.NextWake; nw != nil {
		key := "cli.next_opens"
		if nw.Deadline {
			key = "cli.next_deadline"
		}
		fmt.Fprintln(w, c.t("cli.next", "what", c.t(key, "season", c.t("season."+string(nw.Season))), "at", nw.Calendar.Format("2006-01-02 15:04")))
	} else if !in.Stage.Closed() {
		fmt.Fprintln(w, c.t("cli.waiting"))
	}
	for _, r := range st.RejectedSignals {
		fmt.Fprintf(w, "%s: %s (%s)\n", c.t("status.rejected_signal"), r.Name, c.t("error."+string(r.Error.Code), "field", r.Error.Field, "detail", r.Error.Detail))
	}
	fmt.Fprintln(w, c.t("status.timeline")+":")
	for _, e := range in.Timeline {
		line := fmt.Sprintf("  %s  %-40s %s", when(e.At), present.TimelineEvent(c.Lang, e.Event), e.By)
		if e.Reason != "" {
			line += ": " + present.TimelineEvent(c.Lang, e.Reason) // an offer's verdict is a code
		}
		fmt.Fprintln(w, line)
	}
}

func (c *CLI) list(ctx context.Context, args []string) error {
	f := c.newFlags("list", "", false)
	stage := f.String("stage", "", "cli.flag.stage")
	owner := f.String("owner", "", "cli.flag.owner.status")
	year := f.Int("year", 0, "cli.flag.year.status")
	escalated := f.Bool("escalated", false, "cli.flag.escalated")
	all := f.Bool("all", false, "cli.flag.all")
	if _, err := f.parse(args, false); err != nil {
		return err
	}
	filter := admin.Filter{Stage: domain.Stage(*stage), Owner: domain.Owner(*owner), CycleYear: *year, Escalated: *escalated, IncludeClosed: *all}
	if _, err := filter.Query(); err != nil {
		return err
	}
	a, err := c.dial(ctx, f)
	if err != nil {
		return err
	}
	defer a.Close()
	items, err := a.List(ctx, filter)
	if err != nil {
		return err
	}
	if f.json {
		return writeJSON(c.Out, items)
	}
	if len(items) == 0 {
		fmt.Fprintln(c.Out, c.t("cli.none"))
		return nil
	}
	tw := tabwriter.NewWriter(c.Out, 0, 2, 2, ' ', 0)
	fmt.Fprintln(tw, c.t("list.header"))
	for _, s := range items {
		esc := ""
		if s.Escalated {
			esc = "!"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%s\t%s\n", s.ID, s.Stage, s.Owner, s.CycleYear, esc, s.Title)
	}
	return tw.Flush()
}
