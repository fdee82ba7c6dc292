package devserver

import (
	"fmt"
	"strings"

	"go.temporal.io/server/common/log"
	"go.temporal.io/server/common/log/tag"
)

// StartError says why the embedded server could not start: the server's own fatal message
// (for example "Failed to start gRPC listener" with "address already in use"), which it would
// otherwise write to its log before ending the whole process (or, with no log, ignore).
type StartError struct {
	Message string
	Detail  string
}

func (e *StartError) Error() string {
	if e.Detail == "" {
		return "the Temporal server could not start: " + e.Message
	}
	return "the Temporal server could not start: " + e.Message + " (" + e.Detail + ")"
}

// addressInUse reports whether the server failed because a port was taken.
func (e *StartError) addressInUse() bool {
	return strings.Contains(e.Detail, "address already in use")
}

// fatalLogger passes everything to the server's logger, but turns Fatal into a panic with a
// *StartError that Start recovers, so a server that cannot start fails its caller (the test
// that started it, or handslag-local) with the reason instead of exiting the process.
type fatalLogger struct{ log.Logger }

func (l fatalLogger) Fatal(msg string, tags ...tag.Tag) {
	l.Logger.Error(msg, tags...)
	var details []string
	for _, t := range tags {
		details = append(details, fmt.Sprintf("%s=%v", t.Key(), t.Value()))
	}
	panic(&StartError{Message: msg, Detail: strings.Join(details, ", ")})
}

// With keeps the Fatal behaviour on loggers derived with tags.
func (l fatalLogger) With(tags ...tag.Tag) log.Logger {
	return fatalLogger{log.With(l.Logger, tags...)}
}

// recoverStart turns a *StartError panic into *err; other panics go on.
func recoverStart(err *error) {
	p := recover()
	if p == nil {
		return
	}
	if se, ok := p.(*StartError); ok {
		*err = se
		return
	}
	panic(p)
}
