// Package testkeys holds the keys the tests seal with. They are public, so nothing real is
// ever sealed with them; they are fixed so that recorded sealed histories replay.
package testkeys

// CodecRing is a payload codec key ring (codec.ParseRing) for tests and recorded histories.
const CodecRing = "test-2026-12=abababababababababababababababababababababababababababababababab"
