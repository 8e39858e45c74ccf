package io.helixagent.agent.instrument;

import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.FieldVisitor;
import net.bytebuddy.jar.asm.Handle;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * A class file's members and instructions as text, leaving out what the JVM may lay out differently each time
 * it reconstitutes a class (constant-pool order, stack map frames, debug tables). Two class files with the same
 * fingerprint run the same code, which is what "the original bytecode is restored" means.
 */
final class BytecodeFingerprint {
    private BytecodeFingerprint() {
    }

    static String of(final byte[] classFile) {
        final StringBuilder out = new StringBuilder();
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public void visit(final int version, final int access, final String name, final String signature,
                              final String superName, final String[] interfaces) {
                out.append("class ").append(access).append(' ').append(name).append(" : ").append(superName)
                    .append(String.join(",", interfaces)).append('\n');
            }

            @Override
            public FieldVisitor visitField(final int access, final String name, final String descriptor,
                                           final String signature, final Object value) {
                out.append("field ").append(access).append(' ').append(name).append(descriptor).append('\n');
                return null;
            }

            @Override
            public MethodVisitor visitMethod(final int access, final String name, final String descriptor,
                                             final String signature, final String[] exceptions) {
                out.append("method ").append(access).append(' ').append(name).append(descriptor).append('\n');
                return new Instructions(out);
            }
        }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return out.toString();
    }

    /** Writes each instruction as its opcode and symbolic operands; labels as their order of appearance. */
    private static final class Instructions extends MethodVisitor {
        private final StringBuilder out;

        Instructions(final StringBuilder out) {
            super(Opcodes.ASM9);
            this.out = out;
        }

        private void line(final Object... parts) {
            out.append("  ");
            for (final Object part : parts) {
                out.append(part instanceof Handle h ? h.getOwner() + "." + h.getName() + h.getDesc() : part)
                    .append(' ');
            }
            out.append('\n');
        }

        @Override
        public void visitInsn(final int opcode) {
            line(opcode);
        }

        @Override
        public void visitIntInsn(final int opcode, final int operand) {
            line(opcode, operand);
        }

        @Override
        public void visitVarInsn(final int opcode, final int var) {
            line(opcode, var);
        }

        @Override
        public void visitTypeInsn(final int opcode, final String type) {
            line(opcode, type);
        }

        @Override
        public void visitFieldInsn(final int opcode, final String owner, final String name, final String descriptor) {
            line(opcode, owner, name, descriptor);
        }

        @Override
        public void visitMethodInsn(final int opcode, final String owner, final String name, final String descriptor,
                                    final boolean isInterface) {
            line(opcode, owner, name, descriptor);
        }

        @Override
        public void visitInvokeDynamicInsn(final String name, final String descriptor, final Handle bootstrap,
                                           final Object... arguments) {
            line("indy", name, descriptor, bootstrap);
        }

        @Override
        public void visitJumpInsn(final int opcode, final Label label) {
            line(opcode, "jump");
        }

        @Override
        public void visitLdcInsn(final Object value) {
            line("ldc", value);
        }

        @Override
        public void visitIincInsn(final int var, final int increment) {
            line("iinc", var, increment);
        }

        @Override
        public void visitTableSwitchInsn(final int min, final int max, final Label dflt, final Label... labels) {
            line("tableswitch", min, max, labels.length);
        }

        @Override
        public void visitLookupSwitchInsn(final Label dflt, final int[] keys, final Label[] labels) {
            line("lookupswitch", keys.length);
        }

        @Override
        public void visitMultiANewArrayInsn(final String descriptor, final int dimensions) {
            line("multianewarray", descriptor, dimensions);
        }

        @Override
        public void visitTryCatchBlock(final Label start, final Label end, final Label handler, final String type) {
            line("try", type);
        }
    }
}
