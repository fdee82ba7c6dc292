package console

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"strings"

	"github.com/skr/handslag/consolepath"
	"github.com/skr/handslag/contacts"
	"github.com/skr/handslag/domain"
	"github.com/skr/handslag/signin"
	"github.com/skr/handslag/store"
)

// AddressRegister is the address register in Handslag's database; *store.DB is it.
type AddressRegister interface {
	contacts.Book
	Register(ctx context.Context, kind contacts.Kind) ([]contacts.Entry, error)
	AddAddress(ctx context.Context, e contacts.Entry, by, note string) (bool, error)
	RemoveAddress(ctx context.Context, e contacts.Entry, by, note string) (bool, error)
	ReplaceRegister(ctx context.Context, kind contacts.Kind, entries []contacts.Entry, by, note string) (int, int, error)
	AddressChanges(ctx context.Context, kind contacts.Kind, party string, limit int) ([]store.AddressChange, error)
}

var _ AddressRegister = (*store.DB)(nil)

// maxImport is the largest CSV file an import takes (the 290 municipalities with several
// addresses each are far below it).
const maxImport = 1 << 20

type registerKind struct {
	Kind             contacts.Kind
	Slug, Name, Lead string
	Parties          int
	Missing          int
}

type addressesPage struct {
	page
	Kinds []registerKind
}

type partyRow struct {
	ID, Name  string
	Addresses []string
	Link      string
}

type kindPage struct {
	page
	Kind        registerKind
	Rows        []partyRow
	OnlyMissing bool
}

type partyPage struct {
	page
	Kind       registerKind
	Party      contacts.Party
	Addresses  []string
	Changes    []store.AddressChange
	Submission string
	Problems   []problem
	Email      string
	Note       string
	Done       string
}

type importPage struct {
	page
	Kind       registerKind
	Header     string
	Submission string
	Problems   []problem
	Text       string
	Done       string
}

// mayEdit answers the request itself when the person may not keep the register.
func (c *Console) mayEdit(w http.ResponseWriter, r *http.Request, p signin.Person) bool {
	if c.cfg.Addresses == nil {
		c.notFound(w, r, p)
		return false
	}
	if !p.May(domain.ActEditAddresses) {
		c.forbidden(w, r, p)
		return false
	}
	return true
}

func (c *Console) kind(k contacts.Kind) registerKind {
	return registerKind{Kind: k, Slug: consolepath.KindSlug(k), Name: c.t("console.addresses.kind." + string(k)),
		Lead: c.t("console.addresses.kind." + string(k) + ".lead")}
}

// addresses is the register's start page: each kind with how many parties lack an address.
func (c *Console) addresses(w http.ResponseWriter, r *http.Request, p signin.Person) {
	if !c.mayEdit(w, r, p) {
		return
	}
	ap := addressesPage{page: c.base(&p, c.t("console.addresses.title"), "addresses")}
	for _, k := range contacts.Kinds {
		entries, err := c.cfg.Addresses.Register(r.Context(), k)
		if err != nil {
			c.unavailable(w, r, p, err)
			return
		}
		rk := c.kind(k)
		have := map[string]bool{}
		for _, e := range entries {
			have[e.Party] = true
		}
		for _, party := range c.cfg.Parties.List(k) {
			rk.Parties++
			if !have[party.ID] {
				rk.Missing++
			}
		}
		ap.Kinds = append(ap.Kinds, rk)
	}
	c.render(w, http.StatusOK, "addresses", ap)
}

// addressKind lists every party of a kind with its addresses (only those without one, when
// asked).
func (c *Console) addressKind(w http.ResponseWriter, r *http.Request, p signin.Person) {
	if !c.mayEdit(w, r, p) {
		return
	}
	k, ok := consolepath.KindBySlug(r.PathValue("kind"))
	if !ok {
		c.notFound(w, r, p)
		return
	}
	entries, err := c.cfg.Addresses.Register(r.Context(), k)
	if err != nil {
		c.unavailable(w, r, p, err)
		return
	}
	byParty := map[string][]string{}
	for _, e := range entries {
		byParty[e.Party] = append(byParty[e.Party], e.Email)
	}
	kp := kindPage{page: c.base(&p, c.t("console.addresses.kind."+string(k)), "addresses"), Kind: c.kind(k),
		OnlyMissing: r.URL.Query().Get("saknar") == "ja"}
	for _, party := range c.cfg.Parties.List(k) {
		if kp.OnlyMissing && len(byParty[party.ID]) > 0 {
			continue
		}
		kp.Rows = append(kp.Rows, partyRow{ID: party.ID, Name: party.Name, Addresses: byParty[party.ID],
			Link: consolepath.Addresses(k) + "/" + party.ID})
	}
	c.render(w, http.StatusOK, "address_kind", kp)
}

