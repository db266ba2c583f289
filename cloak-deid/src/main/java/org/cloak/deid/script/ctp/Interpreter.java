package org.cloak.deid.script.ctp;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.cloak.deid.rule.path.ElementKey;

/**
 * Evaluates an element script as CTP's makeReplacement does: text and function results one
 * after another, the markers {@code @keep()}, {@code @remove()}, {@code @empty()} and
 * {@code @blank(n)} kept as text for {@link Outcomes} to read. Every function is CTP's
 * (DICOMAnonymizer 2016 and later), its algorithm in {@link Algorithms}; where CTP is random,
 * clock-based or keeps a table, the value comes from the project secret or the run's date.
 * A stop ({@code @quarantine()}, {@code @skip()}, a lookup without its key) returns null.
 */
final class Interpreter {
    private static final int HASH_DIGITS = 39;

    private final Program p;

    Interpreter(Program p) {
        this.p = p;
    }

    /** The script's text, or null when it stopped (the reason in {@code env.stop}). */
    String eval(Expr.Seq seq, Env env) {
        StringBuilder sb = new StringBuilder();
        for (Expr e : seq.parts()) {
            if (e instanceof Expr.Lit l) {
                sb.append(l.text());
                continue;
            }
            String v = call((Expr.Call) e, env);
            if (env.stop != null) {
                return null;
            }
            sb.append(v);
        }
        return sb.toString();
    }

    private String contents(Expr.Call c, int i, Env env) { return p.ref(c.arg(i)).contents(env.scope, env.self); }

    private String contentsNull(Expr.Call c, int i, Env env) {
        return p.ref(c.arg(i)).contentsNull(env.scope, env.self);
    }

    private static String arg(Expr.Call c, int i) { return i < c.args().size() ? c.arg(i).text() : ""; }

    private String param(Expr.Call c, int i) { return i < c.args().size() ? p.param(c.arg(i).raw()) : ""; }

    private static String marker(Expr.Call c) {
        return "@" + c.name() + "(" + c.args().stream().map(Expr.Arg::raw).collect(Collectors.joining(",")) + ")";
    }

    /** CTP's fn.getArgs(): what a function that failed puts in place of its value. */
    private static String failed(Expr.Call c) { return marker(c).substring(c.name().length() + 1); }

