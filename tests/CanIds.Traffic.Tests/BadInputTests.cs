using System.IO;
using System.Linq;
using System.Text;
using System;
using CanIds.TestSupport;
using CanIds.Traffic.Formats;
using CsCheck;
using Xunit;

namespace CanIds.Traffic.Tests
{
    /// <summary>Malformed logs give an error naming the file, the line, the field and what was expected.</summary>
    public class BadInputTests
    {
        private const string GoodCsv = "1478198376.389427,0316,8,05,21,68,09,21,21,00,6f,R\n";

        [Theory]
        [InlineData(LogFormat.CarHackingCsv, "1478198376.389427,0316,8,05,21,68,09,21,21,00,R", "DATA[7]", "DLC is 8 but the row has only 7 data bytes")]
        [InlineData(LogFormat.CarHackingCsv, "1478198376.389427,0316,2,05,21,68,R", "Flag", "more data bytes than the DLC 2?")]
        [InlineData(LogFormat.CarHackingCsv, "1478198376.389427,03G6,8,05,21,68,09,21,21,00,6f,R", "CAN ID", "expected hex digits, found \"03G6\"")]
        [InlineData(LogFormat.CarHackingCsv, "1478198376.389427,2FFFFFFF,0,R", "CAN ID", "expected at most 1FFFFFFF")]
        [InlineData(LogFormat.CarHackingCsv, "1478198376.389427,0316,9,05,21,68,09,21,21,00,6f,00,R", "DLC", "expected 0..8, found \"9\"")]
        [InlineData(LogFormat.CarHackingCsv, "1478198376.389427,0316,1,zz,R", "DATA[0]", "expected a hex byte")]
        [InlineData(LogFormat.CarHackingCsv, "1478198376.389427,0316,1,05,X", "Flag", "expected R or T, found \"X\"")]
        [InlineData(LogFormat.CarHackingCsv, "14781x8376.389427,0316,1,05,R", "Timestamp", "expected seconds")]
        [InlineData(LogFormat.CarHackingCsv, "1478198376.389427,0316,1,05,R,extra", "line", "unexpected text after the flag")]
        [InlineData(LogFormat.DecimalCsv, "852,32,10,0,0,0,2,116,128", "label", "expected 10 fields")]
        [InlineData(LogFormat.DecimalCsv, "852,32,10,0,0,0,2,116,128,0.0,7", "line", "expected 10 fields")]
        [InlineData(LogFormat.DecimalCsv, "852,32,10,0,0,0,2,116,256,0.0", "D7", "expected 0..255, found \"256\"")]
        [InlineData(LogFormat.DecimalCsv, "852,32,10,0,0,0,2,116,128,0.5", "label", "expected a whole class number 0..1")]
        [InlineData(LogFormat.DecimalCsv, "852,32,10,0,0,0,2,116,128,2.0", "label", "expected 0..1, found \"2\"")]
        [InlineData(LogFormat.DecimalCsv, "999999999999,32,10,0,0,0,2,116,128,0.0", "ID", "expected a decimal number")]
        [InlineData(LogFormat.Candump, "(1436509052.249713) can0 800#00", "CAN ID", "expected a standard ID up to 7FF")]
        [InlineData(LogFormat.Candump, "(1436509052.249713) can0 12#00", "CAN ID", "expected 3 (standard) or 8 (extended) hex digits")]
        [InlineData(LogFormat.Candump, "(1436509052.249713) can0 123#001", "data", "odd number of hex digits")]
        [InlineData(LogFormat.Candump, "(1436509052.249713) can0 123#001122334455667788", "data", "more than 8 bytes")]
        [InlineData(LogFormat.Candump, "(1436509052.249713) can0 123##1" + "00112233445566778899", "FD data", "10 bytes is not a CAN FD length")]
        [InlineData(LogFormat.Candump, "1436509052.249713 can0 123#00", "timestamp", "expected (seconds.micros)")]
        [InlineData(LogFormat.Candump, "(1436509052.249713) can0 123#00 X", "direction", "expected nothing, R or T")]
        [InlineData(LogFormat.Candump, "(1436509052.249713) can0 12300", "frame", "expected ID#DATA")]
        [InlineData(LogFormat.VectorAsc, "   0.001 1  123  Rx   d 10 00", "DLC", "a classic frame's DLC is one hex digit 0..F")]
        [InlineData(LogFormat.VectorAsc, "   0.001 1  123  Rx   d 3 00 11", "DATA[2]", "DLC is 3 but the line has only 2 data bytes")]
        [InlineData(LogFormat.VectorAsc, "   0.001 1  923  Rx   d 1 00", "CAN ID", "expected at most 7FF for a standard ID")]
        [InlineData(LogFormat.VectorAsc, "   0.001 1  123  Rx   q 1 00", "frame type", "expected d (data) or r (remote)")]
        [InlineData(LogFormat.CarHackingText, "Timestamp: 1479121434.850202        ID: 0350    000    DLC: 8    05 28 84 66 6d 00 00", "DATA[7]", "DLC is 8 but the line has only 7 data bytes")]
        [InlineData(LogFormat.VectorAsc, "nan 1  123  Rx   d 1 00", "timestamp", "expected seconds")]
        [InlineData(LogFormat.VectorAsc, "-0.5 1  123  Rx   d 1 00", "timestamp", "expected seconds")]
        [InlineData(LogFormat.VectorAsc, "   0.001 1  123", "direction", "expected Rx or Tx after the ID, found nothing")]
        [InlineData(LogFormat.VectorAsc, "   0.001 1  123  Name  Other  d 1 00", "direction", "expected Rx or Tx after the ID")]
        [InlineData(LogFormat.VectorAsc, "   0.001 1  123  Rx   d 2 00 c", "DATA[1]", "two digits")]
        [InlineData(LogFormat.CarHackingCsv, "1478198376.389427,0316,1,5,R", "DATA[0]", "two digits")]
        [InlineData(LogFormat.CarHackingText, "Timestamp: 1479121434.850202        ID: 0350    000    DLC: 2    05 c", "DATA[1]", "two digits")]
        [InlineData(LogFormat.CarHackingText, "Timestamp: 1479121434.850202        ID: 0350    020    DLC: 0", "flags", "expected three binary digits")]
        public void MalformedLineNamesFileLineFieldAndExpectation(LogFormat format, string badLine, string field, string expected)
        {
            var dir = TestPaths.NewScratch();
            var path = Path.Combine(dir, "bad.log");
            var good = GoodLine(format);
            File.WriteAllText(path, good + good + badLine + "\n" + good);
            var error = Assert.Throws<CanLogFormatException>(() => Records.ReadAll(path, format));
            Assert.Equal(path, error.Path);
            Assert.Equal(3 + (format == LogFormat.VectorAsc ? 0 : 0), error.Line);
            Assert.Equal(field, error.Field);
            Assert.Contains(expected, error.Problem);
            Assert.StartsWith($"{path}:3: {field}: ", error.Message);
        }