// partyOf finds the party of a request.
func (c *Console) partyOf(r *http.Request) (contacts.Kind, contacts.Party, bool) {
	k, ok := consolepath.KindBySlug(r.PathValue("kind"))
	if !ok {
		return "", contacts.Party{}, false
	}
	for _, party := range c.cfg.Parties.List(k) {
		if party.ID == r.PathValue("party") {
			return k, party, true
		}
	}
	return "", contacts.Party{}, false
}

// addressParty is one party's addresses, a form to add one, and their change log.
func (c *Console) addressParty(w http.ResponseWriter, r *http.Request, p signin.Person) {
	if !c.mayEdit(w, r, p) {
		return
	}
	k, party, ok := c.partyOf(r)
	if !ok {
		c.notFound(w, r, p)
		return
	}
	pp := partyPage{page: c.base(&p, party.Name, "addresses"), Kind: c.kind(k), Party: party}
	switch r.URL.Query().Get("klart") {
	case "tillagd":
		pp.Done = c.t("console.addresses.added")
	case "borttagen":
		pp.Done = c.t("console.addresses.removed")
	}
	c.renderParty(w, http.StatusOK, r, p, pp)
}

func (c *Console) renderParty(w http.ResponseWriter, status int, r *http.Request, p signin.Person, pp partyPage) {
	var err error
	if pp.Addresses, err = c.cfg.Addresses.Addresses(r.Context(), pp.Kind.Kind, pp.Party.ID); err != nil {
		c.unavailable(w, r, p, err)
		return
	}
	if pp.Changes, err = c.cfg.Addresses.AddressChanges(r.Context(), pp.Kind.Kind, pp.Party.ID, 50); err != nil {
		c.unavailable(w, r, p, err)
		return
	}
	pp.Submission = submissionID()
	pp.Error = len(pp.Problems) > 0
	c.render(w, status, "address_party", pp)
}

// addressChange adds (action lagg-till) or removes (ta-bort) one address of a party, as the
// signed-in person, recorded in the change log.
func (c *Console) addressChange(w http.ResponseWriter, r *http.Request, p signin.Person) {
	if !c.mayEdit(w, r, p) {
		return
	}
	k, party, ok := c.partyOf(r)
	action := r.PathValue("change")
	if !ok || (action != "lagg-till" && action != "ta-bort") {
		c.notFound(w, r, p)
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxForm)
	if err := r.ParseForm(); err != nil {
		c.message(w, r, &p, http.StatusBadRequest, "console.bad_form")
		return
	}
	f := form{r.PostForm}
	back := consolepath.Addresses(k) + "/" + party.ID
	pp := partyPage{page: c.base(&p, party.Name, "addresses"), Kind: c.kind(k), Party: party, Email: f.get("email"), Note: f.get("note")}
	e, probs := c.cfg.Parties.Check(contacts.Entry{Kind: k, Party: party.ID, Email: f.get("email")})
	if len(probs) > 0 {
		pp.Problems = c.addressProblems(probs)
		c.renderParty(w, http.StatusUnprocessableEntity, r, p, pp)
		return
	}
	var err error
	if action == "lagg-till" {
		_, err = c.cfg.Addresses.AddAddress(r.Context(), e, p.ID, f.get("note"))
		back += "?klart=tillagd"
	} else {
		_, err = c.cfg.Addresses.RemoveAddress(r.Context(), e, p.ID, f.get("note"))
		back += "?klart=borttagen"
	}
	if err != nil {
		c.unavailable(w, r, p, err)
		return
	}
	http.Redirect(w, r, back, http.StatusSeeOther)
}

