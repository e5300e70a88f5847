package io.infrakit.templates;

import freemarker.cache.ConditionalTemplateConfigurationFactory;
import freemarker.cache.FileNameGlobMatcher;
import freemarker.cache.FirstMatchTemplateConfigurationFactory;
import freemarker.cache.OrMatcher;
import freemarker.cache.TemplateConfigurationFactoryException;
import freemarker.cache.TemplateNameFormat;
import freemarker.core.OutputFormat;
import freemarker.core.ParseException;
import freemarker.core.SizeBoundedBuiltIns;
import freemarker.core.TemplateClassResolver;
import freemarker.core.TemplateConfiguration;
import freemarker.core.UndefinedOutputFormat;
import freemarker.core._CoreAPI;
import freemarker.template.Configuration;
import freemarker.template.SimpleObjectWrapper;
import freemarker.template.Template;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateModel;
import freemarker.template.Version;
import java.io.IOException;
import java.io.StringReader;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.WeakHashMap;

/**
 * A Freemarker configuration locked down for templates we do not trust: no {@code ?new}, no {@code ?api}, no
 * Java objects or methods, templates only from inside the policy, every template made to stop when its
 * render thread is interrupted, numbers and the built-ins that multiply sizes bounded, and every interpolation of a
 * JSON or YAML template escaped.
 */
final class SandboxConfiguration extends Configuration {

    private static final Version FREEMARKER_VERSION = Configuration.VERSION_2_3_34;

    private final Set<Template> interruptible = Collections.newSetFromMap(new WeakHashMap<>());

    SandboxConfiguration(ContentSources sources, Map<String, ? extends TemplateModel> functions) {
        super(FREEMARKER_VERSION);
        setTemplateLoader(new ConfinedTemplateLoader(sources));
        // The 2.3.0 format keeps "http://host:port/..." names intact; the newer one rejects the port's ':'.
        setTemplateNameFormat(TemplateNameFormat.DEFAULT_2_3_0);
        setLocalizedLookup(false);
        setTemplateUpdateDelayMilliseconds(0);
        setRecognizeStandardFileExtensions(false);
        setOutputFormat(UndefinedOutputFormat.INSTANCE);
        setRegisteredCustomOutputFormats(List.of(JsonOutputFormat.INSTANCE, YamlOutputFormat.INSTANCE));
        setTemplateConfigurations(outputFormatsByName());
        setDefaultEncoding("UTF-8");
        setLocale(Locale.ROOT);
        setTimeZone(TimeZone.getTimeZone("UTC"));
        setNumberFormat("computer");
        setArithmeticEngine(BoundedArithmetic.INSTANCE);
        SizeBoundedBuiltIns.install();
        setBooleanFormat("c");

        setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        setAPIBuiltinEnabled(false);
        SimpleObjectWrapper wrapper = new SimpleObjectWrapper(FREEMARKER_VERSION);
        wrapper.writeProtect();
        setObjectWrapper(wrapper);

        setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        setAttemptExceptionReporter((exception, environment) -> { });
        setLogTemplateExceptions(false);
        setWrapUncheckedExceptions(true);
        functions.forEach(this::setSharedVariable);
    }

    /** Every template Freemarker loads, for us or for its own directives, passes through here. */
    @Override
    public Template getTemplate(String name, Locale locale, Object customLookupCondition, String encoding,
            boolean parseAsFTL, boolean ignoreMissing) throws IOException {
        Template template = super.getTemplate(name, locale, customLookupCondition, encoding, parseAsFTL,
                ignoreMissing);
        if (template != null) {
            makeInterruptible(template);
        }
        return template;
    }

    /** Compiles a template from text, under the same rules as loaded ones. */
    Template compile(Location.Inline inline) throws IOException {
        String name = inline.templateName();
        ForbiddenBuiltIns.check(inline.displayName(), inline.body());
        TemplateConfiguration byName;
        try {
            byName = getTemplateConfigurations().get(inline.displayName(), inline);
        } catch (TemplateConfigurationFactoryException e) {
            throw new IllegalStateException("the output formats are matched by name only", e);
        }
        Template template;
        try {
            template = new Template(name, inline.displayName(), new StringReader(inline.body()), this, byName, null);
        } catch (ParseException e) {
            e.setTemplateName(inline.displayName());
            throw e;
        }
        if (byName != null) {
            byName.apply(template);
        }
        makeInterruptible(template);
        return template;
    }

    /**
     * JSON and YAML templates escape every interpolation: {@code *.json.ftl} for the inside of a JSON string,
     * {@code *.yml.ftl} and {@code *.yaml.ftl} as a whole YAML scalar. Any other template escapes nothing.
     */
    private static FirstMatchTemplateConfigurationFactory outputFormatsByName() {
        return new FirstMatchTemplateConfigurationFactory(
                new ConditionalTemplateConfigurationFactory(new FileNameGlobMatcher("*.json.ftl"),
                        withOutputFormat(JsonOutputFormat.INSTANCE)),
                new ConditionalTemplateConfigurationFactory(
                        new OrMatcher(new FileNameGlobMatcher("*.yml.ftl"), new FileNameGlobMatcher("*.yaml.ftl")),
                        withOutputFormat(YamlOutputFormat.INSTANCE)))
                .allowNoMatch(true);
    }

    private static TemplateConfiguration withOutputFormat(OutputFormat format) {
        TemplateConfiguration configuration = new TemplateConfiguration();
        configuration.setOutputFormat(format);
        return configuration;
    }

    /**
     * Adds Freemarker's thread-interruption checks to the loops of a template, once per parsed template.
     * Freemarker 2.3 offers this only through its internal {@code _CoreAPI} (its own online tester uses it); a
     * template is never handed out before it is done, so no render sees it half changed. It is marked done only
     * afterwards, so a stack overflow in the middle (a deep {@code <#include>} recursion) makes the next caller
     * finish the job.
     */
    private void makeInterruptible(Template template) {
        synchronized (interruptible) {
            if (!interruptible.contains(template)) {
                _CoreAPI.addThreadInterruptedChecks(template);
                interruptible.add(template);
            }
        }
    }
}
