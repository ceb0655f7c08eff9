package de.buergerservice.catalog;

/**
 * A procedure found by a search, with its relevance (higher is better).
 */
public record SearchHit(Procedure procedure, float score) {

}
