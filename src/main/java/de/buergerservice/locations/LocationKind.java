package de.buergerservice.locations;

/**
 * What kind of place a location is.
 */
public enum LocationKind {

	/** Bürgerbüro: registration, ID cards, passports and general services. */
	CITIZENS_OFFICE,

	/** Außenstelle: a small citizens' office with limited hours. */
	BRANCH_OFFICE,

	/** Standesamt. */
	REGISTRY_OFFICE,

	/** Kfz-Zulassungsbehörde (with the driving-licence authority). */
	VEHICLE_REGISTRATION,

	/** The Bürgerkoffer: open where and when its tour stops. */
	MOBILE_KIT

}