        [Fact]
        public void SkipModeCountsBadLinesByFieldAndKeepsTheGoodOnes()
        {
            var dir = TestPaths.NewScratch();
            var path = Path.Combine(dir, "DoS_dataset.csv");
            File.WriteAllText(path, GoodCsv + "1478198376.389427,0316,8,05,R\n" + GoodCsv + "junk\n" + GoodCsv.Replace(",R", ",T"));
            using var reader = LogFormats.Open(path, LogFormat.CarHackingCsv, new ReadOptions { SkipMalformed = true });
            var frames = reader.ReadAll().ToList();
            Assert.Equal(3, frames.Count);
            Assert.Equal(TrafficClasses.DoS, frames[2].Label);
            Assert.Equal(2, reader.Summary.Skipped);
            Assert.Equal(1, reader.Summary.SkippedByField["DATA[1]"]);
            Assert.Equal(1, reader.Summary.SkippedByField["Timestamp"]);
            Assert.Contains($"{path}:2: DATA[1]:", reader.Summary.Examples[0]);
            Assert.Contains("2 malformed lines skipped", reader.Summary.ToString());
        }

        [Fact]
        public void TruncatedLastLineIsCalledOut()
        {
            var path = Path.Combine(TestPaths.NewScratch(), "cut.csv");
            File.WriteAllText(path, GoodCsv + "1478198376.389427,0316,8,05,21");
            var error = Assert.Throws<CanLogFormatException>(() => Records.ReadAll(path, LogFormat.CarHackingCsv));
            Assert.Equal(2, error.Line);
            Assert.Contains("truncated file?", error.Message);
        }

        [Fact]
        public void Utf16FileIsRefusedWithTheEncodingNamed()
        {
            var path = Path.Combine(TestPaths.NewScratch(), "utf16.csv");
            File.WriteAllText(path, GoodCsv, Encoding.Unicode);
            var error = Assert.Throws<CanLogFormatException>(() => Records.ReadAll(path, LogFormat.CarHackingCsv));
            Assert.Equal("encoding", error.Field);
            Assert.Contains("UTF-16", error.Message);
            Assert.Equal("encoding", Assert.Throws<CanLogFormatException>(() => LogFormats.Detect(path)).Field);
        }

        [Fact]
        public void BinaryDataIsCalledOut()
        {
            var path = Path.Combine(TestPaths.NewScratch(), "binary.csv");
            File.WriteAllBytes(path, Encoding.ASCII.GetBytes(GoodCsv).Concat(new byte[] { 0x31, 0, 0, 7, 0x2C, 0x0A }).ToArray());
            var error = Assert.Throws<CanLogFormatException>(() => Records.ReadAll(path, LogFormat.CarHackingCsv));
            Assert.Equal(2, error.Line);
            Assert.Contains("NUL bytes: binary data", error.Message);
        }

        [Fact]
        public void UnrecognisedContentNamesTheFormatsToChooseFrom()
        {
            var path = Path.Combine(TestPaths.NewScratch(), "what.txt");
            File.WriteAllText(path, "hello world\n");
            var error = Assert.Throws<CanLogFormatException>(() => LogFormats.Detect(path));
            Assert.Contains("not recognised from \"hello world\"", error.Message);
            Assert.Contains("candump", error.Message);
        }

