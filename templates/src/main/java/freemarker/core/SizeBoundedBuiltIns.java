package freemarker.core;

import freemarker.template.SimpleScalar;
import freemarker.template.TemplateCollectionModel;
import freemarker.template.TemplateException;
import freemarker.template.TemplateMethodModel;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateModelIterator;
import freemarker.template.TemplateSequenceModel;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;

/**
 * The built-ins that build a large string or list in one call, which no interruption check or memory budget can stop
 * once started ({@code "x"?left_pad(2000000000)}, {@code (1..2000000000)?join(",")}, {@code s?replace("", s)},
 * {@code (1..2000000000)?sort}), made to check the size of what they would build first, against the limits of the
 * render they run in. Freemarker 2.3 has no public way to bound a built-in, so this class lives in its package and
 * puts bounded subclasses in its table of built-ins; outside an InfraKit render (no limits set) they behave as
 * Freemarker's own.
 */
public final class SizeBoundedBuiltIns {

    private static final String LIMITS = SizeBoundedBuiltIns.class.getName();

    /** The limits of one render. */
    private record Limits(int maxStringLength, int maxElements) {
    }

    static {
        replace("left_pad", "leftPad", new BoundedPad(true));
        replace("right_pad", "rightPad", new BoundedPad(false));
        replace("join", null, new BoundedJoin());
        replace("replace", null, new BoundedReplace());
        replace("sort", null, new BoundedSort());
        replace("sort_by", "sortBy", new BoundedSortBy());
        replace("chunk", null, new BoundedChunk());
    }

    private SizeBoundedBuiltIns() {
    }

    /** Makes sure the bounded built-ins are in place; call before any template is parsed. */
    public static void install() {
        // The static initializer does the work, once.
    }

    /** Sets the limits of the render that runs in {@code environment}. */
    public static void limit(Environment environment, int maxStringLength, int maxElements) {
        environment.setCustomAttribute(LIMITS, new Limits(maxStringLength, maxElements));
    }

    private static void replace(String name, String camelCaseName, BuiltIn bounded) {
        if (BuiltIn.BUILT_INS_BY_NAME.get(name) == null) {
            throw new IllegalStateException("Freemarker has no ?" + name + " to bound");
        }
        BuiltIn.BUILT_INS_BY_NAME.put(name, bounded);
        if (camelCaseName != null) {
            BuiltIn.BUILT_INS_BY_NAME.put(camelCaseName, bounded);
        }
    }

    private static Limits limits() {
        Environment environment = Environment.getCurrentEnvironment();
        Object limits = environment == null ? null : environment.getCustomAttribute(LIMITS);
        return limits instanceof Limits bounds ? bounds : new Limits(Integer.MAX_VALUE, Integer.MAX_VALUE);
    }

    private static void checkLength(String builtIn, long length) throws TemplateModelException {
        int max = limits().maxStringLength();
        if (length > max) {
            throw new TemplateModelException("?" + builtIn + " would build a string of " + length
                    + " characters; the limit is " + max);
        }
    }

    private static void checkElements(String builtIn, long elements) throws TemplateModelException {
        int max = limits().maxElements();
        if (elements > max) {
            throw new TemplateModelException("?" + builtIn + " of " + elements + " elements; the limit is " + max);
        }
    }

    /**
     * The method a built-in returns, called only after {@code check} accepts its arguments: template values for a
     * {@link TemplateMethodModelEx}, strings for a plain {@link TemplateMethodModel}, as the method takes them.
     */
    private static TemplateModel checkedFirst(TemplateModel method, ArgumentCheck check) {
        if (method instanceof TemplateMethodModelEx valuesTaking) {
            return (TemplateMethodModelEx) arguments -> {
                check.accept(arguments);
                return valuesTaking.exec(arguments);
            };
        }
        TemplateMethodModel stringsTaking = (TemplateMethodModel) method;
        return (TemplateMethodModel) arguments -> {
            check.accept(arguments);
            return stringsTaking.exec(arguments);
        };
    }

    @FunctionalInterface
    private interface ArgumentCheck {
        void accept(List<?> arguments) throws TemplateModelException;
    }

    /** {@code ?left_pad(width)}, {@code ?right_pad(width)}: the width is the length of the result. */
    private static final class BoundedPad extends BuiltInsForStringsBasic.padBI {

        BoundedPad(boolean left) {
            super(left);
        }

        @Override
        TemplateModel calculateResult(String s, Environment env) throws TemplateException {
            TemplateModel method = super.calculateResult(s, env);
            return checkedFirst(method, arguments -> {
                if (!arguments.isEmpty()) {
                    checkLength(key, getNumberMethodArg(arguments, 0).longValue());
                }
            });
        }
    }

    /**
     * {@code ?replace(from, to [, flags])}: the result is the text plus, per match, what the replacement adds (the
     * whole text again for each group reference in it, at most).
     */
    private static final class BoundedReplace extends BuiltInsForStringsRegexp.replace_reBI {

