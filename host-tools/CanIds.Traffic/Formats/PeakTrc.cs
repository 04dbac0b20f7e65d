using System;
using System.Globalization;
using System.IO;

namespace CanIds.Traffic.Formats
{
    /// <summary>
    /// PEAK-System's TRC trace (PCAN-View, PCAN-Explorer, PCAN-Basic tracer), read in versions 1.0 to 2.1 and written in
    /// 2.1. Header lines start with ';': <c>;$FILEVERSION=2.1</c> (absent: 1.0), <c>;$STARTTIME=</c> (days since
    /// 1899-12-30, the OLE date, read as UTC) and, from 2.0, <c>;$COLUMNS=N,O,T,B,I,d,R,L,D</c>, which orders the columns.
    /// A message's time is the start time plus its offset in milliseconds (1.0 has no start time: offsets from 0).
    /// <list type="bullet">
    /// <item>1.0: <c>1)  1841  0001  8  00 11 22 33 44 55 66 77</c> (number, ms, ID, DLC, data or RTR)</item>
    /// <item>1.1: <c>1)  1841.0  Rx  0001  8  00 ...</c> (adds Rx/Tx; Warng and Error lines are bus events)</item>
    /// <item>1.2: <c>1)  1841.0 1  Rx  0001  8  00 ...</c> (adds the bus); 1.3 adds a reserved '-' before the DLC</item>
    /// <item>2.x: types DT (data), FD, FB (bit-rate switch), FE (error state), BI (both), RR (remote request); ST, EC, ER
    /// (error frame), EV are bus events. IDs of 4 digits are standard, of 8 extended. L is the DLC, l the data length.</item>
    /// </list>
    /// </summary>
    internal static class PeakTrc
    {
        private const decimal UnixEpochOleDays = 25569; // 1970-01-01 as an OLE date

        internal sealed class Reader(string path, Stream stream, ReadOptions options) : TextLogReader(path, stream, options)
        {
            private int _version = 10; // 1.0 until a header says otherwise
            private long _startUs;
            private int[] _columns = []; // 2.x: the position of each column letter in a line
            private int _dataColumn = -1;

            public override LogFormat Format => LogFormat.PeakTrc;

            private protected override Item ParseLine(ReadOnlySpan<byte> line, ref CanRecord record)
            {
                var rest = line;
                var first = Fields.Token(ref rest);
                if (first[0] == (byte)';') return Header(line);
                return _version >= 20 ? ParseV2(line, ref record) : ParseV1(first, rest, ref record);
            }

            private Item Header(ReadOnlySpan<byte> line)
            {
                var text = System.Text.Encoding.ASCII.GetString(line).Trim();
                int equals = text.IndexOf('=');
                if (!text.StartsWith(";$", StringComparison.Ordinal) || equals < 0) return Item.Other;
                var key = text[2..equals].Trim();
                var value = text[(equals + 1)..].Trim();
                switch (key)
                {
                    case "FILEVERSION":
                        _version = value switch
                        {
                            "1.0" => 10, "1.1" => 11, "1.2" => 12, "1.3" => 13, "2.0" => 20, "2.1" => 21,
                            _ => throw Malformed("FILEVERSION", $"expected 1.0, 1.1, 1.2, 1.3, 2.0 or 2.1, found \"{value}\""),
                        };
                        break;
                    case "STARTTIME":
                        if (!decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal days) || days < UnixEpochOleDays || days > 2_958_465)
                            throw Malformed("STARTTIME", $"expected days since 1899-12-30 (e.g. 45123.5678), from 1970 on, found \"{value}\"");
                        _startUs = StartUs(days);
                        break;
                    case "COLUMNS":
                        SetColumns(value);
                        break;
                }

                return Item.Other;
            }

            private void SetColumns(string value)
            {
                var names = value.Split(',', StringSplitOptions.TrimEntries);
                _columns = new int[128];
                Array.Fill(_columns, -1);
                for (int i = 0; i < names.Length; i++)
                {
                    if (names[i].Length != 1 || names[i][0] >= 128 || _columns[names[i][0]] >= 0)
                        throw Malformed("COLUMNS", $"expected single-letter column names without repeats (e.g. N,O,T,B,I,d,R,L,D), found \"{value}\"");
                    _columns[names[i][0]] = i;
                }

                foreach (char required in "OTIdD")
                {
                    if (_columns[required] < 0) throw Malformed("COLUMNS", $"column {required} is missing from \"{value}\"");
                }

                if (_columns['L'] < 0 && _columns['l'] < 0) throw Malformed("COLUMNS", $"neither L (DLC) nor l (data length) is in \"{value}\"");
                _dataColumn = _columns['D'];
                if (_dataColumn != names.Length - 1) throw Malformed("COLUMNS", $"D (the data bytes) must be the last column, found \"{value}\"");
            }

