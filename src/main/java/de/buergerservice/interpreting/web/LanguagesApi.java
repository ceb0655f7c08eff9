package de.buergerservice.interpreting.web;

import java.util.List;

import de.buergerservice.interpreting.Interpreting;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/languages}: the languages the registry office's video interpreting is
 * offered in.
 */
@RestController
@RequestMapping("/api/v1/languages")
@Tag(name = "Interpreting", description = "Languages of the video interpreting at the registry office")
class LanguagesApi {

	private final Interpreting interpreting;

	LanguagesApi(Interpreting interpreting) {
		this.interpreting = interpreting;
	}

	@GetMapping
	@Operation(summary = "The interpreting languages offered: ISO 639 code, German and English name")
	List<LanguageView> languages() {
		return interpreting.languages()
			.stream()
			.map(language -> new LanguageView(language.code(), language.name().de(), language.name().en()))
			.toList();
	}

	record LanguageView(String code, String nameDe, String nameEn) {
	}

}
