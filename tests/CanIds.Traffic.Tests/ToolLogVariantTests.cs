using System;
using System.IO;
using System.Linq;
using CanIds.TestSupport;
using CanIds.Traffic.Formats;
using Xunit;

namespace CanIds.Traffic.Tests
{
    /// <summary>
    /// Lines and files as Vector CANalyzer/CANoe, can-utils' candump and PEAK's tools write them, read to the exact frame
    /// (ID, flags, DLC, data, channel, timestamp) their own tools would give; what is not a frame is counted, what is
    /// malformed is reported by field.
    /// </summary>
    public class ToolLogVariantTests
    {
        private static (CanRecord[] Frames, ParseSummary Summary) Read(string text, LogFormat? format = null)
        {
            var path = Path.Combine(TestPaths.NewScratch(), "log");
            File.WriteAllText(path, text.Replace("\r\n", "\n"));
            using var reader = LogFormats.Open(path, format);
            var frames = reader.ReadAll().ToArray();
            return (frames, reader.Summary);
        }

        private static CanRecord Frame(long us, uint id, string hex, CanRecordFlags flags = 0, byte channel = 0, byte length = 255, byte len8Dlc = 0)
        {
            var data = Convert.FromHexString(hex.Replace(" ", ""));
            var r = new CanRecord { TimestampUs = us, Id = id, Flags = flags, Channel = channel, Length = length == 255 ? (byte)data.Length : length, Len8Dlc = len8Dlc };
            data.CopyTo(r.Data);
            return r;
        }

        private static string Bytes(int n, int first = 0) => string.Join(" ", Enumerable.Range(first, n).Select(i => ((byte)i).ToString("X2")));

        [Fact]
        public void AscRemoteFramesWithoutDlcAndClassicDlcNineToFifteenAreRead()
        {
            var (frames, _) = Read("date Wed Nov 25 05:38:03.123 am 2026\nbase hex  timestamps absolute\n"
                + "2.520002 3 200 Tx r Length = 1704000 BitCount = 145 ID = 88888888x\n"
                + "13.258671 1  3FF  Tx  d D 55 AA 01 02 03 04 05 06  Length = 232016 BitCount = 121 ID = 1023\n", LogFormat.VectorAsc);
            long origin = new DateTimeOffset(2026, 11, 25, 5, 38, 3, 123, TimeSpan.Zero).ToUnixTimeMilliseconds() * 1000;
            Records.AssertSame(
                [Frame(origin + 2_520_002, 0x200, "", CanRecordFlags.Remote | CanRecordFlags.Transmitted, channel: 2),
                 Frame(origin + 13_258_671, 0x3FF, "55 AA 01 02 03 04 05 06", CanRecordFlags.Transmitted, len8Dlc: 13)], frames);
        }

        [Fact]
        public void AscCanFdLinesErrorFramesDecimalBaseAndRelativeTimesAreRead()
        {
            var (fd, summary) = Read("base hex  timestamps absolute\n"
                + "   1.500000 1  ErrorFrame\n"
                + "   1.600000 CANFD   1 Rx   ErrorFrame  0 0 0 0 0\n"
                + $"   4.708354 CANFD   1 Rx        3f0  Msg1  1 0 f 64 {Bytes(64)}  102203  130   303000 2b8b46 46500250 4b140250 20011736 2001130d\n"
                + "   4.800000 CANFD   2 Tx   18FEF100x  0 1 9 12 " + Bytes(12, 0xA0) + "  0 0 5000 0 0 0 0 0\n"
                + "   4.900000 CANFD   1 Rx        123  0 0 8 8 " + Bytes(8) + "  0 0 0 0 0 0 0 0\n"
                + "   5.000000 CANFD   1 Rx        124  0 0 3 0  0 0 10 0 0 0 0 0\n"
                + "   5.100000 1  1ABCDEF0x  Rx  d 1 7F\n", LogFormat.VectorAsc);
            Assert.Equal(2, summary.ErrorFrames);
            Records.AssertSame(
                [Frame(4_708_354, 0x3F0, Bytes(64), CanRecordFlags.Fd | CanRecordFlags.BitRateSwitch),
                 Frame(4_800_000, 0x18FEF100, Bytes(12, 0xA0), CanRecordFlags.Fd | CanRecordFlags.ErrorStateIndicator | CanRecordFlags.Extended | CanRecordFlags.Transmitted, channel: 1),
                 Frame(4_900_000, 0x123, Bytes(8)), // no EDL in the flags: a classic frame on an FD channel
                 Frame(5_000_000, 0x124, "", CanRecordFlags.Remote, length: 3),
                 Frame(5_100_000, 0x1ABCDEF0, "7F", CanRecordFlags.Extended)], fd);

            var (dec, _) = Read("base dec  timestamps relative\n  0.100000 1  291  Rx   d 2 17 255\n  0.200000 2  2047  Rx   d 1 0\n", LogFormat.VectorAsc);
            Records.AssertSame([Frame(100_000, 0x123, "11 FF"), Frame(300_000, 0x7FF, "00", channel: 1)], dec);
        }