            // 1.x: number) offset [bus] [type] ID [-] DLC data|RTR
            private Item ParseV1(ReadOnlySpan<byte> number, ReadOnlySpan<byte> rest, ref CanRecord record)
            {
                if (number[^1] != (byte)')') throw Malformed("message number", $"expected a number and ')' (TRC {_version / 10}.{_version % 10}), found {Fields.Show(number)}");
                record.TimestampUs = _startUs + OffsetUs(Fields.Token(ref rest));
                if (_version >= 12) record.Channel = Bus(Fields.Token(ref rest));
                if (_version >= 11)
                {
                    var type = Fields.Token(ref rest);
                    if (type.SequenceEqual("Error"u8)) return Item.ErrorFrame;
                    if (type.SequenceEqual("Warng"u8)) return Item.Other;
                    if (!IsDirection(type)) throw Malformed("type", $"expected Rx, Tx, Warng or Error, found {Fields.Show(type)}");
                    if (type[0] == (byte)'T') record.Flags |= CanRecordFlags.Transmitted;
                }

                var id = Fields.Token(ref rest);
                if (id.SequenceEqual("FFFFFFFF"u8)) return Item.Other; // 1.0's bus status lines
                SetId(id, ref record);
                if (_version >= 13) Reserved(Fields.Token(ref rest));
                int dlc = Fields.Decimal(Fields.Token(ref rest), "DLC", 0, 15);
                var after = rest;
                if (Fields.Token(ref after).SequenceEqual("RTR"u8))
                {
                    if (dlc > 8) throw Malformed("DLC", $"expected 0..8 on a remote frame, found {dlc}");
                    record.Flags |= CanRecordFlags.Remote;
                    record.Length = (byte)dlc;
                    return Item.Frame;
                }

                record.SetClassicDlc(dlc);
                ReadBytes(ref rest, ref record);
                return Item.Frame;
            }

            // 2.x: the columns the header names, data last.
            private Item ParseV2(ReadOnlySpan<byte> line, ref CanRecord record)
            {
                if (_dataColumn < 0) throw Malformed("COLUMNS", $"a TRC {_version / 10}.{_version % 10} message before the ;$COLUMNS= header line");
                Span<Range> cells = stackalloc Range[_dataColumn + 1];
                var rest = line;
                int offset = 0, count = 0;
                for (; count < _dataColumn; count++)
                {
                    var token = Fields.Token(ref rest);
                    if (token.IsEmpty) break;
                    int start = line.Length - rest.Length - token.Length;
                    cells[count] = new Range(start, start + token.Length);
                    offset = start + token.Length;
                }

                ReadOnlySpan<byte> Cell(char column, ReadOnlySpan<byte> all, Span<Range> at, int found) =>
                    _columns[column] is var i && i >= 0 && i < found ? all[at[i]] : default;

                var type = Cell('T', line, cells, count);
                record.TimestampUs = _startUs + OffsetUs(Cell('O', line, cells, count));
                switch (System.Text.Encoding.ASCII.GetString(type))
                {
                    case "DT": break;
                    case "RR": record.Flags |= CanRecordFlags.Remote; break;
                    case "FD": record.Flags |= CanRecordFlags.Fd; break;
                    case "FB": record.Flags |= CanRecordFlags.Fd | CanRecordFlags.BitRateSwitch; break;
                    case "FE": record.Flags |= CanRecordFlags.Fd | CanRecordFlags.ErrorStateIndicator; break;
                    case "BI": record.Flags |= CanRecordFlags.Fd | CanRecordFlags.BitRateSwitch | CanRecordFlags.ErrorStateIndicator; break;
                    case "ER": return Item.ErrorFrame;
                    case "ST" or "EC" or "EV": return Item.Other;
                    default: throw Malformed("type", $"expected DT, FD, FB, FE, BI, RR, ST, EC, ER or EV, found {Fields.Show(type)}");
                }

                if (count < _dataColumn) throw Malformed("line", $"expected {_dataColumn} columns before the data ({string.Join(",", ColumnNames())}), found {count}");

                if (_columns['B'] >= 0) record.Channel = Bus(Cell('B', line, cells, count));
                var direction = Cell('d', line, cells, count);
                if (!IsDirection(direction)) throw Malformed("direction", $"expected Rx or Tx, found {Fields.Show(direction)}");
                if (direction[0] == (byte)'T') record.Flags |= CanRecordFlags.Transmitted;
                SetId(Cell('I', line, cells, count), ref record);
                if (_columns['R'] >= 0) Reserved(Cell('R', line, cells, count));
                int dlc = _columns['L'] >= 0 ? Fields.Decimal(Cell('L', line, cells, count), "DLC", 0, 15) : -1;
                int length = _columns['l'] >= 0 ? Fields.Decimal(Cell('l', line, cells, count), "data length", 0, 64) : -1;
                if (record.IsRemote)
                {
                    int requested = dlc >= 0 ? dlc : length;
                    if (requested > 8) throw Malformed("DLC", $"expected 0..8 on a remote request, found {requested}");
                    record.Length = (byte)requested;
                    return Item.Frame;
                }

                if (record.IsFd)
                {
                    if (dlc >= 0 && length >= 0 && CanFd.LengthOf(dlc) != length) throw Malformed("data length", $"DLC {dlc} means {CanFd.LengthOf(dlc)} bytes on CAN FD, found length {length}");
                    if (length < 0) length = CanFd.LengthOf(dlc);
                    if (CanFd.DlcOf(length) < 0) throw Malformed("data length", $"{length} bytes is not a CAN FD length ({CanFd.LengthList})");
                    record.Length = (byte)length;
                }
                else
                {
                    if (length > 8) throw Malformed("data length", $"expected 0..8 on a classic frame (type DT), found {length}");
                    record.SetClassicDlc(dlc >= 0 ? dlc : length);
                }

                var data = line[offset..];
                ReadBytes(ref data, ref record);
                return Item.Frame;
            }

