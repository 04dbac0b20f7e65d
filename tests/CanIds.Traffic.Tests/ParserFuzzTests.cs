using System.IO;
using System.Linq;
using System;
using CanIds.TestSupport;
using CanIds.Traffic.Formats;
using CsCheck;
using Xunit;

namespace CanIds.Traffic.Tests
{
    /// <summary>
    /// Valid logs with random byte-level damage (flips, deletions, insertions, cuts): every parser either reads frames
    /// or fails with <see cref="CanLogFormatException"/> naming a line; never another exception, never a hang.
    /// Frames it does read keep the record invariants (lengths in range, IDs in range, zero payload tails).
    /// </summary>
    public class ParserFuzzTests
    {
        [Theory]
        [InlineData(LogFormat.CarHackingCsv)]
        [InlineData(LogFormat.CarHackingText)]
        [InlineData(LogFormat.DecimalCsv)]
        [InlineData(LogFormat.Candump)]
        [InlineData(LogFormat.VectorAsc)]
        [InlineData(LogFormat.PeakTrc)]
        [InlineData(LogFormat.VectorBlf)]
        public void DamagedLogsFailOnlyWithFormatErrors(LogFormat format)
        {
            var dir = TestPaths.NewScratch();
            var damage = Gen.Select(Gen.Int[0, 3], Gen.Int[0, int.MaxValue], Gen.Byte).Array[1, 6];
            Gen.Select(Records.For(format, labelled: false), damage).Sample((records, edits) =>
            {
                var path = Path.Combine(dir, Guid.NewGuid().ToString("N"));
                Records.RoundTrip(format, records, dir, Path.GetFileName(path));
                var bytes = File.ReadAllBytes(path).ToList();
                foreach (var (kind, at, value) in edits)
                {
                    if (bytes.Count == 0) break;
                    int i = at % bytes.Count;
                    switch (kind)
                    {
                        case 0: bytes[i] = value; break;
                        case 1: bytes.RemoveAt(i); break;
                        case 2: bytes.Insert(i, value); break;
                        default: bytes.RemoveRange(i, bytes.Count - i); break;
                    }
                }

                File.WriteAllBytes(path, bytes.ToArray());
                try
                {
                    foreach (var r in Records.ReadAll(path, format))
                    {
                        Assert.True(r.Length <= (r.IsFd ? 64 : 8));
                        Assert.True(r.Id <= (r.IsExtended ? 0x1FFFFFFFu : 0x7FFu));
                        ReadOnlySpan<byte> data = r.Data;
                        Assert.True(data[(r.IsRemote ? 0 : r.Length)..].IndexOfAnyExcept((byte)0) < 0, "payload tail not zero");
                    }
                }
                catch (CanLogFormatException e)
                {
                    Assert.Equal(path, e.Path);
                }
            }, iter: 400);
        }
    
        [Theory]
        [InlineData(LogFormat.CarHackingCsv)]
        [InlineData(LogFormat.CarHackingText)]
        [InlineData(LogFormat.DecimalCsv)]
        [InlineData(LogFormat.Candump)]
        [InlineData(LogFormat.VectorAsc)]
        [InlineData(LogFormat.PeakTrc)]
        public void ALineCutShortIsReportedOrStillAFrameNeverSilentlyDropped(LogFormat format)
        {
            var dir = TestPaths.NewScratch();
            Gen.Select(Records.For(format, labelled: false), Gen.Int[0, int.MaxValue], Gen.Int[0, int.MaxValue]).Sample((records, which, where) =>
            {
                var path = Path.Combine(dir, Guid.NewGuid().ToString("N"));
                Records.RoundTrip(format, records, dir, Path.GetFileName(path));
                var lines = File.ReadAllLines(path);
                int line = which % lines.Length;
                int first = lines[line].Length - lines[line].TrimStart().Length; // a line cut to blanks is no line at all
                int end = lines[line].TrimEnd().Length;
                if (end - first < 2) return;
                lines[line] = lines[line][..(first + 1 + where % (end - first - 1))];
                File.WriteAllLines(path, lines);
                try
                {
                    int read = Records.ReadAll(path, format).Count;
                    Assert.True(read == records.Count(), $"line {line + 1} cut to \"{lines[line]}\": {read} frames read of {records.Count()}, and no error");
                }
                catch (CanLogFormatException e)
                {
                    Assert.Equal(path, e.Path);
                }
            }, iter: 400);
        }
    }
}
