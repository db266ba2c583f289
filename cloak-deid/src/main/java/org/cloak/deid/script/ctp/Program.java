package org.cloak.deid.script.ctp;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.cloak.deid.rule.path.ElementKey;

/**
 * What evaluating a compiled script needs besides the data: the parameters, the lookup table,
 * the element arguments resolved when the script was loaded (a list for the {@code A|B} keys of
 * lookups), the regular expressions compiled then, and the scripts of other elements (for the
 * third argument of {@code @hashuid}).
 *
 * @param keyed the unkeyed hashes are replaced by Cloak's keyed ones
 */
record Program(String file, Map<String, String> params, Map<String, String> lookup, boolean keyed,
               Map<Expr.Arg, Ref> refs, Map<Expr.Arg, List<Ref>> keyLists, Map<Expr.Arg, Pattern> patterns,
               Map<ElementKey, Expr.Seq> scripts) {

    public Program {
        params = Map.copyOf(params);
        lookup = Map.copyOf(lookup);
    }

    static Program empty(String file, Map<String, String> params, Map<String, String> lookup, boolean keyed) {
        return new Program(file, params, lookup, keyed, new HashMap<>(), new HashMap<>(), new HashMap<>(),
                new HashMap<>());
    }

    /** CTP's getParam: {@code @NAME} or {@code $NAME} is the parameter's value (null when undefined), else the text. */
    String param(String arg) {
        String a = arg.trim();
        if (a.startsWith("@") || a.startsWith("$")) {
            return params.get(a.substring(1));
        }
        return a;
    }

    Ref ref(Expr.Arg a) { return refs.get(a); }
}
