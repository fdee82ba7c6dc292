package domain

import "time"

// ForgetContact erases the proposer's contact e-mail from the initiative at the person's
// request (the right to erasure). It names no address: the office finds the initiative by
// searching first, and the message must not carry the data it erases into the history again.
// The need, its title and every decision stay; the timeline notes that the contact was erased.
type ForgetContact struct {
	Meta
}

func (c ForgetContact) check(in *Initiative, _ time.Time) error {
	if err := c.validateFor(ActForgetContact); err != nil {
		return err
	}
	if in.Need.ContactEmail == "" {
		return invalid("contact_email", "").hint("nothing_to_forget")
	}
	return nil
}

func (c ForgetContact) apply(in *Initiative, now time.Time) {
	in.Need.ContactEmail = ""
	in.note(now, "contact_forgotten", c.By.ID, c.Reason)
}
