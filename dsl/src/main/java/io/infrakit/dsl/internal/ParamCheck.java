package io.infrakit.dsl.internal;

import groovy.lang.Closure;
import io.infrakit.dsl.DslException;
import io.infrakit.dsl.Param;
import io.infrakit.dsl.ParamType;
import org.codehaus.groovy.runtime.typehandling.DefaultTypeTransformation;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The values a command is planned with: each declared parameter's given value (typed) or default, checked against
 * its choices, bounds and validate closure; a required parameter nobody gave is left out. The first failure names the parameter's declaration line.
 */
final class ParamCheck {

    private ParamCheck() {
    }

    static Map<String, Object> values(Declarations declarations, Map<String, Object> given) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (DeclaredParam declared : declarations.declaredParams()) {
            Param param = declared.param();
            Object value = given.get(param.name()) == null ? param.defaultValue() : typed(param, given.get(param.name()));
            if (value == null) {
                // required and not given: an error only if the command reads it (PlaybookScript.getProperty)
                continue;
            }
            check(declared, value);
            values.put(param.name(), value);
        }
        return values;
    }

    private static Object typed(Param param, Object value) {
        try {
            return ParamCoercion.coerce(param, value);
        } catch (DslException mismatch) {
            throw new ScriptError(param.line(), mismatch.getMessage());
        }
    }

    private static void check(DeclaredParam declared, Object value) {
        Param param = declared.param();
        String shown = ParamCoercion.inMessage(param, value);
        if (!param.choices().isEmpty() && !Choices.contains(param.choices(), value)) {
            throw new ScriptError(param.line(), "parameter '" + param.name() + "' must be one of "
                    + Choices.list(param.choices()) + "; got '" + shown + "'");
        }
        boolean numeric = param.type() == ParamType.INTEGER || param.type() == ParamType.DECIMAL;
        if (numeric) {
            BigDecimal number = new BigDecimal(value.toString());
            if (declared.min() != null && number.compareTo(declared.min()) < 0) {
                throw new ScriptError(param.line(), "parameter '" + param.name() + "' must be at least "
                        + declared.min().toPlainString() + "; got " + shown);
            }
            if (declared.max() != null && number.compareTo(declared.max()) > 0) {
                throw new ScriptError(param.line(), "parameter '" + param.name() + "' must be at most "
                        + declared.max().toPlainString() + "; got " + shown);
            }
        }
        if (declared.validate() != null) {
            validate(param, declared.validate(), value, shown);
        }
    }

    private static void validate(Param param, Closure<?> validate, Object value, String shown) {
        String invalid = "parameter '" + param.name() + "' = " + shown + " is not valid";
        Object verdict;
        try {
            verdict = validate.call(value);
        } catch (RuntimeException | AssertionError failed) {
            throw new ScriptError(param.line(), invalid + ": " + ScriptFailures.reason(failed));
        }
        if (!DefaultTypeTransformation.castToBoolean(verdict)) {
            throw new ScriptError(param.line(), invalid);
        }
    }
}
