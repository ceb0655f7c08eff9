-- A caller without an e-mail address can be booked by phone (or at the counter): they get
-- no mail, the agent reads the booking reference out. Online bookings still need one.
ALTER TABLE booking.appointment ALTER COLUMN citizen_email DROP NOT NULL;
