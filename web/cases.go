package web

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/skr/handslag/cases"
	"github.com/skr/handslag/domain"
	"github.com/skr/handslag/i18n"
	"go.uber.org/zap"
)

// CaseListConfig is what NewCaseList needs. Cases is required.
type CaseListConfig struct {
	Cases cases.Reader

	Lang     i18n.Lang      // Swedish by default
	Location *time.Location // for dates; Europe/Stockholm by default
	Logger   *zap.Logger    // nothing is logged by default
}

// CaseListRoutes are the paths NewCaseList answers: the page, its JSON and CSV, and the
// stylesheet it shares with the answer form. A server that also serves other pages sends
// these paths to the case list (see cmd/handslag-web).
var CaseListRoutes = []string{"/arenden", "/arenden.json", "/arenden.csv", "/static/style.css"}

type caseList struct {
	cfg   CaseListConfig
	pages *pages
}

// NewCaseList returns the public case list's handler: GET /arenden (the page, with filters and
// paging), /arenden.json and /arenden.csv (the same data, every case the filter selects). It
// panics without Cases, a wiring mistake that must stop the program at start.
func NewCaseList(cfg CaseListConfig) http.Handler {
	if cfg.Cases == nil {
		panic("web.NewCaseList: Config.Cases is required")
	}
	if cfg.Lang == "" {
		cfg.Lang = i18n.Swedish
	}
	if cfg.Location == nil {
		cfg.Location = domain.Stockholm()
	}
	if cfg.Logger == nil {
		cfg.Logger = zap.NewNop()
	}
	l := &caseList{cfg: cfg, pages: parsePages(cfg.Lang, cfg.Location, "cases", "message")}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /arenden", l.page)
	mux.HandleFunc("GET /arenden.json", l.json)
	mux.HandleFunc("GET /arenden.csv", l.csv)
	mux.HandleFunc("GET /static/style.css", serveStyle)
	mux.HandleFunc("GET /", func(w http.ResponseWriter, r *http.Request) {
		l.message(w, http.StatusNotFound, "cases.notfound")
	})
	return securityHeaders(mux)
}

// load reads the records. Unreadable files are logged and left out; the rest is listed.
func (l *caseList) load(ctx context.Context) ([]cases.Record, error) {
	all, err := l.cfg.Cases.All(ctx)
	var unreadable *cases.UnreadableError
	if errors.As(err, &unreadable) {
		l.cfg.Logger.Error("case list: records skipped", zap.Error(err))
		return all, nil
	}
	if err != nil {
		l.cfg.Logger.Error("case list: cannot read", zap.Error(err))
	}
	return all, err
}

func (l *caseList) t(key string, args ...any) string { return i18n.T(l.cfg.Lang, key, args...) }

func (l *caseList) views(res cases.Result) []caseView {
	out := make([]caseView, len(res.Cases))
	for i, s := range res.Cases {
		out[i] = viewCase(l.cfg.Lang, l.cfg.Location, s)
	}
	return out
}

// jsonList is the JSON document: the filter as understood, the paging and the cases.
type jsonList struct {
	Filter  cases.Filter `json:"filter"`
	Total   int          `json:"total"`
	Page    int          `json:"page"`
	PerPage int          `json:"per_page"`
	Pages   int          `json:"pages"`
	Next    string       `json:"next,omitempty"`
	Prev    string       `json:"previous,omitempty"`
	Cases   []caseView   `json:"cases"`
}

// jsonError explains a refused request in the same words as the page.
type jsonError struct {
	Error struct {
		Code      domain.ErrorCode `json:"code"`
		Parameter string           `json:"parameter"`
		Message   string           `json:"message"`
	} `json:"error"`
}

func (l *caseList) json(w http.ResponseWriter, r *http.Request) {
	f, p, err := cases.ParseQuery(r.URL.Query())
	if err != nil {
		var body jsonError
		body.Error.Code, body.Error.Parameter, body.Error.Message = domain.CodeInvalidValue, paramOf(err), l.paramMessage(err)
		writeJSON(w, http.StatusBadRequest, body)
		return
	}
	all, err := l.load(r.Context())
	if err != nil {
		writeJSON(w, http.StatusServiceUnavailable, map[string]any{"error": map[string]string{
			"code": "unavailable", "message": l.t("cases.unavailable.title")}})
		return
	}
	res := cases.Select(all, f, p)
	doc := jsonList{Filter: f, Total: res.Total, Page: res.Page.Number, PerPage: res.Page.Size, Pages: res.Pages, Cases: l.views(res)}
	if res.Page.Number < res.Pages {
		doc.Next = "/arenden.json?" + f.Query(cases.Page{Number: res.Page.Number + 1, Size: p.Size}).Encode()
	}
	if res.Page.Number > 1 {
		doc.Prev = "/arenden.json?" + f.Query(cases.Page{Number: min(res.Page.Number-1, res.Pages), Size: p.Size}).Encode()
	}
	writeJSON(w, http.StatusOK, doc)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	_ = enc.Encode(v)
}

// csv writes every case the filter selects (paging parameters are checked but not applied:
// the file is the whole selection).
func (l *caseList) csv(w http.ResponseWriter, r *http.Request) {
	f, _, err := cases.ParseQuery(r.URL.Query())
	if err != nil {
		writePlain(w, http.StatusBadRequest, l.paramMessage(err))
		return
	}
	all, err := l.load(r.Context())
	if err != nil {
		writePlain(w, http.StatusServiceUnavailable, l.t("cases.unavailable.title"))
		return
	}
	res := cases.Select(all, f, cases.Page{})
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="arenden.csv"`)
	cw := csv.NewWriter(w)
	_ = cw.Write(casesCSVHeader)
	for _, v := range l.views(res) {
		_ = cw.Write(v.csvRow())
	}
	cw.Flush()
}

// paramOf names the query parameter a ParseQuery error is about.
func paramOf(err error) string {
	var ve *domain.ValidationError
	if errors.As(err, &ve) {
		return ve.Field
	}
	return ""
}

// paramMessage says in plain words how to fix a query parameter.
func (l *caseList) paramMessage(err error) string {
	return l.t("cases.error." + paramOf(err))
}

func itoa(n int) string { return strconv.Itoa(n) }

func btoa(b bool) string { return strconv.FormatBool(b) }

// queryString is a filter and page as a link's query, "" when empty.
func queryString(q url.Values) string {
	if len(q) == 0 {
		return ""
	}
	return "?" + q.Encode()
}
