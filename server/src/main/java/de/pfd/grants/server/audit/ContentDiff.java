package de.pfd.grants.server.audit;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What changed between two versions of an application's content, field by field:
 * {@code title}, {@code applicant.email}, {@code costs[1].amount}. Lists (costs, income,
 * target groups, declarations) are compared by position; an item only one side has is one
 * change with the whole item on that side and null on the other.
 */
final class ContentDiff {

	/** One changed field: its path and its value before and after (null: absent). */
	record Change(String field, JsonNode before, JsonNode after) {
	}

	private ContentDiff() {
	}

	static List<Change> between(JsonNode before, JsonNode after) {
		List<Change> changes = new ArrayList<>();
		compare("", before, after, changes);
		return List.copyOf(changes);
	}

	private static void compare(String path, JsonNode before, JsonNode after, List<Change> changes) {
		JsonNode was = absentAsNull(before);
		JsonNode is = absentAsNull(after);
		if (was == null && is == null) {
			return;
		}
		if (was != null && is != null && was.isObject() && is.isObject()) {
			Set<String> fields = new LinkedHashSet<>();
			is.fieldNames().forEachRemaining(fields::add);
			was.fieldNames().forEachRemaining(fields::add);
			for (String field : fields) {
				compare(path.isEmpty() ? field : path + "." + field, was.get(field), is.get(field), changes);
			}
			return;
		}
		if (was != null && is != null && was.isArray() && is.isArray()) {
			int items = Math.max(was.size(), is.size());
			for (int i = 0; i < items; i++) {
				compare(path + "[" + i + "]", was.get(i), is.get(i), changes);
			}
			return;
		}
		if (!same(was, is)) {
			changes.add(new Change(path, was, is));
		}
	}

	/** Equal, numbers by value (4500.0 and 4500.00 are the same amount). */
	private static boolean same(JsonNode a, JsonNode b) {
		if (a == null || b == null) {
			return a == b;
		}
		if (a.isNumber() && b.isNumber()) {
			return a.decimalValue().compareTo(b.decimalValue()) == 0;
		}
		return a.equals(b);
	}

	private static JsonNode absentAsNull(JsonNode node) {
		if (node == null || node.isNull() || node.isMissingNode()) {
			return null;
		}
		// an empty list or object says as much as none
		return node.isContainerNode() && node.isEmpty() ? null : node;
	}

}
