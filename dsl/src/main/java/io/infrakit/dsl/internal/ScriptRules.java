package io.infrakit.dsl.internal;

import org.codehaus.groovy.ast.ASTNode;
import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.ast.DynamicVariable;
import org.codehaus.groovy.ast.Parameter;
import org.codehaus.groovy.ast.expr.ArrayExpression;
import org.codehaus.groovy.ast.expr.AttributeExpression;
import org.codehaus.groovy.ast.expr.BinaryExpression;
import org.codehaus.groovy.ast.expr.CastExpression;
import org.codehaus.groovy.ast.expr.ClassExpression;
import org.codehaus.groovy.ast.expr.ConstantExpression;
import org.codehaus.groovy.ast.expr.ConstructorCallExpression;
import org.codehaus.groovy.ast.expr.Expression;
import org.codehaus.groovy.ast.expr.FieldExpression;
import org.codehaus.groovy.ast.expr.MethodCallExpression;
import org.codehaus.groovy.ast.expr.MethodPointerExpression;
import org.codehaus.groovy.ast.expr.PropertyExpression;
import org.codehaus.groovy.ast.expr.StaticMethodCallExpression;
import org.codehaus.groovy.ast.expr.VariableExpression;
import org.codehaus.groovy.ast.stmt.Statement;
import org.codehaus.groovy.ast.stmt.SynchronizedStatement;
import org.codehaus.groovy.control.customizers.SecureASTCustomizer;
import org.codehaus.groovy.syntax.Types;

import java.math.BigDecimal;
import java.util.Set;

/**
 * The per-node rules of the sandbox, applied by {@link ScriptSecurityCustomizer} to every expression and statement
 * of the script before it is compiled. A rule that fails throws {@link SandboxViolation}, which keeps the line.
 */
final class ScriptRules implements SecureASTCustomizer.ExpressionChecker, SecureASTCustomizer.StatementChecker {

    private static final Set<String> PRINT_METHODS = Set.of("print", "println", "printf");
    private static final long MAX_LITERAL_DIGITS = 10_000;

    @Override
    public boolean isAuthorized(Statement statement) {
        if (statement instanceof SynchronizedStatement) {
            throw new SandboxViolation(statement, "synchronized blocks are not allowed");
        }
        return true;
    }

    @Override
    public boolean isAuthorized(Expression expression) {
        if (expression instanceof MethodPointerExpression) {
            throw new SandboxViolation(expression, "method pointers (.& and ::) are not allowed");
        }
        if (expression instanceof AttributeExpression || expression instanceof FieldExpression) {
            throw new SandboxViolation(expression, "direct field access (.@) is not allowed");
        }
        if (expression instanceof ArrayExpression) {
            throw new SandboxViolation(expression, "creating arrays is not allowed; use a list");
        }
        if (expression instanceof MethodCallExpression call) {
            checkMethodCall(call);
        } else if (expression instanceof StaticMethodCallExpression call) {
            checkName(call, call.getMethod());
            checkType(call, call.getOwnerType());
        } else if (expression instanceof PropertyExpression property) {
            String name = property.getPropertyAsString();
            if (name == null) {
                throw new SandboxViolation(expression, "dynamic property names are not allowed");
            }
            checkName(expression, name);
            checkType(expression, property.getObjectExpression().getType());
        } else if (expression instanceof VariableExpression variable) {
            checkVariable(variable);
        } else if (expression instanceof ClassExpression) {
            checkType(expression, expression.getType());
        } else if (expression instanceof ConstructorCallExpression call) {
            checkConstructorCall(call);
        } else if (expression instanceof CastExpression cast) {
            checkType(expression, cast.getType());
        } else if (expression instanceof BinaryExpression binary) {
            checkBinary(binary);
        } else if (expression instanceof ConstantExpression constant && constant.getValue() instanceof BigDecimal number
                && Math.abs((long) number.scale()) + number.precision() > MAX_LITERAL_DIGITS) {
            throw new SandboxViolation(expression, "number literal out of range");
        }
        return true;
    }

    /** A parameter's type; {@code where} gives the line when the parameter itself has none. */
    static void checkParameter(ASTNode where, Parameter parameter) {
        checkType(parameter.getLineNumber() > 0 ? parameter : where, parameter.getOriginType());
    }

    /** A class the script names, or the static type of an expression: one of {@link AllowedTypes}. */
    static void checkType(ASTNode where, ClassNode type) {
        ClassNode element = type;
        while (element.isArray()) {
            element = element.getComponentType();
        }
        if (!element.isScript() && !AllowedTypes.isNameable(element.getName())) {
            throw new SandboxViolation(where, "class " + element.getName() + " is not allowed");
        }
    }

    private static void checkMethodCall(MethodCallExpression call) {
        String name = call.getMethodAsString();
        if (name == null) {
            throw new SandboxViolation(call, "dynamic method names are not allowed");
        }
        checkName(call, name);
        Expression receiver = call.getObjectExpression();
        if (!call.isImplicitThis() && !isThis(receiver)) {
            checkType(call, receiver.getType());
            if (PRINT_METHODS.contains(name)) {
                throw new SandboxViolation(call, "'" + name + "' on an object is not allowed; use echo");
            }
        }
    }

    private static void checkVariable(VariableExpression variable) {
        if (variable.isSuperExpression()) {
            throw new SandboxViolation(variable, "'super' is not allowed");
        }
        boolean dynamic = variable.getAccessedVariable() == null
                || variable.getAccessedVariable() instanceof DynamicVariable;
        if (dynamic && DeniedNames.isVariable(variable.getName())) {
            throw new SandboxViolation(variable, "'" + variable.getName() + "' is not allowed");
        }
        checkType(variable, variable.getOriginType());
    }

    private static void checkConstructorCall(ConstructorCallExpression call) {
        if (call.isSpecialCall()) {
            throw new SandboxViolation(call, "constructor calls are not allowed");
        }
        if (call.isUsingAnonymousInnerClass()) {
            throw new SandboxViolation(call, "anonymous classes are not allowed");
        }
        if (!AllowedTypes.isConstructible(call.getType().getName())) {
            throw new SandboxViolation(call, "creating " + call.getType().getName() + " is not allowed");
        }
    }

    private static void checkBinary(BinaryExpression binary) {
        int operation = binary.getOperation().getType();
        if (operation == Types.LEFT_SQUARE_BRACKET
                && binary.getRightExpression() instanceof ConstantExpression key
                && key.getValue() instanceof String name) {
            checkName(binary, name);
        }
        boolean guardedAssignment = GuardTransformer.ASSIGNING_OPERATORS.containsKey(operation);
        if (guardedAssignment && !(binary.getLeftExpression() instanceof VariableExpression)) {
            String assignment = binary.getOperation().getText();
            String operator = assignment.substring(0, assignment.length() - 1);
            throw new SandboxViolation(binary,
                    "'" + assignment + "' can only assign to a variable; write x = x " + operator + " y");
        }
    }

    private static void checkName(ASTNode where, String name) {
        if (DeniedNames.contains(name)) {
            throw new SandboxViolation(where, "'" + name + "' is not allowed");
        }
    }

    private static boolean isThis(Expression expression) {
        return expression instanceof VariableExpression variable && variable.isThisExpression();
    }
}
