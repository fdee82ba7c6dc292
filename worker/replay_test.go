package worker

import (
	"encoding/base64"
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/skr/handslag/codec"
	"github.com/skr/handslag/contract"
	"github.com/skr/handslag/domain"
	"github.com/skr/handslag/internal/testkeys"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	sdkworker "go.temporal.io/sdk/worker"
)

// historyDir holds the histories recorded from real runs (scripts/record-histories).
const historyDir = "../workflows/testdata"

// Every recorded history replays against today's workflows, registered exactly as the worker
// registers them: a change that is not deterministic for a history already written fails
// here. Such a change needs workflow.GetVersion and a new recording beside the old ones,
// never instead of them.
func TestReplayRecordedHistories(t *testing.T) {
	for _, f := range recordedHistories(t) {
		t.Run(filepath.Base(f), func(t *testing.T) {
			r := sdkworker.NewWorkflowReplayer()
			RegisterWorkflows(r)
			require.NoError(t, r.ReplayWorkflowHistoryFromJSONFile(nil, f))

			// A worker with the payload codec replays it too: histories written before the
			// codec was turned on hold plain payloads, which the codec passes through.
			require.NoError(t, sealedReplayer(t).ReplayWorkflowHistoryFromJSONFile(nil, f), "with the codec")
		})
	}
}

// The histories recorded with the payload codec on (sealed_*.json, sealed with the public
// test keys) replay with the codec: the workflow code reads the ciphertext's contents.
func TestReplaySealedHistories(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(historyDir, "sealed_*.json"))
	require.NoError(t, err)
	require.NotEmpty(t, files, "no sealed history recorded (scripts/record-histories)")
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			data, err := os.ReadFile(f)
			require.NoError(t, err)
			require.Contains(t, string(data), base64.StdEncoding.EncodeToString([]byte(codec.Encoding)), "its payloads are sealed")
			require.NoError(t, sealedReplayer(t).ReplayWorkflowHistoryFromJSONFile(nil, f))
		})
	}
}

// sealedReplayer replays with the payload codec of the test keys.
func sealedReplayer(t *testing.T) sdkworker.WorkflowReplayer {
	ring, err := codec.ParseRing(testkeys.CodecRing)
	require.NoError(t, err)
	r, err := sdkworker.NewWorkflowReplayerWithOptions(sdkworker.WorkflowReplayerOptions{DataConverter: codec.DataConverter(codec.New(ring))})
	require.NoError(t, err)
	RegisterWorkflows(r)
	return r
}

// Every workflow.GetVersion change ID appears in at least one recorded history, so the
// branch it introduced is replayed (the branch before it is replayed by the histories
// recorded earlier). A new change ID without a recording fails here: run
// scripts/record-histories.
func TestEveryVersionChangeIsRecorded(t *testing.T) {
	ids := versionChangeIDs(t)
	require.NotEmpty(t, ids)
	recorded := map[string]bool{}
	for _, h := range readHistories(t) {
		for _, id := range h.changeIDs() {
			recorded[id] = true
		}
	}
	for _, id := range ids {
		assert.True(t, recorded[id], "change %q appears in no recorded history: its branch is never replayed (scripts/record-histories)", id)
	}
}

// The corpus holds what runs in production: every workflow type, every stage an initiative
// passes, and every way an initiative and an implementation can end.
func TestCorpusCoversEveryWorkflowAndEveryEnd(t *testing.T) {
	types := map[string]bool{}
	ends := map[domain.Stage]bool{}
	passed := map[domain.Stage]bool{}
	for _, h := range readHistories(t) {
		types[h.workflowType()] = true
		if s := h.endStage(); s != "" {
			ends[s] = true
		}
		for _, s := range h.stages() {
			passed[s] = true
		}
	}
	for _, wt := range []string{contract.InitiativeWorkflowType, contract.CycleWorkflowType, contract.CycleLauncherWorkflowType,
		contract.OfferRoundWorkflowType, contract.ImplementationWorkflowType, contract.ProposalWorkflowType} {
		assert.True(t, types[wt], "no recorded history of %s", wt)
	}
	for _, s := range domain.Stages {
		if s.Closed() {
			assert.True(t, ends[s], "no recorded history ends in stage %s", s)
		}
		assert.True(t, passed[s], "no recorded initiative passes stage %s", s)
	}
}

