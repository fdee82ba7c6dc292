package admin

import (
	"context"
	"testing"
	"time"

	"github.com/skr/handslag/contract"
	"github.com/skr/handslag/devserver"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.temporal.io/api/operatorservice/v1"
	"go.temporal.io/api/workflowservice/v1"
	"go.temporal.io/sdk/client"
)

// Bootstrap on a server that knows neither the namespace nor the search attributes: afterwards
// both exist, a query with every attribute is answered, and a second run changes nothing.
func TestBootstrapRegistersNamespaceAndSearchAttributes(t *testing.T) {
	srv, err := devserver.Start(devserver.Options{Namespace: "other", UIPort: -1})
	require.NoError(t, err)
	defer srv.Stop()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	const ns = "handslag-bootstrap"
	c, err := client.DialContext(ctx, client.Options{HostPort: srv.FrontendAddr, Namespace: ns})
	require.NoError(t, err)
	defer c.Close()

	var waits int
	require.NoError(t, Bootstrap(ctx, c, ns, 48*time.Hour, func(error) { waits++ }))
	desc, err := c.WorkflowService().DescribeNamespace(ctx, &workflowservice.DescribeNamespaceRequest{Namespace: ns})
	require.NoError(t, err)
	assert.Equal(t, 48*time.Hour, desc.GetConfig().GetWorkflowExecutionRetentionTtl().AsDuration())
	sas, err := c.OperatorService().ListSearchAttributes(ctx, &operatorservice.ListSearchAttributesRequest{Namespace: ns})
	require.NoError(t, err)
	for name, typ := range contract.SearchAttributes {
		assert.Equal(t, typ, sas.GetCustomAttributes()[name], name)
	}
	_, err = c.WorkflowService().CountWorkflowExecutions(ctx, &workflowservice.CountWorkflowExecutionsRequest{Namespace: ns, Query: bootstrapQuery()})
	require.NoError(t, err)

	// Idempotent: the second run finds everything in place at once.
	waits = 0
	require.NoError(t, Bootstrap(ctx, c, ns, 48*time.Hour, func(error) { waits++ }))
	assert.Zero(t, waits)

	// A new retention period (the legal facts changed) is applied to the namespace.
	require.NoError(t, Bootstrap(ctx, c, ns, 45*24*time.Hour, func(error) {}))
	desc, err = c.WorkflowService().DescribeNamespace(ctx, &workflowservice.DescribeNamespaceRequest{Namespace: ns})
	require.NoError(t, err)
	assert.Equal(t, 45*24*time.Hour, desc.GetConfig().GetWorkflowExecutionRetentionTtl().AsDuration())
}

func TestBootstrapQueryUsesEveryAttribute(t *testing.T) {
	q := bootstrapQuery()
	for name := range contract.SearchAttributes {
		assert.Contains(t, q, name+" = ")
	}
	assert.Equal(t, bootstrapQuery(), q, "deterministic")
}
