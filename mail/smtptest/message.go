package smtptest

import (
	"bytes"
	"encoding/base64"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net/mail"
	"strings"
)

// Message is one accepted message: the envelope, the raw data, and its decoded text.
type Message struct {
	From     string   // MAIL FROM
	To       []string // RCPT TO, in order
	TLS      bool     // the connection was encrypted when DATA arrived
	AuthUser string   // who authenticated ("" without AUTH)
	Data     []byte   // exactly as received

	Header  mail.Header // parsed headers (nil if Data is not a message)
	Subject string      // decoded from RFC 2047 words
	Body    string      // the text/plain body, transfer encoding undone
	Err     error       // why Header, Subject or Body could not be decoded
}

// MessageID is the Message-ID header as sent (angle brackets included).
func (m Message) MessageID() string { return m.Header.Get("Message-ID") }

func decode(data []byte) Message {
	m := Message{Data: data}
	msg, err := mail.ReadMessage(bytes.NewReader(data))
	if err != nil {
		m.Err = err
		return m
	}
	m.Header = msg.Header
	dec := new(mime.WordDecoder)
	if m.Subject, err = dec.DecodeHeader(msg.Header.Get("Subject")); err != nil {
		m.Err = err
		return m
	}
	body, err := textBody(msg.Header.Get("Content-Type"), msg.Header.Get("Content-Transfer-Encoding"), msg.Body)
	m.Body, m.Err = string(body), err
	return m
}

// textBody returns the first text/plain part, with its transfer encoding undone.
func textBody(contentType, encoding string, r io.Reader) ([]byte, error) {
	mediaType, params, err := mime.ParseMediaType(contentType)
	if contentType == "" {
		mediaType, err = "text/plain", nil
	}
	if err != nil {
		return nil, err
	}
	if strings.HasPrefix(mediaType, "multipart/") {
		mr := multipart.NewReader(r, params["boundary"])
		for {
			p, err := mr.NextRawPart()
			if err != nil {
				return nil, err
			}
			if ct := p.Header.Get("Content-Type"); ct == "" || strings.HasPrefix(ct, "text/plain") {
				return textBody(ct, p.Header.Get("Content-Transfer-Encoding"), p)
			}
		}
	}
	switch strings.ToLower(encoding) {
	case "quoted-printable":
		r = quotedprintable.NewReader(r)
	case "base64":
		r = base64.NewDecoder(base64.StdEncoding, newlineStripper{r})
	}
	body, err := io.ReadAll(r)
	return bytes.ReplaceAll(body, []byte("\r\n"), []byte("\n")), err
}

// newlineStripper drops line breaks so base64 split over lines decodes.
type newlineStripper struct{ r io.Reader }

func (n newlineStripper) Read(p []byte) (int, error) {
	k, err := n.r.Read(p)
	out := p[:0]
	for _, b := range p[:k] {
		if b != '\r' && b != '\n' {
			out = append(out, b)
		}
	}
	return len(out), err
}
