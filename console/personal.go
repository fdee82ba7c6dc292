package console

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/mail"
	"slices"
	"strings"
	"time"

	"github.com/skr/handslag/admin"
	"github.com/skr/handslag/contract"
	"github.com/skr/handslag/domain"
	"github.com/skr/handslag/signin"
	"github.com/skr/handslag/store"
	"go.uber.org/zap"
)

// PersonalData is what Handslag's database holds about people, for requests of access and
// erasure; *store.DB is it.
type PersonalData interface {
	FindPerson(ctx context.Context, email string) (store.Person, error)
	ErasePerson(ctx context.Context, email string) (store.Erased, error)
}

var _ PersonalData = (*store.DB)(nil)

// foundInitiative is an initiative whose proposer's contact is the address asked about.
type foundInitiative struct {
	ID     string       `json:"id"`
	Title  string       `json:"title"`
	Stage  domain.Stage `json:"stage"`
	Closed bool         `json:"closed"`
	Need   domain.Need  `json:"need"`
}

// foundProposal is a proposal waiting for the office whose contact is the address.
type foundProposal struct {
	ID    string      `json:"id"`
	Title string      `json:"title"`
	Need  domain.Need `json:"need"`
}

// foundAnswers are the answers a person gave for a municipality in an offer round, found by
// their name.
type foundAnswers struct {
	Initiative   string                 `json:"initiative"`
	Title        string                 `json:"title"`
	Municipality string                 `json:"municipality"`
	Versions     []int                  `json:"-"`
	Answers      []domain.AnswerVersion `json:"answers"`
}

// findings is everything stored about one person (an address, a name or both): in the
// workflows and in the database. It is also the access export's file.
type findings struct {
	Email       string            `json:"email,omitempty"`
	Name        string            `json:"name,omitempty"`
	MadeAt      time.Time         `json:"made_at"`
	MadeBy      string            `json:"made_by"`
	Initiatives []foundInitiative `json:"initiatives"`
	Proposals   []foundProposal   `json:"proposals"`
	Answers     []foundAnswers    `json:"answers"`
	Database    store.Person      `json:"database"`
}

func (f findings) open() (n int) {
	for _, in := range f.Initiatives {
		if !in.Closed {
			n++
		}
	}
	return n
}

// Who names the person as searched: the address, the name, or both.
func (f findings) Who() string {
	switch {
	case f.Email != "" && f.Name != "":
		return f.Name + ", " + f.Email
	case f.Email != "":
		return f.Email
	}
	return f.Name
}

func (f findings) Empty() bool {
	d := f.Database
	return len(f.Initiatives)+len(f.Proposals)+len(f.Answers)+len(d.Addresses)+len(d.Changes)+len(d.Mail) == 0
}

type personalPage struct {
	page
	Email, Name, Reason string
	Submission          string
	Problems            []problem
	Searched            bool
	Found               findings
	Open                int
	Erased              *erasure
	HistoryDays         int
}

// erasure is what an erasure request removed.
type erasure struct {
	Initiatives, Answers int
	Database             store.Erased
}

func (c *Console) mayHandlePersonalData(w http.ResponseWriter, r *http.Request, p signin.Person) bool {
	if c.cfg.People == nil {
		c.notFound(w, r, p)
		return false
	}
	if !p.May(domain.ActPersonalData) {
		c.forbidden(w, r, p)
		return false
	}
	return true
}

func (c *Console) personalBase(p signin.Person) personalPage {
	return personalPage{page: c.base(&p, c.t("console.personal.title"), "personal"), Submission: submissionID(), HistoryDays: c.cfg.HistoryDays}
}

// personal is the page where the office answers a person's request for access or erasure.
func (c *Console) personal(w http.ResponseWriter, r *http.Request, p signin.Person) {
	if !c.mayHandlePersonalData(w, r, p) {
		return
	}
	c.render(w, http.StatusOK, "personal", c.personalBase(p))
}

