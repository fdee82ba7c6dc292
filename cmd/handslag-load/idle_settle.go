package main

import (
	"context"
	"fmt"
	"runtime"
	"runtime/debug"
	"time"

	"github.com/skr/handslag/contract"
	enumspb "go.temporal.io/api/enums/v1"
	taskqueuepb "go.temporal.io/api/taskqueue/v1"
	"go.temporal.io/api/workflowservice/v1"
	"go.temporal.io/sdk/client"
)

// quietCore is the share of a core under which the process counts as quiet.
const quietCore = 0.10

// backlog is how many workflow and activity tasks wait in the worker's task queue (the
// server's approximate count). Registrations leave work behind them (each first run checks
// for an earlier registration, records its case and publishes its search attributes); a
// process whose CPU is low but whose queue is not empty is slow, not idle.
func backlog(ctx context.Context, c client.Client) (int64, error) {
	var n int64
	for _, typ := range []enumspb.TaskQueueType{enumspb.TASK_QUEUE_TYPE_WORKFLOW, enumspb.TASK_QUEUE_TYPE_ACTIVITY} {
		resp, err := c.WorkflowService().DescribeTaskQueue(ctx, &workflowservice.DescribeTaskQueueRequest{Namespace: contract.Namespace,
			TaskQueue: &taskqueuepb.TaskQueue{Name: contract.TaskQueue, Kind: enumspb.TASK_QUEUE_KIND_NORMAL}, TaskQueueType: typ, ReportStats: true})
		if err != nil {
			return 0, err
		}
		n += resp.GetStats().GetApproximateBacklogCount()
	}
	return n, nil
}

// quietSample waits (at most settle) until nothing waits in the task queue and the process has
// been quiet over five seconds, returns what the Go runtime no longer uses to the system, then
// measures a window (profiled into profile, when given). It fails only when the task queue
// cannot be read.
func quietSample(ctx context.Context, c client.Client, settle, window time.Duration, profile string) (IdleSample, error) {
	begin := time.Now()
	quiet := false
	for !quiet && time.Since(begin) < settle {
		before, start := processCPU(), time.Now()
		time.Sleep(min(5*time.Second, settle))
		n, err := backlog(ctx, c)
		if err != nil {
			return IdleSample{}, fmt.Errorf("reading the task queue's backlog: %w", err)
		}
		quiet = n == 0 && (processCPU()-before).Seconds()/time.Since(start).Seconds() < quietCore
	}
	quieted := time.Since(begin)
	runtime.GC()
	debug.FreeOSMemory()
	stop := profileWindow(profile)
	before, start := processCPU(), time.Now()
	time.Sleep(window)
	stop()
	rss := currentRSS()
	return IdleSample{RSS: rss, Core: (processCPU() - before).Seconds() / time.Since(start).Seconds(), Quieted: quieted, Quiet: quiet,
		Parts: memoryParts(rss)}, nil
}
