package demoidp

import (
	"context"
	"html/template"
	"net/http"

	"github.com/skr/handslag/i18n"
)

// login is the demo provider's sign-in page: the demo people, each a button. A real provider
// asks for a password or a second factor here; the demo signs in whoever is chosen.
type login struct {
	storage  *demoStorage
	callback func(context.Context, string) string
	path     string
}

type loginPage struct {
	Lang    string
	ID      string
	Path    string
	People  []Person
	Problem bool
}

var loginTemplate = template.Must(template.New("login").Funcs(template.FuncMap{
	"t": func(key string, args ...any) string { return i18n.T(i18n.Swedish, key, args...) },
}).Parse(`<!doctype html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>{{t "demoidp.title"}}</title>
<style>
body { font-family: system-ui, sans-serif; line-height: 1.5; margin: 0; color: #1a1a1a; background: #fff; }
main { max-width: 40rem; margin: 0 auto; padding: 1rem; }
ul { list-style: none; padding: 0; }
li { margin: 0 0 .75rem; }
button { font: inherit; padding: .5rem 1rem; border: 2px solid #1f4e79; background: #fff; color: #1f4e79; border-radius: 4px; cursor: pointer; text-align: left; width: 100%; }
button:hover { background: #eef4fa; }
button:focus { outline: 3px solid #b35900; outline-offset: 2px; }
.role { display: block; font-size: .9rem; color: #333; }
.problem { border-left: 4px solid #a00; padding-left: .75rem; }
</style>
</head>
<body>
<main>
<h1>{{t "demoidp.title"}}</h1>
<p>{{t "demoidp.intro"}}</p>
{{if .Problem}}<p class="problem" role="alert">{{t "demoidp.problem"}}</p>{{end}}
<form method="post" action="{{.Path}}">
<input type="hidden" name="id" value="{{.ID}}">
<ul>
{{range .People}}<li><button type="submit" name="username" value="{{.Username}}">{{.Name}}<span class="role">{{t .RoleKey}}</span></button></li>
{{end}}</ul>
</form>
</main>
</body>
</html>
`))

func (l *login) render(w http.ResponseWriter, status int, id string, problem bool) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	_ = loginTemplate.Execute(w, loginPage{Lang: "sv", ID: id, Path: l.path, People: People, Problem: problem})
}

func (l *login) page(w http.ResponseWriter, r *http.Request) {
	l.render(w, http.StatusOK, r.URL.Query().Get("authRequestID"), false)
}

// choose signs the chosen person in to the waiting authorization request and sends the
// browser back to the provider, which completes the code flow.
func (l *login) choose(w http.ResponseWriter, r *http.Request) {
	id, name := r.PostFormValue("id"), r.PostFormValue("username")
	if err := l.storage.CheckUsernamePassword(name, name, id); err != nil {
		l.render(w, http.StatusBadRequest, id, true)
		return
	}
	http.Redirect(w, r, l.callback(r.Context(), id), http.StatusFound)
}
