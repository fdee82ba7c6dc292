package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/skr/handslag/admin"
	"github.com/skr/handslag/answerlink"
	"github.com/skr/handslag/config"
	"github.com/skr/handslag/contract"
	"github.com/skr/handslag/devserver"
	"github.com/skr/handslag/domain"
	"github.com/skr/handslag/logging"
	"github.com/skr/handslag/offerweb"
	"github.com/skr/handslag/refdata"
	"github.com/skr/handslag/store"
	"github.com/skr/handslag/worker"
	"go.temporal.io/sdk/client"
	sdkworker "go.temporal.io/sdk/worker"
	"go.uber.org/zap"
)

// Options shape a load run.
type Options struct {
	Rounds  int // offer rounds, each answered by all 290 municipalities
	Clients int // answers (and raw updates) in flight at once
	// Rush, when set, is the deadline-day scenario: every answer of every round arrives
	// within this long, each at its own moment whatever the others wait for (an open load,
	// as people answer), instead of Clients at a time; no raw baseline is measured.
	Rush time.Duration
}

// Report is what a run measured.
type Report struct {
	Answers, AnswerUpdates int
	AnswerTime             time.Duration
	RawUpdates             int
	RawTime                time.Duration
	// AnswerCPU and RawCPU are the CPU time the whole process used in each phase (0 where it
	// cannot be read).
	AnswerCPU, RawCPU time.Duration
	// Runs holds, per round, the history length of each of its runs.
	Runs         map[string][]int
	PeakRSS      int64 // bytes, VmHWM: the server, the worker and the load generator together
	PeakGoHeap   uint64
	Municipality int // municipalities per round
	// Waits are the times from each answer's POST to its confirmation page; Failed counts the
	// answers that got no confirmation.
	Waits  []time.Duration
	Failed int
}

// AnswersPerSecond is the answer path's throughput.
func (r Report) AnswersPerSecond() float64 { return float64(r.Answers) / r.AnswerTime.Seconds() }

// RawPerSecond is the server's raw update throughput with the same concurrency.
func (r Report) RawPerSecond() float64 { return float64(r.RawUpdates) / r.RawTime.Seconds() }

// Ratio is the figure we track: answers per second over raw updates per second.
func (r Report) Ratio() float64 { return r.AnswersPerSecond() / r.RawPerSecond() }

// CPURatio is the CPU time an answer costs over what a raw update costs: less sensitive to
// the load of a shared machine than Ratio (a receipt activity that runs after the last answer
// is not counted).
func (r Report) CPURatio() float64 {
	return (r.AnswerCPU.Seconds() / float64(r.Answers)) / (r.RawCPU.Seconds() / float64(r.RawUpdates))
}

// MaxRun is the longest history of any run of any round.
func (r Report) MaxRun() int {
	m := 0
	for _, runs := range r.Runs {
		for _, n := range runs {
			m = max(m, n)
		}
	}
	return m
}

// loadLinkKey signs the answer links of the load test's offers (any 32 bytes will do).
var loadLinkKey = []byte("handslag-load-link-key-32-bytes!")

// loadSystem is the in-process server with the real worker and the raw workflow's worker.
type loadSystem struct {
	admin *admin.Client
	stop  func()
}

