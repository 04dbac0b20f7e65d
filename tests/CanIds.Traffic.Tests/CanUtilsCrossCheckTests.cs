using System.Collections.Generic;
using System.Diagnostics;
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
    /// The candump and ASC code against can-utils' own converters (installed by scripts/setup.sh): what log2asc makes
    /// of our candump log, and what asc2log makes of our ASC log, read back as the same frames.
    /// </summary>
    public class CanUtilsCrossCheckTests
    {
        [Fact]
        public void Log2AscOfOurCandumpLogReadsBackAsTheSameFrames()
        {
            var dir = TestPaths.NewScratch();
            Frames(fd: true).Sample(records =>
            {
                var name = Guid.NewGuid().ToString("N");
                var log = Path.Combine(dir, name + ".log");
                Write(log, LogFormat.Candump, records);
                Run("log2asc", $"-I {log} -O {log}.asc can0");
                AssertSameRelative(records, Records.ReadAll(log + ".asc", LogFormat.VectorAsc));
            }, iter: 40, threads: 1);
        }

        [Fact]
        public void Asc2LogOfOurAscLogReadsBackAsTheSameFrames()
        {
            var dir = TestPaths.NewScratch();
            Frames(fd: false).Sample(records =>
            {
                var name = Guid.NewGuid().ToString("N");
                var asc = Path.Combine(dir, name + ".asc");
                Write(asc, LogFormat.VectorAsc, records);
                Run("asc2log", $"-I {asc} -O {asc}.log");
                AssertSameRelative(records, Records.ReadAll(asc + ".log", LogFormat.Candump));
            }, iter: 40, threads: 1);
        }

        // Frames on channel 0, received, unlabelled, DLC 0..8: what both tools carry through (they drop DLC 9..15 on
        // classic frames: log2asc writes "d 8", asc2log skips the line; the asc2log here misreads some CANFD lines).
        private static Gen<CanRecord[]> Frames(bool fd) =>
            Records.For(LogFormat.Candump, labelled: false).Select(records =>
            {
                for (int i = 0; i < records.Length; i++)
                {
                    records[i].Channel = 0;
                    records[i].Flags &= ~CanRecordFlags.Transmitted;
                    records[i].Len8Dlc = 0;
                    if (!fd && records[i].IsFd)
                    {
                        records[i].Flags &= ~(CanRecordFlags.Fd | CanRecordFlags.BitRateSwitch | CanRecordFlags.ErrorStateIndicator);
                        records[i].Length = 8;
                        records[i].ClearPayloadTail();
                    }
                }

                return records;
            });

        private static void Write(string path, LogFormat format, IEnumerable<CanRecord> records)
        {
            using var writer = LogFormats.Create(path, format);
            foreach (var r in records) writer.Write(r);
            writer.Complete();
        }

        // The tools keep times relative to the first frame but not always its absolute start (date lines lose it).
        private static void AssertSameRelative(IReadOnlyList<CanRecord> expected, IReadOnlyList<CanRecord> actual)
        {
            Records.AssertSame(expected, actual, timestamps: false);
            var e0 = expected[0].TimestampUs;
            var a0 = actual[0].TimestampUs;
            Assert.Equal(expected.Select(r => r.TimestampUs - e0), actual.Select(r => r.TimestampUs - a0));
        }

        private static void Run(string tool, string arguments)
        {
            var info = new ProcessStartInfo(tool, arguments) { RedirectStandardError = true, RedirectStandardOutput = true };
            info.Environment["LC_ALL"] = "C";
            Process process;
            try
            {
                process = Process.Start(info)!;
            }
            catch (System.ComponentModel.Win32Exception)
            {
                throw new InvalidOperationException($"{tool} is not installed: run scripts/setup.sh (it installs can-utils)");
            }

            process.StandardOutput.ReadToEnd();
            var stderr = process.StandardError.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, $"{tool} {arguments} failed ({process.ExitCode}): {stderr}");
        }
    }
}
