-- What the de-identification changed in each stored instance, from the engine's audit events:
-- the attribute path and keyword, removed/modified/added, the action code and the rule's origin.
-- Never a value: the header browser's before/after view is built from these rows and the stored file.
CREATE TABLE file_changes (
    session_id BIGINT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    sop_uid VARCHAR(64) NOT NULL,
    seq INT NOT NULL,
    path VARCHAR(1000) NOT NULL,
    keyword VARCHAR(200) NOT NULL,
    kind VARCHAR(16) NOT NULL,
    action VARCHAR(16) NOT NULL,
    origin VARCHAR(1000) NOT NULL,
    recorded_at BIGINT NOT NULL,
    PRIMARY KEY (session_id, sop_uid, seq)
);
