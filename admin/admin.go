// Package admin is the client side of the contract in package contract: registering a need,
// sending messages, reading status and listing initiatives. The CLI, the tests and (later) the
// web pages all go through it, so they behave the same.
package admin

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/skr/handslag/codec"
	"github.com/skr/handslag/contract"
	"github.com/skr/handslag/domain"
	enumspb "go.temporal.io/api/enums/v1"
	namespacepb "go.temporal.io/api/namespace/v1"
	"go.temporal.io/api/operatorservice/v1"
	"go.temporal.io/api/serviceerror"
	"go.temporal.io/api/workflowservice/v1"
	"go.temporal.io/sdk/client"
	"go.temporal.io/sdk/temporal"
	"google.golang.org/protobuf/types/known/durationpb"
)

// Error is a failure with a catalogue key, so the CLI can explain it in plain Swedish.
type Error struct {
	Key  string // i18n key: "error.already_started", "error.not_found", "error.unreachable"
	Args []any  // placeholder name, value pairs
	Err  error
}

func (e *Error) Error() string { return fmt.Sprintf("%s %v: %v", e.Key, e.Args, e.Err) }
func (e *Error) Unwrap() error { return e.Err }

// Client talks to the initiative workflows.
type Client struct {
	Temporal  client.Client
	Namespace string
}

// Dial connects and checks that the server answers, so an unreachable server is reported at
// once and clearly, not as a time-out later.
func Dial(ctx context.Context, address, namespace string, opts client.Options) (*Client, error) {
	opts.HostPort, opts.Namespace = address, namespace
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	opts.ConnectionOptions.GetSystemInfoTimeout = 5 * time.Second
	c, err := client.DialContext(ctx, opts)
	if err != nil {
		return nil, &Error{Key: "error.unreachable", Args: []any{"address", address, "detail", shortError(err)}, Err: err}
	}
	if _, err := c.CheckHealth(ctx, &client.CheckHealthRequest{}); err != nil {
		c.Close()
		return nil, &Error{Key: "error.unreachable", Args: []any{"address", address, "detail", shortError(err)}, Err: err}
	}
	return &Client{Temporal: c, Namespace: namespace}, nil
}

func shortError(err error) string {
	s := err.Error()
	if i := strings.Index(s, "desc = "); i >= 0 {
		s = s[i+len("desc = "):]
	}
	return s
}

// Close closes the connection.
func (a *Client) Close() { a.Temporal.Close() }

// Register validates the registration and starts the initiative's workflow. Registering the
// same ID twice is refused, whether the first is still running or closed; an ID whose start
// failed (another client's invalid registration) may be used again.
func (a *Client) Register(ctx context.Context, reg domain.Registration) error {
	reg = reg.Canonical() // the default calendar when none is given, as the workflow does
	if err := reg.Validate(); err != nil {
		return err
	}
	opts := client.StartWorkflowOptions{
		ID:                       contract.InitiativeWorkflowID(reg.ID),
		TaskQueue:                contract.TaskQueue,
		WorkflowIDReusePolicy:    enumspb.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE_FAILED_ONLY,
		WorkflowIDConflictPolicy: enumspb.WORKFLOW_ID_CONFLICT_POLICY_FAIL,
		// Without this the SDK would quietly return the existing run.
		WorkflowExecutionErrorWhenAlreadyStarted: true,
		// The title is the workflow's summary in the Web UI and its memo for lists. It is not
		// personal data; the contact e-mail stays in the workflow's input and state only.
		StaticSummary: reg.Need.Title,
		Memo:          map[string]interface{}{"title": codec.Plain(reg.Need.Title)},
		TypedSearchAttributes: temporal.NewSearchAttributes(
			contract.SAStage.ValueSet(string(domain.StageBacklog)),
			contract.SAEscalated.ValueSet(false),
		),
	}
	_, err := a.Temporal.ExecuteWorkflow(ctx, opts, contract.InitiativeWorkflowType, contract.InitiativeInput{Registration: reg})
	var started *serviceerror.WorkflowExecutionAlreadyStarted
	if errors.As(err, &started) {
		return &Error{Key: "error.already_started", Args: []any{"id", reg.ID}, Err: err}
	}
	return err
}

// Send delivers a message to an initiative: as an Update (the answer says where the
// initiative is now; a rejection comes back as a *domain.ValidationError) or, with asSignal,
// fire-and-forget as a Signal.
func (a *Client) Send(ctx context.Context, id, name string, payload any, asSignal bool) (contract.Receipt, error) {
	wid := contract.InitiativeWorkflowID(id)
	payload = canonical(payload)
	if asSignal {
		return contract.Receipt{}, a.notFound(id, a.Temporal.SignalWorkflow(ctx, wid, "", name, payload))
	}
	return a.SendOnce(ctx, id, name, payload, "")
}

