package com.casecoding.gateway.proxy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A fixed set of HTTP header names, matched ignoring case. Asked for every header of every proxied request, so a lookup
 * compares only the names of the same length and allocates nothing (no lower-cased copy, no tree walk).
 */
final class HeaderNames {

    private final String[][] byLength;

    @SafeVarargs
    HeaderNames(Collection<String>... groups) {
        List<List<String>> lists = new ArrayList<>();
        for (Collection<String> group : groups) {
            for (String name : group) {
                while (lists.size() <= name.length()) {
                    lists.add(new ArrayList<>());
                }
                lists.get(name.length()).add(name);
            }
        }
        byLength = new String[lists.size()][];
        for (int i = 0; i < byLength.length; i++) {
            byLength[i] = lists.get(i).toArray(String[]::new);
        }
    }

    boolean contains(String name) {
        int length = name.length();
        if (length >= byLength.length) {
            return false;
        }
        for (String candidate : byLength[length]) {
            if (candidate.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }
}
