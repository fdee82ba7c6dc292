// Command smtpsink (internal/smtpsink) is a real SMTP server that keeps what it receives and lists it over HTTP, for
// the production proof (scripts/postgres-proof): the workers send their e-mail to it, and the
// end-to-end tests count the messages per recipient there.
//
//	smtpsink --smtp 127.0.0.1:2525 --http 127.0.0.1:8025
//	curl http://127.0.0.1:8025/messages   # JSON: to, subject, message_id of every message
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"net/http"
	"os"
	"os/signal"
	"syscall"

	"github.com/skr/handslag/mail/smtptest"
)

// Received is one message as the list gives it.
type Received struct {
	To        []string `json:"to"`
	Subject   string   `json:"subject"`
	MessageID string   `json:"message_id"`
	Body      string   `json:"body"`
}

func main() {
	smtpAddr := flag.String("smtp", "127.0.0.1:2525", "where the SMTP server listens")
	httpAddr := flag.String("http", "127.0.0.1:8025", "where GET /messages lists what arrived")
	flag.Parse()
	srv, err := smtptest.Listen(*smtpAddr)
	if err != nil {
		fmt.Fprintln(os.Stderr, "smtpsink:", err)
		os.Exit(1)
	}
	http.HandleFunc("GET /messages", func(w http.ResponseWriter, _ *http.Request) {
		msgs := srv.Messages()
		out := make([]Received, len(msgs))
		for i, m := range msgs {
			out[i] = Received{To: m.To, Subject: m.Subject, MessageID: m.MessageID(), Body: m.Body}
		}
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(out)
	})
	go func() {
		if err := http.ListenAndServe(*httpAddr, nil); err != nil {
			fmt.Fprintln(os.Stderr, "smtpsink:", err)
			os.Exit(1)
		}
	}()
	fmt.Printf("smtpsink: SMTP on %s, messages on http://%s/messages\n", srv.Addr, *httpAddr)
	stop := make(chan os.Signal, 1)
	signal.Notify(stop, os.Interrupt, syscall.SIGTERM)
	<-stop
	_ = srv.Close()
}