// addressProblems says an entry's or an import's problems in words, each by its line.
func (c *Console) addressProblems(probs contacts.Problems) []problem {
	var out []problem
	for _, pr := range probs {
		text := c.t("hint."+pr.Hint, "value", pr.Value)
		if pr.Line > 0 {
			text = c.t("console.addresses.line", "line", pr.Line, "problem", text)
		}
		anchor := ""
		if pr.Field == "email" && pr.Line == 0 {
			anchor = "f-email"
		}
		out = append(out, problem{Anchor: anchor, Text: text})
	}
	return out
}

// addressCSV exports a kind's register as CSV (UTF-8 with a byte order mark, which Swedish
// Excel needs to read å, ä and ö).
func (c *Console) addressCSV(w http.ResponseWriter, r *http.Request, p signin.Person) {
	if !c.mayEdit(w, r, p) {
		return
	}
	k, ok := consolepath.KindBySlug(r.PathValue("kind"))
	if !ok {
		c.notFound(w, r, p)
		return
	}
	entries, err := c.cfg.Addresses.Register(r.Context(), k)
	if err != nil {
		c.unavailable(w, r, p, err)
		return
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="adresser-`+consolepath.KindSlug(k)+`.csv"`)
	_, _ = io.WriteString(w, "\uFEFF")
	_ = contacts.WriteCSV(w, k, entries)
}

// addressImportForm shows the import of a kind's register.
func (c *Console) addressImportForm(w http.ResponseWriter, r *http.Request, p signin.Person) {
	if !c.mayEdit(w, r, p) {
		return
	}
	k, ok := consolepath.KindBySlug(r.PathValue("kind"))
	if !ok {
		c.notFound(w, r, p)
		return
	}
	ip := importPage{page: c.base(&p, c.t("console.addresses.import.title", "kind", c.t("console.addresses.kind."+string(k))), "addresses"),
		Kind: c.kind(k), Submission: submissionID(), Header: strings.Join(contacts.CSVHeader(k), ",")}
	c.render(w, http.StatusOK, "address_import", ip)
}

// addressImport replaces a kind's register with a CSV file (pasted or uploaded). Every bad row
// is reported and nothing changes while there is one; otherwise the register becomes exactly
// the file, each change in the log under the signed-in person.
func (c *Console) addressImport(w http.ResponseWriter, r *http.Request, p signin.Person) {
	if !c.mayEdit(w, r, p) {
		return
	}
	k, ok := consolepath.KindBySlug(r.PathValue("kind"))
	if !ok {
		c.notFound(w, r, p)
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxImport+maxForm)
	text, err := importText(r)
	ip := importPage{page: c.base(&p, c.t("console.addresses.import.title", "kind", c.t("console.addresses.kind."+string(k))), "addresses"),
		Kind: c.kind(k), Submission: submissionID(), Text: text, Header: strings.Join(contacts.CSVHeader(k), ",")}
	if err != nil {
		ip.Problems, ip.Error = []problem{{Anchor: "f-csv", Text: c.t("console.addresses.import.unreadable")}}, true
		c.render(w, http.StatusBadRequest, "address_import", ip)
		return
	}
	entries, probs := c.cfg.Parties.ParseCSV(k, strings.NewReader(text))
	if len(probs) > 0 {
		ip.Problems, ip.Error = c.addressProblems(probs), true
		c.render(w, http.StatusUnprocessableEntity, "address_import", ip)
		return
	}
	added, removed, err := c.cfg.Addresses.ReplaceRegister(r.Context(), k, entries, p.ID, c.t("console.addresses.import.note"))
	if err != nil {
		c.unavailable(w, r, p, err)
		return
	}
	ip.Text, ip.Done = "", c.t("console.addresses.import.done", "rows", len(entries), "added", added, "removed", removed)
	c.render(w, http.StatusOK, "address_import", ip)
}

// importText reads the CSV of an import: an uploaded file, or else the text field.
func importText(r *http.Request) (string, error) {
	if strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/form-data") {
		if err := r.ParseMultipartForm(maxImport); err != nil {
			return "", err
		}
		file, _, err := r.FormFile("file")
		if err == nil {
			defer file.Close()
			var b bytes.Buffer
			_, err = io.Copy(&b, file)
			return b.String(), err
		}
		if !errors.Is(err, http.ErrMissingFile) {
			return "", err
		}
		return r.FormValue("csv"), nil
	}
	if err := r.ParseForm(); err != nil {
		return "", err
	}
	return r.PostForm.Get("csv"), nil
}
