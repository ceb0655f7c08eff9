/**
 * The procedure catalogue (Leistungskatalog): every procedure the city offers with its
 * LeiKa key, texts in German and English, documents, fees and duration; the life events
 * that bundle procedures; and the German full-text search citizens and 115 agents use.
 * Its pages show procedures and the locations offering them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Catalogue",
		allowedDependencies = { "shared", "locations" })
@org.jspecify.annotations.NullMarked
package de.buergerservice.catalog;
