package coordinator

import "github.com/skr/handslag/domain"

// The inputs of the coordinating activities. The cycle workflow calls each activity by method
// reference (for example (*Activities).FindBacklog); the activity names are the method names.

// FindBacklogInput asks for the initiatives ready for a year's February review.
type FindBacklogInput struct {
	Year int `json:"year"`
}

// JoinInput tells initiatives that they are in a year's cycle, on its calendar and clock.
type JoinInput struct {
	Year     int             `json:"year"`
	Calendar domain.Calendar `json:"calendar"`
	Clock    domain.Clock    `json:"clock"`
	IDs      []string        `json:"ids"`
}

// SnapshotsInput asks for the current state of initiatives.
type SnapshotsInput struct {
	IDs []string `json:"ids"`
}

// ApplyDecisionsInput passes a cycle decision on to each initiative. Each update carries the
// ID "<cycle>/<gate>/<initiative>", so a retried activity never decides twice.
type ApplyDecisionsInput struct {
	Year      int                     `json:"year"`
	Gate      domain.Gate             `json:"gate"`
	Plan      []domain.PlannedVerdict `json:"plan"`
	By        domain.Actor            `json:"by"`
	Reason    string                  `json:"reason"`
	Reference string                  `json:"reference,omitempty"`
}