            private string[] ColumnNames()
            {
                var names = new string[_dataColumn + 1];
                for (int c = 0; c < _columns.Length; c++)
                {
                    if (_columns[c] >= 0) names[_columns[c]] = ((char)c).ToString();
                }

                return names;
            }

            private static void ReadBytes(ref ReadOnlySpan<byte> rest, ref CanRecord record)
            {
                Span<byte> data = record.Data;
                for (int i = 0; i < record.Length; i++)
                {
                    var token = Fields.Token(ref rest);
                    if (token.IsEmpty) throw Malformed($"DATA[{i}]", $"{record.Length} data bytes expected, the line has only {i}");
                    data[i] = Fields.HexByte(token, $"DATA[{i}]");
                }

                if (!Fields.Token(ref rest).IsEmpty) throw Malformed("line", $"more data bytes than the {record.Length} its length says");
            }

            private static void SetId(ReadOnlySpan<byte> text, ref CanRecord record)
            {
                uint id = Fields.Hex(text, "CAN ID", 8);
                if (text.Length > 4)
                {
                    if (id > CanIds.Core.CanFrame.MaxExtendedId) throw Malformed("CAN ID", $"expected an extended ID up to 1FFFFFFF, found {Fields.Show(text)}");
                    record.Flags |= CanRecordFlags.Extended;
                }
                else if (id > CanIds.Core.CanFrame.MaxStandardId)
                {
                    throw Malformed("CAN ID", $"expected a standard ID up to 7FF in 4 digits (extended IDs have 8), found {Fields.Show(text)}");
                }

                record.Id = id;
            }

            private static byte Bus(ReadOnlySpan<byte> text) => text.SequenceEqual("-"u8) ? (byte)0 : (byte)(Fields.Decimal(text, "bus", 1, 256) - 1);

            private static void Reserved(ReadOnlySpan<byte> text)
            {
                if (!text.SequenceEqual("-"u8)) throw Malformed("reserved", $"expected -, found {Fields.Show(text)}");
            }

            private static bool IsDirection(ReadOnlySpan<byte> text) => text.SequenceEqual("Rx"u8) || text.SequenceEqual("Tx"u8);

            // Milliseconds with up to 6 decimals, as microseconds.
            private static long OffsetUs(ReadOnlySpan<byte> text) =>
                text.IsEmpty ? throw Malformed("time offset", "missing") : Fields.TimestampUs(text, "time offset") / 1000;
        }

