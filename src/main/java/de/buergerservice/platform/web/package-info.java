/**
 * Web defaults for every module: security, language selection, problem details, error
 * pages and the model the page layout needs.
 */
@org.jspecify.annotations.NullMarked
package de.buergerservice.platform.web;