// personalPost searches (do=sok), exports what was found as a file (do=export) or erases it
// (do=radera). The address travels in the form's body, never in a URL, and each request is
// logged with what it found or removed, never the address.
func (c *Console) personalPost(w http.ResponseWriter, r *http.Request, p signin.Person) {
	if !c.mayHandlePersonalData(w, r, p) {
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxForm)
	if err := r.ParseForm(); err != nil {
		c.message(w, r, &p, http.StatusBadRequest, "console.bad_form")
		return
	}
	f := form{r.PostForm}
	pp := c.personalBase(p)
	pp.Email, pp.Name, pp.Reason = strings.TrimSpace(f.get("email")), strings.Join(strings.Fields(f.get("name")), " "), strings.TrimSpace(f.get("reason"))
	email, ok := canonicalEmail(pp.Email)
	switch {
	case pp.Email == "" && pp.Name == "":
		pp.Problems = []problem{{Anchor: "f-email", Text: c.t("console.personal.nothing_to_search")}}
	case pp.Email != "" && !ok:
		pp.Problems = []problem{{Anchor: "f-email", Text: c.t("console.personal.bad_email")}}
	}
	if len(pp.Problems) > 0 {
		pp.Error = true
		c.render(w, http.StatusUnprocessableEntity, "personal", pp)
		return
	}
	found, err := c.find(r.Context(), email, pp.Name, p)
	if err != nil {
		c.unavailable(w, r, p, err)
		return
	}
	log := c.cfg.Logger.With(zap.String("by", p.ID), zap.Int("initiatives", len(found.Initiatives)), zap.Int("proposals", len(found.Proposals)),
		zap.Int("answers", len(found.Answers)),
		zap.Int("addresses", len(found.Database.Addresses)), zap.Int("address_changes", len(found.Database.Changes)), zap.Int("mail", len(found.Database.Mail)))
	switch f.get("do") {
	case "export":
		log.Info("personal data request: access export")
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		w.Header().Set("Content-Disposition", `attachment; filename="personuppgifter-`+found.MadeAt.In(domain.Stockholm()).Format("2006-01-02")+`.json"`)
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		_ = enc.Encode(found)
	case "radera":
		if pp.Reason == "" {
			pp.Problems = []problem{{Anchor: "f-reason", Text: c.t("console.personal.no_reason")}}
			pp.Error, pp.Searched, pp.Found, pp.Open = true, true, found, found.open()
			c.render(w, http.StatusUnprocessableEntity, "personal", pp)
			return
		}
		er, err := c.erase(r.Context(), p, found, pp.Reason, f.get("submission"))
		log.Info("personal data request: erasure", zap.Int("erased_initiatives", er.Initiatives), zap.Int("erased_answers", er.Answers),
			zap.Int("erased_addresses", er.Database.Addresses),
			zap.Int("erased_changes", er.Database.Changes), zap.Int("erased_mail", er.Database.Mail), zap.Error(err))
		if err != nil {
			c.unavailable(w, r, p, err)
			return
		}
		pp.Erased, pp.Searched, pp.Found, pp.Email, pp.Name = &er, true, found, "", ""
		c.render(w, http.StatusOK, "personal", pp)
	default:
		log.Info("personal data request: search")
		pp.Searched, pp.Found, pp.Open = true, found, found.open()
		c.render(w, http.StatusOK, "personal", pp)
	}
}

// canonicalEmail parses an address as people type it ("Anna@Kommun.se ") into the form the
// stores compare (lower case), refusing anything that is not one bare address.
func canonicalEmail(s string) (string, bool) {
	a, err := mail.ParseAddress(s)
	if err != nil || a.Name != "" || a.Address != s || !strings.Contains(s, "@") {
		return "", false
	}
	return strings.ToLower(a.Address), true
}

