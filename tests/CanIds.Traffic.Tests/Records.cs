using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CanIds.Traffic.Formats;
using CsCheck;
using Xunit;

namespace CanIds.Traffic.Tests
{
    /// <summary>Generators of frames each format can hold, and record comparison.</summary>
    internal static class Records
    {
        private static readonly string[] Labels = [TrafficClasses.Benign, TrafficClasses.DoS, TrafficClasses.Fuzzing, TrafficClasses.GearSpoof, TrafficClasses.RpmSpoof];
        private static readonly int[] FdLengths = [0, 1, 5, 8, 12, 16, 20, 24, 32, 48, 64];

        /// <summary>Frames <paramref name="format"/> can hold exactly; labelled or not.</summary>
        public static Gen<CanRecord[]> For(LogFormat format, bool labelled = true) =>
            Gen.Select(Frame(format).Array[1, 60], Gen.Long[1_000_000_000_000_000, 1_900_000_000_000_000], Gen.Int[0, 5000].Array[60], Gen.Int[0, Labels.Length - 1].Array[60])
                .Select((frames, start, gaps, labels) =>
                {
                    long t = start;
                    for (int i = 0; i < frames.Length; i++)
                    {
                        t += gaps[i];
                        if (format != LogFormat.DecimalCsv) frames[i].TimestampUs = t;
                        frames[i].Label = labelled ? Labels[labels[i]] : null;
                    }

                    return frames;
                });

        private static Gen<CanRecord> Frame(LogFormat format) =>
            Gen.Select(Gen.Bool, Gen.UInt[0, 0x7FF], Gen.UInt[0x800, 0x1FFFFFFF], Gen.Byte.Array[64], Gen.Int[0, 8], Gen.Int[0, 9], Gen.Int[0, 3])
                .Select((extended, sid, eid, bytes, dlc, kind, channel) =>
                {
                    var r = new CanRecord { Id = extended ? eid : sid, Flags = extended ? CanRecordFlags.Extended : 0, Length = (byte)dlc, TimestampUs = CanRecord.NoTimestamp };
                    bool richFormat = format is LogFormat.Candump or LogFormat.VectorAsc or LogFormat.PeakTrc or LogFormat.VectorBlf;
                    if (format == LogFormat.DecimalCsv) r.Length = 8;
                    if (richFormat || format == LogFormat.CarHackingText)
                    {
                        if (kind == 0) r.Flags |= CanRecordFlags.Remote;
                    }

                    if (richFormat)
                    {
                        if (kind == 1) r.Flags |= CanRecordFlags.Transmitted;
                        r.Channel = (byte)channel;
                    }

                    if (richFormat && kind == 7)
                    {
                        r.Length = 8;
                        r.Len8Dlc = (byte)(9 + bytes[1] % 7); // DLC 9..15 on classic CAN: 8 bytes
                    }

                    if (richFormat && kind >= 8)
                    {
                        r.Flags |= CanRecordFlags.Fd | (kind == 9 ? CanRecordFlags.BitRateSwitch | CanRecordFlags.ErrorStateIndicator : 0);
                        r.Length = (byte)FdLengths[bytes[0] % FdLengths.Length];
                    }

                    bytes.AsSpan(0, r.IsRemote ? 0 : r.Length).CopyTo(r.Data);
                    return r;
                });

        /// <summary>Writes <paramref name="records"/> to a new file in <paramref name="format"/> and reads them back.</summary>
        public static List<CanRecord> RoundTrip(LogFormat format, IReadOnlyList<CanRecord> records, string dir, string name = "log")
        {
            var path = Path.Combine(dir, name);
            using (var writer = LogFormats.Create(path, format))
            {
                foreach (var r in records) writer.Write(r);
                writer.Complete();
            }

            return ReadAll(path, format);
        }

        /// <summary>Reads <paramref name="from"/>, writes its frames (each passed through <paramref name="fix"/>) to <paramref name="to"/>, and reads them back.</summary>
        public static List<CanRecord> Convert(string from, LogFormat fromFormat, string to, LogFormat toFormat, FrameFix? fix = null)
        {
            var frames = ReadAll(from, fromFormat);
            using (var writer = LogFormats.Create(to, toFormat))
            {
                for (int i = 0; i < frames.Count; i++)
                {
                    var r = frames[i];
                    fix?.Invoke(ref r, i);
                    writer.Write(r);
                }

                writer.Complete();
            }

            return ReadAll(to, toFormat);
        }

        /// <summary>Changes the frame at <paramref name="index"/> on its way into another log.</summary>
        public delegate void FrameFix(ref CanRecord record, int index);

        public static List<CanRecord> ReadAll(string path, LogFormat? format = null, ReadOptions? options = null)
        {
            using var reader = LogFormats.Open(path, format, options);
            return reader.ReadAll().ToList();
        }

        public static void AssertSame(IReadOnlyList<CanRecord> expected, IReadOnlyList<CanRecord> actual, bool timestamps = true)
        {
            Assert.Equal(expected.Count, actual.Count);
            for (int i = 0; i < expected.Count; i++)
            {
                var e = expected[i];
                var a = actual[i];
                var what = $"frame {i + 1}";
                Assert.True(e.Id == a.Id, $"{what}: ID {e.Id:X} != {a.Id:X}");
                Assert.True(e.Flags == a.Flags, $"{what}: flags {e.Flags} != {a.Flags}");
                Assert.True(e.Length == a.Length, $"{what}: length {e.Length} != {a.Length}");
                Assert.True(e.Len8Dlc == a.Len8Dlc, $"{what}: DLC 9..15 {e.Len8Dlc} != {a.Len8Dlc}");
                Assert.True(e.Channel == a.Channel, $"{what}: channel {e.Channel} != {a.Channel}");
                Assert.True(e.Label == a.Label, $"{what}: label {e.Label} != {a.Label}");
                if (timestamps) Assert.True(e.TimestampUs == a.TimestampUs, $"{what}: timestamp {e.TimestampUs} != {a.TimestampUs}");
                ReadOnlySpan<byte> ed = e.Data, ad = a.Data;
                Assert.True(ed.SequenceEqual(ad), $"{what}: payload {System.Convert.ToHexString(ed)} != {System.Convert.ToHexString(ad)}");
            }
        }
    }
}
