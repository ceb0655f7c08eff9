-- The language (ISO 639) of the interpreter taken with the visit, for procedures that offer
-- one (the interpreting module keeps who interprets); null for none.
ALTER TABLE booking.appointment ADD COLUMN interpreter_language TEXT;
