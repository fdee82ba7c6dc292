package admin

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/skr/handslag/contract"
	enumspb "go.temporal.io/api/enums/v1"
	"go.temporal.io/api/workflowservice/v1"
	"go.temporal.io/sdk/client"
)

// DialWait dials like Dial but keeps trying until ctx ends, for processes that start together
// with the Temporal server (containers, the CI proof) and must not fail because they won the
// race. report is told about every failed attempt.
func DialWait(ctx context.Context, opts client.Options, report func(error)) (*Client, error) {
	for {
		a, err := Dial(ctx, opts.HostPort, opts.Namespace, opts)
		if err == nil {
			return a, nil
		}
		if report != nil {
			report(err)
		}
		select {
		case <-ctx.Done():
			return nil, fmt.Errorf("Temporal at %s did not answer in time: %w", opts.HostPort, err)
		case <-time.After(time.Second):
		}
	}
}

// Bootstrap makes a Temporal server ready for Handslag: it registers the namespace (with the
// given retention of closed workflows) and every search attribute in contract.SearchAttributes,
// then waits until a visibility query that uses them is answered, so a worker started next can
// start workflows at once. It retries until ctx ends (a new namespace takes a few seconds to
// reach every frontend) and is safe to run at every deployment.
func Bootstrap(ctx context.Context, c client.Client, namespace string, retention time.Duration, report func(error)) error {
	step := func() error {
		if err := EnsureNamespace(ctx, c, namespace, retention); err != nil {
			return fmt.Errorf("namespace %s: %w", namespace, err)
		}
		if err := EnsureSearchAttributes(ctx, c, namespace); err != nil {
			return err
		}
		_, err := c.WorkflowService().CountWorkflowExecutions(ctx, &workflowservice.CountWorkflowExecutionsRequest{
			Namespace: namespace, Query: bootstrapQuery()})
		if err != nil {
			return fmt.Errorf("search attributes not yet usable: %w", err)
		}
		return nil
	}
	for {
		err := step()
		if err == nil {
			return nil
		}
		if report != nil {
			report(err)
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("bootstrap of namespace %s did not finish: %w", namespace, err)
		case <-time.After(time.Second):
		}
	}
}

// bootstrapQuery uses every search attribute in the contract, so it fails until all are known.
func bootstrapQuery() string {
	names := make([]string, 0, len(contract.SearchAttributes))
	for name := range contract.SearchAttributes {
		names = append(names, name)
	}
	sort.Strings(names)
	clauses := make([]string, 0, len(names))
	for _, name := range names {
		value := "'x'"
		switch contract.SearchAttributes[name] {
		case enumspb.INDEXED_VALUE_TYPE_INT, enumspb.INDEXED_VALUE_TYPE_DOUBLE:
			value = "0"
		case enumspb.INDEXED_VALUE_TYPE_BOOL:
			value = "false"
		case enumspb.INDEXED_VALUE_TYPE_DATETIME:
			value = "'2000-01-01T00:00:00Z'"
		}
		clauses = append(clauses, name+" = "+value)
	}
	return strings.Join(clauses, " AND ")
}
