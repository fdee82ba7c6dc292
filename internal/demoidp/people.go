// Package demoidp is the local system's own identity provider: a real OpenID Connect provider
// (github.com/zitadel/oidc's op package, an OpenID-certified library, over its in-memory
// example storage) with a few demo people, one per role, so that the console signs in through
// exactly the same OIDC code as in production without an outside provider. Only handslag-local
// and the tests use it; handslag-web never links it (a layout test keeps it so).
package demoidp

// Person is a demo person: who they are and the groups the provider puts in the ID token's
// "groups" claim, which the local role mapping (RoleMap) turns into roles.
type Person struct {
	Username string
	Name     string
	Email    string
	Groups   []string
	// Role says in words what the person does, for the sign-in page (an i18n key).
	RoleKey string
}

// People are the demo people, one per role.
var People = []Person{
	{Username: "anna", Name: "Anna Andersson", Email: "anna.andersson@programkontoret.example", Groups: []string{"handslag-programkontoret"}, RoleKey: "demoidp.role.office"},
	{Username: "lena", Name: "Lena Larsson", Email: "lena.larsson@ledningen.example", Groups: []string{"handslag-ledningen"}, RoleKey: "demoidp.role.leadership"},
	{Username: "karin", Name: "Karin Karlsson", Email: "karin.karlsson@region-stockholm.example", Groups: []string{"handslag-radet-stockholm"}, RoleKey: "demoidp.role.council"},
	{Username: "nils", Name: "Nils Nilsson", Email: "nils.nilsson@kommundirektorer.example", Groups: []string{"handslag-kommundirektorsnatverket"}, RoleKey: "demoidp.role.network"},
	{Username: "olle", Name: "Olle Olsson", Email: "olle.olsson@inera.example", Groups: []string{"handslag-inera"}, RoleKey: "demoidp.role.owner"},
	{Username: "utan", Name: "Urban Utan", Email: "urban.utan@example.org", Groups: []string{"annan-grupp"}, RoleKey: "demoidp.role.none"},
}

// RoleMap is the role mapping that goes with the demo people (the same format as
// HANDSLAG_OIDC_ROLES).
const RoleMap = "handslag-programkontoret=office,handslag-ledningen=leadership,handslag-radet-stockholm=county:01," +
	"handslag-kommundirektorsnatverket=network:kommundirektorsnatverket,handslag-inera=owner:Inera"

// GroupsScope is the scope that asks for the groups claim.
const GroupsScope = "groups"

// ClientID is the console's client at the demo provider.
const ClientID = "handslag-konsol"