// SendOnce delivers a message as an Update with a given update ID: the server answers a
// repeated ID with the first outcome instead of applying it twice (empty: a fresh ID).
func (a *Client) SendOnce(ctx context.Context, id, name string, payload any, updateID string) (contract.Receipt, error) {
	var r contract.Receipt
	payload = canonical(payload)
	err := a.update(ctx, contract.InitiativeWorkflowID(id), name, payload, updateID, &r)
	if err == nil {
		return r, nil
	}
	if _, ok := err.(*domain.ValidationError); ok {
		return contract.Receipt{}, err
	}
	return contract.Receipt{}, a.notFound(id, err)
}

// canonical sends a domain command in its canonical form (owner "inera" as "Inera"), so that
// even a workflow run from before it canonicalised what arrives stores the canonical value.
func canonical(payload any) any {
	if cmd, ok := payload.(domain.Command); ok {
		return domain.Canonical(cmd)
	}
	return payload
}

// notFound turns "no such workflow" into a clear error, telling a closed initiative (which
// accepts no messages) from one that does not exist.
func (a *Client) notFound(id string, err error) error {
	return a.notFoundIn(id, contract.InitiativeWorkflowID(id), err)
}

// notFoundIn is notFound for any workflow of the initiative (its offer round, for example).
func (a *Client) notFoundIn(id, workflowID string, err error) error {
	var nf *serviceerror.NotFound
	if !errors.As(err, &nf) {
		return err
	}
	desc, derr := a.Temporal.DescribeWorkflowExecution(context.Background(), workflowID, "")
	if derr == nil && desc.GetWorkflowExecutionInfo().GetStatus() != enumspb.WORKFLOW_EXECUTION_STATUS_RUNNING {
		// The stage it closed in (withdrawn, declined ...) says more than the run's status.
		detail := strings.ToLower(strings.TrimPrefix(desc.GetWorkflowExecutionInfo().GetStatus().String(), "WORKFLOW_EXECUTION_STATUS_"))
		if workflowID == contract.InitiativeWorkflowID(id) {
			var st contract.Status
			if v, err := a.Temporal.QueryWorkflow(context.Background(), workflowID, "", contract.QueryStatus); err == nil && v.Get(&st) == nil {
				detail = string(st.Initiative.Stage)
			}
		}
		return &domain.ValidationError{Code: domain.CodeClosed, Detail: detail}
	}
	return &Error{Key: "error.not_found", Args: []any{"id", id}, Err: err}
}

// Status queries an initiative's full status (also of a closed one, within retention).
func (a *Client) Status(ctx context.Context, id string) (contract.Status, error) {
	var s contract.Status
	v, err := a.Temporal.QueryWorkflow(ctx, contract.InitiativeWorkflowID(id), "", contract.QueryStatus)
	if err != nil {
		return s, a.notFound(id, err)
	}
	return s, v.Get(&s)
}

// EnsureSearchAttributes registers our custom search attributes on the namespace if missing.
// It is safe to call at every start.
func EnsureSearchAttributes(ctx context.Context, c client.Client, namespace string) error {
	resp, err := c.OperatorService().ListSearchAttributes(ctx, &operatorservice.ListSearchAttributesRequest{Namespace: namespace})
	if err != nil {
		return fmt.Errorf("listing search attributes: %w", err)
	}
	missing := map[string]enumspb.IndexedValueType{}
	for name, typ := range contract.SearchAttributes {
		if _, ok := resp.GetCustomAttributes()[name]; !ok {
			missing[name] = typ
		}
	}
	if len(missing) == 0 {
		return nil
	}
	_, err = c.OperatorService().AddSearchAttributes(ctx, &operatorservice.AddSearchAttributesRequest{
		Namespace: namespace, SearchAttributes: missing})
	var exists *serviceerror.AlreadyExists
	if err != nil && !errors.As(err, &exists) {
		return fmt.Errorf("adding search attributes: %w", err)
	}
	return nil
}

// EnsureNamespace registers the namespace if it does not exist, and sets its retention of
// closed workflows to retention if it differs: the period the privacy page publishes
// (legal.Retention.HistoryDays) is the one Temporal applies.
func EnsureNamespace(ctx context.Context, c client.Client, namespace string, retention time.Duration) error {
	desc, err := c.WorkflowService().DescribeNamespace(ctx, &workflowservice.DescribeNamespaceRequest{Namespace: namespace})
	if err == nil {
		if desc.GetConfig().GetWorkflowExecutionRetentionTtl().AsDuration() == retention {
			return nil
		}
		_, err = c.WorkflowService().UpdateNamespace(ctx, &workflowservice.UpdateNamespaceRequest{Namespace: namespace,
			Config: &namespacepb.NamespaceConfig{WorkflowExecutionRetentionTtl: durationpb.New(retention)}})
		return err
	}
	var nf *serviceerror.NamespaceNotFound
	if !errors.As(err, &nf) {
		return err
	}
	_, err = c.WorkflowService().RegisterNamespace(ctx, &workflowservice.RegisterNamespaceRequest{
		Namespace: namespace, WorkflowExecutionRetentionPeriod: durationpb.New(retention)})
	var exists *serviceerror.NamespaceAlreadyExists
	if errors.As(err, &exists) {
		return nil
	}
	return err
}
