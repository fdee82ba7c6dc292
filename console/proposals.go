package console

import (
	"errors"
	"net/http"

	"github.com/skr/handslag/admin"
	"github.com/skr/handslag/domain"
	"github.com/skr/handslag/signin"
)

// Needs proposed on the public form wait here for the office: accepted into the backlog (a new
// initiative, sent by the person who accepts), merged into an initiative that has the need
// already, or declined with a reason. The proposer is e-mailed either way (the proposal's
// workflow does it).

type proposalsPage struct {
	page
	Proposals []admin.ProposalSummary
	Done      string
}

func (c *Console) proposals(w http.ResponseWriter, r *http.Request, p signin.Person) {
	if !p.Has(domain.RoleOffice) && !p.Has(domain.RoleLeadership) {
		c.forbidden(w, r, p)
		return
	}
	list, err := c.cfg.Backend.Proposals(r.Context())
	if err != nil {
		c.unavailable(w, r, p, err)
		return
	}
	pp := proposalsPage{page: c.base(&p, c.t("console.proposals.title"), "proposals"), Proposals: list}
	if r.URL.Query().Get("klart") == "avslaget" {
		pp.Done = c.t("console.proposals.declined")
	}
	c.render(w, http.StatusOK, "proposals", pp)
}

type proposalPage struct {
	page
	ID         string
	Need       domain.Need
	Received   string
	Decided    *domain.ProposalOutcome
	MayDecide  bool
	Contact    bool
	Initiative string // the suggested ID of a new initiative
	Open       []admin.Summary
	Verdict    string
	Into       string
	Reason     string
	Submission string
	Problems   []problem
}

func (c *Console) proposal(w http.ResponseWriter, r *http.Request, p signin.Person) {
	pp, ok := c.proposalPage(w, r, p)
	if !ok {
		return
	}
	c.render(w, http.StatusOK, "proposal", pp)
}

func (c *Console) proposalPage(w http.ResponseWriter, r *http.Request, p signin.Person) (proposalPage, bool) {
	if !p.Has(domain.RoleOffice) && !p.Has(domain.RoleLeadership) {
		c.forbidden(w, r, p)
		return proposalPage{}, false
	}
	id := r.PathValue("id")
	if !validID(id) {
		c.notFound(w, r, p)
		return proposalPage{}, false
	}
	st, err := c.cfg.Backend.Proposal(r.Context(), id)
	var ae *admin.Error
	if errors.As(err, &ae) && ae.Key == "error.not_found" {
		c.notFound(w, r, p)
		return proposalPage{}, false
	}
	if err != nil {
		c.unavailable(w, r, p, err)
		return proposalPage{}, false
	}
	open, err := c.cfg.Backend.List(r.Context(), admin.Filter{})
	if err != nil {
		c.unavailable(w, r, p, err)
		return proposalPage{}, false
	}
	pp := proposalPage{page: c.base(&p, st.Proposal.Need.Title, "proposals"), ID: id, Need: st.Proposal.Need,
		Received: c.when(st.Proposal.Received), Decided: st.Outcome, MayDecide: p.May(domain.ActDecideProposal) && st.Outcome == nil,
		Contact: true, Initiative: domain.IDFromTitle(st.Proposal.Need.Title), Open: open, Submission: submissionID()}
	return pp, true
}

// proposalPost sends the office's decision, as the signed-in person.
func (c *Console) proposalPost(w http.ResponseWriter, r *http.Request, p signin.Person) {
	actor, may := p.ActorFor(domain.ActDecideProposal)
	if !may {
		c.forbidden(w, r, p)
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxForm)
	if err := r.ParseForm(); err != nil {
		c.message(w, r, &p, http.StatusBadRequest, "console.bad_form")
		return
	}
	pp, ok := c.proposalPage(w, r, p)
	if !ok {
		return
	}
	f := form{r.PostForm}
	sub := f.get("submission")
	if !validSubmission(sub) {
		c.message(w, r, &p, http.StatusBadRequest, "console.bad_form")
		return
	}
	pp.Verdict, pp.Reason, pp.Into = f.get("verdict"), f.get("reason"), f.get("into")
	if v := f.get("initiative"); v != "" {
		pp.Initiative = v
	}
	d := domain.DecideProposal{Meta: domain.Meta{By: actor, Reason: pp.Reason}, Verdict: domain.ProposalVerdict(pp.Verdict)}
	switch d.Verdict {
	case domain.ProposalAccept:
		d.Initiative = pp.Initiative
	case domain.ProposalMerge:
		d.Initiative = pp.Into
	}
	out, err := c.cfg.Backend.DecideProposal(r.Context(), pp.ID, d, "konsol/"+sub)
	var ve *domain.ValidationError
	switch {
	case err == nil && out.Initiative != "":
		http.Redirect(w, r, "/konsol/initiativ/"+out.Initiative+"?klart=forslag", http.StatusSeeOther)
	case err == nil:
		http.Redirect(w, r, "/konsol/forslag?klart=avslaget", http.StatusSeeOther)
	case errors.As(err, &ve):
		pp.Problems, _ = fieldErrors(c.cfg.Lang, err, []formField{{Name: "verdict", Label: c.t("console.field.proposal_verdict")},
			{Name: "initiative", Label: c.t("console.field.initiative")}, {Name: "reason", Label: c.t("console.field.reason")}})
		pp.Error = true
		c.render(w, http.StatusUnprocessableEntity, "proposal", pp)
	default:
		c.unavailable(w, r, p, err)
	}
}
