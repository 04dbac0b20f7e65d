using System;
using System.IO;
using System.Linq;
using CanIds.TestSupport;
using CanIds.Traffic.Formats;
using CsCheck;
using Xunit;

namespace CanIds.Traffic.Tests
{
    /// <summary>
    /// Vector BLF read from files built byte by byte (<see cref="BlfFileBuilder"/>): every object type, both object
    /// header versions and timestamp units, containers cut anywhere (inside headers and bodies), compressed or not;
    /// damage fails with a format error naming the byte.
    /// </summary>
    public class BlfTests
    {
        private static readonly DateTime Start = new(2024, 5, 6, 7, 8, 9, 10, DateTimeKind.Utc);

        private static byte[] Seq(int n, int first = 0) => Enumerable.Range(first, n).Select(i => (byte)i).ToArray();

        private static BlfFileBuilder EveryObjectType(bool alignTo4 = false)
        {
            var b = new BlfFileBuilder(Start);
            b.Object(1, BlfFileBuilder.Classic(1, 0, 3, 0x123, [0x11, 0x22, 0x33]), 1_000_000, alignTo4: alignTo4);
            b.Object(86, BlfFileBuilder.Classic(2, 0x01, 8, 0x18FEF100 | 0x80000000, Seq(8, 1), message2: true), 250, flags: 1, alignTo4: alignTo4); // 10 µs units
            b.Object(1, BlfFileBuilder.Classic(1, 0x80, 4, 0x7FF, []), 3_000_000, alignTo4: alignTo4);
            b.Object(1, BlfFileBuilder.Classic(1, 0, 12, 0x100, Seq(8, 0xAA)), 4_000_000, alignTo4: alignTo4);
            b.Object(65, new byte[12 + 5], 0, alignTo4: alignTo4); // APP_TEXT: not a frame
            b.Object(100, BlfFileBuilder.Fd(1, 0, 13, 0x200, 0x01 | 0x02, 32, Seq(32)), 5_000_000, alignTo4: alignTo4);
            b.Object(100, BlfFileBuilder.Fd(1, 0x01, 8, 0x201, 0, 8, Seq(8, 0x40), trailingReserved: true), 6_000_000, alignTo4: alignTo4); // classic frame in an FD object
            b.Object(101, BlfFileBuilder.Fd64(3, 15, 64, 0x1ABCDEF0 | 0x80000000, 0x1000 | 0x4000, 1, Seq(64, 0x80)), 7_000_000, headerVersion: 2, alignTo4: alignTo4);
            b.Object(101, BlfFileBuilder.Fd64(1, 2, 0, 0x300, 0x0010, 0, []), 8_000_000, alignTo4: alignTo4);
            b.Object(73, new byte[32], 9_000_000, alignTo4: alignTo4); // CAN_ERROR_EXT
            b.Object(2, new byte[8], 9_500_000, alignTo4: alignTo4);   // CAN_ERROR
            b.Object(96, new byte[40 + 3], 9_600_000, alignTo4: alignTo4); // GLOBAL_MARKER
            return b;
        }

        private static CanRecord Frame(long offsetUs, uint id, byte[] data, CanRecordFlags flags = 0, byte channel = 0, byte length = 255, byte len8Dlc = 0)
        {
            var r = new CanRecord { TimestampUs = Start.Ticks / 10 - DateTime.UnixEpoch.Ticks / 10 + offsetUs, Id = id, Flags = flags, Channel = channel, Length = length == 255 ? (byte)data.Length : length, Len8Dlc = len8Dlc };
            data.CopyTo(r.Data);
            return r;
        }

        private static readonly CanRecord[] Expected =
        [
            Frame(1_000, 0x123, [0x11, 0x22, 0x33]),
            Frame(2_500, 0x18FEF100, Seq(8, 1), CanRecordFlags.Extended | CanRecordFlags.Transmitted, channel: 1),
            Frame(3_000, 0x7FF, [], CanRecordFlags.Remote, length: 4),
            Frame(4_000, 0x100, Seq(8, 0xAA), len8Dlc: 12),
            Frame(5_000, 0x200, Seq(32), CanRecordFlags.Fd | CanRecordFlags.BitRateSwitch),
            Frame(6_000, 0x201, Seq(8, 0x40), CanRecordFlags.Transmitted),
            Frame(7_000, 0x1ABCDEF0, Seq(64, 0x80), CanRecordFlags.Fd | CanRecordFlags.ErrorStateIndicator | CanRecordFlags.Extended | CanRecordFlags.Transmitted, channel: 2),
            Frame(8_000, 0x300, [], CanRecordFlags.Remote, length: 2),
        ];

