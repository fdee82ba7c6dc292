package console

import (
	"context"
	"net/http"

	"github.com/skr/handslag/admin"
	"github.com/skr/handslag/consolepath"
	"github.com/skr/handslag/domain"
	"github.com/skr/handslag/signin"
)

// todo is one thing that waits for the person.
type todo struct {
	ID        string
	Title     string
	Stage     domain.Stage
	What      string // what is to be done, in words
	Link      string
	Escalated bool
}

type homePage struct {
	page
	Proposals []admin.ProposalSummary
	Escalated []todo
	Sections  []todoSection
	Cycles    []cycleTodo
	Roles     []string
}

type todoSection struct {
	Heading string
	Items   []todo
}

type cycleTodo struct {
	Year      int
	Phase     domain.CyclePhase
	What      string
	Link      string
	Escalated bool
}

// waits says, per role, which stages wait for that role and what is to be done there.
var waits = map[domain.Role][]domain.Stage{
	domain.RoleOffice: {domain.StageBacklog, domain.StageTriaged, domain.StageQuickAnalysis, domain.StageValuation,
		domain.StageQualification, domain.StageImplementation},
	domain.RoleLeadership: {domain.StageFebruaryReview, domain.StageFinalPrioritisation, domain.StageOfferDecision},
}

// home is the start page: what waits for the signed-in person now, escalations first.
func (c *Console) home(w http.ResponseWriter, r *http.Request, p signin.Person) {
	ctx := r.Context()
	hp := homePage{page: c.base(&p, c.t("console.home.title"), "home")}
	for _, g := range p.Grants {
		hp.Roles = append(hp.Roles, c.grantText(g))
	}
	if p.Has(domain.RoleOffice) || p.Has(domain.RoleLeadership) {
		esc, err := c.cfg.Backend.List(ctx, admin.Filter{Escalated: true})
		if err != nil {
			c.unavailable(w, r, p, err)
			return
		}
		for _, s := range esc {
			hp.Escalated = append(hp.Escalated, c.todoOf(s))
		}
	}
	if p.Has(domain.RoleOffice) {
		props, err := c.cfg.Backend.Proposals(ctx)
		if err != nil {
			c.unavailable(w, r, p, err)
			return
		}
		hp.Proposals = props
	}
	for _, role := range p.Roles() {
		for _, stage := range waits[role] {
			items, err := c.cfg.Backend.List(ctx, admin.Filter{Stage: stage})
			if err != nil {
				c.unavailable(w, r, p, err)
				return
			}
			if len(items) == 0 {
				continue
			}
			sec := todoSection{Heading: c.t("console.todo." + string(stage))}
			for _, s := range items {
				sec.Items = append(sec.Items, c.todoOf(s))
			}
			hp.Sections = append(hp.Sections, sec)
		}
	}
	for _, o := range p.Owners() {
		items, err := c.cfg.Backend.List(ctx, admin.Filter{Stage: domain.StageImplementation, Owner: o})
		if err != nil {
			c.unavailable(w, r, p, err)
			return
		}
		if len(items) == 0 {
			continue
		}
		sec := todoSection{Heading: c.t("console.todo.owner", "owner", string(o))}
		for _, s := range items {
			sec.Items = append(sec.Items, c.todoOf(s))
		}
		hp.Sections = append(hp.Sections, sec)
	}
	cycles, err := c.cycleTodos(ctx, p)
	if err != nil {
		c.unavailable(w, r, p, err)
		return
	}
	hp.Cycles = cycles
	c.render(w, http.StatusOK, "home", hp)
}

func (c *Console) todoOf(s admin.Summary) todo {
	return todo{ID: s.ID, Title: s.Title, Stage: s.Stage, What: c.t("console.todo." + string(s.Stage)),
		Link: consolepath.Initiative(s.ID), Escalated: s.Escalated}
}

// cycleTodos are the running cycles, with what each waits for from this person.
func (c *Console) cycleTodos(ctx context.Context, p signin.Person) ([]cycleTodo, error) {
	cycles, err := c.cfg.Backend.Cycles(ctx)
	if err != nil {
		return nil, err
	}
	var out []cycleTodo
	for _, cy := range cycles {
		if !cy.Running {
			continue
		}
		t := cycleTodo{Year: cy.Year, Phase: cy.Phase, Link: consolepath.Cycle(cy.Year), Escalated: cy.Escalated}
		member := len(p.Members()) > 0
		council := p.Has(domain.RoleCouncil)
		if g, ok := consolepath.GateOfPhase(cy.Phase); ok && p.May(domain.ActDecideCycle) {
			t.What, t.Link = c.t("console.cycle.decide_now", "gate", c.t("console.gate."+string(g))), consolepath.Gate(cy.Year, g)
		} else if cy.Phase == domain.PhasePriorities && member {
			t.What, t.Link = c.t("console.home.give_list"), consolepath.Cycle(cy.Year)+"/lista"
		} else if cy.Phase == domain.PhaseValuation && council {
			t.What, t.Link = c.t("console.home.give_valuation"), consolepath.Cycle(cy.Year)+"/vardering"
		} else {
			t.What = c.t("phase." + string(cy.Phase))
		}
		out = append(out, t)
	}
	return out, nil
}

// grantText says a role in words ("Programkontoret", "Programrådet, län 01").
func (c *Console) grantText(g signin.Grant) string {
	if g.Member != "" {
		return c.t("console.role."+string(g.Role), "member", g.Member)
	}
	if g.Owner != "" {
		return c.t("console.role.owner", "owner", string(g.Owner))
	}
	return c.t("console.role." + string(g.Role))
}
