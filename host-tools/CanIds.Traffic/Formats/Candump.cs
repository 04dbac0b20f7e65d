using System;
using System.IO;

namespace CanIds.Traffic.Formats
{
    /// <summary>
    /// Linux can-utils' candump, in its log format (<c>candump -l</c>, <c>canplayer</c>, <c>log2asc</c>):
    /// <c>(1436509052.249713) can0 0C1#0011223344556677</c>. Standard IDs have 3 hex digits, extended 8;
    /// <c>123#R</c> / <c>123#R5</c> is a remote frame (with DLC), <c>123##1AABB</c> a CAN FD frame (flags nibble, then
    /// data), <c>123#1122334455667788_E</c> a classic frame with DLC 9..15; payload bytes may be separated by '.'; an
    /// optional trailing R/T is the direction. Also read, line by line, are the screen formats people copy from a
    /// terminal (<see cref="CandumpScreen"/>). Error frames (CAN_ERR_FLAG in an 8-digit ID) are bus events, counted,
    /// not returned. Written: the log format.
    /// </summary>
    internal static class Candump
    {
        internal const uint ErrorFrameFlag = 0x20000000;

        internal sealed class Reader(string path, Stream stream, ReadOptions options) : TextLogReader(path, stream, options)
        {
            public override LogFormat Format => LogFormat.Candump;

            private protected override Item ParseLine(ReadOnlySpan<byte> line, ref CanRecord record)
            {
                if (line[0] != (byte)'(') return CandumpScreen.Parse(line, ref record); // no timestamp: a screen format
                var rest = line;
                var stamp = Fields.Token(ref rest);
                if (stamp.Length < 3 || stamp[^1] != (byte)')')
                {
                    // "(2021-02-19 15:47:30.388103)": candump -t A, a screen format
                    if (stamp.IndexOf((byte)'-') > 0) return CandumpScreen.Parse(line, ref record);
                    throw Malformed("timestamp", $"expected (seconds.micros), found {Fields.Show(stamp)}");
                }

                if (IsScreenLine(rest)) return CandumpScreen.Parse(line, ref record);
                record.TimestampUs = Fields.TimestampUs(stamp[1..^1], "timestamp");
                var iface = Fields.Token(ref rest);
                if (iface.IsEmpty) throw Malformed("interface", "missing (expected e.g. can0)");
                record.Channel = ChannelOf(iface);
                var frame = Fields.Token(ref rest);
                int hash = frame.IndexOf((byte)'#');
                if (hash < 0) throw Malformed("frame", $"expected ID#DATA, found {Fields.Show(frame)}");
                if (!SetId(frame[..hash], ref record)) return Item.ErrorFrame;
                var body = frame[(hash + 1)..];
                if (!body.IsEmpty && body[0] == (byte)'#') ParseFd(body[1..], ref record);
                else if (!body.IsEmpty && (body[0] == (byte)'R' || body[0] == (byte)'r')) ParseRemote(body[1..], ref record);
                else record.Length = (byte)ParseData(body, ref record, 8, "data");

                var direction = Fields.Token(ref rest);
                if (direction.Length == 1 && direction[0] == (byte)'T') record.Flags |= CanRecordFlags.Transmitted;
                else if (!(direction.IsEmpty || (direction.Length == 1 && direction[0] == (byte)'R')))
                    throw Malformed("direction", $"expected nothing, R or T after the frame, found {Fields.Show(direction)}");
                if (!Fields.Token(ref rest).IsEmpty) throw Malformed("line", "unexpected text after the frame");
                return Item.Frame;
            }

            // After the timestamp: "can0  123  [2] ..." or "can0  RX - -  123 ..." (screen) rather than "can0 123#1122" (log).
            private static bool IsScreenLine(ReadOnlySpan<byte> rest)
            {
                Fields.Token(ref rest);
                var next = Fields.Token(ref rest);
                if (next.SequenceEqual("RX"u8) || next.SequenceEqual("TX"u8)) return true;
                return next.IndexOf((byte)'#') < 0 && Fields.Token(ref rest) is { IsEmpty: false } length && length[0] == (byte)'[';
            }

            private static void ParseRemote(ReadOnlySpan<byte> body, ref CanRecord record)
            {
                record.Flags |= CanRecordFlags.Remote;
                record.Length = body.IsEmpty ? (byte)0 : (byte)Fields.Decimal(body, "DLC", 0, 8);
            }

            private static void ParseFd(ReadOnlySpan<byte> body, ref CanRecord record)
            {
                if (body.IsEmpty) throw Malformed("FD flags", "missing (expected one hex digit after ##)");
                uint flags = Fields.Hex(body[..1], "FD flags", 1);
                record.Flags |= CanRecordFlags.Fd;
                if ((flags & 1) != 0) record.Flags |= CanRecordFlags.BitRateSwitch;
                if ((flags & 2) != 0) record.Flags |= CanRecordFlags.ErrorStateIndicator;
                int length = ParseData(body[1..], ref record, 64, "FD data");
                if (CanFd.DlcOf(length) < 0) throw Malformed("FD data", $"{length} bytes is not a CAN FD length ({CanFd.LengthList})");
                record.Length = (byte)length;
            }

