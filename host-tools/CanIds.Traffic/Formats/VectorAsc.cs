using System;
using System.IO;

namespace CanIds.Traffic.Formats
{
    /// <summary>
    /// Vector ASC (CANoe/CANalyzer logging, also written by can-utils' log2asc). Header lines (<c>date</c>,
    /// <c>base hex|dec timestamps absolute|relative</c>, <c>Begin/End Triggerblock</c>, comments) set the number base
    /// and the time origin; frame lines are <c>0.000713 1  316  Rx   d 8 05 21 ...</c> (an <c>x</c> after the ID marks
    /// an extended ID, <c>r</c> a remote frame) and <c>... CANFD 1 Rx 125 [name] brs esi dlc len data ...</c>.
    /// Other events (error frames, statistics, start of measurement) are counted as other lines.
    /// Timestamps are the <c>date</c> line's instant (UTC) plus the line's seconds.
    /// </summary>
    internal static class VectorAsc
    {
        private const uint FlagRtr = 0x10;
        private const uint FlagEdl = 0x1000;
        private static readonly string[] Months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

        internal sealed class Reader(string path, Stream stream, ReadOptions options) : TextLogReader(path, stream, options)
        {
            private bool _decimal;
            private bool _relative;
            private long _originUs;
            private long _lastUs;

            public override LogFormat Format => LogFormat.VectorAsc;

            private protected override Item ParseLine(ReadOnlySpan<byte> line, ref CanRecord record)
            {
                var rest = line;
                var first = Fields.Token(ref rest);
                if (IsKeyword(first)) return Header(first, rest); // "nan", "-1.5" are bad timestamps, not headers

                long seconds = Fields.TimestampUs(first, "timestamp");
                var second = Fields.Token(ref rest);
                if (second.IsEmpty) throw Malformed("channel", "expected a channel or an event after the timestamp, found nothing");
                Item item;
                if (second.SequenceEqual("CANFD"u8)) item = ParseFd(rest, ref record);
                else if (second.IndexOfAnyExceptInRange((byte)'0', (byte)'9') < 0) item = ParseClassic(second, rest, ref record);
                else if (Fields.Token(ref rest).IsEmpty) throw Malformed("event", $"expected a channel, CANFD or an event after the timestamp, found only {Fields.Show(second)} (line cut short?)");
                else item = Item.Other; // "Start of measurement", statistics, other events

                long at = _relative ? _lastUs + seconds : _originUs + seconds;
                _lastUs = at;
                record.TimestampUs = at;
                return item;
            }

            private Item ParseClassic(ReadOnlySpan<byte> channel, ReadOnlySpan<byte> rest, ref CanRecord record)
            {
                var idText = Fields.Token(ref rest);
                if (idText.IsEmpty) throw Malformed("CAN ID", "expected an ID or an event after the channel, found nothing");
                if (IsErrorFrame(idText)) return Item.ErrorFrame;
                if (!IsId(idText)) return Item.Other; // other channel events (statistics, chip state...)
                // A frame from here on: what does not parse is reported, never skipped.
                var direction = Fields.Token(ref rest);
                if (!IsDirection(direction) && !direction.IsEmpty) direction = Fields.Token(ref rest); // a symbolic message name
                if (!IsDirection(direction)) throw Malformed("direction", $"expected Rx or Tx after the ID, found {Fields.Show(direction)}");
                record.Channel = (byte)(Fields.Decimal(channel, "channel", 1, 256) - 1);
                SetId(idText, ref record);
                if (direction[0] == (byte)'T') record.Flags |= CanRecordFlags.Transmitted;
                var kind = Fields.Token(ref rest);
                var dlcText = Fields.Token(ref rest);
                if (kind.SequenceEqual("r"u8))
                {
                    record.Flags |= CanRecordFlags.Remote;
                    // Remote frames are written with or without their DLC ("r 8" or "r Length = ...").
                    bool hasDlc = dlcText.Length == 1 && dlcText.IndexOfAnyExcept("0123456789abcdefABCDEF"u8) < 0;
                    record.Length = hasDlc ? (byte)Fields.Hex(dlcText, "DLC", 1) : (byte)0;
                    if (record.Length > 8) throw Malformed("DLC", $"expected 0..8 on a remote frame, found {Fields.Show(dlcText)}");
                    return Item.Frame;
                }

                if (!kind.SequenceEqual("d"u8)) throw Malformed("frame type", $"expected d (data) or r (remote), found {Fields.Show(kind)}");
                int dlc = ClassicDlc(dlcText);
                record.SetClassicDlc(dlc);
                ReadBytes(ref rest, ref record, record.Length);
                return Item.Frame;
            }

