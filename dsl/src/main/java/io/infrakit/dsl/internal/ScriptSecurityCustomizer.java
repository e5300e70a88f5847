package io.infrakit.dsl.internal;

import org.codehaus.groovy.ast.ASTNode;
import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.ast.CodeVisitorSupport;
import org.codehaus.groovy.ast.GroovyCodeVisitor;
import org.codehaus.groovy.ast.MethodNode;
import org.codehaus.groovy.ast.Parameter;
import org.codehaus.groovy.ast.expr.ClosureExpression;
import org.codehaus.groovy.ast.stmt.CatchStatement;
import org.codehaus.groovy.ast.stmt.ForStatement;
import org.codehaus.groovy.classgen.GeneratorContext;
import org.codehaus.groovy.control.SourceUnit;
import org.codehaus.groovy.control.customizers.SecureASTCustomizer;

import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Set;

/**
 * Groovy's {@link SecureASTCustomizer}, set up for playbooks: no package, method definitions allowed, the import
 * lists naming only {@link AllowedTypes} (import statements themselves never get this far, see
 * {@link ScriptShapeCustomizer}) so that the indirect import check holds receivers and constructors to the same
 * classes, and {@link ScriptRules} applied to every expression and statement. It also checks what the stock
 * visitor skips: parameters of methods and closures (their types and default values), catch and for-loop variables,
 * and the names of the script's own methods.
 */
final class ScriptSecurityCustomizer extends SecureASTCustomizer {

    private static final Set<String> RESERVED_METHOD_NAMES = Set.of("main", "run");

    ScriptSecurityCustomizer() {
        List<String> nameableClasses = AllowedTypes.nameable();
        ScriptRules rules = new ScriptRules();
        setPackageAllowed(false);
        setMethodDefinitionAllowed(true);
        setClosuresAllowed(true);
        setAllowedImports(nameableClasses);
        setAllowedStarImports(List.of());
        setAllowedStaticImports(List.of());
        setAllowedStaticStarImports(nameableClasses.stream().map(name -> name + ".*").toList());
        setIndirectImportCheckEnabled(true);
        addExpressionCheckers(rules);
        addStatementCheckers(rules);
    }

    @Override
    public void call(SourceUnit source, GeneratorContext context, ClassNode classNode) {
        super.call(source, context, classNode);
        GroovyCodeVisitor securing = createGroovyCodeVisitor();
        DeclarationVisitor declarations = new DeclarationVisitor(securing);
        for (MethodNode method : classNode.getMethods()) {
            if (method.isSynthetic() || method.getCode() == null) {
                continue;
            }
            if (!method.isScriptBody()) {
                checkMethodSignature(method);
                checkParameters(method, method.getParameters(), securing, declarations);
            }
            method.getCode().visit(declarations);
        }
    }

    @Override
    protected void assertImportIsAllowed(String className) {
        // The script and its closures are the only classes in the default package: class definitions are rejected
        // before this runs, and every other reachable class lives in a named package.
        if (!className.contains(".")) {
            return;
        }
        super.assertImportIsAllowed(className);
    }

    @Override
    protected void assertStaticImportIsAllowed(String member, String className) {
        if (!className.contains(".")) {
            return;
        }
        super.assertStaticImportIsAllowed(member, className);
    }

    private static void checkMethodSignature(MethodNode method) {
        String name = method.getName();
        if (DslVerbs.contains(name) || DeniedNames.contains(name) || RESERVED_METHOD_NAMES.contains(name)) {
            throw new SandboxViolation(method, "a method named '" + name + "' cannot be defined in a playbook");
        }
        if (Modifier.isSynchronized(method.getModifiers())) {
            throw new SandboxViolation(method, "synchronized methods are not allowed");
        }
        ScriptRules.checkType(method, method.getReturnType());
    }

    /** Checks each parameter's type, and runs the visitors over default values, which the stock visitor skips. */
    private static void checkParameters(ASTNode owner, Parameter[] parameters, GroovyCodeVisitor... visitors) {
        if (parameters == null) {
            return;
        }
        for (Parameter parameter : parameters) {
            ScriptRules.checkParameter(owner, parameter);
            if (parameter.hasInitialExpression()) {
                for (GroovyCodeVisitor visitor : visitors) {
                    parameter.getInitialExpression().visit(visitor);
                }
            }
        }
    }

    /** Finds the declarations inside code: closure parameters, catch and for-loop variables. */
    private static final class DeclarationVisitor extends CodeVisitorSupport {

        private final GroovyCodeVisitor securing;

        DeclarationVisitor(GroovyCodeVisitor securing) {
            this.securing = securing;
        }

        @Override
        public void visitClosureExpression(ClosureExpression closure) {
            checkParameters(closure, closure.getParameters(), securing, this);
            super.visitClosureExpression(closure);
        }

        @Override
        public void visitCatchStatement(CatchStatement statement) {
            ScriptRules.checkParameter(statement, statement.getVariable());
            super.visitCatchStatement(statement);
        }

        @Override
        public void visitForLoop(ForStatement loop) {
            for (Parameter variable : new Parameter[] {loop.getIndexVariable(), loop.getValueVariable()}) {
                if (variable != null) {
                    ScriptRules.checkParameter(loop, variable);
                }
            }
            super.visitForLoop(loop);
        }
    }
}
