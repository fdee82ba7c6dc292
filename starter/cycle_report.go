package starter

import (
	"context"
	"encoding/csv"
	"fmt"
	"text/tabwriter"

	"github.com/skr/handslag/contract"
	"github.com/skr/handslag/domain"
)

// reportFlags reads --year and --format for the ranking and the report.
func (c *CLI) readReport(ctx context.Context, name string, args []string) (domain.CycleReport, string, error) {
	f := c.newFlags(name, "", false)
	year := yearFlag(f)
	format := f.String("format", "table", "table, csv eller json")
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
		return domain.CycleReport{}, "", usagef("--format %q: använd table, csv eller json", *format)
	}
	a, err := c.dial(ctx, f)
	if err != nil {
		return domain.CycleReport{}, "", err
	}
	defer a.Close()
	var r domain.CycleReport
	return r, *format, a.QueryCycle(ctx, *year, contract.QueryCycleReport, &r)
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
	fmt.Fprintln(tw, "plats\tid\tpoäng\tlistor\tbästa\tangel.\tgenomf.\tnytta\tkostn.\ttitel")
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
	fmt.Fprintln(c.Out, "Poäng: plats 1 ger 10, plats 10 ger 1, gånger nätverkets vikt. Lika poäng: fler listor, sedan bästa plats, sedan id.")
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
	fmt.Fprintf(c.Out, "Årscykeln %d: %s (%s)\n\n", r.Year, c.t("phase."+string(r.Phase)), r.Calendar)
	c.printRanking(r)
	fmt.Fprintln(c.Out, "\nListor:")
	for _, l := range r.Lists {
		who := l.By
		if l.OnBehalf {
			who += " (programkontoret för medlemmen)"
		}
		fmt.Fprintf(c.Out, "  %-40s v%d %v  av %s\n", l.Member, l.Version, l.Initiatives, who)
	}
	if len(r.MissingLists) > 0 {
		fmt.Fprintf(c.Out, "  saknas: %v\n", r.MissingLists)
	}
	for _, v := range r.Valuations {
		fmt.Fprintf(c.Out, "\nVärdering av %s: %d värderingar, medel %.1f (min %d, max %d)\n", v.Initiative, v.Count, v.Average, v.Min, v.Max)
	}
	for _, d := range r.Decisions {
		fmt.Fprintf(c.Out, "\nBeslut %s (%s, %s): vidare %v, väntar %v\n  skäl: %s\n", d.Gate, d.By,
			d.At.In(domain.Stockholm()).Format("2006-01-02"), d.Chosen, d.NotChosen, d.Reason)
	}
	return nil
}
