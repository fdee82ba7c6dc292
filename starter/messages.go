package starter

import (
	"context"
	"fmt"

	"github.com/skr/handslag/admin"
	"github.com/skr/handslag/contract"
	"github.com/skr/handslag/domain"
	"github.com/skr/handslag/i18n"
)

// A message command builds one payload from its flags and sends it.
type messageCommand struct {
	name, summary string
	message       string
	role          domain.Role
	// build defines the command's own flags and returns a function that makes the payload
	// once the flags are parsed.
	build func(f *flags) func() (any, error)
}

var messageCommands = []messageCommand{
	{"triage", "bedöm ägare: SKR, Adda eller Inera", contract.MsgTriageOwner, domain.RoleOffice, func(f *flags) func() (any, error) {
		owner := f.String("owner", "", "huvudägare: SKR, Adda eller Inera")
		route := f.String("route", string(domain.RouteOwn), "own (äger), assist (bistår) eller procurement (upphandling via Adda)")
		assisting := f.String("assisting", "", "organisationer som bistår, kommaseparerade")
		return func() (any, error) {
			cmd := domain.TriageOwner{Meta: f.meta(), Route: domain.TriageRoute(*route)}
			if *owner != "" {
				o, err := domain.ParseOwner(*owner)
				if err != nil {
					return nil, err
				}
				cmd.Owner = o
			}
			for _, a := range splitList(*assisting) {
				o, err := domain.ParseOwner(a)
				if err != nil {
					return nil, err
				}
				cmd.Assisting = append(cmd.Assisting, o)
			}
			return cmd, nil
		}
	}},
	{"relevance", "registrera relevansbedömningen (SKR-koncernen och kommunerna)", contract.MsgAssessRelevance, domain.RoleOffice, func(f *flags) func() (any, error) {
		group := f.String("group", "", "SKR-koncernens bedömning: high, medium eller low (hög, medel, låg)")
		municipal := f.String("municipal", "", "kommunernas bedömning: high, medium eller low (hög, medel, låg)")
		return func() (any, error) {
			return domain.AssessRelevance{Meta: f.meta(), Group: domain.Relevance(*group), Municipal: domain.Relevance(*municipal)}, nil
		}
	}},
	{"score", "poängsätt ett kriterium (angelägenhet, genomförbarhet, nytta, kostnad)", contract.MsgScoreCriteria, domain.RoleOffice, func(f *flags) func() (any, error) {
		criterion := f.String("criterion", "", "urgency, feasibility, benefit eller cost (eller på svenska)")
		score := f.Int("score", 0, "poäng 1-5")
		motivation := f.String("motivation", "", "kort motivering")
		return func() (any, error) {
			c, err := domain.ParseCriterion(*criterion)
			if err != nil {
				return nil, err
			}
			return domain.ScoreCriteria{Meta: f.meta(), Scores: []domain.CriterionScore{{Criterion: c, Score: *score, Motivation: *motivation}}}, nil
		}
	}},
	{"requirement", "markera ett ska-krav som uppfyllt (eller --met=false)", contract.MsgRecordRequirement, domain.RoleOffice, func(f *flags) func() (any, error) {
		req := f.String("requirement", "", "verified_need, group_should_drive, competence_staffed, named_main_owner, long_term_financing, long_term_ownership eller link_to_missions_goals")
		met := f.Bool("met", true, "uppfyllt")
		evidence := f.String("evidence", "", "underlag (krävs när kravet är uppfyllt)")
		return func() (any, error) {
			return domain.RecordRequirement{Meta: f.meta(), Requirement: domain.Requirement(*req), Met: *met, Evidence: *evidence}, nil
		}
	}},
	{"decide", "digitaliseringsledningens beslut: --gate quick_analysis|qualification|offer --verdict approve|defer|decline", contract.MsgDecide, domain.RoleLeadership, func(f *flags) func() (any, error) {
		gate := f.String("gate", "", "quick_analysis (februari), qualification (juni) eller offer (början av nästa år)")
		verdict := f.String("verdict", "", "approve (gå vidare), defer (tillbaka till backlog) eller decline (avslå)")
		ref := f.String("reference", "", "protokoll- eller ärendereferens")
		return func() (any, error) {
			return domain.Decide{Meta: f.meta(), Gate: domain.Gate(*gate), Verdict: domain.Verdict(*verdict), Reference: *ref}, nil
		}
	}},
	{"quick-analysis", "registrera snabbanalysen (april)", contract.MsgRecordQuickAnalysis, domain.RoleOffice, func(f *flags) func() (any, error) {
		meaning := f.String("offer-meaning", "", "vad ett erbjudande kan innebära för kommunerna")
		needs := f.String("qualification-needs", "", "vad en kvalificering kräver")
		return func() (any, error) {
			return domain.RecordQuickAnalysis{Meta: f.meta(), OfferMeaning: *meaning, QualificationNeeds: *needs}, nil
		}
	}},
	{"valuation", "registrera värderingen (maj)", contract.MsgRecordValuation, domain.RoleOffice, func(f *flags) func() (any, error) {
		group := f.Int("group-score", 0, "SKR-koncernens värdering 1-5")
		municipal := f.Int("municipal-score", 0, "kommunernas värdering via programrådet 1-5")
		comment := f.String("comment", "", "kommentar")
		return func() (any, error) {
			return domain.RecordValuation{Meta: f.meta(), GroupScore: *group, MunicipalScore: *municipal, Comment: *comment}, nil
		}
	}},
	{"qualification", "registrera kvalificeringen (september-januari)", contract.MsgRecordQualification, domain.RoleOffice, func(f *flags) func() (any, error) {
		what := f.String("what", "", "vad som ska göras")
		who := f.String("who-does-what", "", "vilken part som gör vad")
		goal := f.String("effect-goal", "", "effektmål")
		cost := f.String("cost", "", "kostnad")
		financing := f.String("financing", "", "finansiering")
		period := f.String("period", "", "genomförandeperiod")
		return func() (any, error) {
			return domain.RecordQualification{Meta: f.meta(), What: *what, WhoDoesWhat: *who, EffectGoal: *goal,
				Cost: *cost, Financing: *financing, ImplementationPeriod: *period}, nil
		}
	}},
	{"withdraw", "återkalla initiativet", contract.MsgWithdraw, domain.RoleOffice, func(f *flags) func() (any, error) {
		return func() (any, error) { return domain.Withdraw{Meta: f.meta()}, nil }
	}},
	{"forget-contact", "radera förslagsställarens e-postadress (begäran om radering)", contract.MsgForgetContact, domain.RoleOffice, func(f *flags) func() (any, error) {
		return func() (any, error) { return domain.ForgetContact{Meta: f.meta()}, nil }
	}},
}

