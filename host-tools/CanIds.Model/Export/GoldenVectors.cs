using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using CanIds.Model.Inference;
using CanIds.Model.Integer;

namespace CanIds.Model.Export
{
    /// <summary>One golden vector: a window and what the integer model makes of it.</summary>
    public sealed record GoldenVector(byte[] Input, int Class, int[] Accumulators, string? Label);

    /// <summary>
    /// Golden test vectors for the RTL and firmware tests: text, one window a line,
    /// <c>INPUT_HEX CLASS ACC0,ACC1,… [LABEL]</c> after a header line <c># canids golden v1 …</c>.
    /// </summary>
    public static class GoldenVectors
    {
        private const string Magic = "# canids golden v1";

        /// <summary>Evaluates every window of <paramref name="inputs"/> with the reference and writes the vectors.</summary>
        public static int Write(string path, IntegerModel model, ReadOnlySpan<byte> inputs, IReadOnlyList<string?>? labels = null)
        {
            int count = inputs.Length / model.InputLength;
            var reference = new ReferenceInference(model);
            using var writer = new StreamWriter(path);
            writer.WriteLine($"{Magic} windows={count} input={model.InputLength} classes={string.Join(",", model.Classes)}");
            for (int w = 0; w < count; w++)
            {
                var input = inputs.Slice(w * model.InputLength, model.InputLength);
                int cls = reference.Classify(input);
                writer.Write(Convert.ToHexString(input));
                writer.Write(' ');
                writer.Write(cls.ToString(CultureInfo.InvariantCulture));
                writer.Write(' ');
                writer.Write(string.Join(",", reference.Accumulators.ToArray()));
                if (labels != null && labels[w] is { } label) writer.Write(' ' + label);
                writer.WriteLine();
            }

            return count;
        }

        /// <summary>Reads a golden vector file.</summary>
        /// <exception cref="FormatException">A malformed line; the message names file and line.</exception>
        public static List<GoldenVector> Read(string path)
        {
            var result = new List<GoldenVector>();
            int lineNumber = 0;
            foreach (var line in File.ReadLines(path))
            {
                lineNumber++;
                if (lineNumber == 1)
                {
                    if (!line.StartsWith(Magic, StringComparison.Ordinal)) throw new FormatException($"{path}:1: expected \"{Magic}\"");
                    continue;
                }

                if (line.Length == 0) continue;
                var parts = line.Split(' ');
                try
                {
                    result.Add(new GoldenVector(
                        Convert.FromHexString(parts[0]),
                        int.Parse(parts[1], CultureInfo.InvariantCulture),
                        parts[2].Split(',').Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray(),
                        parts.Length > 3 ? parts[3] : null));
                }
                catch (Exception e) when (e is FormatException or IndexOutOfRangeException or OverflowException)
                {
                    throw new FormatException($"{path}:{lineNumber}: expected INPUT_HEX CLASS ACC0,ACC1,... [LABEL]: {e.Message}");
                }
            }

            return result;
        }
    }
}
