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
	{"triage", "cli.cmd.triage", contract.MsgTriageOwner, domain.RoleOffice, func(f *flags) func() (any, error) {
		owner := f.String("owner", "", "cli.flag.owner")
		route := f.String("route", string(domain.RouteOwn), "cli.flag.route")
		assisting := f.String("assisting", "", "cli.flag.assisting")
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
	{"relevance", "cli.cmd.relevance", contract.MsgAssessRelevance, domain.RoleOffice, func(f *flags) func() (any, error) {
		group := f.String("group", "", "cli.flag.group")
		municipal := f.String("municipal", "", "cli.flag.municipal")
		return func() (any, error) {
			return domain.AssessRelevance{Meta: f.meta(), Group: domain.Relevance(*group), Municipal: domain.Relevance(*municipal)}, nil
		}
	}},
	{"score", "cli.cmd.score", contract.MsgScoreCriteria, domain.RoleOffice, func(f *flags) func() (any, error) {
		criterion := f.String("criterion", "", "cli.flag.criterion")
		score := f.Int("score", 0, "cli.flag.score.messages")
		motivation := f.String("motivation", "", "cli.flag.motivation")
		return func() (any, error) {
			c, err := domain.ParseCriterion(*criterion)
			if err != nil {
				return nil, err
			}
			return domain.ScoreCriteria{Meta: f.meta(), Scores: []domain.CriterionScore{{Criterion: c, Score: *score, Motivation: *motivation}}}, nil
		}
	}},
	{"requirement", "cli.cmd.requirement", contract.MsgRecordRequirement, domain.RoleOffice, func(f *flags) func() (any, error) {
		req := f.String("requirement", "", "cli.flag.requirement")
		met := f.Bool("met", true, "cli.flag.met")
		evidence := f.String("evidence", "", "cli.flag.evidence")
		return func() (any, error) {
			return domain.RecordRequirement{Meta: f.meta(), Requirement: domain.Requirement(*req), Met: *met, Evidence: *evidence}, nil
		}
	}},
	{"decide", "cli.cmd.decide", contract.MsgDecide, domain.RoleLeadership, func(f *flags) func() (any, error) {
		gate := f.String("gate", "", "cli.flag.gate")
		verdict := f.String("verdict", "", "cli.flag.verdict")
		ref := f.String("reference", "", "cli.flag.reference")
		return func() (any, error) {
			return domain.Decide{Meta: f.meta(), Gate: domain.Gate(*gate), Verdict: domain.Verdict(*verdict), Reference: *ref}, nil
		}
	}},
	{"quick-analysis", "cli.cmd.quick-analysis", contract.MsgRecordQuickAnalysis, domain.RoleOffice, func(f *flags) func() (any, error) {
		meaning := f.String("offer-meaning", "", "cli.flag.offer-meaning")
		needs := f.String("qualification-needs", "", "cli.flag.qualification-needs")
		return func() (any, error) {
			return domain.RecordQuickAnalysis{Meta: f.meta(), OfferMeaning: *meaning, QualificationNeeds: *needs}, nil
		}
	}},
	{"valuation", "cli.cmd.valuation", contract.MsgRecordValuation, domain.RoleOffice, func(f *flags) func() (any, error) {
		group := f.Int("group-score", 0, "cli.flag.group-score")
		municipal := f.Int("municipal-score", 0, "cli.flag.municipal-score")
		comment := f.String("comment", "", "cli.flag.comment")
		return func() (any, error) {
			return domain.RecordValuation{Meta: f.meta(), GroupScore: *group, MunicipalScore: *municipal, Comment: *comment}, nil
		}
	}},
	{"qualification", "cli.cmd.qualification", contract.MsgRecordQualification, domain.RoleOffice, func(f *flags) func() (any, error) {
		what := f.String("what", "", "cli.flag.what")
		who := f.String("who-does-what", "", "cli.flag.who-does-what")
		goal := f.String("effect-goal", "", "cli.flag.effect-goal")
		cost := f.String("cost", "", "cli.flag.cost")
		financing := f.String("financing", "", "cli.flag.financing")
		period := f.String("period", "", "cli.flag.period.messages")
		return func() (any, error) {
			return domain.RecordQualification{Meta: f.meta(), What: *what, WhoDoesWhat: *who, EffectGoal: *goal,
				Cost: *cost, Financing: *financing, ImplementationPeriod: *period}, nil
		}
	}},
	{"withdraw", "cli.cmd.withdraw", contract.MsgWithdraw, domain.RoleOffice, func(f *flags) func() (any, error) {
		return func() (any, error) { return domain.Withdraw{Meta: f.meta()}, nil }
	}},
	{"forget-contact", "cli.cmd.forget-contact", contract.MsgForgetContact, domain.RoleOffice, func(f *flags) func() (any, error) {
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