func startSystem() (*loadSystem, error) {
	srv, err := devserver.Start(devserver.Options{Namespace: contract.Namespace, UIPort: -1, SearchAttributes: contract.SearchAttributes,
		WorkflowCache: config.DefaultWorkflowCache})
	if err != nil {
		return nil, err
	}
	ctx := context.Background()
	a, err := admin.Dial(ctx, srv.FrontendAddr, contract.Namespace, client.Options{Logger: logging.SDK(zap.NewNop())})
	if err != nil {
		srv.Stop()
		return nil, err
	}
	// The database in memory where there is a tmpfs: the benchmark measures Temporal and the
	// answer path, not the disk the mail is written to.
	outbox, err := os.MkdirTemp(tmpfs(), "handslag-load-")
	stopAll := func(ws ...sdkworker.Worker) {
		for _, w := range ws {
			w.Stop()
		}
		a.Close()
		srv.Stop()
		_ = os.RemoveAll(outbox)
	}
	if err != nil {
		stopAll()
		return nil, err
	}
	if err := admin.EnsureSearchAttributes(ctx, a.Temporal, contract.Namespace); err != nil {
		stopAll()
		return nil, err
	}
	// The real worker: the outbox in an SQLite database, the SCB register, demo contacts,
	// signed links.
	db, err := store.Open(ctx, "sqlite:"+filepath.Join(outbox, "handslag.db"))
	if err != nil {
		stopAll()
		return nil, err
	}
	w, err := worker.New(a.Temporal, config.Worker{LeadershipEmail: config.DefaultLeadership,
		OfficeEmail: config.DefaultOffice, BaseURL: config.DefaultBaseURL, LinkKeys: answerlink.Single(loadLinkKey), StickyTimeout: stickyTimeout}, db)
	if err != nil {
		db.Close()
		stopAll()
		return nil, err
	}
	raw := newRawWorker(a.Temporal)
	for _, x := range []sdkworker.Worker{w, raw} {
		if err := x.Start(); err != nil {
			stopAll()
			return nil, err
		}
	}
	return &loadSystem{admin: a, stop: func() { stopAll(w, raw); db.Close() }}, nil
}

// startRounds starts the offer rounds (as an offered initiative's child would) and waits until
// each has sent its offers, so the measurements see only answers.
func (s *loadSystem) startRounds(ctx context.Context, n int) ([]string, map[string]string, []domain.OfferMunicipality, error) {
	reg := refdata.Default()
	ms := make([]domain.OfferMunicipality, len(reg.Municipalities))
	for i, m := range reg.Municipalities {
		ms[i] = domain.OfferMunicipality{Code: m.Code, Name: m.Name, CountyCode: m.CountyCode, Population: m.Population}
	}
	now := time.Now().In(domain.Stockholm()).Truncate(time.Minute)
	ids := make([]string, n)
	firstRuns := map[string]string{}
	for i := range ids {
		ids[i] = fmt.Sprintf("last-%d-%d", now.Unix(), i)
		in := contract.OfferRoundInput{Setup: domain.OfferSetup{InitiativeID: ids[i],
			Content: domain.OfferContent{InitiativeID: ids[i], Title: "Lasttest " + fmt.Sprint(i), What: "En tjänst",
				WhoDoesWhat: "Inera bygger", EffectGoal: "Mätbar nytta", Cost: "1 mnkr", Financing: "Abonnemang"},
			Seminar: now.Add(time.Hour), Deadline: now.Add(7 * 24 * time.Hour), LateUntil: now.Add(14 * 24 * time.Hour),
			Rule: domain.DefaultDecisionRule(), Municipalities: ms}}
		run, err := s.admin.Temporal.ExecuteWorkflow(ctx, client.StartWorkflowOptions{ID: contract.OfferRoundWorkflowID(ids[i]),
			TaskQueue: contract.TaskQueue}, contract.OfferRoundWorkflowType, in)
		if err != nil {
			return nil, nil, nil, err
		}
		firstRuns[ids[i]] = run.GetRunID()
	}
	for _, id := range ids {
		if err := waitFor(ctx, 5*time.Minute, func() (bool, error) {
			st, err := s.admin.OfferStatus(ctx, id)
			return err == nil && st.Delivery != nil, nil
		}); err != nil {
			return nil, nil, nil, fmt.Errorf("the offers of %s were not sent: %w", id, err)
		}
	}
	return ids, firstRuns, ms, nil
}

// answerJob is one municipality's answer in one round.
type answerJob struct{ round, m int }

// jobs interleaves the rounds' answers as real traffic would be.
func jobsFor(rounds, municipalities int) []answerJob {
	var jobs []answerJob
	for i := range municipalities {
		for r := range rounds {
			jobs = append(jobs, answerJob{r, i})
		}
	}
	return jobs
}