// find looks for the address in every initiative (closed ones too, within the namespace's
// retention), in the proposals that wait, and in the database; and for the name among the
// answers of every offer round. An empty address or name is not looked for.
func (c *Console) find(ctx context.Context, email, name string, p signin.Person) (findings, error) {
	f := findings{Email: email, Name: name, MadeAt: c.cfg.Now(), MadeBy: p.ID}
	list, err := c.cfg.Backend.List(ctx, admin.Filter{IncludeClosed: true})
	if err != nil {
		return f, err
	}
	for _, s := range list {
		st, err := c.cfg.Backend.Status(ctx, s.ID)
		if err != nil {
			return f, err
		}
		in := st.Initiative
		if name != "" && in.Offer != nil {
			round, err := c.cfg.Backend.OfferRound(ctx, in.ID)
			if err != nil {
				return f, err
			}
			for _, a := range round.AnswersBy(name) {
				fa := foundAnswers{Initiative: in.ID, Title: in.Need.Title, Municipality: a.Municipality, Versions: a.Versions}
				for _, v := range round.Answers {
					if v.Municipality == a.Municipality && slices.Contains(a.Versions, v.Version) {
						fa.Answers = append(fa.Answers, v)
					}
				}
				f.Answers = append(f.Answers, fa)
			}
		}
		if email != "" && strings.EqualFold(in.Need.ContactEmail, email) {
			f.Initiatives = append(f.Initiatives, foundInitiative{ID: in.ID, Title: in.Need.Title, Stage: in.Stage, Closed: in.Stage.Closed(), Need: in.Need})
		}
	}
	if email == "" {
		return f, nil
	}
	props, err := c.cfg.Backend.Proposals(ctx)
	if err != nil {
		return f, err
	}
	for _, s := range props {
		st, err := c.cfg.Backend.Proposal(ctx, s.ID)
		if err != nil {
			return f, err
		}
		if strings.EqualFold(st.Proposal.Need.ContactEmail, email) {
			f.Proposals = append(f.Proposals, foundProposal{ID: s.ID, Title: st.Proposal.Need.Title, Need: st.Proposal.Need})
		}
	}
	f.Database, err = c.cfg.People.FindPerson(ctx, email)
	return f, err
}

// erase removes the address from every open initiative (a forget_contact message each, as the
// signed-in person) and from the database. Closed initiatives cannot change: their runs go
// with the namespace's retention. A proposal that waits keeps its contact until the office
// has answered it (the answer goes to that address).
func (c *Console) erase(ctx context.Context, p signin.Person, found findings, reason, sub string) (erasure, error) {
	var er erasure
	if !validSubmission(sub) {
		sub = submissionID()
	}
	actor, _ := p.ActorFor(domain.ActForgetContact)
	for _, in := range found.Initiatives {
		if in.Closed {
			continue
		}
		_, err := c.cfg.Backend.SendOnce(ctx, in.ID, contract.MsgForgetContact, domain.ForgetContact{Meta: domain.Meta{By: actor, Reason: reason}},
			"konsol/"+sub+"/"+in.ID)
		var ve *domain.ValidationError
		switch {
		case errors.As(err, &ve) && (ve.Code == domain.CodeClosed || ve.Hint == "nothing_to_forget"):
			continue // closed or erased since the search: nothing left to do there
		case err != nil:
			return er, err
		}
		er.Initiatives++
	}
	for _, a := range found.Answers {
		err := c.cfg.Backend.ForgetAnswerer(ctx, a.Initiative, domain.ForgetAnswerer{Meta: domain.Meta{By: actor, Reason: reason},
			Municipality: a.Municipality, Versions: a.Versions}, "konsol/"+sub+"/"+a.Initiative+"/"+a.Municipality)
		var ve *domain.ValidationError
		var ae *admin.Error
		switch {
		case errors.As(err, &ve) && ve.Hint == "answer_already_forgotten":
			continue
		case errors.As(err, &ae) && ae.Key == "error.no_offer_round":
			continue // the round has ended: its history goes with the namespace's retention
		case err != nil:
			return er, err
		}
		er.Answers++
	}
	if found.Email == "" {
		return er, nil
	}
	var err error
	er.Database, err = c.cfg.People.ErasePerson(ctx, found.Email)
	return er, err
}
