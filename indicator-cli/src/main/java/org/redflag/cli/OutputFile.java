package org.redflag.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Where a command writes its result: standard output, or a file written under a temporary name in
 * the same folder and renamed over the target only when the whole result is written, so a failed
 * run never leaves a half-written or emptied file. Write failures (a full disk, a closed pipe) end
 * the run with {@link RedflagCommand#EXIT_INCOMPLETE}: a run whose output was lost never exits 0.
 */
final class OutputFile implements AutoCloseable {
  /** Standard output swallows errors ({@link PrintWriter}); it is checked this often, in lines. */
  private static final int CHECK_EVERY = 1024;

  private final PrintWriter stdout;
  private final Path target;
  private final Path temp;
  private final Writer writer;
  private long lines;
  private boolean committed;

  private OutputFile(PrintWriter stdout, Path target, Path temp, Writer writer) {
    this.stdout = stdout;
    this.target = target;
    this.temp = temp;
    this.writer = writer;
  }

  /** Writes to {@code out}, or to {@code stdout} when {@code out} is null; refuses an output that is one of the inputs. */
  static OutputFile open(Path out, PrintWriter stdout, String option, Path... inputs) {
    if (out == null) return new OutputFile(stdout, null, null, stdout);
    refuseInput(out, option, inputs);
    Path temp = null;
    try {
      temp = tempBeside(out);
      Writer w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(temp), StandardCharsets.UTF_8), 1 << 16);
      return new OutputFile(null, out, temp, w);
    } catch (IOException | RuntimeException e) {
      deleteQuietly(temp);
      throw failed(out, e);
    }
  }

  /** Writes a whole file through a temporary file and a rename; {@code write} gets the temporary path. */
  static void write(Path out, String option, PathWriter write, Path... inputs) {
    refuseInput(out, option, inputs);
    Path temp = null;
    try {
      temp = tempBeside(out);
      write.write(temp);
      move(temp, out);
      temp = null;
    } catch (IOException | java.io.UncheckedIOException e) {
      throw failed(out, e);
    } finally {
      deleteQuietly(temp);
    }
  }

  /** Writes one file (e.g. a model's {@code write(Path)}). */
  interface PathWriter {
    void write(Path file) throws IOException;
  }

  /** {@code out} must not name an input file: writing it would destroy the input before it is read. */
  static void refuseInput(Path out, String option, Path... inputs) {
    for (Path in : inputs) {
      if (in == null) continue;
      boolean same;
      try {
        same = Files.exists(out) && Files.exists(in) ? Files.isSameFile(in, out)
            : in.toAbsolutePath().normalize().equals(out.toAbsolutePath().normalize());
      } catch (IOException e) {
        same = false;
      }
      if (same) {
        throw new RedflagCommand.CliException(option + ": " + out + " is also an input; write to another file",
            RedflagCommand.EXIT_USAGE);
      }
    }
  }

  Writer writer() { return writer; }

  /** Writes one line and a {@code \n}. */
  void line(String record) {
    try {
      writer.write(record);
      writer.write('\n');
    } catch (IOException e) {
      throw failed(target, e);
    }
    if (stdout != null && ++lines % CHECK_EVERY == 0 && stdout.checkError()) throw failed(null, null);
  }

  /** Flushes, checks for lost writes and puts the file in place. */
  void commit() {
    if (stdout != null) {
      if (stdout.checkError()) throw failed(null, null);
      committed = true;
      return;
    }
    try {
      writer.close();
      move(temp, target);
      committed = true;
    } catch (IOException e) {
      throw failed(target, e);
    }
  }

  @Override
  public void close() {
    if (stdout != null || committed) return;
    try {
      writer.close();
    } catch (IOException ignored) {
      // the run already failed; the temporary file goes either way
    }
    deleteQuietly(temp);
  }

  private static Path tempBeside(Path out) throws IOException {
    if (Files.isDirectory(out)) throw new IOException("is a directory");
    Path dir = out.toAbsolutePath().getParent();
    String name = out.getFileName() == null ? "out" : out.getFileName().toString();
    return Files.createTempFile(dir, "." + name + ".", ".tmp");
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void deleteQuietly(Path p) {
    if (p == null) return;
    try {
      Files.deleteIfExists(p);
    } catch (IOException ignored) {
      // best effort: a stray temporary file is named after its target and easy to spot
    }
  }

  static RedflagCommand.CliException failed(Path target, Exception e) {
    String what = target == null ? "standard output" : target.toString();
    String why = e == null || e.getMessage() == null ? "write error (disk full or output closed?)" : e.getMessage();
    return new RedflagCommand.CliException("cannot write " + what + ": " + why + "; the output is incomplete",
        RedflagCommand.EXIT_INCOMPLETE);
  }
}
