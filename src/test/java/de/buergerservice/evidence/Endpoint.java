package de.buergerservice.evidence;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.BeanUtils;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * One route of the application as its handler method declares it: methods, path pattern,
 * query or form parameters (with {@code true} where one may repeat), headers and the
 * record a JSON body binds to. Read from Spring's own request mappings, so a new endpoint
 * is fuzzed without anyone listing it.
 *
 * @param method the HTTP method
 * @param pattern the path pattern ({@code /api/v1/appointments/{reference}})
 * @param parameters query or form parameters by name; {@code true} if repeatable
 * @param headers request headers the handler reads
 * @param body the record a JSON body binds to, or {@code null}
 */
record Endpoint(String method, String pattern, Map<String, Boolean> parameters, List<String> headers,
		@Nullable Class<?> body) {

	private static final DefaultParameterNameDiscoverer NAMES = new DefaultParameterNameDiscoverer();

	/** Every route of the application, in a stable order (so a seed reproduces). */
	static List<Endpoint> all(RequestMappingHandlerMapping mappings) {
		List<Endpoint> endpoints = new ArrayList<>();
		mappings.getHandlerMethods().forEach((info, handler) -> {
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			for (String pattern : info.getPatternValues()) {
				for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET, RequestMethod.POST)
						: methods) {
					endpoints.add(of(method.name(), pattern, handler));
				}
			}
		});
		endpoints.sort(Comparator.comparing(Endpoint::toString));
		return endpoints;
	}

	private static Endpoint of(String method, String pattern, HandlerMethod handler) {
		Map<String, Boolean> parameters = new LinkedHashMap<>();
		List<String> headers = new ArrayList<>();
		Class<?> body = null;
		for (MethodParameter parameter : handler.getMethodParameters()) {
			parameter.initParameterNameDiscovery(NAMES);
			Class<?> type = parameter.getParameterType();
			RequestParam requestParam = parameter.getParameterAnnotation(RequestParam.class);
			RequestHeader requestHeader = parameter.getParameterAnnotation(RequestHeader.class);
			if (requestParam != null) {
				String name = requestParam.name().isEmpty() ? parameter.getParameterName() : requestParam.name();
				parameters.put(name, Collection.class.isAssignableFrom(type));
			}
			else if (requestHeader != null) {
				headers.add(requestHeader.name().isEmpty() ? parameter.getParameterName() : requestHeader.name());
			}
			else if (parameter.hasParameterAnnotation(RequestBody.class)) {
				body = type;
			}
			else if (!parameter.hasParameterAnnotation(PathVariable.class) && type.isRecord()) {
				for (RecordComponent component : type.getRecordComponents()) {
					parameters.put(component.getName(), Collection.class.isAssignableFrom(component.getType()));
				}
			}
			else if (!parameter.hasParameterAnnotation(PathVariable.class) && BeanUtils.isSimpleProperty(type)
					&& !type.getName().startsWith("java.util.Locale")) {
				parameters.put(parameter.getParameterName(), false);
			}
		}
		return new Endpoint(method, pattern, parameters, headers, body);
	}

	boolean isStaff() {
		return pattern.equals("/staff") || pattern.startsWith("/staff/");
	}

	boolean isApi() {
		return pattern.startsWith("/api/");
	}

	/** The names of the path's variables, in order. */
	List<String> variables() {
		List<String> names = new ArrayList<>();
		var matcher = java.util.regex.Pattern.compile("\\{\\*?(\\w+)[^}]*}").matcher(pattern);
		while (matcher.find()) {
			names.add(matcher.group(1));
		}
		return names;
	}

	/** A record component's element type: {@code String} for {@code List<String>}. */
	static Class<?> elementType(Type type) {
		if (type instanceof ParameterizedType parameterized
				&& parameterized.getActualTypeArguments()[0] instanceof Class<?> element) {
			return element;
		}
		return Object.class;
	}

	@Override
	public String toString() {
		return method + " " + pattern;
	}

}