func recordedHistories(t *testing.T) []string {
	files, err := filepath.Glob(filepath.Join(historyDir, "history_*.json"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	return files
}

// history is the part of a recorded history (the JSON the Web UI and the CLI export) the
// corpus tests read.
type history struct {
	name   string
	Events []struct {
		Started *struct {
			WorkflowType     struct{ Name string } `json:"workflowType"`
			SearchAttributes searchAttributes      `json:"searchAttributes"`
		} `json:"workflowExecutionStartedEventAttributes"`
		Marker *struct {
			MarkerName string                `json:"markerName"`
			Details    map[string]payloadSet `json:"details"`
		} `json:"markerRecordedEventAttributes"`
		Completed *struct {
			Result payloadSet `json:"result"`
		} `json:"workflowExecutionCompletedEventAttributes"`
		Upsert *struct {
			SearchAttributes searchAttributes `json:"searchAttributes"`
		} `json:"upsertWorkflowSearchAttributesEventAttributes"`
	} `json:"events"`
}

type searchAttributes struct {
	IndexedFields map[string]payload `json:"indexedFields"`
}

type payloadSet struct {
	Payloads []payload `json:"payloads"`
}

type payload struct {
	Data string `json:"data"`
}

// decode decodes the first payload's JSON into v.
func (p payloadSet) decode(v any) bool {
	return len(p.Payloads) > 0 && p.Payloads[0].decode(v)
}

func (p payload) decode(v any) bool {
	raw, err := base64.StdEncoding.DecodeString(p.Data)
	return err == nil && json.Unmarshal(raw, v) == nil
}

func readHistories(t *testing.T) []history {
	var hs []history
	for _, f := range recordedHistories(t) {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		h := history{name: filepath.Base(f)}
		require.NoError(t, json.Unmarshal(data, &h), f)
		hs = append(hs, h)
	}
	return hs
}

func (h history) workflowType() string {
	for _, e := range h.Events {
		if e.Started != nil {
			return e.Started.WorkflowType.Name
		}
	}
	return ""
}

// stages lists the stages an initiative published in its search attribute.
func (h history) stages() []domain.Stage {
	if h.workflowType() != contract.InitiativeWorkflowType {
		return nil
	}
	var out []domain.Stage
	for _, e := range h.Events {
		var sa searchAttributes
		switch {
		case e.Started != nil:
			sa = e.Started.SearchAttributes
		case e.Upsert != nil:
			sa = e.Upsert.SearchAttributes
		default:
			continue
		}
		var s domain.Stage
		if p, ok := sa.IndexedFields[contract.SAStage.GetName()]; ok && p.decode(&s) {
			out = append(out, s)
		}
	}
	return out
}

// changeIDs lists the change IDs of the history's version markers.
func (h history) changeIDs() []string {
	var ids []string
	for _, e := range h.Events {
		if e.Marker == nil || e.Marker.MarkerName != "Version" {
			continue
		}
		var id string
		if e.Marker.Details["change-id"].decode(&id) {
			ids = append(ids, id)
		}
	}
	return ids
}

// endStage is the stage an initiative or an implementation ended in ("" while it runs).
func (h history) endStage() domain.Stage {
	for _, e := range h.Events {
		var end struct {
			Stage domain.Stage `json:"stage"`
		}
		if e.Completed != nil && e.Completed.Result.decode(&end) {
			return end.Stage
		}
	}
	return ""
}

// versionChangeIDs finds the change ID of every workflow.GetVersion call in the workflows'
// code, resolving the constants they are given.
func versionChangeIDs(t *testing.T) []string {
	fset := token.NewFileSet()
	files, err := filepath.Glob("../workflows/*.go")
	require.NoError(t, err)
	consts := map[string]string{}
	var args []ast.Expr
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, f, nil, 0)
		require.NoError(t, err)
		ast.Inspect(file, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.ValueSpec:
				for i, name := range n.Names {
					if i < len(n.Values) {
						if lit, ok := n.Values[i].(*ast.BasicLit); ok && lit.Kind == token.STRING {
							consts[name.Name], _ = strconv.Unquote(lit.Value)
						}
					}
				}
			case *ast.CallExpr:
				if sel, ok := n.Fun.(*ast.SelectorExpr); ok && sel.Sel.Name == "GetVersion" && len(n.Args) >= 2 {
					args = append(args, n.Args[1])
				}
			}
			return true
		})
	}
	seen := map[string]bool{}
	for _, a := range args {
		var id string
		switch a := a.(type) {
		case *ast.BasicLit:
			id, _ = strconv.Unquote(a.Value)
		case *ast.Ident:
			id = consts[a.Name]
		}
		require.NotEmpty(t, id, "a GetVersion change ID that is not a string constant: %s", fset.Position(a.Pos()))
		seen[id] = true
	}
	ids := make([]string, 0, len(seen))
	for id := range seen {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}