    private static int intOr(String s, int fallback) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException | NullPointerException e) {
            return fallback;
        }
    }

    private String call(Expr.Call c, Env env) {
        return switch (c.name()) {
            case "always" -> "";
            case "keep", "remove", "empty", "blank" -> marker(c);
            case "quarantine" -> stop(env, Env.Stop.QUARANTINE);
            case "skip" -> stop(env, Env.Stop.SKIP);
            case "require" -> require(c, env);
            case "contents" -> contentsFn(c, env);
            case "value" -> {
                String v = contents(c, 0, env);
                yield v.isEmpty() ? arg(c, 1) : v;
            }
            case "truncate" -> {
                String v = contents(c, 0, env);
                yield c.args().size() < 2 ? v : truncate(v, c.arg(1).raw());
            }
            case "param" -> p.param(c.arg(0).raw());
            case "date" -> date(arg(c, 0), env);
            case "time" -> time(arg(c, 0), env);
            case "hash" -> hash(c, env);
            case "hashname" -> hashName(c, env);
            case "hashptid" -> hashPtId(c, env);
            case "hashuid" -> hashUid(c, env);
            case "hashdate" -> hashDate(c, env);
            case "incrementdate" -> incrementDate(c, env);
            case "modifydate" -> modifyDate(c, env);
            case "dateinterval" -> dateInterval(c, env);
            case "round" -> {
                String r = Algorithms.round(contents(c, 0, env), Integer.parseInt(param(c, 1).trim()));
                yield r == null ? failed(c) : r;
            }
            case "initials" -> Algorithms.initials(contents(c, 0, env));
            case "lowercase" -> contents(c, 0, env).toLowerCase(Locale.ROOT);
            case "uppercase" -> contents(c, 0, env).toUpperCase(Locale.ROOT);
            case "pathelement" -> Algorithms.pathElement(contents(c, 0, env), intOr(c.arg(1).raw(), 1000));
            case "lookup" -> lookup(c, env);
            case "integer" -> integer(c, env);
            case "encrypt", "decrypt" -> crypt(c, env);
            case "if" -> eval(Conditions.test(c, env, p) ? c.whenTrue() : c.whenFalse(), env);
            case "select" -> eval(env.scope.depth() == 0 ? c.whenTrue() : c.whenFalse(), env);
            case "append" -> append(c, env);
            default -> throw new IllegalStateException("checked when the script was loaded: @" + c.name());
        };
    }

    private static String stop(Env env, Env.Stop s) {
        env.stop = s;
        return "";
    }

    private static String truncate(String v, String n) {
        try {
            return Algorithms.truncate(v, Integer.parseInt(n.trim()));
        } catch (NumberFormatException e) {
            return v;
        }
    }

    private String contentsFn(Expr.Call c, Env env) {
        String v = contents(c, 0, env);
        if (c.args().size() == 1) {
            return v;
        }
        Pattern re = p.patterns().get(c.arg(1));
        return re.matcher(v).replaceAll(c.args().size() == 2 ? "" : arg(c, 2));
    }

    /** require: keep where present; else the named element's value or the default, blanks as @blank(n). */
    private String require(Expr.Call c, Env env) {
        if (env.self.find(env.scope.item()) != null) {
            return "@keep()";
        }
        if (c.args().isEmpty()) {
            return "";
        }
        Ref r = p.ref(c.arg(0));
        String v = r.exists(env.scope, env.self) ? r.contents(env.scope, env.self) : arg(c, 1);
        return v.trim().isEmpty() ? "@blank(" + v.length() + ")" : v;
    }

    private String date(String sep, Env env) {
        if (env.deciding()) {
            return "0";
        }
        LocalDate d = env.ctx.processingDate();
        return String.format(Locale.ROOT, "%04d%s%02d%s%02d", d.getYear(), sep, d.getMonthValue(), sep,
                d.getDayOfMonth());
    }

    /** @time(): CTP's clock; here a time of day taken from the project secret, the same for every file. */
    private String time(String sep, Env env) {
        if (env.deciding()) {
            return "0";
        }
        int secs = new BigInteger(1, env.ctx.hash("ctp @time()", 16).getBytes(StandardCharsets.US_ASCII))
                .mod(BigInteger.valueOf(86400)).intValue();
        return String.format(Locale.ROOT, "%02d%s%02d%s%02d", secs / 3600, sep, secs / 60 % 60, sep, secs % 60);
    }

    /** The keyed stand-in for CTP's MD5 digits: decimal digits of Cloak's keyed hash. */
    private static String keyedDigits(Env env, String value, int maxlen) {
        if (env.deciding()) {
            return "0";
        }
        String d = new BigInteger(1, env.ctx.hash(value, 64).getBytes(StandardCharsets.US_ASCII)).toString();
        int max = maxlen < 1 ? HASH_DIGITS : Math.min(maxlen, HASH_DIGITS);
        return d.substring(0, Math.min(max, d.length()));
    }

    private String digits(Env env, String value, int maxlen) {
        return p.keyed() ? keyedDigits(env, value, maxlen) : Algorithms.hash(value, maxlen);
    }

    private String hash(Expr.Call c, Env env) {
        String v = contentsNull(c, 0, env);
        if (v == null) {
            return "@remove()";
        }
        int len = Integer.MAX_VALUE;
        if (c.args().size() > 1) {
            String l = param(c, 1);
            len = l == null || l.isEmpty() ? Integer.MAX_VALUE : intOr(l, Integer.MAX_VALUE);
        }
        return digits(env, v, len);
    }

    private String hashName(Expr.Call c, Env env) {
        int len = intOr(param(c, 1), 4);
        int words = c.args().size() > 2 ? intOr(param(c, 2), Integer.MAX_VALUE) : Integer.MAX_VALUE;
        return digits(env, Algorithms.nameForHash(contents(c, 0, env), words), len);
    }

    private String hashPtId(Expr.Call c, Env env) {
        String site = param(c, 0);
        String pt = contents(c, 1, env);
        int max = c.args().size() > 2 ? intOr(param(c, 2), Integer.MAX_VALUE) : Integer.MAX_VALUE;
        String s = site == null ? "" : site.trim();
        return p.keyed() ? keyedDigits(env, "[" + s + "]" + pt.trim(), max) : Algorithms.hashPtId(site, pt, max);
    }

    private String hashUid(Expr.Call c, Env env) {
        String prefix = c.arg(0).raw().startsWith("@") ? param(c, 0) : contentsNull(c, 0, env);
        String uid = contentsNull(c, 1, env);
        if (uid == null) {
            return "@remove()";
        }
        if (prefix == null) {
            return failed(c);
        }
        if (c.args().size() > 2) {
            ElementKey other = p.ref(c.arg(2)).isThis() ? env.self : p.ref(c.arg(2)).path().get(0);
            Expr.Seq script = p.scripts().get(other);
            if (script != null) {
                String extra = eval(script, env.with(other));
                if (extra == null) {
                    return "";
                }
                uid += extra;
            }
        }
        String pre = prefix.endsWith(".") ? prefix : prefix + ".";
        if (!p.keyed()) {
            return Algorithms.hashUid(pre, uid);
        }
        if (env.deciding()) {
            return "0";
        }
        String mapped = env.ctx.mapUid(uid.trim());
        String digits = mapped.startsWith("2.25.") ? mapped.substring(5) : mapped;
        String out = pre.trim() + digits;
        return out.length() > 64 ? out.substring(0, 64) : out;
    }

    /** How CTP's date functions begin: @remove() for a missing element, @empty() for a short value, else null. */
    private static String notADate(String date) {
        return date == null ? "@remove()" : date.length() < 8 ? "@empty()" : null;
    }

    private String hashDate(Expr.Call c, Env env) {
        String date = contentsNull(c, 0, env);
        String not = notADate(date);
        if (not != null) {
            return not;
        }
        String unhashed = contentsNull(c, 1, env);
        if (unhashed == null) {
            return "@remove()";
        }
        long inc;
        if (p.keyed()) {
            String d = keyedDigits(env, unhashed, -1);
            inc = -(Long.parseLong(d.substring(Math.max(0, d.length() - 4))) % 3650);
        } else {
            inc = Algorithms.hashDateIncrement(unhashed);
        }
        return eachDate(date, v -> Algorithms.incrementDate(v, inc));
    }

    private String incrementDate(Expr.Call c, Env env) {
        String date = contentsNull(c, 0, env);
        String not = notADate(date);
        if (not != null) {
            return not;
        }
        long inc = Long.parseLong(param(c, 1).trim());
        return eachDate(date, v -> Algorithms.incrementDate(v, inc));
    }

    private String modifyDate(Expr.Call c, Env env) {
        String date = contentsNull(c, 0, env);
        String not = notADate(date);
        if (not != null) {
            return not;
        }
        int y = intOr(param(c, 1), -1);
        int m = intOr(param(c, 2), -1);
        int d = intOr(param(c, 3), -1);
        return eachDate(date, v -> Algorithms.modifyDate(v, y, m, d));
    }

    /** Each value of a multi-valued date changed; one that is not a date makes the whole @empty(), as in CTP. */
    private static String eachDate(String date, java.util.function.UnaryOperator<String> f) {
        String[] dates = date.split("\\\\");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < dates.length; i++) {
            String r = f.apply(dates[i]);
            if (r == null) {
                return "@empty()";
            }
            sb.append(i > 0 ? "\\" : "").append(r);
        }
        return sb.toString();
    }

    /** dateinterval: days from the base date the lookup table gives for the key element (top level) to the date. */
    private String dateInterval(Expr.Call c, Env env) {
        String date = contents(c, 0, env);
        Ref keyRef = p.ref(c.arg(2));
        String key = new Ref(true, keyRef.isThis() ? List.of(env.self) : keyRef.path())
                .contents(env.scope, env.self);
        String base = Lookups.find(p.lookup(), c.arg(1).raw(), key);
        LocalDate d = date.length() >= 8 ? Algorithms.date(date.substring(0, 8)) : null;
        LocalDate b = base == null ? null : Lookups.baseDate(base);
        if (d == null || b == null) {
            return stop(env, Env.Stop.QUARANTINE);
        }
        long days = java.time.temporal.ChronoUnit.DAYS.between(b, d);
        if (c.args().size() == 3) {
            return Long.toString(days);
        }
        String r = Algorithms.incrementDate(p.param(c.arg(3).raw()), days);
        return r == null ? stop(env, Env.Stop.QUARANTINE) : r;
    }

    private String lookup(Expr.Call c, Env env) {
        StringBuilder key = new StringBuilder();
        List<Ref> names = p.keyLists().get(c.arg(0));
        for (int i = 0; i < names.size(); i++) {
            key.append(i > 0 ? "|" : "").append(names.get(i).contents(env.scope, env.self));
        }
        String k = key.toString().replace("\\", "");
        String found = Lookups.find(p.lookup(), c.arg(1).raw(), k);
        if (found != null) {
            return found;
        }
        String action = arg(c, 2).trim();
        switch (action) {
            case "keep":
                return "@keep()";
            case "remove":
                return "@remove()";
            case "empty":
                return "@empty()";
            case "default":
                return arg(c, 3).trim();
            case "ignore":
                if (p.patterns().get(c.arg(3)).matcher(k).matches()) {
                    return k;
                }
                return stop(env, Env.Stop.QUARANTINE);
            default:
                return stop(env, Env.Stop.QUARANTINE);
        }
    }

    /** @integer: CTP numbers values in the order a table first sees them; here digits from the project secret. */
    private String integer(Expr.Call c, Env env) {
        int width = c.args().size() > 2 ? intOr(c.arg(2).raw(), 0) : 0;
        if (env.deciding()) {
            return "0";
        }
        String v = c.arg(1).raw() + "/" + contents(c, 0, env).trim();
        String d = new BigInteger(1, env.ctx.hash("ctp @integer " + v, 32).getBytes(StandardCharsets.US_ASCII))
                .mod(BigInteger.TEN.pow(Math.max(width, 8))).toString();
        return "0".repeat(Math.max(0, width - d.length())) + d;
    }

    private String crypt(Expr.Call c, Env env) {
        String v = contents(c, 0, env);
        String key = param(c, 1);
        try {
            return c.name().equals("encrypt") ? Algorithms.encrypt(v, key) : Algorithms.decrypt(v, key);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return failed(c);
        }
    }

    private String append(Expr.Call c, Env env) {
        String v = eval(c.whenTrue(), env);
        if (v == null) {
            return "";
        }
        String current = Ref.THIS.contentsNull(env.scope, env.self);
        if (current == null || current.isEmpty()) {
            return v;
        }
        return current + "\\" + v;
    }
}
