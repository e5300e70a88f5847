package io.infrakit.dsl.internal;

import org.codehaus.groovy.ast.ASTNode;

/** Something the script may not do, found when it compiles; {@code line} is 0 when the node has no position. */
public final class SandboxViolation extends SecurityException {

    private final int line;

    public SandboxViolation(ASTNode node, String reason) {
        super(reason);
        this.line = Math.max(node.getLineNumber(), 0);
    }

    public int line() {
        return line;
    }
}
