package console

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/skr/handslag/admin"
	"github.com/skr/handslag/domain"
	"github.com/skr/handslag/signin"
)

// The need template's fields (the process's "mall för behovsbeskrivning"), in its order.
var needFields = []field{
	{name: "title", kind: text}, {name: "problem", kind: textarea}, {name: "who_has_the_need", kind: textarea},
	{name: "expected_benefit", kind: textarea}, {name: "affected_activities", kind: text},
	{name: "proposer_organisation", kind: text}, {name: "contact_email", kind: text},
	{name: "action_plan_goals", kind: text, optional: true},
}

// demoFields let the local system's office run a need on a demo calendar.
var demoFields = []field{
	{name: "demo", kind: checkbox, optional: true}, {name: "demo_day", kind: dropdown, optional: true, options: demoDayOptions},
	{name: "demo_start", kind: date, optional: true},
}

func demoDayOptions(c *Console, _ view) []option {
	var out []option
	for _, d := range c.cfg.DemoDays {
		out = append(out, option{Value: d.String(), Label: c.t("console.demo_day", "seconds", strconv.FormatFloat(d.Seconds(), 'f', -1, 64))})
	}
	return out
}

func (c *Console) registerFields() []field {
	fs := append([]field(nil), needFields...)
	if c.cfg.AllowDemo {
		fs = append(fs, demoFields...)
	}
	return fs
}

func (c *Console) registerForm(w http.ResponseWriter, r *http.Request, p signin.Person) {
	if !p.May(domain.ActRegister) {
		c.forbidden(w, r, p)
		return
	}
	c.renderRegister(w, http.StatusOK, p, form{}, nil)
}

func (c *Console) renderRegister(w http.ResponseWriter, status int, p signin.Person, f form, refusal error) {
	ap := actionPage{page: c.base(&p, c.t("console.register.title"), "register"), Path: "/konsol/nytt", Submission: submissionID(),
		Button: c.t("console.register.button"), Lead: c.t("console.register.lead")}
	for _, fd := range c.registerFields() {
		ff := formField{Name: fd.name, Label: c.t("console.field." + fd.name), Kind: kindName(fd.kind), Value: f.get(fd.name), Optional: fd.optional}
		if c.has("console.field." + fd.name + ".hint") {
			ff.Hint = c.t("console.field." + fd.name + ".hint")
		}
		if fd.options != nil {
			ff.Options = fd.options(c, view{})
			for i := range ff.Options {
				ff.Options[i].Selected = ff.Options[i].Value == ff.Value
			}
		}
		ap.Fields = append(ap.Fields, ff)
	}
	if refusal != nil {
		var byField map[string]string
		ap.Problems, byField = fieldErrors(c.cfg.Lang, refusal, ap.Fields)
		for i := range ap.Fields {
			ap.Fields[i].Error = byField[ap.Fields[i].Name]
		}
		ap.Error = true
	}
	c.render(w, status, "action", ap)
}

// registerPost registers a need as the signed-in office member. The initiative's ID comes
// from the title; a need registered before under that ID is refused (the title is marked).
func (c *Console) registerPost(w http.ResponseWriter, r *http.Request, p signin.Person) {
	actor, ok := p.ActorFor(domain.ActRegister)
	if !ok {
		c.forbidden(w, r, p)
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxForm)
	if err := r.ParseForm(); err != nil {
		c.message(w, r, &p, http.StatusBadRequest, "console.bad_form")
		return
	}
	f := form{r.PostForm}
	sub := f.get("submission")
	if !validSubmission(sub) {
		c.message(w, r, &p, http.StatusBadRequest, "console.bad_form")
		return
	}
	n := domain.Need{Title: f.get("title"), Problem: f.get("problem"), WhoHasTheNeed: f.get("who_has_the_need"),
		ExpectedBenefit: f.get("expected_benefit"), AffectedActivities: domain.SplitList(f.get("affected_activities")),
		ProposerOrganisation: f.get("proposer_organisation"), ContactEmail: f.get("contact_email"),
		ActionPlanGoals: domain.SplitList(f.get("action_plan_goals"))}.Normalize()
	reg := domain.Registration{ID: domain.IDFromTitle(n.Title), Need: n, By: actor, Calendar: domain.DefaultCalendar()}
	if c.submitted(r.Context(), sub) {
		http.Redirect(w, r, "/konsol/initiativ/"+reg.ID+"?klart=registrerat", http.StatusSeeOther)
		return
	}
	if c.cfg.AllowDemo && f.get("demo") == "ja" {
		day := c.cfg.DemoDays[0]
		for _, d := range c.cfg.DemoDays {
			if f.get("demo_day") == d.String() {
				day = d
			}
		}
		reg.Calendar = domain.DemoCalendar(day)
		if s := f.get("demo_start"); s != "" {
			t, err := domain.ParseDemoStart("demo_start", s)
			if err != nil {
				c.renderRegister(w, http.StatusUnprocessableEntity, p, f, err)
				return
			}
			reg.DemoStart = t
		}
	}
	err := c.cfg.Backend.Register(r.Context(), reg)
	var ae *admin.Error
	var ve *domain.ValidationError
	switch {
	case err == nil:
		c.remember(r.Context(), sub)
		http.Redirect(w, r, "/konsol/initiativ/"+reg.ID+"?klart=registrerat", http.StatusSeeOther)
	case errors.As(err, &ve):
		c.renderRegister(w, http.StatusUnprocessableEntity, p, f, err)
	case errors.As(err, &ae) && ae.Key == "error.already_started":
		c.renderRegister(w, http.StatusConflict, p, f, (&domain.ValidationError{Code: domain.CodeAlreadyRegistered, Field: "title", Detail: reg.ID}))
	default:
		c.unavailable(w, r, p, err)
	}
}
