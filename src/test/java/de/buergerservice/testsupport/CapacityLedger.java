package de.buergerservice.testsupport;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads the arbiter's table to prove the booking invariants: no unit is booked beyond its
 * capacity, and every unit's booked seats are exactly the active appointments that cover
 * it.
 */
public final class CapacityLedger {

	private final JdbcClient jdbc;

	public CapacityLedger(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Units booked beyond capacity or out of step with the appointments (should be none).
	 */
	public List<String> violations() {
		return jdbc.sql("""
				SELECT c.pool_id || ' ' || c.channel || ' ' || c.slot_start || ': booked ' || c.booked || ' of '
				  || c.capacity || ', appointments ' || count(a.id)
				FROM booking.capacity c
				LEFT JOIN booking.appointment a ON a.pool_id = c.pool_id AND a.channel = c.channel
				  AND a.status IN ('AWAITING_CONFIRMATION', 'CONFIRMED')
				  AND c.slot_start >= a.start_at AND c.slot_start < a.end_at
				GROUP BY c.pool_id, c.channel, c.slot_start, c.booked, c.capacity
				HAVING c.booked <> count(a.id) OR c.booked > c.capacity""").query(String.class).list();
	}

	/** All seats booked, all locations, all channels. */
	public long bookedSeats() {
		return jdbc.sql("SELECT coalesce(sum(booked), 0) FROM booking.capacity").query(Long.class).single();
	}

	public long appointments() {
		return jdbc.sql("SELECT count(*) FROM booking.appointment").query(Long.class).single();
	}

}