        @Override
        TemplateModel calculateResult(String s, Environment env) throws TemplateModelException {
            TemplateModel method = super.calculateResult(s, env);
            return checkedFirst(method, arguments -> {
                if (arguments.size() < 2) {
                    return;
                }
                String from = String.valueOf(arguments.get(0));
                String to = String.valueOf(arguments.get(1));
                long flags = arguments.size() > 2 ? RegexpHelper.parseFlagString(String.valueOf(arguments.get(2))) : 0;
                boolean regexp = (flags & RegexpHelper.RE_FLAG_REGEXP) != 0;
                long matches = (flags & RegexpHelper.RE_FLAG_FIRST_ONLY) != 0 ? 1
                        : regexp ? regexpMatches(s, from, flags)
                        : textMatches(s, from, (flags & RegexpHelper.RE_FLAG_CASE_INSENSITIVE) != 0);
                long added = regexp && to.indexOf('$') >= 0 ? to.length() + (long) s.length() * count(to, '$')
                        : to.length() - (regexp ? 0 : from.length());
                checkLength(key, s.length() + matches * Math.max(0, added));
            });
        }

        private static long regexpMatches(String s, String regexp, long flags) throws TemplateModelException {
            Matcher matcher = RegexpHelper.getPattern(regexp, (int) flags).matcher(s);
            long matches = 0;
            while (matcher.find()) {
                matches++;
            }
            return matches;
        }

        private static long textMatches(String s, String from, boolean caseInsensitive) {
            if (from.isEmpty()) {
                return s.length() + 1L;
            }
            String text = caseInsensitive ? s.toLowerCase(Locale.ROOT) : s;
            String sought = caseInsensitive ? from.toLowerCase(Locale.ROOT) : from;
            long matches = 0;
            for (int at = text.indexOf(sought); at >= 0; at = text.indexOf(sought, at + sought.length())) {
                matches++;
            }
            return matches;
        }

        private static long count(String text, char c) {
            return text.chars().filter(each -> each == c).count();
        }
    }

    /** {@code ?join(separator [, whenEmpty [, afterLast]])}, building the string within the limit. */
    private static final class BoundedJoin extends BuiltInsForSequences.joinBI {

        @Override
        TemplateModel _eval(Environment env) throws TemplateException {
            TemplateModel model = target.eval(env);
            if (model instanceof TemplateSequenceModel sequence) {
                checkElements(key, sequence.size());
            } else if (!(model instanceof TemplateCollectionModel)) {
                throw new NonSequenceOrCollectionException(target, model, env);
            }
            TemplateCollectionModel items = model instanceof TemplateCollectionModel collection ? collection
                    : new CollectionAndSequence((TemplateSequenceModel) model);
            return (TemplateMethodModelEx) arguments -> join(env, items, arguments);
        }

        private Object join(Environment env, TemplateCollectionModel items, List<?> arguments)
                throws TemplateModelException {
            checkMethodArgCount(arguments, 1, 3);
            String separator = getStringMethodArg(arguments, 0);
            String whenEmpty = getOptStringMethodArg(arguments, 1);
            String afterLast = getOptStringMethodArg(arguments, 2);
            StringBuilder joined = new StringBuilder();
            long elements = 0;
            boolean hadItem = false;
            for (TemplateModelIterator it = items.iterator(); it.hasNext(); ) {
                checkElements(key, ++elements);
                TemplateModel item = it.next();
                if (item == null) {
                    continue;
                }
                String text;
                try {
                    text = EvalUtil.coerceModelToStringOrUnsupportedMarkup(item, null, null, env);
                } catch (TemplateException e) {
                    throw new TemplateModelException("?" + key + " failed at index " + (elements - 1) + ": "
                            + e.getMessageWithoutStackTop(), e);
                }
                String part = hadItem ? separator : "";
                checkLength(key, (long) joined.length() + part.length() + text.length());
                joined.append(part).append(text);
                hadItem = true;
            }
            String end = hadItem ? afterLast : whenEmpty;
            if (end != null) {
                checkLength(key, (long) joined.length() + end.length());
                joined.append(end);
            }
            return new SimpleScalar(joined.toString());
        }
    }

    /** {@code ?sort}: a copy of the sequence. */
    private static final class BoundedSort extends BuiltInsForSequences.sortBI {

        @Override
        TemplateModel calculateResult(TemplateSequenceModel sequence) throws TemplateModelException {
            checkElements(key, sequence.size());
            return super.calculateResult(sequence);
        }
    }

    /** {@code ?sort_by(key)}: a copy of the sequence. */
    private static final class BoundedSortBy extends BuiltInsForSequences.sort_byBI {

        @Override
        TemplateModel calculateResult(TemplateSequenceModel sequence) {
            return checkedFirst(super.calculateResult(sequence), arguments -> checkElements(key, sequence.size()));
        }
    }

    /** {@code ?chunk(size)}: a copy of the sequence, in pieces. */
    private static final class BoundedChunk extends BuiltInsForSequences.chunkBI {

        @Override
        TemplateModel calculateResult(TemplateSequenceModel sequence) throws TemplateModelException {
            checkElements(key, sequence.size());
            return super.calculateResult(sequence);
        }
    }
}