        [Fact]
        public void SixtyFourBytesOnAClassicAscLineIsReportedAsACanFdLengthOnTheWrongLine()
        {
            var error = Assert.Throws<CanLogFormatException>(() => Read("base hex  timestamps absolute\n   0.5 1 123 Rx d 40 " + Bytes(64) + "\n", LogFormat.VectorAsc));
            Assert.Equal(2, error.Line);
            Assert.Equal("DLC", error.Field);
            Assert.Contains("CANFD lines", error.Message);
            var wrong = Assert.Throws<CanLogFormatException>(() => Read("   4.9 CANFD 1 Rx 123 0 0 9 8 " + Bytes(8) + " 0 0 1000 0 0 0 0 0\n", LogFormat.VectorAsc));
            Assert.Contains("DLC 9 means 12 bytes", wrong.Message);
        }

        [Fact]
        public void CandumpScreenFormatsAreDetectedAndRead()
        {
            var (frames, summary) = Read(
                "  vcan0  1F4   [4]  01 02 03 04\n"
                + "(000.000000)  vcan0  0C8   [8]  F0 00 00 00 00 00 00 01\n"
                + "(1613749650.388103)  can1  0AD  [08]  A6 55 00 00 00 00 00 02\n"
                + "(2021-02-19 15:47:30.388103)  can0  123   [2]  11 22\n"
                + "  can0  7FF   [3]  remote request\n"
                + "  can0  20000004   [8]  00 04 00 00 00 00 00 00   ERRORFRAME\n"
                + "\tcontroller-problem{rx-error-warning}\n"
                + $"  can2  12345678  [64]  {Bytes(64)}\n"
                + $"  can0  TX B -  123  [12]  {Bytes(12)}\n"
                + "  vcan0  1F4   [4]  41 42 43 44   'ABCD'\n");
            Assert.Equal(1, summary.ErrorFrames);
            Records.AssertSame(
                [Frame(CanRecord.NoTimestamp, 0x1F4, "01 02 03 04"),
                 Frame(0, 0xC8, "F0 00 00 00 00 00 00 01"),
                 Frame(1_613_749_650_388_103, 0xAD, "A6 55 00 00 00 00 00 02", CanRecordFlags.Fd, channel: 1), // two digits: how candump prints CAN FD
                 Frame(1_613_749_650_388_103, 0x123, "11 22"),
                 Frame(CanRecord.NoTimestamp, 0x7FF, "", CanRecordFlags.Remote, length: 3),
                 Frame(CanRecord.NoTimestamp, 0x12345678, Bytes(64), CanRecordFlags.Fd | CanRecordFlags.Extended, channel: 2),
                 Frame(CanRecord.NoTimestamp, 0x123, Bytes(12), CanRecordFlags.Fd | CanRecordFlags.BitRateSwitch | CanRecordFlags.Transmitted),
                 Frame(CanRecord.NoTimestamp, 0x1F4, "41 42 43 44")], frames);
        }

        [Theory]
        [InlineData("  can0  123   [4]  01 02 03", "DATA[3]", "[4] but the line has only 3 data bytes")]
        [InlineData("  can0  123   [9]  01", "length", "expected 0..8")]
        [InlineData("  can0  123   [13]  01", "length", "13 bytes is not a CAN FD length")]
        [InlineData("  can0  123   [2]  01 02 03", "line", "more bytes than [2] says")]
        [InlineData("  can0  1234   [2]  01 02", "CAN ID", "expected 3 (standard) or 8 (extended) hex digits")]
        [InlineData("(2021-02-30 15:47:30.1)  can0  123   [1]  01", "timestamp", "expected (YYYY-MM-DD hh:mm:ss.ffffff)")]
        [InlineData("(0.1) can0 123#1122334455667788_7", "DLC", "expected 9..F after _")]
        public void MalformedCandumpLinesNameTheirField(string line, string field, string problem)
        {
            var error = Assert.Throws<CanLogFormatException>(() => Read("(0.0) can0 100#00\n" + line + "\n", LogFormat.Candump));
            Assert.Equal(2, error.Line);
            Assert.Equal(field, error.Field);
            Assert.Contains(problem, error.Problem);
        }

