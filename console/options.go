package console

import (
	"fmt"
	"strconv"

	"github.com/skr/handslag/domain"
	"github.com/skr/handslag/present"
)

// The choices of the forms' radio buttons and lists, with their words from the catalogue.

func ownerOptions(c *Console, _ view) []option {
	var out []option
	for _, o := range domain.Owners {
		out = append(out, option{Value: string(o), Label: string(o)})
	}
	return out
}

func routeOptions(c *Console, _ view) []option {
	var out []option
	for _, r := range []domain.TriageRoute{domain.RouteOwn, domain.RouteAssist, domain.RouteProcurement} {
		out = append(out, option{Value: string(r), Label: present.Word(c.cfg.Lang, "route", string(r))})
	}
	return out
}

func relevanceOptions(c *Console, _ view) []option {
	var out []option
	for _, r := range []domain.Relevance{domain.RelevanceHigh, domain.RelevanceMedium, domain.RelevanceLow} {
		out = append(out, option{Value: string(r), Label: present.Word(c.cfg.Lang, "relevance", string(r))})
	}
	return out
}

func criterionOptions(c *Console, _ view) []option {
	var out []option
	for _, k := range domain.Criteria {
		out = append(out, option{Value: string(k), Label: present.Word(c.cfg.Lang, "criterion", string(k))})
	}
	return out
}

func scoreOptions(c *Console, _ view) []option {
	var out []option
	for i := 1; i <= 5; i++ {
		out = append(out, option{Value: strconv.Itoa(i), Label: c.t("console.score", "score", i)})
	}
	return out
}

func requirementOptions(c *Console, v view) []option {
	var out []option
	for _, r := range domain.Requirements {
		label := present.Word(c.cfg.Lang, "requirement", string(r))
		for _, st := range v.initiative.Requirements {
			if st.Requirement == r && st.Met {
				label = c.t("console.requirement.met", "requirement", label)
			}
		}
		out = append(out, option{Value: string(r), Label: label})
	}
	return out
}

func verdictOptions(c *Console, _ view) []option {
	var out []option
	for _, v := range []domain.Verdict{domain.VerdictApprove, domain.VerdictDefer, domain.VerdictDecline} {
		out = append(out, option{Value: string(v), Label: present.Word(c.cfg.Lang, "verdict", string(v))})
	}
	return out
}

func yesNoOptions(c *Console, _ view) []option {
	return []option{{Value: "ja", Label: c.t("console.yes")}, {Value: "nej", Label: c.t("console.no")}}
}

func milestoneOptions(c *Console, v view) []option {
	var out []option
	if v.impl != nil {
		for _, m := range v.impl.Plan.Milestones {
			out = append(out, option{Value: m.ID, Label: fmt.Sprintf("%s: %s (%s)", m.ID, m.What, present.Day(c.cfg.Lang, m.Due))})
		}
	}
	return out
}

func goalOptions(c *Console, v view) []option {
	var out []option
	if v.impl != nil {
		for _, g := range v.impl.Plan.Goals {
			out = append(out, option{Value: g.ID, Label: g.ID + " (" + g.Unit + ")"})
		}
	}
	return out
}

func hearingOptions(c *Console, v view) []option {
	var out []option
	if v.impl != nil {
		for _, h := range v.impl.Hearings {
			if h.Status != domain.HearingHeld {
				out = append(out, option{Value: h.ID, Label: h.ID + ", " + present.DateTime(c.cfg.Lang, h.At)})
			}
		}
	}
	return out
}
