// Package worker wires the workflows and activities into a Temporal worker.
package worker

import (
	"fmt"

	"github.com/skr/handslag/activities"
	"github.com/skr/handslag/config"
	"github.com/skr/handslag/i18n"
	"github.com/skr/handslag/outbox"
	"github.com/skr/handslag/workflows"
	"go.temporal.io/sdk/client"
	sdkworker "go.temporal.io/sdk/worker"
	"go.temporal.io/sdk/workflow"
)

// New returns a worker on the Handslag task queue with every workflow and activity registered.
func New(c client.Client, cfg config.Worker) (sdkworker.Worker, error) {
	box, err := outbox.NewDir(cfg.OutboxDir)
	if err != nil {
		return nil, fmt.Errorf("worker: %w", err)
	}
	w := sdkworker.New(c, workflows.TaskQueue, sdkworker.Options{})
	// The offer round's Register, Contacts and Links are set where their packages are wired in.
	Register(w, &activities.Activities{Sender: box, Lang: i18n.Swedish, LeadershipAddress: cfg.LeadershipEmail,
		OfficeAddress: cfg.OfficeEmail, BaseURL: cfg.BaseURL})
	return w, nil
}

// Register adds the workflows and the activities to any registry (a worker, a test or replay
// environment), under the names the contract promises.
func Register(r sdkworker.Registry, acts *activities.Activities) {
	r.RegisterWorkflowWithOptions(workflows.InitiativeWorkflow, workflow.RegisterOptions{Name: workflows.InitiativeWorkflowType})
	r.RegisterWorkflowWithOptions(workflows.OfferRoundWorkflow, workflow.RegisterOptions{Name: workflows.OfferRoundWorkflowType})
	if acts != nil {
		r.RegisterActivity(acts)
	}
}
