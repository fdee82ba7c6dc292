package contract

// AppliedUpdate is an update a run applied, with the receipt it answered.
type AppliedUpdate[R any] struct {
	ID      string `json:"id"`
	Receipt R      `json:"receipt"`
}