func init() {
	for _, mc := range messageCommands {
		mc := mc
		register(mc.name, mc.summary, func(c *CLI, ctx context.Context, args []string) error { return c.send(ctx, mc, args) })
	}
}

// prepareMessage parses a message command's flags, builds its payload and dials the server:
// everything a command that sends one message does before sending it. The caller closes a.
func (c *CLI) prepareMessage(ctx context.Context, name string, role domain.Role, build func(f *flags) func() (any, error),
	args []string) (f *flags, id string, payload any, a *admin.Client, err error) {
	f = c.newFlags(name, role, true)
	makePayload := build(f)
	if id, err = f.parse(args, true); err != nil {
		return nil, "", nil, nil, err
	}
	if payload, err = makePayload(); err != nil {
		return nil, "", nil, nil, err
	}
	if a, err = c.dial(ctx, f); err != nil {
		return nil, "", nil, nil, err
	}
	return f, id, payload, a, nil
}

func (c *CLI) send(ctx context.Context, mc messageCommand, args []string) error {
	f, id, payload, a, err := c.prepareMessage(ctx, mc.name, mc.role, mc.build, args)
	if err != nil {
		return err
	}
	defer a.Close()
	receipt, err := a.Send(ctx, id, mc.message, payload, f.signal)
	if err != nil {
		return err
	}
	switch {
	case f.json:
		return writeJSON(c.Out, receipt)
	case f.signal:
		fmt.Fprintln(c.Out, i18n.T(c.Lang, "cli.signalled", "id", id))
	default:
		fmt.Fprintln(c.Out, i18n.T(c.Lang, "cli.accepted", "id", id, "stage", i18n.T(c.Lang, "stage."+string(receipt.Stage))))
	}
	return nil
}
