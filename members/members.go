// Package members is the register of e-mail addresses of the council's county members and the
// networks: a CSV file "member_id,email" (one row per member) that the office keeps and can
// replace without a code change. Addresses stay out of the workflows; the notice activities
// look them up here.
package members

import (
	"encoding/csv"
	"fmt"
	"io"
	"net/mail"
	"os"
	"strings"
)

// Directory maps member IDs ("county:01", "network:kommundirektorsnatverket") to addresses.
type Directory map[string]string

// Address implements activities.MemberDirectory.
func (d Directory) Address(member string) (string, bool) {
	a, ok := d[member]
	return a, ok
}

// Load reads the register. Every problem names the line, so the office can fix the file.
func Load(r io.Reader) (Directory, error) {
	rd := csv.NewReader(r)
	rd.FieldsPerRecord = 2
	d := Directory{}
	for line := 1; ; line++ {
		rec, err := rd.Read()
		if err == io.EOF {
			return d, nil
		}
		if err != nil {
			return nil, fmt.Errorf("medlemsregistret rad %d: %w", line, err)
		}
		id, addr := strings.TrimSpace(rec[0]), strings.TrimSpace(rec[1])
		if line == 1 && id == "member_id" {
			continue
		}
		if id == "" || !strings.Contains(id, ":") {
			return nil, fmt.Errorf("medlemsregistret rad %d: medlems-id %q ska se ut som county:01 eller network:namn", line, id)
		}
		if a, err := mail.ParseAddress(addr); err != nil || a.Address != addr {
			return nil, fmt.Errorf("medlemsregistret rad %d: ogiltig e-postadress för %s", line, id)
		}
		if _, dup := d[id]; dup {
			return nil, fmt.Errorf("medlemsregistret rad %d: %s finns redan", line, id)
		}
		d[id] = addr
	}
}

// LoadFile reads the register from a file; an empty path is an empty register (every notice
// then goes to the office, which is told whom to contact).
func LoadFile(path string) (Directory, error) {
	if path == "" {
		return Directory{}, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("medlemsregistret: %w", err)
	}
	defer f.Close()
	return Load(f)
}
