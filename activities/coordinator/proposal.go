package coordinator

import (
	"context"
	"errors"

	"github.com/skr/handslag/admin"
	"github.com/skr/handslag/contract"
	"github.com/skr/handslag/domain"
)

// RegisterProposalInput registers an accepted proposal as an initiative.
type RegisterProposalInput struct {
	ProposalID string       `json:"proposal_id"`
	Initiative string       `json:"initiative"`
	Need       domain.Need  `json:"need"`
	By         domain.Actor `json:"by"`
}

// RegisterProposal registers the accepted need as a new initiative, sent by the office member
// who accepted it. A retried attempt that finds the initiative registered from this very
// proposal (same need, same sender) succeeds; an initiative registered before under that ID
// for something else refuses the acceptance (already_registered), not retried.
func (a *Activities) RegisterProposal(ctx context.Context, in RegisterProposalInput) error {
	reg := domain.Registration{ID: in.Initiative, Need: in.Need, By: in.By, Calendar: domain.DefaultCalendar()}
	err := a.Admin.Register(ctx, reg)
	var ae *admin.Error
	if errors.As(err, &ae) && ae.Key == "error.already_started" {
		st, serr := a.Admin.Status(ctx, in.Initiative)
		if serr == nil && st.Initiative.CreatedBy == in.By && st.Initiative.Need.Title == in.Need.Title {
			return nil
		}
		return contract.ApplicationError(&domain.ValidationError{Code: domain.CodeAlreadyRegistered, Field: "initiative", Detail: in.Initiative})
	}
	var ve *domain.ValidationError
	if errors.As(err, &ve) {
		return contract.ApplicationError(ve)
	}
	return err
}

// InitiativeOpen reports whether an initiative exists and is open (a proposal merges into it).
func (a *Activities) InitiativeOpen(ctx context.Context, id string) (bool, error) {
	st, err := a.Admin.Status(ctx, id)
	var ae *admin.Error
	if errors.As(err, &ae) && ae.Key == "error.not_found" {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	return !st.Initiative.Stage.Closed(), nil
}
