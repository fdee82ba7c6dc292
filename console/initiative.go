package console

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/skr/handslag/admin"
	"github.com/skr/handslag/contract"
	"github.com/skr/handslag/domain"
	"github.com/skr/handslag/signin"
)

// initiativePage is one initiative's whole record.
type initiativePage struct {
	page
	In      domain.Initiative
	Next    *domain.Wake
	Demo    bool
	Contact bool // the proposer's contact is shown (office and leadership only)
	Unmet   []domain.Requirement
	Offer   *contract.OfferStatus
	Impl    *contract.ImplementationStatus
	Actions []actionLink
	Done    string // the action just taken, in words
	// FollowOffer: the person may follow the offer round's answers (its dashboard).
	FollowOffer bool
	Timeline    []timelineRow
}

type actionLink struct {
	Link, Label string
}

type timelineRow struct {
	At     string
	Event  string
	By     string
	Reason string
}

// load reads an initiative, its offer round and implementation. found is false for an ID
// that names no initiative.
func (c *Console) load(ctx context.Context, id string) (contract.Status, view, bool, error) {
	st, err := c.cfg.Backend.Status(ctx, id)
	if err != nil {
		var ae *admin.Error
		if errors.As(err, &ae) && ae.Key == "error.not_found" {
			return st, view{}, false, nil
		}
		return st, view{}, false, err
	}
	v := view{initiative: st.Initiative}
	if st.Initiative.Implementation != nil {
		if im, err := c.cfg.Backend.ImplementationStatus(ctx, id); err == nil {
			v.impl = &im.Implementation
		}
	}
	return st, v, true, nil
}

// validID accepts what an initiative ID can be (a-z, 0-9 and dashes), so nothing else reaches
// a query.
func validID(id string) bool {
	if id == "" || len(id) > 100 {
		return false
	}
	return strings.Trim(id, "abcdefghijklmnopqrstuvwxyz0123456789-") == ""
}

func (c *Console) initiative(w http.ResponseWriter, r *http.Request, p signin.Person) {
	id := r.PathValue("id")
	if !validID(id) {
		c.notFound(w, r, p)
		return
	}
	st, v, found, err := c.load(r.Context(), id)
	if err != nil {
		c.unavailable(w, r, p, err)
		return
	}
	if !found {
		c.notFound(w, r, p)
		return
	}
	in := st.Initiative
	ip := initiativePage{page: c.base(&p, in.Need.Title, "list"), In: in, Next: st.NextWake, Demo: in.Calendar.IsDemo(),
		Contact: p.Has(domain.RoleOffice) || p.Has(domain.RoleLeadership), Unmet: in.UnmetRequirements(),
		FollowOffer: p.May(domain.ActFollowOffer)}
	if in.Offer != nil {
		if o, err := c.cfg.Backend.OfferStatus(r.Context(), id); err == nil {
			ip.Offer = &o
		}
	}
	if v.impl != nil {
		im, err := c.cfg.Backend.ImplementationStatus(r.Context(), id)
		if err == nil {
			ip.Impl = &im
		}
	}
	for _, a := range actions {
		if a.offered(in.Stage) && p.MayOn(a.act, in.Owner) {
			ip.Actions = append(ip.Actions, actionLink{Link: "/konsol/initiativ/" + id + "/" + a.slug, Label: c.t("console.action." + a.slug)})
		}
	}
	if done, ok := actionBySlug(r.URL.Query().Get("klart")); ok {
		ip.Done = c.t("console.done", "action", c.t("console.action."+done.slug))
	} else if r.URL.Query().Get("klart") == "forslag" {
		ip.Done = c.t("console.proposals.taken")
	} else if r.URL.Query().Get("klart") == "registrerat" {
		ip.Done = c.t("console.done.registered")
	}
	for i := len(in.Timeline) - 1; i >= 0; i-- {
		e := in.Timeline[i]
		ip.Timeline = append(ip.Timeline, timelineRow{At: c.when(e.At), Event: c.timelineEvent(e.Event), By: e.By, Reason: e.Reason})
	}
	c.render(w, http.StatusOK, "initiative", ip)
}

// actionPage is an action's form.
type actionPage struct {
	page
	ID         string
	Initiative string
	Action     string
	Lead       string
	Path       string
	Fields     []formField
	Problems   []problem
	Submission string
	Revision   int
	Button     string
}

// actionForm shows an action's form.
func (c *Console) actionForm(w http.ResponseWriter, r *http.Request, p signin.Person) {
	a, st, v, ok := c.actionTarget(w, r, p)
	if !ok {
		return
	}
	c.renderAction(w, http.StatusOK, p, a, st, v, form{}, nil)
}

