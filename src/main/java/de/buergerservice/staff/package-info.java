/**
 * Staff: accounts with hashed passwords (OpenID Connect can supply the same grants
 * later), roles granted per location, the login, and the audit log of staff actions on
 * personal data.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Staff", allowedDependencies = { "shared", "locations" })
@org.jspecify.annotations.NullMarked
package de.buergerservice.staff;
