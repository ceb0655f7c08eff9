package de.buergerservice.catalog.internal;

import java.math.BigDecimal;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import de.buergerservice.catalog.Fee;
import de.buergerservice.catalog.LeikaKey;
import de.buergerservice.catalog.LifeEvent;
import de.buergerservice.catalog.LifeEventId;
import de.buergerservice.catalog.OnlineService;
import de.buergerservice.catalog.Procedure;
import de.buergerservice.shared.LocalizedText;
import de.buergerservice.shared.ProcedureId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Procedures and life events in schema {@code catalog}.
 */
@Repository
class CatalogRepository {

	private final JdbcClient jdbc;

	CatalogRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	List<Procedure> procedures() {
		Map<String, List<LocalizedText>> documents = new HashMap<>();
		jdbc.sql("SELECT procedure_id, text_de, text_en FROM catalog.procedure_document ORDER BY position")
			.query(rs -> {
				documents.computeIfAbsent(rs.getString(1), key -> new ArrayList<>()).add(text(rs, "text"));
			});
		Map<String, List<Fee>> fees = new HashMap<>();
		jdbc.sql("SELECT procedure_id, amount_cents, label_de, label_en FROM catalog.procedure_fee ORDER BY position")
			.query(rs -> {
				int cents = rs.getInt(2);
				BigDecimal amount = rs.wasNull() ? null : BigDecimal.valueOf(cents, 2);
				fees.computeIfAbsent(rs.getString(1), key -> new ArrayList<>()).add(new Fee(amount, text(rs, "label")));
			});
		return jdbc.sql("SELECT * FROM catalog.procedure ORDER BY position").query((rs, row) -> {
			String id = rs.getString("id");
			String leika = rs.getString("leika_key");
			String url = rs.getString("online_url");
			return new Procedure(ProcedureId.of(id), leika == null ? null : LeikaKey.of(leika),
					rs.getString("department_id"), text(rs, "name"), text(rs, "summary"), text(rs, "description"),
					text(rs, "keywords"), documents.getOrDefault(id, List.of()), fees.getOrDefault(id, List.of()),
					rs.getInt("duration_minutes"), rs.getInt("max_quantity"), rs.getBoolean("bookable"),
					rs.getBoolean("walk_in"),
					url == null ? null : new OnlineService(URI.create(url), text(rs, "online_label")));
		}).list();
	}

	@Transactional(readOnly = true)
	List<LifeEvent> lifeEvents() {
		Map<String, List<ProcedureId>> procedures = new HashMap<>();
		jdbc.sql("SELECT life_event_id, procedure_id FROM catalog.life_event_procedure ORDER BY position").query(rs -> {
			procedures.computeIfAbsent(rs.getString(1), key -> new ArrayList<>()).add(ProcedureId.of(rs.getString(2)));
		});
		return jdbc.sql(
				"SELECT id, name_de, name_en, description_de, description_en FROM catalog.life_event ORDER BY position")
			.query((rs, row) -> new LifeEvent(LifeEventId.of(rs.getString("id")), text(rs, "name"),
					text(rs, "description"), procedures.getOrDefault(rs.getString("id"), List.of())))
			.list();
	}

	@Transactional
	void insertAll(List<Procedure> procedures, List<LifeEvent> lifeEvents) {
		int position = 0;
		for (Procedure procedure : procedures) {
			insert(procedure, position++);
		}
		position = 0;
		for (LifeEvent event : lifeEvents) {
			jdbc.sql("""
					INSERT INTO catalog.life_event (id, name_de, name_en, description_de, description_en, position)
					VALUES (?, ?, ?, ?, ?, ?)""")
				.params(event.id().value(), event.name().de(), event.name().en(), event.description().de(),
						event.description().en(), position++)
				.update();
			int order = 0;
			for (ProcedureId procedure : event.procedures()) {
				jdbc.sql(
						"INSERT INTO catalog.life_event_procedure (life_event_id, procedure_id, position) VALUES (?, ?, ?)")
					.params(event.id().value(), procedure.value(), order++)
					.update();
			}
		}
	}

	private void insert(Procedure procedure, int position) {
		OnlineService online = procedure.online();
		jdbc.sql("""
				INSERT INTO catalog.procedure (id, leika_key, department_id, name_de, name_en, summary_de, summary_en,
				  description_de, description_en, keywords_de, keywords_en, duration_minutes, max_quantity, bookable,
				  walk_in, online_url, online_label_de, online_label_en, position)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(procedure.id().value(), procedure.leikaKey() == null ? null : procedure.leikaKey().value(),
					procedure.departmentId(), procedure.name().de(), procedure.name().en(), procedure.summary().de(),
					procedure.summary().en(), procedure.description().de(), procedure.description().en(),
					procedure.keywords().de(), procedure.keywords().en(), procedure.durationMinutes(),
					procedure.maxQuantity(), procedure.bookable(), procedure.walkIn(),
					online == null ? null : online.url().toString(), online == null ? null : online.label().de(),
					online == null ? null : online.label().en(), position)
			.update();
		int order = 0;
		for (LocalizedText document : procedure.documents()) {
			jdbc.sql(
					"INSERT INTO catalog.procedure_document (procedure_id, position, text_de, text_en) VALUES (?, ?, ?, ?)")
				.params(procedure.id().value(), order++, document.de(), document.en())
				.update();
		}
		order = 0;
		for (Fee fee : procedure.fees()) {
			Integer cents = fee.amount() == null ? null : fee.amount().movePointRight(2).intValueExact();
			jdbc.sql("""
					INSERT INTO catalog.procedure_fee (procedure_id, position, amount_cents, label_de, label_en)
					VALUES (?, ?, ?, ?, ?)""")
				.params(procedure.id().value(), order++, cents, fee.label().de(), fee.label().en())
				.update();
		}
	}

	boolean isEmpty() {
		return jdbc.sql("SELECT NOT EXISTS (SELECT 1 FROM catalog.procedure)").query(Boolean.class).single();
	}

	private static LocalizedText text(ResultSet rs, String column) throws SQLException {
		return LocalizedText.of(rs.getString(column + "_de"), rs.getString(column + "_en"));
	}

}
