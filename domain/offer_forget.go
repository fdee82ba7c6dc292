package domain

import (
	"slices"
	"strconv"
	"strings"
)

// ForgetAnswerer erases the name, role and comment of answers at the answerer's request; the
// municipality's decision stays, as it is the municipality's and not the person's. It names
// the answers by municipality and version, never by the name it erases, so that the message
// does not carry the data into the history again.
type ForgetAnswerer struct {
	Meta
	Municipality string `json:"municipality"`
	Versions     []int  `json:"versions"`
}

// CheckForget reports why c would be refused: a sender who is not the office, no versions,
// or a version that does not exist or holds nothing to erase.
func (r *OfferRound) CheckForget(c ForgetAnswerer) error {
	if err := c.validateFor(ActForgetAnswerer); err != nil {
		return err
	}
	if c.Municipality == "" {
		return missing("municipality")
	}
	if len(c.Versions) == 0 {
		return missing("versions")
	}
	for _, v := range c.Versions {
		i := r.answerIndex(c.Municipality, v)
		if i < 0 {
			return invalid("versions", strconv.Itoa(v)).hint("no_such_answer", "municipality", c.Municipality, "version", strconv.Itoa(v))
		}
		if a := r.Answers[i]; a.Name == "" && a.Role == "" && a.Comment == "" {
			return invalid("versions", strconv.Itoa(v)).hint("answer_already_forgotten")
		}
	}
	return nil
}

// Forget checks c and, only if it is valid, erases the named answers' name, role and comment.
func (r *OfferRound) Forget(c ForgetAnswerer) error {
	if err := r.CheckForget(c); err != nil {
		return err
	}
	for i, a := range r.Answers {
		if a.Municipality == c.Municipality && slices.Contains(c.Versions, a.Version) {
			r.Answers[i].Name, r.Answers[i].Role, r.Answers[i].Comment = "", "", ""
		}
	}
	r.Revision++
	return nil
}

// AnswersBy lists the answer versions a person gave, by name (compared without regard to case
// or surrounding space), grouped as ForgetAnswerer names them.
func (r *OfferRound) AnswersBy(name string) []ForgetAnswerer {
	var out []ForgetAnswerer
	for _, a := range r.Answers {
		if name == "" || !equalFoldTrim(a.Name, name) {
			continue
		}
		j := slices.IndexFunc(out, func(f ForgetAnswerer) bool { return f.Municipality == a.Municipality })
		if j >= 0 {
			out[j].Versions = append(out[j].Versions, a.Version)
			continue
		}
		out = append(out, ForgetAnswerer{Municipality: a.Municipality, Versions: []int{a.Version}})
	}
	return out
}

func equalFoldTrim(a, b string) bool {
	return strings.EqualFold(strings.TrimSpace(a), strings.TrimSpace(b))
}

func (r *OfferRound) answerIndex(municipality string, version int) int {
	return slices.IndexFunc(r.Answers, func(a AnswerVersion) bool { return a.Municipality == municipality && a.Version == version })
}
