package admin

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/skr/handslag/contract"
	"github.com/skr/handslag/domain"
	"github.com/skr/handslag/i18n"
	enumspb "go.temporal.io/api/enums/v1"
	"go.temporal.io/sdk/client"
	"go.temporal.io/sdk/temporal"
)

// CycleSchedule is the Temporal Schedule that starts each year's cycle: once a year at a local
// date and time in Europe/Stockholm.
type CycleSchedule struct {
	// At is the local date and time of the yearly start (YearOffset is ignored); the cycle it
	// starts is the one of the next February review.
	At domain.DayTime `json:"at"`
	// CatchupWindow: if the server was down at the start time, a start missed by less than
	// this is still made when it comes back; an older one is skipped.
	CatchupWindow time.Duration          `json:"catchup_window"`
	Launch        contract.LauncherInput `json:"launch"`
}

// DefaultScheduleAt is 15 January 08:00: two weeks before the February review opens, so the
// members get the backlog and the round's deadline in good time.
var DefaultScheduleAt = domain.DayTime{Month: 1, Day: 15, Time: "08:00"}

// DefaultCatchupWindow lets a start missed by up to two weeks happen late.
const DefaultCatchupWindow = 14 * 24 * time.Hour

// Validate checks the start time (not inside 02:00-03:00, which daylight-saving changes skip
// or repeat), the catch-up window and the cycle configuration.
func (s CycleSchedule) Validate() error {
	at := s.At
	at.YearOffset = 0
	if err := at.Validate("at"); err != nil {
		return err
	}
	if s.CatchupWindow < time.Minute || s.CatchupWindow > 180*24*time.Hour {
		return &domain.ValidationError{Code: domain.CodeInvalidValue, Field: "catchup", Detail: s.CatchupWindow.String() + " (1m-4320h)"}
	}
	return s.Launch.Config.Validate()
}

func (s CycleSchedule) spec() *client.ScheduleSpec {
	h, m, _ := s.At.Clock()
	one := func(v int) []client.ScheduleRange { return []client.ScheduleRange{{Start: v}} }
	return &client.ScheduleSpec{
		Calendars: []client.ScheduleCalendarSpec{{
			Second: one(0), Minute: one(m), Hour: one(h), DayOfMonth: one(s.At.Day), Month: one(s.At.Month),
			DayOfWeek: []client.ScheduleRange{{Start: 0, End: 6}},
			Comment:   i18n.T(i18n.Swedish, "schedule.comment"),
		}},
		TimeZoneName: domain.StockholmZone,
	}
}

func (s CycleSchedule) action() *client.ScheduleWorkflowAction {
	return &client.ScheduleWorkflowAction{
		ID:        "cycle-launcher",
		Workflow:  contract.CycleLauncherWorkflowType,
		Args:      []interface{}{s.Launch},
		TaskQueue: contract.TaskQueue,
	}
}

func (s CycleSchedule) policy() *client.SchedulePolicies {
	return &client.SchedulePolicies{Overlap: enumspb.SCHEDULE_OVERLAP_POLICY_SKIP, CatchupWindow: s.CatchupWindow}
}

func (s CycleSchedule) createOptions(note string) client.ScheduleOptions {
	p := s.policy()
	return client.ScheduleOptions{ID: contract.ScheduleID, Spec: *s.spec(), Action: s.action(),
		Overlap: p.Overlap, CatchupWindow: p.CatchupWindow, Note: note}
}

// ScheduleResult says what EnsureSchedule did and when the next cycles start.
type ScheduleResult struct {
	Created bool        `json:"created"` // false: an existing schedule was updated
	Next    []time.Time `json:"next"`
}

// EnsureSchedule creates the annual schedule, or updates it to s if it exists: running the
// command twice leaves one schedule.
func (a *Client) EnsureSchedule(ctx context.Context, s CycleSchedule) (ScheduleResult, error) {
	if err := s.Validate(); err != nil {
		return ScheduleResult{}, err
	}
	var res ScheduleResult
	sc := a.Temporal.ScheduleClient()
	h, err := sc.Create(ctx, s.createOptions("Skapat av handslag cycle schedule"))
	switch {
	case err == nil:
		res.Created = true
	case errors.Is(err, temporal.ErrScheduleAlreadyRunning):
		h = sc.GetHandle(ctx, contract.ScheduleID)
		err = h.Update(ctx, client.ScheduleUpdateOptions{DoUpdate: func(in client.ScheduleUpdateInput) (*client.ScheduleUpdate, error) {
			sch := in.Description.Schedule
			sch.Spec, sch.Action, sch.Policy = s.spec(), s.action(), s.policy()
			return &client.ScheduleUpdate{Schedule: &sch}, nil
		}})
		if err != nil {
			return res, fmt.Errorf("uppdatera schemat: %w", err)
		}
	default:
		return res, fmt.Errorf("skapa schemat: %w", err)
	}
	desc, err := h.Describe(ctx)
	if err != nil {
		return res, err
	}
	res.Next = desc.Info.NextActionTimes
	return res, nil
}

// CreateScheduleIfMissing creates the annual schedule unless one exists; an existing one (for
// example a demo schedule a user set up) is left as it is. created reports which.
func (a *Client) CreateScheduleIfMissing(ctx context.Context, s CycleSchedule) (created bool, err error) {
	if err := s.Validate(); err != nil {
		return false, err
	}
	_, err = a.Temporal.ScheduleClient().Create(ctx, s.createOptions(i18n.T(i18n.Swedish, "schedule.created_locally")))
	if errors.Is(err, temporal.ErrScheduleAlreadyRunning) {
		return false, nil
	}
	return err == nil, err
}

// DescribeSchedule returns the annual schedule's description.
func (a *Client) DescribeSchedule(ctx context.Context) (*client.ScheduleDescription, error) {
	d, err := a.Temporal.ScheduleClient().GetHandle(ctx, contract.ScheduleID).Describe(ctx)
	if err != nil {
		return nil, &Error{Key: "error.no_schedule", Err: err}
	}
	return d, nil
}

// TriggerSchedule runs the schedule's action now (for a demo, or to start a cycle by hand
// through the same path as the yearly start).
func (a *Client) TriggerSchedule(ctx context.Context) error {
	if err := a.Temporal.ScheduleClient().GetHandle(ctx, contract.ScheduleID).Trigger(ctx, client.ScheduleTriggerOptions{}); err != nil {
		return &Error{Key: "error.no_schedule", Err: err}
	}
	return nil
}