            // One hex digit (hex base) or 0..15 (dec base). Longer text is most often a CAN FD length on a classic line.
            private int ClassicDlc(ReadOnlySpan<byte> text)
            {
                if (text.IsEmpty) throw Malformed("DLC", "missing after d");
                if (_decimal) return Fields.Decimal(text, "DLC", 0, 15);
                if (text.Length == 1) return (int)Fields.Hex(text, "DLC", 1);
                if (text.IndexOfAnyExceptInRange((byte)'0', (byte)'9') < 0 && text.Length <= 2)
                    throw Malformed("DLC", $"a classic frame's DLC is one hex digit 0..F (9..F mean 8 bytes), found {Fields.Show(text)}: {text.Length}-digit lengths belong to CAN FD frames, written as CANFD lines");
                throw Malformed("DLC", $"expected one hex digit 0..F on a classic frame, found {Fields.Show(text)}");
            }

            // CANFD <ch> <dir> <id> [name] <brs> <esi> <dlc> <length> <data...> <duration> <bits> <flags> <crc> <timing...>
            private Item ParseFd(ReadOnlySpan<byte> rest, ref CanRecord record)
            {
                var channel = Fields.Token(ref rest);
                var direction = Fields.Token(ref rest);
                var idText = Fields.Token(ref rest);
                if (IsErrorFrame(idText) || IsErrorFrame(direction)) return Item.ErrorFrame;
                record.Channel = (byte)(Fields.Decimal(channel, "channel", 1, 256) - 1);
                if (!IsId(idText)) throw Malformed("CAN ID", $"expected an ID or ErrorFrame after the direction, found {Fields.Show(idText)}");
                if (!IsDirection(direction)) throw Malformed("direction", $"expected Rx or Tx, found {Fields.Show(direction)}");
                SetId(idText, ref record);
                if (direction[0] == (byte)'T') record.Flags |= CanRecordFlags.Transmitted;
                var brs = Fields.Token(ref rest);
                if (!IsBit(brs)) brs = Fields.Token(ref rest); // after a symbolic name
                if (!IsBit(brs)) throw Malformed("BRS", $"expected 0 or 1, found {Fields.Show(brs)}");
                var esi = Fields.Token(ref rest);
                if (!IsBit(esi)) throw Malformed("ESI", $"expected 0 or 1, found {Fields.Show(esi)}");
                int dlc = (int)Fields.Hex(Fields.Token(ref rest), "DLC", 1);
                int length = Fields.Decimal(Fields.Token(ref rest), "data length", 0, 64);
                var data = rest;
                for (int i = 0; i < length; i++) Fields.Token(ref rest);
                Fields.Token(ref rest); // message duration
                Fields.Token(ref rest); // message length in bits
                var flagsText = Fields.Token(ref rest);
                // The flags field says what the frame is: EDL (0x1000) a CAN FD frame, RTR (0x10) a remote one. Lines
                // written without it (older tools) are CAN FD data frames.
                uint flags = flagsText.IsEmpty ? FlagEdl : Fields.Hex(flagsText, "flags", 8);
                if ((flags & FlagRtr) != 0)
                {
                    if (length != 0) throw Malformed("data length", $"a remote frame carries no data, found length {length}");
                    if (dlc > 8) throw Malformed("DLC", $"expected 0..8 on a remote frame, found {dlc:X}");
                    record.Flags |= CanRecordFlags.Remote;
                    record.Length = (byte)dlc;
                    return Item.Frame;
                }

                if ((flags & FlagEdl) != 0)
                {
                    record.Flags |= CanRecordFlags.Fd;
                    if (brs.SequenceEqual("1"u8)) record.Flags |= CanRecordFlags.BitRateSwitch;
                    if (esi.SequenceEqual("1"u8)) record.Flags |= CanRecordFlags.ErrorStateIndicator;
                    if (CanFd.LengthOf(dlc) != length) throw Malformed("data length", $"DLC {dlc:X} means {CanFd.LengthOf(dlc)} bytes on CAN FD, found length {length}");
                }
                else if (length != Math.Min(dlc, 8))
                {
                    throw Malformed("data length", $"DLC {dlc:X} means {Math.Min(dlc, 8)} bytes on a classic frame (flags {flags:X} without EDL), found length {length}");
                }
                else
                {
                    record.SetClassicDlc(dlc);
                }

                record.Length = (byte)length;
                ReadBytes(ref data, ref record, length);
                return Item.Frame;
            }


            private static bool IsBit(ReadOnlySpan<byte> text) => text.Length == 1 && text[0] is (byte)'0' or (byte)'1';

            private static bool IsErrorFrame(ReadOnlySpan<byte> text) => text.SequenceEqual("ErrorFrame"u8) || text.SequenceEqual("errorframe"u8);