            private static int ParseData(ReadOnlySpan<byte> text, ref CanRecord record, int max, string field)
            {
                Span<byte> data = record.Data;
                int count = 0, i = 0;
                while (i < text.Length)
                {
                    if (text[i] == (byte)'.')
                    {
                        i++;
                        continue;
                    }

                    if (text[i] == (byte)'_')
                    {
                        // len8_dlc: "_9".."_F" after exactly 8 bytes of a classic frame
                        var dlc = text[(i + 1)..];
                        if (max != 8 || count != 8 || dlc.Length != 1) throw Malformed(field, $"a DLC suffix (_9.._F) follows exactly 8 bytes of a classic frame, found {Fields.Show(text[i..])}");
                        uint value = Fields.Hex(dlc, "DLC", 1);
                        if (value < 9) throw Malformed("DLC", $"expected 9..F after _, found {Fields.Show(dlc)}");
                        record.Len8Dlc = (byte)value;
                        return count;
                    }

                    if (i + 1 >= text.Length) throw Malformed(field, $"odd number of hex digits in {Fields.Show(text)}");
                    if (count == max) throw Malformed(field, $"more than {max} bytes");
                    data[count++] = Fields.HexByte(text.Slice(i, 2), $"{field}[{count - 1}]");
                    i += 2;
                }

                return count;
            }

            // Sets the ID from 3 (standard) or 8 (extended) hex digits; false for an error frame (CAN_ERR_FLAG).
            internal static bool SetId(ReadOnlySpan<byte> idText, ref CanRecord record)
            {
                uint id = Fields.Hex(idText, "CAN ID", 8);
                if (idText.Length == 8)
                {
                    if ((id & ErrorFrameFlag) != 0) return false;
                    if (id > CanIds.Core.CanFrame.MaxExtendedId) throw Malformed("CAN ID", $"expected an extended ID up to 1FFFFFFF, found {Fields.Show(idText)}");
                    record.Flags |= CanRecordFlags.Extended;
                }
                else if (idText.Length == 3)
                {
                    if (id > CanIds.Core.CanFrame.MaxStandardId) throw Malformed("CAN ID", $"expected a standard ID up to 7FF, found {Fields.Show(idText)}");
                }
                else
                {
                    throw Malformed("CAN ID", $"expected 3 (standard) or 8 (extended) hex digits, found {Fields.Show(idText)}");
                }

                record.Id = id;
                return true;
            }

            internal static byte ChannelOf(ReadOnlySpan<byte> iface)
            {
                int digits = iface.Length;
                while (digits > 0 && iface[digits - 1] >= (byte)'0' && iface[digits - 1] <= (byte)'9') digits--;
                return digits == iface.Length ? (byte)0 : (byte)Math.Min(255, Fields.Decimal(iface[digits..], "interface", 0, int.MaxValue));
            }
        }

        internal sealed class Writer(string path, WriteOptions options) : CanLogWriter(path, options)
        {
            public override LogFormat Format => LogFormat.Candump;

            private protected override bool KeepsLen8Dlc => true;

            private protected override void WriteRecord(AsciiWriter output, in CanRecord record)
            {
                RequireTimestamp(record);
                output.Char('(');
                output.Seconds(record.TimestampUs);
                output.Text(") "u8);
                output.Text(Options.InterfacePrefix);
                output.Decimal(record.Channel);
                output.Char(' ');
                output.Hex(record.Id, record.IsExtended ? 8 : 3, upper: true);
                output.Char('#');
                ReadOnlySpan<byte> data = record.Data;
                if (record.IsRemote)
                {
                    output.Char('R');
                    if (record.Length > 0) output.Decimal(record.Length);
                }
                else
                {
                    if (record.IsFd)
                    {
                        output.Char('#');
                        uint flags = ((record.Flags & CanRecordFlags.BitRateSwitch) != 0 ? 1u : 0) | ((record.Flags & CanRecordFlags.ErrorStateIndicator) != 0 ? 2u : 0);
                        output.Hex(flags, 1, upper: true);
                    }

                    for (int i = 0; i < record.Length; i++) output.Hex(data[i], 2, upper: true);
                    if (record.Len8Dlc != 0)
                    {
                        output.Char('_');
                        output.Hex(record.Len8Dlc, 1, upper: true);
                    }
                }

                if ((record.Flags & CanRecordFlags.Transmitted) != 0) output.Text(" T"u8);
                output.NewLine();
            }
        }
    }
}
