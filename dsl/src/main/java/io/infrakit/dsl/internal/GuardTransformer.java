package io.infrakit.dsl.internal;

import org.codehaus.groovy.ast.ClassCodeExpressionTransformer;
import org.codehaus.groovy.ast.ClassHelper;
import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.ast.expr.ArgumentListExpression;
import org.codehaus.groovy.ast.expr.AttributeExpression;
import org.codehaus.groovy.ast.expr.BinaryExpression;
import org.codehaus.groovy.ast.expr.CastExpression;
import org.codehaus.groovy.ast.expr.ClassExpression;
import org.codehaus.groovy.ast.expr.ClosureExpression;
import org.codehaus.groovy.ast.expr.ConstantExpression;
import org.codehaus.groovy.ast.expr.ConstructorCallExpression;
import org.codehaus.groovy.ast.expr.DeclarationExpression;
import org.codehaus.groovy.ast.expr.Expression;
import org.codehaus.groovy.ast.expr.ListExpression;
import org.codehaus.groovy.ast.expr.MapExpression;
import org.codehaus.groovy.ast.expr.MethodCallExpression;
import org.codehaus.groovy.ast.expr.PropertyExpression;
import org.codehaus.groovy.ast.expr.RangeExpression;
import org.codehaus.groovy.ast.expr.SpreadExpression;
import org.codehaus.groovy.ast.expr.StaticMethodCallExpression;
import org.codehaus.groovy.ast.expr.TupleExpression;
import org.codehaus.groovy.ast.expr.VariableExpression;
import org.codehaus.groovy.classgen.GeneratorContext;
import org.codehaus.groovy.control.CompilePhase;
import org.codehaus.groovy.control.SourceUnit;
import org.codehaus.groovy.control.customizers.CompilationCustomizer;
import org.codehaus.groovy.syntax.Token;
import org.codehaus.groovy.syntax.Types;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rewrites the checked script so that the run-time checks of {@link Guard} apply: receivers of calls, property
 * reads and {@code []}; non-constant {@code []} keys; the operators {@code *}, {@code **}, {@code <<}, {@code =~},
 * {@code ==~} and {@code as}; calls to the methods in {@link #SIZED}; range literals and constructor arguments.
 * Runs after {@link ScriptSecurityCustomizer}, so the calls it adds to {@link Guard} are not themselves checked,
 * and before the interrupt transformations.
 */
final class GuardTransformer extends CompilationCustomizer {

    /** Methods whose result size is a product of an argument, so one call can allocate without limit. */
    static final Set<String> SIZED = Set.of("multiply", "repeat", "padLeft", "padRight", "center", "expand",
            "expandLine", "power", "pow", "shiftLeft", "setScale", "format", "formatted", "sprintf", "printf",
            "permutations", "subsequences", "combinations", "inits", "tails");

    /** The compound assignments rewritten as {@code x = Guard.method(x, y)}; see {@link ScriptRules}. */
    static final Map<Integer, String> ASSIGNING_OPERATORS = Map.of(
            Types.MULTIPLY_EQUAL, "multiply", Types.POWER_EQUAL, "power", Types.LEFT_SHIFT_EQUAL, "leftShift");

    private static final ClassNode GUARD = ClassHelper.make(Guard.class);

    GuardTransformer() {
        super(CompilePhase.CANONICALIZATION);
    }

    @Override
    public void call(SourceUnit source, GeneratorContext context, ClassNode classNode) {
        new Rewriter(source).visitClass(classNode);
    }

    private static final class Rewriter extends ClassCodeExpressionTransformer {

        private final SourceUnit source;

        Rewriter(SourceUnit source) {
            this.source = source;
        }

        @Override
        protected SourceUnit getSourceUnit() {
            return source;
        }

        @Override
        public Expression transform(Expression expression) {
            if (expression == null) {
                return null;
            }
            if (expression instanceof ClosureExpression closure) {
                closure.visit(this);
                return closure;
            }
            Expression transformed = expression.transformExpression(this);
            if (transformed instanceof MethodCallExpression call) {
                return guardCall(call);
            }
            if (transformed instanceof PropertyExpression property && !(transformed instanceof AttributeExpression)) {
                return guardProperty(property);
            }
            if (transformed instanceof BinaryExpression binary && !(transformed instanceof DeclarationExpression)) {
                return guardOperator(binary);
            }
            if (transformed instanceof RangeExpression) {
                return guardCall("range", transformed, transformed);
            }
            if (transformed instanceof ConstructorCallExpression constructor) {
                return guardConstructor(constructor);
            }
            if (transformed instanceof CastExpression cast && cast.isCoerce()) {
                return guardCall("asType", cast, cast.getExpression(), new ClassExpression(cast.getType()));
            }
            return transformed;
        }

        private Expression guardCall(MethodCallExpression call) {
            String name = call.getMethodAsString();
            if (SIZED.contains(name)) {
                Expression target = call.isImplicitThis() ? new VariableExpression("this") : call.getObjectExpression();
                return guardCall("call", call, target, new ConstantExpression(name),
                        new ConstantExpression(call.isSafe(), true), new ConstantExpression(call.isSpreadSafe(), true),
                        argumentList(call.getArguments()));
            }
            if (!call.isImplicitThis() && !(call.getObjectExpression() instanceof ClassExpression)) {
                call.setObjectExpression(guardReceiver(call.getObjectExpression(), call.isSpreadSafe()));
            }
            return call;
        }

        private Expression guardProperty(PropertyExpression property) {
            if (!property.isImplicitThis() && !(property.getObjectExpression() instanceof ClassExpression)) {
                property.setObjectExpression(guardReceiver(property.getObjectExpression(), property.isSpreadSafe()));
            }
            return property;
        }

        private Expression guardOperator(BinaryExpression binary) {
            Expression left = binary.getLeftExpression();
            Expression right = binary.getRightExpression();
            switch (binary.getOperation().getType()) {
                case Types.LEFT_SQUARE_BRACKET -> {
                    binary.setLeftExpression(guardReceiver(left, false));
                    if (!(right instanceof ConstantExpression)) {
                        binary.setRightExpression(guardCall("key", right, right));
                    }
                    return binary;
                }
                case Types.MULTIPLY -> {
                    return guardCall("multiply", binary, left, right);
                }
                case Types.POWER -> {
                    return guardCall("power", binary, left, right);
                }
                case Types.LEFT_SHIFT -> {
                    return guardCall("leftShift", binary, left, right);
                }
                case Types.FIND_REGEX -> {
                    return guardCall("findRegex", binary, left, right);
                }
                case Types.MATCH_REGEX -> {
                    return guardCall("matchRegex", binary, left, right);
                }
                case Types.MULTIPLY_EQUAL, Types.POWER_EQUAL, Types.LEFT_SHIFT_EQUAL -> {
                    String method = ASSIGNING_OPERATORS.get(binary.getOperation().getType());
                    Token assign = Token.newSymbol(Types.ASSIGN, binary.getLineNumber(), binary.getColumnNumber());
                    BinaryExpression assignment = new BinaryExpression(left, assign,
                            guardCall(method, binary, left, right));
                    assignment.setSourcePosition(binary);
                    return assignment;
                }
                default -> {
                    return binary;
                }
            }
        }

        private Expression guardConstructor(ConstructorCallExpression constructor) {
            List<Expression> arguments = new ArrayList<>();
            for (Expression argument : ((TupleExpression) constructor.getArguments()).getExpressions()) {
                boolean plain = !(argument instanceof SpreadExpression) && !(argument instanceof MapExpression);
                arguments.add(plain ? guardCall("capacity", argument, argument) : argument);
            }
            ConstructorCallExpression guarded =
                    new ConstructorCallExpression(constructor.getType(), new ArgumentListExpression(arguments));
            guarded.setSourcePosition(constructor);
            return guarded;
        }

        private static Expression guardReceiver(Expression target, boolean spread) {
            return guardCall(spread ? "receivers" : "receiver", target, target);
        }

        private static ListExpression argumentList(Expression arguments) {
            List<Expression> values = new ArrayList<>();
            for (Expression argument : ((TupleExpression) arguments).getExpressions()) {
                values.add(argument instanceof MapExpression named ? new MapExpression(named.getMapEntryExpressions())
                        : argument);
            }
            return new ListExpression(values);
        }

        private static Expression guardCall(String method, Expression position, Expression... arguments) {
            StaticMethodCallExpression call =
                    new StaticMethodCallExpression(GUARD, method, new ArgumentListExpression(arguments));
            call.setSourcePosition(position);
            return call;
        }
    }
}
