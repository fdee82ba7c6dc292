-- Retention: a sent e-mail's recipients and contents are removed after a period; the row and
-- its key stay, so that the message is still never sent twice. forgotten marks such rows.

-- +goose Up
ALTER TABLE mail ADD COLUMN forgotten INTEGER NOT NULL DEFAULT 0;

-- +goose Down
ALTER TABLE mail DROP COLUMN forgotten;
