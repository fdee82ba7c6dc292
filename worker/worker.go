// Package worker wires the workflows and activities into a Temporal worker.
package worker

import (
	"context"
	"fmt"

	"github.com/skr/handslag/activities"
	"github.com/skr/handslag/activities/coordinator"
	"github.com/skr/handslag/admin"
	"github.com/skr/handslag/config"
	"github.com/skr/handslag/contacts"
	"github.com/skr/handslag/contract"
	"github.com/skr/handslag/domain"
	"github.com/skr/handslag/i18n"
	"github.com/skr/handslag/mail"
	"github.com/skr/handslag/store"
	"github.com/skr/handslag/workflows"
	"go.temporal.io/sdk/client"
	sdkworker "go.temporal.io/sdk/worker"
	"go.temporal.io/sdk/workflow"
)

// New returns a worker on the Handslag task queue with every workflow and activity registered,
// driven by cfg (see config.LoadWorker) and keeping Handslag's own data in db.
func New(c client.Client, cfg config.Worker, db *store.DB) (sdkworker.Worker, error) {
	acts, err := Activities(cfg, db)
	if err != nil {
		return nil, fmt.Errorf("worker: %w", err)
	}
	ns := cfg.Namespace
	if ns == "" {
		ns = contract.Namespace
	}
	if cfg.WorkflowCache > 0 {
		// Process-wide in the SDK, and read when the first worker starts. With the server in
		// the same process (the local system) its own workers start first:
		// devserver.Options.WorkflowCache sets the size before them.
		sdkworker.SetStickyWorkflowCacheSize(cfg.WorkflowCache)
	}
	w := sdkworker.New(c, contract.TaskQueue, sdkworker.Options{StickyScheduleToStartTimeout: cfg.StickyTimeout})
	Register(w, acts)
	w.RegisterActivity(&coordinator.Activities{Admin: &admin.Client{Temporal: c, Namespace: ns}})
	return w, nil
}

// Activities builds the activities' dependencies from cfg: the sender (SMTP, or the outbox in
// the database), the registers, the link signer and the case list.
func Activities(cfg config.Worker, db *store.DB) (*activities.Activities, error) {
	sender, err := mail.NewSender(cfg.SMTP, db)
	if err != nil {
		return nil, err
	}
	reg, links, err := offerDependencies(cfg)
	if err != nil {
		return nil, err
	}
	if err := seedAddresses(context.Background(), db, cfg, contacts.DefaultParties(reg.reg)); err != nil {
		return nil, err
	}
	kept := domain.Period{Years: cfg.Legal.Retention.AnswererYears}
	if cfg.AnswerersKept != nil {
		kept = *cfg.AnswerersKept
	}
	return &activities.Activities{Sender: sender, Lang: i18n.Swedish, LeadershipAddress: cfg.LeadershipEmail,
		OfficeAddress: cfg.OfficeEmail, BaseURL: cfg.BaseURL, Addresses: db, Register: reg, Links: links,
		Unsubscribe: links.ForUnsubscribe(), Cases: db, AnswerersKept: kept, MailStore: db}, nil
}

// Register adds the workflows and the activities to any registry (a worker or a test
// environment), under the names the contract promises.
func Register(r sdkworker.Registry, acts *activities.Activities) {
	RegisterWorkflows(r)
	if acts != nil {
		r.RegisterActivity(acts)
	}
}

// RegisterWorkflows adds the workflows alone, under the names the contract promises: what a
// worker runs is what the replay test replays.
func RegisterWorkflows(r sdkworker.WorkflowRegistry) {
	r.RegisterWorkflowWithOptions(workflows.InitiativeWorkflow, workflow.RegisterOptions{Name: contract.InitiativeWorkflowType})
	r.RegisterWorkflowWithOptions(workflows.CycleWorkflow, workflow.RegisterOptions{Name: contract.CycleWorkflowType})
	r.RegisterWorkflowWithOptions(workflows.CycleLauncherWorkflow, workflow.RegisterOptions{Name: contract.CycleLauncherWorkflowType})
	r.RegisterWorkflowWithOptions(workflows.OfferRoundWorkflow, workflow.RegisterOptions{Name: contract.OfferRoundWorkflowType})
	r.RegisterWorkflowWithOptions(workflows.ImplementationWorkflow, workflow.RegisterOptions{Name: contract.ImplementationWorkflowType})
	r.RegisterWorkflowWithOptions(workflows.ProposalWorkflow, workflow.RegisterOptions{Name: contract.ProposalWorkflowType})
}
