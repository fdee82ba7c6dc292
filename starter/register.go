package starter

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"github.com/skr/handslag/domain"
	"github.com/skr/handslag/i18n"
	"gopkg.in/yaml.v3"
)

func init() {
	register("register", "cli.cmd.register", (*CLI).register)
}

func (c *CLI) register(ctx context.Context, args []string) error {
	f := c.newFlags("register", domain.RoleOffice, true)
	file := f.String("file", "", "cli.flag.file")
	id := f.String("id", "", "cli.flag.id")
	var n domain.Need
	f.StringVar(&n.Title, "title", "", "cli.flag.title")
	f.StringVar(&n.Problem, "problem", "", "cli.flag.problem")
	f.StringVar(&n.WhoHasTheNeed, "who", "", "cli.flag.who")
	f.StringVar(&n.ExpectedBenefit, "benefit", "", "cli.flag.benefit")
	activities := f.String("activities", "", "cli.flag.activities")
	f.StringVar(&n.ProposerOrganisation, "proposer", "", "cli.flag.proposer")
	f.StringVar(&n.ContactEmail, "contact", "", "cli.flag.contact")
	goals := f.String("goals", "", "cli.flag.goals")
	for field, flag := range map[string]string{"who_has_the_need": "who", "expected_benefit": "benefit",
		"affected_activities": "activities", "proposer_organisation": "proposer", "contact_email": "contact",
		"action_plan_goals": "goals"} {
		f.field(field, flag)
	}
	calFile := f.String("calendar", "", "cli.flag.calendar")
	demo := f.Bool("demo", false, "cli.flag.demo.register")
	demoDay := f.Duration("demo-day", time.Second, "cli.flag.demo-day")
	demoStart := f.String("demo-start", "", "cli.flag.demo-start")
	if _, err := f.parse(args, false); err != nil {
		return err
	}
	if f.reason == "" {
		f.reason = "nytt behov"
	}
	if *file != "" {
		var err error
		if n, err = readNeed(*file); err != nil {
			return err
		}
		c.current = nil // what is missing is a field of the template, named as in the file
	} else {
		n.AffectedActivities, n.ActionPlanGoals = splitList(*activities), splitList(*goals)
	}
	reg := domain.Registration{Need: n.Normalize(), By: domain.Actor{ID: f.by, Role: domain.Role(f.role)}, Calendar: domain.DefaultCalendar()}
	reg.ID = *id
	if reg.ID == "" {
		reg.ID = domain.IDFromTitle(reg.Need.Title)
	}
	if *calFile != "" {
		cal, err := readCalendar(*calFile)
		if err != nil {
			return err
		}
		reg.Calendar = cal
	}
	if *demo {
		reg.Calendar.Name = "DEMO: " + reg.Calendar.Name
		reg.Calendar.Demo = &domain.DemoSettings{DayLength: *demoDay}
	}
	if *demoStart != "" {
		t, err := domain.ParseDemoStart("--demo-start", *demoStart)
		if err != nil {
			return c.usageOf(err)
		}
		reg.DemoStart = t
	}
	if err := reg.Validate(); err != nil {
		return err
	}
	a, err := c.dial(ctx, f)
	if err != nil {
		return err
	}
	defer a.Close()
	if err := a.Register(ctx, reg); err != nil {
		return err
	}
	// Read back where it is: the workflow computes the cycle year on its own clock.
	st, err := a.Status(ctx, reg.ID)
	if err != nil {
		return err
	}
	if f.json {
		return writeJSON(c.Out, st)
	}
	fmt.Fprintln(c.Out, i18n.T(c.Lang, "cli.registered", "id", reg.ID, "title", reg.Need.Title,
		"stage", i18n.T(c.Lang, "stage."+string(st.Initiative.Stage)), "year", st.Initiative.CycleYear))
	if reg.Calendar.IsDemo() {
		fmt.Fprintln(c.Out, i18n.T(c.Lang, "cli.demo", "day", reg.Calendar.Demo.DayLength))
	}
	return nil
}

// readNeed reads an intake template. Unknown fields are errors, so a misspelt field is not
// silently dropped.
func readNeed(path string) (domain.Need, error) {
	var n domain.Need
	data, err := os.ReadFile(path)
	if err != nil {
		return n, templateError(path, err)
	}
	switch strings.ToLower(filepath.Ext(path)) {
	case ".json":
		dec := json.NewDecoder(bytes.NewReader(data))
		dec.DisallowUnknownFields()
		err = dec.Decode(&n)
	case ".yaml", ".yml":
		dec := yaml.NewDecoder(bytes.NewReader(data))
		dec.KnownFields(true)
		err = dec.Decode(&n)
	default:
		return n, templateErr{file: path, detail: fmt.Sprintf("%q", filepath.Ext(path)), unknown: ""}
	}
	if err != nil {
		return n, templateError(path, err)
	}
	return n.Normalize(), nil
}

func readCalendar(path string) (domain.Calendar, error) {
	var cal domain.Calendar
	data, err := os.ReadFile(path)
	if err != nil {
		return cal, templateError(path, err)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&cal); err != nil {
		return cal, templateError(path, err)
	}
	return cal, cal.Validate()
}

type templateErr struct {
	file, detail string
	// unknown is a field of the file that the template does not have.
	unknown string
}

func (e templateErr) Error() string { return e.file + ": " + e.detail }

// unknownField finds the misspelt field in a decoder's message (JSON: unknown field "x";
// YAML: field x not found in type ...), so it can be named without the decoder's words.
var unknownField = regexp.MustCompile(`unknown field "([^"]+)"|field (\S+) not found in type`)

func templateError(path string, err error) error {
	e := templateErr{file: path, detail: err.Error()}
	if m := unknownField.FindStringSubmatch(e.detail); m != nil {
		e.unknown = m[1] + m[2]
	}
	return e
}

// templateFields are the fields a need template may have, in template order.
var templateFields = []string{"title", "problem", "who_has_the_need", "expected_benefit", "affected_activities",
	"proposer_organisation", "contact_email", "action_plan_goals"}

func writeJSON(w interface{ Write([]byte) (int, error) }, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