            private void ReadBytes(ref ReadOnlySpan<byte> rest, ref CanRecord record, int count)
            {
                Span<byte> data = record.Data;
                for (int i = 0; i < count; i++)
                {
                    var token = Fields.Token(ref rest);
                    if (token.IsEmpty) throw Malformed($"DATA[{i}]", $"DLC is {count} but the line has only {i} data bytes");
                    data[i] = _decimal ? (byte)Fields.Decimal(token, $"DATA[{i}]", 0, 255) : Fields.HexByte(token, $"DATA[{i}]");
                }
            }

            private static bool IsDirection(ReadOnlySpan<byte> text) => text.SequenceEqual("Rx"u8) || text.SequenceEqual("Tx"u8);

            // Header and comment lines start with a word (date, base, Begin, End, internal, no, //...); anything else
            // starts with a timestamp, which must then parse.
            private static bool IsKeyword(ReadOnlySpan<byte> first)
            {
                if (first[0] == (byte)'/') return true;
                if (!char.IsAsciiLetter((char)first[0])) return false;
                var word = System.Text.Encoding.ASCII.GetString(first).ToLowerInvariant();
                return word is not ("nan" or "inf" or "infinity");
            }

            private bool IsId(ReadOnlySpan<byte> text)
            {
                var digits = !text.IsEmpty && text[^1] == (byte)'x' ? text[..^1] : text;
                return !digits.IsEmpty && (_decimal ? digits.IndexOfAnyExceptInRange((byte)'0', (byte)'9') < 0 : digits.IndexOfAnyExcept("0123456789abcdefABCDEF"u8) < 0);
            }

            private void SetId(ReadOnlySpan<byte> text, ref CanRecord record)
            {
                bool extended = text[^1] == (byte)'x';
                var digits = extended ? text[..^1] : text;
                uint id = _decimal ? (uint)Fields.Decimal(digits, "CAN ID", 0, (int)CanIds.Core.CanFrame.MaxExtendedId) : Fields.Hex(digits, "CAN ID", 8);
                uint max = extended ? CanIds.Core.CanFrame.MaxExtendedId : CanIds.Core.CanFrame.MaxStandardId;
                if (id > max) throw Malformed("CAN ID", $"expected at most {max:X} for {(extended ? "an extended" : "a standard")} ID, found {Fields.Show(text)}");
                record.Id = id;
                if (extended) record.Flags |= CanRecordFlags.Extended;
            }

            private Item Header(ReadOnlySpan<byte> keyword, ReadOnlySpan<byte> rest)
            {
                if (keyword.SequenceEqual("date"u8)) _originUs = ParseDate(rest) ?? 0;
                else if (keyword.SequenceEqual("base"u8))
                {
                    var numberBase = Fields.Token(ref rest);
                    Fields.Token(ref rest);
                    var timestamps = Fields.Token(ref rest);
                    if (numberBase.SequenceEqual("dec"u8)) _decimal = true;
                    else if (!numberBase.SequenceEqual("hex"u8)) throw Malformed("base", $"expected hex or dec, found {Fields.Show(numberBase)}");
                    _relative = timestamps.SequenceEqual("relative"u8);
                }

                return Item.Other; // headers, comments, Begin/End Triggerblock
            }

            // "Wed Nov 25 05:38:03.123 am 2026" (Vector) or "Fri Jul 10 06:17:32 2015" (log2asc): UTC microseconds.
            private static long? ParseDate(ReadOnlySpan<byte> rest)
            {
                Fields.Token(ref rest); // weekday
                var month = Array.IndexOf(Months, System.Text.Encoding.ASCII.GetString(Fields.Token(ref rest))) + 1;
                var day = Fields.Token(ref rest);
                var time = Fields.Token(ref rest);
                var next = Fields.Token(ref rest);
                bool? pm = next.SequenceEqual("am"u8) ? false : next.SequenceEqual("pm"u8) ? true : null;
                var year = pm == null ? next : Fields.Token(ref rest);
                try
                {
                    int colon1 = time.IndexOf((byte)':');
                    int colon2 = colon1 < 0 ? -1 : time[(colon1 + 1)..].IndexOf((byte)':') + colon1 + 1;
                    if (month == 0 || colon1 < 0 || colon2 <= colon1) return null;
                    int hour = Fields.Decimal(time[..colon1], "date", 0, 23);
                    if (pm != null) hour = hour % 12 + (pm.Value ? 12 : 0);
                    int minute = Fields.Decimal(time[(colon1 + 1)..colon2], "date", 0, 59);
                    long micros = Fields.TimestampUs(time[(colon2 + 1)..], "date");
                    var date = new DateTime(Fields.Decimal(year, "date", 1970, 9999), month, Fields.Decimal(day, "date", 1, 31), hour, minute, 0, DateTimeKind.Utc);
                    return (date - DateTime.UnixEpoch).Ticks / 10 + micros;
                }
                catch (Exception e) when (e is FieldException or ArgumentOutOfRangeException)
                {
                    return null; // an unreadable date leaves timestamps relative to the measurement start
                }
            }
        }