        [Fact]
        public void CandumpLogLinesKeepADlcOfNineToFifteen()
        {
            var (frames, _) = Read("(1.000000) can0 123#1122334455667788_E\n");
            Records.AssertSame([Frame(1_000_000, 0x123, "11 22 33 44 55 66 77 88", len8Dlc: 14)], frames);
        }

        private const string TrcV1Header = ";##########################################################################\n;   C:\\test.trc\n;\n;   Columns description:\n;   ~~~~~~~~~~~~~~~~~~~~~\n;----+- ---+--- ----+--- + -+ -- -- ...\n";

        [Fact]
        public void TrcVersion10IsReadWithOffsetsFromZero()
        {
            var (frames, summary) = Read(TrcV1Header
                + "     1)      1841  0001  8  00 00 00 00 00 00 00 00\n"
                + "     2)      1842  0008  4  01 02 03 04\n"
                + "     3)      1843  1FFFFFFF  2  AA BB\n"
                + "     4)      1844  0100  4  RTR\n"
                + "     5)      1845  FFFFFFFF  4  00 00 00 08\n");
            Records.AssertSame(
                [Frame(1_841_000, 0x001, "00 00 00 00 00 00 00 00"), Frame(1_842_000, 0x008, "01 02 03 04"),
                 Frame(1_843_000, 0x1FFFFFFF, "AA BB", CanRecordFlags.Extended), Frame(1_844_000, 0x100, "", CanRecordFlags.Remote, length: 4)], frames);
            Assert.Equal(7, summary.OtherLines); // 6 header lines, 1 bus status line
        }

        [Theory]
        [InlineData("1.1", "", "")]
        [InlineData("1.2", "1  ", "")]
        [InlineData("1.3", "1  ", "-  ")]
        public void TrcVersions11To13AreReadFromTheirStartTime(string version, string bus, string reserved)
        {
            const long start = 1_062_968_073_748_001; // 37871.8712239352 days after 1899-12-30, in µs since 1970
            var (frames, summary) = Read($";$FILEVERSION={version}\n;$STARTTIME=37871.8712239352\n;   Message Number\n"
                + $"     1)      1841.0 {bus} Rx         0001 {reserved} 8  00 00 00 00 00 00 00 00\n"
                + $"     2)      1842.3 {bus} Tx         0008 {reserved} 4  01 02 03 04\n"
                + $"     3)      1843.7 {bus} Rx     18EFC9F3 {reserved} 1  7F\n"
                + $"     4)      3000.7 {bus} Rx         0100 {reserved} 4  RTR\n"
                + $"     5)      3500.0 {bus} Warng  FFFFFFFF {reserved} 4  00 00 00 08  BUSHEAVY\n"
                + $"     6)      3600.0 {bus} Error  00000000 {reserved} 5  01 00 02 00 00\n");
            Records.AssertSame(
                [Frame(start + 1_841_000, 0x001, "00 00 00 00 00 00 00 00"), Frame(start + 1_842_300, 0x008, "01 02 03 04", CanRecordFlags.Transmitted),
                 Frame(start + 1_843_700, 0x18EFC9F3, "7F", CanRecordFlags.Extended), Frame(start + 3_000_700, 0x100, "", CanRecordFlags.Remote, length: 4)], frames);
            Assert.Equal(1, summary.ErrorFrames);
        }

