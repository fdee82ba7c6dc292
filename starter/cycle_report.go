package starter

import (
	"context"
	"encoding/csv"
	"fmt"
	"text/tabwriter"

	"github.com/skr/handslag/domain"
)

// reportFlags reads --year and --format for the ranking and the report.
func (c *CLI) readReport(ctx context.Context, name string, args []string) (domain.CycleReport, string, error) {
	f := c.newFlags(name, "", false)
	year := yearFlag(f)
	format := f.String("format", "table", "cli.flag.format")
	if _, err := f.parse(args, false); err != nil {
		return domain.CycleReport{}, "", err
	}
	if err := needYear(f, *year); err != nil {
		return domain.CycleReport{}, "", err
	}
	if f.json {
		*format = "json"
	}
	switch *format {
	case "table", "csv", "json":
	default:
		return domain.CycleReport{}, "", usagef("%s", c.t("cli.cycle.bad_format", "value", *format))
	}
	a, err := c.dial(ctx, f)
	if err != nil {
		return domain.CycleReport{}, "", err
	}
	defer a.Close()
	r, err := a.CycleReport(ctx, *year)
	return r, *format, err
}

func (c *CLI) cycleRanking(ctx context.Context, args []string) error {
	r, format, err := c.readReport(ctx, "cycle ranking", args)
	if err != nil {
		return err
	}
	switch format {
	case "json":
		return writeJSON(c.Out, r.Ranking)
	case "csv":
		w := csv.NewWriter(c.Out)
		_ = w.Write([]string{"rank", "id", "title", "owner", "points", "lists", "best_position", "urgency", "feasibility", "benefit", "cost", "closed"})
		for _, x := range r.Ranking {
			_ = w.Write([]string{fmt.Sprint(x.Rank), x.ID, x.Title, string(x.Owner), fmt.Sprint(x.Points), fmt.Sprint(x.Lists),
				fmt.Sprint(x.BestPosition), fmt.Sprint(x.Urgency), fmt.Sprint(x.Feasibility), fmt.Sprint(x.Benefit), fmt.Sprint(x.Cost),
				string(x.Closed)})
		}
		w.Flush()
		return w.Error()
	}
	c.printRanking(r)
	return nil
}

func (c *CLI) printRanking(r domain.CycleReport) {
	fmt.Fprintln(c.Out, c.t("cli.cycle.ranking_header", "year", r.Year, "lists", len(r.Lists)))
	tw := tabwriter.NewWriter(c.Out, 0, 2, 2, ' ', 0)
	fmt.Fprintln(tw, c.t("cli.cycle.ranking_columns"))
	score := func(n int) string {
		if n == 0 {
			return "-"
		}
		return fmt.Sprint(n)
	}
	for _, x := range r.Ranking {
		title := x.Title
		if x.Closed != "" {
			title += " – " + c.t("stage."+string(x.Closed))
		}
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%s\t%s\t%s\t%s\t%s\t%s\n", score(x.Rank), x.ID, x.Points, x.Lists, score(x.BestPosition),
			score(x.Urgency), score(x.Feasibility), score(x.Benefit), score(x.Cost), title)
	}
	_ = tw.Flush()
	fmt.Fprintln(c.Out, c.t("cli.cycle.ranking_rule"))
}

func (c *CLI) cycleReport(ctx context.Context, args []string) error {
	r, format, err := c.readReport(ctx, "cycle report", args)
	if err != nil {
		return err
	}
	switch format {
	case "json":
		return writeJSON(c.Out, r)
	case "csv":
		w := csv.NewWriter(c.Out)
		_ = w.Write(domain.CSVHeader)
		_ = w.WriteAll(r.CSVRows())
		return w.Error()
	}
	fmt.Fprintln(c.Out, c.t("cli.cycle.report_title", "year", r.Year, "phase", c.t("phase."+string(r.Phase)), "calendar", r.Calendar)+"\n")
	c.printRanking(r)
	fmt.Fprintln(c.Out, "\n"+c.t("cli.cycle.lists"))
	for _, l := range r.Lists {
		who := l.By
		if l.OnBehalf {
			who += " " + c.t("cli.cycle.on_behalf")
		}
		fmt.Fprintf(c.Out, "  %-40s v%d %v  %s\n", l.Member, l.Version, l.Initiatives, c.t("cli.cycle.list_by", "who", who))
	}
	if len(r.MissingLists) > 0 {
		fmt.Fprintln(c.Out, "  "+c.t("cli.cycle.missing_lists", "members", fmt.Sprint(r.MissingLists)))
	}
	for _, v := range r.Valuations {
		fmt.Fprintln(c.Out, "\n"+c.t("cli.cycle.valuation_line", "initiative", v.Initiative, "count", v.Count,
			"average", fmt.Sprintf("%.1f", v.Average), "min", v.Min, "max", v.Max))
	}
	for _, d := range r.Decisions {
		fmt.Fprintln(c.Out, "\n"+c.t("cli.cycle.decision_line", "gate", d.Gate, "by", d.By, "date", d.At.In(domain.Stockholm()).Format("2006-01-02"),
			"chosen", fmt.Sprint(d.Chosen), "waiting", fmt.Sprint(d.NotChosen), "reason", d.Reason))
	}
	return nil
}