        internal sealed class Writer(string path, WriteOptions options) : CanLogWriter(path, options)
        {
            private long _originUs;

            public override LogFormat Format => LogFormat.VectorAsc;

            private protected override void WriteHeader(AsciiWriter output, in CanRecord first)
            {
                if (first.HasTimestamp) _originUs = first.TimestampUs - first.TimestampUs % 1000;
                var start = DateTime.UnixEpoch.AddTicks(_originUs * 10);
                var stamp = $"{start:ddd} {Months[start.Month - 1]} {start.Day:00} {(start.Hour % 12 == 0 ? 12 : start.Hour % 12):00}:{start:mm:ss.fff} {(start.Hour < 12 ? "am" : "pm")} {start.Year}";
                output.Text($"date {stamp}\nbase hex  timestamps absolute\ninternal events logged\n// version 9.0.0\nBegin Triggerblock {stamp}\n   0.000000 Start of measurement\n");
            }

            private protected override bool KeepsLen8Dlc => true;

            private protected override void WriteRecord(AsciiWriter output, in CanRecord record)
            {
                RequireTimestamp(record);
                long relative = record.TimestampUs - _originUs;
                if (relative < 0) throw Unsupported("its timestamp is earlier than the first frame's; ASC times count from the first");
                string seconds = $"{relative / 1_000_000}.{relative % 1_000_000:000000}";
                output.Spaces(Math.Max(1, 11 - seconds.Length));
                output.Text(seconds);
                output.Char(' ');
                if (record.IsFd)
                {
                    WriteFd(output, record);
                    return;
                }

                output.Decimal(record.Channel + 1);
                output.Text("  "u8);
                output.Spaces(Math.Max(1, 16 - WriteId(output, record)));
                output.Text((record.Flags & CanRecordFlags.Transmitted) != 0 ? "Tx   "u8 : "Rx   "u8);
                if (record.IsRemote)
                {
                    output.Text("r "u8);
                    output.Hex(record.Length, 1, upper: true);
                }
                else
                {
                    output.Text("d "u8);
                    output.Hex(record.ClassicDlc, 1, upper: true);
                    WriteData(output, record);
                }

                output.NewLine();
            }

            // CANFD <ch> <dir> <id> <brs> <esi> <dlc> <length> <data...> <duration> <bits> <flags> <crc> <4 × bit timing>
            private static void WriteFd(AsciiWriter output, in CanRecord record)
            {
                output.Text("CANFD "u8);
                output.Decimal(record.Channel + 1);
                output.Text((record.Flags & CanRecordFlags.Transmitted) != 0 ? " Tx "u8 : " Rx "u8);
                WriteId(output, record);
                bool brs = (record.Flags & CanRecordFlags.BitRateSwitch) != 0, esi = (record.Flags & CanRecordFlags.ErrorStateIndicator) != 0;
                output.Text(brs ? " 1"u8 : " 0"u8);
                output.Text(esi ? " 1 "u8 : " 0 "u8);
                output.Hex((uint)CanFd.DlcOf(record.Length), 1, upper: true);
                output.Char(' ');
                output.Decimal(record.Length);
                WriteData(output, record);
                output.Text(" 0 0 "u8);
                output.Hex(FlagEdl | (brs ? 0x2000u : 0) | (esi ? 0x4000u : 0), 1, upper: true);
                output.Text(" 0 0 0 0 0"u8);
                output.NewLine();
            }

            // The ID in hex, with x for an extended one; returns the characters written.
            private static int WriteId(AsciiWriter output, in CanRecord record)
            {
                output.Hex(record.Id, 1, upper: true);
                int written = record.Id == 0 ? 1 : (35 - System.Numerics.BitOperations.LeadingZeroCount(record.Id)) / 4;
                if (!record.IsExtended) return written;
                output.Char('x');
                return written + 1;
            }

            private static void WriteData(AsciiWriter output, in CanRecord record)
            {
                ReadOnlySpan<byte> data = record.Data;
                for (int i = 0; i < record.Length; i++)
                {
                    output.Char(' ');
                    output.Hex(data[i], 2, upper: true);
                }
            }

            private protected override void WriteFooter(AsciiWriter output) => output.Text("End TriggerBlock\n"u8);
        }
    }
}
