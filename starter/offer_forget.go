package starter

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/skr/handslag/domain"
)

// offerForget erases who answered (name, role, comment) at a person's request: the answers
// given under --name in the round, or the --versions of one --municipality. The message names
// municipality and versions only, never the name; the municipality's decision stays. The
// update ID is made from what is erased, so running the command again is answered, not
// applied twice.
func (c *CLI) offerForget(ctx context.Context, args []string) error {
	f := c.newFlags("offer forget", domain.RoleOffice, true)
	name := f.String("name", "", "cli.flag.name.forget")
	municipality := f.String("municipality", "", "cli.flag.municipality.offer")
	versions := f.String("versions", "", "cli.flag.versions.forget")
	id, err := f.parse(args, true)
	if err != nil {
		return err
	}
	byName := strings.Join(strings.Fields(*name), " ")
	if (byName == "") == (*municipality == "") {
		return usagef("%s", c.t("cli.offer_forget_what"))
	}
	var todo []domain.ForgetAnswerer
	if byName == "" {
		vs, err := parseVersions(*versions)
		if err != nil {
			return usagef("%s", c.t("cli.offer_forget_versions", "value", *versions))
		}
		todo = []domain.ForgetAnswerer{{Municipality: *municipality, Versions: vs}}
	}
	a, err := c.dial(ctx, f)
	if err != nil {
		return err
	}
	defer a.Close()
	if byName != "" {
		round, err := a.OfferRound(ctx, id)
		if err != nil {
			return err
		}
		todo = round.AnswersBy(byName)
		if len(todo) == 0 {
			fmt.Fprintln(c.Out, c.t("cli.offer_forget_none", "id", id))
			return nil
		}
	}
	for _, fa := range todo {
		fa.Meta = f.meta()
		if err := a.ForgetAnswerer(ctx, id, fa, forgetUpdateID(id, fa)); err != nil {
			return err
		}
		fmt.Fprintln(c.Out, c.t("cli.offer_forgotten", "municipality", fa.Municipality, "versions", joinInts(fa.Versions)))
	}
	return nil
}

func parseVersions(s string) ([]int, error) {
	var out []int
	for _, p := range splitList(s) {
		v, err := strconv.Atoi(p)
		if err != nil || v < 1 {
			return nil, fmt.Errorf("version %q", p)
		}
		out = append(out, v)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no versions")
	}
	return out, nil
}

func forgetUpdateID(id string, fa domain.ForgetAnswerer) string {
	return "forget-answerer/" + id + "/" + fa.Municipality + "/" + joinInts(fa.Versions)
}

func joinInts(vs []int) string {
	s := make([]string, len(vs))
	for i, v := range vs {
		s[i] = strconv.Itoa(v)
	}
	return strings.Join(s, ",")
}