// actionTarget finds the action and the initiative of a request, and answers the request
// itself (a page saying why) when the action is unknown, not the person's, or the initiative
// does not exist.
func (c *Console) actionTarget(w http.ResponseWriter, r *http.Request, p signin.Person) (action, contract.Status, view, bool) {
	a, ok := actionBySlug(r.PathValue("action"))
	id := r.PathValue("id")
	if !ok || !validID(id) {
		c.notFound(w, r, p)
		return action{}, contract.Status{}, view{}, false
	}
	if !p.May(a.act) {
		c.forbidden(w, r, p)
		return action{}, contract.Status{}, view{}, false
	}
	st, v, found, err := c.load(r.Context(), id)
	if err != nil {
		c.unavailable(w, r, p, err)
		return action{}, contract.Status{}, view{}, false
	}
	if !found {
		c.notFound(w, r, p)
		return action{}, contract.Status{}, view{}, false
	}
	if !p.MayOn(a.act, st.Initiative.Owner) { // an owner's contact on another owner's implementation
		c.forbidden(w, r, p)
		return action{}, contract.Status{}, view{}, false
	}
	return a, st, v, true
}

func (c *Console) renderAction(w http.ResponseWriter, status int, p signin.Person, a action, st contract.Status, v view, f form, refusal error) {
	in := st.Initiative
	ap := actionPage{page: c.base(&p, c.t("console.action."+a.slug), "list"), ID: in.ID, Initiative: in.Need.Title,
		Action: a.slug, Path: "/konsol/initiativ/" + in.ID + "/" + a.slug, Submission: submissionID(), Revision: in.Revision,
		Button: c.t("console.action." + a.slug + ".button"), Lead: c.t("console.action." + a.slug + ".lead")}
	for _, fd := range a.fields {
		ff := formField{Name: fd.name, Label: c.t("console.field." + fd.name), Kind: kindName(fd.kind), Value: f.get(fd.name), Optional: fd.optional}
		if c.has("console.field." + fd.name + ".hint") {
			ff.Hint = c.t("console.field." + fd.name + ".hint")
		}
		if fd.options != nil {
			ff.Options = fd.options(c, v)
			for i := range ff.Options {
				ff.Options[i].Selected = ff.Options[i].Value == ff.Value
			}
		}
		if fd.kind == finals && v.impl != nil {
			for _, g := range v.impl.Plan.Goals {
				ff.Goals = append(ff.Goals, goalValue{ID: g.ID, Label: c.t("console.field.final_goal", "goal", g.ID, "unit", g.Unit),
					Value: f.get("final_" + g.ID)})
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

// actionPost sends an action's message as the signed-in person. Nothing is sent for a person
// whose roles do not allow it, for a form older than the initiative's last change, or for
// values the domain refuses (the form is shown again, as typed, saying what to fix).
func (c *Console) actionPost(w http.ResponseWriter, r *http.Request, p signin.Person) {
	r.Body = http.MaxBytesReader(w, r.Body, maxForm)
	if err := r.ParseForm(); err != nil {
		c.message(w, r, &p, http.StatusBadRequest, "console.bad_form")
		return
	}
	a, st, v, ok := c.actionTarget(w, r, p)
	if !ok {
		return
	}
	f := form{r.PostForm}
	sub := f.get("submission")
	if !validSubmission(sub) {
		c.message(w, r, &p, http.StatusBadRequest, "console.bad_form")
		return
	}
	in := st.Initiative
	done := "/konsol/initiativ/" + in.ID + "?klart=" + a.slug
	if c.submitted(r.Context(), sub) {
		http.Redirect(w, r, done, http.StatusSeeOther) // the same form again: already sent
		return
	}
	if rev, err := strconv.Atoi(f.get("revision")); err != nil || (!a.impl && !a.offer && rev != in.Revision) {
		c.message(w, r, &p, http.StatusConflict, "console.stale", "link", "/konsol/initiativ/"+in.ID+"/"+a.slug)
		return
	}
	actor, _ := p.ActorFor(a.act)
	payload, err := a.build(f, domain.Meta{By: actor, Reason: f.get("reason")}, v)
	if err == nil {
		err = c.send(r.Context(), a, in.ID, payload, sub)
	}
	var ve *domain.ValidationError
	switch {
	case err == nil:
		c.remember(r.Context(), sub)
		http.Redirect(w, r, done, http.StatusSeeOther)
	case errors.As(err, &ve) && ve.Code == domain.CodeClosed:
		c.message(w, r, &p, http.StatusConflict, "console.closed")
	case errors.As(err, &ve):
		c.renderAction(w, http.StatusUnprocessableEntity, p, a, st, v, f, err)
	default:
		c.unavailable(w, r, p, err)
	}
}

// send delivers the action's message with the submission as its update ID.
func (c *Console) send(ctx context.Context, a action, id string, payload any, sub string) error {
	updateID := "konsol/" + sub
	if a.impl {
		_, err := c.cfg.Backend.SendImplementationOnce(ctx, id, string(a.act), payload, updateID)
		return err
	}
	if a.offer {
		return c.cfg.Backend.SendOfferOnce(ctx, id, string(a.act), payload, updateID)
	}
	_, err := c.cfg.Backend.SendOnce(ctx, id, string(a.act), payload, updateID)
	return err
}

func kindName(k fieldKind) string {
	return [...]string{"text", "textarea", "choice", "dropdown", "date", "checkbox", "finals"}[k]
}