        [Fact]
        public void TrcVersion20ReadsItsColumnsAndEveryMessageType()
        {
            const long start = 1_437_731_216_614_996;
            var (frames, summary) = Read(";$FILEVERSION=2.0\n;$STARTTIME=42209.4075997106\n;$COLUMNS=N,O,T,I,d,l,D\n;\n"
                + "      1      1059.900 DT     0300 Rx 7  00 00 00 00 04 00 00\n"
                + "      2      1283.231 DT     0300 Tx 7  00 00 00 00 04 00 00\n"
                + "      3      1298.945 DT 18EFC9F3 Rx 2  AA BB\n"
                + $"      4      1417.000 FD     0400 Rx 12 {Bytes(12)}\n"
                + $"      5      1418.000 FB     0401 Rx 64 {Bytes(64)}\n"
                + "      6      1500.000 RR     0500 Rx 3\n"
                + "      7      1600.000 ST          Rx    00 00 00 08\n"
                + "      8      1700.000 ER          Rx    04 00 02 00 00\n"
                + "      9      1800.000 EV                User event\n");
            Records.AssertSame(
                [Frame(start + 1_059_900, 0x300, "00 00 00 00 04 00 00"), Frame(start + 1_283_231, 0x300, "00 00 00 00 04 00 00", CanRecordFlags.Transmitted),
                 Frame(start + 1_298_945, 0x18EFC9F3, "AA BB", CanRecordFlags.Extended), Frame(start + 1_417_000, 0x400, Bytes(12), CanRecordFlags.Fd),
                 Frame(start + 1_418_000, 0x401, Bytes(64), CanRecordFlags.Fd | CanRecordFlags.BitRateSwitch), Frame(start + 1_500_000, 0x500, "", CanRecordFlags.Remote, length: 3)], frames);
            Assert.Equal(1, summary.ErrorFrames);
        }

        [Fact]
        public void TrcVersion21ReadsBusesDlcsAndKeepsClassicDlcsAboveEight()
        {
            const long start = 1_548_347_711_527_996;
            var (frames, _) = Read(";$FILEVERSION=2.1\n;$STARTTIME=43489.6911056481\n;$COLUMNS=N,O,T,B,I,d,R,L,D\n"
                + "      1      1059.900 DT 1      0300 Rx - 7    00 00 00 00 04 00 00\n"
                + "      2      1283.231 DT 2      0300 Tx - 8    00 00 00 00 04 00 00 01\n"
                + $"      3      1298.945 FD 1      0400 Rx - 9    {Bytes(12)}\n"
                + $"      4      1300.000 BI 1  1ABCDEF0 Rx - 15   {Bytes(64)}\n"
                + "      5      1310.000 RR 1      0500 Rx - 3\n"
                + "      6      1320.000 DT 1      0123 Rx - 12   11 22 33 44 55 66 77 88\n"
                + "      7      1330.000 ER 1         - Rx - 5    04 00 02 00 00\n");
            Records.AssertSame(
                [Frame(start + 1_059_900, 0x300, "00 00 00 00 04 00 00"), Frame(start + 1_283_231, 0x300, "00 00 00 00 04 00 00 01", CanRecordFlags.Transmitted, channel: 1),
                 Frame(start + 1_298_945, 0x400, Bytes(12), CanRecordFlags.Fd),
                 Frame(start + 1_300_000, 0x1ABCDEF0, Bytes(64), CanRecordFlags.Fd | CanRecordFlags.BitRateSwitch | CanRecordFlags.ErrorStateIndicator | CanRecordFlags.Extended),
                 Frame(start + 1_310_000, 0x500, "", CanRecordFlags.Remote, length: 3), Frame(start + 1_320_000, 0x123, "11 22 33 44 55 66 77 88", len8Dlc: 12)], frames);
        }

        [Theory]
        [InlineData(";$FILEVERSION=2.1\n;$STARTTIME=43489.69\n;$COLUMNS=N,O,T,B,I,d,R,L,D\n      1  1.000 DT 1  0300 Rx - 2    00\n", 4, "DATA[1]")]
        [InlineData(";$FILEVERSION=2.1\n;$STARTTIME=43489.69\n;$COLUMNS=N,O,T,B,I,d,R,L\n", 3, "COLUMNS")]
        [InlineData(";$FILEVERSION=3.0\n", 1, "FILEVERSION")]
        [InlineData(";$FILEVERSION=2.1\n;$STARTTIME=43489.69\n;$COLUMNS=N,O,T,B,I,d,R,L,D\n      1  1.000 XX 1  0300 Rx - 1    00\n", 4, "type")]
        [InlineData(";$FILEVERSION=2.1\n;$STARTTIME=43489.69\n;$COLUMNS=N,O,T,B,I,d,R,L,D\n      1  1.000 DT 1  0900 Rx - 1    00\n", 4, "CAN ID")]
        [InlineData(";$FILEVERSION=1.1\n;$STARTTIME=43489.69\n     1)  1.0  Rx  0100  2  00 11 22\n", 3, "line")]
        public void MalformedTrcLinesNameTheirLineAndField(string text, int line, string field)
        {
            var error = Assert.Throws<CanLogFormatException>(() => Read(text, LogFormat.PeakTrc));
            Assert.Equal(line, error.Line);
            Assert.Equal(field, error.Field);
        }
    }
}
