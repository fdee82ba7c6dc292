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
	"github.com/skr/handslag/legal"
	"go.uber.org/zap"
)

// CaseListConfig is what NewCaseList needs. Cases is required.
type CaseListConfig struct {
	Cases cases.Reader

	Lang     i18n.Lang      // Swedish by default
	Location *time.Location // for dates; Europe/Stockholm by default
	Logger   *zap.Logger    // nothing is logged by default
}

type caseList struct {
	cfg   CaseListConfig
	pages *pages
}

// NewCaseList returns a site with only the public case list (see NewSite).
func NewCaseList(cfg CaseListConfig) http.Handler { return NewSite(SiteConfig{Cases: &cfg}) }

// newCaseList checks and completes cfg: GET /arenden (the page, with filters and paging),
// /arenden.json and /arenden.csv (the same data, every case the filter selects). It panics
// without Cases, a wiring mistake that must stop the program at start.
func newCaseList(cfg CaseListConfig, facts legal.Facts) *caseList {
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
	return &caseList{cfg: cfg, pages: parsePages(cfg.Lang, cfg.Location, facts, "cases", "case", "message")}
}

// selectCases reads one page of the cases the filter selects; a failure is logged.
func (l *caseList) selectCases(ctx context.Context, f cases.Filter, p cases.Page) (cases.Result, error) {
	res, err := l.cfg.Cases.Select(ctx, f, p)
	if err != nil {
		l.cfg.Logger.Error("case list: cannot read", zap.Error(err))
	}
	return res, err
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
	res, err := l.selectCases(r.Context(), f, p)
	if err != nil {
		writeJSON(w, http.StatusServiceUnavailable, map[string]any{"error": map[string]string{
			"code": "unavailable", "message": l.t("cases.unavailable.title")}})
		return
	}
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
	res, err := l.selectCases(r.Context(), f, cases.Page{})
	if err != nil {
		writePlain(w, http.StatusServiceUnavailable, l.t("cases.unavailable.title"))
		return
	}
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
