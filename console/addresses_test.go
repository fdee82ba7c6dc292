package console

import (
	"bytes"
	"context"
	"mime/multipart"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/skr/handslag/contacts"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The office keeps the address register in the console: an address added and removed, each
// change in the log under the signed-in person; a bad address is refused in words and changes
// nothing.
func TestTheOfficeKeepsTheAddressRegister(t *testing.T) {
	h := newHarness(t)
	ctx := context.Background()
	anna := h.signIn("anna")
	res := h.get(anna, "/konsol/adresser")
	require.Equal(t, http.StatusOK, res.Status)
	assert.Contains(t, res.Body, "290 parter, 290 saknar adress")
	res = h.get(anna, "/konsol/adresser/kommuner?saknar=ja")
	assert.Contains(t, res.Body, "290 parter")

	path := "/konsol/adresser/kommuner/0180"
	res = h.post(anna, path+"/lagg-till", url.Values{"email": {"inte en adress"}, "note": {"fel"}})
	assert.Equal(t, http.StatusUnprocessableEntity, res.Status)
	assert.Contains(t, res.Body, "inte en adress är ingen giltig e-postadress")
	got, err := h.db.Addresses(ctx, contacts.Municipality, "0180")
	require.NoError(t, err)
	assert.Empty(t, got)

	res = h.post(anna, path+"/lagg-till", url.Values{"email": {"Stadsledningen <stadsledning@stockholm.example>"}, "note": {"nytt kontor"}})
	require.Equal(t, http.StatusSeeOther, res.Status, res.Body)
	page := h.get(anna, path+"?klart=tillagd")
	assert.Contains(t, page.Body, "Klart: adressen är tillagd.")
	assert.Contains(t, page.Body, "stadsledning@stockholm.example lades till · "+email("anna"))
	assert.Contains(t, page.Body, "nytt kontor")

	res = h.post(anna, path+"/ta-bort", url.Values{"email": {"stadsledning@stockholm.example"}})
	require.Equal(t, http.StatusSeeOther, res.Status)
	got, err = h.db.Addresses(ctx, contacts.Municipality, "0180")
	require.NoError(t, err)
	assert.Empty(t, got)
	log, err := h.db.AddressChanges(ctx, contacts.Municipality, "0180", 10)
	require.NoError(t, err)
	require.Len(t, log, 2)
	assert.Equal(t, email("anna"), log[0].By)

	assert.Equal(t, http.StatusNotFound, h.get(anna, "/konsol/adresser/kommuner/9999").Status)
	assert.Equal(t, http.StatusForbidden, h.get(h.signIn("lena"), "/konsol/adresser").Status, "the leadership does not keep it")
	lena := h.signIn("lena")
	assert.Equal(t, http.StatusForbidden, h.post(lena, path+"/lagg-till", url.Values{"email": {"x@y.se"}}).Status)
}

// An import with bad rows reports each by its line and changes nothing; a good one (an
// uploaded file as Swedish Excel saves it) replaces the register and says what changed; the
// export reads back as it was, with a byte order mark for Excel.
func TestAnAddressImport(t *testing.T) {
	h := newHarness(t)
	ctx := context.Background()
	anna := h.signIn("anna")
	_, err := h.db.AddAddress(ctx, contacts.Entry{Kind: contacts.Municipality, Party: "2584", Email: "kommun@kiruna.example"}, "x", "")
	require.NoError(t, err)

	res := h.post(anna, "/konsol/adresser/kommuner/import", url.Values{"csv": {"municipality_code,email\n114,a@vasby.example\n0180,nope\n0180,ok@stockholm.example\n"}})
	assert.Equal(t, http.StatusUnprocessableEntity, res.Status)
	assert.Contains(t, res.Body, "Rad 2: 114 är ingen kommunkod; har ett kalkylprogram tagit bort den inledande nollan?")
	assert.Contains(t, res.Body, "Rad 3: nope är ingen giltig e-postadress")
	reg, err := h.db.Register(ctx, contacts.Municipality)
	require.NoError(t, err)
	assert.Len(t, reg, 1, "nothing changed")

	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	fw, err := mw.CreateFormFile("file", "kontakter.csv")
	require.NoError(t, err)
	_, _ = fw.Write([]byte("\uFEFFmunicipality_code;email\r\n0114;registrator@vasby.example\r\n0180;stadsledning@stockholm.example\r\n"))
	require.NoError(t, mw.Close())
	req, err := http.NewRequest(http.MethodPost, h.base+"/konsol/adresser/kommuner/import", &body)
	require.NoError(t, err)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	r, err := anna.Do(req)
	require.NoError(t, err)
	got := read(t, r)
	require.Equal(t, http.StatusOK, got.Status, got.Body)
	assert.Contains(t, got.Body, "Klart: 2 rader importerades; 2 adresser lades till och 1 togs bort.")

	csv := h.get(anna, "/konsol/adresser/kommuner/adresser.csv")
	assert.Equal(t, "\uFEFFmunicipality_code,email\n0114,registrator@vasby.example\n0180,stadsledning@stockholm.example\n", csv.Body)
	assert.True(t, strings.HasPrefix(csv.Body, "\uFEFF"))
	log, err := h.db.AddressChanges(ctx, contacts.Municipality, "", 10)
	require.NoError(t, err)
	require.Len(t, log, 4)
	assert.Equal(t, email("anna"), log[0].By)
}
