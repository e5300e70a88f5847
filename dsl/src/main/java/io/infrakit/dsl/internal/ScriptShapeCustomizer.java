package io.infrakit.dsl.internal;

import groovy.transform.BaseScript;
import groovy.transform.Generated;
import org.codehaus.groovy.ast.AnnotatedNode;
import org.codehaus.groovy.ast.AnnotationNode;
import org.codehaus.groovy.ast.ClassCodeVisitorSupport;
import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.ast.ImportNode;
import org.codehaus.groovy.ast.InnerClassNode;
import org.codehaus.groovy.ast.ModuleNode;
import org.codehaus.groovy.classgen.GeneratorContext;
import org.codehaus.groovy.control.CompilePhase;
import org.codehaus.groovy.control.SourceUnit;
import org.codehaus.groovy.control.customizers.CompilationCustomizer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The first check, run as soon as the script is parsed (CONVERSION) and so before any annotation can reach an AST
 * transformation that runs code at compile time ({@code @ASTTest}, {@code @Grab}): a playbook is a script with
 * helper methods at most, and has no annotations, imports, package or class definitions.
 */
final class ScriptShapeCustomizer extends CompilationCustomizer {

    ScriptShapeCustomizer() {
        super(CompilePhase.CONVERSION);
    }

    @Override
    public void call(SourceUnit source, GeneratorContext context, ClassNode classNode) {
        ModuleNode module = source.getAST();
        AnnotationFinder annotations = new AnnotationFinder(source);
        annotations.visitImports(module);
        if (module.getPackage() != null) {
            annotations.visitAnnotations(module.getPackage());
        }
        for (ClassNode declared : module.getClasses()) {
            annotations.visitClass(declared);
        }
        checkImports(module);
        if (module.getPackage() != null) {
            throw new SandboxViolation(module.getPackage(), "package declarations are not allowed");
        }
        for (ClassNode declared : module.getClasses()) {
            if (declared instanceof InnerClassNode inner && inner.isAnonymous()) {
                throw new SandboxViolation(declared, "anonymous classes are not allowed");
            }
            if (!declared.isScript()) {
                throw new SandboxViolation(declared, "class definitions are not allowed (" + declared.getName() + ")");
            }
        }
    }

    private static void checkImports(ModuleNode module) {
        List<ImportNode> imports = new ArrayList<>(module.getImports());
        imports.addAll(module.getStarImports());
        imports.addAll(module.getStaticImports().values());
        imports.addAll(module.getStaticStarImports().values());
        imports.stream().min(Comparator.comparingInt(ImportNode::getLineNumber)).ifPresent(first -> {
            String imported = first.getText().replaceFirst("^import ", "");
            throw new SandboxViolation(first, "imports are not allowed (" + imported + ")");
        });
    }

    /** Fails on the first annotation anywhere in the module: on imports, classes, methods, parameters, variables. */
    private static final class AnnotationFinder extends ClassCodeVisitorSupport {

        private final SourceUnit source;

        AnnotationFinder(SourceUnit source) {
            this.source = source;
        }

        @Override
        protected SourceUnit getSourceUnit() {
            return source;
        }

        @Override
        public void visitAnnotations(AnnotatedNode node) {
            for (AnnotationNode annotation : node.getAnnotations()) {
                if (!isAddedByGroovy(annotation)) {
                    throw new SandboxViolation(annotation.getLineNumber() > 0 ? annotation : node,
                            "annotations are not allowed (@" + annotation.getClassNode().getNameWithoutPackage() + ")");
                }
            }
            super.visitAnnotations(node);
        }

        /**
         * Groovy itself marks the script class with {@code @BaseScript} (to apply the configured base class) and
         * the members it generates with {@code @Generated}; such annotations have no source position, unlike
         * every annotation a script writes.
         */
        private static boolean isAddedByGroovy(AnnotationNode annotation) {
            String type = annotation.getClassNode().getName();
            boolean known = type.equals(BaseScript.class.getName()) || type.equals(Generated.class.getName());
            return known && annotation.getLineNumber() < 1;
        }
    }
}
