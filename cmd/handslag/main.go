// Command handslag is the admin CLI (see package starter).
package main

import "github.com/skr/handslag/starter"

func main() { starter.Main() }