        /// <summary>The instant (Unix µs) an OLE date of <paramref name="days"/> stands for, as the reader computes it (exactly, in decimal).</summary>
        private static long StartUs(decimal days) => (long)Math.Round((days - UnixEpochOleDays) * 86_400_000_000m);

        internal sealed class Writer(string path, WriteOptions options) : CanLogWriter(path, options)
        {
            private long _originUs;
            private long _number;

            public override LogFormat Format => LogFormat.PeakTrc;

            private protected override bool KeepsLen8Dlc => true;

            private protected override void WriteHeader(AsciiWriter output, in CanRecord first)
            {
                // A start time whose text reads back at or before the first frame, so every offset is exact and >= 0.
                long first_ = first.HasTimestamp ? first.TimestampUs : 0;
                long origin = first_ - first_ % 1000;
                string days;
                while (true)
                {
                    days = (UnixEpochOleDays + origin / 86_400_000_000m).ToString("0.############", CultureInfo.InvariantCulture);
                    _originUs = StartUs(decimal.Parse(days, CultureInfo.InvariantCulture));
                    if (_originUs <= first_) break;
                    origin -= 1000;
                }

                var start = DateTime.UnixEpoch.AddTicks(_originUs * 10);
                output.Text($";$FILEVERSION=2.1\n;$STARTTIME={days}\n;$COLUMNS=N,O,T,B,I,d,R,L,D\n;\n;   {System.IO.Path.GetFileName(Path)}\n;   Start time: {start:dd.MM.yyyy HH:mm:ss.fff}.0 (UTC)\n;   Generated by canids\n");
                output.Text(";-------------------------------------------------------------------------------\n"u8);
                output.Text(";   Message   Time    Type ID     Rx/Tx\n;   Number    Offset  |    Bus    [hex]  |  Reserved\n;   |         [ms]    |    |      |      |  |  Data Length Code\n;   |         |       |    |      |      |  |  |    Data [hex] ...\n"u8);
                output.Text(";---+-- ------+------ +- --+- ----+--- +- +- +--- +- -- -- -- -- -- -- --\n"u8);
            }

            private protected override void WriteRecord(AsciiWriter output, in CanRecord record)
            {
                RequireTimestamp(record);
                long offset = record.TimestampUs - _originUs;
                if (offset < 0) throw Unsupported("its timestamp is earlier than the first frame's; TRC offsets count from the start time");
                string number = (++_number).ToString(CultureInfo.InvariantCulture);
                output.Spaces(Math.Max(1, 7 - number.Length));
                output.Text(number);
                string ms = $"{offset / 1000}.{offset % 1000:000}";
                output.Spaces(Math.Max(1, 14 - ms.Length));
                output.Text(ms);
                output.Char(' ');
                output.Text(TypeOf(record));
                output.Char(' ');
                string bus = (record.Channel + 1).ToString(CultureInfo.InvariantCulture);
                output.Spaces(Math.Max(0, 2 - bus.Length));
                output.Text(bus);
                output.Char(' ');
                output.Spaces(record.IsExtended ? 0 : 4);
                output.Hex(record.Id, record.IsExtended ? 8 : 4, upper: true);
                output.Text((record.Flags & CanRecordFlags.Transmitted) != 0 ? " Tx - "u8 : " Rx - "u8);
                int dlc = record.IsFd ? CanFd.DlcOf(record.Length) : record.ClassicDlc;
                output.Decimal(dlc);
                if (!record.IsRemote && record.Length > 0)
                {
                    output.Spaces(dlc >= 10 ? 3 : 4);
                    ReadOnlySpan<byte> data = record.Data;
                    for (int i = 0; i < record.Length; i++)
                    {
                        output.Hex(data[i], 2, upper: true);
                        if (i + 1 < record.Length) output.Char(' ');
                    }
                }

                output.NewLine();
            }

            private static ReadOnlySpan<byte> TypeOf(in CanRecord record)
            {
                if (record.IsRemote) return "RR"u8;
                if (!record.IsFd) return "DT"u8;
                bool brs = (record.Flags & CanRecordFlags.BitRateSwitch) != 0, esi = (record.Flags & CanRecordFlags.ErrorStateIndicator) != 0;
                return brs ? (esi ? "BI"u8 : "FB"u8) : (esi ? "FE"u8 : "FD"u8);
            }
        }
    }
}
