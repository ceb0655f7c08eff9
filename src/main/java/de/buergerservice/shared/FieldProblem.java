package de.buergerservice.shared;

import java.util.List;

/**
 * One thing wrong with a request, as a module's refusal names it: the field (as the API
 * names it), the message key and its arguments.
 */
public interface FieldProblem {

	String field();

	String messageKey();

	List<Object> arguments();

}
