package workflows

import (
	"github.com/skr/handslag/contract"
	"github.com/skr/handslag/domain"
	"go.temporal.io/sdk/temporal"
	"go.temporal.io/sdk/workflow"
)

// What every long-running workflow shows in the Web UI's columns. Each run publishes its
// values after every turn of its loop; only those that differ from what the run shows now are
// upserted, in one command, so a turn that changed nothing costs no event.

// shown is one search attribute's value: its update, unless the run already shows it.
type shown func(current temporal.SearchAttributes) (temporal.SearchAttributeUpdate, bool)

func keywordShown(k temporal.SearchAttributeKeyKeyword, v string) shown {
	return func(current temporal.SearchAttributes) (temporal.SearchAttributeUpdate, bool) {
		got, ok := current.GetKeyword(k)
		return k.ValueSet(v), !ok || got != v
	}
}

func intShown(k temporal.SearchAttributeKeyInt64, v int64) shown {
	return func(current temporal.SearchAttributes) (temporal.SearchAttributeUpdate, bool) {
		got, ok := current.GetInt64(k)
		return k.ValueSet(v), !ok || got != v
	}
}

func boolShown(k temporal.SearchAttributeKeyBool, v bool) shown {
	return func(current temporal.SearchAttributes) (temporal.SearchAttributeUpdate, bool) {
		got, ok := current.GetBool(k)
		return k.ValueSet(v), !ok || got != v
	}
}

// stageShown, ownerShown, yearShown and escalatedShown are the columns the workflows share.
func stageShown(s string) shown { return keywordShown(contract.SAStage, s) }

// ownerShown is nothing until the owner is known (the column stays empty, not "").
func ownerShown(o domain.Owner) shown {
	if o == "" {
		return nil
	}
	return keywordShown(contract.SAOwner, string(o))
}

func yearShown(y int) shown       { return intShown(contract.SACycleYear, int64(y)) }
func escalatedShown(e bool) shown { return boolShown(contract.SAEscalated, e) }

// publishShown upserts the values that changed, in the order given.
func publishShown(ctx workflow.Context, values ...shown) {
	current := workflow.GetTypedSearchAttributes(ctx)
	var updates []temporal.SearchAttributeUpdate
	for _, v := range values {
		if v == nil {
			continue
		}
		if u, changed := v(current); changed {
			updates = append(updates, u)
		}
	}
	if len(updates) == 0 {
		return
	}
	if err := workflow.UpsertTypedSearchAttributes(ctx, updates...); err != nil {
		workflow.GetLogger(ctx).Error("upsert search attributes", "error", err)
	}
}
