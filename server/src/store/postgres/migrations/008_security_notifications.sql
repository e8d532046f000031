-- Security messages reach the inbox (issue 17): a notification of kind 'security' names what
-- happened (event).
ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check;
ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check CHECK (kind IN ('keyword', 'security'));
ALTER TABLE notifications ADD COLUMN event text CHECK (event IS NULL OR event IN (
  'passkey_added', 'passkey_removed', 'password_changed', 'password_removed',
  'new_device_sign_in', 'recovery_codes_created', 'recovery_used'));
