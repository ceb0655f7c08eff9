package de.buergerservice.notifications.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MailTemplatesTest {

	@Test
	void tidiesTheTextToOneEmptyLineBetweenParagraphs() {
		String rendered = "Guten Tag,  \r\n\r\nIhr Termin\n- Ausweis\n\n\n\nBitte mitbringen:\n\n\n";

		assertThat(MailTemplates.tidy(rendered))
			.isEqualTo("Guten Tag,\n\nIhr Termin\n- Ausweis\n\nBitte mitbringen:\n");
	}

}
