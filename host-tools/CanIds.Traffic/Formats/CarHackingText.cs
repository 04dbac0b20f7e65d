using System;
using System.IO;

namespace CanIds.Traffic.Formats
{
    /// <summary>
    /// The Car-Hacking dataset's attack-free capture (normal_run_data.txt):
    /// <c>Timestamp: 1479121434.850202        ID: 0350    000    DLC: 8    05 28 84 66 6d 00 00 a2</c>.
    /// The three binary digits after the ID are flags; a leading 1 marks a remote frame. Every frame is benign.
    /// </summary>
    internal static class CarHackingText
    {
        internal sealed class Reader(string path, Stream stream, ReadOptions options) : TextLogReader(path, stream, options)
        {
            public override LogFormat Format => LogFormat.CarHackingText;

            private protected override Item ParseLine(ReadOnlySpan<byte> line, ref CanRecord record)
            {
                var rest = line;
                Expect(Fields.Token(ref rest), "Timestamp:"u8, "Timestamp");
                record.TimestampUs = Fields.TimestampUs(Fields.Token(ref rest), "Timestamp");
                Expect(Fields.Token(ref rest), "ID:"u8, "ID");
                var idText = Fields.Token(ref rest);
                uint id = Fields.Hex(idText, "ID", 8);
                if (id > CanIds.Core.CanFrame.MaxExtendedId) throw Malformed("ID", $"expected at most 1FFFFFFF, found {Fields.Show(idText)}");
                record.Id = id;
                if (id > CanIds.Core.CanFrame.MaxStandardId || idText.Length > 4) record.Flags = CanRecordFlags.Extended; // written with 8 digits
                var flags = Fields.Token(ref rest);
                if (flags.Length != 3 || flags.IndexOfAnyExcept((byte)'0', (byte)'1') >= 0) throw Malformed("flags", $"expected three binary digits (e.g. 000), found {Fields.Show(flags)}");
                if (flags[0] == (byte)'1') record.Flags |= CanRecordFlags.Remote;
                Expect(Fields.Token(ref rest), "DLC:"u8, "DLC");
                int dlc = Fields.Decimal(Fields.Token(ref rest), "DLC", 0, 8);
                record.Length = (byte)dlc;
                Span<byte> data = record.Data;
                int count = 0;
                for (var token = Fields.Token(ref rest); !token.IsEmpty; token = Fields.Token(ref rest), count++)
                {
                    if (count == dlc) throw Malformed("DATA", $"DLC is {dlc} but more data bytes follow ({Fields.Show(token)})");
                    data[count] = Fields.HexByte(token, $"DATA[{count}]");
                }

                if (!record.IsRemote && count != dlc) throw Malformed($"DATA[{count}]", $"DLC is {dlc} but the line has only {count} data bytes");
                if (record.IsRemote) data.Clear();
                if (!HasLabelFile) record.Label = TrafficClasses.Benign; // the capture is attack-free; a label file says otherwise
                return Item.Frame;
            }

            private static void Expect(ReadOnlySpan<byte> token, ReadOnlySpan<byte> keyword, string field)
            {
                if (!token.SequenceEqual(keyword)) throw Malformed(field, $"expected \"{System.Text.Encoding.ASCII.GetString(keyword)}\", found {Fields.Show(token)}");
            }
        }

        internal sealed class Writer(string path, WriteOptions options) : CanLogWriter(path, options)
        {
            public override LogFormat Format => LogFormat.CarHackingText;

            private protected override void WriteRecord(AsciiWriter output, in CanRecord record)
            {
                if (record.IsFd) throw Unsupported("the Car-Hacking text format holds classic frames only");
                RequireTimestamp(record);
                output.Text("Timestamp: "u8);
                output.Seconds(record.TimestampUs);
                output.Text("        ID: "u8);
                output.Hex(record.Id, record.IsExtended ? 8 : 4, upper: false);
                output.Text(record.IsRemote ? "    100    DLC: "u8 : "    000    DLC: "u8);
                output.Decimal(record.Length);
                if (!record.IsRemote && record.Length > 0)
                {
                    output.Text("    "u8);
                    ReadOnlySpan<byte> data = record.Data;
                    for (int i = 0; i < record.Length; i++)
                    {
                        if (i > 0) output.Char(' ');
                        output.Hex(data[i], 2, upper: false);
                    }
                }

                output.NewLine();
            }
        }
    }
}
