package org.redflag.cli;

import org.redflag.advert.Advert;
import org.redflag.engine.Assessment;
import org.redflag.text.OffsetUnit;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * {@code --offsets utf16|codepoints|utf8} of the commands that write evidence spans (score, explain):
 * the unit of every start and end, so that a reader in Python (code points) or of raw bytes (UTF-8)
 * slices the match with its own string index. The default, UTF-16, is Java's and leaves output as it
 * was; another unit is named in each assessment as {@code "offsets"}.
 */
final class OffsetsOption {
  @Option(names = "--offsets", paramLabel = "UNIT", converter = UnitConverter.class,
      description = "Unit of evidence, price and identifier offsets: utf16 (default; Java and JavaScript string indices), "
          + "codepoints (Python str indices) or utf8 (bytes). Other than utf16, each assessment names it as \"offsets\".")
  OffsetUnit offsets = OffsetUnit.UTF16;

  /** The assessment of {@code advert} with its spans in the chosen unit. */
  Assessment apply(Assessment a, Advert advert) { return offsets == OffsetUnit.UTF16 ? a : a.withOffsets(offsets, advert); }

  static final class UnitConverter implements CommandLine.ITypeConverter<OffsetUnit> {
    @Override
    public OffsetUnit convert(String value) { return OffsetUnit.parse(value); }
  }
}
