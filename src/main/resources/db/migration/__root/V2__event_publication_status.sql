-- Spring Modulith's staleness check asks for the publications of one status (PUBLISHED,
-- PROCESSING, RESUBMITTED) every 30 seconds; without an index that read every publication
-- ever stored. Completed publications are deleted after a week (OutboxCleanup).
CREATE INDEX event_publication_by_status_idx ON event_publication (status);
