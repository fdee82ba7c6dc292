// Package contract is what admin tools need to talk to Handslag's workflows: the task queue and
// namespace, the workflow types and their ID schemes, the message and query names (each message
// is both an Update, which validates and answers, and a Signal with the same payload), the
// payload and result types, the custom search attributes and the update-ID schemes. Payloads
// are the domain package's command structs; every one carries "by" (who) and "reason" (why).
//
// It has no workflow code: the CLI, the web server and other clients import it (and package
// admin), and only the worker imports package workflows.
package contract
