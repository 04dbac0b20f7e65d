using System;
using System.Globalization;
using Item = CanIds.Traffic.Formats.CanLogReader.Item;

namespace CanIds.Traffic.Formats
{
    /// <summary>
    /// candump's screen formats, as people copy them from a terminal: <c>  vcan0  1F4   [4]  01 02 03 04</c>, optionally
    /// after a timestamp (<c>(1613749650.388103)</c> with -t a, <c>(000.000000)</c> with -t z or d,
    /// <c>(2021-02-19 15:47:30.388103)</c> with -t A, read as UTC) and with -x's <c>RX - -</c> / <c>TX B E</c>.
    /// The length in brackets is one digit for a classic frame (<c>[8]</c>) and two for a CAN FD frame (<c>[08]</c>,
    /// <c>[64]</c>), as can-utils prints them; <c>remote request</c> marks a remote frame; an 8-digit ID with
    /// CAN_ERR_FLAG (printed with <c>ERRORFRAME</c>) is an error frame, and the tab-indented lines -e prints under it
    /// (<c>controller-problem{rx-error-warning}</c>) are its explanation. ASCII columns (-a) after the data are ignored.
    /// </summary>
    internal static class CandumpScreen
    {
        /// <summary>Parses one screen-format line.</summary>
        public static Item Parse(ReadOnlySpan<byte> line, ref CanRecord record)
        {
            var rest = line;
            var first = Fields.Token(ref rest);
            if (line[0] == (byte)'\t' && first.IndexOf((byte)'{') > 0) return Item.Other; // an error frame's explanation (-e)
            record.TimestampUs = CanRecord.NoTimestamp;
            var iface = first;
            if (first[0] == (byte)'(')
            {
                if (first[^1] == (byte)')') record.TimestampUs = Fields.TimestampUs(first[1..^1], "timestamp");
                else record.TimestampUs = DateTimeUs(first[1..], Fields.Token(ref rest));
                iface = Fields.Token(ref rest);
            }
            else if (line.IndexOf((byte)'#') >= 0)
            {
                throw new FieldException("timestamp", $"expected (seconds.micros) before a log-format frame, found {Fields.Show(first)}");
            }

            if (iface.IsEmpty) throw new FieldException("interface", "missing (expected e.g. can0)");
            record.Channel = Candump.Reader.ChannelOf(iface);
            var idText = Fields.Token(ref rest);
            if (idText.SequenceEqual("RX"u8) || idText.SequenceEqual("TX"u8))
            {
                // -x: direction, then B (bit-rate switch) or '-', E (error state indicator) or '-'
                bool tx = idText[0] == (byte)'T';
                var brs = Fields.Token(ref rest);
                var esi = Fields.Token(ref rest);
                if (!IsFlag(brs, (byte)'B') || !IsFlag(esi, (byte)'E')) throw new FieldException("flags", $"expected B or - then E or - after {(tx ? "TX" : "RX")}, found {Fields.Show(brs)} {Fields.Show(esi)}");
                if (tx) record.Flags |= CanRecordFlags.Transmitted;
                if (brs[0] == (byte)'B') record.Flags |= CanRecordFlags.BitRateSwitch;
                if (esi[0] == (byte)'E') record.Flags |= CanRecordFlags.ErrorStateIndicator;
                idText = Fields.Token(ref rest);
            }

            if (idText.IsEmpty) throw new FieldException("CAN ID", "missing after the interface");
            bool error = !Candump.Reader.SetId(idText, ref record);
            var lengthText = Fields.Token(ref rest);
            if (lengthText.Length < 3 || lengthText[0] != (byte)'[' || lengthText[^1] != (byte)']')
                throw new FieldException("length", $"expected [n] (classic) or [nn] (CAN FD) after the ID, found {Fields.Show(lengthText)}");
            var digits = lengthText[1..^1];
            bool fd = digits.Length == 2;
            int length = Fields.Decimal(digits, "length", 0, fd ? 64 : 8);
            if (error) return Item.ErrorFrame;
            if (fd)
            {
                if (CanFd.DlcOf(length) < 0) throw new FieldException("length", $"{length} bytes is not a CAN FD length ({CanFd.LengthList})");
                record.Flags |= CanRecordFlags.Fd;
            }
            else if ((record.Flags & (CanRecordFlags.BitRateSwitch | CanRecordFlags.ErrorStateIndicator)) != 0)
            {
                throw new FieldException("flags", "B or E on a classic frame (one-digit length); only CAN FD frames have them");
            }

            record.Length = (byte)length;
            var after = rest;
            if (!fd && Fields.Token(ref after).SequenceEqual("remote"u8) && Fields.Token(ref after).SequenceEqual("request"u8))
            {
                record.Flags |= CanRecordFlags.Remote;
                return Item.Frame;
            }

            Span<byte> data = record.Data;
            for (int i = 0; i < length; i++)
            {
                var token = Fields.Token(ref rest);
                if (token.IsEmpty) throw new FieldException($"DATA[{i}]", $"[{length}] but the line has only {i} data bytes");
                data[i] = Fields.HexByte(token, $"DATA[{i}]");
            }

            var tail = Fields.Token(ref rest);
            if (!tail.IsEmpty && tail[0] != (byte)'\'' && tail[0] != (byte)'`')
                throw new FieldException("line", $"unexpected {Fields.Show(tail)} after {length} data bytes (more bytes than [{length}] says?)");
            return Item.Frame;
        }

        private static bool IsFlag(ReadOnlySpan<byte> token, byte set) => token.Length == 1 && (token[0] == set || token[0] == (byte)'-');

        // "(2021-02-19" "15:47:30.388103)": candump -t A, local time of the machine that logged; read as UTC.
        private static long DateTimeUs(ReadOnlySpan<byte> date, ReadOnlySpan<byte> time)
        {
            if (time.IsEmpty || time[^1] != (byte)')') throw new FieldException("timestamp", $"expected (YYYY-MM-DD hh:mm:ss.ffffff), found {Fields.Show(date)} {Fields.Show(time)}");
            time = time[..^1];
            int dot = time.IndexOf((byte)'.');
            var whole = dot < 0 ? time : time[..dot];
            var text = System.Text.Encoding.ASCII.GetString(date) + " " + System.Text.Encoding.ASCII.GetString(whole);
            if (!DateTime.TryParseExact(text, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at))
                throw new FieldException("timestamp", $"expected (YYYY-MM-DD hh:mm:ss.ffffff), found {Fields.Show(date)} {Fields.Show(time)}");
            long micros = 0;
            if (dot >= 0)
            {
                var fraction = time[(dot + 1)..];
                if (fraction.Length > 9) throw new FieldException("timestamp", $"expected up to 9 decimals of a second, found {Fields.Show(time)}");
                Span<byte> seconds = stackalloc byte[2 + fraction.Length];
                "0."u8.CopyTo(seconds);
                fraction.CopyTo(seconds[2..]);
                micros = Fields.TimestampUs(seconds, "timestamp");
            }

            return (at - DateTime.UnixEpoch).Ticks / 10 + micros;
        }
    }
}