        private static (CanRecord[] Frames, ParseSummary Summary) Read(byte[] file)
        {
            var path = Path.Combine(TestPaths.NewScratch(), "log.blf");
            File.WriteAllBytes(path, file);
            Assert.Equal(LogFormat.VectorBlf, LogFormats.Detect(path));
            using var reader = LogFormats.Open(path);
            var frames = reader.ReadAll().ToArray();
            return (frames, reader.Summary);
        }

        [Fact]
        public void EveryObjectTypeIsReadExactlyWhereverTheContainersAreCut()
        {
            var builder = EveryObjectType();
            Gen.Select(Gen.Int[0, builder.Length].Array[0, 6], Gen.Bool).Sample((cuts, compress) =>
            {
                var (frames, summary) = Read(builder.Build(cuts, compress));
                Records.AssertSame(Expected, frames);
                Assert.Equal(2, summary.ErrorFrames);
                Assert.Equal(4, summary.OtherLines); // 2 error frames, APP_TEXT, GLOBAL_MARKER
            }, iter: 300);
        }

        [Fact]
        public void ObjectsPaddedToFourByteBoundariesAreReadToo()
        {
            var builder = EveryObjectType(alignTo4: true);
            Records.AssertSame(Expected, Read(builder.Build([7, 100, 333])).Frames);
        }

        [Fact]
        public void AFileWithoutAStartDateGivesTimesFromZero()
        {
            var b = new BlfFileBuilder(new DateTime(1980, 1, 1, 0, 0, 0, DateTimeKind.Utc)); // before 1990: no date, as python-can writes relative logs
            b.Object(1, BlfFileBuilder.Classic(1, 0, 1, 0x10, [0x5A]), 123_456_000);
            var frame = Assert.Single(Read(b.Build([])).Frames);
            Assert.Equal(123_456, frame.TimestampUs);
        }

        [Fact]
        public void TruncatedAndDamagedFilesFailNamingWhatAndWhere()
        {
            var good = EveryObjectType().Build([200]);

            var cut = Assert.Throws<CanLogFormatException>(() => Read(good[..(good.Length - 9)]));
            Assert.Contains("truncated", cut.Message);
            Assert.Contains("at byte", cut.Message);

            var notBlf = (byte[])good.Clone();
            notBlf[144] = (byte)'X';
            var signature = Assert.Throws<CanLogFormatException>(() => Read(notBlf));
            Assert.Contains("expected an object (\"LOBJ\")", signature.Message);
            Assert.Contains("at byte 144", signature.Message);

            var zlib = (byte[])good.Clone();
            for (int i = 144 + 40; i < 144 + 60; i++) zlib[i] ^= 0x5A;
            var inflate = Assert.Throws<CanLogFormatException>(() => Read(zlib));
            Assert.Equal("structure", inflate.Field);

            var badId = new BlfFileBuilder(Start).Object(1, BlfFileBuilder.Classic(1, 0, 1, 0x900, [1]), 0).Build([]);
            var id = Assert.Throws<CanLogFormatException>(() => Read(badId));
            Assert.Equal("CAN ID", id.Field);
            Assert.Contains("object 1", id.Message);
        }

        [Fact]
        public void LargeLogsStreamContainerByContainerAndRoundTrip()
        {
            // 60,000 frames (about 25 containers): written, read back, every frame the same.
            var dir = TestPaths.NewScratch();
            var frames = TrafficFrames(60_000);
            var back = Records.RoundTrip(LogFormat.VectorBlf, frames, dir, "big.blf");
            Records.AssertSame(frames, back);
            Assert.True(new FileInfo(Path.Combine(dir, "big.blf")).Length < frames.Length * 48 / 2, "containers are compressed");
        }

        private static CanRecord[] TrafficFrames(int n) =>
            Generation.TrafficGenerator.Generate(new Generation.GeneratorOptions { Seed = 3, DurationSeconds = n / 1500.0 + 5 }).Take(n).ToArray();
    }
}
