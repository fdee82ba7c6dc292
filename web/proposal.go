package web

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/skr/handslag/domain"
	"github.com/skr/handslag/i18n"
	"github.com/skr/handslag/legal"
	"github.com/skr/handslag/present"
	"go.uber.org/zap"
)

// The public need form (/forslag): anyone may propose a need, without signing in. It is
// protected against abuse without a CAPTCHA (which would shut screen-reader users out): a size
// limit, a field people never see nor fill in (a bot that fills it is thanked and nothing is
// kept), a signed form that must be at least a few seconds old and at most FormMaxAge (no
// replays, no instant bot posts), and a limit per client address. A refused form keeps
// nothing; an accepted one starts the proposal's workflow, which e-mails the receipt.

// ProposalBackend starts a proposal; *admin.Client is one.
type ProposalBackend interface {
	Propose(ctx context.Context, p domain.Proposal) error
}

// ProposalConfig is the need form's configuration. Proposals is required.
type ProposalConfig struct {
	Proposals  ProposalBackend
	FormSecret []byte
	// FormMaxAge is how long a shown form may be sent (6 h by default); MinFillTime how long a
	// person needs at least (3 s by default).
	FormMaxAge, MinFillTime time.Duration
	// PerHour is how many proposals one client address may send in an hour (5 by default).
	PerHour int
	Lang    i18n.Lang
	Logger  *zap.Logger
	Now     func() time.Time
}

type proposalForm struct {
	cfg   ProposalConfig
	keys  formKeys
	limit *limiter
	// addresses tells client addresses apart (set by NewSite: trusted proxies).
	addresses clientAddresses
	pages     *pages
}

// maxProposal is the largest form the need form takes.
const maxProposal = 32 << 10

// proposalToken is what the need form's keys are bound to (there is no personal link).
const proposalToken = "forslag"

// honeypot is the field people never see; a bot that fills every field fills it.
const honeypot = "webbplats"

