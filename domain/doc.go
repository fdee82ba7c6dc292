// Package domain holds the preparation process of Handslag för digitalisering as plain Go:
// stages, the season calendar, the must-requirements, the criteria and the rules for what
// may happen when. It has no Temporal imports, so every rule is table-testable and the
// workflow stays a thin shell that feeds messages and clock ticks into it.
package domain
