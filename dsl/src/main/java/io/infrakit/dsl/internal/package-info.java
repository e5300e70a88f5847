/**
 * The sandbox that playbook scripts compile and run in, in the order it acts:
 * <ol>
 *   <li>{@link io.infrakit.dsl.internal.SandboxCompiler}: a fresh class loader per script, no global AST
 *       transformations, {@link io.infrakit.dsl.internal.PlaybookScript} as the base class;</li>
 *   <li>{@link io.infrakit.dsl.internal.ScriptShapeCustomizer} (CONVERSION): no annotations, imports, package or
 *       class definitions;</li>
 *   <li>{@link io.infrakit.dsl.internal.ScriptSecurityCustomizer} with
 *       {@link io.infrakit.dsl.internal.ScriptRules}: only {@link io.infrakit.dsl.internal.AllowedTypes}, none of
 *       the {@link io.infrakit.dsl.internal.DeniedNames}, no dynamic names, method pointers or field access;</li>
 *   <li>{@link io.infrakit.dsl.internal.GuardTransformer}: routes calls and operators through
 *       {@link io.infrakit.dsl.internal.Guard} at run time;</li>
 *   <li>{@code ThreadInterrupt}: interrupt checks in loops, closures and methods;</li>
 *   <li>{@link io.infrakit.dsl.internal.SandboxRunner}: a thread per evaluation, watched for time and for the memory
 *       it keeps ({@link io.infrakit.dsl.internal.HeapGrowth}), and interrupted past either limit.</li>
 * </ol>
 */
package io.infrakit.dsl.internal;
