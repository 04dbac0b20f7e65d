using System.IO;
using System.Linq;
using CanIds.TestSupport;
using CanIds.Traffic.Formats;
using CsCheck;
using Xunit;

namespace CanIds.Traffic.Tests
{
    /// <summary>Every format gives back exactly the frames (and labels) written to it, on random frames.</summary>
    public class RoundTripTests
    {
        [Theory]
        [InlineData(LogFormat.CarHackingCsv)]
        [InlineData(LogFormat.CarHackingText)]
        [InlineData(LogFormat.DecimalCsv)]
        [InlineData(LogFormat.Candump)]
        [InlineData(LogFormat.VectorAsc)]
        [InlineData(LogFormat.PeakTrc)]
        [InlineData(LogFormat.VectorBlf)]
        public void WriteThenReadGivesTheSameFramesAndLabels(LogFormat format)
        {
            var dir = TestPaths.NewScratch();
            Records.For(format).Sample(records =>
            {
                var back = Records.RoundTrip(format, records, dir, System.Guid.NewGuid().ToString("N"));
                Records.AssertSame(records, back);
            }, iter: 150);
        }

        [Theory]
        [InlineData(LogFormat.CarHackingCsv)]
        [InlineData(LogFormat.CarHackingText)]
        [InlineData(LogFormat.DecimalCsv)]
        [InlineData(LogFormat.Candump)]
        [InlineData(LogFormat.VectorAsc)]
        [InlineData(LogFormat.PeakTrc)]
        [InlineData(LogFormat.VectorBlf)]
        public void EveryFormatIsDetectedFromItsContent(LogFormat format)
        {
            var dir = TestPaths.NewScratch();
            var records = Records.For(format).Single();
            Records.RoundTrip(format, records, dir, "no-extension");
            Assert.Equal(format, LogFormats.Detect(Path.Combine(dir, "no-extension")));
        }

        public static TheoryData<LogFormat, LogFormat> HubPairs()
        {
            var pairs = new TheoryData<LogFormat, LogFormat>();
            foreach (var hub in new[] { LogFormat.PeakTrc, LogFormat.VectorBlf })
            {
                foreach (var other in System.Enum.GetValues<LogFormat>())
                {
                    if (other != hub) pairs.Add(hub, other);
                }
            }

            return pairs;
        }

        /// <summary>
        /// TRC and BLF logs converted to every other format and back give the same frames, for every frame the other
        /// format can hold (the decimal CSV has no timestamps: they are given again on the way back, as
        /// <c>canids convert --period-us</c> does).
        /// </summary>
        [Theory]
        [MemberData(nameof(HubPairs))]
        public void TrcAndBlfRoundTripThroughEveryOtherFormat(LogFormat hub, LogFormat other)
        {
            var dir = TestPaths.NewScratch();
            Records.For(other).Sample(records =>
            {
                if (other == LogFormat.DecimalCsv)
                {
                    for (int i = 0; i < records.Length; i++) records[i].TimestampUs = 1_000_000L * (i + 1);
                }

                var name = System.Guid.NewGuid().ToString("N");
                var start = Path.Combine(dir, name + ".start");
                var middle = Path.Combine(dir, name + ".middle");
                var end = Path.Combine(dir, name + ".end");
                Records.RoundTrip(hub, records, dir, Path.GetFileName(start));
                Records.Convert(start, hub, middle, other);
                var back = Records.Convert(middle, other, end, hub, other == LogFormat.DecimalCsv ? (ref CanRecord r, int i) => r.TimestampUs = 1_000_000L * (i + 1) : null);
                Records.AssertSame(records, back);
            }, iter: 40);
        }

        [Fact]
        public void UnlabelledFramesWriteNoLabelFileAndRemoveAStaleOne()
        {
            var dir = TestPaths.NewScratch();
            var path = Path.Combine(dir, "log");
            Records.RoundTrip(LogFormat.Candump, Records.For(LogFormat.Candump, labelled: true).Single(), dir);
            Assert.True(File.Exists(LabelFile.PathFor(path)));
            var unlabelled = Records.For(LogFormat.Candump, labelled: false).Single();
            var back = Records.RoundTrip(LogFormat.Candump, unlabelled, dir);
            Assert.False(File.Exists(LabelFile.PathFor(path)));
            Assert.All(back, r => Assert.Null(r.Label));
        }

        [Fact]
        public void CarHackingFlagsCarryBinaryLabelsWithoutALabelFile()
        {
            var dir = TestPaths.NewScratch();
            var records = Records.For(LogFormat.CarHackingCsv).Single();
            Records.RoundTrip(LogFormat.CarHackingCsv, records, dir, "RPM_dataset.csv");
            var back = Records.ReadAll(Path.Combine(dir, "RPM_dataset.csv"), options: new ReadOptions { UseLabelFile = false });
            Assert.Equal(records.Select(r => r.Label == TrafficClasses.Benign ? TrafficClasses.Benign : TrafficClasses.RpmSpoof), back.Select(r => r.Label));
        }

        [Fact]
        public void AFailedWriteLeavesTheExistingFileUntouched()
        {
            var dir = TestPaths.NewScratch();
            var path = Path.Combine(dir, "log");
            File.WriteAllText(path, "precious\n");
            using (var writer = LogFormats.Create(path, LogFormat.CarHackingCsv))
            {
                var remote = new CanRecord { Id = 0x123, Flags = CanRecordFlags.Remote, TimestampUs = 1 };
                var error = Assert.Throws<System.NotSupportedException>(() => writer.Write(remote));
                Assert.Contains("frame 1", error.Message);
                Assert.Contains("remote", error.Message);
            }

            Assert.Equal("precious\n", File.ReadAllText(path));
            Assert.Single(Directory.GetFiles(dir));
        }
    }
}
