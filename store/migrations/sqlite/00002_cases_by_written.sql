-- The change feed of the public case list reads the cases written last.

-- +goose Up
CREATE INDEX cases_by_written ON cases (written DESC, id);

-- +goose Down
DROP INDEX cases_by_written;
