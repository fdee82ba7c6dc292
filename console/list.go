package console

import (
	"net/http"
	"strconv"

	"github.com/skr/handslag/admin"
	"github.com/skr/handslag/domain"
	"github.com/skr/handslag/signin"
)

type listPage struct {
	page
	Filter   admin.Filter
	Stages   []option
	Owners   []option
	Items    []todo
	Problems []string
}

type option struct {
	Value, Label string
	Selected     bool
}

// list is every initiative, filtered as the Web UI's search attributes filter: stage, owner,
// cycle year, escalated; closed ones too when asked.
func (c *Console) list(w http.ResponseWriter, r *http.Request, p signin.Person) {
	q := r.URL.Query()
	lp := listPage{page: c.base(&p, c.t("console.list.title"), "list")}
	f := admin.Filter{Escalated: q.Get("eskalerade") == "ja", IncludeClosed: q.Get("avslutade") == "ja"}
	if s := q.Get("steg"); s != "" {
		st, err := domain.ParseStage(s)
		if err != nil {
			lp.Problems = append(lp.Problems, c.t("console.list.bad_stage", "value", s))
		}
		f.Stage = st
	}
	if o := q.Get("agare"); o != "" {
		ow, err := domain.ParseOwner(o)
		if err != nil {
			lp.Problems = append(lp.Problems, c.t("console.list.bad_owner", "value", o))
		}
		f.Owner = ow
	}
	if y := q.Get("ar"); y != "" {
		n, err := strconv.Atoi(y)
		if err != nil || n < 2000 || n > 2200 {
			lp.Problems = append(lp.Problems, c.t("console.list.bad_year", "value", y))
		} else {
			f.CycleYear = n
		}
	}
	lp.Filter = f
	lp.Stages = []option{{Value: "", Label: c.t("console.list.any")}}
	for _, s := range domain.Stages {
		lp.Stages = append(lp.Stages, option{Value: string(s), Label: c.t("stage." + string(s)), Selected: s == f.Stage})
	}
	lp.Owners = []option{{Value: "", Label: c.t("console.list.any")}}
	for _, o := range domain.Owners {
		lp.Owners = append(lp.Owners, option{Value: string(o), Label: string(o), Selected: o == f.Owner})
	}
	status := http.StatusOK
	if len(lp.Problems) > 0 {
		lp.Error, status = true, http.StatusBadRequest
		c.render(w, status, "list", lp)
		return
	}
	items, err := c.cfg.Backend.List(r.Context(), f)
	if err != nil {
		c.unavailable(w, r, p, err)
		return
	}
	for _, s := range items {
		lp.Items = append(lp.Items, c.todoOf(s))
	}
	c.render(w, status, "list", lp)
}

func itoa(n int) string { return strconv.Itoa(n) }