        [Fact]
        public void LabelFileShorterThanTheLogIsAnError()
        {
            var dir = TestPaths.NewScratch();
            var records = Records.For(LogFormat.Candump).Single();
            Records.RoundTrip(LogFormat.Candump, records, dir);
            var labels = LabelFile.PathFor(Path.Combine(dir, "log"));
            File.WriteAllLines(labels, File.ReadAllLines(labels).SkipLast(1));
            var error = Assert.Throws<CanLogFormatException>(() => Records.ReadAll(Path.Combine(dir, "log")));
            Assert.Equal(labels, error.Path);
            Assert.Contains($"ends before frame {records.Length}", error.Message);
        }

        [Fact]
        public void LabelFileLongerThanTheLogIsAnError()
        {
            var dir = TestPaths.NewScratch();
            Records.RoundTrip(LogFormat.Candump, Records.For(LogFormat.Candump).Single(), dir);
            File.AppendAllText(LabelFile.PathFor(Path.Combine(dir, "log")), "DoS\n");
            var error = Assert.Throws<CanLogFormatException>(() => Records.ReadAll(Path.Combine(dir, "log")));
            Assert.Contains("more labels than", error.Message);
        }

        [Fact]
        public void LabelFileContradictingTheLogsOwnFlagIsAnError()
        {
            var dir = TestPaths.NewScratch();
            var path = Path.Combine(dir, "log.csv");
            File.WriteAllText(path, GoodCsv);
            File.WriteAllText(LabelFile.PathFor(path), LabelFile.Header + "\nDoS\n");
            var error = Assert.Throws<CanLogFormatException>(() => Records.ReadAll(path, LogFormat.CarHackingCsv));
            Assert.Contains("\"DoS\" contradicts the log's own label \"Benign\"", error.Message);
        }

        private static string GoodLine(LogFormat format) => format switch
        {
            LogFormat.CarHackingCsv => GoodCsv,
            LogFormat.DecimalCsv => "852,32,10,0,0,0,2,116,128,0.0\n",
            LogFormat.Candump => "(1436509052.249713) can0 0C1#0011223344556677\n",
            LogFormat.VectorAsc => "   0.000100 1  C1              Rx   d 2 00 11\n",
            LogFormat.CarHackingText => "Timestamp: 1479121434.850202        ID: 0350    000    DLC: 8    05 28 84 66 6d 00 00 a2\n",
            _ => throw new ArgumentOutOfRangeException(nameof(format)),
        };
    
        [Theory]
        [InlineData(LogFormat.VectorAsc, "(1436509052.249713) can0 123#0011\n(1436509052.250713) can0 124#22\n")]
        [InlineData(LogFormat.CarHackingCsv, "(1436509052.249713) can0 123#0011\n")]
        [InlineData(LogFormat.CarHackingText, "(1436509052.249713) can0 123#0011\n")]
        [InlineData(LogFormat.DecimalCsv, "(1436509052.249713) can0 123#0011\n")]
        [InlineData(LogFormat.Candump, "date Wed Nov 25 05:38:03.123 am 2026\nbase hex  timestamps absolute\n   0.001 1  123  Rx   d 1 00\n")]
        public void AFormatThatFindsNoneOfItsFramesFailsInsteadOfReadingZero(LogFormat wrong, string content)
        {
            var path = Path.Combine(TestPaths.NewScratch(), "other.log");
            File.WriteAllText(path, content);
            var error = Assert.Throws<CanLogFormatException>(() => Records.ReadAll(path, wrong));
            Assert.Equal(path, error.Path);
            Assert.Equal(1, error.Line);
        }

        [Fact]
        public void AscRemoteFramesWithoutDlcAndSymbolicNamesAreRead()
        {
            var path = Path.Combine(TestPaths.NewScratch(), "vector.asc");
            File.WriteAllText(path, "date Wed Nov 25 05:38:03.123 am 2026\nbase hex  timestamps absolute\n"
                + "2.520002 3 200 Tx r Length = 1704000 BitCount = 145 ID = 512\n"
                + "2.530000 1 316 EngineData Rx d 2 05 21\n");
            var frames = Records.ReadAll(path, LogFormat.VectorAsc);
            Assert.Equal(2, frames.Count);
            Assert.True(frames[0].IsRemote);
            Assert.Equal(0x200u, frames[0].Id);
            Assert.Equal(0x316u, frames[1].Id);
            Assert.Equal(2, frames[1].Length);
        }

        [Fact]
        public void ExtendedIdentifiersRoundTripThroughCarHackingText()
        {
            var record = new CanRecord { Id = 0x123, Flags = CanRecordFlags.Extended, Length = 1, TimestampUs = 1_000_000 };
            record.Data[0] = 0x42;
            var back = Records.RoundTrip(LogFormat.CarHackingText, [record], TestPaths.NewScratch());
            Assert.True(back.Single().IsExtended);
            Assert.Equal(0x123u, back.Single().Id);
        }
    }
}
