-- Notifications: which mails were sent (so that a redelivered event sends none twice) and the
-- development inbox (mails kept here instead of being sent when no SMTP server is configured).
CREATE SCHEMA IF NOT EXISTS notifications;

-- One row per mail sent, written in the listener's transaction before the mail leaves. The key
-- names the event: kind, reference and what tells two events of a kind apart (e.g. the new time
-- of a move). No personal data: no address, no name, no token.
CREATE TABLE notifications.sent_mail (
    mail_key  TEXT        PRIMARY KEY,
    kind      TEXT        NOT NULL,
    reference TEXT        NOT NULL,
    sent_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX sent_mail_by_reference ON notifications.sent_mail (reference);
CREATE INDEX sent_mail_by_sent_at ON notifications.sent_mail (sent_at);

-- The development inbox: whole mails, shown at /dev/mail. Empty wherever SMTP is configured.
CREATE TABLE notifications.dev_mail (
    id         UUID        PRIMARY KEY,
    sent_at    TIMESTAMPTZ NOT NULL,
    sender     TEXT        NOT NULL,
    recipient  TEXT        NOT NULL,
    subject    TEXT        NOT NULL,
    text_body  TEXT        NOT NULL,
    html_body  TEXT        NOT NULL
);
CREATE INDEX dev_mail_by_sent_at ON notifications.dev_mail (sent_at DESC);

CREATE TABLE notifications.dev_mail_attachment (
    mail_id      UUID    NOT NULL REFERENCES notifications.dev_mail (id) ON DELETE CASCADE,
    position     INT     NOT NULL,
    filename     TEXT    NOT NULL,
    content_type TEXT    NOT NULL,
    content      BYTEA   NOT NULL,
    PRIMARY KEY (mail_id, position)
);