func newProposalForm(cfg ProposalConfig, facts legal.Facts) *proposalForm {
	if cfg.Proposals == nil {
		panic("web: ProposalConfig.Proposals is required")
	}
	if cfg.Lang == "" {
		cfg.Lang = i18n.Swedish
	}
	if cfg.Logger == nil {
		cfg.Logger = zap.NewNop()
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.FormMaxAge == 0 {
		cfg.FormMaxAge = 6 * time.Hour
	}
	if cfg.MinFillTime == 0 {
		cfg.MinFillTime = 3 * time.Second
	}
	if cfg.PerHour == 0 {
		cfg.PerHour = 5
	}
	return &proposalForm{cfg: cfg, keys: formKeys{secret: formSecret(cfg.FormSecret, "web.ProposalConfig"), maxAge: cfg.FormMaxAge, now: cfg.Now},
		limit: newLimiter(Limit{Every: time.Hour / time.Duration(cfg.PerHour), Burst: cfg.PerHour}, cfg.Now),
		pages: parsePages(cfg.Lang, domain.Stockholm(), facts, "proposal", "proposal_done", "message")}
}

// needFields are the need template's fields, in its order.
var needFields = []string{"title", "problem", "who_has_the_need", "expected_benefit", "affected_activities",
	"proposer_organisation", "contact_email", "action_plan_goals"}

type proposalPage struct {
	base
	Fields       []proposalField
	SubmissionID string
	FormKey      string
	Errors       []summaryItem
	Email        string
}

type proposalField struct {
	Name, Label, Hint, Value, Error string
	Long, Optional                  bool
}

func (f *proposalForm) t(key string, args ...any) string { return i18n.T(f.cfg.Lang, key, args...) }

func (f *proposalForm) page(values map[string]string, errs map[string]string) proposalPage {
	p := proposalPage{base: base{Lang: string(f.cfg.Lang), Title: f.t("proposal.title"), Site: f.t("cases.site"), Public: true}}
	p.SubmissionID, p.FormKey = f.keys.issue(proposalToken)
	for _, name := range needFields {
		pf := proposalField{Name: name, Label: f.t("console.field." + name), Value: values[name], Error: errs[name],
			Long: name == "problem" || name == "who_has_the_need" || name == "expected_benefit", Optional: name == "action_plan_goals"}
		if i18n.Has(f.cfg.Lang, "console.field."+name+".hint") || i18n.Has(i18n.Swedish, "console.field."+name+".hint") {
			pf.Hint = f.t("console.field." + name + ".hint")
		}
		p.Fields = append(p.Fields, pf)
		if pf.Error != "" {
			p.Errors = append(p.Errors, summaryItem{Anchor: "f-" + name, Text: pf.Error})
		}
	}
	p.Error = len(p.Errors) > 0
	return p
}

func (f *proposalForm) show(w http.ResponseWriter, r *http.Request) {
	f.pages.render(w, http.StatusOK, "proposal", f.page(nil, nil))
}

// post takes a proposal. Nothing is kept unless every check passes.
func (f *proposalForm) post(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, maxProposal)
	if err := r.ParseForm(); err != nil {
		f.refuse(w, http.StatusRequestEntityTooLarge, nil, "proposal.error.too_large")
		return
	}
	values := map[string]string{}
	for _, name := range needFields {
		values[name] = strings.TrimSpace(r.PostForm.Get(name))
	}
	if r.PostForm.Get(honeypot) != "" {
		// A bot: it is thanked as a person would be, and nothing is kept.
		f.cfg.Logger.Info("need form: the hidden field was filled; nothing kept")
		f.pages.render(w, http.StatusOK, "proposal_done", proposalPage{base: base{Lang: string(f.cfg.Lang), Title: f.t("proposal.done.title"),
			Site: f.t("cases.site"), Public: true}})
		return
	}
	id, key := r.PostForm.Get("submission_id"), r.PostForm.Get("form_key")
	if !f.keys.valid(proposalToken, id, key) {
		f.refuse(w, http.StatusBadRequest, values, "proposal.error.expired")
		return
	}
	if f.cfg.Now().Sub(issuedAt(key)) < f.cfg.MinFillTime {
		f.refuse(w, http.StatusBadRequest, values, "proposal.error.too_fast")
		return
	}
	n := domain.Need{Title: values["title"], Problem: values["problem"], WhoHasTheNeed: values["who_has_the_need"],
		ExpectedBenefit: values["expected_benefit"], AffectedActivities: domain.SplitList(values["affected_activities"]),
		ProposerOrganisation: values["proposer_organisation"], ContactEmail: values["contact_email"],
		ActionPlanGoals: domain.SplitList(values["action_plan_goals"])}.Normalize()
	if err := n.Validate(); err != nil {
		f.pages.render(w, http.StatusUnprocessableEntity, "proposal", f.page(values, f.fieldErrors(err)))
		return
	}
	if ok, _ := f.limit.allow(f.addresses.of(r)); !ok {
		f.refuse(w, http.StatusTooManyRequests, values, "proposal.error.too_many")
		return
	}
	p := domain.Proposal{ID: proposalID(id), Need: n, Received: f.cfg.Now()}
	if err := f.cfg.Proposals.Propose(r.Context(), p); err != nil {
		f.cfg.Logger.Error("need form: the proposal could not be started", zap.Error(err))
		f.refuse(w, http.StatusServiceUnavailable, values, "proposal.error.unavailable")
		return
	}
	f.pages.render(w, http.StatusOK, "proposal_done", proposalPage{base: base{Lang: string(f.cfg.Lang), Title: f.t("proposal.done.title"),
		Site: f.t("cases.site"), Public: true}, Email: n.ContactEmail})
}

// refuse shows the form again (as typed, with a fresh key) saying why it was not taken.
func (f *proposalForm) refuse(w http.ResponseWriter, status int, values map[string]string, key string) {
	p := f.page(values, nil)
	p.Errors, p.Error = []summaryItem{{Text: f.t(key)}}, true
	f.pages.render(w, status, "proposal", p)
}

// fieldErrors says each problem of the need by its field, in the template's words.
func (f *proposalForm) fieldErrors(err error) map[string]string {
	out := map[string]string{}
	var ve *domain.ValidationError
	if !errors.As(err, &ve) {
		return out
	}
	for _, e := range ve.All() {
		field := e.Field
		if _, dup := out[field]; dup {
			continue
		}
		out[field] = present.Problem(f.cfg.Lang, e, func(field string) string { return f.t("console.field." + field) })
	}
	return out
}

// issuedAt is when a form key was issued (zero when it cannot be read; such a key is not
// valid anyway).
func issuedAt(key string) time.Time {
	issued, _, _ := strings.Cut(key, ".")
	at, err := strconv.ParseInt(issued, 10, 64)
	if err != nil {
		return time.Time{}
	}
	return time.Unix(at, 0)
}

// proposalID is the proposal's ID, from the form's submission ID: the same form sent twice is
// one proposal.
func proposalID(submission string) string {
	sum := sha256.Sum256([]byte(submission))
	return "forslag-" + hex.EncodeToString(sum[:8])
}