// answerAll has every municipality of every round answer yes through the real answer form
// (package web over offerweb, in this process): clients answers in flight at once, or, with
// rush, each answer at its own moment within rush. It returns how long until the last
// confirmation, each answer's wait for its confirmation page, and how many got none.
func (s *loadSystem) answerAll(ctx context.Context, ids []string, ms []domain.OfferMunicipality, clients int, rush time.Duration) (time.Duration, []time.Duration, int, error) {
	site, err := newAnswerSite(offerweb.New(offerweb.AdminBackend{Admin: s.admin}, offerweb.Options{}))
	if err != nil {
		return 0, nil, 0, err
	}
	var (
		mu     sync.Mutex
		waits  []time.Duration
		failed int
		first  error
	)
	// Every form is opened first, untimed: people open the link well before they send.
	jobs := jobsFor(len(ids), len(ms))
	forms := make([]filledForm, len(jobs))
	index := map[answerJob]int{}
	for i, j := range jobs {
		index[j] = i
	}
	if _, err := concurrently(clients, jobs, func(j answerJob) error {
		f, err := site.open(ctx, ids[j.round], ms[j.m].Code)
		forms[index[j]] = f
		return err
	}); err != nil {
		return 0, nil, 0, err
	}
	answer := func(j answerJob) error {
		took, err := site.send(ctx, forms[index[j]])
		mu.Lock()
		defer mu.Unlock()
		if err != nil {
			failed++
			if first == nil {
				first = fmt.Errorf("%s, %s: %w", ids[j.round], ms[j.m].Code, err)
			}
			return nil // counted; the run goes on, as the people would
		}
		waits = append(waits, took)
		return nil
	}
	var took time.Duration
	if rush > 0 {
		took = openLoad(jobs, rush, answer)
	} else {
		took, _ = concurrently(clients, jobs, answer)
	}
	return took, waits, failed, first
}

// openLoad starts every job at its own moment, evenly spread over within, whatever the earlier
// ones still wait for, and returns when the last has finished.
func openLoad[J any](jobs []J, within time.Duration, do func(J) error) time.Duration {
	var wg sync.WaitGroup
	start := time.Now()
	for i, j := range jobs {
		time.Sleep(time.Until(start.Add(within * time.Duration(i) / time.Duration(len(jobs)))))
		wg.Add(1)
		go func() {
			defer wg.Done()
			_ = do(j)
		}()
	}
	wg.Wait()
	return time.Since(start)
}

// concurrently runs do on every job, clients at a time, in order of the jobs, and returns how
// long that took and the first error.
func concurrently[J any](clients int, jobs []J, do func(J) error) (time.Duration, error) {
	feed := make(chan J)
	var (
		mu       sync.Mutex
		firstErr error
		wg       sync.WaitGroup
	)
	start := time.Now()
	for range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range feed {
				if err := do(j); err != nil {
					mu.Lock()
					if firstErr == nil {
						firstErr = err
					}
					mu.Unlock()
				}
			}
		}()
	}
	for _, j := range jobs {
		feed <- j
	}
	close(feed)
	wg.Wait()
	return time.Since(start), firstErr
}

// check confirms that every answer was counted exactly once.
func (s *loadSystem) check(ctx context.Context, ids []string, municipalities int) error {
	for _, id := range ids {
		st, err := s.admin.OfferStatus(ctx, id)
		if err != nil {
			return err
		}
		if st.Tally.Yes != municipalities || st.Tally.NotAnswered != 0 {
			return fmt.Errorf("%s: %d yes and %d not answered, want %d yes", id, st.Tally.Yes, st.Tally.NotAnswered, municipalities)
		}
	}
	return nil
}

// waitFor polls done until it reports true, fails, or within passes.
func waitFor(ctx context.Context, within time.Duration, done func() (bool, error)) error {
	deadline := time.Now().Add(within)
	for {
		ok, err := done()
		if err != nil || ok {
			return err
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("not done within %v", within)
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(100 * time.Millisecond):
		}
	}
}

// tmpfs is /dev/shm where it exists, else the default temporary directory.
func tmpfs() string {
	if st, err := os.Stat("/dev/shm"); err == nil && st.IsDir() {
		return "/dev/shm"
	}
	return ""
}
