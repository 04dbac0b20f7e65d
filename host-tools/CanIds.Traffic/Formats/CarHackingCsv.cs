using System;
using System.IO;

namespace CanIds.Traffic.Formats
{
    /// <summary>
    /// The HCRL Car-Hacking dataset CSV: no header, variable width,
    /// <c>Timestamp,CAN ID(hex),DLC,DATA[0]..DATA[DLC-1],Flag</c> with Flag R (normal) or T (injected), e.g.
    /// <c>1478198376.389427,0316,8,05,21,68,09,21,21,00,6f,R</c>.
    /// </summary>
    internal static class CarHackingCsv
    {
        /// <summary>The class of T rows when the options do not say: from the dataset's file names.</summary>
        public static string AttackLabelFor(string path, ReadOptions options)
        {
            if (options.AttackLabel != null) return TrafficClasses.Intern(options.AttackLabel);
            var name = System.IO.Path.GetFileName(path).ToLowerInvariant();
            if (name.Contains("dos")) return TrafficClasses.DoS;
            if (name.Contains("fuzz")) return TrafficClasses.Fuzzing;
            if (name.Contains("gear")) return TrafficClasses.GearSpoof;
            if (name.Contains("rpm")) return TrafficClasses.RpmSpoof;
            return TrafficClasses.Attack;
        }

        internal sealed class Reader(string path, Stream stream, ReadOptions options) : TextLogReader(path, stream, options)
        {
            private readonly string _attack = AttackLabelFor(path, options);
            private static readonly string[] DataFields = ["DATA[0]", "DATA[1]", "DATA[2]", "DATA[3]", "DATA[4]", "DATA[5]", "DATA[6]", "DATA[7]"];

            public override LogFormat Format => LogFormat.CarHackingCsv;

            private protected override Item ParseLine(ReadOnlySpan<byte> line, ref CanRecord record)
            {
                var rest = line;
                Fields.Next(ref rest, (byte)',', out var field);
                record.TimestampUs = Fields.TimestampUs(field, "Timestamp");
                if (!Fields.Next(ref rest, (byte)',', out field)) throw Malformed("CAN ID", "missing (expected Timestamp,CAN ID,DLC,DATA...,Flag)");
                uint id = Fields.Hex(field, "CAN ID", 8);
                if (id > CanIds.Core.CanFrame.MaxExtendedId) throw Malformed("CAN ID", $"expected at most 1FFFFFFF, found {Fields.Show(field)}");
                record.Id = id;
                if (id > CanIds.Core.CanFrame.MaxStandardId) record.Flags = CanRecordFlags.Extended;
                if (!Fields.Next(ref rest, (byte)',', out field)) throw Malformed("DLC", "missing (expected Timestamp,CAN ID,DLC,DATA...,Flag)");
                int dlc = Fields.Decimal(field, "DLC", 0, 8);
                record.Length = (byte)dlc;
                Span<byte> data = record.Data;
                for (int i = 0; i < dlc; i++)
                {
                    if (!Fields.Next(ref rest, (byte)',', out field) || field.SequenceEqual("R"u8) || field.SequenceEqual("T"u8))
                        throw Malformed(DataFields[i], $"DLC is {dlc} but the row has only {i} data bytes");
                    data[i] = Fields.HexByte(field, DataFields[i]);
                }

                if (!Fields.Next(ref rest, (byte)',', out field)) throw Malformed("Flag", "missing (expected R or T after the data bytes)");
                if (field.Length == 1 && field[0] == (byte)'R') record.Label = TrafficClasses.Benign;
                else if (field.Length == 1 && field[0] == (byte)'T') record.Label = _attack;
                else throw Malformed("Flag", $"expected R or T, found {Fields.Show(field)}" + (field.Length == 2 ? $" (more data bytes than the DLC {dlc}?)" : ""));
                if (!rest.IsEmpty) throw Malformed("line", $"unexpected text after the flag: {Fields.Show(rest)}");
                return Item.Frame;
            }
        }

        internal sealed class Writer(string path, WriteOptions options) : CanLogWriter(path, options)
        {
            public override LogFormat Format => LogFormat.CarHackingCsv;

            private protected override void WriteRecord(AsciiWriter output, in CanRecord record)
            {
                if (record.IsFd || record.IsRemote) throw Unsupported("Car-Hacking CSV holds classic data frames only (no remote or CAN FD frames)");
                if (record.IsExtended && record.Id <= CanIds.Core.CanFrame.MaxStandardId) throw Unsupported("Car-Hacking CSV tells extended IDs by value (> 7FF); this extended ID is not");
                RequireTimestamp(record);
                output.Seconds(record.TimestampUs);
                output.Char(',');
                output.Hex(record.Id, record.IsExtended ? 8 : 4, upper: false);
                output.Char(',');
                output.Decimal(record.Length);
                ReadOnlySpan<byte> data = record.Data;
                for (int i = 0; i < record.Length; i++)
                {
                    output.Char(',');
                    output.Hex(data[i], 2, upper: false);
                }

                output.Text(record.Label is null or TrafficClasses.Benign ? ",R\n"u8 : ",T\n"u8);
            }
        }
    }
}
