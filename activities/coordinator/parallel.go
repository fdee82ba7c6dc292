package coordinator

import (
	"context"
	"sync/atomic"

	"go.temporal.io/sdk/activity"
	"golang.org/x/sync/errgroup"
)

// initiativesAtOnce is how many initiatives one coordinating activity works on at the same
// time. One after another, each join or decision waits for its initiative's workflow task
// (about a tenth of a second on a loaded local system), so a gate's decision on 1,000
// initiatives took minutes and the leadership's update waited that long for its answer
// (docs/performance.md). Sixteen keeps a batch of 250 to a few round trips of waiting while
// leaving room on the server for the people using the system meanwhile.
const initiativesAtOnce = 16

// forEachInitiative calls work for 0..n-1, initiativesAtOnce at a time, and heartbeats how many
// are done. Work writes its outcome to its own index, so the order of results is the order of
// the input whatever the order of finishing. The first error cancels the rest and is returned;
// work that wants to go on past a failure records it instead of returning it.
func forEachInitiative(ctx context.Context, n int, work func(ctx context.Context, i int) error) error {
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(initiativesAtOnce)
	var done atomic.Int64
	for i := 0; i < n && gctx.Err() == nil; i++ {
		g.Go(func() error {
			if err := work(gctx, i); err != nil {
				return err
			}
			activity.RecordHeartbeat(ctx, done.Add(1))
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return err
	}
	return ctx.Err()
}
