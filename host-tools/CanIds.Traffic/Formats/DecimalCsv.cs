using System;
using System.IO;

namespace CanIds.Traffic.Formats
{
    /// <summary>
    /// Decimal CSV of preprocessed public CAN sets (e.g. ROAD excerpts): <c>ID,D0,D1,...,D7,label</c>, all decimal,
    /// label numeric (0.0 normal; 1.0 attack, or a class index). No timestamps and no DLC: frames read back with 8
    /// bytes. An optional header line (first field not a number) is skipped.
    /// </summary>
    internal static class DecimalCsv
    {
        private static readonly string[] DataFields = ["D0", "D1", "D2", "D3", "D4", "D5", "D6", "D7"];

        internal sealed class Reader(string path, Stream stream, ReadOptions options) : TextLogReader(path, stream, options)
        {
            private readonly string[] _classes = [.. System.Linq.Enumerable.Select(options.ClassNames, n => TrafficClasses.Intern(n))];
            private bool _first = true;

            public override LogFormat Format => LogFormat.DecimalCsv;

            private protected override Item ParseLine(ReadOnlySpan<byte> line, ref CanRecord record)
            {
                if (_first)
                {
                    _first = false;
                    if (line[0] is < (byte)'0' or > (byte)'9') return Item.Other; // header
                }

                var rest = line;
                Fields.Next(ref rest, (byte)',', out var field);
                int id = Fields.Decimal(field, "ID", 0, (int)CanIds.Core.CanFrame.MaxExtendedId);
                record.Id = (uint)id;
                if (record.Id > CanIds.Core.CanFrame.MaxStandardId) record.Flags = CanRecordFlags.Extended;
                record.TimestampUs = CanRecord.NoTimestamp;
                record.Length = 8;
                Span<byte> data = record.Data;
                for (int i = 0; i < 8; i++)
                {
                    if (!Fields.Next(ref rest, (byte)',', out field)) throw Malformed(DataFields[i], $"missing: expected 10 fields ID,D0..D7,label, found {i + 1}");
                    data[i] = (byte)Fields.Decimal(field, DataFields[i], 0, 255);
                }

                if (!Fields.Next(ref rest, (byte)',', out field)) throw Malformed("label", "missing: expected 10 fields ID,D0..D7,label, found 9");
                if (!rest.IsEmpty) throw Malformed("line", $"expected 10 fields ID,D0..D7,label, found more: {Fields.Show(rest)}");
                record.Label = _classes[ParseLabel(field, _classes.Length)];
                return Item.Frame;
            }

            // "1", "1.0", "1.00": an integral class index below the number of classes.
            private static int ParseLabel(ReadOnlySpan<byte> text, int classes)
            {
                int dot = text.IndexOf((byte)'.');
                var whole = dot < 0 ? text : text[..dot];
                if (dot >= 0 && (text.Length == dot + 1 || text[(dot + 1)..].IndexOfAnyExcept((byte)'0') >= 0))
                    throw Malformed("label", $"expected a whole class number 0..{classes - 1} (e.g. 0.0 or 1.0), found {Fields.Show(text)}");
                return Fields.Decimal(whole, "label", 0, classes - 1);
            }
        }

        internal sealed class Writer(string path, WriteOptions options) : CanLogWriter(path, options)
        {
            public override LogFormat Format => LogFormat.DecimalCsv;

            private protected override void WriteRecord(AsciiWriter output, in CanRecord record)
            {
                if (record.IsFd || record.IsRemote) throw Unsupported("the decimal CSV holds classic data frames only");
                if (record.IsExtended && record.Id <= CanIds.Core.CanFrame.MaxStandardId) throw Unsupported("the decimal CSV tells extended IDs by value (> 2047); this extended ID is not");
                output.Decimal(record.Id);
                ReadOnlySpan<byte> data = record.Data;
                for (int i = 0; i < 8; i++)
                {
                    output.Char(',');
                    output.Decimal(data[i]);
                }

                output.Char(',');
                output.Decimal(LabelIndex(record.Label));
                output.Text(".0\n"u8);
            }

            private int LabelIndex(string? label)
            {
                if (label == null) return 0;
                var classes = Options.ClassNames;
                for (int i = 0; i < classes.Count; i++)
                {
                    if (classes[i] == label) return i;
                }

                for (int i = 0; i < classes.Count; i++)
                {
                    if (classes[i] == TrafficClasses.Attack && label != TrafficClasses.Benign) return i;
                }

                throw Unsupported($"label \"{label}\" has no number in the class list ({string.Join(", ", classes)})");
            }
        }
    }
}
